import { describe, expect, it } from 'vitest';
import { MAX, sentences } from '../../../src/lib/listen/sentences.ts';

describe('sentences', () => {
  it('splits after sentence punctuation and drops the stray stops left by joined blocks', () => {
    expect(sentences(' Mục tiêu.  .  Nắm được căn cứ. Hiểu mục đích; nêu nhiệm vụ: ba phần. ')).toEqual([
      'Mục tiêu.',
      'Nắm được căn cứ.',
      'Hiểu mục đích;',
      'nêu nhiệm vụ:',
      'ba phần.',
    ]);
    expect(sentences('Căn cứ:. Điều 1')).toEqual(['Căn cứ:', 'Điều 1']);
  });

  it('keeps numbering and dates whole', () => {
    expect(sentences('3. Ngân sách của tỉnh. Ngày 30/5/2019. Xong.')).toEqual(['3. Ngân sách của tỉnh.', 'Ngày 30/5/2019. Xong.']);
    expect(sentences('2. Yêu cầu. Phát huy kết quả.')).toEqual(['2. Yêu cầu.', 'Phát huy kết quả.']);
  });

  it('cuts overlong sentences at a comma or a space, never inside a word, losing nothing', () => {
    const words = Array.from({ length: 120 }, (_, i) => `từ${i}${i % 17 === 16 ? ',' : ''}`);
    const text = `${words.join(' ')}.`;
    const parts = sentences(text);
    expect(parts.length).toBeGreaterThan(2);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(MAX);
    expect(parts.join(' ')).toBe(text);
  });
});
