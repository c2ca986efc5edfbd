/**
 * Slide markdown (what a `<Slide>` block holds) as plain blocks of styled runs, for office files: paragraphs,
 * bulleted and numbered list items, with bold, italic, links and the `[n]` marks of public sources kept.
 * Parsed with mdast-util-from-markdown (CommonMark), so escapes and nested emphasis behave as on the web deck.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes, PhrasingContent, RootContent } from 'mdast';
import { numberSourceTags } from '../content/citations.ts';

/** A run of text with its emphasis. */
export interface TextRunSpec {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Superscript (the `[n]` mark of a public source). */
  sup?: boolean;
  /** Link target as written in the markdown (site-relative or absolute). */
  link?: string;
}

/** A block of a slide: a paragraph or one list item (nested lists are flattened with their depth). */
export interface TextBlock {
  kind: 'paragraph' | 'bullet' | 'number';
  /** 1-based number of a numbered item. */
  number?: number;
  /** 0 for top level. */
  depth: number;
  runs: TextRunSpec[];
}

/** A slide's body as blocks, plus the ids of the public sources its `[n]` marks point to, in order. */
export interface SlideText {
  blocks: TextBlock[];
  sourceIds: string[];
}

type Style = Omit<TextRunSpec, 'text'>;

function inline(nodes: readonly PhrasingContent[], style: Style, out: TextRunSpec[]): void {
  for (const n of nodes) {
    switch (n.type) {
      case 'text':
        out.push({ ...style, text: n.value.replace(/\s*\n\s*/g, ' ') });
        break;
      case 'strong':
        inline(n.children, { ...style, bold: true }, out);
        break;
      case 'emphasis':
        inline(n.children, { ...style, italic: true }, out);
        break;
      case 'link':
        inline(n.children, { ...style, link: n.url }, out);
        break;
      case 'inlineCode':
        out.push({ ...style, text: n.value });
        break;
      case 'break':
        out.push({ ...style, text: '\n' });
        break;
      case 'html':
        // The source marks: <sup class="nguon-ref"> … </sup> around "[n]".
        if (/^<sup\b/i.test(n.value)) style = { ...style, sup: true };
        else if (/^<\/sup>/i.test(n.value)) style = { ...style, sup: undefined };
        break;
      default:
        if ('children' in n) inline(n.children as PhrasingContent[], style, out);
        else if ('value' in n && typeof n.value === 'string') out.push({ ...style, text: n.value });
    }
  }
}

/** Merges neighbouring runs of the same style and trims the ends of the block. */
function tidy(runs: TextRunSpec[]): TextRunSpec[] {
  const out: TextRunSpec[] = [];
  for (const r of runs) {
    const last = out[out.length - 1];
    if (last && last.bold === r.bold && last.italic === r.italic && last.sup === r.sup && last.link === r.link) last.text += r.text;
    else out.push({ ...r });
  }
  if (out.length) {
    out[0]!.text = out[0]!.text.replace(/^\s+/, '');
    out[out.length - 1]!.text = out[out.length - 1]!.text.replace(/\s+$/, '');
  }
  return out.filter((r) => r.text.length > 0).map((r) => ({ ...r, text: r.text.normalize('NFC') }));
}

function blocks(nodes: readonly RootContent[], depth: number, out: TextBlock[], item?: { kind: 'bullet' | 'number'; number?: number }): void {
  let first = true;
  for (const n of nodes) {
    if (n.type === 'paragraph' || n.type === 'heading') {
      const runs: TextRunSpec[] = [];
      inline(n.children, n.type === 'heading' ? { bold: true } : {}, runs);
      // The first paragraph of a list item carries the marker; later ones continue the item.
      const kind = item && first ? item.kind : 'paragraph';
      out.push({ kind, number: kind === 'number' ? item?.number : undefined, depth, runs: tidy(runs) });
      first = false;
    } else if (n.type === 'list') {
      const start = n.start ?? 1;
      n.children.forEach((li, i) => blocks(li.children, item ? depth + 1 : depth, out, { kind: n.ordered ? 'number' : 'bullet', number: start + i }));
      first = false;
    } else if (n.type === 'blockquote') {
      blocks(n.children, depth, out);
    } else if (n.type === 'html') {
      continue;
    } else if ('children' in n) {
      blocks((n as Extract<Nodes, { children: unknown }>).children as RootContent[], depth, out);
    }
  }
}

/** Parses one slide's markdown; `<Nguon id>` tags become `[n]` superscript marks numbered in order. */
export function slideText(markdown: string): SlideText {
  const numbered = numberSourceTags(markdown);
  const tree = fromMarkdown(numbered.markdown.normalize('NFC'));
  const out: TextBlock[] = [];
  blocks(tree.children, 0, out);
  return { blocks: out.filter((b) => b.runs.length > 0), sourceIds: numbered.ids };
}

/** Plain text of markdown (speaker notes): paragraphs and list items on their own lines, marks removed. */
export function plainText(markdown: string): string {
  const out: TextBlock[] = [];
  blocks(fromMarkdown(markdown.normalize('NFC')).children, 0, out);
  return out
    .filter((b) => b.runs.length > 0)
    .map((b) => {
      const marker = b.kind === 'bullet' ? '• ' : b.kind === 'number' ? `${b.number}. ` : '';
      return `${'  '.repeat(b.depth)}${marker}${b.runs.map((r) => r.text).join('')}`;
    })
    .join('\n');
}
