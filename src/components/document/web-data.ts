/**
 * Loads what the documents-web components need from the content collections, once per build
 * (cached), and shapes it for the pure functions in src/lib/documents.
 */
import { getCollection } from 'astro:content';
import type { CanCuSet } from '../../lib/documents/can-cu.ts';
import type { Matrix } from '../../lib/documents/responsibility.ts';

/** The fields of a document the web components use. */
export interface DocSummary {
  id: string;
  title: string;
  number: string;
  kind: string;
  issuer: string;
  issuedOn: string;
  abstract: string;
  description: string;
  textKind: 'full' | 'summary';
  officialUrl?: string | undefined;
  statusAsOf?: string | undefined;
  relations: { type: 'implements' | 'continues' | 'replacedBy' | 'reviews'; target: string; note?: string | undefined }[];
}

let cache: Promise<{ docs: DocSummary[]; canCu: CanCuSet[]; matrices: Matrix[] }> | undefined;

/** Documents, căn cứ sets and responsibility matrices. */
export function loadWeb() {
  cache ??= (async () => {
    const docs = (await getCollection('documents')).map((e) => ({ id: e.id, ...e.data }) as DocSummary);
    const canCu = (await getCollection('canCu')).map((e) => e.data as CanCuSet);
    const matrices = (await getCollection('responsibilities')).map((e) => e.data as Matrix);
    return { docs, canCu, matrices };
  })();
  return cache;
}
