/**
 * Link checker over a built site: every internal href/src resolves to a file, and every #fragment
 * to an element id in the target page. Usage: node scripts/lib/check-links.ts [distDir] (honours BASE_PATH).
 */
import { readFileSync } from 'node:fs';
import { distPages, fileForUrl, parseHtml, select, basePath, startupScripts } from './dist.ts';

/** One broken reference. */
export interface BrokenLink {
  page: string;
  ref: string;
  reason: string;
}

/** Checks every page of `root` built for `base` and returns the broken references. */
export function checkLinks(root: string, base = basePath()): BrokenLink[] {
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let set = ids.get(file);
    if (!set) {
      set = new Set(select(parseHtml(readFileSync(file, 'utf8')), '[id], a[name]').map((e) => String(e.properties.id ?? e.properties.name)));
      ids.set(file, set);
    }
    return set;
  };
  const broken: BrokenLink[] = [];
  for (const page of distPages(root)) {
    const tree = parseHtml(page.html);
    const refs = [
      ...select(tree, 'a[href], link[href]').map((e) => String(e.properties.href)),
      ...select(tree, 'img[src], source[src], iframe[src]').map((e) => String(e.properties.src)),
      ...startupScripts(tree),
    ];
    const pageUrl = new URL(base.slice(0, -1) + page.path, 'http://site');
    for (const ref of refs) {
      if (/^(mailto:|tel:|data:|javascript:)/.test(ref)) continue;
      const url = new URL(ref, pageUrl);
      if (url.origin !== 'http://site') continue;
      if (!url.pathname.startsWith(base)) {
        broken.push({ page: page.path, ref, reason: `outside the base path ${base}` });
        continue;
      }
      const file = url.pathname === pageUrl.pathname ? page.file : fileForUrl(url.pathname, root, base);
      if (!file) {
        broken.push({ page: page.path, ref, reason: 'no such file' });
        continue;
      }
      const frag = decodeURIComponent(url.hash.slice(1));
      if (frag && file.endsWith('.html') && !idsOf(file).has(frag)) broken.push({ page: page.path, ref, reason: `no element #${frag}` });
    }
  }
  return broken;
}

if (import.meta.main) {
  const root = process.argv[2] ?? process.env.DIST_DIR ?? 'dist';
  const broken = checkLinks(root);
  for (const b of broken) console.error(`${b.page}: ${b.ref} (${b.reason})`);
  console.log(broken.length ? `${broken.length} liên kết hỏng` : 'Mọi liên kết nội bộ đều đúng');
  process.exit(broken.length ? 1 : 0);
}
