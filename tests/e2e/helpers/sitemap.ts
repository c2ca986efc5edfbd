/** The pages listed in the built sitemap, as paths relative to the site base (e.g. "van-ban/"). */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every sitemap URL, relative to the base path, in sitemap order. */
export function sitemapPaths(dist = process.env.DIST_DIR || 'dist'): string[] {
  const base = (process.env.BASE_PATH || '/').replace(/\/?$/, '/');
  const files = readdirSync(dist).filter((f) => /^sitemap-\d+\.xml$/.test(f));
  const urls = files.flatMap((f) => [...readFileSync(join(dist, f), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!));
  return urls.map((u) => new URL(u).pathname.slice(base.length));
}

/** Printable poster pages (noindex, so not in the sitemap), as paths relative to the site base. */
export function posterPaths(dist = process.env.DIST_DIR || 'dist'): string[] {
  const out: string[] = [];
  for (const section of ['van-ban', 'hoc-tap']) {
    const dir = join(dist, section);
    for (const id of readdirSync(dir)) {
      try {
        readFileSync(join(dir, id, 'ap-phich', 'index.html'));
        out.push(`${section}/${id}/ap-phich/`);
      } catch {
        // not a page with a poster
      }
    }
  }
  return out;
}
