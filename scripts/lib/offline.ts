/**
 * Post-build step for offline reading: lists every file of the build in dist/offline-manifest.json
 * (URL, bytes) with a content version, and writes dist/sw.js from src/offline/sw.js stamped with
 * that version (a new deploy = a new worker = an "updated" announcement).
 *
 * Usage: node scripts/lib/offline.ts [distDir]
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { distFiles } from './dist.ts';

/** One file to save for offline use. */
export interface OfflineEntry {
  /** URL relative to the site base, e.g. "van-ban/ke-hoach-83-kh-tu/". */
  url: string;
  bytes: number;
}

/** The manifest the "Lưu để đọc offline" action downloads. */
export interface OfflineManifest {
  version: string;
  totalBytes: number;
  files: OfflineEntry[];
}

// Share cards (og/) and the feed are for link previews and feed readers, not for reading offline.
const SKIP = /(^|\/)(sw\.js|offline-manifest\.json|sitemap-[^/]*\.xml|sitemap-index\.xml|robots\.txt|_headers|rss\.xml)$|^og\//;

/** Builds the manifest for a dist directory: pages as directory URLs, assets as files. */
export function buildManifest(root: string): OfflineManifest {
  const hash = createHash('sha256');
  const files: OfflineEntry[] = [];
  for (const file of distFiles(root).sort()) {
    const rel = relative(root, file).split(sep).join('/');
    if (SKIP.test(rel)) continue;
    hash.update(rel).update(readFileSync(file));
    const url = rel === 'index.html' ? '' : rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel;
    files.push({ url, bytes: statSync(file).size });
  }
  return { version: hash.digest('hex').slice(0, 12), totalBytes: files.reduce((s, f) => s + f.bytes, 0), files };
}

if (import.meta.main) {
  const root = process.argv[2] ?? 'dist';
  const manifest = buildManifest(root);
  writeFileSync(`${root}/offline-manifest.json`, JSON.stringify(manifest));
  const sw = readFileSync('src/offline/sw.js', 'utf8').replace('__TT_VERSION__', manifest.version);
  writeFileSync(`${root}/sw.js`, sw);
  console.log(`offline: ${manifest.files.length} tệp, ${(manifest.totalBytes / 1024).toFixed(0)} KB, phiên bản ${manifest.version}`);
}
