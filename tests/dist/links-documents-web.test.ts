/**
 * Over the built site: every căn cứ link, back link, cross-reference, related-document and matrix
 * link resolves to an existing page and anchor; the plan shows one căn cứ line per declared
 * provision; cross-references never point at their own page nor sit in headings; the responsibility
 * matrix names every body named in section III of the plan's source text.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { toText } from 'hast-util-to-text';
import type { Element } from 'hast';
import { distPages, parseHtml, select, fileForUrl, basePath, distDir } from '../../scripts/lib/dist.ts';

const base = basePath();
const pages = distPages();
const page = (path: string) => {
  const p = pages.find((x) => x.path === path);
  if (!p) throw new Error(`page ${path} is missing from ${distDir()}`);
  return { ...p, tree: parseHtml(p.html) };
};
const idsCache = new Map<string, Set<string>>();
const idsOf = (file: string) => {
  let s = idsCache.get(file);
  if (!s) {
    s = new Set(select(parseHtml(readFileSync(file, 'utf8')), '[id]').map((e) => String(e.properties.id)));
    idsCache.set(file, s);
  }
  return s;
};
/** Resolves an href found on `from` to [file, fragment] or explains why it does not resolve. */
function resolveHref(href: string, from: string): string | null {
  const url = new URL(href, new URL(base.slice(0, -1) + from, 'http://site'));
  if (url.origin !== 'http://site') return `external ${href}`;
  const file = fileForUrl(url.pathname);
  if (!file) return `no page for ${href}`;
  const frag = decodeURIComponent(url.hash.slice(1));
  if (frag && !idsOf(file).has(frag)) return `no #${frag} in ${url.pathname}`;
  return null;
}

const SELECTORS = ['.nguon-ref a', '.nguon-list a', 'a.xref', 'a[data-can-cu-target]', 'a[data-cancu-target]', '.related a', '.status a', '[data-timeline] a', '[data-matrix] a', '[data-deadlines] a', '.can-cu a'];
const docPages = pages.filter((p) => /^\/van-ban\/[a-z0-9-]+\/$/.test(p.path) && !['/van-ban/dong-thoi-gian/', '/van-ban/phan-cong/'].includes(p.path));

