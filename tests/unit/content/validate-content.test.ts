import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { validateContentDir } from '../../../scripts/validate-content.ts';
import { formatProblem } from '../../../src/lib/content/types.ts';

const FIXTURE = 'tests/fixtures/content-valid';
const PLAN = 'documents/ke-hoach-1-kh-tu.mdx';
let dir = '';

/** Copies the valid fixture and applies `edit` to one file's text. */
function mutate(file: string, edit: (s: string) => string): string {
  dir = mkdtempSync(join(tmpdir(), 'tt-content-'));
  cpSync(FIXTURE, dir, { recursive: true });
  const path = join(dir, file);
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
  return dir;
}

afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});

describe('validateContentDir', () => {
  it('accepts the valid fixture', () => {
    expect(validateContentDir(FIXTURE)).toEqual([]);
  });

  it.each([
    ['missing field', (s: string) => s.replace(/^number: .*\n/m, ''), 'number', 'thiếu trường bắt buộc'],
    ['impossible date', (s: string) => s.replace('issuedOn: 2019-08-27', 'issuedOn: "2019-02-30"'), 'issuedOn', 'không tồn tại'],
    ['badly written date', (s: string) => s.replace('issuedOn: 2019-08-27', 'issuedOn: "27/8/2019"'), 'issuedOn', 'YYYY-MM-DD'],
    ['unknown relation id', (s: string) => s.replace('target: ket-luan-2-kl-tw', 'target: ket-luan-99-kl-tw'), 'relations.0.target', 'ket-luan-99-kl-tw'],
    ['relation to itself', (s: string) => s.replace('target: ket-luan-2-kl-tw', 'target: ke-hoach-1-kh-tu'), 'relations.0.target', 'chính văn bản'],
    ['duplicate number', (s: string) => s.replace('number: "1-KH/TU"', 'number: "2-KL/TW"'), 'number', 'đã dùng'],
    ['malformed number', (s: string) => s.replace('number: "1-KH/TU"', 'number: "KH 1"'), 'number', 'ví dụ 83-KH/TU'],
    ['unknown kind', (s: string) => s.replace('kind: plan', 'kind: poem'), 'kind', 'loại văn bản'],
    ['unknown relation type', (s: string) => s.replace('type: implements', 'type: likes'), 'relations.0.type', 'loại quan hệ'],
    ['unknown field (typo)', (s: string) => s.replace('abstract:', 'abstrct: "x"\nabstract:'), '(tệp)', 'abstrct'],
    ['empty title', (s: string) => s.replace('title: "Kế hoạch số 1-KH/TU"', 'title: "  "'), 'title', 'không được để trống'],
    ['full text without source', (s: string) => s.replace(/^sourceFile: .*\n/m, ''), 'sourceFile', 'sourceFile'],
    ['bad official URL', (s: string) => s.replace('kind: plan', 'kind: plan\nofficialUrl: "javascript:alert(1)"'), 'officialUrl', 'http'],
  ])('%s fails naming file and field', (_name, edit, field, fragment) => {
    const problems = validateContentDir(mutate(PLAN, edit));
    expect(problems.length).toBeGreaterThan(0);
    const hit = problems.find((p) => p.field === field);
    expect(hit, JSON.stringify(problems)).toBeDefined();
    // The problem names the edited file (for a duplicate, the clash names both files).
    expect(formatProblem(hit!)).toContain('ke-hoach-1-kh-tu.mdx');
    expect(formatProblem(hit!)).toContain(fragment);
  });

  it('reports a YAML syntax error as a file problem instead of crashing', () => {
    const problems = validateContentDir(mutate(PLAN, (s) => s.replace('kind: plan', 'kind: [plan')));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.file).toContain('ke-hoach-1-kh-tu.mdx');
    expect(problems[0]!.message).toContain('không đọc được');
  });

  it('reports a file without front matter', () => {
    const problems = validateContentDir(mutate(PLAN, (s) => s.replace(/^---[\s\S]*?---\n/, '')));
    expect(problems.map((p) => p.message).join()).toContain('front matter');
  });
});
