/**
 * Every user-visible string of the site chrome, keyed "area.item", behind a typed `t(key, vars)`.
 * Each area keeps its strings in src/i18n/vi/<area>.ts; add an area by importing it below
 * (one line per area, so parallel work merges cleanly).
 */
import { common } from './vi/common.ts';
import { document } from './vi/document.ts';
import { documentsWeb } from './vi/documents-web.ts';
import { study } from './vi/study.ts';
import { quiz } from './vi/quiz.ts';
import { search } from './vi/search.ts';
import { offline } from './vi/offline.ts';
import { share } from './vi/share.ts';
import { listen } from './vi/listen.ts';
import { sources } from './vi/sources.ts';
import { office } from './vi/office.ts';
import { report } from './vi/report.ts';
import { searchPurpose } from './vi/search-purpose.ts';

const strings = {
  ...common,
  ...document,
  ...documentsWeb,
  ...study,
  ...quiz,
  ...search,
  ...offline,
  ...share,
  ...listen,
  ...sources,
  ...office,
  ...report,
  ...searchPurpose,
} as const;

/** A known string key. */
export type UiKey = keyof typeof strings;

/**
 * Looks up a UI string and fills `{name}` placeholders.
 * @example t('index.count', { n: 5 }) // "5 văn bản"
 */
export function t(key: UiKey, vars: Record<string, string | number> = {}): string {
  return strings[key].replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** True when `key` is a known UI string key (for keys built at run time, e.g. `kind.${kind}`). */
export function hasKey(key: string): key is UiKey {
  return key in strings;
}
