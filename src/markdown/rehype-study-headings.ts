/**
 * Rehype plugin for study sessions (content/study/*.mdx only): gives every top-level `##`/`###`
 * heading an ASCII id from the same slugger the outline uses (src/lib/slides/slug.ts), so the
 * reading page's outline links always land. Runs before the provision-anchor plugin and leaves
 * every other file untouched.
 */
import type { Element, Root } from 'hast';
import { HeadingSlugger } from '../lib/slides/slug.ts';
import { headingText } from '../lib/slides/parse.ts';

const STUDY_FILE = /[\\/]study[\\/][^\\/]+\.mdx?$/;

function textOf(node: Element | Root): string {
  return node.children
    .map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? textOf(c) : ''))
    .join('');
}

/** The plugin. Options: none. */
export function rehypeStudyHeadings() {
  return (tree: Root, file: { path?: string; history?: string[] }) => {
    const path = file.path ?? file.history?.[file.history.length - 1] ?? '';
    if (!STUDY_FILE.test(path)) return;
    const slugger = new HeadingSlugger();
    for (const node of tree.children) {
      if (node.type !== 'element' || (node.tagName !== 'h2' && node.tagName !== 'h3')) continue;
      const id = slugger.slug(headingText(textOf(node)));
      if (node.properties.id === undefined) node.properties.id = id;
    }
  };
}
