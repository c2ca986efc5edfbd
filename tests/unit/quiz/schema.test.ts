import { describe, expect, it } from 'vitest';
import { quizSchema } from '../../../src/schemas/quiz.ts';
import { validateCorpus } from '../../../src/lib/content/validate.ts';
import { quizChecks } from '../../../src/lib/content/checks/quiz.ts';
import type { RawEntry } from '../../../src/lib/content/types.ts';

const cite = { document: 'ke-hoach-mau', anchor: 'phan-ii-muc-1' };
const single = (over: Record<string, unknown> = {}) => ({
  id: 'q01',
  type: 'single',
  difficulty: 'easy',
  question: 'Kế hoạch do ai ban hành?',
  options: [
    { id: 'a', text: 'Tỉnh ủy', correct: true },
    { id: 'b', text: 'Ủy ban nhân dân tỉnh' },
  ],
  explanation: 'Phần đầu văn bản ghi Tỉnh ủy.',
  citation: cite,
  ...over,
});
const bank = (questions: unknown[], over: Record<string, unknown> = {}) => ({
  title: 'Kiểm tra mẫu',
  description: 'Mô tả',
  study: '01-mau',
  code: 1,
  draw: 1,
  questions,
  ...over,
});
const docBody = '## I- MỤC ĐÍCH\n\n### 1. Mục đích\n\n## II- NỘI DUNG\n\n### 1.\n\nNội dung.\n\n<div id="nguoi-ky">Ký</div>\n';

function run(data: unknown, body = docBody) {
  const entries: RawEntry[] = [
    { collection: 'documents', id: 'ke-hoach-mau', file: 'content/documents/ke-hoach-mau.mdx', data: {}, body },
    { collection: 'quizzes', id: '01-mau', file: 'content/quizzes/01-mau.yaml', data },
  ];
  // Documents are not under test here: accept any object for them.
  const schemas = { documents: { safeParse: (d: unknown) => ({ success: true, data: d }) } as never, quizzes: quizSchema };
  return validateCorpus(entries, schemas, quizChecks).problems;
}

const fields = (data: unknown) => run(data).map((p) => `${p.field}: ${p.message}`);

