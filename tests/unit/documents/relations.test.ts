import { describe, expect, it } from 'vitest';
import { carriedOut, graphProblems, relationsOf } from '../../../src/lib/documents/relations.ts';
import type { GraphNode } from '../../../src/lib/documents/relations.ts';

const nodes: GraphNode[] = [
  { id: 'kh-83', relations: [{ type: 'implements', target: 'kl-52' }] },
  { id: 'kl-52', relations: [{ type: 'continues', target: 'nq-27' }] },
  { id: 'nq-45', relations: [{ type: 'continues', target: 'nq-27' }] },
  { id: 'nq-27', relations: [] },
];

describe('relationsOf', () => {
  it('lists the declared relations, then the ones declared on the other side', () => {
    expect(relationsOf('kl-52', nodes)).toEqual([
      { other: 'nq-27', type: 'continues', direction: 'outgoing', note: undefined },
      { other: 'kh-83', type: 'implements', direction: 'incoming', note: undefined },
    ]);
  });
});

describe('carriedOut', () => {
  it('is what a document implements and, one step up, what that continues', () => {
    expect(carriedOut('kh-83', nodes)).toEqual(['kl-52', 'nq-27']);
  });
  it('holds what a document continues', () => {
    expect(carriedOut('kl-52', nodes)).toEqual(['nq-27']);
    expect(carriedOut('nq-45', nodes)).toEqual(['nq-27']);
  });
  it('is empty for a document that carries out nothing', () => {
    expect(carriedOut('nq-27', nodes)).toEqual([]);
    expect(carriedOut('unknown', nodes)).toEqual([]);
  });
});

describe('graphProblems', () => {
  it('names unknown targets and self references', () => {
    const bad: GraphNode[] = [...nodes, { id: 'x', relations: [{ type: 'continues', target: 'x' }, { type: 'implements', target: 'nowhere' }] }];
    expect(graphProblems(bad).map((p) => [p.id, p.index])).toEqual([['x', 0], ['x', 1]]);
  });
});
