/**
 * The outline (table of contents) of a document, read from its MDX body with the same numbering
 * rules as the anchors: parts, items and points, plus headings with explicit ids. A heading that is
 * only a number ("1.") takes the first words of its paragraph as its label, marked with "…".
 */
import { ProvisionTracker, anchorId } from './anchors.ts';
import { unescapeMarkdown } from './mdx-anchors.ts';

/** One outline entry. */
export interface OutlineEntry {
  id: string;
  /** 2 = part, 3 = item, 4 = point (heading level). */
  depth: number;
  label: string;
}

const WORDS = 9;

/** Shortens a paragraph to its first words for a label. */
export function firstWords(text: string, n = WORDS): string {
  const words = text.trim().split(/\s+/);
  return words.length <= n ? words.join(' ') : `${words.slice(0, n).join(' ')}…`;
}

/** Builds the outline of an MDX body. */
export function outlineOfMdx(body: string): OutlineEntry[] {
  const lines = body.split(/\r?\n/);
  const tracker = new ProvisionTracker();
  const out: OutlineEntry[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const md = /^(#{2,4})\s+(.*?)\s*$/.exec(line);
    if (md) {
      const text = unescapeMarkdown(md[2]!);
      const ref = tracker.next(text);
      if (!ref) continue;
      let label = text;
      if (/^\d+\.$/.test(text)) {
        const next = lines.slice(i + 1).find((l) => l.trim().length > 0) ?? '';
        label = `${text} ${firstWords(unescapeMarkdown(next))}`;
      }
      out.push({ id: anchorId(ref), depth: md[1]!.length, label });
      continue;
    }
    const jsx = /^<h([2-4])\s+id="([a-z0-9-]+)"[^>]*>(.*?)<\/h\1>\s*$/.exec(line);
    if (jsx) out.push({ id: jsx[2]!, depth: Number(jsx[1]), label: unescapeMarkdown(jsx[3]!.replace(/<[^>]+>/g, '')) });
  }
  return out;
}
