/**
 * A tiny static file server for the built site, used by e2e tests and the benchmark.
 * Serves `root` under `basePath`, maps directories to index.html, answers unknown paths with
 * 404.html (status 404) and sends the security headers a real host would send.
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

/** Options of {@link startStaticServer}. */
export interface StaticServerOptions {
  root: string;
  /** URL prefix the site is built for, e.g. "/" or "/tri-thuc/". */
  basePath?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Extra headers sent with every response. */
  headers?: Record<string, string>;
  /** Wait this long before each response, ms (the benchmark's slow-network mode). */
  delayMs?: number;
  /** Gzip responses for clients that accept it, as real hosts do (the benchmark). */
  gzip?: boolean;
}

/** A running server. */
export interface RunningServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/**
 * Reads the `/*` block of a Netlify-style _headers file (the site-wide headers), so tests run
 * under the same headers a real host sends. Path-specific blocks are ignored.
 */
export function siteWideHeaders(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  let inBlock = false;
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*#/.test(line) || !line.trim()) continue;
    if (!/^\s/.test(line)) {
      inBlock = line.trim() === '/*';
      continue;
    }
    const m = /^\s+([\w-]+):\s*(.*)$/.exec(line);
    if (inBlock && m) headers[m[1]!.toLowerCase()] = m[2]!;
  }
  return headers;
}

/** Starts the server on 127.0.0.1 and resolves once it listens. */
export async function startStaticServer(opts: StaticServerOptions): Promise<RunningServer> {
  const root = resolve(opts.root);
  const fileHeaders = await readFile(join(root, '_headers'), 'utf8').then(siteWideHeaders, () => ({}));
  // HSTS means nothing on plain-http loopback; everything else is sent as a host would.
  delete (fileHeaders as Record<string, string>)['strict-transport-security'];
  opts = { ...opts, headers: { ...fileHeaders, ...opts.headers } };
  const base = ('/' + (opts.basePath ?? '/').replace(/^\/+|\/+$/g, '') + '/').replace('//', '/');
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://x');
      let path = decodeURIComponent(url.pathname);
      if (!path.startsWith(base)) {
        if (path + '/' === base) {
          res.writeHead(301, { location: base });
          return res.end();
        }
        return send404(res);
      }
      path = path.slice(base.length - 1);
      let file = normalize(join(root, path));
      if (!file.startsWith(root)) return send404(res);
      let info = await stat(file).catch(() => null);
      if (info?.isDirectory()) {
        if (!path.endsWith('/')) {
          res.writeHead(301, { location: url.pathname + '/' + url.search });
          return res.end();
        }
        file = join(file, 'index.html');
        info = await stat(file).catch(() => null);
      }
      if (!info) {
        // "/tim-kiem" without the slash: serve the directory page like most static hosts do.
        const asDir = join(root, path, 'index.html');
        if (await stat(asDir).catch(() => null)) {
          res.writeHead(301, { location: url.pathname + '/' + url.search });
          return res.end();
        }
        return send404(res);
      }
      let body = await readFile(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const zip = opts.gzip && /gzip/.test(String(req.headers['accept-encoding'] ?? '')) && /text|javascript|json|svg|xml/.test(type);
      if (zip) body = gzipSync(body, { level: 6 });
      if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));
      res.writeHead(200, {
        'content-type': type,
        'cache-control': 'no-cache',
        ...(zip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
        ...opts.headers,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      send404(res);
    }

    async function send404(r: typeof res) {
      const body = await readFile(join(root, '404.html')).catch(() => Buffer.from('404'));
      r.writeHead(404, { 'content-type': 'text/html; charset=utf-8', ...opts.headers });
      r.end(body);
    }
  });
  await new Promise<void>((ok) => server.listen(opts.port ?? 0, '127.0.0.1', ok));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    server,
    // Also drop kept-alive connections: a browser holding one would otherwise still be served (and close would wait).
    close: () =>
      new Promise((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}
