/**
 * Validates everything under content/ (or $CONTENT_DIR) before the site is built: every file
 * against its collection schema, then cross-entry checks. Prints `file: field: message` for
 * each problem and exits 1, so `npm run build` stops before Astro runs.
 *
 * Usage: node scripts/validate-content.ts [contentDir]
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative, basename, extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { collectionSpecs } from '../src/schemas/index.ts';
import { validateCorpus } from '../src/lib/content/validate.ts';
import { allChecks } from '../src/lib/content/checks/index.ts';
import { formatProblem } from '../src/lib/content/types.ts';
import { yamlLineOf } from '../src/lib/content/yaml-lines.ts';
import type { ContentProblem, RawEntry } from '../src/lib/content/types.ts';

/** Splits an MDX file into front matter (parsed) and body. */
export function splitFrontMatter(source: string): { data: unknown; body: string; bodyLine: number } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  if (!m) return { data: null, body: source, bodyLine: 1 };
  return { data: parseYaml(m[1]!), body: source.slice(m[0].length), bodyLine: m[0].split('\n').length - (m[0].endsWith('\n') ? 0 : 1) };
}

/** Reads every content file into raw entries; unreadable files become problems. */
export function readCorpus(contentDir: string): { entries: RawEntry[]; problems: ContentProblem[] } {
  const entries: RawEntry[] = [];
  const problems: ContentProblem[] = [];
  for (const [collection, spec] of Object.entries(collectionSpecs)) {
    const dir = join(contentDir, spec.dir);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      if (extname(name) !== `.${spec.ext}`) continue;
      const path = join(dir, name);
      const file = relative(process.cwd(), path);
      const id = basename(name, extname(name));
      try {
        const source = readFileSync(path, 'utf8');
        if (spec.ext === 'mdx') {
          const { data, body, bodyLine } = splitFrontMatter(source);
          entries.push({ collection, id, file, data, body, bodyLine });
        } else if (spec.ext === 'yaml') {
          entries.push({ collection, id, file, data: parseYaml(source), source });
        } else {
          entries.push({ collection, id, file, data: JSON.parse(source) });
        }
      } catch (err) {
        problems.push({ file, field: '(tệp)', message: `không đọc được tệp: ${(err as Error).message.split('\n')[0]}` });
      }
    }
  }
  return { entries, problems };
}

/** Runs the whole validation and returns the problems (empty when the content is valid). */
export function validateContentDir(contentDir: string): ContentProblem[] {
  const { entries, problems } = readCorpus(contentDir);
  const schemas = Object.fromEntries(Object.entries(collectionSpecs).map(([k, v]) => [k, v.schema]));
  const sources = new Map(entries.filter((e) => e.source !== undefined).map((e) => [e.file, e.source!]));
  // YAML problems name a field path; give them the line of that field too.
  return [...problems, ...validateCorpus(entries, schemas, allChecks).problems].map((p) => {
    const src = p.line === undefined ? sources.get(p.file) : undefined;
    const line = src === undefined ? undefined : yamlLineOf(src, p.field);
    return line === undefined ? p : { ...p, line };
  });
}

if (import.meta.main) {
  const dir = process.argv[2] ?? process.env.CONTENT_DIR ?? 'content';
  const problems = validateContentDir(dir);
  if (problems.length) {
    console.error(`Nội dung không hợp lệ (${problems.length} lỗi):`);
    for (const p of problems) console.error(`  ${formatProblem(p)}`);
    process.exit(1);
  }
  console.log(`Nội dung hợp lệ: ${dir}`);
}
