/**
 * The search-index step of `npm run build`, run after `astro build`:
 *   node scripts/lib/pagefind.ts [dist]
 *
 * It indexes the built HTML with Pagefind's Node API into `<dist>/pagefind/`. What gets indexed is
 * decided by the pages themselves: only `<main data-pagefind-body>` of document and study pages,
 * minus anything marked `data-pagefind-ignore`; filters and meta come from the attributes built by
 * src/lib/search/attributes.ts. The step fails the build when Pagefind reports an error, when its
 * version is older than the one whose diacritic folding the search relies on, or when no page
 * was indexed.
 */
import { readFile, readdir, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** Pagefind folds diacritics at index time since 1.5; the search module depends on that. */
export const MIN_PAGEFIND = [1, 5, 0] as const;

/** Options of {@link buildSearchIndex}. */
export interface IndexOptions {
  /** The built site. */
  siteDir: string;
  /** Where the bundle goes, default `<siteDir>/pagefind`. */
  outputPath?: string;
  /** Log lines go here (default: console.log). */
  log?: (line: string) => void;
}

/** What the step did. */
export interface IndexReport {
  pages: number;
  files: number;
  /** Bytes of the bundle on disk (index, fragments, filters, wasm and the JS we load). */
  bytes: number;
  version: string;
}

/** The installed Pagefind version, read from its package.json. */
export async function pagefindVersion(): Promise<string> {
  // The package's "exports" hide package.json; find it next to the resolved entry (lib/index.js).
  const entry = fileURLToPath(import.meta.resolve('pagefind'));
  const pkg = JSON.parse(await readFile(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** True when `version` ("1.6.0") is at least `min`. */
export function versionAtLeast(version: string, min: readonly number[]): boolean {
  const v = version.split(/[.-]/).map((x) => Number.parseInt(x, 10));
  for (let i = 0; i < min.length; i++) {
    const a = v[i] ?? 0;
    if (a !== min[i]) return a > min[i]!;
  }
  return true;
}

async function dirSize(dir: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      const s = await dirSize(p);
      files += s.files;
      bytes += s.bytes;
    } else {
      files++;
      bytes += (await stat(p)).size;
    }
  }
  return { files, bytes };
}

/** Indexes the built site. Throws with Pagefind's messages when anything goes wrong. */
export async function buildSearchIndex(opts: IndexOptions): Promise<IndexReport> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const siteDir = resolve(opts.siteDir);
  const outputPath = resolve(opts.outputPath ?? join(siteDir, 'pagefind'));
  const version = await pagefindVersion();
  if (!versionAtLeast(version, MIN_PAGEFIND)) {
    throw new Error(`Pagefind ${version} is too old: need ${MIN_PAGEFIND.join('.')} or newer (diacritic folding).`);
  }
  const pagefind = await import('pagefind');
  try {
    // A stale bundle from an earlier build would otherwise be served next to the new one.
    await rm(outputPath, { recursive: true, force: true });
    // Vietnamese everywhere: no stemming, one index (pages all carry lang="vi" anyway).
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' });
    if (!index || errors.length) throw new Error(`Pagefind createIndex: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length) throw new Error(`Pagefind addDirectory: ${added.errors.join('; ')}`);
    if (added.page_count === 0) throw new Error('Pagefind indexed no page: is data-pagefind-body missing from the document pages?');
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`Pagefind writeFiles: ${written.errors.join('; ')}`);
    // The UI bundles Pagefind ships are not used (our own UI loads pagefind.js); drop them to keep dist small.
    for (const f of ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css', 'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-highlight.js']) {
      await rm(join(outputPath, f), { force: true });
    }
    const size = await dirSize(outputPath);
    const js = await readFile(join(outputPath, 'pagefind.js'));
    log(
      `Pagefind ${version}: ${added.page_count} trang, ${size.files} tệp, ${(size.bytes / 1024).toFixed(1)} KB ` +
        `(pagefind.js ${(gzipSync(js).length / 1024).toFixed(1)} KB gzip) → ${outputPath}`,
    );
    return { pages: added.page_count, files: size.files, bytes: size.bytes, version };
  } finally {
    await pagefind.close();
  }
}

// Run as a build step.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const siteDir = process.argv[2] || process.env.ASTRO_OUT_DIR || 'dist';
  buildSearchIndex({ siteDir }).catch((err: unknown) => {
    console.error(`✗ ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
