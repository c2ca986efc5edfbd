/**
 * Plain text of each provision of an MDX body, without building it: for every numbered heading
 * (same rules as the provision-anchor plugin) the heading and the paragraphs under it, until the
 * next heading of the same or a higher level, or a JSX block (official footer). Used by content
 * checks that must prove data quotes the official text.
 */
import { ProvisionTracker, anchorId } from './anchors.ts';
import { unescapeMarkdown } from './mdx-anchors.ts';

/** Text of every provision by anchor id; the text of a part includes its items. */
export function provisionTexts(body: string): Map<string, string> {
  const texts = new Map<string, string[]>();
  const tracker = new ProvisionTracker();
  // Open provisions: [heading level, anchor].
  let open: [number, string][] = [];
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    if (/^<(?!br)[a-zA-Z/]/.test(line) && !/^<(p|li)\b/.test(line)) {
      // A JSX/HTML block boundary: official header/footer are not provisions.
      if (/^<(footer|header|div)\b/.test(line)) open = [];
      continue;
    }
    const h = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (h) {
      const level = h[1]!.length;
      open = open.filter(([l]) => l < level);
      const ref = tracker.next(unescapeMarkdown(h[2]!));
      if (!ref) continue;
      const id = anchorId(ref);
      open.push([level, id]);
      texts.set(id, []);
      for (const [, a] of open) texts.get(a)!.push(unescapeMarkdown(h[2]!));
      continue;
    }
    const plain = unescapeMarkdown(line.replace(/<[^>]+>/g, ''));
    for (const [, a] of open) texts.get(a)!.push(plain);
  }
  return new Map([...texts].map(([k, v]) => [k, v.join('\n')]));
}

/** The item headings directly inside a part, as `{ anchor, text }`, e.g. section III's responsible bodies. */
export function itemHeadings(body: string, partAnchor: string): { anchor: string; text: string }[] {
  const out: { anchor: string; text: string }[] = [];
  const tracker = new ProvisionTracker();
  for (const raw of body.split(/\r?\n/)) {
    const h = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(raw.trim());
    if (!h) continue;
    const text = unescapeMarkdown(h[2]!);
    const ref = tracker.next(text);
    if (!ref || ref.item === undefined || ref.point !== undefined) continue;
    const id = anchorId(ref);
    if (id.startsWith(`${partAnchor}-muc-`)) out.push({ anchor: id, text });
  }
  return out;
}

/** Heading text without its leading numbering: "1. Ban Tuyên giáo Tỉnh ủy" → "Ban Tuyên giáo Tỉnh ủy". */
export function stripNumbering(heading: string): string {
  return heading.replace(/^(?:[IVXLC]+\s*[-.–:]|\d{1,3}\s*[.)]|[a-zđ]\))\s*/u, '').trim();
}
