/** Pure parts of the benchmark: page weight over a fixture dist, statistics, scaling and the report. */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { discoverPages, pageWeight, staticImports } from '../../../scripts/bench/sizes.ts';
import { foldDiacritics, median, percentile, stats } from '../../../scripts/bench/search-latency.ts';
import { formatReport, linearity, scaling, slowestStep, table } from '../../../scripts/bench/report.ts';
import { parseTimes } from '../../../scripts/bench/build.ts';
import type { BenchResults, SiteResult } from '../../../scripts/bench/report.ts';

const gz = (s: string) => gzipSync(s, { level: 6 }).length;

function write(root: string, path: string, text: string): void {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
}

describe('staticImports', () => {
  it('finds static imports and re-exports, not dynamic import()', () => {
    const code = 'import{a as b}from"./a.js";import "./side.js";export{c}from\'./c.js\';const x=import("./lazy.js");';
    expect(staticImports(code)).toEqual(['./a.js', './side.js', './c.js']);
  });
});

describe('pageWeight and discoverPages over a fixture site', () => {
  const root = mkdtempSync(join(tmpdir(), 'bench-dist-'));
  const dist = join(root, 'dist');
  const content = join(root, 'content');
  const css = 'body{color:red}@font-face{src:url(/_astro/f.woff2)}'.repeat(3);
  const entry = 'import{h}from"./dep.js";h();import("./lazy.js");';
  const dep = 'export function h(){return 1}'.repeat(5);
  const inline = 'document.documentElement.dataset.js="1"';
  const html = `<!doctype html><html><head><link rel="stylesheet" href="/_astro/site.css"><link rel="icon" href="/favicon.svg"><script type="module" src="/_astro/entry.js"></script><script>${inline}</script></head><body><main>Văn bản</main></body></html>`;
  write(dist, 'van-ban/ke-hoach-1-kh-tu/index.html', html);
  write(dist, 'van-ban/tom-tat/index.html', '<html><body>x</body></html>');
  write(dist, 'index.html', '<html><body>home</body></html>');
  write(dist, 'hoc-tap/buoi-1/index.html', '<p>study</p>');
  write(dist, 'hoc-tap/buoi-1/trinh-chieu/index.html', '<p>deck</p>');
  write(dist, 'kiem-tra/tien-do/index.html', '<p>progress</p>');
  write(dist, '_astro/site.css', css);
  write(dist, '_astro/entry.js', entry);
  write(dist, '_astro/dep.js', dep);
  write(dist, '_astro/lazy.js', 'export const big="' + 'x'.repeat(5000) + '"');
  write(dist, '_astro/f.woff2', 'FONTDATA12');
  write(content, 'documents/ke-hoach-1-kh-tu.mdx', '---\nkind: plan\ntextKind: full\n---\nx');
  write(content, 'documents/tom-tat.mdx', '---\nkind: conclusion\ntextKind: summary\n---\nx');

  it('counts HTML, stylesheets, scripts and their static imports, gzip, and fonts apart', () => {
    const w = pageWeight(dist, '/van-ban/ke-hoach-1-kh-tu/')!;
    expect(w.html).toBe(gz(html));
    expect(w.css).toBe(gz(css));
    expect(w.js).toBe(gz(entry) + gz(dep));
    expect(w.inlineJs).toBe(gz(inline));
    expect(w.total).toBe(w.html + w.css + w.js);
    expect(w.jsRaw).toBe(entry.length + dep.length + inline.length);
    expect(w.fontFiles).toBe(1);
    expect(w.fonts).toBe(10);
    expect(w.files).toEqual(['/_astro/dep.js', '/_astro/entry.js', '/_astro/site.css']);
  });

  it("counts the modules a defer-modules loader starts after the first paint", () => {
    const loader = '(function(){})()';
    write(dist, 'van-ban/deferred/index.html', `<html><head><script data-modules="/_astro/entry.js">${loader}</script></head><body>x</body></html>`);
    const w = pageWeight(dist, '/van-ban/deferred/')!;
    expect(w.js).toBe(gz(entry) + gz(dep));
    expect(w.files).toEqual(['/_astro/dep.js', '/_astro/entry.js']);
  });

  it('returns null for a page that is not built', () => {
    expect(pageWeight(dist, '/kiem-tra/khong-co/')).toBeNull();
  });

  it('finds one page per type and reports missing types as null', () => {
    const pages = discoverPages(dist, content);
    expect(pages).toEqual({
      home: '/',
      plan: '/van-ban/ke-hoach-1-kh-tu/',
      summary: '/van-ban/tom-tat/',
      study: '/hoc-tap/buoi-1/',
      deck: '/hoc-tap/buoi-1/trinh-chieu/',
      quiz: null, // tien-do is the progress page, not a quiz
      search: null,
    });
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));
});

