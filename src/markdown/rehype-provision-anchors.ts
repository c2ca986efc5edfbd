/**
 * Rehype plugin: gives every numbered heading its provision anchor (`## II- …` → `phan-ii`,
 * `### 3.` → `phan-ii-muc-3`), adds a visible-on-focus/hover "#" link, and wraps each provision
 * (heading plus the blocks up to the next heading of the same or a higher level) in
 * `<section class="provision">`, so `:target` can highlight the whole provision without JS.
 *
 * Chrome it adds carries `data-chrome` so verbatim checks can strip it; the official text is untouched.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { ProvisionTracker, anchorId, provisionLabel } from '../lib/documents/anchors.ts';

const HEADING = /^h([2-6])$/;

/** Plain text of a hast node. */
function textOf(node: RootContent | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

interface OpenSection {
  level: number;
  el: Element;
}

/** The plugin. Options: none. */
export function rehypeProvisionAnchors() {
  return (tree: Root) => {
    const tracker = new ProvisionTracker();
    const out: RootContent[] = [];
    const stack: OpenSection[] = [];
    const append = (node: RootContent) => {
      const top = stack[stack.length - 1];
      if (top) top.el.children.push(node as ElementContent);
      else out.push(node);
    };
    for (const node of tree.children) {
      const m = node.type === 'element' ? HEADING.exec(node.tagName) : null;
      if (node.type === 'element' && m) {
        const level = Number(m[1]);
        while (stack.length && stack[stack.length - 1]!.level >= level) stack.pop();
        const ref = tracker.next(textOf(node));
        if (ref && node.properties.id === undefined) {
          const id = anchorId(ref);
          const label = provisionLabel(ref);
          node.properties.id = id;
          node.properties.dataProvision = id;
          node.properties.dataLabel = label;
          node.properties.className = ['provision-heading', ...(/^\s*\d+\s*[.\-–]\s*$/.test(textOf(node)) ? ['provision-heading--number'] : [])];
          node.children.push({
            type: 'element',
            tagName: 'a',
            properties: { className: ['heading-anchor'], href: `#${id}`, dataChrome: '', ariaLabel: `Liên kết tới ${label}` },
            children: [{ type: 'text', value: '#' }],
          });
          const section: Element = {
            type: 'element',
            tagName: 'section',
            properties: { className: ['provision', `provision--h${level}`], dataFor: id },
            children: [node],
          };
          append(section);
          stack.push({ level, el: section });
          continue;
        }
        append(node);
        continue;
      }
      // A JSX block (official header, recipients, signature) ends every open provision.
      if ((node.type as string) === 'mdxJsxFlowElement') stack.length = 0;
      append(node);
    }
    tree.children = out;
  };
}
