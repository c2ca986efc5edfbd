/**
 * Astro-side access to the documents collection: every page goes through here, never through raw
 * getCollection calls, so ordering is the same everywhere.
 */
import { getCollection } from 'astro:content';
import type { CollectionEntry } from 'astro:content';
import { sortDocuments } from '../lib/documents/model.ts';

/** A documents entry. */
export type DocumentEntry = CollectionEntry<'documents'>;

/** All documents in reading order (date of issue). */
export async function getDocuments(): Promise<DocumentEntry[]> {
  const entries = await getCollection('documents');
  const byId = new Map(entries.map((e) => [e.id, e]));
  return sortDocuments(entries.map((e) => ({ ...e.data, id: e.id }))).map((s) => byId.get(s.id)!);
}

/** "Kế hoạch số 83-KH/TU" style label used in citations. */
export function documentLabel(entry: DocumentEntry): string {
  return entry.data.title;
}
