/**
 * Loads what the documents-web components need from the content collections, once per build
 * (cached), and shapes it for the pure functions in src/lib/documents.
 */
import { getCollection } from 'astro:content';
import type { CanCuSet } from '../../lib/documents/can-cu.ts';
import type { Matrix } from '../../lib/documents/responsibility.ts';

/** What every entry of the document chain has, with or without a page. */
interface DocMeta {
  id: string;
  title: string;
  number: string;
  kind: string;
  issuer: string;
  issuedOn: string;
  abstract: string;
}

/** The fields of a document the web components use. */
export interface DocSummary extends DocMeta {
  description: string;
  textKind: 'full' | 'summary';
  officialUrl?: string | undefined;
  statusCheck?: { checkedOn: string; sources: string[]; found: string } | undefined;
  relations: { type: 'implements' | 'continues' | 'replacedBy' | 'reviews'; target: string; note?: string | undefined }[];
}

/** A timeline entry we have only metadata for (content/data/dong-thoi-gian/): no page. */
export interface TimelineEntry extends DocMeta {
  sources: string[];
  relatesTo?: string | undefined;
}

/** A public source (content/data/nguon/). */
export interface SourceSummary {
  id: string;
  title: string;
  publisher: string;
  url: string;
  dateRead: string;
  kind: string;
}

let cache: Promise<{ docs: DocSummary[]; canCu: CanCuSet[]; matrices: Matrix[]; timeline: TimelineEntry[]; sources: Map<string, SourceSummary> }> | undefined;

/** Documents, căn cứ sets, responsibility matrices, metadata-only timeline entries and public sources. */
export function loadWeb() {
  cache ??= (async () => {
    const docs = (await getCollection('documents')).map((e) => ({ id: e.id, ...e.data }) as DocSummary);
    const canCu = (await getCollection('canCu')).map((e) => e.data as CanCuSet);
    const matrices = (await getCollection('responsibilities')).map((e) => e.data as Matrix);
    const timeline = (await getCollection('timeline')).map((e) => ({ id: e.id, ...e.data }) as TimelineEntry);
    const sources = new Map((await getCollection('sources')).map((e) => [e.id, { id: e.id, ...e.data } as SourceSummary]));
    return { docs, canCu, matrices, timeline, sources };
  })();
  return cache;
}
