import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRng, seedFromString, shuffle } from '../../../src/lib/quiz/rng.ts';
import {
  answer,
  answeredCount,
  createAttempt,
  finish,
  fitsQuiz,
  goTo,
  grade,
  isAttemptState,
  rightAnswer,
  scoreQuestion,
} from '../../../src/lib/quiz/engine.ts';
import type { QuestionDef, QuizDef } from '../../../src/lib/quiz/engine.ts';

const now = new Date('2026-11-27T03:00:00Z');

const single: QuestionDef = {
  id: 's1',
  type: 'single',
  options: [
    { id: 'a', text: 'Tỉnh ủy', correct: true },
    { id: 'b', text: 'UBND', correct: false },
    { id: 'c', text: 'HĐND', correct: false },
  ],
};
const multiple: QuestionDef = {
  id: 'm1',
  type: 'multiple',
  options: [
    { id: 'a', text: 'A', correct: true },
    { id: 'b', text: 'B', correct: true },
    { id: 'c', text: 'C', correct: false },
    { id: 'd', text: 'D', correct: false },
  ],
};
const tf: QuestionDef = { id: 't1', type: 'true-false', answer: false };
const ordering: QuestionDef = {
  id: 'o1',
  type: 'ordering',
  items: [
    { id: 'x1', text: '2008' },
    { id: 'x2', text: '2014' },
    { id: 'x3', text: '2019' },
    { id: 'x4', text: '2023' },
  ],
};
const quiz: QuizDef = { id: 'mau', draw: 4, questions: [single, multiple, tf, ordering] };

describe('seeded rng and shuffle', () => {
  it('a shuffle is a permutation of its input', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer(), (xs, seed) => {
        const s = shuffle(xs, createRng(seed));
        expect([...s].sort((a, b) => a - b)).toEqual([...xs].sort((a, b) => a - b));
      }),
    );
  });

  it('the same seed gives the same order; the input is untouched', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string(), { maxLength: 30 }), fc.integer(), (xs, seed) => {
        const copy = [...xs];
        expect(shuffle(xs, createRng(seed))).toEqual(shuffle(xs, createRng(seed)));
        expect(xs).toEqual(copy);
      }),
    );
  });

  it('different seeds do produce different orders (the rng is not constant)', () => {
    const xs = Array.from({ length: 20 }, (_, i) => i);
    const orders = new Set([1, 2, 3, 4, 5].map((s) => shuffle(xs, createRng(s)).join(',')));
    expect(orders.size).toBe(5);
    expect(seedFromString('a')).not.toBe(seedFromString('b'));
  });
});

describe('createAttempt', () => {
  it('draws `draw` distinct questions and an option order per question', () => {
    const bank: QuizDef = { ...quiz, draw: 2 };
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const s = createAttempt(bank, seed, now);
        expect(s.questionIds).toHaveLength(2);
        expect(new Set(s.questionIds).size).toBe(2);
        for (const id of s.questionIds) expect(s.optionOrder[id]).toBeDefined();
        expect(isAttemptState(JSON.parse(JSON.stringify(s)))).toBe(true);
        expect(fitsQuiz(bank, s)).toBe(true);
      }),
    );
  });

  it('never shows an ordering question already in the right order', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const s = createAttempt(quiz, seed, now);
        expect(s.optionOrder.o1).not.toEqual(['x1', 'x2', 'x3', 'x4']);
      }),
    );
  });

  it('is reproducible from its seed', () => {
    expect(createAttempt(quiz, 7, now)).toEqual(createAttempt(quiz, 7, now));
  });
});

