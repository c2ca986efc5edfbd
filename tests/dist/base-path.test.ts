/**
 * Deployment under a sub-path: a second build with BASE_PATH=/tri-thuc/ must keep every internal
 * link, asset and #anchor inside that prefix and resolvable.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkLinks } from '../../scripts/lib/check-links.ts';

const OUT = '.tmp/dist-base-path';

describe('build under /tri-thuc/', () => {
  it('builds, and no link, asset or anchor breaks', { timeout: 240_000 }, () => {
    rmSync(OUT, { recursive: true, force: true });
    const res = spawnSync(process.execPath, ['scripts/build.ts'], {
      env: { ...process.env, BASE_PATH: '/tri-thuc/', ASTRO_OUT_DIR: OUT, SITE_URL: 'https://example.gov.vn' },
      encoding: 'utf8',
    });
    expect(res.status, res.stderr + res.stdout.slice(-2000)).toBe(0);
    const broken = checkLinks(OUT, '/tri-thuc/');
    expect(broken.map((b) => `${b.page}: ${b.ref} (${b.reason})`)).toEqual([]);
    const plan = readFileSync(`${OUT}/van-ban/ke-hoach-83-kh-tu/index.html`, 'utf8');
    expect(plan).toContain('href="/tri-thuc/van-ban/"');
    expect(plan).toContain('https://example.gov.vn/tri-thuc/van-ban/ke-hoach-83-kh-tu/');
    // Share card and feed follow SITE_URL and BASE_PATH too.
    expect(plan).toContain('<meta property="og:image" content="https://example.gov.vn/tri-thuc/og/van-ban/ke-hoach-83-kh-tu.png">');
    expect(readFileSync(`${OUT}/rss.xml`, 'utf8')).toContain('<link>https://example.gov.vn/tri-thuc/van-ban/ke-hoach-83-kh-tu/</link>');
    expect(plan).not.toMatch(/(href|src)="\/(?!tri-thuc\/)[a-z_]/);
  });
});
