/** Every `.html` file under `dir`, and a post-build page rewriter, for the integrations that rewrite pages. */
import type { AstroIntegration } from 'astro';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function* htmlFiles(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* htmlFiles(p);
    else if (e.name.endsWith('.html')) yield p;
  }
}

/** An integration that passes every built page through `rewrite` (a page it returns unchanged is not written). */
export function pageRewriter(name: string, rewrite: (html: string) => string): AstroIntegration {
  return {
    name,
    hooks: {
      'astro:build:done': ({ dir }) => {
        for (const file of htmlFiles(fileURLToPath(dir))) {
          const html = readFileSync(file, 'utf8');
          const out = rewrite(html);
          if (out !== html) writeFileSync(file, out);
        }
      },
    },
  };
}
