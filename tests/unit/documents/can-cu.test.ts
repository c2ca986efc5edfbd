import { describe, expect, it } from 'vitest';
import { canCuOf, backlinksTo, canCuProblems, targetedSections } from '../../../src/lib/documents/can-cu.ts';
import type { CanCuSet } from '../../../src/lib/documents/can-cu.ts';
import { sourceInfo } from '../../../src/lib/documents/official-source.ts';

const set: CanCuSet = {
  document: 'plan',
  links: [
    { from: 'phan-ii-muc-1', to: [{ doc: 'kl', anchor: 'nd-1', label: 'Một' }, { doc: 'nq', anchor: 'db', label: 'NQ' }] },
    { from: 'phan-ii-muc-2', to: [{ doc: 'kl', anchor: 'nd-2', label: 'Hai' }] },
    { from: 'phan-iii-muc-1', to: [{ doc: 'kl', anchor: 'tc', label: 'TC' }] },
    { from: 'phan-iii-muc-2', to: [{ doc: 'kl', anchor: 'tc', label: 'TC' }, { doc: 'nq', anchor: 'db', label: 'NQ' }] },
  ],
};
const anchors: Record<string, string[]> = {
  plan: ['phan-ii-muc-1', 'phan-ii-muc-2', 'phan-iii-muc-1', 'phan-iii-muc-2'],
  kl: ['nd-1', 'nd-2', 'tc'],
  nq: ['db'],
};
// Both Central documents are imported full texts here (provision-to-provision mode).
const anchorsOf = (d: string) => (anchors[d] ? { anchors: anchors[d]!, fullText: true } : undefined);

describe('both directions', () => {
  it('canCuOf lists what a provision carries out', () => {
    expect(canCuOf('plan', 'phan-ii-muc-1', [set]).map((t) => `${t.doc}#${t.anchor}`)).toEqual(['kl#nd-1', 'nq#db']);
    expect(canCuOf('plan', 'phan-i-muc-1', [set])).toEqual([]);
    expect(canCuOf('other', 'phan-ii-muc-1', [set])).toEqual([]);
  });
  it('backlinksTo lists every provision carrying out a section, in order', () => {
    expect(backlinksTo('kl', 'tc', [set])).toEqual([
      { doc: 'plan', from: 'phan-iii-muc-1', wording: undefined, relation: 'nhac-toi' },
      { doc: 'plan', from: 'phan-iii-muc-2', wording: undefined, relation: 'nhac-toi' },
    ]);
    expect(backlinksTo('nq', 'db', [set]).map((b) => b.from)).toEqual(['phan-ii-muc-1', 'phan-iii-muc-2']);
  });
  it('targetedSections is deduplicated', () => {
    expect(targetedSections([set]).map((t) => `${t.doc}#${t.anchor}`)).toEqual(['kl#nd-1', 'nq#db', 'kl#nd-2', 'kl#tc']);
  });
});

describe('canCuProblems', () => {
  it('accepts resolvable links', () => expect(canCuProblems(set, anchorsOf)).toEqual([]));
  it('reports a missing target anchor with its field path', () => {
    const bad: CanCuSet = { ...set, links: [{ from: 'phan-ii-muc-1', to: [{ doc: 'kl', anchor: 'khong-co', label: 'x' }] }] };
    expect(canCuProblems(bad, anchorsOf)).toEqual([{ index: 0, field: 'links.0.to.0.anchor', message: 'trang kl không có neo "khong-co"' }]);
  });
  it('reports a missing source provision, unknown documents, self links and duplicates', () => {
    const bad: CanCuSet = {
      document: 'plan',
      links: [
        { from: 'phan-ix', to: [{ doc: 'zz', anchor: 'a', label: 'x' }] },
        { from: 'phan-ii-muc-1', to: [{ doc: 'plan', anchor: 'phan-ii-muc-2', label: 'x' }] },
        { from: 'phan-ii-muc-1', to: [{ doc: 'kl', anchor: 'nd-1', label: 'x' }] },
      ],
    };
    expect(canCuProblems(bad, anchorsOf).map((p) => p.field)).toEqual(['links.0.from', 'links.0.to.0.doc', 'links.1.to.0.doc', 'links.2.from']);
    expect(canCuProblems({ document: 'nope', links: [] }, anchorsOf)[0]!.field).toBe('document');
  });
  it('refuses "căn cứ" where the quoted words do not say it (a mention is not a căn cứ)', () => {
    const summaryOf = (d: string) =>
      d === 'plan'
        ? { anchors: ['phan-i-muc-1'], fullText: true, provisions: new Map([['phan-i-muc-1', 'Các cấp căn cứ Kết luận 52 và để Nghị quyết 27 được triển khai.']]) }
        : { anchors: [], fullText: false };
    const link = (wording: string, relation: 'can-cu' | 'nhac-toi'): CanCuSet => ({ document: 'plan', links: [{ from: 'phan-i-muc-1', to: [{ doc: 'kl', wording, relation }] }] });
    expect(canCuProblems(link('căn cứ Kết luận 52', 'can-cu'), summaryOf)).toEqual([]);
    expect(canCuProblems(link('để Nghị quyết 27 được triển khai', 'nhac-toi'), summaryOf)).toEqual([]);
    expect(canCuProblems(link('để Nghị quyết 27 được triển khai', 'can-cu'), summaryOf)).toEqual([
      { index: 0, field: 'links.0.to.0.relation', message: 'nguyên văn "để Nghị quyết 27 được triển khai" không có chữ "căn cứ": điều khoản chỉ nhắc tới kl, hãy ghi relation: nhac-toi' },
    ]);
  });
});

