/**
 * Status and successors: what came after a document in its line ("dòng văn bản"). Derived from
 * the declared relations only (never typed by hand on each page), so it cannot drift.
 *
 * The line of a document is the document it continues or implements, followed up to the root
 * (83-KH/TU → 52-KL/TW → 27-NQ/TW). What came later is every document issued after this one that
 * continues, implements or reviews this document or its root, plus anything this one is replaced by.
 */
import type { RelationType } from './relations.ts';

/** Minimal shape of a document for status purposes. */
export interface StatusNode {
  id: string;
  issuedOn: string;
  relations: readonly { type: RelationType; target: string }[];
}

/** A later document and how it relates to the viewed one. */
export interface Successor {
  id: string;
  issuedOn: string;
  /** `direct`: it relates to this document itself; `line`: it continues the same line (same root). */
  via: 'direct' | 'line';
  type: RelationType;
}

const UPWARD: readonly RelationType[] = ['continues', 'implements', 'reviews'];

/** The root of a document's line: follow continues/implements/reviews upwards (cycle-safe). */
export function lineRoot(id: string, nodes: readonly StatusNode[]): string {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  let current = id;
  const seen = new Set([id]);
  for (;;) {
    const up = byId.get(current)?.relations.find((r) => UPWARD.includes(r.type) && byId.has(r.target));
    if (!up || seen.has(up.target)) return current;
    seen.add(up.target);
    current = up.target;
  }
}

/** Documents issued after `id` in its line, oldest first. */
export function successorsOf(id: string, nodes: readonly StatusNode[]): Successor[] {
  const self = nodes.find((n) => n.id === id);
  if (!self) return [];
  const root = lineRoot(id, nodes);
  const out = new Map<string, Successor>();
  for (const r of self.relations) {
    const other = nodes.find((n) => n.id === r.target);
    if (r.type === 'replacedBy' && other) out.set(other.id, { id: other.id, issuedOn: other.issuedOn, via: 'direct', type: r.type });
  }
  for (const n of nodes) {
    if (n.id === id || n.issuedOn <= self.issuedOn) continue;
    for (const r of n.relations) {
      if (!UPWARD.includes(r.type)) continue;
      if (r.target === id) out.set(n.id, { id: n.id, issuedOn: n.issuedOn, via: 'direct', type: r.type });
      else if (!out.has(n.id) && r.target === root && root !== id) out.set(n.id, { id: n.id, issuedOn: n.issuedOn, via: 'line', type: r.type });
    }
  }
  return [...out.values()].sort((a, b) => a.issuedOn.localeCompare(b.issuedOn) || a.id.localeCompare(b.id));
}

/** The latest document of the line of `id` (itself when nothing came later). */
export function latestInLine(id: string, nodes: readonly StatusNode[]): string {
  const later = successorsOf(id, nodes);
  return later.length ? later[later.length - 1]!.id : id;
}

/** Every document of the chain, oldest first (ties by id), for the timeline page. */
export function chronological<T extends { id: string; issuedOn: string }>(nodes: readonly T[]): T[] {
  return [...nodes].sort((a, b) => a.issuedOn.localeCompare(b.issuedOn) || a.id.localeCompare(b.id));
}
