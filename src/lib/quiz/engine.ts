/**
 * Quiz engine: draws, shuffles and grades one attempt. Pure TypeScript, no DOM; the page's
 * <tt-quiz> element only connects the DOM to these functions.
 *
 * Lifecycle: `createAttempt(quiz, seed, now)` → `answer(state, qId, choiceIds)` (any number of
 * times, any order) → `finish(state, now)` → `grade(quiz, state)`. Every function returns a new
 * state; nothing is mutated, so the state can be saved after each step and resumed after a reload.
 *
 * Attempt state, JSON shape version 1 (stored as is in localStorage by src/lib/quiz/store.ts):
 * ```json
 * {
 *   "v": 1,
 *   "quizId": "01-ke-hoach-83-kh-tu",
 *   "seed": 2024112701,
 *   "startedAt": "2026-11-27T09:00:00.000Z",
 *   "questionIds": ["q07", "q02", "q15"],
 *   "optionOrder": { "q07": ["c", "a", "b"], "q02": ["dung", "sai"], "q15": ["i3", "i1", "i2"] },
 *   "answers": { "q07": ["a"], "q15": ["i1", "i2", "i3"] },
 *   "current": 1,
 *   "finishedAt": null
 * }
 * ```
 * - `questionIds`: the drawn questions in the order shown. `optionOrder`: the order options (or
 *   ordering items) are shown in; true–false questions always show `dung`, `sai`.
 * - `answers`: chosen option ids; for true–false `["dung"]` or `["sai"]`; for ordering the item
 *   ids in the learner's order. A missing key means "not answered" and scores 0.
 * - A future shape change bumps `v`; readers reject shapes they do not know.
 *
 * Grading rules (stated to learners on the quiz page):
 * - one answer and true–false: 1 point for the right choice, otherwise 0;
 * - several answers: (right options chosen − wrong options chosen) ÷ number of right options,
 *   never below 0, so guessing everything earns nothing and full marks need the exact set;
 * - ordering: share of items placed at their right position.
 * The percentage is the points over the number of questions, rounded down, so it never exceeds 100
 * and a learner is never rounded up to a pass.
 */
import { createRng, shuffle } from './rng.ts';

/** True–false questions use these two choice ids. */
export const TRUE_ID = 'dung';
/** See {@link TRUE_ID}. */
export const FALSE_ID = 'sai';

/** An option of a single/multiple question. */
export interface OptionDef {
  id: string;
  text: string;
  correct: boolean;
}

/** A question as the engine sees it (same shape as the validated YAML). */
export type QuestionDef =
  | { id: string; type: 'single' | 'multiple'; options: readonly OptionDef[] }
  | { id: string; type: 'true-false'; answer: boolean }
  | { id: string; type: 'ordering'; items: readonly { id: string; text: string }[] };

/** A quiz as the engine sees it. */
export interface QuizDef {
  id: string;
  /** Questions per attempt. */
  draw: number;
  /** Pass mark in percent (default 80). */
  passPercent?: number;
  questions: readonly QuestionDef[];
}

/** Default pass mark in percent. */
export const DEFAULT_PASS_PERCENT = 80;
/** Current version of {@link AttemptState}. */
export const ATTEMPT_VERSION = 1;

/** One attempt; see the JSON shape at the top of this module. */
export interface AttemptState {
  v: 1;
  quizId: string;
  seed: number;
  startedAt: string;
  questionIds: string[];
  optionOrder: Record<string, string[]>;
  answers: Record<string, string[]>;
  current: number;
  finishedAt: string | null;
}

/** The choice ids a question offers, in authoring order. */
export function choiceIds(q: QuestionDef): string[] {
  if (q.type === 'true-false') return [TRUE_ID, FALSE_ID];
  if (q.type === 'ordering') return q.items.map((i) => i.id);
  return q.options.map((o) => o.id);
}

