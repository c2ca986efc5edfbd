/**
 * Module scripts wait for the first paint. Every page's content works without JavaScript, and a
 * `<script type="module" src>` is fetched as soon as the preload scanner sees it, so on a slow
 * phone its requests share the first round trips with the HTML and delay the first paint (#11:
 * Lighthouse's simulated FCP fell by ~200 ms on the plan page without them). After the build,
 * each page's module scripts are replaced by one small classic loader that inserts them after
 * the first frame has been painted. The loader is the same on every page (its URLs sit in a
 * data attribute), so it has one CSP hash, added to each page that carries it.
 *
 * When every module has run (or failed) and what they registered as first-state work has ended,
 * `<html>` gets `data-modules="ready"` (see LOADER): tests and the bench wait for it instead of
 * guessing. A page whose script rebuilds its layout opts out with `<html data-scripts="eager">`
 * (BaseLayout's `eagerScripts`), or it would shift after painting; it keeps its module scripts and
 * still declares when it has settled.
 */
import { createHash } from 'node:crypto';
import type { PageStep } from './html-files.ts';

/**
 * The loader, a classic script so it can read its own `data-modules` (module scripts have no
 * `currentScript`). It starts the modules when the browser reports the first contentful paint
 * (timed when the frame is shown, later than a requestAnimationFrame). A hidden tab paints
 * nothing, so it loads at once; a 3 s timer covers a browser without paint timing. Handlers are
 * properties, not attributes, so the strict CSP allows them. Kept short: it is in every page's
 * first round trip.
 *
 * The page's one declared settled state (#19): once every module has run (or failed) and the work
 * they registered with `settling()` (src/components/layout/settled.ts: a stylesheet before the UI
 * it styles, a search opened from a link) has ended, and any registered meanwhile too, `<html>` gets
 * `data-modules="ready"`. On a page that keeps its module scripts (an empty list: `eagerScripts`),
 * they have all run by DOMContentLoaded, so the wait starts then.
 */
export const LOADER =
  '(function(s,d,w){var a=s.getAttribute("data-modules"),u=a?a.split(" "):[],n=u.length,o;' +
  'function r(){var p=(w.ttSettle||[]).map(function(x){return Promise.resolve(x).catch(function(){})}),k=p.length;' +
  'Promise.all(p).then(function(){(w.ttSettle||[]).length>k?r():d.documentElement.setAttribute("data-modules","ready")})}' +
  'function f(){--n||r()}' +
  'function g(){if(!o){o=1;u.forEach(function(x){var e=d.createElement("script");e.type="module";e.src=x;e.onload=e.onerror=f;d.head.append(e)})}}' +
  'if(!n)d.addEventListener("DOMContentLoaded",r);' +
  'else{setTimeout(g,3e3);if(d.visibilityState!="visible")g();' +
  'else new PerformanceObserver(function(l){l.getEntriesByName("first-contentful-paint")[0]&&setTimeout(g)}).observe({type:"paint",buffered:true})}' +
  '})(document.currentScript,document,window)';

/** The loader's CSP source expression. */
export const LOADER_HASH = `'sha256-${createHash('sha256').update(LOADER).digest('base64')}'`;

const MODULE = /<script type="module" src="([^"]+)"><\/script>/g;
const CSP_META = /(<meta http-equiv="content-security-policy" content="[^"]*script-src )([^;"]*)/;

/**
 * `html` with its external module scripts replaced by the loader, placed where the first of them
 * was (unchanged when it has none). Inline module scripts are left alone: there should be none
 * (`vite.build.assetsInlineLimit: 0` keeps every script external) and a test checks it.
 */
export function deferModules(html: string): string {
  const urls = [...html.matchAll(MODULE)].map((m) => m[1]!);
  if (!urls.length) return html;
  if (urls.some((u) => /[\s"<>&]/.test(u))) throw new Error(`defer-modules: unexpected script URL in ${urls.join(', ')}`);
  // Pages that opted out (BaseLayout's eagerScripts) keep plain module scripts; the loader, with an
  // empty list, only declares when they have settled.
  const eager = /<html\b[^>]*\sdata-scripts="eager"/.test(html);
  let first = true;
  const out = html.replace(MODULE, (tag) => {
    if (!first) return eager ? tag : '';
    first = false;
    return eager ? `<script data-modules="">${LOADER}</script>${tag}` : `<script data-modules="${[...new Set(urls)].join(' ')}">${LOADER}</script>`;
  });
  if (!CSP_META.test(out)) return out;
  return out.replace(CSP_META, (_all, head: string, sources: string) => `${head}${sources.trim()} ${LOADER_HASH}`);
}

/** The post-build step; it must come before `cspPerPage`, which keeps only the hashes of each page's own inline scripts. */
export const deferModuleScripts: PageStep = { rewrite: deferModules };