describe('two modes: whole document until the official text is imported', () => {
  const planText = new Map([['phan-ii-muc-1', '1. Tiếp tục tuyên truyền Nghị quyết số 27-NQ/TW, Kết luận số 52-KL/TW và Kế hoạch.']]);
  const info = (fullText: boolean) => (d: string) =>
    d === 'plan' ? { anchors: ['phan-ii-muc-1'], fullText: true, provisions: planText } : d === 'kl' ? { anchors: fullText ? ['muc-1'] : ['thong-tin'], fullText } : undefined;
  const whole: CanCuSet = { document: 'plan', links: [{ from: 'phan-ii-muc-1', to: [{ doc: 'kl', wording: 'Kết luận số 52-KL/TW' }] }] };
  const pointed: CanCuSet = { document: 'plan', links: [{ from: 'phan-ii-muc-1', to: [{ doc: 'kl', anchor: 'muc-1', label: 'Điểm 1' }] }] };

  it('summary target: a whole-document link with the plan\'s own words is accepted', () => expect(canCuProblems(whole, info(false))).toEqual([]));
  it('summary target: a link into one of its sections is rejected (we do not know its sections)', () => {
    const bad: CanCuSet = { document: 'plan', links: [{ from: 'phan-ii-muc-1', to: [{ doc: 'kl', anchor: 'thong-tin', label: 'x' }] }] };
    expect(canCuProblems(bad, info(false))).toEqual([
      { index: 0, field: 'links.0.to.0.anchor', message: 'chưa có toàn văn của kl: căn cứ chỉ được trỏ tới cả văn bản (bỏ anchor, ghi wording), không trỏ tới một mục' },
    ]);
  });
  it('the wording must be word for word in the source provision', () => {
    const bad: CanCuSet = { document: 'plan', links: [{ from: 'phan-ii-muc-1', to: [{ doc: 'kl', wording: 'Kết luận có năm điểm' }] }] };
    expect(canCuProblems(bad, info(false)).map((p) => p.field)).toEqual(['links.0.to.0.wording']);
  });
  it('full-text target: provision to provision works, a whole-document link is asked to name the provision', () => {
    expect(canCuProblems(pointed, info(true))).toEqual([]);
    expect(canCuProblems(whole, info(true)).map((p) => p.field)).toEqual(['links.0.to.0.anchor']);
  });
  it('back links follow the mode: provision back links need the anchor, whole-document ones carry the wording', () => {
    expect(backlinksTo('kl', undefined, [whole])).toEqual([{ doc: 'plan', from: 'phan-ii-muc-1', wording: 'Kết luận số 52-KL/TW', relation: 'nhac-toi' }]);
    expect(backlinksTo('kl', 'muc-1', [whole])).toEqual([]);
    expect(backlinksTo('kl', 'muc-1', [pointed]).map((b) => b.from)).toEqual(['phan-ii-muc-1']);
    expect(targetedSections([whole])).toEqual([]);
  });
});

describe('sourceInfo', () => {
  it('the party document portal is official', () => {
    expect(sourceInfo('http://tulieuvankien.dangcongsan.vn/he-thong-van-ban/x')).toMatchObject({ kind: 'official', host: 'tulieuvankien.dangcongsan.vn' });
  });
  it('other sites are republications; none or garbage is none', () => {
    expect(sourceInfo('https://www.luatminhkhue.vn/x')).toMatchObject({ kind: 'republished', host: 'luatminhkhue.vn' });
    expect(sourceInfo('https://dangcongsan.vn.example.com/x').kind).toBe('republished');
    expect(sourceInfo(undefined).kind).toBe('none');
    expect(sourceInfo('not a url').kind).toBe('none');
  });
});
