/**
 * The importer's core, without file system: official text in, documents MDX out. Detects the
 * front matter (số ký hiệu, loại, cơ quan, nơi và ngày, người ký, nơi nhận), builds provision
 * headings and escapes MDX-special characters (see to-mdx.ts). When the output file already exists
 * (a summary being replaced, or a re-import), the fields the text cannot give (relations, tags,
 * statusCheck, provenance, officialUrl, issuingBody) are carried over exactly as written there.
 */
import { parseOfficialText, OfficialTextError } from './parse.ts';
import type { OfficialText } from './parse.ts';
import { detectMeta, toMdx } from './to-mdx.ts';
import type { DetectedMeta } from './to-mdx.ts';
import { slugifyVi } from '../text/slug.ts';

/** Front matter keys kept from an existing file, in the order they appear there. */
export const CARRIED_KEYS = ['issuingBody', 'officialUrl', 'statusCheck', 'provenance', 'relations', 'tags'] as const;

/** Result of an import. */
export interface ImportResult {
  id: string;
  mdx: string;
  meta: DetectedMeta;
  doc: OfficialText;
}

export { slugifyVi };

/** The default id of a document: kind label and number, e.g. "ke-hoach-83-kh-tu". */
export function defaultId(meta: DetectedMeta): string {
  return slugifyVi(meta.title.replace(/\s+số\s+/u, ' '));
}

/** Top-level blocks (key line plus indented lines) of an MDX file's front matter, by key. */
export function frontMatterBlocks(mdx: string): Map<string, string> {
  const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(mdx);
  const blocks = new Map<string, string>();
  if (!m) return blocks;
  let key: string | undefined;
  let lines: string[] = [];
  const flush = () => {
    if (key) blocks.set(key, lines.join('\n'));
  };
  for (const line of m[1]!.split(/\r?\n/)) {
    const k = /^([A-Za-z][\w]*):/.exec(line);
    if (k) {
      flush();
      key = k[1];
      lines = [line];
    } else if (key) lines.push(line);
  }
  flush();
  return blocks;
}

/** Builds the MDX for `text`. Throws OfficialTextError (Vietnamese message) on a layout it cannot read. */
export function importOfficialText(text: string, opts: { id?: string; existing?: string } = {}): ImportResult {
  const doc = parseOfficialText(text);
  const meta = detectMeta(doc);
  if (!meta.number || !/\d/.test(meta.number)) throw new OfficialTextError('không đọc được số ký hiệu trong dòng "Số …" ở phần đầu văn bản');
  if (!meta.issuedOn) throw new OfficialTextError('không đọc được ngày ban hành');
  const id = opts.id ?? defaultId(meta);
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
    throw new OfficialTextError(`định danh "${id}" không hợp lệ: chỉ gồm chữ thường không dấu, số và dấu gạch ngang`);
  }
  let extraYaml = '';
  if (opts.existing) {
    const blocks = frontMatterBlocks(opts.existing);
    extraYaml = [...blocks].filter(([k]) => (CARRIED_KEYS as readonly string[]).includes(k)).map(([, v]) => v).join('\n');
  }
  const mdx = toMdx(doc, { sourceFile: `content/sources/${id}.txt`, extraYaml });
  return { id, mdx, meta, doc };
}
