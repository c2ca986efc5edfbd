import { describe, expect, it } from 'vitest';
import { siteWideHeaders } from '../../../scripts/lib/static-server.ts';

describe('siteWideHeaders', () => {
  it('reads only the /* block', () => {
    const text = `# comment\n/*\n  X-Content-Type-Options: nosniff\n  Content-Security-Policy: frame-ancestors 'none'\n/sw.js\n  Cache-Control: no-cache\n`;
    expect(siteWideHeaders(text)).toEqual({
      'x-content-type-options': 'nosniff',
      'content-security-policy': "frame-ancestors 'none'",
    });
  });
  it('reads the project file', async () => {
    const { readFileSync } = await import('node:fs');
    const h = siteWideHeaders(readFileSync('public/_headers', 'utf8'));
    for (const k of ['content-security-policy', 'strict-transport-security', 'x-content-type-options', 'referrer-policy', 'permissions-policy']) {
      expect(h[k], k).toBeTruthy();
    }
    expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(h['content-security-policy']).not.toContain('unsafe-inline');
  });
});

describe('startStaticServer options for the benchmark', () => {
  it('gzips text when asked and the client accepts it, and can add a delay to each response', async () => {
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { gunzipSync } = await import('node:zlib');
    const { request } = await import('node:http');
    const { startStaticServer } = await import('../../../scripts/lib/static-server.ts');
    const dir = await mkdtemp(join(tmpdir(), 'srv-'));
    await writeFile(join(dir, 'index.html'), '<p>xin chào</p>'.repeat(50));
    const server = await startStaticServer({ root: dir, gzip: true, delayMs: 60 });
    try {
      const t0 = performance.now();
      const res = await new Promise<{ headers: Record<string, unknown>; body: Buffer }>((ok, fail) => {
        request(server.url, { headers: { 'accept-encoding': 'gzip' } }, (r) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => ok({ headers: r.headers, body: Buffer.concat(chunks) }));
        })
          .on('error', fail)
          .end();
      });
      expect(performance.now() - t0).toBeGreaterThanOrEqual(55);
      expect(res.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(res.body).toString()).toContain('xin chào');
    } finally {
      await server.close();
    }
  });
});