describe('documents web links in dist', () => {
  it('the five documents, the timeline and the matrix are built', () => {
    for (const p of ['/van-ban/nghi-quyet-27-nq-tw/', '/van-ban/ket-luan-90-kl-tw/', '/van-ban/ket-luan-52-kl-tw/', '/van-ban/ke-hoach-83-kh-tu/', '/van-ban/nghi-quyet-45-nq-tw/', '/van-ban/dong-thoi-gian/', '/van-ban/phan-cong/']) {
      expect(pages.some((x) => x.path === p), p).toBe(true);
    }
  });

  it('every căn cứ link, back link, cross-reference, related, status, timeline and matrix link resolves', () => {
    const broken: string[] = [];
    let checked = 0;
    // Links out of the site are only to declared public sources (content/data/nguon/), marked rel="external".
    const sourceUrls = new Set(
      readdirSync('content/data/nguon').map((f) => (parseYaml(readFileSync(`content/data/nguon/${f}`, 'utf8')) as { url: string }).url),
    );
    for (const p of pages) {
      const tree = parseHtml(p.html);
      for (const sel of SELECTORS) {
        for (const a of select(tree, sel)) {
          checked++;
          const rel = ([] as unknown[]).concat(a.properties.rel ?? []).map(String);
          if (rel.includes('external')) {
            if (!sourceUrls.has(String(a.properties.href))) broken.push(`${p.path} ${sel}: external link to an undeclared source ${String(a.properties.href)}`);
            continue;
          }
          const problem = resolveHref(String(a.properties.href), p.path);
          if (problem) broken.push(`${p.path} ${sel}: ${problem}`);
        }
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(60);
  });

  it('the plan shows one căn cứ line under each provision declared in content/data/can-cu', () => {
    const data = parseYaml(readFileSync('content/data/can-cu/ke-hoach-83-kh-tu.yaml', 'utf8')) as { links: { from: string; to: { doc: string; anchor?: string; wording?: string }[] }[] };
    const plan = page('/van-ban/ke-hoach-83-kh-tu/');
    const lines = select(plan.tree, '.can-cu');
    expect(lines.map((l) => l.properties.dataCanCu)).toEqual(data.links.map((l) => l.from));
    for (const link of data.links) {
      const line = lines.find((l) => l.properties.dataCanCu === link.from)!;
      // We hold no official text of the Central documents: every link targets the document as a whole
      // and quotes the plan's own words, never an invented section.
      expect(select({ type: 'root', children: [line] }, 'a').map((a) => a.properties.dataCanCuTarget)).toEqual(link.to.map((t) => t.doc));
      for (const t of link.to) expect(t.anchor, `${link.from} → ${t.doc}`).toBeUndefined();
      for (const t of link.to) expect(toText(line)).toContain(`“${t.wording}”`);
      expect(line.properties.dataChrome, 'căn cứ lines are chrome, not official text').toBeDefined();
    }
    // Only provisions that name the document they carry out.
    expect(data.links.map((l) => l.from)).toEqual(['phan-i-muc-1', 'phan-i-muc-2', 'phan-ii-muc-1', 'phan-iii-muc-2', 'phan-iii-muc-3', 'phan-iii-muc-4']);
    // "Căn cứ:" only under the provisions where the plan itself writes "căn cứ" a document (I.2, III.2);
    // the others say "Văn bản được nhắc tới:".
    const labelled = lines.filter((l) => toText(l).startsWith('Căn cứ:')).map((l) => l.properties.dataCanCu);
    expect(labelled).toEqual(['phan-i-muc-2', 'phan-iii-muc-2']);
    for (const l of lines) if (!labelled.includes(l.properties.dataCanCu)) expect(toText(l)).toMatch(/^Văn bản được nhắc tới: /);
  });

  it('every targeted document links back to the plan provisions that carry it out', () => {
    const data = parseYaml(readFileSync('content/data/can-cu/ke-hoach-83-kh-tu.yaml', 'utf8')) as { links: { from: string; to: { doc: string; anchor?: string }[] }[] };
    for (const link of data.links) {
      for (const t of link.to) {
        const target = page(`/van-ban/${t.doc}/`);
        const key = t.anchor ? `${t.doc}#${t.anchor}` : t.doc;
        const back = select(target.tree, `[data-cancu-back="${key}"] a`).map((a) => String(a.properties.dataCancuTarget));
        expect(back, key).toContain(`ke-hoach-83-kh-tu#${link.from}`);
      }
    }
  });

  it('cross-references: on every document page, never to the page itself and never inside a heading', () => {
    let total = 0;
    for (const p of docPages) {
      const tree = parseHtml(p.html);
      const self = p.path.split('/')[2];
      const xrefs = select(tree, 'a.xref');
      total += xrefs.length;
      expect(xrefs.filter((a) => a.properties.dataXref === self), p.path).toEqual([]);
      expect(select(tree, 'h1 a.xref, h2 a.xref, h3 a.xref, h4 a.xref, h5 a.xref, h6 a.xref'), p.path).toEqual([]);
      for (const a of xrefs) expect(a.properties.href).toBe(`${base}van-ban/${a.properties.dataXref}/`);
    }
    expect(total).toBeGreaterThanOrEqual(10);
    // The plan mentions Kết luận 52 and Nghị quyết 27 in its running text.
    const plan = select(page('/van-ban/ke-hoach-83-kh-tu/').tree, 'a.xref').map((a) => a.properties.dataXref);
    expect(plan).toContain('ket-luan-52-kl-tw');
    expect(plan).toContain('nghi-quyet-27-nq-tw');
  });

  it('every document page shows the status panel and both-way related documents', () => {
    expect(docPages.length).toBe(5);
    for (const p of docPages) {
      const tree = parseHtml(p.html);
      expect(select(tree, '[data-status]').length, p.path).toBe(1);
      expect(select(tree, '[data-related] .related__item').length, p.path).toBeGreaterThan(0);
    }
    const nq27 = page('/van-ban/nghi-quyet-27-nq-tw/').tree;
    expect(select(nq27, '.related__item[data-direction="incoming"] a').map((a) => a.properties.href)).toEqual(
      ['ket-luan-90-kl-tw', 'ket-luan-52-kl-tw', 'nghi-quyet-45-nq-tw'].map((id) => `${base}van-ban/${id}/`),
    );
    const kl52 = page('/van-ban/ket-luan-52-kl-tw/').tree;
    expect(select(kl52, '.related__item').map((li) => `${li.properties.dataDirection}:${li.properties.dataRelation}`)).toEqual(['outgoing:continues', 'incoming:implements']);
    expect(select(kl52, '[data-successor]').map((li) => li.properties.dataSuccessor)).toEqual(['ke-hoach-83-kh-tu', 'nghi-quyet-45-nq-tw']);
    // No recorded status check for Kết luận 52: the panel says so instead of a date.
    expect(toText(select(kl52, '[data-status]')[0]!)).not.toContain('Thông tin tính đến ngày');
    expect(toText(select(kl52, '[data-status]')[0]!)).toContain('chưa được rà soát');
    const nq45 = page('/van-ban/nghi-quyet-45-nq-tw/').tree;
    // The recorded check's date, as the front matter gives it.
    const [, y, m, d] = /checkedOn: "(\d{4})-(\d\d)-(\d\d)"/.exec(readFileSync('content/documents/nghi-quyet-45-nq-tw.mdx', 'utf8'))!;
    expect(toText(select(nq45, '[data-status]')[0]!)).toContain(`Thông tin tính đến ngày ${d}/${m}/${y}`);
  });

  it('the timeline lists the five documents and the two later ones known only from sources, in order of issue', () => {
    const tl = page('/van-ban/dong-thoi-gian/').tree;
    expect(select(tl, '[data-timeline] > li').map((li) => li.properties.dataDoc ?? `meta:${String(li.properties.dataTimelineEntry)}`)).toEqual([
      'nghi-quyet-27-nq-tw',
      'ket-luan-90-kl-tw',
      'ket-luan-52-kl-tw',
      'ke-hoach-83-kh-tu',
      'nghi-quyet-45-nq-tw',
      'meta:huong-dan-145-hd-btgtw',
      'meta:quyet-dinh-2711-qd-ttg',
    ]);
    expect(select(tl, '[data-timeline] time').map((t) => t.properties.dateTime)).toEqual(['2008-08-06', '2014-03-04', '2019-05-30', '2019-08-27', '2023-11-24', '2024-03-12', '2025-12-12']);
    // Entries without pages have no title link.
    expect(select(tl, '[data-timeline-entry] .tl__title a')).toEqual([]);
  });
});

describe('summary sections show their sources', () => {
  const KINDS = ['bản đăng lại toàn văn', 'tin báo', 'bài giảng, bản tin hoặc hỏi - đáp', 'cổng thông tin chính thức'];
  it('every h2 section of a summary page lists its numbered sources (kind in words) or cites a provision of the plan', () => {
    const summaries = docPages.filter((p) => p.path !== '/van-ban/ke-hoach-83-kh-tu/');
    expect(summaries).toHaveLength(4);
    for (const p of summaries) {
      const article = select(parseHtml(p.html), 'article.official-text')[0]!;
      const kids = article.children.filter((c): c is Element => c.type === 'element');
      const starts = kids.map((k, i) => (k.tagName === 'h2' ? i : -1)).filter((i) => i >= 0);
      expect(starts.length, p.path).toBeGreaterThan(2);
      starts.forEach((start, n) => {
        const section = kids.slice(start, starts[n + 1] ?? kids.length);
        const root = { type: 'root' as const, children: section };
        const list = select(root, 'aside.nguon-list li');
        const provision = select(root, 'a[href*="/van-ban/ke-hoach-83-kh-tu/#"]');
        const title = toText(section[0]!);
        expect(list.length + provision.length, `${p.path} "${title}"`).toBeGreaterThan(0);
        for (const li of list) expect(KINDS.some((k) => toText(li).includes(`: ${k}, đọc ngày`)), toText(li)).toBe(true);
        // Marks [n] in the section point at its own list.
        for (const a of select(root, '.nguon-ref a')) expect(list.map((li) => `#${String(li.properties.id)}`)).toContain(String(a.properties.href));
      });
    }
  });
});

describe('responsibility matrix covers section III of the source text', () => {
  const source = readFileSync('content/sources/ke-hoach-83-kh-tu.txt', 'utf8').normalize('NFC');
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
  const section = norm(source.slice(source.indexOf('III- TỔ CHỨC THỰC HIỆN'), source.indexOf('Nơi nhận')));
  const sectionLines = source.slice(source.indexOf('III- TỔ CHỨC THỰC HIỆN'), source.indexOf('Nơi nhận')).split(/\r?\n/).map(norm);
  const matrix = page('/van-ban/phan-cong/').tree;
  const matrixText = norm(toText(select(matrix, '[data-matrix]')[0]!));
  const rowBodies = [...new Set(select(matrix, '[data-matrix] tr[data-body]').map((tr) => String(tr.properties.dataBody)))];

  // Responsible bodies: the item headings of section III ("1. Cấp ủy, …"), read from the source.
  const headings = sectionLines.filter((l) => /^\d+\.\s+\S/.test(l) && l.length < 200 && !/[.;:]$/.test(l)).map((l) => l.replace(/^\d+\.\s+/, ''));
  // Every other body the section names (issuers of reports, partners, bodies directed). Each must occur in the source.
  const named = [
    'Ban Thường vụ Tỉnh ủy',
    'Ban Tuyên giáo Tỉnh ủy',
    'Hội đồng Nhân dân tỉnh',
    'UBND tỉnh',
    'các sở, ban, ngành',
    'UBND các huyện, thị xã, thành phố',
    'Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh',
    'Ban Cán sự Đảng UBND tỉnh',
    'Ban Tuyên giáo Trung ương',
  ];

  it('reads four responsible bodies from the source and the matrix has exactly those, in order', () => {
    expect(headings).toHaveLength(4);
    expect(rowBodies).toEqual(headings);
  });
  it.each(named)('"%s" is named in section III and appears in the matrix', (name) => {
    expect(section).toContain(name);
    expect(matrixText).toContain(name);
  });
  it('each deadline of the section is on the timeline, in order', () => {
    const stops = select(matrix, '[data-deadlines] > li').map((li) => norm(toText(select({ type: 'root', children: [li] }, 'h3')[0]!)).toLowerCase());
    expect(stops).toEqual(['tháng 10/2019', 'quý iv/2019', 'năm 2020', 'định kỳ 06 tháng', 'hằng năm']);
    for (const d of ['tháng 10/2019', 'quý IV/2019', 'năm 2020', 'Định kỳ 06 tháng', 'hằng năm']) expect(section).toContain(d);
  });
  it('every matrix row links to its provision of section III', () => {
    for (const tr of select(matrix, '[data-matrix] tr[data-body]')) {
      const a = select({ type: 'root', children: [tr as Element] }, 'a[data-provision-link]')[0]!;
      expect(String(a.properties.href)).toBe(`${base}van-ban/ke-hoach-83-kh-tu/#${tr.properties.dataAnchor}`);
    }
  });
});

it('the documents web data files exist', () => {
  expect(readdirSync(join('content', 'data', 'trach-nhiem'))).toContain('ke-hoach-83-kh-tu.yaml');
});
