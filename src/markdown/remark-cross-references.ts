/**
 * Remark plugin: turns mentions of known documents ("Nghị quyết số 27-NQ/TW", "Kết luận 52",
 * "Kế hoạch số 83-KH/TU"…) into links to their pages (/van-ban/<id>/). Links only wrap the text:
 * the words stay exactly as written. Never inside headings, links, code, HTML or JSX elements (except
 * the official text's opening-paragraph wrapper, which holds markdown prose), and
 * never to the page being built (the file name gives the current document's id).
 *
 * The targets come from the documents collection's front matter (content/documents/*.mdx, read
 * once per build) unless passed as an option (tests).
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { Root, Parent, RootContent, PhrasingContent, Link } from 'mdast';
import { buildMatchers, findReferences } from '../lib/documents/cross-references.ts';
import type { XrefMatcher, XrefTarget } from '../lib/documents/cross-references.ts';
import { joinBase } from '../lib/text/url.ts';

/** Options. */
export interface CrossReferenceOptions {
  /** Deployment base path, e.g. "/" or "/tri-thuc/". Default: $BASE_PATH or "/". */
  base?: string;
  /** Documents to link to. Default: read from `contentDir`/documents. */
  targets?: readonly XrefTarget[];
  /** Content folder. Default: $CONTENT_DIR or "content". */
  contentDir?: string;
  /** Link only the first mention of each document in a paragraph (default true). */
  firstPerBlock?: boolean;
}

/** Reads `number` from each documents entry's front matter (no YAML library needed for one scalar). */
export function readTargets(contentDir: string): XrefTarget[] {
  const dir = join(contentDir, 'documents');
  if (!existsSync(dir)) return [];
  const out: XrefTarget[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (extname(name) !== '.mdx') continue;
    const fm = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(join(dir, name), 'utf8'));
    const num = fm && /^number:\s*["']?([^"'\n]+?)["']?\s*$/m.exec(fm[1]!);
    if (num) out.push({ id: basename(name, '.mdx'), number: num[1]! });
  }
  return out;
}

/** Node types whose text is never linked. */
const SKIP = new Set(['heading', 'link', 'linkReference', 'code', 'inlineCode', 'html', 'definition', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxFlowExpression', 'mdxTextExpression', 'mdxjsEsm', 'yaml', 'math', 'inlineMath']);
/** Blocks inside which "first mention only" is counted. */
const BLOCKS = new Set(['paragraph', 'tableCell', 'listItem']);

/**
 * The importer's wrapper of an official text's opening paragraphs (`<div class="official-preamble">`
 * with markdown inside): its paragraphs are official prose like the rest of the body, so they are
 * linked like the rest (they were, before the wrapper gave them the anchor #mo-dau).
 */
function isOfficialProse(node: RootContent): boolean {
  if ((node.type as string) !== 'mdxJsxFlowElement') return false;
  const attrs = (node as unknown as { attributes?: { name?: string; value?: unknown }[] }).attributes ?? [];
  return attrs.some((a) => a.name === 'class' && a.value === 'official-preamble');
}

/** Id of the document being built, from the file path (content/documents/<id>.mdx), if any. */
function currentDocId(path: string | undefined): string | undefined {
  if (!path) return undefined;
  const p = path.replace(/\\/g, '/');
  const m = /\/documents\/([a-z0-9-]+)\.mdx?$/.exec(p);
  return m ? m[1] : undefined;
}

/** The plugin. */
export function remarkCrossReferences(options: CrossReferenceOptions = {}) {
  const base = options.base ?? process.env.BASE_PATH ?? '/';
  const firstPerBlock = options.firstPerBlock ?? true;
  let matcher: XrefMatcher | undefined;
  return (tree: Root, file: { path?: string; history?: string[] }) => {
    // Built once per build: one regex for all documents, so each file costs one scan per text node.
    const m = (matcher ??= buildMatchers(options.targets ?? readTargets(options.contentDir ?? process.env.CONTENT_DIR ?? 'content')));
    const self = currentDocId(file.path ?? file.history?.[file.history.length - 1]);
    if (m.byNumber.size === 0) return;
    const walk = (parent: Parent, seen: Set<string>) => {
      const next: RootContent[] = [];
      for (const child of parent.children as RootContent[]) {
        if (SKIP.has(child.type) && !isOfficialProse(child)) {
          next.push(child);
          continue;
        }
        if (child.type === 'text') {
          const hits = findReferences(child.value, m).filter((h) => h.id !== self && !(firstPerBlock && seen.has(h.id)));
          let pos = 0;
          for (const h of hits) {
            if (firstPerBlock && seen.has(h.id)) continue;
            seen.add(h.id);
            if (h.start > pos) next.push({ type: 'text', value: child.value.slice(pos, h.start) });
            const link: Link = {
              type: 'link',
              url: joinBase(base, `/van-ban/${h.id}/`),
              children: [{ type: 'text', value: h.text }],
              data: { hProperties: { className: ['xref'], dataXref: h.id } },
            };
            next.push(link);
            pos = h.end;
          }
          if (pos === 0) next.push(child);
          else if (pos < child.value.length) next.push({ type: 'text', value: child.value.slice(pos) });
          continue;
        }
        if ('children' in child) walk(child as Parent, BLOCKS.has(child.type) ? new Set() : seen);
        next.push(child);
      }
      (parent as { children: RootContent[] | PhrasingContent[] }).children = next;
    };
    walk(tree, new Set());
  };
}
