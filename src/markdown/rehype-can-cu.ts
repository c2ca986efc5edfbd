/**
 * Rehype plugin: at the end of each provision that has căn cứ data (content/data/can-cu/<doc>.yaml),
 * adds a line "Căn cứ: <link>." and/or "Văn bản được nhắc tới: <link>." (by each target's `relation`). Runs after rehype-provision-anchors
 * (it looks for its `section[data-for]` wrappers, or bare headings carrying `data-provision`). The line is site chrome (`data-chrome`), never
 * part of the official text, and is left out of search (`data-pagefind-ignore`).
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { canCuOf, relationOf } from '../lib/documents/can-cu.ts';
import type { CanCuSet, CanCuTarget } from '../lib/documents/can-cu.ts';
import { t } from '../i18n/vi.ts';
import type { UiKey } from '../i18n/vi.ts';
import { joinBase } from '../lib/text/url.ts';

/** Options (tests pass data directly). */
export interface CanCuOptions {
  base?: string;
  contentDir?: string;
  sets?: readonly CanCuSet[];
  /** Display title by document id, e.g. { 'ket-luan-52-kl-tw': 'Kết luận số 52-KL/TW' }. */
  titles?: Record<string, string>;
}

/** Reads every căn cứ set and every document title from the content folder. */
export function readCanCuData(contentDir: string): { sets: CanCuSet[]; titles: Record<string, string> } {
  const sets: CanCuSet[] = [];
  const dataDir = join(contentDir, 'data', 'can-cu');
  if (existsSync(dataDir)) {
    for (const f of readdirSync(dataDir).sort()) if (extname(f) === '.yaml') sets.push(parseYaml(readFileSync(join(dataDir, f), 'utf8')) as CanCuSet);
  }
  const titles: Record<string, string> = {};
  const docDir = join(contentDir, 'documents');
  if (existsSync(docDir)) {
    for (const f of readdirSync(docDir)) {
      if (extname(f) !== '.mdx') continue;
      const fm = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(join(docDir, f), 'utf8'));
      const title = fm && /^title:\s*["']?(.+?)["']?\s*$/m.exec(fm[1]!);
      if (title) titles[f.slice(0, -4)] = title[1]!;
    }
  }
  return { sets, titles };
}

function docIdOf(path: string | undefined): string | undefined {
  const m = path && /\/documents\/([a-z0-9-]+)\.mdx?$/.exec(path.replace(/\\/g, '/'));
  return m ? m[1] : undefined;
}

/** The plugin. */
export function rehypeCanCu(options: CanCuOptions = {}) {
  const base = options.base ?? process.env.BASE_PATH ?? '/';
  let data: { sets: readonly CanCuSet[]; titles: Record<string, string> } | undefined =
    options.sets ? { sets: options.sets, titles: options.titles ?? {} } : undefined;
  /**
   * Link to one target: provision to provision when we hold the target's text; otherwise the document
   * as a whole, followed by the source provision's own words about it.
   */
  const targetLink = (x: CanCuTarget): ElementContent[] => {
    const title = data?.titles[x.doc] ?? x.doc;
    const link: Element = {
      type: 'element',
      tagName: 'a',
      properties: {
        href: joinBase(base, x.anchor ? `/van-ban/${x.doc}/#${x.anchor}` : `/van-ban/${x.doc}/`),
        dataCanCuTarget: x.anchor ? `${x.doc}#${x.anchor}` : x.doc,
      },
      children: [{ type: 'text', value: x.anchor ? `${title}: ${x.label ?? ''}` : title }],
    };
    return !x.anchor && x.wording ? [link, { type: 'text', value: ` (${t('web.cancu.verbatim')} “${x.wording}”)` }] : [link];
  };
  return (tree: Root, file: { path?: string; history?: string[] }) => {
    const doc = docIdOf(file.path ?? file.history?.[file.history.length - 1]);
    if (!doc) return;
    data ??= readCanCuData(options.contentDir ?? process.env.CONTENT_DIR ?? 'content');
    const { sets } = data;
    if (!sets.some((s) => s.document === doc)) return;
    const lineFor = (anchor: string): Element | undefined => {
      const targets = canCuOf(doc, anchor, sets);
      if (targets.length === 0) return undefined;
      const children: ElementContent[] = [];
      // "Căn cứ:" only for what the provision itself takes as căn cứ; other named documents are
      // listed after "Văn bản được nhắc tới:", so the label never claims more than the text says.
      const groups: [UiKey, CanCuTarget[]][] = [
        ['web.cancu.label', targets.filter((x) => relationOf(x) === 'can-cu')],
        ['web.cancu.mentionLabel', targets.filter((x) => relationOf(x) === 'nhac-toi')],
      ];
      for (const [label, group] of groups) {
        if (group.length === 0) continue;
        if (children.length) children.push({ type: 'text', value: ' ' });
        children.push({ type: 'text', value: `${t(label)} ` });
        group.forEach((x, j) => {
          if (j > 0) children.push({ type: 'text', value: '; ' });
          children.push(...targetLink(x));
        });
        children.push({ type: 'text', value: '.' });
      }
      return {
        type: 'element',
        tagName: 'p',
        properties: { className: ['can-cu'], dataChrome: '', dataPagefindIgnore: '', dataCanCu: anchor },
        children,
      };
    };
    const isSection = (n: RootContent | undefined) => n?.type === 'element' && n.tagName === 'section';
    const visit = (parent: Root | Element) => {
      const kids = parent.children as RootContent[];
      for (let i = 0; i < kids.length; i++) {
        const node = kids[i]!;
        if (node.type !== 'element') continue;
        const forAnchor = node.tagName === 'section' ? node.properties?.dataFor : undefined;
        const headingAnchor = /^h[2-6]$/.test(node.tagName) ? node.properties?.dataProvision : undefined;
        if (typeof forAnchor === 'string') {
          // A provision wrapper (rehype-provision-anchors): the line closes the provision's own text,
          // after its paragraphs and before any nested provision.
          visit(node);
          const line = lineFor(forAnchor);
          if (line) {
            const inner = node.children as RootContent[];
            let at = inner.findIndex((c, k) => k > 0 && isSection(c));
            if (at < 0) at = inner.length;
            inner.splice(at, 0, line);
          }
        } else if (typeof headingAnchor === 'string' && !isSection(parent as RootContent)) {
          // A bare provision heading (no wrapper): the line follows it.
          const line = lineFor(headingAnchor);
          if (line) {
            kids.splice(i + 1, 0, line);
            i++;
          }
        } else visit(node);
      }
    };
    visit(tree);
  };
}