describe('quiz schema and checks', () => {
  it('accepts a valid bank with every question type and fills defaults', () => {
    const data = bank([
      single(),
      { ...single({ id: 'q02', type: 'multiple' }) },
      { id: 'q03', type: 'true-false', difficulty: 'medium', question: 'Đúng hay sai?', answer: false, explanation: 'Vì.', citation: cite },
      {
        id: 'q04',
        type: 'ordering',
        difficulty: 'hard',
        question: 'Sắp xếp',
        items: [
          { id: 'x', text: 'Một' },
          { id: 'y', text: 'Hai' },
          { id: 'z', text: 'Ba' },
        ],
        explanation: 'Theo thứ tự.',
        citation: { document: 'ke-hoach-mau', anchor: 'nguoi-ky' },
      },
    ]);
    expect(run(data)).toEqual([]);
    const parsed = quizSchema.parse(data);
    expect(parsed.passPercent).toBe(80);
    expect(parsed.attempts).toEqual({ maxPerDay: 3, spacingMinutes: 10 });
  });

  it('rejects a one-answer question with zero right options', () => {
    const q = single({ options: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }] });
    expect(fields(bank([q])).join('\n')).toMatch(/questions\.0\.options: câu một đáp án phải có đúng một/);
  });

  it('rejects a one-answer question with several right options', () => {
    const q = single({ options: [{ id: 'a', text: 'A', correct: true }, { id: 'b', text: 'B', correct: true }] });
    expect(fields(bank([q])).join('\n')).toMatch(/questions\.0\.options: câu một đáp án phải có đúng một/);
  });

  it('rejects a several-answer question with no right option', () => {
    const q = single({ type: 'multiple', options: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }] });
    expect(fields(bank([q])).join('\n')).toMatch(/ít nhất một phương án correct/);
  });

  it('rejects duplicate question ids', () => {
    expect(fields(bank([single(), single()], { draw: 2 }))).toContain('questions.1.id: mã câu hỏi bị trùng: q01');
  });

  it('rejects duplicate option ids and duplicate option texts', () => {
    const sameId = single({ options: [{ id: 'a', text: 'A', correct: true }, { id: 'a', text: 'B' }] });
    const sameText = single({ options: [{ id: 'a', text: 'Tỉnh ủy', correct: true }, { id: 'b', text: 'tỉnh ủy' }] });
    expect(fields(bank([sameId])).join('\n')).toMatch(/mã phương án bị trùng/);
    expect(fields(bank([sameText])).join('\n')).toMatch(/nội dung phương án bị trùng/);
  });

  it('rejects empty or blank text', () => {
    expect(fields(bank([single({ question: '   ' })]))).toContain('questions.0.question: không được để trống');
    expect(fields(bank([single({ explanation: '' })]))).toContain('questions.0.explanation: không được để trống');
    const blankOption = single({ options: [{ id: 'a', text: ' ', correct: true }, { id: 'b', text: 'B' }] });
    expect(fields(bank([blankOption]))).toContain('questions.0.options.0.text: không được để trống');
  });

  it('rejects a citation to a missing anchor, naming the file and field', () => {
    const problems = run(bank([single({ citation: { document: 'ke-hoach-mau', anchor: 'phan-iii-muc-9' } })]));
    expect(problems).toEqual([
      {
        file: 'content/quizzes/01-mau.yaml',
        field: 'questions.0.citation.anchor',
        message: 'câu q01: văn bản "ke-hoach-mau" không có neo "phan-iii-muc-9"',
      },
    ]);
  });

  it('rejects a citation to a missing document', () => {
    const problems = run(bank([single({ citation: { document: 'khong-co', anchor: 'phan-i' } })]));
    expect(problems.map((p) => p.field)).toEqual(['questions.0.citation.document']);
  });

  it('rejects draw larger than the bank, unknown types and unknown keys', () => {
    expect(fields(bank([single()], { draw: 2 }))).toContain('draw: draw lớn hơn số câu trong ngân hàng');
    expect(fields(bank([single({ type: 'essay' })])).length).toBeGreaterThan(0);
    expect(fields(bank([single({ answr: true })])).join('\n')).toMatch(/answr/);
  });

  it('rejects a "quotation" that is not verbatim in a full-text document', () => {
    const entries = (explanation: string): RawEntry[] => [
      { collection: 'documents', id: 'ke-hoach-mau', file: 'd.mdx', data: { textKind: 'full' }, body: `${docBody}\nNgân sách của tỉnh ưu tiên cân đối\nkinh phí đầu tư.\n` },
      { collection: 'quizzes', id: 'a', file: 'a.yaml', data: bank([single({ explanation })]) },
    ];
    const schemas = { documents: { safeParse: (d: unknown) => ({ success: true, data: d }) } as never, quizzes: quizSchema };
    expect(validateCorpus(entries('Mục 3 viết: "Ngân sách của tỉnh ưu tiên cân đối kinh phí".'), schemas, quizChecks).problems).toEqual([]);
    expect(validateCorpus(entries('Mục 3 viết: "Ngân sách tỉnh ưu tiên kinh phí".'), schemas, quizChecks).problems).toEqual([
      { file: 'a.yaml', field: 'questions.0.explanation', message: 'câu q01: trích dẫn "Ngân sách tỉnh ưu tiên kinh phí" không có nguyên văn trong "ke-hoach-mau"' },
    ]);
  });

  it('rejects two banks with the same receipt code', () => {
    const entries: RawEntry[] = [
      { collection: 'documents', id: 'ke-hoach-mau', file: 'd.mdx', data: {}, body: docBody },
      { collection: 'quizzes', id: 'a', file: 'a.yaml', data: bank([single()]) },
      { collection: 'quizzes', id: 'b', file: 'b.yaml', data: bank([single()]) },
    ];
    const schemas = { documents: { safeParse: (d: unknown) => ({ success: true, data: d }) } as never, quizzes: quizSchema };
    expect(validateCorpus(entries, schemas, quizChecks).problems).toEqual([{ file: 'b.yaml', field: 'code', message: 'mã bài 1 đã dùng ở a.yaml' }]);
  });
});
