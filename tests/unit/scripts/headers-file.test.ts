import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { headersFor, parseHeadersFile } from '../../../scripts/lib/headers-file.ts';

describe('parseHeadersFile / headersFor', () => {
  const text = [
    '# comment',
    '/*',
    '  X-Frame-Options: DENY',
    '  Cache-Control: no-cache',
    '/static/*',
    '  Cache-Control: max-age=60',
    '/blog/:slug/',
    '  X-Robots-Tag: noindex',
    '  ! X-Frame-Options',
    '',
  ].join('\n');
  const rules = parseHeadersFile(text);

  it('applies every matching rule in file order and joins a repeated name', () => {
    expect(headersFor(rules, '/')).toEqual({ 'x-frame-options': 'DENY', 'cache-control': 'no-cache' });
    expect(headersFor(rules, '/static/a/b.js')).toEqual({ 'x-frame-options': 'DENY', 'cache-control': 'no-cache, max-age=60' });
  });

  it('matches one segment for :name and removes a header with !', () => {
    expect(headersFor(rules, '/blog/post/')).toEqual({ 'cache-control': 'no-cache', 'x-robots-tag': 'noindex' });
    expect(headersFor(rules, '/blog/a/b/')).not.toHaveProperty('x-robots-tag');
  });

  it('names the line of what a host would not read', () => {
    expect(() => parseHeadersFile('/*\n  X-Frame-Options DENY\n')).toThrow(/line 2/);
    expect(() => parseHeadersFile('  X-Frame-Options: DENY\n')).toThrow(/line 1/);
    expect(() => parseHeadersFile('*.js\n  A: b\n')).toThrow(/line 1/);
  });
});

describe('public/_headers, as Netlify and Cloudflare Pages read it', () => {
  const rules = parseHeadersFile(readFileSync('public/_headers', 'utf8'));
  const security = ['content-security-policy', 'strict-transport-security', 'x-content-type-options', 'x-frame-options', 'referrer-policy', 'permissions-policy', 'cross-origin-opener-policy'];
  const paths = ['/', '/van-ban/ke-hoach-83-kh-tu/', '/404.html', '/sw.js', '/_astro/index.abc123.js', '/_astro/a.css', '/pagefind/pagefind.js', '/manifest.webmanifest', '/og/home.png'];

  const siteWide = headersFor(rules, '/');

  it('sets every security header site-wide', () => {
    for (const name of security) expect(siteWide[name], name).toBeTruthy();
    expect(siteWide['x-content-type-options']).toBe('nosniff');
    expect(siteWide['x-frame-options']).toBe('DENY');
    expect(siteWide['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(siteWide['content-security-policy']).not.toContain('unsafe-inline');
  });

  it.each(paths)('%s gets each security header once, with the site-wide value', (path) => {
    const h = headersFor(rules, path);
    // A value joined from two matching rules would differ from the site-wide one.
    for (const name of security) expect(h[name], name).toBe(siteWide[name]);
  });

  it('caches hashed /_astro/ files for a year and revalidates sw.js; pages keep the host default', () => {
    expect(headersFor(rules, '/_astro/index.abc123.js')['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(headersFor(rules, '/sw.js')['cache-control']).toBe('no-cache');
    // Netlify and Cloudflare Pages revalidate pages by default (max-age=0, must-revalidate).
    expect(headersFor(rules, '/van-ban/ke-hoach-83-kh-tu/')).not.toHaveProperty('cache-control');
  });
});
