import { describe, expect, it } from 'vitest';
import { studyDocumentLinks, studySlides } from '../../../src/lib/content/checks/study.ts';
import { studySchema } from '../../../src/schemas/study.ts';
import type { ValidCorpus } from '../../../src/lib/content/types.ts';

const doc = { collection: 'documents', id: 'ke-hoach-83-kh-tu', file: 'content/documents/ke-hoach-83-kh-tu.mdx', data: {}, body: '## II- NỘI DUNG\n\n### 1.\n\nx\n\n<div id="noi-nhan">y</div>\n' };
const study = (body: string) => ({ collection: 'study', id: '01-a', file: 'content/study/01-a.mdx', data: {}, body });
const corpus = (body: string): ValidCorpus => ({ documents: [doc], study: [study(body)] });

describe('studyDocumentLinks', () => {
  it('accepts existing documents and anchors (provision and explicit ids)', () => {
    const body = '[a](/van-ban/ke-hoach-83-kh-tu/#phan-ii-muc-1) [b](/van-ban/ke-hoach-83-kh-tu/#noi-nhan) [c](/van-ban/ke-hoach-83-kh-tu/)';
    expect(studyDocumentLinks(corpus(body))).toEqual([]);
  });
  it('rejects a missing document and a missing anchor, naming file and line', () => {
    const body = 'x\n[a](/van-ban/khong-co/#phan-i)\n[b](/van-ban/ke-hoach-83-kh-tu/#phan-ii-muc-9)';
    expect(studyDocumentLinks(corpus(body))).toEqual([
      { file: 'content/study/01-a.mdx', field: '(dòng 2)', message: 'liên kết tới văn bản không có: /van-ban/khong-co/' },
      { file: 'content/study/01-a.mdx', field: '(dòng 3)', message: 'văn bản ke-hoach-83-kh-tu không có neo #phan-ii-muc-9' },
    ]);
  });
});

describe('studySlides', () => {
  it('requires slides and reports markup and budget problems', () => {
    expect(studySlides(corpus('chỉ có chữ'))[0]?.message).toMatch(/chưa có trang chiếu/);
    const long = `<Slide title="T">\n\n${Array(8).fill('- ý').join('\n')}\n\n</Slide>\n</Slide>`;
    const msgs = studySlides(corpus(long)).map((p) => `${p.field} ${p.message}`);
    expect(msgs).toEqual(['(dòng 13) </Slide> không có <Slide> mở', '(dòng 1) trang chiếu có 8 ý (tối đa 5)']);
  });
});

describe('studySchema', () => {
  const ok = {
    title: 'Chuyên đề', description: 'Mô tả', order: 1, quiz: '01-a', duration: 30, audience: 'Cán bộ',
    objectives: ['a'], preparation: ['b'], agenda: [{ title: 'x', minutes: 10 }, { title: 'y', minutes: 20 }], discussion: ['c?'],
  };
  it('accepts a complete session', () => expect(studySchema.safeParse(ok).success).toBe(true));
  it('rejects an agenda that does not add up to the duration', () => {
    const r = studySchema.safeParse({ ...ok, duration: 45 });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['agenda']);
  });
  it.each([['quiz', 'Bài 1'], ['objectives', []], ['discussion', undefined], ['unknown', 1]])('rejects bad %s', (k, v) => {
    expect(studySchema.safeParse({ ...ok, [k]: v }).success).toBe(false);
  });
});
