import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addSession,
  currentSession,
  emptySessions,
  fromBase64Url,
  learnerLink,
  newSession,
  parseSessionLink,
  readSessions,
  removeSession,
  secretOf,
  toBase64Url,
  transferLink,
} from '../../../src/lib/receipt/session.ts';
import { emptyRecord, readRecord, recordResult, writeRecord } from '../../../src/lib/quiz/store.ts';

const random = Uint8Array.from({ length: 18 }, (_, i) => (i * 37 + 11) & 255);
const session = newSession(random, { quiz: '01-ke-hoach-83-kh-tu', unit: 'Chi bộ xã Thanh Nưa', date: '2026-12-01' }, new Date('2026-12-01T01:00:00Z'));
const QUIZ_URL = 'https://tuyengiao.example/tri-thuc/kiem-tra/01-ke-hoach-83-kh-tu/';

describe('sessions', () => {
  it('takes its id and 128-bit secret from the random bytes', () => {
    expect(session.id).toBe((random[0]! << 8) | random[1]!);
    expect(secretOf(session)).toEqual(random.slice(2));
    expect(session.key).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(() => newSession(new Uint8Array(10), { quiz: 'x', unit: 'y', date: '2026-12-01' }, new Date())).toThrow(RangeError);
  });

  it('base64url round-trips any bytes and refuses other text', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 40 }), (b) => {
      expect(fromBase64Url(toBase64Url(b))).toEqual(b);
    }));
    expect(fromBase64Url('ab+/')).toBeNull();
  });

  it('puts the session in the fragment only, and reads it back from a link, a fragment or pasted text', () => {
    const link = learnerLink(QUIZ_URL, session);
    const [before, fragment] = link.split('#');
    expect(before).toBe(QUIZ_URL); // nothing of the session before '#': it never reaches a server
    expect(fragment).toContain(`k=${session.key}`);
    const fields = { id: session.id, key: session.key, quiz: session.quiz, unit: session.unit, date: session.date };
    expect(parseSessionLink(link)).toEqual({ ok: true, kind: 'buoi', session: fields });
    expect(parseSessionLink(`#${fragment}`)).toEqual({ ok: true, kind: 'buoi', session: fields });
    const transfer = transferLink('https://tuyengiao.example/tri-thuc/giang-vien/', session);
    expect(parseSessionLink(`Chuyển buổi học:\n${transfer}\n`)).toEqual({ ok: true, kind: 'nhan', session: fields });
  });

  it('round-trips hostile and long unit names (HTML, emoji are refused, 120 characters kept)', () => {
    const long = 'Đảng ủy xã '.padEnd(120, 'a');
    const s = { ...session, unit: long };
    expect(parseSessionLink(learnerLink(QUIZ_URL, s))).toMatchObject({ ok: true, session: { unit: long } });
    expect(parseSessionLink(learnerLink(QUIZ_URL, { ...session, unit: '<img src=x onerror=alert(1)>' }))).toEqual({ ok: false, problem: 'unit' });
    expect(parseSessionLink(learnerLink(QUIZ_URL, { ...session, unit: 'Chi bộ 😀' }))).toEqual({ ok: false, problem: 'unit' });
    expect(parseSessionLink(learnerLink(QUIZ_URL, { ...session, unit: 'a'.repeat(500) }))).toEqual({ ok: false, problem: 'unit' });
  });

  it('names the broken part of a malformed fragment and never throws', () => {
    const good = learnerLink(QUIZ_URL, session).split('#')[1]!;
    const without = (key: string) => '#' + good.split('&').filter((p) => !p.startsWith(`${key}=`)).join('&');
    expect(parseSessionLink('')).toEqual({ ok: false, problem: 'none' });
    expect(parseSessionLink('#3')).toEqual({ ok: false, problem: 'none' });
    expect(parseSessionLink('#buoi=2&id=1')).toEqual({ ok: false, problem: 'version' });
    expect(parseSessionLink(without('id'))).toEqual({ ok: false, problem: 'id' });
    expect(parseSessionLink(without('k'))).toEqual({ ok: false, problem: 'key' });
    expect(parseSessionLink(good.replace(/k=[^&]+/, 'k=abc'))).toEqual({ ok: false, problem: 'key' });
    expect(parseSessionLink(without('bai'))).toEqual({ ok: false, problem: 'quiz' });
    expect(parseSessionLink(good.replace(/ngay=[^&]+/, 'ngay=2026-13-45'))).toEqual({ ok: false, problem: 'date' });
    expect(parseSessionLink('#buoi=1&dv=%E0%A4%A')).toMatchObject({ ok: false });
    fc.assert(fc.property(fc.string(), (junk) => {
      expect(() => parseSessionLink(`#buoi=1&${junk}`)).not.toThrow();
    }));
  });
});

