/**
 * Reading-page helpers: estimated reading time and the provisions a session cites.
 */
import { readingBody } from './parse.ts';

/** Words per minute for a careful read of Vietnamese study text (counted in syllables). */
export const WORDS_PER_MINUTE = 200;

/** Counts whitespace-separated words of the visible text (notes, JSX tags and link targets ignored). */
export function wordCount(body: string): number {
  const text = readingBody(body)
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/<[^>]+>/g, ' ')
    .replace(/[#*_`>[\]|-]+/g, ' ');
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Estimated reading time in whole minutes, at least 1. */
export function readingMinutes(body: string, wpm = WORDS_PER_MINUTE): number {
  return Math.max(1, Math.round(wordCount(body) / wpm));
}

/** A link from a session to a document page, optionally to an anchor in it. */
export interface DocumentLink {
  /** Document id (file name in content/documents/). */
  document: string;
  /** Anchor id without "#", or null for the page itself. */
  anchor: string | null;
  /** The link text as written. */
  text: string;
  /** 1-based line in the body. */
  line: number;
}

const DOC_LINK = /\[([^\]]+)\]\(\/van-ban\/([^/)#\s]+)\/?(?:#([^)\s]+))?\)/g;

/** Every markdown link to `/van-ban/<id>/…` in the body (notes included), in order. */
export function documentLinks(body: string): DocumentLink[] {
  const out: DocumentLink[] = [];
  body.split(/\r?\n/).forEach((line, i) => {
    for (const m of line.matchAll(DOC_LINK)) {
      out.push({ document: m[2]!, anchor: m[3] ?? null, text: m[1]!, line: i + 1 });
    }
  });
  return out;
}

/** Distinct cited provisions (document + anchor), first link text kept, in order of first citation. */
export function citedProvisions(body: string): DocumentLink[] {
  const seen = new Set<string>();
  return documentLinks(readingBody(body)).filter((l) => {
    const key = `${l.document}#${l.anchor ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
