/**
 * Rehype plugin: compiles `<Nguon id="…" />` in documents and study sessions into a numbered
 * footnote mark, and closes every `##` section that cites sources with the numbered list of them
 * ("Nguồn của mục này": title, publisher, kind in words, date read, link). Numbers restart in each
 * section so the list sits right under the text it supports. Marks inside `<Notes>` (never shown on
 * the reading page) are dropped here; the deck renders them from the markdown (src/lib/content/citations.ts).
 * Source data comes from content/data/nguon/ (validated before the build; unknown ids fail there).
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { formatDateShort } from '../lib/text/date.ts';
import { t } from '../i18n/vi.ts';
import type { UiKey } from '../i18n/vi.ts';

/** What the list shows of one source. */
export interface SourceEntry {
  title: string;
  publisher: string;
  url: string;
  dateRead: string;
  kind: string;
}

/** Options (tests pass data directly). */
export interface NguonOptions {
  contentDir?: string;
  sources?: Record<string, SourceEntry>;
}

/** Reads every source from content/data/nguon/, by id (file name). */
export function readSources(contentDir: string): Record<string, SourceEntry> {
  const dir = join(contentDir, 'data', 'nguon');
  const out: Record<string, SourceEntry> = {};
  if (!existsSync(dir)) return out;
  for (const f of readdirSync(dir).sort()) {
    if (extname(f) === '.yaml') out[f.slice(0, -5)] = parseYaml(readFileSync(join(dir, f), 'utf8')) as SourceEntry;
  }
  return out;
}

/** The words for a source kind ("tin báo", …). */
export const kindWords = (kind: string): string => t(`sources.kind.${kind}` as UiKey);

/** One line of the list: title (linked), publisher, kind in words, date read. */
export function sourceLine(s: SourceEntry): ElementContent[] {
  return [
    { type: 'element', tagName: 'a', properties: { href: s.url, rel: ['external', 'noopener'] }, children: [{ type: 'text', value: s.title }] },
    { type: 'text', value: `. ${s.publisher}: ${kindWords(s.kind)}, ${t('sources.read', { date: formatDateShort(s.dateRead) })}.` },
  ];
}

type AnyNode = RootContent | Root | ElementContent;
interface JsxNode {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: { type: string; name?: string; value?: unknown }[];
  children: AnyNode[];
}
const isJsx = (n: unknown, name?: string): n is JsxNode => {
  const type = (n as { type?: string }).type;
  return (type === 'mdxJsxFlowElement' || type === 'mdxJsxTextElement') && (name === undefined || (n as JsxNode).name === name);
};
const idOf = (n: JsxNode): string => String(n.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'id')?.value ?? '');
const isH2 = (n: RootContent): boolean => (n.type === 'element' && n.tagName === 'h2') || isJsx(n, 'h2');

const FILE = /[\\/](documents|study)[\\/][^\\/]+\.mdx?$/;

/** The plugin. */
export function rehypeNguon(options: NguonOptions = {}) {
  let sources = options.sources;
  return (tree: Root, file: { path?: string; history?: string[] }) => {
    const path = file.path ?? file.history?.[file.history.length - 1] ?? '';
    if (!FILE.test(path)) return;
    sources ??= readSources(options.contentDir ?? process.env.CONTENT_DIR ?? 'content');
    const all = sources;
    const out: RootContent[] = [];
    let section = 0;
    let used: string[] = [];
    const close = () => {
      if (used.length) out.push(listFor(section, used, all));
      used = [];
    };
    const mark = (id: string): Element => {
      let n = used.indexOf(id) + 1;
      if (n === 0) n = used.push(id);
      return {
        type: 'element',
        tagName: 'sup',
        properties: { className: ['nguon-ref'], dataPagefindIgnore: '' },
        children: [
          {
            type: 'element',
            tagName: 'a',
            properties: { href: `#nguon-${section}-${n}`, ariaLabel: t('sources.ref', { n }), dataNguon: id },
            children: [{ type: 'text', value: `[${n}]` }],
          },
        ],
      };
    };
    // Replaces every <Nguon> below `node`; inside <Notes> they are removed (notes are not on this page).
    const walk = (node: AnyNode, inNotes: boolean) => {
      const kids = (node as { children?: AnyNode[] }).children;
      if (!kids) return;
      for (let i = 0; i < kids.length; i++) {
        const k = kids[i]!;
        if (isJsx(k, 'Nguon')) {
          if (inNotes) kids.splice(i--, 1);
          else kids[i] = mark(idOf(k));
        } else walk(k, inNotes || isJsx(k, 'Notes'));
      }
    };
    for (const node of tree.children) {
      if (isH2(node)) {
        close();
        section++;
      }
      walk(node, isJsx(node, 'Notes'));
      out.push(node);
    }
    close();
    tree.children = out;
  };
}

function listFor(section: number, ids: readonly string[], all: Record<string, SourceEntry>): Element {
  return {
    type: 'element',
    tagName: 'aside',
    properties: { className: ['nguon-list'], dataPagefindIgnore: '', dataChrome: '', ariaLabel: t('sources.title') },
    children: [
      { type: 'element', tagName: 'p', properties: { className: ['nguon-list__title'] }, children: [{ type: 'text', value: t('sources.title') }] },
      {
        type: 'element',
        tagName: 'ol',
        properties: {},
        children: ids.map((id, i) => ({
          type: 'element' as const,
          tagName: 'li',
          properties: { id: `nguon-${section}-${i + 1}`, dataNguon: id },
          children: all[id] ? sourceLine(all[id]) : [{ type: 'text' as const, value: id }],
        })),
      },
    ],
  };
}
