/**
 * Issue #20, deliverable 4: the roster never refuses a distinct learner, counts identical lines once,
 * survives corrupted lines and hostile names, and keeps its totals on a 20,000-line generated paste
 * (the same generator as `npm run bench` and tests/e2e/roster-scale.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { encodeFor, encodeReceipt, encodeSessionReceipt, holderHash } from '../../../src/lib/receipt/code.ts';
import { isAccepted, parsePaste, rosterTotals, summaryBySession, summaryByUnit, tallyRows, verifyAll } from '../../../src/lib/receipt/roster.ts';
import type { KnownQuiz, KnownSession, RosterRow } from '../../../src/lib/receipt/roster.ts';
import { secretOf } from '../../../src/lib/receipt/session.ts';
import { QUIZZES, rosterDataset } from '../../../scripts/bench/roster-data.ts';

const quizzes: KnownQuiz[] = QUIZZES.map((q) => ({ ...q, title: q.id, passPercent: 80 }));
const TODAY = '2026-12-05';
const what = (r: RosterRow) => (r.status === 'rejected' ? r.reason : r.status);

/** Two names with the same 21-bit hash in `unit` (found by search, so the test does not depend on luck). */
function collision(unit: string): [string, string] {
  const seen = new Map<number, string>();
  for (let i = 0; ; i++) {
    const name = `Lò Văn Thử ${i}`;
    const h = holderHash(name, unit);
    const other = seen.get(h);
    if (other) return [other, name];
    seen.set(h, name);
  }
}

describe('duplicates and distinct learners', () => {
  const unit = 'Chi bộ bản Noong Bua';
  const [a, b] = collision(unit);
  const session: KnownSession = { id: 0x0a0b, secret: new Uint8Array(16).fill(3), quiz: quizzes[0]!.id, unit, date: '2026-11-20' };
  const fields = { quiz: 1, date: '2026-11-20', percent: 90, holder: holderHash(a, unit) };

  it('two people sharing one code (colliding name hashes, same quiz, day and score) are both accepted, the second marked as such', async () => {
    const code = await encodeSessionReceipt(fields, session);
    expect(await encodeSessionReceipt({ ...fields, holder: holderHash(b, unit) }, session)).toBe(code);
    const rows = await verifyAll(parsePaste(`${code}\t${a}\t${unit}\n${code}\t${b}\t${unit}`), quizzes, TODAY, [session]);
    expect(rows.map(what)).toEqual(['attended', 'attended']);
    expect(rows[1]!.status === 'attended' && rows[1]!.sharedWith).toBe('1');
    expect(rosterTotals(rows)).toMatchObject({ accepted: 2, attended: 2, rejected: 0, duplicates: 0, sharedCode: 1 });
  });

  it('the same for old self-study codes (v2), which stay valid', async () => {
    const code = encodeReceipt({ ...fields, version: 2 });
    const rows = await verifyAll(parsePaste(`${code}\t${a}\t${unit}\n${code}\t${b}\t${unit}`), quizzes, TODAY);
    expect(rows.map(what)).toEqual(['self-study', 'self-study']);
    expect(rosterTotals(rows).sharedCode).toBe(1);
  });

  it('an identical line, even typed differently (case, spaces, hyphens, separators, Unicode form), is one duplicate of the first', async () => {
    const code = encodeFor({ quiz: 2, date: '2026-11-21', percent: 100, name: a, unit });
    const paste = [
      `${code}\t${a}\t${unit}`,
      `${code.toLowerCase().replace(/-/g, ' ')} ; ${a.toUpperCase()} ;  ${unit.normalize('NFD')}`,
      `  ${code}|${a}|${unit}  `,
    ].join('\n');
    const rows = await verifyAll(parsePaste(paste), quizzes, TODAY);
    expect(rows.map(what)).toEqual(['self-study', 'duplicate', 'duplicate']);
    expect(rows.slice(1).map((r) => r.status === 'duplicate' && r.duplicateOf)).toEqual(['1', '1']);
    expect(rosterTotals(rows)).toMatchObject({ lines: 3, accepted: 1, duplicates: 2, rejected: 0 });
  });

  it('a code alone adds no learner where another line gives the same code with a name, before or after it', async () => {
    const code = encodeFor({ quiz: 1, date: '2026-11-21', percent: 90, name: a, unit });
    const rows = await verifyAll(parsePaste(`${code}\n${code}\n${code}\t${a}\t${unit}\n${code}`), quizzes, TODAY);
    expect(rows.map(what)).toEqual(['duplicate', 'duplicate', 'self-study', 'duplicate']);
    expect(rows.map((r) => r.status === 'duplicate' && [r.duplicateOf, r.codeOnly])).toEqual([['3', true], ['3', true], false, ['3', true]]);
    // Alone and repeated, it counts once.
    const alone = await verifyAll(parsePaste(`${code}\n${code}`), quizzes, TODAY);
    expect(alone.map(what)).toEqual(['self-study', 'duplicate']);
  });

  it('a refused line repeated identically is counted once too', async () => {
    const rows = await verifyAll(parsePaste('ABCD-EFGH\tX\tY\nabcd efgh ; x ; y\nXYZ'), quizzes, TODAY);
    expect(rows.map(what)).toEqual(['length', 'duplicate', 'length']);
    expect(rosterTotals(rows)).toMatchObject({ rejected: 2, duplicates: 1 });
  });
});

