import { describe, expect, it } from 'vitest';
import { definitionFirst, definitionSection } from '../../../src/lib/search/definition.ts';

const sec = (id: string | null, heading: string) => ({ id, heading });

describe('definition questions', () => {
  const doc = [sec(null, 'Nghị quyết số 27-NQ/TW'), sec('vai-tro-tri-thuc', 'Vai trò của trí thức'), sec('dinh-nghia-tri-thuc', 'Trí thức là ai (tóm lược)')];
  const study = [sec('dinh-nghia-tri-thuc', 'Định nghĩa trí thức')];

  it('finds the section whose heading or id marks a definition of the subject', () => {
    expect(definitionSection(doc, ['trí', 'thức'])?.id).toBe('dinh-nghia-tri-thuc');
    expect(definitionSection(study, ['tri', 'thuc'])?.id).toBe('dinh-nghia-tri-thuc');
    expect(definitionSection(doc, ['nguoi', 'tri', 'thuc'])?.id).toBe('dinh-nghia-tri-thuc');
    expect(definitionSection(doc, ['trí', 'thức', 'theo', 'nghị', 'quyết'])?.id).toBe('dinh-nghia-tri-thuc');
  });

  it('finds none for another subject, a heading that only names the words, or no subject', () => {
    expect(definitionSection(doc, ['nhiem', 'vu', 'giai', 'phap'])).toBeUndefined();
    expect(definitionSection([sec('vai-tro-tri-thuc', 'Vai trò của trí thức')], ['tri', 'thuc'])).toBeUndefined();
    expect(definitionSection(doc, [])).toBeUndefined();
  });

  it('puts the defining pages first, the document before the study page, opened at the definition', () => {
    const other = { kind: 'văn bản', sections: [sec('phan-ii-muc-2', 'Nhiệm vụ')] };
    const s = { kind: 'tài liệu học tập', sections: [sec('x', 'X'), study[0]!] };
    const d = { kind: 'văn bản', sections: [doc[1]!, doc[2]!] };
    const pages = [other, s, d];
    definitionFirst(pages, new Map([[s, study[0]!], [d, doc[2]!]]), 'văn bản');
    expect(pages).toEqual([d, s, other]);
    expect(d.sections[0]!.id).toBe('dinh-nghia-tri-thuc');
    expect(s.sections.map((x) => x.id)).toEqual(['dinh-nghia-tri-thuc', 'x']);
  });

  it('changes nothing when no page defines the subject', () => {
    const pages = [{ kind: 'văn bản', sections: [] }, { kind: 'trang', sections: [] }];
    const before = [...pages];
    definitionFirst(pages, new Map(), 'văn bản');
    expect(pages).toEqual(before);
  });
});
