/**
 * Module scripts wait for the first paint. Every page's content works without JavaScript, and a
 * `<script type="module" src>` is fetched as soon as the preload scanner sees it, so on a slow
 * phone its requests share the first round trips with the HTML and delay the first paint (#11:
 * Lighthouse's simulated FCP fell by ~200 ms on the plan page without them). After the build,
 * each page's module scripts are replaced by one small classic loader that inserts them after
 * the first frame has been painted. The loader is the same on every page (its URLs sit in a data
 * attribute), so it has one CSP hash, added to each page that carries it.
 *
 * The entry modules import shared chunks statically (late-style, preload-helper, settled…), which
 * the browser would discover only once an entry has arrived: a second round trip (~600 ms on the
 * bench's slow phone profile). So `data-modules` lists those chunks too, after the entries (found by
 * reading the built scripts: module-graph.ts), and the loader starts them all in the same moment.
 * They are inserted as module scripts, not `<link rel="modulepreload">`: a module runs once however
 * many scripts and imports name it, so only the fetch moves earlier (a shared chunk may now run
 * before an entry that does not import it: harmless, async scripts never had an order); it works where
 * modulepreload does not (Safari before 17), and a second list and loop would make the loader
 * ~40 B (gzip) longer on every page, which the plan page's first TCP flight has no room for.
 *
 * When every module has run (or failed) and what they registered as first-state work has ended,
 * `<html>` gets `data-modules="ready"` (see LOADER): tests and the bench wait for it instead of
 * guessing. A page whose script rebuilds its layout opts out with `<html data-scripts="eager">`
 * (BaseLayout's `eagerScripts`), or it would shift after painting; it keeps its module scripts and
 * still declares when it has settled; its module scripts are followed by `<link rel="modulepreload">`
 * for their static imports, which the preload scanner then fetches with them (a hint only: nothing
 * on those pages runs differently).
 */
import { createHash } from 'node:crypto';
import type { PageStep } from './html-files.ts';
import { builtModules, staticDependencies } from './module-graph.ts';

/**
 * The loader, a classic script so it can read its own `data-modules` (module scripts have no
 * `currentScript`). It starts the modules when the browser reports the first contentful paint
 * (timed when the frame is shown, later than a requestAnimationFrame). A hidden tab paints
 * nothing, so it loads at once; a 3 s timer covers a browser without paint timing. Handlers are
 * properties, not attributes, so the strict CSP allows them. Kept short (ES2020, as every browser
 * with module scripts reads it): it is in every page's first round trip.
 *
 * The page's one declared settled state (#19): once every module has run (or failed) and the work
 * they registered with `settling()` (src/components/layout/settled.ts: a stylesheet before the UI
 * it styles, a search opened from a link) has ended, and any registered meanwhile too, `<html>` gets
 * `data-modules="ready"`. On a page that keeps its module scripts (an empty list: `eagerScripts`),
 * they have all run by DOMContentLoaded, so the wait starts then.
 */
export const LOADER =
  '((s,d,w)=>{let u=s.dataset.modules.split(" ").filter(x=>x),n=u.length,o,' +
  'r=(q=w.ttSettle||[],k=q.length)=>Promise.allSettled(q).then(()=>(w.ttSettle||[]).length>k?r():d.documentElement.dataset.modules="ready"),' +
  'f=()=>--n||r(),' +
  'g=()=>o||(o=1,u.map(x=>d.head.append(Object.assign(d.createElement("script"),{type:"module",src:x,onload:f,onerror:f}))));' +
  'n?(setTimeout(g,3e3),d.hidden?g():new PerformanceObserver(e=>e.getEntriesByName("first-contentful-paint")[0]&&setTimeout(g)).observe({type:"paint",buffered:!0})):d.addEventListener("DOMContentLoaded",()=>r())' +
  '})(document.currentScript,document,window)';

/** The loader's CSP source expression. */
export const LOADER_HASH = `'sha256-${createHash('sha256').update(LOADER).digest('base64')}'`;

const MODULE = /<script type="module" src="([^"]+)"><\/script>/g;
const CSP_META = /(<meta http-equiv="content-security-policy" content="[^"]*script-src )([^;"]*)/;
const UNSAFE_URL = /[\s"<>&]/;

/**
 * `html` with its external module scripts replaced by the loader, placed where the first of them
 * was (unchanged when it has none). `dependencies(entries)` gives the modules the entries import
 * statically (module-graph.ts); the loader's list has them after the entries, so they are fetched
 * in the same round trip instead of the next one. Inline module scripts are
 * left alone: there should be none (`vite.build.assetsInlineLimit: 0` keeps every script external)
 * and a test checks it.
 */
export function deferModules(html: string, dependencies: (entries: string[]) => string[] = () => []): string {
  const tags = [...html.matchAll(MODULE)];
  if (!tags.length) return html;
  const urls = [...new Set(tags.map((m) => m[1]!))];
  const deps = dependencies(urls).filter((u) => !urls.includes(u));
  const unsafe = [...urls, ...deps].filter((u) => UNSAFE_URL.test(u));
  if (unsafe.length) throw new Error(`defer-modules: unexpected script URL in ${unsafe.join(', ')}`);
  // Pages that opted out (BaseLayout's eagerScripts) keep plain module scripts, followed by
  // modulepreload links for their static imports; the loader, with an empty list, only declares
  // when they have settled.
  const eager = /<html\b[^>]*\sdata-scripts="eager"/.test(html);
  const links = deps.map((u) => `<link rel="modulepreload" href="${u}">`).join('');
  let seen = 0;
  const out = html.replace(MODULE, (tag) => {
    seen++;
    if (eager) return `${seen === 1 ? `<script data-modules="">${LOADER}</script>` : ''}${tag}${seen === tags.length ? links : ''}`;
    return seen > 1 ? '' : `<script data-modules="${[...urls, ...deps].join(' ')}">${LOADER}</script>`;
  });
  if (!CSP_META.test(out)) return out;
  return out.replace(CSP_META, (_all, head: string, sources: string) => `${head}${sources.trim()} ${LOADER_HASH}`);
}

/**
 * The post-build step for a site served under `base`; it reads the built scripts to find each
 * page's static imports. It must come before `cspPerPage`, which keeps only the hashes of each
 * page's own inline scripts.
 */
export function deferModuleScripts(base: string): PageStep {
  let read: (url: string) => string = () => {
    throw new Error('defer-modules: the step was not started');
  };
  return {
    start: (root) => {
      read = builtModules(root, base);
    },
    rewrite: (html, path) => {
      try {
        return deferModules(html, (entries) => staticDependencies(entries, read));
      } catch (e) {
        throw new Error(`defer-modules: page ${path}: ${(e as Error).message}`, { cause: e });
      }
    },
  };
}
