/**
 * The related-document graph. Each relation is declared once, on the source document
 * ("83-KH/TU implements 52-KL/TW"); this module derives the inverse so both pages show it.
 */

/** Relation kinds a document can declare towards another. */
export const RELATION_TYPES = ['implements', 'continues', 'replacedBy', 'reviews'] as const;
/** One of {@link RELATION_TYPES}. */
export type RelationType = (typeof RELATION_TYPES)[number];

/** A declared relation, as found in a document's front matter. */
export interface DeclaredRelation {
  type: RelationType;
  target: string;
  note?: string | undefined;
}

/** A relation as seen from one document: outgoing (declared here) or incoming (declared on the other side). */
export interface RelationView {
  /** The other document's id. */
  other: string;
  type: RelationType;
  direction: 'outgoing' | 'incoming';
  note?: string | undefined;
}

/** Minimal shape of a document for graph purposes. */
export interface GraphNode {
  id: string;
  relations: readonly DeclaredRelation[];
}

/** Every relation touching `id`, outgoing first, each in declaration order. */
export function relationsOf(id: string, nodes: readonly GraphNode[]): RelationView[] {
  const out: RelationView[] = [];
  const self = nodes.find((n) => n.id === id);
  for (const r of self?.relations ?? []) out.push({ other: r.target, type: r.type, direction: 'outgoing', note: r.note });
  for (const n of nodes) {
    if (n.id === id) continue;
    for (const r of n.relations) {
      if (r.target === id) out.push({ other: n.id, type: r.type, direction: 'incoming', note: r.note });
    }
  }
  return out;
}

/** Problems in the graph: unknown targets and self references, as `{ id, index, message }`. */
export function graphProblems(nodes: readonly GraphNode[]): { id: string; index: number; message: string }[] {
  const ids = new Set(nodes.map((n) => n.id));
  const problems: { id: string; index: number; message: string }[] = [];
  for (const n of nodes) {
    n.relations.forEach((r, index) => {
      if (r.target === n.id) problems.push({ id: n.id, index, message: `quan hệ trỏ tới chính văn bản này (${r.target})` });
      else if (!ids.has(r.target)) problems.push({ id: n.id, index, message: `không có văn bản nào có định danh "${r.target}"` });
    });
  }
  return problems;
}

/**
 * The documents `id` carries out or continues: the targets of its `implements` and `continues`
 * relations and, one step up from what it implements, the texts those continue (83-KH/TU implements
 * 52-KL/TW, which continues 27-NQ/TW: the plan carries out both). In declaration order, no repeats.
 */
export function carriedOut(id: string, nodes: readonly GraphNode[]): string[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const targets = (of: string, types: readonly RelationType[]) => (byId.get(of)?.relations ?? []).filter((r) => types.includes(r.type)).map((r) => r.target);
  const direct = targets(id, ['implements', 'continues']);
  const up = targets(id, ['implements']).flatMap((t) => targets(t, ['continues']));
  return [...new Set([...direct, ...up])].filter((t) => t !== id);
}
