/** The search UI strings handed to the browser code (keys without the "search." prefix). */
import { t, hasKey } from '../../i18n/vi.ts';
import { search } from '../../i18n/vi/search.ts';

/**
 * The search.* strings for the data-strings attribute of a search element: all of them, or only
 * those whose short key (without "search.") starts with one of `only` (the header box, on every
 * page, carries just what it shows).
 */
export function searchStrings(only?: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(search)) {
    const short = key.slice('search.'.length);
    if (hasKey(key) && (!only || only.some((p) => short.startsWith(p)))) out[short] = t(key);
  }
  return out;
}
