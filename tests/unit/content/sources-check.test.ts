/**
 * Citations in the content model: the build rejects an uncited summary section, an uncited slide,
 * a quiz explanation resting on a summary without a source, and an unknown source id, naming file
 * and line. Fixtures only (tests/fixtures/content-valid + tests/fixtures/sources-rejected).
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateContentDir } from '../../../scripts/validate-content.ts';
import { formatProblem } from '../../../src/lib/content/types.ts';
import { citationsIn, numberSourceTags, summarySections } from '../../../src/lib/content/citations.ts';
import { yamlLineOf } from '../../../src/lib/content/yaml-lines.ts';
import { sourceSchema } from '../../../src/schemas/nguon.ts';

const dir = mkdtempSync(join(tmpdir(), 'tt-sources-'));
cpSync('tests/fixtures/content-valid', dir, { recursive: true });
cpSync('tests/fixtures/sources-rejected', dir, { recursive: true });
const problems = validateContentDir(dir);
const lines = problems.map(formatProblem);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const hit = (file: string, fragment: string) => problems.filter((p) => p.file.endsWith(file) && formatProblem(p).includes(fragment));

describe('the build rejects uncited content', () => {
  it('the valid fixture (every section cited) passes', () => expect(validateContentDir('tests/fixtures/content-valid')).toEqual([]));

  it('an uncited summary section, naming file, line and section', () => {
    const [p, ...rest] = hit('ket-luan-3-kl-tw.mdx', 'Mục không dẫn nguồn');
    expect(rest).toEqual([]);
    expect(formatProblem(p!)).toMatch(/ket-luan-3-kl-tw\.mdx: dòng 16: mục "Mục không dẫn nguồn": mục tóm lược chưa dẫn nguồn/);
  });

  it('a link to a summary page is not a source; a provision of a full text is', () => {
    expect(hit('ket-luan-3-kl-tw.mdx', 'Mục chỉ liên kết tới trang tóm lược')).toHaveLength(1);
    expect(hit('ket-luan-3-kl-tw.mdx', 'Mục dẫn điều khoản')).toEqual([]);
    expect(hit('ket-luan-3-kl-tw.mdx', 'Mục có nguồn')).toEqual([]);
  });

  it('an unknown source id in a document, a slide note and a quiz', () => {
    expect(lines).toContainEqual(expect.stringMatching(/ket-luan-3-kl-tw\.mdx: dòng 22: <Nguon id>: không có nguồn "khong-co-nguon-nay"/));
    expect(lines).toContainEqual(expect.stringMatching(/01-mau\.mdx: dòng 30: <Nguon id>: không có nguồn "ghi-chu-khong-co"/));
    expect(lines).toContainEqual(expect.stringMatching(/01-mau\.yaml: dòng 28: questions\.2\.sources\.0: câu q03: không có nguồn "nguon-khong-co"/));
  });

  it('an uncited slide, naming its line; a slide citing a provision or a source passes', () => {
    expect(lines).toContainEqual(expect.stringMatching(/01-mau\.mdx: dòng 23: trang chiếu "Trang không nguồn": trang chiếu chưa dẫn nguồn/));
    expect(hit('01-mau.mdx', 'Trang có nguồn')).toEqual([]);
  });

  it('a quiz explanation on a summary page without sources; one citing a full-text provision passes', () => {
    expect(lines).toContainEqual(expect.stringMatching(/01-mau\.yaml: dòng 14: questions\.1\.sources: câu q02: lời giải dựa trên trang tóm lược/));
    expect(hit('01-mau.yaml', 'câu q01')).toEqual([]);
  });

  it('reports nothing else', () => expect(problems).toHaveLength(7));
});

describe('citation helpers', () => {
  it('splits a summary body into ## and <h2> sections with their lines', () => {
    const s = summarySections('intro\n<h2 id="a">A</h2>\n\ntext a\n## B\ntext b\n');
    expect(s.map((x) => [x.title, x.line])).toEqual([['A', 2], ['B', 5]]);
    expect(s[1]!.text).toContain('text b');
  });
  it('counts a provision link only into a full text', () => {
    const c = citationsIn('[a](/van-ban/plan/#phan-i) [b](/van-ban/kl/#x) <Nguon id="s1" />', new Set(['plan']));
    expect(c).toEqual({ sources: ['s1'], provisions: [{ doc: 'plan', anchor: 'phan-i' }] });
  });
  it('numbers deck marks once per distinct source', () => {
    expect(numberSourceTags('a<Nguon id="x" /> b<Nguon id="y" /> c<Nguon id="x" />')).toEqual({
      markdown: 'a<sup class="nguon-ref">[1]</sup> b<sup class="nguon-ref">[2]</sup> c<sup class="nguon-ref">[1]</sup>',
      ids: ['x', 'y'],
    });
  });
  it('finds the line of a YAML field path', () => {
    const src = 'title: x\nquestions:\n  - id: q01\n    explanation: a\n  - id: q02\n    explanation: b\n';
    expect(yamlLineOf(src, 'questions.1.explanation')).toBe(6);
    expect(yamlLineOf(src, 'questions.1.sources')).toBe(5);
    expect(yamlLineOf(src, '(tệp)')).toBeUndefined();
  });
  it('rejects a source without URL or with an unknown kind', () => {
    expect(sourceSchema.safeParse({ title: 't', publisher: 'p', url: 'ftp://x', dateRead: '2026-12-01', kind: 'news' }).success).toBe(false);
    expect(sourceSchema.safeParse({ title: 't', publisher: 'p', url: 'https://x.org', dateRead: '2026-12-01', kind: 'blog' }).success).toBe(false);
    expect(sourceSchema.safeParse({ title: 't', publisher: 'p', url: 'https://x.org', dateRead: '2026-12-01', kind: 'news' }).success).toBe(true);
  });
});
