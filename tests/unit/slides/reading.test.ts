import { describe, expect, it } from 'vitest';
import { citedProvisions, documentLinks, readingMinutes, wordCount } from '../../../src/lib/slides/reading.ts';

const body = [
  '## Mục đích',
  '',
  'Xem [mục 1](/van-ban/ke-hoach-83-kh-tu/#phan-i-muc-1) và [lại mục 1](/van-ban/ke-hoach-83-kh-tu/#phan-i-muc-1).',
  'Trang [tóm lược](/van-ban/nghi-quyet-27-nq-tw/) và [ngoài](https://example.org/van-ban/x/).',
  '<Notes>',
  'Ghi chú [bí mật](/van-ban/ket-luan-52-kl-tw/#thong-tin) năm từ nữa',
  '</Notes>',
].join('\n');

describe('reading helpers', () => {
  it('finds document links with anchors and lines, notes included', () => {
    expect(documentLinks(body).map((l) => [l.document, l.anchor, l.line])).toEqual([
      ['ke-hoach-83-kh-tu', 'phan-i-muc-1', 3],
      ['ke-hoach-83-kh-tu', 'phan-i-muc-1', 3],
      ['nghi-quyet-27-nq-tw', null, 4],
      ['ket-luan-52-kl-tw', 'thong-tin', 6],
    ]);
  });
  it('lists distinct cited provisions outside notes', () => {
    expect(citedProvisions(body).map((l) => `${l.document}#${l.anchor ?? ''}:${l.text}`)).toEqual([
      'ke-hoach-83-kh-tu#phan-i-muc-1:mục 1',
      'nghi-quyet-27-nq-tw#:tóm lược',
    ]);
  });
  it('counts words without notes, marks or URLs', () => {
    expect(wordCount('## Hai từ\n\n**một** [hai ba](/van-ban/x/#y) - bốn\n<Notes>\nkhông đếm\n</Notes>')).toBe(6);
  });
  it('estimates reading time in minutes, at least one', () => {
    expect(readingMinutes('một')).toBe(1);
    expect(readingMinutes(Array(1000).fill('từ').join(' '))).toBe(5);
  });
});
