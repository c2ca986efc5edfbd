/** Every `.html` file under `dir`, for the integrations that rewrite pages after the build. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export function* htmlFiles(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* htmlFiles(p);
    else if (e.name.endsWith('.html')) yield p;
  }
}
