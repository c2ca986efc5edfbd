/**
 * Shapes of bench/results.json and the plain-text tables `npm run bench` prints. Pure.
 */
import type { BuildTimes } from './build.ts';
import type { LighthouseResult } from './lighthouse.ts';
import type { LatencyStats, SearchLatency } from './search-latency.ts';
import type { DirSize, PageType, PageWeight } from './sizes.ts';
import { PAGE_TYPES } from './sizes.ts';

/** One built site: the real content or a synthetic corpus. */
export interface SiteResult {
  /** "site" for the real content, "corpus-<n>" for a synthetic one. */
  name: string;
  /** Documents in the corpus (generated + copied real ones). */
  documents: number;
  /** Generated documents (0 for the real site). */
  generated: number;
  contentDir: string;
  distDir: string;
  /** Null when the build was skipped (--skip-build). */
  build: BuildTimes | null;
  htmlPages: number;
  dist: DirSize;
  index: DirSize;
  search: SearchLatency | null;
}

/** Cost per document of one corpus, from its total and from the real site's fixed cost. */
export interface Scaling {
  name: string;
  documents: number;
  /** total build ms / documents. */
  perDocument: number;
  /** (total − real site total) / generated documents: the cost of one more document. */
  marginalPerDocument: number;
  /** Same for each step. */
  marginal: { validate: number; astro: number; pagefind: number; offline: number };
  /** The same marginal costs in CPU time (robust to other load on the machine). */
  marginalCpuPerDocument: number;
  marginalCpu: { validate: number; astro: number; pagefind: number; offline: number };
}

/** Everything written to bench/results.json. */
export interface BenchResults {
  generatedAt: string;
  node: string;
  cpus: { count: number; model: string };
  /** 1-minute load average when the run started and when it ended (other work on the machine skews timings). */
  loadAverage: { start: number; end: number };
  seed: number;
  sites: SiteResult[];
  pageWeights: Record<PageType, PageWeight | null>;
  scaling: Scaling[];
  /** Ratio of the marginal per-document cost of the largest to the smallest corpus (1 = linear), wall and CPU time. */
  linearity: { wall: number | null; cpu: number | null };
  slowestStep: { site: string; step: string; ms: number } | null;
  target: { documents: number; limitMs: number; totalMs: number | null; cpuMs: number | null; met: boolean | null };
  lighthouse: LighthouseResult | { status: 'skipped'; reason: string };
  /** Issue #11: figures as ratios against their references (scripts/bench/compare.ts), or null when skipped. */
  comparison?: unknown;
  /** Issue #20: the roster at province scale against split + one HMAC per line (scripts/bench/roster.ts), or null when skipped. */
  roster?: unknown;
}

/** Per-document costs of the corpora against the real site. */
export function scaling(sites: readonly SiteResult[]): Scaling[] {
  const real = sites.find((s) => s.generated === 0 && s.build);
  const out: Scaling[] = [];
  for (const s of sites) {
    if (!s.generated || !s.build) continue;
    const zero = { validate: 0, astro: 0, pagefind: 0, offline: 0, total: 0 };
    const base = real?.build ?? { ...zero, cpu: zero };
    type Step = 'validate' | 'astro' | 'pagefind' | 'offline' | 'total';
    const m = (k: Step) => round2(((s.build![k] ?? 0) - (base[k] ?? 0)) / s.generated);
    const c = (k: Step) => round2(((s.build!.cpu[k] ?? 0) - (base.cpu[k] ?? 0)) / s.generated);
    out.push({
      name: s.name,
      documents: s.documents,
      perDocument: round2(s.build.total / s.documents),
      marginalPerDocument: m('total'),
      marginal: { validate: m('validate'), astro: m('astro'), pagefind: m('pagefind'), offline: m('offline') },
      marginalCpuPerDocument: c('total'),
      marginalCpu: { validate: c('validate'), astro: c('astro'), pagefind: c('pagefind'), offline: c('offline') },
    });
  }
  return out;
}

/** Ratio of the last to the first marginal cost (1 = linear growth), or null. */
export function linearity(sc: readonly Scaling[], key: 'marginalPerDocument' | 'marginalCpuPerDocument'): number | null {
  if (sc.length < 2) return null;
  const first = sc[0]![key];
  const last = sc[sc.length - 1]![key];
  if (!(first > 0) || !Number.isFinite(last)) return null;
  return round2(last / first);
}

