/** The search UI strings handed to the browser code (keys without the "search." prefix). */
import { t, hasKey } from '../../i18n/vi.ts';
import { search } from '../../i18n/vi/search.ts';

/** Every search.* string, for the data-strings attribute of the search elements. */
export function searchStrings(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(search)) if (hasKey(key)) out[key.slice('search.'.length)] = t(key);
  return out;
}
