import { describe, expect, it } from 'vitest';
import { toHtml } from 'hast-util-to-html';
import type { Root } from 'hast';
import { rehypeNguon } from '../../../src/markdown/rehype-nguon.ts';

const sources = {
  a: { title: 'Bài A', publisher: 'Báo A', url: 'https://a.example/x', dateRead: '2026-12-01', kind: 'news' },
  b: { title: 'Bản B', publisher: 'Trang B', url: 'https://b.example/y', dateRead: '2026-12-01', kind: 'full-text-republication' },
};
const nguon = (id: string, flow = false) => ({
  type: flow ? 'mdxJsxFlowElement' : 'mdxJsxTextElement',
  name: 'Nguon',
  attributes: [{ type: 'mdxJsxAttribute', name: 'id', value: id }],
  children: [],
});
const p = (...children: unknown[]) => ({ type: 'element', tagName: 'p', properties: {}, children });
const text = (value: string) => ({ type: 'text', value });
const h2 = (t: string) => ({ type: 'element', tagName: 'h2', properties: { id: t }, children: [text(t)] });
// Summary pages write headings as <h2 id="…"> JSX, which reaches rehype as an mdxJsxFlowElement.
const jsxH2 = (t: string) => ({ type: 'mdxJsxFlowElement', name: 'h2', attributes: [{ type: 'mdxJsxAttribute', name: 'id', value: t }], children: [text(t)] });

function run(tree: unknown, path = '/x/content/documents/kl.mdx'): Root {
  rehypeNguon({ sources })(tree as Root, { path });
  return tree as Root;
}

describe('rehypeNguon', () => {
  it('numbers marks per section and puts the numbered list, with kinds in words, under each section', () => {
    const tree = run({
      type: 'root',
      children: [h2('mot'), p(text('X.'), nguon('a'), text(' Y.'), nguon('b'), text(' Z.'), nguon('a')), h2('hai'), p(text('W.'), nguon('b')), h2('ba'), p(text('không nguồn'))],
    });
    const html = toHtml(tree as Root);
    // Section 1: a → [1], b → [2], a again → [1]; then its list, before the next heading.
    expect(html).toMatch(/X\.<sup class="nguon-ref" data-pagefind-ignore=""><a href="#nguon-1-1"[^>]*>\[1\]<\/a><\/sup> Y\..*\[2\].*Z\..*#nguon-1-1/);
    const list1 = html.slice(html.indexOf('<aside'), html.indexOf('</aside>'));
    expect(list1).toContain('<li id="nguon-1-1" data-nguon="a"><a href="https://a.example/x" rel="external noopener">Bài A</a>. Báo A: tin báo, đọc ngày 01/12/2026.</li>');
    expect(list1).toContain('Trang B: bản đăng lại toàn văn, đọc ngày 01/12/2026');
    expect(html.indexOf('</aside>')).toBeLessThan(html.indexOf('>hai<'));
    // Section 2 restarts at [1]; section 3 cites nothing and gets no list.
    expect(html).toContain('href="#nguon-2-1"');
    expect(html.match(/<aside/g)).toHaveLength(2);
    expect(html).not.toContain('Nguon');
  });
  it('also splits sections at <h2> written as JSX', () => {
    const tree = run({ type: 'root', children: [jsxH2('mot'), p(nguon('a')), jsxH2('hai'), p(nguon('b'))] });
    const kinds = tree.children.map((c) => (c.type === 'element' ? c.tagName : (c as { name?: string }).name));
    expect(kinds).toEqual(['h2', 'p', 'aside', 'h2', 'p', 'aside']);
  });
  it('drops marks inside <Notes> (never on the reading page) and leaves other files alone', () => {
    const notes = { type: 'mdxJsxFlowElement', name: 'Notes', attributes: [], children: [p(text('ghi chú'), nguon('a'))] };
    const tree = run({ type: 'root', children: [h2('mot'), notes] }, '/x/content/study/01.mdx');
    expect(JSON.stringify(tree)).not.toContain('"Nguon"');
    expect(JSON.stringify(tree)).not.toContain('nguon-list');
    const other = { type: 'root', children: [p(nguon('a'))] };
    run(other, '/x/src/pages/x.mdx');
    expect(JSON.stringify(other)).toContain('"Nguon"');
  });
});