describe('corrupted lines and hostile names', () => {
  const good = encodeFor({ quiz: 1, date: '2026-11-20', percent: 90, name: 'Lò Thị Mai', unit: 'Xã Thanh Nưa' });

  it('every kind of damage is refused with its reason, nothing else is lost', async () => {
    const chars = good.replace(/-/g, '');
    const paste = [
      `${good}\tLò Thị Mai\tXã Thanh Nưa`,
      `${chars.slice(0, 15)}\tLò Thị Mai\tXã Thanh Nưa`, // truncated
      `${chars.slice(0, 3)}U${chars.slice(4)}\tLò Thị Mai\tXã Thanh Nưa`, // a letter Crockford never uses
      `${chars.slice(0, 5)}${chars[6]}${chars[5]}${chars.slice(7)}`, // two neighbours swapped
      '\t \t', // separators only: a blank line, skipped like any other
      '\tLò Thị Mai\tXã Thanh Nưa', // no code
      '\u0000\u0001\u0002',
      '🙂🙂🙂🙂-🙂🙂🙂🙂-🙂🙂🙂🙂-🙂🙂🙂🙂',
    ].join('\r\n');
    const rows = await verifyAll(parsePaste(paste), quizzes, TODAY);
    const swapped = chars[5] === chars[6] ? 'self-study' : 'check';
    expect(rows.map(what)).toEqual(['self-study', 'length', 'characters', swapped, 'length', 'length', 'length']);
    expect(rows.map((r) => r.input.source)).toEqual(['1', '2', '3', '4', '6', '7', '8']);
  });

  it('names that look like markup, formulas, direction overrides or are very long are plain data: a code made for them verifies', async () => {
    const names = ['<img src=x onerror=alert(1)>', '=HYPERLINK("http://x")', 'Lò\u202eiaM ịhT', 'A'.repeat(5000), '"; DROP TABLE;--'];
    const unit = 'Xã <b>Thanh</b> Nưa';
    const lines = names.map((n) => `${encodeFor({ quiz: 3, date: '2026-11-20', percent: 80, name: n, unit })}\t${n}\t${unit}`);
    // The `;` inside a name splits the line like any separator: that line then names another person.
    const rows = await verifyAll(parsePaste(lines.join('\n')), quizzes, TODAY);
    expect(rows.map(what)).toEqual(['self-study', 'self-study', 'self-study', 'self-study', 'holder-mismatch']);
    expect(rows.filter(isAccepted).map((r) => r.input.name)).toEqual(names.slice(0, 4));
  });
});

