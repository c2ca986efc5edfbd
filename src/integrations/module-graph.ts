/**
 * The static import graph of the built scripts, read from the output folder. A module's static
 * imports are fetched before it can run, but the browser learns of them only once the module itself
 * has arrived: one whole round trip per level of the graph. defer-modules lists every static
 * dependency of a page's entry modules so the page can request them all at once. Dynamic
 * `import()` calls are left out: they load on demand (the
 * search UI when the box gets focus) and must stay lazy.
 *
 * Parsing uses es-module-lexer (the lexer Vite itself uses), which tells static imports from
 * dynamic ones and ignores `import` inside strings, comments and regular expressions.
 */
import { ImportType, initSync, parse } from 'es-module-lexer';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The URLs `source` (the module served at `url`) imports statically, resolved against `url`, in
 * source order and each once. Imports from another host are left out: the site loads nothing from
 * elsewhere, and such a module could not be read here anyway.
 */
export function staticImports(source: string, url: string): string[] {
  initSync();
  const [imports] = parse(source, url);
  const out = new Set<string>();
  for (const i of imports) {
    // Static imports and re-exports (`import{a}from"./x.js"`, `import"./x.js"`, `export*from"./x.js"`);
    // `n` is undefined for a specifier that is not a plain string.
    if (i.t !== ImportType.Static || i.n === undefined) continue;
    const target = new URL(i.n, new URL(url, 'http://site.invalid'));
    if (target.origin === 'http://site.invalid') out.add(target.pathname);
  }
  return [...out];
}

/**
 * Every module the `entries` import statically, directly or through one another, in the order a
 * breadth-first walk meets them, without the entries themselves. Cycles are walked once.
 * `read(url)` returns a module's source.
 */
export function staticDependencies(entries: readonly string[], read: (url: string) => string): string[] {
  const seen = new Set(entries);
  const out: string[] = [];
  const queue = [...seen];
  for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
    for (const dep of staticImports(read(url), url)) {
      if (seen.has(dep)) continue;
      seen.add(dep);
      out.push(dep);
      queue.push(dep);
    }
  }
  return out;
}

/**
 * Reads the module at a site URL from the output folder `root` of a site served under `base`
 * ("/" or "/sub/"), each file once. A URL outside `base`, or a file that is missing or cannot be
 * read, fails the build naming it: a static import that cannot be fetched breaks the page's
 * scripts at run time, so the build must not ship it.
 */
export function builtModules(root: string, base: string): (url: string) => string {
  const prefix = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  const cache = new Map<string, string>();
  return (url) => {
    let source = cache.get(url);
    if (source !== undefined) return source;
    if (!url.startsWith(prefix)) throw new Error(`module-graph: script ${url} lies outside the base path ${prefix}`);
    const file = join(root, decodeURIComponent(url.slice(prefix.length)));
    try {
      source = readFileSync(file, 'utf8');
    } catch (e) {
      throw new Error(`module-graph: cannot read the built script ${file} (for ${url}): ${(e as Error).message}`);
    }
    cache.set(url, source);
    return source;
  };
}
