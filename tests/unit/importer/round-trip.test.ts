/**
 * Round trip of the committed plan: importing content/sources/ke-hoach-83-kh-tu.txt must give back
 * content/documents/ke-hoach-83-kh-tu.mdx: the same body byte for byte (provisions, anchors, text)
 * and the same detected front matter. This is the one unit test that reads the real content, on
 * purpose: it is the contract between the importer and the published official text.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { importOfficialText, frontMatterBlocks, slugifyVi, defaultId } from '../../../src/lib/official-text/import.ts';
import { decodeText } from '../../../src/lib/official-text/input.ts';
import { anchorsInMdx } from '../../../src/lib/documents/mdx-anchors.ts';

const root = resolve(import.meta.dirname, '../../..');
const source = decodeText(new Uint8Array(readFileSync(resolve(root, 'content/sources/ke-hoach-83-kh-tu.txt'))));
const committed = readFileSync(resolve(root, 'content/documents/ke-hoach-83-kh-tu.mdx'), 'utf8');
const split = (mdx: string) => {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(mdx)!;
  return { data: parseYaml(m[1]!) as Record<string, unknown>, body: mdx.slice(m[0].length) };
};

describe('importer round trip on Kế hoạch 83-KH/TU', () => {
  const fresh = importOfficialText(source);
  const a = split(fresh.mdx);
  const b = split(committed);

  it('derives the committed id from the detected number', () => {
    expect(fresh.id).toBe('ke-hoach-83-kh-tu');
  });
  it('reproduces the body exactly', () => {
    expect(a.body).toBe(b.body);
  });
  it('reproduces the provision anchors in order', () => {
    expect(anchorsInMdx(a.body)).toEqual(anchorsInMdx(b.body));
    expect(anchorsInMdx(a.body)).toContain('phan-iii-muc-4');
  });
  it.each(['title', 'number', 'kind', 'issuer', 'place', 'issuedOn', 'signer', 'abstract', 'description', 'recipients', 'textKind', 'sourceFile'])(
    'detects the committed front matter field %s',
    (key) => {
      expect(a.data[key]).toEqual(b.data[key]);
    },
  );
  it('re-importing over the committed file (as with --force) gives it back byte for byte', () => {
    expect(importOfficialText(source, { existing: committed }).mdx).toBe(committed);
  });
});

describe('helpers', () => {
  it('slugifies Vietnamese', () => {
    expect(slugifyVi('Kế hoạch số 83-KH/TU')).toBe('ke-hoach-so-83-kh-tu');
    expect(slugifyVi('Đảng đoàn')).toBe('dang-doan');
  });
  it('defaultId drops "số"', () => {
    expect(defaultId({ title: 'Nghị quyết số 45-NQ/TW' } as Parameters<typeof defaultId>[0])).toBe('nghi-quyet-45-nq-tw');
  });
  it('splits front matter into top-level blocks', () => {
    const blocks = frontMatterBlocks('---\na: 1\nrelations:\n  - type: x\n    target: y\ntags: ["t"]\n---\nbody');
    expect([...blocks.keys()]).toEqual(['a', 'relations', 'tags']);
    expect(blocks.get('relations')).toBe('relations:\n  - type: x\n    target: y');
  });
});
