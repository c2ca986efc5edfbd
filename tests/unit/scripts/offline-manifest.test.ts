import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildManifest } from '../../../scripts/lib/offline.ts';

const root = mkdtempSync(join(tmpdir(), 'tt-offline-'));
mkdirSync(join(root, 'van-ban/a'), { recursive: true });
mkdirSync(join(root, '_astro'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<h1>home</h1>');
writeFileSync(join(root, 'van-ban/a/index.html'), '<h1>a</h1>');
writeFileSync(join(root, '_astro/x.css'), 'body{}');
writeFileSync(join(root, 'sw.js'), 'old worker');
writeFileSync(join(root, 'sitemap-0.xml'), '<urlset/>');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('buildManifest', () => {
  it('lists pages as directory URLs and assets as files, without the worker itself', () => {
    const m = buildManifest(root);
    expect(m.files.map((f) => f.url).sort()).toEqual(['', '_astro/x.css', 'van-ban/a/']);
    expect(m.totalBytes).toBe(m.files.reduce((s, f) => s + f.bytes, 0));
  });
  it('changes version when content changes, and only then', () => {
    const v1 = buildManifest(root).version;
    expect(buildManifest(root).version).toBe(v1);
    writeFileSync(join(root, 'van-ban/a/index.html'), '<h1>a, sửa</h1>');
    expect(buildManifest(root).version).not.toBe(v1);
  });
});
