import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { VFile } from 'vfile';
import { remarkCrossReferences } from '../../../src/markdown/remark-cross-references.ts';
import { buildMatchers, findReferences } from '../../../src/lib/documents/cross-references.ts';

const targets = [
  { id: 'nghi-quyet-27-nq-tw', number: '27-NQ/TW' },
  { id: 'ket-luan-52-kl-tw', number: '52-KL/TW' },
  { id: 'ke-hoach-83-kh-tu', number: '83-KH/TU' },
];

function render(md: string, opts: { path?: string; mdx?: boolean; base?: string; firstPerBlock?: boolean } = {}) {
  const p = unified().use(remarkParse);
  if (opts.mdx) p.use(remarkMdx);
  const html = p
    .use(remarkCrossReferences, { targets, base: opts.base ?? '/', firstPerBlock: opts.firstPerBlock ?? true })
    .use(remarkRehype)
    .use(rehypeStringify)
    .processSync(new VFile({ value: md, path: opts.path ?? '/site/content/study/01-bai.mdx' }));
  return String(html);
}
const textOf = (html: string) => html.replace(/<[^>]+>/g, '');

describe('findReferences', () => {
  const m = buildMatchers(targets);
  it.each([
    ['theo Nghị quyết số 27-NQ/TW, ngày 06/8/2008', 'Nghị quyết số 27-NQ/TW'],
    ['Nghị quyết 27 đã nêu', 'Nghị quyết 27'],
    ['Kết luận số 52-KL/TW của Ban Bí thư', 'Kết luận số 52-KL/TW'],
    ['Kết luận 52.', 'Kết luận 52'],
    ['Kế hoạch số 83-KH/TU', 'Kế hoạch số 83-KH/TU'],
    ['(27-NQ/TW)', '27-NQ/TW'],
    ['Nghị quyết Trung ương 7 (khóa X) về', 'Nghị quyết Trung ương 7 (khóa X)'],
    ['nghị quyết số 27-NQ/TW', 'nghị quyết số 27-NQ/TW'],
    ['Nghị quyết\u00a0số 27-NQ/TW', 'Nghị quyết\u00a0số 27-NQ/TW'],
  ])('finds the mention in %j', (text, expected) => {
    expect(findReferences(text, m).map((h) => h.text)).toEqual([expected]);
  });
  it.each([
    '127-NQ/TW',
    '27-NQ/TU',
    'Nghị quyết 270',
    'Nghị quyết 27-NQ/TWA',
    'Kết luận 52a',
    'Kết luận số 152-KL/TW',
    'Kế hoạch số 83-KH/TW',
    'Nghị quyết Trung ương 8 khóa XIII',
    'năm 2027',
    'Nghị quyết 27/2019',
  ])('does not match look-alike %j', (text) => {
    expect(findReferences(text, m)).toEqual([]);
  });
  it('finds several mentions in order without overlap', () => {
    const hits = findReferences('Nghị quyết số 27-NQ/TW, Kết luận số 52-KL/TW và Kế hoạch số 83-KH/TU', m);
    expect(hits.map((h) => h.id)).toEqual(['nghi-quyet-27-nq-tw', 'ket-luan-52-kl-tw', 'ke-hoach-83-kh-tu']);
  });
});

describe('remarkCrossReferences', () => {
  it('wraps the mention in a link and leaves the text unchanged', () => {
    const md = 'Thực hiện Kết luận số 52-KL/TW, ngày 30/5/2019 của Ban Bí thư.';
    const html = render(md);
    expect(html).toContain('<a href="/van-ban/ket-luan-52-kl-tw/" class="xref" data-xref="ket-luan-52-kl-tw">Kết luận số 52-KL/TW</a>,');
    expect(textOf(html).trim()).toBe(md);
  });
  it('links "27-NQ/TW," at the end of a line without taking the comma', () => {
    const html = render('căn cứ Nghị quyết số 27-NQ/TW,\nKết luận 52');
    expect(html).toContain('>Nghị quyết số 27-NQ/TW</a>,');
    expect(html).toContain('>Kết luận 52</a>');
  });
  it('never links inside headings, links, code or inline code', () => {
    const md = [
      '## Nghị quyết số 27-NQ/TW',
      '',
      '[xem Kết luận số 52-KL/TW](https://example.org/)',
      '',
      '`Kế hoạch số 83-KH/TU`',
      '',
      '```',
      'Nghị quyết 27',
      '```',
    ].join('\n');
    const html = render(md);
    expect(html).not.toContain('class="xref"');
    expect(textOf(html)).toContain('Nghị quyết số 27-NQ/TW');
  });
  it('never links inside JSX elements of MDX', () => {
    const html = render('<p class="official-title__abstract">triển khai Kết luận số 52-KL/TW</p>\n\nKết luận 52 nói', { mdx: true });
    expect(html.match(/class="xref"/g)?.length).toBe(1);
  });
  it('does not link a document to its own page', () => {
    const html = render('Kế hoạch số 83-KH/TU triển khai Kết luận số 52-KL/TW.', { path: '/x/content/documents/ke-hoach-83-kh-tu.mdx' });
    expect(html).not.toContain('/van-ban/ke-hoach-83-kh-tu/');
    expect(html).toContain('/van-ban/ket-luan-52-kl-tw/');
  });
  it('links only the first mention of a document in a paragraph by default', () => {
    const html = render('Kết luận 52 và Kết luận số 52-KL/TW.\n\nLại Kết luận 52.');
    expect(html.match(/data-xref="ket-luan-52-kl-tw"/g)?.length).toBe(2);
    expect(render('Kết luận 52 và Kết luận 52.', { firstPerBlock: false }).match(/data-xref/g)?.length).toBe(2);
  });
  it('prefixes the deployment base path', () => {
    expect(render('Nghị quyết 27', { base: '/tri-thuc/' })).toContain('href="/tri-thuc/van-ban/nghi-quyet-27-nq-tw/"');
  });
  it('keeps emphasis and surrounding text intact', () => {
    const md = 'Theo **Nghị quyết 27** và _Kết luận 52_ thì';
    const html = render(md);
    expect(html).toContain('<strong><a href="/van-ban/nghi-quyet-27-nq-tw/"');
    expect(textOf(html).trim()).toBe('Theo Nghị quyết 27 và Kết luận 52 thì');
  });
});