describe('a province-size paste', () => {
  it('20,000 generated lines: totals as constructed, planted shared codes kept, no distinct learner refused; chunks paused and reported', async () => {
    const data = await rosterDataset({ lines: 20_000, today: TODAY, seed: 7 });
    const sessions = data.store.sessions.map((s) => ({ id: s.id, secret: secretOf(s), quiz: s.quiz, unit: s.unit, date: s.date }));
    const progress: number[] = [];
    let pauses = 0;
    const rows = await verifyAll(parsePaste(data.text), quizzes, TODAY, sessions, {
      chunk: 2000,
      pause: async () => void pauses++,
      progress: (done) => progress.push(done),
    });
    expect(rosterTotals(rows)).toEqual(data.expected);
    expect(data.expected.sharedCode).toBeGreaterThanOrEqual(data.planted);
    expect(data.expected.rejected).toBeGreaterThan(0);
    // Refused lines are exactly the corrupted ones: all "check" (one substituted character each).
    expect(new Set(rows.filter((r) => r.status === 'rejected').map(what))).toEqual(new Set(['check']));
    expect(progress).toEqual(Array.from({ length: 10 }, (_, i) => (i + 1) * 2000));
    // Ten chunks reading the codes (which lines name someone), then ten verifying, a pause between each.
    expect(pauses).toBe(19);
  }, 120_000);

  it('no step reads more than one chunk of lines between two pauses, and the chunked results are the one-pass ones', async () => {
    const data = await rosterDataset({ lines: 6000, today: TODAY, seed: 11 });
    const sessions = data.store.sessions.map((s) => ({ id: s.id, secret: secretOf(s), quiz: s.quiz, unit: s.unit, date: s.date }));
    // Counts the lines (array elements) each step between two pauses reads.
    let reads = 0;
    const most: number[] = [];
    const counted = <T>(xs: T[]): T[] =>
      new Proxy(xs, { get: (target, key, receiver) => (typeof key === 'string' && /^\d+$/.test(key) && reads++, Reflect.get(target, key, receiver)) });
    const pause = async () => void (most.push(reads), (reads = 0));
    const rows = await verifyAll(counted(parsePaste(data.text)), quizzes, TODAY, sessions, { chunk: 500, pause });
    most.push(reads);
    expect(Math.max(...most)).toBeLessThanOrEqual(500);
    most.length = 0;
    reads = 0;
    const tally = await tallyRows(counted(rows), { chunk: 500, pause });
    most.push(reads);
    expect(Math.max(...most)).toBeLessThanOrEqual(500);
    // Same verdicts as one chunk for everything, same figures as the one-pass summaries.
    const whole = await verifyAll(parsePaste(data.text), quizzes, TODAY, sessions, { chunk: 6000 });
    expect(rows).toEqual(whole);
    expect(tally.totals).toEqual(data.expected);
    expect(tally.totals).toEqual(rosterTotals(whole));
    expect(tally.byUnit(quizzes)).toEqual(summaryByUnit(whole, quizzes));
    expect(tally.bySession(sessions)).toEqual(summaryBySession(whole, sessions));
    expect([tally.accepted.length, tally.rejected.length, tally.duplicates.length]).toEqual([data.expected.accepted, data.expected.rejected, data.expected.duplicates]);
    expect(tally.accepted.every(isAccepted)).toBe(true);
  }, 120_000);

  it('a newer check can abandon an older one from its pause', async () => {
    const data = await rosterDataset({ lines: 3000, today: TODAY, seed: 3 });
    const stop = new Error('superseded');
    await expect(verifyAll(parsePaste(data.text), quizzes, TODAY, [], { chunk: 500, pause: () => Promise.reject(stop) })).rejects.toBe(stop);
  }, 60_000);
});
