/**
 * One pass over the built pages for the integrations that rewrite them: each page is read once,
 * goes through every step in order, and is written once if a step changed it.
 */
import type { AstroIntegration } from 'astro';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export function* htmlFiles(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* htmlFiles(p);
    else if (e.name.endsWith('.html')) yield p;
  }
}

/** A page rewrite of the post-build pass. */
export interface PageStep {
  /** Rewrites one page; `path` is its site path ("/van-ban/x/", "/404.html"). Returns `html` when it changes nothing. */
  rewrite(html: string, path: string): string;
  /** Runs once before the first page, with the output folder (e.g. to read the built scripts). */
  start?(root: string): void;
  /** Runs once after the last page. */
  finish?(root: string): void;
}

/** The site path of a built file: "dist/a/index.html" → "/a/". */
export function sitePath(root: string, file: string): string {
  return '/' + relative(root, file).replace(/\\/g, '/').replace(/index\.html$/, '');
}

/** The integration that runs `steps`, in order, over every built page. */
export function rewritePages(steps: PageStep[]): AstroIntegration {
  return {
    name: 'rewrite-pages',
    hooks: {
      'astro:build:done': ({ dir }) => {
        const root = fileURLToPath(dir);
        for (const s of steps) s.start?.(root);
        for (const file of htmlFiles(root)) {
          const html = readFileSync(file, 'utf8');
          const path = sitePath(root, file);
          const out = steps.reduce((h, s) => s.rewrite(h, path), html);
          if (out !== html) writeFileSync(file, out);
        }
        for (const s of steps) s.finish?.(root);
      },
    },
  };
}
