/**
 * Reading a built site: its pages, their URLs, and the assets each page loads at startup.
 * Shared by the dist checks (tests/dist) and the benchmark.
 */
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import type { Element, Root } from 'hast';

/** A built HTML page. */
export interface DistPage {
  /** File path on disk. */
  file: string;
  /** Site path without the base, always starting and (for directory pages) ending with "/". */
  path: string;
  html: string;
}

/** The dist directory in use ($DIST_DIR, default dist). */
export function distDir(): string {
  return process.env.DIST_DIR || 'dist';
}

/** The base path the site was built with ($BASE_PATH, default "/"), with both slashes. */
export function basePath(): string {
  const b = process.env.BASE_PATH || '/';
  return ('/' + b.replace(/^\/+|\/+$/g, '') + '/').replace('//', '/');
}

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

/** Every file of the build. */
export function distFiles(root = distDir()): string[] {
  return walk(root);
}

/** Every HTML page of the build, with its site path. */
export function distPages(root = distDir()): DistPage[] {
  return distFiles(root)
    .filter((f) => f.endsWith('.html'))
    .map((file) => {
      const rel = relative(root, file).split(sep).join('/');
      const path = '/' + rel.replace(/index\.html$/, '').replace(/\.html$/, '');
      return { file, path, html: readFileSync(file, 'utf8') };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** Parses HTML into hast. */
export function parseHtml(html: string): Root {
  return fromHtml(html);
}

/** All elements matching a CSS selector. */
export function select(tree: Root, selector: string): Element[] {
  return selectAll(selector, tree);
}

/** Maps a site URL (with base) to the file that serves it, or null when none does. */
export function fileForUrl(url: string, root = distDir(), base = basePath()): string | null {
  let path = decodeURIComponent(url.split('#')[0]!.split('?')[0]!);
  if (!path.startsWith(base)) return null;
  path = path.slice(base.length);
  const candidates = path === '' || path.endsWith('/') ? [join(root, path, 'index.html')] : [join(root, path), join(root, path, 'index.html')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

/** gzip size in bytes (level 9, what a static host would serve). */
export function gzipBytes(data: string | Buffer): number {
  return gzipSync(data, { level: 9 }).length;
}

/** Bytes a page loads before any interaction, gzip, by type. */
export interface PageWeight {
  html: number;
  css: number;
  /** JS run at load: inline scripts are inside the HTML; this counts external module scripts and their static imports. */
  js: number;
  /** Inline script bytes (gzip of their concatenation), a subset of `html`. */
  inlineJs: number;
  fonts: number;
  total: number;
}

/**
 * The scripts a page runs at startup: `<script src>` and the modules its defer-modules loader
 * (src/integrations/defer-modules.ts) inserts after the first paint, listed in `data-modules`.
 */
export function startupScripts(tree: ReturnType<typeof parseHtml>): string[] {
  return [
    ...select(tree, 'script[src]').map((s) => String(s.properties.src)),
    ...select(tree, 'script[data-modules]').flatMap((s) => String(s.properties.dataModules).split(' ').filter(Boolean)),
  ];
}

/** Measures the startup weight of a page: HTML, stylesheets, scripts (with static imports), fonts referenced by its CSS. */
export function pageWeight(page: DistPage, root = distDir()): PageWeight {
  const tree = parseHtml(page.html);
  const css = select(tree, 'link[rel~="stylesheet"][href]').map((l) => String(l.properties.href));
  const scripts = startupScripts(tree);
  const preloads = select(tree, 'link[rel~="modulepreload"][href]').map((l) => String(l.properties.href));
  const inline = select(tree, 'script:not([src])')
    .filter((s) => !s.properties.type || /module|javascript/.test(String(s.properties.type)))
    .map((s) => s.children.map((c) => (c.type === 'text' ? c.value : '')).join(''))
    .join('\n');
  const read = (url: string) => {
    const f = fileForUrl(url.startsWith('/') ? url : new URL(url, 'http://x' + basePath() + page.path.slice(1)).pathname, root);
    return f ? readFileSync(f) : null;
  };
  const seen = new Set<string>();
  let js = 0;
  const addJs = (url: string) => {
    if (seen.has(url)) return;
    seen.add(url);
    const buf = read(url);
    if (!buf) return;
    js += gzipBytes(buf);
    // Static imports are fetched at startup too; dynamic import() is not (it waits for interaction).
    for (const m of buf.toString('utf8').matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g)) {
      addJs(new URL(m[1]!, 'http://x' + url).pathname);
    }
  };
  [...scripts, ...preloads].forEach(addJs);
  let cssBytes = 0;
  let fonts = 0;
  for (const href of css) {
    const buf = read(href);
    if (!buf) continue;
    cssBytes += gzipBytes(buf);
    for (const m of buf.toString('utf8').matchAll(/url\(["']?([^"')]+\.woff2?)["']?\)/g)) {
      const f = read(new URL(m[1]!, 'http://x' + href).pathname);
      if (f) fonts += f.length;
    }
  }
  const html = gzipBytes(page.html);
  return { html, css: cssBytes, js, inlineJs: inline ? gzipBytes(inline) : 0, fonts, total: html + cssBytes + js + fonts };
}
