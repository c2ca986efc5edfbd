import { describe, expect, it } from 'vitest';
import { citationLabel, jsonForScript, toClientQuiz } from '../../../src/lib/quiz/client-data.ts';
import { quizSchema } from '../../../src/schemas/quiz.ts';

describe('client quiz data', () => {
  it('labels provision anchors innermost first and named sections by their heading', () => {
    expect(citationLabel('phan-ii-muc-3', 'Kế hoạch số 83-KH/TU')).toBe('mục 3, phần II, Kế hoạch số 83-KH/TU');
    expect(citationLabel('thong-tin', 'Nghị quyết số 27-NQ/TW', 'Thông tin về văn bản')).toBe('Nghị quyết số 27-NQ/TW: Thông tin về văn bản');
    expect(citationLabel('nguoi-ky', 'Kế hoạch số 83-KH/TU')).toBe('Kế hoạch số 83-KH/TU');
  });

  it('escapes JSON so no text can close its <script> block', () => {
    const json = jsonForScript({ q: '</script><script>alert(1)</script>', s: '\u2028' });
    expect(json).not.toContain('<');
    expect(json).not.toContain('\u2028');
    expect(JSON.parse(json)).toEqual({ q: '</script><script>alert(1)</script>', s: '\u2028' });
  });

  it('attaches a resolved link to every question', () => {
    const data = quizSchema.parse({
      title: 'T',
      description: 'D',
      study: '01-mau',
      code: 4,
      draw: 1,
      questions: [
        { id: 'q1', type: 'true-false', question: 'Đúng?', answer: true, explanation: 'Vì.', difficulty: 'easy', citation: { document: 'ke-hoach', anchor: 'phan-i' } },
      ],
    });
    const c = toClientQuiz('01-mau', data, (d, a) => ({ href: `/van-ban/${d}/#${a}`, label: a }));
    expect(c).toMatchObject({ id: '01-mau', code: 4, passPercent: 80, attempts: { maxPerDay: 3, spacingMinutes: 10 } });
    expect(c.questions[0]!.cite).toEqual({ href: '/van-ban/ke-hoach/#phan-i', label: 'phan-i' });
  });
});