/** The single slowest build step over all sites. */
export function slowestStep(sites: readonly SiteResult[]): { site: string; step: string; ms: number } | null {
  let best: { site: string; step: string; ms: number } | null = null;
  for (const s of sites) {
    if (!s.build) continue;
    for (const step of ['validate', 'astro', 'pagefind', 'offline'] as const) {
      const v = s.build[step];
      if (v !== null && (!best || v > best.ms)) best = { site: s.name, step, ms: v };
    }
  }
  return best;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** "12.3 KB" (1 KB = 1024 bytes). */
export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** "1.23 MB". */
export function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

/** "1 234 ms" style with a thin grouping, or "—". */
export function ms(x: number | null | undefined): string {
  if (x === null || x === undefined) return '—';
  return `${Math.round(x).toLocaleString('en-US')} ms`;
}

/** Lays out rows as a fixed-width table; the first row is the header. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

function latencyCell(s: LatencyStats | undefined): string {
  if (!s) return 'n/a';
  const zero = s.zeroResults ? ` (${s.zeroResults}/${s.n} empty)` : '';
  return s.median === null ? `n/a${zero}` : `${s.median.toFixed(1)} / ${s.p90!.toFixed(1)} ms${zero}`;
}

/** All tables as printed by `npm run bench`. */
export function formatReport(r: BenchResults): string {
  const out: string[] = [];
  const head = ['', ...r.sites.map((s) => (s.generated ? `${s.name} (${s.documents} docs)` : `real site (${s.documents} docs)`))];
  const b = (f: (t: BuildTimes) => number | null) => r.sites.map((s) => (s.build ? (f(s.build) === null ? 'n/a' : ms(f(s.build))) : '—'));
  const ui = (k: 'withDiacritics' | 'withoutDiacritics') =>
    r.sites.map((s) => (s.search?.ui.status === 'ok' ? latencyCell(s.search.ui[k]) : 'n/a'));
  const api = (round: 'first' | 'repeat', k: 'withDiacritics' | 'withoutDiacritics') =>
    r.sites.map((s) => (s.search?.api.status === 'ok' ? latencyCell(s.search.api[round][k]) : 'n/a'));
  out.push(`${r.cpus.count} × ${r.cpus.model}, Node ${r.node}, load average ${r.loadAverage.start} at start, ${r.loadAverage.end} at end`);
  out.push('Build and index (one cold build each; astro build --force)');
  out.push(
    table([
      head,
      ['validate content', ...b((t) => t.validate)],
      ['astro build', ...b((t) => t.astro)],
      ['pagefind index', ...b((t) => t.pagefind)],
      ['offline manifest + service worker', ...b((t) => t.offline)],
      ['total', ...b((t) => t.total)],
      ['CPU time: validate', ...b((t) => t.cpu.validate)],
      ['CPU time: astro build', ...b((t) => t.cpu.astro)],
      ['CPU time: pagefind', ...b((t) => t.cpu.pagefind)],
      ['CPU time: offline', ...b((t) => t.cpu.offline)],
      ['CPU time: total', ...b((t) => t.cpu.total)],
      ['HTML pages', ...r.sites.map((s) => String(s.htmlPages))],
      ['dist size', ...r.sites.map((s) => `${mb(s.dist.bytes)} / ${s.dist.files} files`)],
      ['index size (dist/pagefind)', ...r.sites.map((s) => `${mb(s.index.bytes)} / ${s.index.files} files`)],
      ['search UI, diacritics (median / p90)', ...ui('withDiacritics')],
      ['search UI, no diacritics (median / p90)', ...ui('withoutDiacritics')],
      ['search UI, first search on the page', ...r.sites.map((s) => (s.search?.ui.status === 'ok' ? ms(s.search.ui.firstSearchMs) : 'n/a'))],
      ['Pagefind API 1st run, diacritics', ...api('first', 'withDiacritics')],
      ['Pagefind API 1st run, no diacritics', ...api('first', 'withoutDiacritics')],
      ['Pagefind API repeat, diacritics', ...api('repeat', 'withDiacritics')],
      ['Pagefind API repeat, no diacritics', ...api('repeat', 'withoutDiacritics')],
      ['Pagefind import + init', ...r.sites.map((s) => (s.search?.api.status === 'ok' ? ms(s.search.api.initMs) : 'n/a'))],
    ]),
  );
  const na = r.sites.filter((s) => s.search && s.search.ui.status === 'n/a');
  if (na.length && na[0]!.search!.ui.status === 'n/a') out.push(`search UI n/a: ${na[0]!.search!.ui.reason}`);
  for (const s of r.sites) {
    if (s.search?.api.status === 'n/a') out.push(`Pagefind API n/a on ${s.name}: ${s.search.api.reason}`);
    if (s.search?.foreignRequests.length) out.push(`FOREIGN REQUESTS on ${s.name}: ${s.search.foreignRequests.join(', ')}`);
  }

  if (r.scaling.length) {
    out.push('', 'Per-document cost (marginal = (corpus − real site) / generated documents; wall time, and CPU time in brackets)');
    const f = (w: number, c: number, d = 1) => `${w.toFixed(d)} (${Number.isFinite(c) ? c.toFixed(d) : '?'}) ms`;
    out.push(
      table([
        ['corpus', 'total / doc', 'marginal / doc', 'validate', 'astro', 'pagefind', 'offline'],
        ...r.scaling.map((s) => [
          `${s.name} (${s.documents})`,
          `${s.perDocument.toFixed(1)} ms`,
          f(s.marginalPerDocument, s.marginalCpuPerDocument),
          f(s.marginal.validate, s.marginalCpu.validate, 2),
          f(s.marginal.astro, s.marginalCpu.astro),
          f(s.marginal.pagefind, s.marginalCpu.pagefind),
          f(s.marginal.offline, s.marginalCpu.offline, 2),
        ]),
      ]),
    );
    const lw = r.linearity.wall;
    const lc = r.linearity.cpu;
    if (lw !== null || lc !== null) {
      out.push(
        `growth: marginal cost per document, largest corpus ÷ smallest = ${lw?.toFixed(2) ?? '?'} wall, ${lc?.toFixed(2) ?? '?'} CPU (1.00 = linear)`,
      );
    }
  }
  if (r.target.totalMs !== null) {
    out.push(
      `target: ${r.target.documents} documents built and indexed in ${ms(r.target.totalMs)} wall, ${ms(r.target.cpuMs)} CPU (limit ${ms(r.target.limitMs)} wall): ${r.target.met ? 'MET' : 'NOT MET'}`,
    );
  }
  if (r.slowestStep) out.push(`slowest step: ${r.slowestStep.step} on ${r.slowestStep.site} (${ms(r.slowestStep.ms)})`);

  out.push('', 'Page weight on the real site (gzip -6; HTML + CSS + JS loaded before interaction; fonts apart)');
  out.push(
    table([
      ['page type', 'path', 'HTML', 'CSS', 'JS', 'total', 'JS raw', 'fonts'],
      ...PAGE_TYPES.map((t) => {
        const w = r.pageWeights[t];
        if (!w) return [t, 'n/a', 'n/a', 'n/a', 'n/a', 'n/a', 'n/a', 'n/a'];
        return [t, w.path, kb(w.html), kb(w.css), kb(w.js + w.inlineJs), kb(w.total), kb(w.jsRaw), w.fontFiles ? `${w.fontFiles} / ${kb(w.fonts)}` : '0'];
      }),
    ]),
  );
  out.push('(JS column = external modules + inline scripts; inline scripts are also inside HTML, so total counts them once)');

  out.push('', 'Lighthouse (mobile)');
  if (r.lighthouse.status !== 'ok') {
    out.push(`${r.lighthouse.status}: ${r.lighthouse.reason}`);
  } else {
    const s = (x: number | null | undefined) => (x === null || x === undefined ? 'n/a' : String(x));
    out.push(`Lighthouse ${r.lighthouse.version}, CPU benchmarkIndex ${r.lighthouse.benchmarkIndex ?? '?'} (simulated mobile throttling)`);
    const metric = (x: number | null | undefined, unit = ' ms') => (x === null || x === undefined ? 'n/a' : `${Math.round(x)}${unit}`);
    out.push(
      table([
        ['page', 'performance', 'accessibility', 'best-practices', 'seo', 'FCP', 'LCP', 'TBT', 'foreign requests'],
        ...r.lighthouse.pages.map((p) => [
          p.path,
          s(p.scores?.performance),
          s(p.scores?.accessibility),
          s(p.scores?.bestPractices),
          s(p.scores?.seo),
          metric(p.metrics.fcp),
          metric(p.metrics.lcp),
          metric(p.metrics.tbt),
          String(p.foreignRequests.length),
        ]),
      ]),
    );
    for (const p of r.lighthouse.pages) {
      if (p.error) out.push(`  ${p.path}: ${p.error}`);
      if (p.foreignRequests.length) out.push(`  ${p.path} FOREIGN REQUESTS: ${p.foreignRequests.join(', ')}`);
      if (p.failed.length) out.push(`  ${p.path} below 1: ${p.failed.join(', ')}`);
      if (p.longTasks.length) {
        const main = Object.entries(p.mainThread).map(([k, v]) => `${k} ${v} ms`).join(', ');
        out.push(`  ${p.path} main thread: ${main}; long tasks: ${p.longTasks.map((t) => `${t.ms} ms ${t.url || '?'}`).join(', ')}`);
      }
    }
  }
  return out.join('\n');
}
