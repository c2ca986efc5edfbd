/**
 * The README's production recipe, as written, served by Debian's nginx (issue #19): scripts/lib/nginx.ts reads
 * the ```nginx block from README.md and changes only listen (free loopback port, no TLS), ssl_* (dropped) and
 * root (the built site). Every kind of file the site publishes must go out with the right type, compression
 * and caching, and every response (pages, /_astro/, sw.js, redirects, the 404 page) with every security header,
 * the same headers public/_headers gives Netlify and Cloudflare Pages.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headersFor, parseHeadersFile } from '../../scripts/lib/headers-file.ts';
import { startNginx } from '../../scripts/lib/nginx.ts';
import type { RunningNginx } from '../../scripts/lib/nginx.ts';

const dist = process.env.DIST_DIR || 'dist';

interface Response {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The body as sent (gzip still applied). */
  raw: Buffer;
}

/** GET with `Accept-Encoding: gzip`, no redirects followed, nothing decoded. */
function get(base: string, path: string): Promise<Response> {
  return new Promise((ok, fail) => {
    request(new URL(path, base), { headers: { 'accept-encoding': 'gzip' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, raw: Buffer.concat(chunks) }));
      res.on('error', fail);
    })
      .on('error', fail)
      .end();
  });
}

const body = (r: Response) => (r.headers['content-encoding'] === 'gzip' ? gunzipSync(r.raw) : r.raw);
const mediaType = (r: Response) => String(r.headers['content-type'] ?? '').split(';')[0]!.trim();

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [relative(dist, join(dir, e.name))]));
}

/** A kind of file: how to find one in the build, and what it must be served with. */
interface Kind {
  kind: string;
  /** Matches the file's path in dist/ (the first match is requested). */
  file: RegExp;
  type: string;
  gzip: boolean;
  /** Required kinds fail when the build has none; optional ones (e.g. office downloads) are checked when present. */
  optional?: boolean;
}