describe('the trainer device store', () => {
  it('adds, makes current, replaces and removes sessions', () => {
    let store = addSession(emptySessions(), session, true);
    expect(currentSession(store, session.quiz)).toEqual(session);
    const other = newSession(random.map((b) => b ^ 0xff), { quiz: session.quiz, unit: 'Xã B', date: '2026-12-02' }, new Date());
    store = addSession(store, { ...other, imported: true }, false);
    expect(currentSession(store, session.quiz)).toEqual(session);
    store = addSession(store, session, true); // same id and secret: refreshed, not doubled
    expect(store.sessions).toHaveLength(2);
    store = removeSession(store, session);
    expect(currentSession(store, session.quiz)).toBeUndefined();
    expect(store.sessions).toHaveLength(1);
  });

  it('reads back what it writes, and survives corruption without throwing', () => {
    const store = addSession(emptySessions(), session, true);
    expect(readSessions(JSON.stringify(store))).toEqual({ store, dropped: 0 });
    expect(readSessions(null)).toEqual({ store: emptySessions(), dropped: 0 });
    expect(readSessions('{"v":1,"sessions":')).toMatchObject({ problem: 'corrupt' });
    expect(readSessions('[1,2]')).toMatchObject({ problem: 'corrupt' });
    expect(readSessions('{"v":9,"sessions":[]}')).toMatchObject({ problem: 'newer' });
    // One broken entry is dropped and counted; the good one is kept; a dangling `current` is cleared.
    const mixed = { v: 1, sessions: [session, { ...session, key: 'short' }, { id: 'x' }, null], current: { [session.quiz]: session.id, other: 5 } };
    const read = readSessions(JSON.stringify(mixed));
    expect(read.dropped).toBe(3);
    expect(read.store.sessions).toEqual([session]);
    expect(read.store.current).toEqual({ [session.quiz]: session.id });
    fc.assert(fc.property(fc.json(), (raw) => {
      expect(() => readSessions(raw)).not.toThrow();
    }));
  });
});

describe('the learner record keeps the joined session', () => {
  it('stores a joined session and the session of a completion, and drops a corrupted joined entry only', () => {
    const joined = { id: session.id, key: session.key, quiz: session.quiz, unit: session.unit, date: session.date };
    const rec = { ...emptyRecord(), joined: { [session.quiz]: joined } };
    const back = readRecord(writeRecord(rec));
    expect(back).toEqual({ ok: true, record: rec });
    const broken = JSON.parse(writeRecord(rec));
    broken.joined[session.quiz].key = 42;
    broken.joined.other = 'x';
    expect(readRecord(JSON.stringify(broken))).toEqual({ ok: true, record: { ...rec, joined: {} } });
  });

  it('a session-bound completion outranks a self-study one with a higher score', () => {
    const attempt = { quizId: 'q', startedAt: 'a', finishedAt: 'b', percent: 100, passed: true };
    const base = { date: '2026-12-01', finishedAt: 'b', name: 'A', unit: 'B' };
    let r = recordResult(emptyRecord(), attempt, { ...base, percent: 100, code: 'SELF' });
    r = recordResult(r, { ...attempt, percent: 80 }, { ...base, percent: 80, code: 'SESSION', session: { id: 1, unit: 'B', date: '2026-12-01' } });
    expect(r.completions.q!.code).toBe('SESSION');
    r = recordResult(r, attempt, { ...base, percent: 100, code: 'SELF2' });
    expect(r.completions.q!.code).toBe('SESSION');
  });
});
