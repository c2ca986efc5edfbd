import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { deckPptxBytes, dropLatePPr } from '../../../src/lib/office/deck-pptx.ts';
import type { DeckPptxInput } from '../../../src/lib/office/deck-pptx.ts';
import { plainText, slideText } from '../../../src/lib/office/slide-text.ts';
import type { DeckSlide } from '../../../src/lib/slides/deck.ts';

// A 1×1 PNG stands in for the QR code.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

const slides: DeckSlide[] = [
  { kind: 'title', number: 1, title: 'Chuyên đề thử', notes: '' },
  { kind: 'list', role: 'objectives', number: 2, title: 'Mục tiêu', items: ['Nắm được căn cứ', 'Hiểu mục đích'], start: 1, notes: '' },
  { kind: 'content', number: 3, title: 'Căn cứ', markdown: '- **Tỉnh ủy** ban hành<Nguon id="bao-a" />\n- *Ngày* 27/8/2019\n\nNguồn: [mục 1](/van-ban/x/#phan-i)', notes: '', sectionId: null },
  { kind: 'closing', number: 4, title: 'Kiểm tra kiến thức', notes: '' },
];

const input: DeckPptxInput = {
  title: 'Chuyên đề thử',
  meta: { order: 1, duration: 90, audience: 'Đảng viên' },
  slides,
  notes: ['', '', 'Hỏi cả **hội trường** một câu.', ''],
  sourceLabel: (id) => `Báo ${id}, tin báo`,
  linkUrl: (h) => `https://example.org${h}`,
  quiz: { qrPngBase64: PNG, shortUrl: 'example.org/kiem-tra/x/' },
  labels: { kicker: 'Chuyên đề 1', duration: 'Thời lượng: 90 phút', audience: 'Đối tượng', closingLead: 'Quét mã:', sources: 'Nguồn:', author: 'Trí thức Điện Biên' },
};

const texts = (xml: string) => [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join('');

describe('slide-text', () => {
  it('keeps list items, emphasis, links and numbered source marks', () => {
    const t = slideText('- **Tỉnh ủy** ban hành<Nguon id="a" />\n- *Ngày* 27/8\n\n1. một\n2. hai\n\nNguồn: [mục 1](/van-ban/x/#phan-i)');
    expect(t.sourceIds).toEqual(['a']);
    expect(t.blocks.map((b) => b.kind)).toEqual(['bullet', 'bullet', 'number', 'number', 'paragraph']);
    expect(t.blocks[0]!.runs).toEqual([{ text: 'Tỉnh ủy', bold: true }, { text: ' ban hành' }, { text: '[1]', sup: true }]);
    expect(t.blocks[1]!.runs[0]).toEqual({ text: 'Ngày', italic: true });
    expect(t.blocks[3]!.number).toBe(2);
    expect(t.blocks[4]!.runs[1]).toEqual({ text: 'mục 1', link: '/van-ban/x/#phan-i' });
  });

  it('gives notes as plain text, NFC', () => {
    expect(plainText('Hỏi **cả** hội trường.\n\n- một\n- hai'.normalize('NFD'))).toBe('Hỏi cả hội trường.\n• một\n• hai');
  });
});

describe('deck-pptx', () => {
  it('has one slide per deck slide, the text and the notes, and no misplaced paragraph properties', async () => {
    const files = unzipSync(await deckPptxBytes(input));
    const slideXml = (n: number) => strFromU8(files[`ppt/slides/slide${n}.xml`]!);
    expect(Object.keys(files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))).toHaveLength(4);
    expect(texts(slideXml(1))).toContain('CHUYÊN ĐỀ 1');
    expect(texts(slideXml(3))).toContain('Tỉnh ủy ban hành[1]');
    expect(texts(slideXml(3))).toContain('Nguồn: [1] Báo bao-a, tin báo');
    expect(slideXml(3)).toContain('sz="2000" b="1"');
    expect(strFromU8(files['ppt/slides/_rels/slide3.xml.rels']!)).toContain('https://example.org/van-ban/x/#phan-i');
    expect(texts(slideXml(4))).toContain('example.org/kiem-tra/x/');
    expect(Object.keys(files).some((f) => /^ppt\/media\/.+\.png$/.test(f))).toBe(true);
    expect(texts(strFromU8(files['ppt/notesSlides/notesSlide3.xml']!))).toContain('Hỏi cả hội trường một câu.');
    for (let n = 1; n <= 4; n++) expect(slideXml(n)).not.toMatch(/<\/a:r><a:pPr/);
    expect(slideXml(3)).toContain('typeface="Arial"');
  });

  it('drops paragraph properties that follow a run', () => {
    expect(dropLatePPr('<a:p><a:pPr marL="1"/><a:r><a:t>a</a:t></a:r><a:pPr indent="0"><a:buNone/></a:pPr><a:r><a:t>b</a:t></a:r></a:p>')).toBe(
      '<a:p><a:pPr marL="1"/><a:r><a:t>a</a:t></a:r><a:r><a:t>b</a:t></a:r></a:p>',
    );
  });
});
