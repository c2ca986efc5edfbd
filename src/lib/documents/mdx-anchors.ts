/**
 * Finds the anchors an MDX body will have once built, without building it: numbered markdown
 * headings get provision ids (same rules as the rehype plugin) and JSX/HTML elements keep their
 * explicit `id="…"`. Used by content validation to reject links to anchors that do not exist.
 */
import { ProvisionTracker, anchorId } from './anchors.ts';

/** Every anchor id the MDX body will expose, in document order, without duplicates. */
export function anchorsInMdx(body: string): string[] {
  const out: string[] = [];
  const tracker = new ProvisionTracker();
  let inFence = false;
  for (const line of body.split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (inFence) continue;
    const h = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (h) {
      const ref = tracker.next(unescapeMarkdown(h[2]!));
      if (ref) out.push(anchorId(ref));
    }
    for (const m of line.matchAll(/\bid=["']([A-Za-z0-9_-]+)["']/g)) out.push(m[1]!);
  }
  return [...new Set(out)];
}

/** Removes markdown backslash escapes ("1\." → "1."). */
export function unescapeMarkdown(s: string): string {
  return s.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}