/** Starts an attempt: draws `quiz.draw` questions and shuffles them and their options with `seed`. */
export function createAttempt(quiz: QuizDef, seed: number, now: Date): AttemptState {
  const rng = createRng(seed);
  const n = Math.max(1, Math.min(quiz.draw, quiz.questions.length));
  const drawn = shuffle(quiz.questions, rng).slice(0, n);
  const optionOrder: Record<string, string[]> = {};
  for (const q of drawn) {
    if (q.type === 'true-false') optionOrder[q.id] = [TRUE_ID, FALSE_ID];
    else if (q.type === 'ordering') optionOrder[q.id] = shuffledNotIdentity(choiceIds(q), rng);
    else optionOrder[q.id] = shuffle(choiceIds(q), rng);
  }
  return {
    v: 1,
    quizId: quiz.id,
    seed: seed >>> 0,
    startedAt: now.toISOString(),
    questionIds: drawn.map((q) => q.id),
    optionOrder,
    answers: {},
    current: 0,
    finishedAt: null,
  };
}

// An ordering question shown already in the right order would give the answer away.
function shuffledNotIdentity(ids: string[], rng: () => number): string[] {
  for (let tries = 0; tries < 8; tries++) {
    const s = shuffle(ids, rng);
    if (s.some((id, i) => id !== ids[i])) return s;
  }
  return [...ids.slice(1), ids[0]!];
}

/** Finds a question of the quiz by id. */
export function findQuestion(quiz: QuizDef, id: string): QuestionDef | undefined {
  return quiz.questions.find((q) => q.id === id);
}

/**
 * Records an answer. Unknown question ids, unknown choices, several choices on a one-answer
 * question, or an ordering that is not a permutation throw a RangeError (a bug in the caller).
 */
export function answer(quiz: QuizDef, state: AttemptState, questionId: string, choices: readonly string[]): AttemptState {
  if (state.finishedAt) throw new RangeError('attempt already finished');
  if (!state.questionIds.includes(questionId)) throw new RangeError(`question ${questionId} is not in this attempt`);
  const q = findQuestion(quiz, questionId);
  if (!q) throw new RangeError(`question ${questionId} is not in the quiz`);
  const allowed = new Set(choiceIds(q));
  if (choices.some((c) => !allowed.has(c))) throw new RangeError('unknown choice');
  if (new Set(choices).size !== choices.length) throw new RangeError('duplicate choice');
  if ((q.type === 'single' || q.type === 'true-false') && choices.length > 1) throw new RangeError('one choice only');
  if (q.type === 'ordering' && choices.length !== allowed.size) throw new RangeError('ordering must list every item');
  const answers = { ...state.answers };
  if (choices.length === 0) delete answers[questionId];
  else answers[questionId] = [...choices];
  return { ...state, answers };
}

/** Moves to question `index` (clamped to the attempt). */
export function goTo(state: AttemptState, index: number): AttemptState {
  const current = Math.max(0, Math.min(state.questionIds.length - 1, Math.trunc(index)));
  return { ...state, current };
}

/** Closes the attempt; later answers are refused. */
export function finish(state: AttemptState, now: Date): AttemptState {
  return state.finishedAt ? state : { ...state, finishedAt: now.toISOString() };
}

/** Points in [0, 1] for one question, by the rules at the top of this module. */
export function scoreQuestion(q: QuestionDef, given: readonly string[] | undefined): number {
  if (!given || given.length === 0) return 0;
  if (q.type === 'true-false') return given.length === 1 && given[0] === (q.answer ? TRUE_ID : FALSE_ID) ? 1 : 0;
  if (q.type === 'ordering') {
    const ids = q.items.map((i) => i.id);
    if (given.length !== ids.length || new Set(given).size !== ids.length || given.some((g) => !ids.includes(g))) return 0;
    return ids.filter((id, i) => given[i] === id).length / ids.length;
  }
  const right = new Set(q.options.filter((o) => o.correct).map((o) => o.id));
  const chosen = new Set(given);
  if (q.type === 'single') return chosen.size === 1 && right.has(given[0]!) ? 1 : 0;
  let hits = 0;
  let misses = 0;
  for (const c of chosen) {
    if (right.has(c)) hits++;
    else if (q.options.some((o) => o.id === c)) misses++;
  }
  return Math.max(0, (hits - misses) / right.size);
}