describe('statistics', () => {
  it('median, nearest-rank percentile, and stats that count failures and empty results', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([7], 90)).toBe(7);
    const s = stats([
      { query: 'a', folded: false, ms: 10, results: 3 },
      { query: 'b', folded: false, ms: 30, results: 0 },
      { query: 'c', folded: false, ms: null, results: 0 },
    ]);
    expect(s).toEqual({ n: 3, median: 20, p90: 30, max: 30, zeroResults: 2, failures: 1 });
  });

  it('folds Vietnamese diacritics and đ to ASCII', () => {
    expect(foldDiacritics('Điện Biên đội ngũ trí thức')).toBe('Dien Bien doi ngu tri thuc');
    expect(foldDiacritics('quý IV/2019')).toBe('quy IV/2019');
  });
});

describe('scaling, slowest step and the printed report', () => {
  const site = (name: string, generated: number, documents: number, t: [number, number, number]): SiteResult => ({
    name,
    generated,
    documents,
    contentDir: 'c',
    distDir: 'd',
    build: {
      validate: t[0],
      astro: t[1],
      pagefind: t[2],
      offline: null,
      total: t[0] + t[1] + t[2],
      cpu: { validate: t[0] / 2, astro: t[1] / 2, pagefind: t[2] / 2, offline: null, total: (t[0] + t[1] + t[2]) / 2 },
    },
    htmlPages: documents + 3,
    dist: { bytes: 1024 * 1024, files: 10 },
    index: { bytes: 512 * 1024, files: 4 },
    search: null,
  });
  const sites = [site('site', 0, 3, [1000, 6000, 300]), site('corpus-100', 100, 103, [1100, 14000, 2300]), site('corpus-1000', 1000, 1003, [2000, 86000, 20300])];

  it('computes marginal per-document costs against the real site', () => {
    const sc = scaling(sites);
    expect(sc.map((s) => s.name)).toEqual(['corpus-100', 'corpus-1000']);
    expect(sc[0]!.marginalPerDocument).toBe(101); // (17400 - 7300) / 100
    expect(sc[0]!.marginal).toEqual({ validate: 1, astro: 80, pagefind: 20, offline: 0 });
    expect(sc[1]!.marginalPerDocument).toBe(101); // (108300 - 7300) / 1000
    expect(sc[1]!.perDocument).toBe(Math.round((108300 / 1003) * 100) / 100);
    expect(sc[0]!.marginalCpuPerDocument).toBe(50.5);
    expect(linearity(sc, 'marginalPerDocument')).toBe(1);
    expect(linearity([sc[0]!, { ...sc[1]!, marginalPerDocument: 202 }], 'marginalPerDocument')).toBe(2);
    expect(linearity([sc[0]!], 'marginalPerDocument')).toBeNull();
  });

  it('reads CPU time from bash `times` output', () => {
    expect(parseTimes('0m0.003s 0m0.013s\n1m2.250s 0m3.500s\n')).toBe(65750);
    expect(parseTimes('garbage')).toBeNull();
  });

  it('names the slowest step', () => {
    expect(slowestStep(sites)).toEqual({ site: 'corpus-1000', step: 'astro', ms: 86000 });
  });

  it('lays out tables and prints n/a for missing page types and search', () => {
    expect(table([['a', 'bb'], ['ccc', 'd']])).toBe('a    bb\n---  --\nccc   d');
    const r: BenchResults = {
      generatedAt: 'x',
      node: 'v24',
      cpus: { count: 2, model: 'cpu' },
      loadAverage: { start: 1, end: 2 },
      seed: 52,
      sites,
      pageWeights: { home: null, plan: null, summary: null, study: null, deck: null, quiz: null, search: null },
      scaling: scaling(sites),
      linearity: { wall: 1, cpu: 1 },
      slowestStep: slowestStep(sites),
      target: { documents: 1000, limitMs: 90000, totalMs: 108300, cpuMs: 54150, met: false },
      lighthouse: { status: 'n/a', reason: 'not installed' },
    };
    const text = formatReport(r);
    expect(text).toContain('astro build');
    expect(text).toContain('86,000 ms');
    expect(text).toMatch(/^plan\s+n\/a/m);
    expect(text).toContain('NOT MET');
    expect(text).toContain('slowest step: astro on corpus-1000');
    expect(text).toMatch(/^offline manifest \+ service worker\s+n\/a\s+n\/a\s+n\/a$/m);
    expect(text).toContain('n/a: not installed');
  });
});
