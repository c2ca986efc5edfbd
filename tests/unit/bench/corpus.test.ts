/** The benchmark's synthetic corpus generator: valid documents, realistic shape, deterministic. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDocuments, rebaseImports, writeCorpus } from '../../../scripts/bench/corpus.ts';
import { createRng } from '../../../scripts/bench/rng.ts';
import { splitFrontMatter, validateContentDir } from '../../../scripts/validate-content.ts';
import { documentSchema } from '../../../src/schemas/document.ts';

describe('createRng', () => {
  it('repeats the same sequence for the same seed and differs for another seed', () => {
    const a = createRng(7);
    const b = createRng(7);
    const c = createRng(8);
    const sa = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(sa);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(sa);
    for (const x of sa) expect(x >= 0 && x < 1).toBe(true);
  });

  it('int stays within its inclusive bounds and reaches both ends', () => {
    const r = createRng(1);
    const seen = new Set<number>();
    for (let i = 0; i < 500; i++) {
      const n = r.int(2, 5);
      expect(n).toBeGreaterThanOrEqual(2);
      expect(n).toBeLessThanOrEqual(5);
      seen.add(n);
    }
    expect([...seen].sort()).toEqual([2, 3, 4, 5]);
  });
});

describe('generateDocuments', () => {
  const docs = generateDocuments({ count: 60, seed: 42, existingIds: ['ke-hoach-83-kh-tu'] });

  it('is deterministic: same seed, same bytes; other seed, other text', () => {
    expect(generateDocuments({ count: 60, seed: 42, existingIds: ['ke-hoach-83-kh-tu'] })).toEqual(docs);
    const other = generateDocuments({ count: 60, seed: 43, existingIds: ['ke-hoach-83-kh-tu'] });
    expect(other.map((d) => d.source)).not.toEqual(docs.map((d) => d.source));
  });

  it('makes the requested number of documents with unique ASCII ids and unique numbers', () => {
    expect(docs).toHaveLength(60);
    expect(new Set(docs.map((d) => d.id)).size).toBe(60);
    for (const d of docs) expect(d.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    const numbers = docs.map((d) => (splitFrontMatter(d.source).data as { number: string }).number);
    expect(new Set(numbers).size).toBe(60);
  });

  it('every front matter passes the real documents schema', () => {
    for (const d of docs) {
      const { data } = splitFrontMatter(d.source);
      const res = documentSchema.safeParse(data);
      expect(res.success, `${d.id}: ${res.success ? '' : JSON.stringify(res.error.issues)}`).toBe(true);
    }
  });

  it('bodies look like Vietnamese documents: parts, numbered items, long paragraphs, diacritics and đ', () => {
    for (const d of docs) {
      const { body } = splitFrontMatter(d.source);
      expect(body).toMatch(/^## I- [A-ZÀ-Ỹ]/mu);
      expect(body).toMatch(/^## II- /m);
      expect(body).toMatch(/^### 1\./m);
      expect(body).toMatch(/[đĐ]/);
      expect(body).toMatch(/[ăâêôơưáàảãạếềểễệốồổỗộớờởỡợứừửữự]/);
      // No characters that MDX would read as JSX or expressions, apart from the source citations.
      expect(body.replace(/<Nguon id="[a-z0-9-]+" \/>/g, '')).not.toMatch(/[<>{}]/);
      expect(body).toContain('<Nguon id="nguon-sinh-tu-dong" />');
      const paragraphs = body.split('\n\n').filter((p) => p && !p.startsWith('#'));
      const longest = Math.max(...paragraphs.map((p) => p.split(/\s+/).length));
      expect(longest).toBeGreaterThanOrEqual(80);
    }
    const words = docs.reduce((n, d) => n + splitFrontMatter(d.source).body.split(/\s+/).length, 0) / docs.length;
    expect(words).toBeGreaterThan(400);
  });

  it('relations point only at earlier generated documents or at the given existing ids', () => {
    const known = new Set(['ke-hoach-83-kh-tu']);
    let count = 0;
    for (const d of docs) {
      const rels = (splitFrontMatter(d.source).data as { relations?: { target: string }[] }).relations ?? [];
      for (const r of rels) {
        expect(known.has(r.target), `${d.id} → ${r.target}`).toBe(true);
        count++;
      }
      known.add(d.id);
    }
    expect(count).toBeGreaterThan(0);
  });
});

describe('rebaseImports', () => {
  it('keeps relative imports pointing at the same module from a deeper folder, leaves the rest alone', () => {
    const src = [
      '---',
      'title: "x"',
      '---',
      "import SummaryNotice from '../../src/components/document/SummaryNotice.astro';",
      'import { a } from "./local.ts";',
      "import pkg from 'astro:content';",
      '',
      'Văn bản nói về import từ "../../x" trong câu.',
    ].join('\n');
    const out = rebaseImports(src, '/p/content/documents/a.mdx', '/p/bench/out/corpus-100/documents/a.mdx');
    expect(out).toContain("import SummaryNotice from '../../../../src/components/document/SummaryNotice.astro';");
    expect(out).toContain('import { a } from "../../../../content/documents/local.ts";');
    expect(out).toContain("import pkg from 'astro:content';");
    expect(out).toContain('Văn bản nói về import từ "../../x" trong câu.');
    expect(rebaseImports(src, '/p/content/documents/a.mdx', '/p/content/documents/a.mdx')).toBe(src);
  });
});

describe('writeCorpus', () => {
  it('copies the base content, adds generated documents, and the result passes full content validation', () => {
    const root = mkdtempSync(join(tmpdir(), 'bench-corpus-'));
    try {
      const base = join(root, 'base');
      mkdirSync(join(base, 'documents'), { recursive: true });
      writeFileSync(
        join(base, 'documents', 'ket-luan-52-kl-tw.mdx'),
        [
          '---',
          'title: "Kết luận số 52-KL/TW"',
          'number: "52-KL/TW"',
          'kind: conclusion',
          'issuer: "Ban Bí thư"',
          'issuedOn: "2019-05-30"',
          'abstract: "Về trí thức"',
          'description: "Mẫu thử"',
          'textKind: summary',
          '---',
          '',
          "import Note from '../../src/Note.astro';",
          '',
          'Nội dung.',
          '',
        ].join('\n'),
      );
      const out = join(root, 'corpus');
      const res = writeCorpus({ dir: out, baseContentDir: base, count: 25, seed: 3 });
      expect(res).toMatchObject({ dir: out, generated: 25, copied: 1 });
      expect(readdirSync(join(out, 'documents'))).toHaveLength(26);
      expect(validateContentDir(out)).toEqual([]);
      // The copied document's component import still points at <root>/src/Note.astro.
      const copied = readFileSync(join(out, 'documents', 'ket-luan-52-kl-tw.mdx'), 'utf8');
      const spec = /from '([^']+)'/.exec(copied)![1]!;
      expect(join(out, 'documents', spec)).toBe(join(root, 'src', 'Note.astro'));
      // Writing again with the same seed gives identical files.
      const before = readFileSync(join(out, 'documents', readdirSync(join(out, 'documents'))[0]!), 'utf8');
      writeCorpus({ dir: out, baseContentDir: base, count: 25, seed: 3 });
      expect(readFileSync(join(out, 'documents', readdirSync(join(out, 'documents'))[0]!), 'utf8')).toBe(before);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
