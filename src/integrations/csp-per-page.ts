/**
 * Astro's CSP lists, on every page, the hashes of every inline script and style of the whole
 * build (~30 hashes, ~1 KB gzip of incompressible base64). After the build this keeps on each
 * page only the hashes of the inline scripts and styles that page itself carries, so the page
 * (with its inlined CSS) fits the first TCP flight. The policy stays as strict: a hash is only
 * ever removed, never added, and the directives are untouched.
 */
import { createHash } from 'node:crypto';
import type { PageStep } from './html-files.ts';

const CSP_META = /(<meta http-equiv="content-security-policy" content=")([^"]*)(")/;
const INLINE = /<(script|style)\b([^>]*)>([\s\S]*?)<\/\1>/g;

/** The CSP `content` of `html` reduced to the hashes of its own inline scripts and styles. */
export function prunePolicy(html: string, policy: string): string {
  const own = new Set<string>();
  for (const m of html.matchAll(INLINE)) {
    if (m[1] === 'script' && /\ssrc=/.test(m[2]!)) continue;
    own.add(`'sha256-${createHash('sha256').update(m[3]!).digest('base64')}'`);
  }
  return policy.replace(/'sha256-[A-Za-z0-9+/=]+'\s?/g, (h) => (own.has(h.trim()) ? h : '')).replace(/\s+;/g, ';');
}

/** `html` with its CSP meta pruned (unchanged when it has none). */
export function prunePage(html: string): string {
  return html.replace(CSP_META, (_all, a: string, policy: string, b: string) => a + prunePolicy(html, policy) + b);
}

/** The post-build step (src/integrations/html-files.ts); it must run last, after every step that adds inline code. */
export const cspPerPage: PageStep = { rewrite: prunePage };
