/**
 * Each page's inlined stylesheet loses the rules that cannot match anything on that page. Astro
 * inlines one bundle per page type, and that bundle carries the styles of every component the
 * type might render (MDX component maps, document.css for all kinds of document), so the plan page
 * shipped rules for slides, summaries and source notices it never shows. The inline CSS is part
 * of the first round trip (#11), so those bytes delay the first paint on a slow phone.
 *
 * A rule is dropped only when every selector in it names a class that appears neither in the
 * page's `class` attributes nor anywhere in the site's built scripts (which may add classes at
 * run time). Classes inside :not()/:is()/:where()/:has() are not required (a missing class can
 * make :not() match more), rules without classes and @keyframes stay, and so does anything the
 * parser finds odd (escaped class names). The page's CSP hash is replaced by the new one.
 *
 * The original stylesheet of each page is kept in `.astro/prune-css/<outDir hash>/` (not deployed) so the
 * browser test can compare every element's computed style with and without pruning.
 */
import postcss from 'postcss';
import type { Rule } from 'postcss';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { PageStep } from './html-files.ts';

/**
 * Where the original stylesheets and the page → stylesheet map of the build in `outDir` go: one
 * folder per output folder (the base-path test builds a second site), never inside the deployed site.
 */
export function pruneDirFor(outDir: string): string {
  return join('.astro/prune-css', createHash('sha256').update(resolve(outDir)).digest('hex').slice(0, 12));
}

const sha = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;

/** Removes the arguments of functional pseudo-classes whose classes are not all required. */
function stripOptional(selector: string): string {
  let out = '';
  for (let i = 0; i < selector.length; i++) {
    const m = /^:(not|is|where|has|matches)\(/.exec(selector.slice(i));
    if (!m) {
      out += selector[i];
      continue;
    }
    let depth = 0;
    let j = i + m[0].length - 1;
    for (; j < selector.length; j++) {
      if (selector[j] === '(') depth++;
      else if (selector[j] === ')' && --depth === 0) break;
    }
    out += ':x';
    i = j;
  }
  return out;
}

/** Class names a selector needs on the page, or null when it cannot tell (then the rule stays). */
export function requiredClasses(selector: string): string[] | null {
  if (selector.includes('\\')) return null;
  return [...stripOptional(selector).matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((m) => m[1]!);
}

/** Class names used by `class` attributes in `html`. */
export function pageClasses(html: string): Set<string> {
  const out = new Set<string>();
  for (const m of html.matchAll(/\sclass="([^"]*)"/g)) for (const c of m[1]!.split(/\s+/)) if (c) out.add(c);
  return out;
}

/** Every identifier-like token of the built scripts: a superset of the classes they can add. */
export function scriptTokens(js: string): Set<string> {
  return new Set(js.match(/[A-Za-z_][\w-]*/g) ?? []);
}

/** `css` without the rules whose every selector needs a class `has` says is absent. */
export function pruneCss(css: string, has: (cls: string) => boolean): string {
  const root = postcss.parse(css);
  root.walkRules((rule: Rule) => {
    const parent = rule.parent;
    if (parent?.type === 'atrule' && /keyframes$/i.test((parent as postcss.AtRule).name)) return;
    const keep = rule.selectors.some((sel) => {
      const need = requiredClasses(sel);
      return need === null || need.every(has);
    });
    if (!keep) rule.remove();
  });
  // At-rule blocks emptied by the pass above go too (a statement such as `@layer a, b;` has no block).
  let changed = true;
  while (changed) {
    changed = false;
    root.walkAtRules((a) => {
      if (a.nodes && a.nodes.length === 0) {
        a.remove();
        changed = true;
      }
    });
  }
  return root.toString();
}

const STYLE = /<style\b([^>]*)>([\s\S]*?)<\/style>/g;

/**
 * `html` with each inline stylesheet pruned for that page and the CSP hash swapped.
 * `originals` receives each pruned stylesheet as it was.
 */
export function prunePageCss(html: string, has: (cls: string) => boolean, originals?: string[]): string {
  const classes = pageClasses(html);
  const present = (c: string) => classes.has(c) || has(c);
  const swaps: [string, string][] = [];
  let out = html.replace(STYLE, (all, attrs: string, css: string) => {
    const pruned = pruneCss(css, present);
    if (pruned === css) return all;
    swaps.push([sha(css), sha(pruned)]);
    originals?.push(css);
    return `<style${attrs}>${pruned}</style>`;
  });
  for (const [from, to] of swaps) out = out.replace(from, to);
  return out;
}

/** The post-build step: per page, prune and keep the originals; once, write the page → stylesheet map. */
export function pruneInlineCss(): PageStep {
  let has: (cls: string) => boolean = () => true;
  let keep = '';
  const pages: Record<string, string[]> = {};
  return {
    start(root) {
      const astroDir = join(root, '_astro');
      let js = '';
      for (const f of readdirSync(astroDir)) if (f.endsWith('.js')) js += readFileSync(join(astroDir, f), 'utf8');
      const tokens = scriptTokens(js);
      has = (c) => tokens.has(c);
      keep = pruneDirFor(root);
      mkdirSync(keep, { recursive: true });
    },
    rewrite(html, path) {
      const originals: string[] = [];
      const out = prunePageCss(html, has, originals);
      if (out === html) return html;
      pages[path] = originals.map((css) => {
        const name = `${createHash('sha256').update(css).digest('hex').slice(0, 16)}.css`;
        writeFileSync(join(keep, name), css);
        return name;
      });
      return out;
    },
    finish() {
      writeFileSync(join(keep, 'pages.json'), JSON.stringify(pages, null, 1));
    },
  };
}
