/**
 * Sizes over a built site: whole dist/, the Pagefind index, and the weight of one page as a
 * browser loads it before any interaction (HTML + stylesheets + scripts and the modules they
 * import statically), each file gzip-compressed at level 6 (what `gzip` and most servers use).
 * Fonts are counted apart; dynamic `import()` (e.g. Pagefind loaded on search) is not counted.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { splitFrontMatter } from '../validate-content.ts';

/** Bytes and file count of a folder (recursive). */
export interface DirSize {
  bytes: number;
  files: number;
}

/** Total size of every file under `dir`; zero when it does not exist. */
export function dirSize(dir: string): DirSize {
  if (!existsSync(dir)) return { bytes: 0, files: 0 };
  let bytes = 0;
  let files = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    bytes += statSync(join(e.parentPath, e.name)).size;
    files++;
  }
  return { bytes, files };
}

/** Number of HTML pages under `dir`. */
export function countHtml(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).length;
}

/** gzip size at level 6. */
export function gz(buf: Buffer | string): number {
  return gzipSync(buf, { level: 6 }).length;
}

/** Weight of one page. All byte counts are gzip unless named raw. */
export interface PageWeight {
  /** URL path of the page, e.g. /van-ban/ke-hoach-83-kh-tu/. */
  path: string;
  html: number;
  css: number;
  /** External scripts and their static imports. */
  js: number;
  /** JS inside `<script>` elements of the HTML (already part of `html`). */
  inlineJs: number;
  /** html + css + js. */
  total: number;
  /** Uncompressed JS (external + inline). */
  jsRaw: number;
  /** Font files referenced by the stylesheets (raw bytes; fonts are already compressed). */
  fonts: number;
  fontFiles: number;
  /** Every external file counted, as URL paths. */
  files: string[];
}

const ATTR = (tag: string, name: string): string | undefined => {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
};

/** Static `import … from "x"`, `import "x"` and `export … from "x"` specifiers of an ES module. */
export function staticImports(code: string): string[] {
  const out: string[] = [];
  const re = /(?:^|[;\n}\s])(?:import|export)\s*(?:[\w*{}\s,$]+?\s*from\s*)?["']([^"']+)["']/g;
  for (let m = re.exec(code); m; m = re.exec(code)) out.push(m[1]!);
  return out;
}

/** Resolves a URL found in `fromPath` (a URL path) to a URL path on the same site, or null if foreign. */
function resolveUrl(ref: string, fromPath: string): string | null {
  if (/^(data|blob|mailto|tel):/i.test(ref)) return null;
  const u = new URL(ref, `http://site${fromPath}`);
  if (u.host !== 'site') return null;
  return decodeURIComponent(u.pathname);
}

function fileOf(distDir: string, urlPath: string, base: string): string {
  const rel = urlPath.startsWith(base) ? urlPath.slice(base.length) : urlPath.replace(/^\//, '');
  const p = join(distDir, rel);
  return urlPath.endsWith('/') ? join(p, 'index.html') : p;
}

/** Measures one page of a built site. `base` is the site's base path ("/" by default). */
export function pageWeight(distDir: string, path: string, base = '/'): PageWeight | null {
  const htmlFile = fileOf(distDir, path, base);
  if (!existsSync(htmlFile)) return null;
  const html = readFileSync(htmlFile, 'utf8');
  const css = new Set<string>();
  const js = new Set<string>();
  let inline = '';
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (ATTR(m[0], 'rel') ?? '').toLowerCase().split(/\s+/);
    const href = ATTR(m[0], 'href');
    if (!href) continue;
    const p = resolveUrl(href, path);
    if (!p) continue;
    if (rel.includes('stylesheet')) css.add(p);
    if (rel.includes('modulepreload')) js.add(p);
  }
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const src = ATTR(`<script ${m[1]}>`, 'src');
    const type = (ATTR(`<script ${m[1]}>`, 'type') ?? '').toLowerCase();
    // The defer-modules loader (src/integrations/defer-modules.ts) starts these after the first paint,
    // before any interaction: they count as startup JS.
    for (const u of (ATTR(`<script ${m[1]}>`, 'data-modules') ?? '').split(' ').filter(Boolean)) {
      const p = resolveUrl(u, path);
      if (p) js.add(p);
    }
    if (src) {
      const p = resolveUrl(src, path);
      if (p) js.add(p);
    } else if (!type || type === 'module' || type.includes('javascript')) {
      inline += m[2];
      if (type === 'module') for (const spec of staticImports(m[2]!)) {
        const p = resolveUrl(spec, path);
        if (p) js.add(p);
      }
    }
  }
  // Follow static imports of the external modules.
  const queue = [...js];
  while (queue.length) {
    const p = queue.shift()!;
    const f = fileOf(distDir, p, base);
    if (!existsSync(f)) continue;
    for (const spec of staticImports(readFileSync(f, 'utf8'))) {
      const dep = resolveUrl(spec, p);
      if (dep && !js.has(dep)) {
        js.add(dep);
        queue.push(dep);
      }
    }
  }
  const sum = (paths: Set<string>): { gz: number; raw: number; bufs: string[] } => {
    let g = 0;
    let r = 0;
    const bufs: string[] = [];
    for (const p of paths) {
      const f = fileOf(distDir, p, base);
      if (!existsSync(f)) continue;
      const b = readFileSync(f);
      g += gz(b);
      r += b.length;
      bufs.push(b.toString('utf8'));
    }
    return { gz: g, raw: r, bufs };
  };
  const c = sum(css);
  const j = sum(js);
  const fonts = new Set<string>();
  for (const [i, text] of c.bufs.entries()) {
    const cssPath = [...css][i]!;
    for (const m of text.matchAll(/url\(\s*["']?([^"')]+\.(?:woff2?|ttf|otf))["']?\s*\)/gi)) {
      const p = resolveUrl(m[1]!, cssPath);
      if (p) fonts.add(p);
    }
  }
  let fontBytes = 0;
  for (const p of fonts) {
    const f = fileOf(distDir, p, base);
    if (existsSync(f)) fontBytes += statSync(f).size;
  }
  const htmlGz = gz(html);
  return {
    path,
    html: htmlGz,
    css: c.gz,
    js: j.gz,
    inlineJs: inline.trim() ? gz(inline) : 0,
    total: htmlGz + c.gz + j.gz,
    jsRaw: j.raw + Buffer.byteLength(inline),
    fonts: fontBytes,
    fontFiles: fonts.size,
    files: [...css, ...js].sort(),
  };
}

