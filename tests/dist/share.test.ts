/**
 * Sharing over the built site: every document, study session, deck, quiz and the home page has a
 * 1200×630 PNG share card that exists in dist/, with absolute og:image and twitter tags; the RSS
 * feed is RSS 2.0 and lists every document and session, newest first; every page links the feed.
 */
import { siteConfig } from '../../src/site.config.ts';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { basePath, distDir, distPages, fileForUrl, parseHtml, select } from '../../scripts/lib/dist.ts';

const pages = distPages();
const site = siteConfig.url.replace(/\/$/, '');
const root = `${site}${basePath()}`;
const ids = (dir: string, ext: string) =>
  readdirSync(join('content', dir)).filter((f) => f.endsWith(ext)).map((f) => f.slice(0, -ext.length));
const docIds = ids('documents', '.mdx');
const studyIds = ids('study', '.mdx');
const quizIds = ids('quizzes', '.yaml');

const shared = [
  '/',
  ...docIds.map((id) => `/van-ban/${id}/`),
  ...studyIds.flatMap((id) => [`/hoc-tap/${id}/`, `/hoc-tap/${id}/trinh-chieu/`]),
  ...quizIds.map((id) => `/kiem-tra/${id}/`),
];

/** Width and height from a PNG's IHDR chunk. */
function pngSize(buf: Buffer): { width: number; height: number } {
  expect(buf.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(buf.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

describe('share cards (og:image)', () => {
  it('covers every document, session, deck and quiz', () => {
    expect(docIds.length).toBeGreaterThanOrEqual(3);
    expect(studyIds.length).toBeGreaterThanOrEqual(1);
    expect(quizIds.length).toBeGreaterThanOrEqual(1);
  });

  it.each(shared)('%s has a 1200×630 card in dist/ and the tags that show it large', (path) => {
    const page = pages.find((p) => p.path === path);
    expect(page, `no page ${path}`).toBeTruthy();
    const tree = parseHtml(page!.html);
    const meta = (sel: string) => select(tree, sel).map((e) => String(e.properties.content ?? ''));
    const [image] = meta('meta[property="og:image"]');
    expect(meta('meta[property="og:image"]')).toHaveLength(1);
    expect(image!.startsWith(`${root}og/`), image).toBe(true);
    expect(image).toMatch(/\.png$/);
    const file = fileForUrl(new URL(image!).pathname);
    expect(file, `${image} is not in dist/`).toBeTruthy();
    expect(pngSize(readFileSync(file!))).toEqual({ width: 1200, height: 630 });
    expect(meta('meta[property="og:image:width"]')).toEqual(['1200']);
    expect(meta('meta[property="og:image:height"]')).toEqual(['630']);
    expect(meta('meta[property="og:image:type"]')).toEqual(['image/png']);
    expect(meta('meta[property="og:image:alt"]')[0]!.length).toBeGreaterThan(20);
    expect(meta('meta[name="twitter:card"]')).toEqual(['summary_large_image']);
    // X takes the image from og:image; its alt has no Open Graph fallback on X.
    expect(meta('meta[name="twitter:image"]')).toEqual([]);
    expect(meta('meta[name="twitter:image:alt"]')).toEqual(meta('meta[property="og:image:alt"]'));
    // Each page has its own card.
    const title = meta('meta[property="og:title"]')[0]!;
    expect(meta('meta[property="og:image:alt"]')[0]).toContain(title.split(':')[0]!.trim().slice(0, 20));
  });

  it('gives each page its own card file', () => {
    const images = shared.map((path) => {
      const tree = parseHtml(pages.find((p) => p.path === path)!.html);
      return String(select(tree, 'meta[property="og:image"]')[0]?.properties.content);
    });
    expect(new Set(images).size).toBe(shared.length);
  });

  it('keeps a plain summary card on pages without an image', () => {
    const other = pages.filter((p) => !shared.includes(p.path));
    expect(other.length).toBeGreaterThan(0);
    for (const p of other) {
      const tree = parseHtml(p.html);
      expect(select(tree, 'meta[property="og:image"]'), p.path).toHaveLength(0);
      expect(select(tree, 'meta[name="twitter:card"]').map((e) => e.properties.content), p.path).toEqual(['summary']);
    }
  });
});

describe('RSS feed', () => {
  const file = join(distDir(), 'rss.xml');
  const xml = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const feed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' || name === 'category' }).parse(xml);
  const items: { title: string; link: string; guid: unknown; pubDate?: string; description: string; category?: string[] }[] =
    feed?.rss?.channel?.item ?? [];

  it('is well-formed RSS 2.0 with a channel', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(feed.rss['@_version']).toBe('2.0');
    const ch = feed.rss.channel;
    expect(ch.title).toBeTruthy();
    expect(ch.description).toBeTruthy();
    expect(ch.link).toBe(root);
    expect(ch.language).toBe('vi');
    for (const i of items) {
      expect(i.title, JSON.stringify(i)).toBeTruthy();
      expect(i.description, i.title).toBeTruthy();
      expect(i.link.startsWith(root), i.link).toBe(true);
      expect(fileForUrl(new URL(i.link).pathname), `${i.link} is not a page of the site`).toBeTruthy();
    }
  });

  it('lists every document (number, date, summary) and every study session, once', () => {
    const links = items.map((i) => i.link);
    const expected = [...docIds.map((id) => `${root}van-ban/${id}/`), ...studyIds.map((id) => `${root}hoc-tap/${id}/`)];
    expect([...links].sort()).toEqual([...expected].sort());
    for (const id of docIds) {
      const item = items.find((i) => i.link === `${root}van-ban/${id}/`)!;
      const number = /^number:\s*"?([^"\n]+)"?$/m.exec(readFileSync(join('content', 'documents', `${id}.mdx`), 'utf8'))?.[1];
      expect(number, id).toBeTruthy();
      expect(item.title).toContain(number!);
      expect(item.category).toContain(number!);
      expect(Number.isNaN(Date.parse(item.pubDate ?? '')), `${id} pubDate`).toBe(false);
    }
  });

  it('puts the newest first', () => {
    const dates = items.filter((i) => i.pubDate).map((i) => Date.parse(i.pubDate!));
    expect(dates.length).toBeGreaterThanOrEqual(docIds.length);
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    // Undated entries (a session without publishedOn) come after every dated one.
    const firstUndated = items.findIndex((i) => !i.pubDate);
    if (firstUndated >= 0) expect(items.slice(firstUndated).every((i) => !i.pubDate)).toBe(true);
  });

  it('is linked from the head of every page and visibly from the document index', () => {
    for (const p of pages) {
      const links = select(parseHtml(p.html), 'link[rel="alternate"][type="application/rss+xml"]');
      expect(links.map((l) => String(l.properties.href)), p.path).toEqual([`${basePath()}rss.xml`]);
    }
    const index = parseHtml(pages.find((p) => p.path === '/van-ban/')!.html);
    expect(select(index, `main a[href="${basePath()}rss.xml"]`)).toHaveLength(1);
  });
});
