/** The search UI strings handed to the browser code (keys without the "search." prefix). */
import { t, hasKey } from '../../i18n/vi.ts';
import { search } from '../../i18n/vi/search.ts';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The search.* strings for the data-strings attribute of a search element: all of them, or only
 * those `only` names by short key (without "search."), or by prefix when the entry ends with "."
 * ("anchor."). The header box, on every page, carries just what it shows: each byte is in the
 * first TCP flight of every page.
 */
export function searchStrings(only?: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const wanted = (short: string) => !only || only.some((p) => (p.endsWith('.') ? short.startsWith(p) : short === p));
  for (const key of Object.keys(search)) {
    const short = key.slice('search.'.length);
    if (hasKey(key) && wanted(short)) out[short] = t(key);
  }
  return out;
}

/**
 * One tag per content state, handed to Pagefind as its cache tag so the index entry file has a stable
 * URL within a deploy (cacheable offline) and a new one when the content or the templates change.
 * A hash of content/ and src/ rather than the build time, so rebuilding unchanged sources yields
 * byte-identical pages and the offline manifest keeps its version. The index step then replaces it
 * in the built pages by the index's own hash, which also names its metadata file
 * (`stampIndexTag` in scripts/lib/pagefind.ts); this value stays where no index was built (astro dev).
 */
export const INDEX_TAG = sourceHash([process.env.CONTENT_DIR || 'content', 'src']);

/** sha256 over the paths and bytes of every file under the given folders, shortened. */
function sourceHash(dirs: string[]): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else hash.update(path).update(readFileSync(path));
    }
  };
  for (const d of dirs) if (existsSync(d)) walk(d);
  return hash.digest('hex').slice(0, 10);
}