/** The page types the benchmark reports, in table order. */
export const PAGE_TYPES = ['home', 'plan', 'summary', 'study', 'deck', 'quiz', 'search'] as const;
/** One of {@link PAGE_TYPES}. */
export type PageType = (typeof PAGE_TYPES)[number];

function contentIds(contentDir: string, sub: string, ext: string): string[] {
  const dir = join(contentDir, sub);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(`.${ext}`))
    .map((f) => f.slice(0, -ext.length - 1))
    .sort();
}

function subdirsWithIndex(distDir: string, sub: string, exclude: readonly string[] = []): string[] {
  const dir = join(distDir, sub);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !exclude.includes(e.name) && existsSync(join(dir, e.name, 'index.html')))
    .map((e) => e.name)
    .sort();
}

/**
 * Finds one URL path per page type in a built site: the plan (a full-text document of kind plan),
 * a summary document, a study session, its deck, a quiz and the search page. Types whose page
 * does not exist yet map to null.
 */
export function discoverPages(distDir: string, contentDir: string): Record<PageType, string | null> {
  const exists = (p: string) => existsSync(fileOf(distDir, p, '/'));
  const docs = contentIds(contentDir, 'documents', 'mdx').map((id) => {
    const { data } = splitFrontMatter(readFileSync(join(contentDir, 'documents', `${id}.mdx`), 'utf8'));
    const d = (data ?? {}) as { kind?: string; textKind?: string };
    return { id, kind: d.kind, textKind: d.textKind };
  });
  const plan = docs.find((d) => d.kind === 'plan' && d.textKind === 'full');
  const summary = docs.find((d) => d.textKind === 'summary');
  const studyIds = contentIds(contentDir, 'study', 'mdx').filter((id) => exists(`/hoc-tap/${id}/`));
  const studyId = studyIds[0] ?? subdirsWithIndex(distDir, 'hoc-tap')[0];
  const deckId = [studyId, ...studyIds, ...subdirsWithIndex(distDir, 'hoc-tap')].find(
    (id) => id && exists(`/hoc-tap/${id}/trinh-chieu/`),
  );
  const quizIds = contentIds(contentDir, 'quizzes', 'yaml').filter((id) => exists(`/kiem-tra/${id}/`));
  const quizId = quizIds[0] ?? subdirsWithIndex(distDir, 'kiem-tra', ['tien-do', 'chung-nhan'])[0];
  const pick = (p: string | null): string | null => (p && exists(p) ? p : null);
  return {
    home: pick('/'),
    plan: pick(plan ? `/van-ban/${plan.id}/` : null),
    summary: pick(summary ? `/van-ban/${summary.id}/` : null),
    study: pick(studyId ? `/hoc-tap/${studyId}/` : null),
    deck: pick(deckId ? `/hoc-tap/${deckId}/trinh-chieu/` : null),
    quiz: pick(quizId ? `/kiem-tra/${quizId}/` : null),
    search: pick('/tim-kiem/'),
  };
}
