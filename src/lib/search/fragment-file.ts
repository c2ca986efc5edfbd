/**
 * Reads a Pagefind fragment file (`pagefind/fragment/<result id>.pf_fragment`) as Pagefind 1.x's
 * `data()` reads it, without the excerpt and sub-results `data()` then rebuilds from the whole page
 * text (we build our own, rank.ts): at 1,000 documents that work is most of a fragment's cost.
 * fflate's `gunzipSync` inflates it (the library Pagefind itself bundles; about 2 KB gzip here):
 * round 8 measured the browser's `DecompressionStream` at about 2 ms per fragment of a few KB in
 * Chromium, against about 0.2 ms, for 10 to 15 fragments a query, so the stream's setup outweighs
 * its native speed at this size.
 *
 * The file is gzip of "pagefind_dcd" followed by the fragment's JSON (a server may have decoded the
 * gzip already). Anything else throws, and the engine falls back to `data()` (engine.ts), so a
 * Pagefind release that changes the format costs speed, never results.
 */
import { gunzipSync } from 'fflate';
import type { Fragment } from './rank.ts';

const SIGNATURE = new TextEncoder().encode('pagefind_dcd');

const signed = (b: Uint8Array): boolean => b.length >= SIGNATURE.length && SIGNATURE.every((x, i) => b[i] === x);

/**
 * A page URL as Pagefind's `data()` gives it: relative URLs under the site base ("/" or the
 * sub-path the site is served from), with doubled slashes collapsed.
 * @example fragmentUrl('van-ban/x/', '/tri-thuc/') // "/tri-thuc/van-ban/x/"
 */
export function fragmentUrl(raw: string, siteBase: string): string {
  if (/^(https?:)?\/\//.test(raw)) return raw;
  return `${siteBase}/${raw}`.replace(/\/+/g, '/');
}

/** Decodes the bytes of a fragment file. Throws when they are not one. */
export async function readFragmentFile(bytes: Uint8Array, siteBase: string): Promise<Fragment> {
  const raw = signed(bytes) ? bytes : gunzipSync(bytes);
  if (!signed(raw)) throw new Error('not a Pagefind fragment file');
  const frag = JSON.parse(new TextDecoder().decode(raw.subarray(SIGNATURE.length))) as Partial<Fragment> | null;
  if (!frag || typeof frag.url !== 'string' || typeof frag.content !== 'string') throw new Error('not a Pagefind fragment');
  return {
    ...frag,
    // As data() does: zero-width spaces (word breaks of unspaced scripts) are not content.
    content: frag.content.replace(/\u200B/g, ''),
    url: fragmentUrl(frag.url, siteBase),
    meta: frag.meta ?? {},
    anchors: frag.anchors ?? [],
  } as Fragment;
}

/**
 * Fetches fragments by result id from the Pagefind folder `pagefindBase` ("/pagefind/"). After one
 * failure (a format or layout it does not know, e.g. fragments grouped into one file) it stops
 * trying, so the engine's `data()` fallback does not cost a failed request per page.
 */
export function fragmentLoader(pagefindBase: string, siteBase: string, fetchFn: typeof fetch = (...a) => fetch(...a)): (id: string) => Promise<Fragment> {
  let broken = false;
  return async (id) => {
    if (broken) throw new Error('fragment files not readable here');
    // The same URL as data() fetches, so the service worker's cache answers both.
    const res = await fetchFn(`${pagefindBase}fragment/${id}.pf_fragment`);
    try {
      if (!res.ok) throw new Error(`${res.status} fetching fragment ${id}`);
      return await readFragmentFile(new Uint8Array(await res.arrayBuffer()), siteBase);
    } catch (err) {
      // A network failure (offline, never cached) above is no reason to stop; an answer we cannot read is.
      broken = true;
      throw err;
    }
  };
}