const JS = 'application/javascript';
const kinds: Kind[] = [
  { kind: 'HTML page', file: /^van-ban\/ke-hoach-83-kh-tu\/index\.html$/, type: 'text/html', gzip: true },
  { kind: 'home page', file: /^index\.html$/, type: 'text/html', gzip: true },
  { kind: 'CSS in /_astro/', file: /^_astro\/.+\.css$/, type: 'text/css', gzip: true },
  { kind: 'JS in /_astro/', file: /^_astro\/.+\.js$/, type: JS, gzip: true },
  { kind: 'service worker', file: /^sw\.js$/, type: JS, gzip: true },
  { kind: 'Pagefind script', file: /^pagefind\/pagefind\.js$/, type: JS, gzip: true },
  { kind: 'Pagefind JSON', file: /^pagefind\/pagefind-entry\.json$/, type: 'application/json', gzip: true },
  { kind: 'offline manifest (JSON)', file: /^offline-manifest\.json$/, type: 'application/json', gzip: true },
  // Pagefind writes its index, fragments and WebAssembly already gzipped: sent as they are.
  { kind: 'Pagefind meta', file: /^pagefind\/.+\.pf_meta$/, type: 'application/octet-stream', gzip: false },
  { kind: 'Pagefind index', file: /^pagefind\/index\/.+\.pf_index$/, type: 'application/octet-stream', gzip: false },
  { kind: 'Pagefind fragment', file: /^pagefind\/fragment\/.+\.pf_fragment$/, type: 'application/octet-stream', gzip: false },
  { kind: 'Pagefind WebAssembly', file: /^pagefind\/wasm\..+\.pagefind$/, type: 'application/octet-stream', gzip: false },
  { kind: 'web app manifest', file: /\.webmanifest$/, type: 'application/manifest+json', gzip: true },
  { kind: 'SVG', file: /\.svg$/, type: 'image/svg+xml', gzip: true },
  { kind: 'PNG', file: /\.png$/, type: 'image/png', gzip: false },
  { kind: 'RSS feed', file: /^rss\.xml$/, type: 'text/xml', gzip: true },
  { kind: 'sitemap', file: /^sitemap-index\.xml$/, type: 'text/xml', gzip: true },
  { kind: 'robots.txt', file: /^robots\.txt$/, type: 'text/plain', gzip: true },
  { kind: 'WebAssembly', file: /\.wasm$/, type: 'application/wasm', gzip: true, optional: true },
  { kind: 'PowerPoint deck', file: /\.pptx$/, type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', gzip: false, optional: true },
  { kind: 'Word document', file: /\.docx$/, type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', gzip: false, optional: true },
];

const files = walk(dist);
const urlOf = (file: string) => '/' + file.replace(/(^|\/)index\.html$/, '$1');
const present = kinds.flatMap((k) => {
  const file = files.find((f) => k.file.test(f));
  return file ? [{ ...k, file, url: urlOf(file) }] : k.optional ? [] : [{ ...k, file: '', url: '' }];
});

const headersFile = parseHeadersFile(readFileSync(join(dist, '_headers'), 'utf8'));
/** The security headers the host must send on every response: public/_headers' site-wide block. */
const security = Object.fromEntries(Object.entries(headersFor(headersFile, '/')).filter(([name]) => name !== 'cache-control'));

/** Every security header of public/_headers, with the same value, and the recipe's own checks of them. */
function expectSecurityHeaders(r: Response, what: string) {
  for (const [name, value] of Object.entries(security)) expect(r.headers[name], `${what}: ${name}`).toBe(value);
  expect(r.headers['content-security-policy'], what).toContain("frame-ancestors 'none'");
  expect(r.headers['x-content-type-options'], what).toBe('nosniff');
  expect(r.headers['x-frame-options'], what).toBe('DENY');
  expect(r.headers['strict-transport-security'], what).toMatch(/^max-age=\d{8,}/);
  expect(r.headers['referrer-policy'], what).toBeTruthy();
  expect(r.headers['permissions-policy'], what).toContain('camera=(self)');
}

describe("the README's nginx recipe, served by Debian's nginx", () => {
  let nginx: RunningNginx;
  beforeAll(async () => {
    nginx = await startNginx({ root: dist });
  });
  afterAll(async () => {
    await nginx?.close();
  });

  it('public/_headers sets the security headers this test expects', () => {
    for (const name of ['content-security-policy', 'strict-transport-security', 'x-content-type-options', 'x-frame-options', 'referrer-policy', 'permissions-policy']) {
      expect(security[name], name).toBeTruthy();
    }
  });

  it.each(present.map((k) => [k.kind, k] as const))('%s: type, compression, caching, security headers', async (_kind, k) => {
    expect(k.file, `the build has no ${k.kind}`).not.toBe('');
    const r = await get(nginx.url, k.url);
    expect(r.status, k.url).toBe(200);
    expect(mediaType(r), `${k.url} Content-Type`).toBe(k.type);
    if (k.type === 'text/html') expect(r.headers['content-type']).toMatch(/charset=utf-8/i);
    expect(r.headers['content-encoding'] === 'gzip', `${k.url} gzip`).toBe(k.gzip);
    if (k.gzip) expect(String(r.headers.vary), `${k.url} Vary`).toMatch(/accept-encoding/i);
    expect(body(r).equals(readFileSync(join(dist, k.file))), `${k.url} body is the file`).toBe(true);
    // Hashed files for a year; everything else revalidated, so a new deploy (and a new sw.js) is seen at once.
    const hashed = k.url.startsWith('/_astro/');
    expect(r.headers['cache-control'], `${k.url} Cache-Control`).toBe(hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    // The same Cache-Control as public/_headers where it sets one.
    const fromFile = headersFor(headersFile, k.url)['cache-control'];
    if (fromFile) expect(r.headers['cache-control'], `${k.url}: nginx and _headers agree`).toBe(fromFile);
    expectSecurityHeaders(r, k.url);
  });

  it('answers an unknown path with status 404, the site 404 page and every security header', async () => {
    const r = await get(nginx.url, '/khong-co-trang-nay/');
    expect(r.status).toBe(404);
    expect(mediaType(r)).toBe('text/html');
    expect(body(r).equals(readFileSync(join(dist, '404.html')))).toBe(true);
    expect(r.headers['cache-control']).toBe('no-cache');
    expectSecurityHeaders(r, '404');
  });

  it('redirects a folder without its slash, with every security header', async () => {
    const r = await get(nginx.url, '/tim-kiem');
    expect(r.status).toBe(301);
    expect(new URL(String(r.headers.location)).pathname).toBe('/tim-kiem/');
    expectSecurityHeaders(r, '301');
  });
});

describe("the recipe's type map for files the site may publish", () => {
  // One file per extension in a scratch folder, served by the same recipe (root → that folder): covers types
  // the current build may not have (office downloads, .wasm).
  const expected: Record<string, { type: string; gzip: boolean }> = {
    html: { type: 'text/html', gzip: true },
    css: { type: 'text/css', gzip: true },
    js: { type: JS, gzip: true },
    json: { type: 'application/json', gzip: true },
    webmanifest: { type: 'application/manifest+json', gzip: true },
    svg: { type: 'image/svg+xml', gzip: true },
    xml: { type: 'text/xml', gzip: true },
    txt: { type: 'text/plain', gzip: true },
    wasm: { type: 'application/wasm', gzip: true },
    png: { type: 'image/png', gzip: false },
    ico: { type: 'image/x-icon', gzip: false },
    woff2: { type: 'font/woff2', gzip: false },
    pdf: { type: 'application/pdf', gzip: false },
    pptx: { type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', gzip: false },
    docx: { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', gzip: false },
    pagefind: { type: 'application/octet-stream', gzip: false },
  };
  let root: string;
  let nginx: RunningNginx;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'tt-types-'));
    for (const ext of Object.keys(expected)) writeFileSync(join(root, `a.${ext}`), 'x'.repeat(500));
    nginx = await startNginx({ root });
  });
  afterAll(async () => {
    await nginx?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it.each(Object.entries(expected))('.%s', async (ext, want) => {
    const r = await get(nginx.url, `/a.${ext}`);
    expect(r.status).toBe(200);
    expect(mediaType(r)).toBe(want.type);
    expect(r.headers['content-encoding'] === 'gzip', 'gzip').toBe(want.gzip);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
  });
});
