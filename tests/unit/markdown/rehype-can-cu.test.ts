import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { VFile } from 'vfile';
import { rehypeProvisionAnchors } from '../../../src/markdown/rehype-provision-anchors.ts';
import { rehypeCanCu } from '../../../src/markdown/rehype-can-cu.ts';

const sets = [
  {
    document: 'plan',
    links: [{ from: 'phan-ii-muc-1', to: [{ doc: 'kl', anchor: 'nd-1', label: 'Tuyên truyền', relation: 'can-cu' as const }, { doc: 'nq', anchor: 'db', label: 'Điện Biên', relation: 'can-cu' as const }] }],
  },
];
const md = '## II- NỘI DUNG\n\n### 1.\n\nTiếp tục tuyên truyền.\n\n### 2.\n\nHai.\n';

function render(path: string, base = '/') {
  return String(
    unified()
      .use(remarkParse)
      .use(remarkRehype)
      .use(rehypeProvisionAnchors)
      .use(rehypeCanCu, { sets, titles: { kl: 'Kết luận số 52-KL/TW', nq: 'Nghị quyết số 27-NQ/TW' }, base })
      .use(rehypeStringify)
      .processSync(new VFile({ value: md, path })),
  );
}

describe('rehypeCanCu', () => {
  it('closes the provision with a căn cứ line, inside its section and before the next provision, marked as chrome', () => {
    const html = render('/x/content/documents/plan.mdx');
    const i = html.indexOf('id="phan-ii-muc-1"');
    const line = html.indexOf('<p class="can-cu" data-chrome="" data-pagefind-ignore="" data-can-cu="phan-ii-muc-1">');
    expect(i).toBeGreaterThan(0);
    expect(line).toBeGreaterThan(html.indexOf('Tiếp tục tuyên truyền.'));
    expect(line).toBeLessThan(html.indexOf('id="phan-ii-muc-2"'));
    expect(html).toMatch(/Tiếp tục tuyên truyền\.<\/p>\s*<p class="can-cu"[^]*?<\/p>\s*<\/section>/);
    expect(html).toContain('Căn cứ: <a href="/van-ban/kl/#nd-1" data-can-cu-target="kl#nd-1">Kết luận số 52-KL/TW: Tuyên truyền</a>; <a href="/van-ban/nq/#db"');
    expect(html.match(/class="can-cu"/g)?.length).toBe(1);
  });
  it('without provision wrappers, follows the bare heading', () => {
    const html = String(
      unified()
        .use(remarkParse)
        .use(remarkRehype)
        .use(() => (tree: import('hast').Root) => {
          for (const n of tree.children) if (n.type === 'element' && n.tagName === 'h3') n.properties.dataProvision = 'phan-ii-muc-1';
        })
        .use(rehypeCanCu, { sets, titles: {} })
        .use(rehypeStringify)
        .processSync(new VFile({ value: '### 1.\n\nMột.\n', path: '/x/content/documents/plan.mdx' })),
    );
    expect(html).toMatch(/<\/h3>\s*<p class="can-cu"/);
  });
  it('links a summary target as a whole document, followed by the plan\'s own words', () => {
    const whole = [{ document: 'plan', links: [{ from: 'phan-ii-muc-1', to: [{ doc: 'kl', wording: 'Kết luận số 52-KL/TW', relation: 'can-cu' as const }] }] }];
    const html = String(
      unified()
        .use(remarkParse)
        .use(remarkRehype)
        .use(rehypeProvisionAnchors)
        .use(rehypeCanCu, { sets: whole, titles: { kl: 'Kết luận số 52-KL/TW' } })
        .use(rehypeStringify)
        .processSync(new VFile({ value: md, path: '/x/content/documents/plan.mdx' })),
    );
    expect(html).toContain('Căn cứ: <a href="/van-ban/kl/" data-can-cu-target="kl">Kết luận số 52-KL/TW</a> (nguyên văn: “Kết luận số 52-KL/TW”).');
    expect(html).not.toContain('/van-ban/kl/#');
  });
  it('says "Căn cứ:" only for targets the provision takes as căn cứ, "Văn bản được nhắc tới:" for the rest', () => {
    const mixed = [
      {
        document: 'plan',
        links: [{ from: 'phan-ii-muc-1', to: [{ doc: 'kl', wording: 'đã nêu trong Kết luận', relation: 'nhac-toi' as const }, { doc: 'nq', wording: 'căn cứ Nghị quyết', relation: 'can-cu' as const }] }],
      },
    ];
    const html = String(
      unified()
        .use(remarkParse)
        .use(remarkRehype)
        .use(rehypeProvisionAnchors)
        .use(rehypeCanCu, { sets: mixed, titles: { kl: 'Kết luận số 52-KL/TW', nq: 'Nghị quyết số 27-NQ/TW' } })
        .use(rehypeStringify)
        .processSync(new VFile({ value: md, path: '/x/content/documents/plan.mdx' })),
    );
    const line = /<p class="can-cu"[^>]*>([^]*?)<\/p>/.exec(html)![1]!.replace(/<[^>]+>/g, '');
    expect(line).toBe('Căn cứ: Nghị quyết số 27-NQ/TW (nguyên văn: “căn cứ Nghị quyết”). Văn bản được nhắc tới: Kết luận số 52-KL/TW (nguyên văn: “đã nêu trong Kết luận”).');
  });
  it('a target without a relation is only a mention (the weaker claim)', () => {
    const bare = [{ document: 'plan', links: [{ from: 'phan-ii-muc-1', to: [{ doc: 'kl', wording: 'Kết luận' }] }] }];
    const html = String(
      unified().use(remarkParse).use(remarkRehype).use(rehypeProvisionAnchors).use(rehypeCanCu, { sets: bare, titles: {} }).use(rehypeStringify)
        .processSync(new VFile({ value: md, path: '/x/content/documents/plan.mdx' })),
    );
    expect(html).toContain('Văn bản được nhắc tới: <a');
    expect(html).not.toContain('Căn cứ:');
  });
  it('respects the base path', () => expect(render('/x/content/documents/plan.mdx', '/tt/')).toContain('href="/tt/van-ban/kl/#nd-1"'));
  it('does nothing on other documents or non-document files', () => {
    expect(render('/x/content/documents/other.mdx')).not.toContain('can-cu');
    expect(render('/x/content/study/plan.mdx')).not.toContain('can-cu');
  });
});
