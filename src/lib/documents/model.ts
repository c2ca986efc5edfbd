/**
 * Turns validated document entries into what pages show: labels and reading order.
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