/** The right answer of a question as choice ids (ordering: the right order). */
export function rightAnswer(q: QuestionDef): string[] {
  if (q.type === 'true-false') return [q.answer ? TRUE_ID : FALSE_ID];
  if (q.type === 'ordering') return q.items.map((i) => i.id);
  return q.options.filter((o) => o.correct).map((o) => o.id);
}

/** The result of one question in a graded attempt. */
export interface QuestionResult {
  id: string;
  points: number;
  /** Full marks. */
  correct: boolean;
  given: string[];
  expected: string[];
}

/** A graded attempt. */
export interface GradeResult {
  points: number;
  max: number;
  /** Whole percent, rounded down; 0–100. */
  percent: number;
  passPercent: number;
  passed: boolean;
  questions: QuestionResult[];
}

/** Grades an attempt against its quiz. Questions no longer in the bank score 0. */
export function grade(quiz: QuizDef, state: AttemptState): GradeResult {
  const questions: QuestionResult[] = state.questionIds.map((id) => {
    const q = findQuestion(quiz, id);
    const given = state.answers[id] ?? [];
    if (!q) return { id, points: 0, correct: false, given, expected: [] };
    const points = scoreQuestion(q, given);
    return { id, points, correct: points === 1, given, expected: rightAnswer(q) };
  });
  const max = questions.length;
  const points = questions.reduce((s, r) => s + r.points, 0);
  // The epsilon absorbs float error in sums of thirds and quarters (0.1 + 0.2 style) before flooring.
  const percent = max === 0 ? 0 : Math.min(100, Math.floor((points * 100) / max + 1e-9));
  const passPercent = quiz.passPercent ?? DEFAULT_PASS_PERCENT;
  return { points, max, percent, passPercent, passed: percent >= passPercent, questions };
}

/** Number of drawn questions that have an answer. */
export function answeredCount(state: AttemptState): number {
  return state.questionIds.filter((id) => (state.answers[id]?.length ?? 0) > 0).length;
}

const isStringArray = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');
const isRecordOf = <T>(x: unknown, f: (v: unknown) => v is T): x is Record<string, T> =>
  typeof x === 'object' && x !== null && !Array.isArray(x) && Object.values(x).every(f);

/** True when `x` has the shape of a version-1 attempt (used when reading storage). */
export function isAttemptState(x: unknown): x is AttemptState {
  if (typeof x !== 'object' || x === null) return false;
  const s = x as Record<string, unknown>;
  return (
    s.v === 1 &&
    typeof s.quizId === 'string' &&
    typeof s.seed === 'number' &&
    typeof s.startedAt === 'string' &&
    isStringArray(s.questionIds) &&
    s.questionIds.length > 0 &&
    isRecordOf(s.optionOrder, isStringArray) &&
    isRecordOf(s.answers, isStringArray) &&
    typeof s.current === 'number' &&
    Number.isInteger(s.current) &&
    s.current >= 0 &&
    s.current < s.questionIds.length &&
    (s.finishedAt === null || typeof s.finishedAt === 'string')
  );
}

/** True when a saved attempt still matches the quiz (every question and choice still exists). */
export function fitsQuiz(quiz: QuizDef, state: AttemptState): boolean {
  if (state.quizId !== quiz.id) return false;
  return state.questionIds.every((id) => {
    const q = findQuestion(quiz, id);
    if (!q) return false;
    const ids = new Set(choiceIds(q));
    const order = state.optionOrder[id];
    const given = state.answers[id] ?? [];
    return !!order && order.length === ids.size && order.every((c) => ids.has(c)) && given.every((c) => ids.has(c));
  });
}
