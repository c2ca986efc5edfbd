import { describe, expect, it } from 'vitest';
import { successorsOf, lineRoot, latestInLine, chronological } from '../../../src/lib/documents/status.ts';
import type { StatusNode } from '../../../src/lib/documents/status.ts';

// The real chain's shape, with fixture ids.
const nodes: StatusNode[] = [
  { id: 'nq27', issuedOn: '2008-08-06', relations: [] },
  { id: 'kl90', issuedOn: '2014-03-04', relations: [{ type: 'continues', target: 'nq27' }] },
  { id: 'kl52', issuedOn: '2019-05-30', relations: [{ type: 'continues', target: 'nq27' }] },
  { id: 'kh83', issuedOn: '2019-08-27', relations: [{ type: 'implements', target: 'kl52' }] },
  { id: 'nq45', issuedOn: '2023-11-24', relations: [{ type: 'continues', target: 'nq27' }] },
];

describe('lineRoot', () => {
  it('follows implements and continues up to the root', () => {
    expect(lineRoot('kh83', nodes)).toBe('nq27');
    expect(lineRoot('kl52', nodes)).toBe('nq27');
    expect(lineRoot('nq27', nodes)).toBe('nq27');
  });
  it('survives a cycle', () => {
    const cyc: StatusNode[] = [
      { id: 'a', issuedOn: '2000-01-01', relations: [{ type: 'continues', target: 'b' }] },
      { id: 'b', issuedOn: '2001-01-01', relations: [{ type: 'continues', target: 'a' }] },
    ];
    expect(['a', 'b']).toContain(lineRoot('a', cyc));
  });
});

describe('successorsOf', () => {
  it('the resolution sees every later document that continues it, oldest first', () => {
    expect(successorsOf('nq27', nodes).map((s) => [s.id, s.via])).toEqual([
      ['kl90', 'direct'],
      ['kl52', 'direct'],
      ['nq45', 'direct'],
    ]);
  });
  it('the conclusion sees the plan implementing it and the later resolution of its line', () => {
    expect(successorsOf('kl52', nodes).map((s) => [s.id, s.via, s.type])).toEqual([
      ['kh83', 'direct', 'implements'],
      ['nq45', 'line', 'continues'],
    ]);
  });
  it('the plan sees the 2023 resolution through its line, not earlier documents', () => {
    expect(successorsOf('kh83', nodes).map((s) => s.id)).toEqual(['nq45']);
  });
  it('the latest document has no successor', () => {
    expect(successorsOf('nq45', nodes)).toEqual([]);
    expect(latestInLine('nq45', nodes)).toBe('nq45');
    expect(latestInLine('kl90', nodes)).toBe('nq45');
  });
  it('replacedBy declared on the old document counts even if dates tie', () => {
    const n: StatusNode[] = [
      { id: 'old', issuedOn: '2020-01-01', relations: [{ type: 'replacedBy', target: 'new' }] },
      { id: 'new', issuedOn: '2020-01-01', relations: [] },
    ];
    expect(successorsOf('old', n)).toEqual([{ id: 'new', issuedOn: '2020-01-01', via: 'direct', type: 'replacedBy' }]);
  });
  it('unknown id: nothing', () => expect(successorsOf('x', nodes)).toEqual([]));
});

describe('chronological', () => {
  it('orders by issue date, ties by id, without mutating', () => {
    const shuffled = [nodes[3]!, nodes[0]!, nodes[4]!, nodes[1]!, nodes[2]!];
    expect(chronological(shuffled).map((n) => n.id)).toEqual(['nq27', 'kl90', 'kl52', 'kh83', 'nq45']);
    expect(shuffled[0]!.id).toBe('kh83');
  });
});
