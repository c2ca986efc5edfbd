import { describe, expect, it } from 'vitest';
import { attemptGate, nextVnMidnight, vnDate } from '../../../src/lib/quiz/attempts.ts';
import type { AttemptRecord } from '../../../src/lib/quiz/attempts.ts';
import { emptyRecord, readRecord, recordResult, writeRecord } from '../../../src/lib/quiz/store.ts';
import { checkName, checkUnit, comparableText } from '../../../src/lib/quiz/learner.ts';
import { createAttempt } from '../../../src/lib/quiz/engine.ts';

const rec = (over: Partial<AttemptRecord>): AttemptRecord => ({
  quizId: 'q',
  startedAt: '2026-11-27T02:00:00Z',
  finishedAt: '2026-11-27T02:10:00Z',
  percent: 50,
  passed: false,
  ...over,
});
const policy = { maxPerDay: 3, spacingMinutes: 10 };

describe('attempt gate', () => {
  it('allows the first attempt', () => {
    expect(attemptGate([], 'q', policy, new Date('2026-11-27T03:00:00Z'))).toEqual({ allowed: true, usedToday: 0 });
  });

  it('enforces spacing after the last finished attempt', () => {
    const h = [rec({})];
    const g = attemptGate(h, 'q', policy, new Date('2026-11-27T02:15:00Z'));
    expect(g).toMatchObject({ allowed: false, reason: 'spacing' });
    expect(g.allowed === false && g.nextAt.toISOString()).toBe('2026-11-27T02:20:00.000Z');
    expect(attemptGate(h, 'q', policy, new Date('2026-11-27T02:20:00Z')).allowed).toBe(true);
    expect(attemptGate(h, 'other', policy, new Date('2026-11-27T02:15:00Z')).allowed).toBe(true);
  });

  it('enforces the daily limit in Vietnam time', () => {
    const h = [0, 1, 2].map((i) => rec({ startedAt: `2026-11-27T0${i}:00:00Z`, finishedAt: `2026-11-27T0${i}:05:00Z` }));
    const g = attemptGate(h, 'q', policy, new Date('2026-11-27T09:00:00Z'));
    expect(g).toMatchObject({ allowed: false, reason: 'daily-limit', usedToday: 3 });
    // 17:00 UTC is midnight in Vietnam: a new day.
    expect(g.allowed === false && g.nextAt.toISOString()).toBe('2026-11-27T17:00:00.000Z');
    expect(attemptGate(h, 'q', policy, new Date('2026-11-27T17:00:00Z')).allowed).toBe(true);
  });

  it('computes Vietnam dates', () => {
    expect(vnDate(new Date('2026-11-27T16:59:59Z'))).toBe('2026-11-27');
    expect(vnDate(new Date('2026-11-27T17:00:00Z'))).toBe('2026-11-28');
    expect(nextVnMidnight(new Date('2026-11-27T01:00:00Z')).toISOString()).toBe('2026-11-27T17:00:00.000Z');
  });
});

describe('device record', () => {
  it('reads nothing as an empty record and round-trips', () => {
    expect(readRecord(null)).toEqual({ ok: true, record: emptyRecord() });
    const r = { ...emptyRecord(), learner: { name: 'Lò Thị Mai', unit: 'Xã Thanh Nưa' } };
    expect(readRecord(writeRecord(r))).toEqual({ ok: true, record: r });
  });

  it('keeps a saved attempt', () => {
    const attempt = createAttempt({ id: 'q', draw: 1, questions: [{ id: 't', type: 'true-false', answer: true }] }, 1, new Date());
    const r = { ...emptyRecord(), inProgress: { q: attempt } };
    expect(readRecord(writeRecord(r))).toEqual({ ok: true, record: r });
  });

  it.each([
    ['not JSON', '{"v":1,', 'corrupt'],
    ['plain text', 'xin chào', 'corrupt'],
    ['another app', '{"theme":"dark"}', 'foreign'],
    ['an array', '[1,2]', 'foreign'],
    ['a newer version', '{"v":2}', 'newer'],
    ['a broken history', '{"v":1,"learner":null,"history":[{"quizId":1}],"completions":{},"inProgress":{}}', 'corrupt'],
    ['a bad completion', '{"v":1,"learner":null,"history":[],"completions":{"a":{"percent":180,"date":"x","code":"c","finishedAt":"t"}},"inProgress":{}}', 'corrupt'],
    ['a completion without the name it was made for', '{"v":1,"learner":null,"history":[],"completions":{"a":{"percent":90,"date":"2026-11-27","code":"c","finishedAt":"t"}},"inProgress":{}}', 'corrupt'],
    ['a bad attempt', '{"v":1,"learner":null,"history":[],"completions":{},"inProgress":{"a":{"v":1}}}', 'corrupt'],
  ])('reports %s without throwing', (_label, raw, problem) => {
    expect(readRecord(raw)).toEqual({ ok: false, problem });
  });

  it('records results, keeping the best pass and capping the history', () => {
    let r = emptyRecord();
    r = recordResult(r, rec({ percent: 90, passed: true }), { percent: 90, date: '2026-11-27', code: 'A', finishedAt: 't', name: 'Mai', unit: 'Xã A' });
    r = recordResult(r, rec({ percent: 85, passed: true }), { percent: 85, date: '2026-11-28', code: 'B', finishedAt: 't', name: 'Mai', unit: 'Xã A' });
    r = recordResult(r, rec({ percent: 40 }), null);
    expect(r.completions.q!.code).toBe('A');
    expect(r.history).toHaveLength(3);
    for (let i = 0; i < 300; i++) r = recordResult(r, rec({}), null);
    expect(r.history).toHaveLength(200);
  });
});

describe('learner name and unit', () => {
  it.each([
    ['Lò Thị Mai', 'Lò Thị Mai'],
    ['  Nguyễn   Văn  A ', 'Nguyễn Văn A'],
    ['Lò Văn Muôn'.normalize('NFD'), 'Lò Văn Muôn'],
    ["H'Hen Niê", "H'Hen Niê"],
  ])('accepts %j', (raw, value) => {
    expect(checkName(raw)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'empty'],
    ['     ', 'empty'],
    ['<script>alert(1)</script>', 'markup'],
    ['<b>Mai</b>', 'markup'],
    ['a'.repeat(500), 'too-long'],
    ['Mai 😀', 'characters'],
    ['Mai; DROP', 'characters'],
    ['12345', 'characters'],
  ])('refuses %j', (raw, problem) => {
    expect(checkName(raw)).toEqual({ ok: false, problem });
  });

  it('units allow digits and commas but not markup', () => {
    expect(checkUnit('Chi bộ 3, xã Thanh Nưa')).toEqual({ ok: true, value: 'Chi bộ 3, xã Thanh Nưa' });
    expect(checkUnit('')).toEqual({ ok: false, problem: 'empty' });
    expect(checkUnit('<img src=x onerror=alert(1)>')).toEqual({ ok: false, problem: 'markup' });
    expect(checkUnit('x'.repeat(121))).toEqual({ ok: false, problem: 'too-long' });
  });

  it('compares names case-, space- and normalisation-insensitively', () => {
    expect(comparableText(' LÒ  Thị MAI')).toBe(comparableText('lò thị mai'.normalize('NFD')));
  });
});
