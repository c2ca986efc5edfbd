/** The card renderer: a 1200×630 PNG, rendered once per distinct input and then reused from the cache. */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'og-cache-'));
process.env.OG_CACHE_DIR = dir;
const { cardHash, cardStats, prerender, renderCard } = await import('../../../src/components/share/og-render.ts');

const input = {
  site: 'Trí thức Điện Biên',
  kicker: 'Kế hoạch · Tỉnh ủy Điện Biên',
  title: 'Kế hoạch số 83-KH/TU',
  subtitle: 'triển khai Kết luận số 52-KL/TW về xây dựng đội ngũ trí thức',
  footer: 'Toàn văn chính thức · ban hành 27/8/2019',
  url: 'tri-thuc.example',
};
const pngs = () => readdirSync(dir).filter((f) => f.endsWith('.png'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('renderCard', () => {
  it('renders a 1200×630 PNG and caches it under its hash', { timeout: 30_000 }, async () => {
    const png = await renderCard(input);
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    expect(pngs()).toEqual([`${cardHash(input)}.png`]);
  });

  it('reuses the cached PNG for the same input and renders again when the text changes', { timeout: 30_000 }, async () => {
    const first = await renderCard(input);
    const again = await renderCard({ ...input });
    expect(again.equals(first)).toBe(true);
    expect(pngs()).toHaveLength(1);
    const other = await renderCard({ ...input, title: 'Kết luận số 52-KL/TW' });
    expect(other.equals(first)).toBe(false);
    expect(pngs()).toHaveLength(2);
    expect(cardHash({ ...input, title: 'Kết luận số 52-KL/TW' })).not.toBe(cardHash(input));
  });

  it('renders the uncached cards of a build in worker threads, each card waiting for its own', { timeout: 60_000 }, async () => {
    const many = Array.from({ length: 10 }, (_, i) => ({ ...input, title: `Văn bản số ${i + 1}-KH/TU` }));
    prerender([input, ...many]);
    expect(cardStats().workers).toBeGreaterThanOrEqual(1);
    const out = await Promise.all(many.map((m) => renderCard(m)));
    for (const png of out) expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    expect(new Set(out.map((p) => p.toString('base64'))).size).toBe(10);
    expect(pngs()).toHaveLength(12);
    // The first card was cached already, so it was not sent to a worker; rendered counts only new cards.
    expect(cardStats().rendered).toBe(2 + 10);
  });
});