describe('grading rules', () => {
  it('one answer: 1 for the right option, 0 otherwise', () => {
    expect(scoreQuestion(single, ['a'])).toBe(1);
    expect(scoreQuestion(single, ['b'])).toBe(0);
    expect(scoreQuestion(single, [])).toBe(0);
    expect(scoreQuestion(single, undefined)).toBe(0);
  });

  it('several answers: (right − wrong) / right, floored at 0', () => {
    expect(scoreQuestion(multiple, ['a', 'b'])).toBe(1);
    expect(scoreQuestion(multiple, ['a'])).toBe(0.5);
    expect(scoreQuestion(multiple, ['a', 'c'])).toBe(0);
    expect(scoreQuestion(multiple, ['a', 'b', 'c'])).toBe(0.5);
    expect(scoreQuestion(multiple, ['a', 'b', 'c', 'd'])).toBe(0);
    expect(scoreQuestion(multiple, ['c', 'd'])).toBe(0);
  });

  it('true–false and ordering', () => {
    expect(scoreQuestion(tf, ['sai'])).toBe(1);
    expect(scoreQuestion(tf, ['dung'])).toBe(0);
    expect(scoreQuestion(ordering, ['x1', 'x2', 'x3', 'x4'])).toBe(1);
    expect(scoreQuestion(ordering, ['x1', 'x2', 'x4', 'x3'])).toBe(0.5);
    expect(scoreQuestion(ordering, ['x2', 'x3', 'x4', 'x1'])).toBe(0);
    expect(scoreQuestion(ordering, ['x1', 'x1', 'x2', 'x3'])).toBe(0);
  });

  it('grades a whole attempt, rounds the percent down and applies the pass mark', () => {
    let s = createAttempt(quiz, 1, now);
    s = answer(quiz, s, 's1', ['a']);
    s = answer(quiz, s, 'm1', ['a']);
    s = answer(quiz, s, 't1', ['sai']);
    s = answer(quiz, s, 'o1', ['x1', 'x2', 'x3', 'x4']);
    const r = grade(quiz, finish(s, now));
    expect(r.points).toBe(3.5);
    expect(r.percent).toBe(87);
    expect(r.passed).toBe(true);
    const low = grade({ ...quiz, passPercent: 90 }, s);
    expect(low.passed).toBe(false);
    expect(r.questions.find((q) => q.id === 'm1')).toMatchObject({ correct: false, expected: ['a', 'b'] });
  });

  it('exactly the pass mark passes (80% of 10 questions)', () => {
    const qs: QuestionDef[] = Array.from({ length: 10 }, (_, i) => ({ ...single, id: `q${i}` }));
    const bank: QuizDef = { id: 'ten', draw: 10, questions: qs };
    let s = createAttempt(bank, 3, now);
    s.questionIds.slice(0, 8).forEach((id) => (s = answer(bank, s, id, ['a'])));
    expect(grade(bank, s)).toMatchObject({ percent: 80, passed: true, passPercent: 80 });
  });

  it('a score is never above the maximum, whatever is answered', () => {
    const choice = (q: QuestionDef) => fc.subarray(q.type === 'true-false' ? ['dung', 'sai'] : q.type === 'ordering' ? q.items.map((i) => i.id) : q.options.map((o) => o.id));
    fc.assert(
      fc.property(fc.integer(), choice(single), choice(multiple), choice(tf), fc.integer(), (seed, a, b, c, oseed) => {
        let s = createAttempt(quiz, seed, now);
        if (a.length <= 1) s = answer(quiz, s, 's1', a);
        s = answer(quiz, s, 'm1', b);
        if (c.length <= 1) s = answer(quiz, s, 't1', c);
        s = answer(quiz, s, 'o1', shuffle(['x1', 'x2', 'x3', 'x4'], createRng(oseed)));
        const r = grade(quiz, s);
        expect(r.points).toBeLessThanOrEqual(r.max);
        expect(r.points).toBeGreaterThanOrEqual(0);
        expect(r.percent).toBeLessThanOrEqual(100);
        expect(r.percent).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('grading is independent of the order options were shown or chosen in', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer(), fc.subarray(['a', 'b', 'c', 'd']), (seed1, seed2, chosen) => {
        const s1 = answer(quiz, createAttempt(quiz, seed1, now), 'm1', chosen);
        const s2 = answer(quiz, createAttempt(quiz, seed2, now), 'm1', shuffle(chosen, createRng(seed2)));
        expect(grade(quiz, s1).questions.find((q) => q.id === 'm1')!.points).toBe(
          grade(quiz, s2).questions.find((q) => q.id === 'm1')!.points,
        );
        // Reordering the bank's options does not change the score either.
        const reordered: QuestionDef = { ...multiple, options: shuffle(multiple.options, createRng(seed1)) } as QuestionDef;
        expect(scoreQuestion(reordered, chosen)).toBe(scoreQuestion(multiple, chosen));
      }),
    );
  });

  it('right answers per type', () => {
    expect(rightAnswer(single)).toEqual(['a']);
    expect(rightAnswer(tf)).toEqual(['sai']);
    expect(rightAnswer(ordering)).toEqual(['x1', 'x2', 'x3', 'x4']);
  });
});

describe('state transitions', () => {
  it('refuses invalid answers', () => {
    const s = createAttempt(quiz, 1, now);
    expect(() => answer(quiz, s, 'nope', ['a'])).toThrow(RangeError);
    expect(() => answer(quiz, s, 's1', ['z'])).toThrow(RangeError);
    expect(() => answer(quiz, s, 's1', ['a', 'b'])).toThrow(RangeError);
    expect(() => answer(quiz, s, 'o1', ['x1'])).toThrow(RangeError);
    expect(() => answer(quiz, finish(s, now), 's1', ['a'])).toThrow(RangeError);
  });

  it('is immutable, counts answers, clears an answer with an empty choice, clamps goTo', () => {
    const s0 = createAttempt(quiz, 1, now);
    const s1 = answer(quiz, s0, 's1', ['a']);
    expect(s0.answers).toEqual({});
    expect(answeredCount(s1)).toBe(1);
    expect(answeredCount(answer(quiz, s1, 's1', []))).toBe(0);
    expect(goTo(s1, 99).current).toBe(3);
    expect(goTo(s1, -3).current).toBe(0);
  });

  it('survives a JSON round trip (save and resume)', () => {
    const s = answer(quiz, createAttempt(quiz, 5, now), 'm1', ['b', 'a']);
    const back = JSON.parse(JSON.stringify(s));
    expect(isAttemptState(back)).toBe(true);
    expect(grade(quiz, back)).toEqual(grade(quiz, s));
  });

  it('detects stored states that no longer fit the bank or have the wrong shape', () => {
    const s = createAttempt(quiz, 5, now);
    expect(fitsQuiz({ ...quiz, questions: [single] }, s)).toBe(false);
    expect(fitsQuiz({ ...quiz, id: 'other' }, s)).toBe(false);
    expect(isAttemptState({ ...s, v: 2 })).toBe(false);
    expect(isAttemptState({ ...s, current: 9 })).toBe(false);
    expect(isAttemptState({ ...s, answers: { s1: 'a' } })).toBe(false);
    expect(isAttemptState(null)).toBe(false);
  });
});
