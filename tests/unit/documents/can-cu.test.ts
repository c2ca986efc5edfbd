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
const anchorsOf = (d: string) => anchors[d];

describe('both directions', () => {
  it('canCuOf lists what a provision carries out', () => {
    expect(canCuOf('plan', 'phan-ii-muc-1', [set]).map((t) => `${t.doc}#${t.anchor}`)).toEqual(['kl#nd-1', 'nq#db']);
    expect(canCuOf('plan', 'phan-i-muc-1', [set])).toEqual([]);
    expect(canCuOf('other', 'phan-ii-muc-1', [set])).toEqual([]);
  });
  it('backlinksTo lists every provision carrying out a section, in order', () => {
    expect(backlinksTo('kl', 'tc', [set])).toEqual([
      { doc: 'plan', from: 'phan-iii-muc-1' },
      { doc: 'plan', from: 'phan-iii-muc-2' },
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
