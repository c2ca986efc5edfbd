/**
 * Integrity of the build: every internal link and #anchor resolves, HTML validates, sitemap and
 * robots.txt exist, document pages carry link-preview tags, and no page references another host.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { distDir, distPages, parseHtml, select, startupScripts } from '../../scripts/lib/dist.ts';
import { checkLinks } from '../../scripts/lib/check-links.ts';

const pages = distPages();
describe('internal links and anchors', () => {
  const broken = checkLinks(distDir());
  it.each(pages.map((p) => [p.path, p] as const))('%s: every internal link and #anchor resolves', (path) => {
    expect(broken.filter((b) => b.page === path).map((b) => `${b.ref} (${b.reason})`)).toEqual([]);
  });
});

describe('HTML validity', () => {
  const validator = new HtmlValidate(JSON.parse(readFileSync('.htmlvalidate.json', 'utf8')));
  it.each(pages.map((p) => [p.path, p] as const))('%s validates', async (_path, page) => {
    const report = await validator.validateString(page.html, page.file);
    const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
    expect(messages).toEqual([]);
  });
});

describe('site files', () => {
  it('has a sitemap listing every indexable page', () => {
    const index = join(distDir(), 'sitemap-index.xml');
    expect(existsSync(index)).toBe(true);
    const sitemap = readFileSync(join(distDir(), 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('/van-ban/ke-hoach-83-kh-tu/');
  });
  it('has robots.txt pointing at the sitemap', () => {
    const robots = readFileSync(join(distDir(), 'robots.txt'), 'utf8');
    expect(robots).toMatch(/^Sitemap: https?:\/\/\S+sitemap-index\.xml$/m);
  });
  it('has a Vietnamese 404 page', () => {
    const html = readFileSync(join(distDir(), '404.html'), 'utf8');
    expect(html).toContain('lang="vi"');
    expect(html).toContain('Không tìm thấy trang');
  });
});

describe('every page', () => {
  it.each(pages.map((p) => [p.path, p] as const))('%s: lang="vi", title, description, strict CSP, nothing from other hosts', (_path, page) => {
    const tree = parseHtml(page.html);
    expect(select(tree, 'html[lang="vi"]')).toHaveLength(1);
    expect(select(tree, 'title')[0]?.children.length).toBeGreaterThan(0);
    const csp = select(tree, 'meta[http-equiv="content-security-policy"]')[0];
    const policy = String(csp?.properties.content ?? '');
    expect(policy).toContain("default-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
    const foreign = [
      ...select(tree, 'img[src], iframe[src], source[src]').map((e) => String(e.properties.src)),
      ...startupScripts(tree),
      ...select(tree, 'link[href]:not([rel~="canonical"]):not([rel~="external"])').map((e) => String(e.properties.href)),
    ].filter((u) => /^(https?:)?\/\//.test(u));
    expect(foreign).toEqual([]);
  });
});

describe('link previews (Zalo, Facebook)', () => {
  const docPages = pages.filter((p) => /^\/van-ban\/[a-z0-9-]+\/$/.test(p.path) && p.html.includes('data-official-text') || /^\/van-ban\/[a-z0-9-]+-(nq|kl|kh)-t[wu]\/$/.test(p.path));
  it('finds the document pages', () => expect(docPages.length).toBeGreaterThanOrEqual(3));
  it.each(docPages.map((p) => [p.path, p] as const))('%s has Open Graph and Twitter tags with number and title', (_path, page) => {
    const tree = parseHtml(page.html);
    const meta = (sel: string) => String(select(tree, sel)[0]?.properties.content ?? '');
    const h1 = select(tree, 'h1')[0]!;
    const title = h1.children.map((c) => (c.type === 'text' ? c.value : '')).join('').trim();
    const number = /(\d+-[A-ZĐ]+\/[A-Z]+)/.exec(title)?.[1];
    expect(number).toBeTruthy();
    expect(meta('meta[property="og:title"]')).toContain(number!);
    // X reads og:title and og:description when its own tags are absent: no repeat in the first flight.
    expect(select(tree, 'meta[name="twitter:title"], meta[name="twitter:description"]')).toHaveLength(0);
    expect(meta('meta[property="og:type"]')).toBe('article');
    expect(meta('meta[property="og:description"]').length).toBeGreaterThan(20);
    expect(meta('meta[property="og:url"]')).toMatch(/^https?:\/\//);
    expect(meta('meta[name="twitter:card"]')).toBeTruthy();
  });
});
