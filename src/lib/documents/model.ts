/**
 * Turns validated document entries into what pages show: labels, order, neighbours.
 * Pure: pages pass in plain data, never raw front matter.
 */
import type { DocumentKind } from './number.ts';

/** The fields of a document the model needs. */
export interface DocumentSummary {
  id: string;
  title: string;
  number: string;
  kind: DocumentKind;
  issuedOn: string;
}

/** Documents in reading order: by date of issue, then number. */
export function sortDocuments<T extends DocumentSummary>(docs: readonly T[]): T[] {
  return [...docs].sort((a, b) => a.issuedOn.localeCompare(b.issuedOn) || a.number.localeCompare(b.number, 'vi'));
}

/** Previous and next document in reading order. */
export function neighbours<T extends DocumentSummary>(docs: readonly T[], id: string): { prev?: T; next?: T } {
  const sorted = sortDocuments(docs);
  const i = sorted.findIndex((d) => d.id === id);
  if (i < 0) return {};
  return { ...(i > 0 ? { prev: sorted[i - 1] } : {}), ...(i < sorted.length - 1 ? { next: sorted[i + 1] } : {}) };
}
