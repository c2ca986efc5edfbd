/**
 * The quiz record kept on the device (one localStorage key, {@link STORAGE_KEY}). Pure: this
 * module turns the stored string into a checked record and back; the page does the I/O.
 *
 * JSON shape, version 1:
 * ```json
 * {
 *   "v": 1,
 *   "learner": { "name": "Lò Thị Mai", "unit": "Xã Thanh Nưa" },
 *   "history": [{ "quizId": "…", "startedAt": "ISO", "finishedAt": "ISO", "percent": 60, "passed": false }],
 *   "completions": { "01-ke-hoach-83-kh-tu": { "percent": 90, "date": "2026-11-27", "code": "4489-E8YJ-XM9M", "finishedAt": "ISO",
 *                                              "name": "Lò Thị Mai", "unit": "Xã Thanh Nưa" } },
 *   "inProgress": { "01-ke-hoach-83-kh-tu": { …AttemptState, see engine.ts… } },
 *   "joined": { "01-ke-hoach-83-kh-tu": { "id": 4242, "key": "…", "quiz": "01-ke-hoach-83-kh-tu", "unit": "…", "date": "2026-12-01" } }
 * }
 * ```
 * - `joined` (optional, added in December 2026 without a version bump: older pages ignore it) is the
 *   study session whose link the learner opened for that quiz (see src/lib/receipt/session.ts); a
 *   pass while it is set gives a session-bound code, and the completion then carries
 *   `session: { id, unit, date }` for the certificate. An unreadable `joined` entry is dropped, not
 *   reported: the learner can open the session link again.
 * - `completions` keeps the best passing result per quiz (ties: the earlier one), with the name and
 *   unit the code was made for, so the certificate stays consistent with its code even if the
 *   learner later edits `learner`.
 * - `history` keeps finished attempts for the retry rules, newest last, at most {@link MAX_HISTORY}.
 * - Anything else (not JSON, another shape, another version) is reported, never thrown, so the
 *   page can explain it in Vietnamese and offer a reset.
 */
import type { AttemptRecord } from './attempts.ts';
import { isAttemptState } from './engine.ts';
import type { AttemptState } from './engine.ts';
import { parseSessionLink, learnerLink } from '../receipt/session.ts';
import type { SessionLink } from '../receipt/session.ts';

/** localStorage key of the record. */
export const STORAGE_KEY = 'tt-kiem-tra';
/** Version of the shape below. */
export const STORE_VERSION = 1;
/** History entries kept. */
export const MAX_HISTORY = 200;

/** A passed quiz. */
export interface Completion {
  percent: number;
  date: string;
  code: string;
  finishedAt: string;
  /** Name and unit hashed into `code`. */
  name: string;
  unit: string;
  /** The study session the code is bound to, when it is. */
  session?: { id: number; unit: string; date: string };
}

/** The whole device record. */
export interface DeviceRecord {
  v: 1;
  learner: { name: string; unit: string } | null;
  history: AttemptRecord[];
  completions: Record<string, Completion>;
  inProgress: Record<string, AttemptState>;
  /** Study sessions joined through a session link, by quiz id. */
  joined?: Record<string, SessionLink>;
}

/** Why a stored value could not be used. */
export type StoreProblem = 'corrupt' | 'foreign' | 'newer';

/** Reading result. */
export type ReadResult = { ok: true; record: DeviceRecord } | { ok: false; problem: StoreProblem };

/** A fresh, empty record. */
export function emptyRecord(): DeviceRecord {
  return { v: 1, learner: null, history: [], completions: {}, inProgress: {} };
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isIsoDate = (x: unknown) => typeof x === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(x);
const isPercent = (x: unknown) => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= 100;

function isRecordV1(x: Record<string, unknown>): boolean {
  const learner = x.learner;
  if (learner !== null && !(isObj(learner) && typeof learner.name === 'string' && typeof learner.unit === 'string')) return false;
  if (!Array.isArray(x.history)) return false;
  for (const h of x.history) {
    if (!isObj(h) || typeof h.quizId !== 'string' || typeof h.startedAt !== 'string' || typeof h.finishedAt !== 'string') return false;
    if (!isPercent(h.percent) || typeof h.passed !== 'boolean') return false;
  }
  if (!isObj(x.completions)) return false;
  for (const c of Object.values(x.completions)) {
    if (!isObj(c) || !isPercent(c.percent) || !isIsoDate(c.date) || typeof c.code !== 'string' || typeof c.finishedAt !== 'string') {
      return false;
    }
    if (typeof c.name !== 'string' || typeof c.unit !== 'string') {
      return false;
    }
    if (c.session !== undefined && !(isObj(c.session) && typeof c.session.id === 'number' && typeof c.session.unit === 'string' && isIsoDate(c.session.date))) {
      return false;
    }
  }
  if (!isObj(x.inProgress)) return false;
  return Object.values(x.inProgress).every(isAttemptState);
}

// Each joined session is re-read through the link parser, the one place that validates a session.
function cleanJoined(x: unknown): Record<string, SessionLink> {
  const out: Record<string, SessionLink> = {};
  if (!isObj(x)) return out;
  for (const [quiz, v] of Object.entries(x)) {
    if (!isObj(v) || typeof v.id !== 'number' || typeof v.key !== 'string') continue;
    const r = parseSessionLink(learnerLink('', v as unknown as SessionLink));
    if (r.ok && r.session.quiz === quiz) out[quiz] = r.session;
  }
  return out;
}

/** Reads the stored string; `null` (nothing stored yet) gives an empty record. */
export function readRecord(raw: string | null): ReadResult {
  if (raw === null) return { ok: true, record: emptyRecord() };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { ok: false, problem: 'corrupt' };
  }
  if (!isObj(parsed) || typeof parsed.v !== 'number') return { ok: false, problem: 'foreign' };
  if (parsed.v > STORE_VERSION) return { ok: false, problem: 'newer' };
  if (parsed.v !== 1 || !isRecordV1(parsed)) return { ok: false, problem: 'corrupt' };
  const record = parsed as unknown as DeviceRecord;
  if (record.joined !== undefined) record.joined = cleanJoined(record.joined);
  return { ok: true, record };
}

/** Serialises a record for storage. */
export function writeRecord(record: DeviceRecord): string {
  return JSON.stringify(record);
}

/** Adds a finished attempt to the history (capped) and, when passed and best so far (session-bound first, then score), to the completions. */
export function recordResult(record: DeviceRecord, result: AttemptRecord, completion: Completion | null): DeviceRecord {
  const history = [...record.history, result].slice(-MAX_HISTORY);
  const completions = { ...record.completions };
  const prev = completions[result.quizId];
  // A session-bound completion outranks a self-study one whatever the scores: it is what the trainer collects.
  const rank = (c: Completion) => (c.session ? 1000 : 0) + c.percent;
  if (completion && (!prev || rank(completion) > rank(prev))) completions[result.quizId] = completion;
  const inProgress = { ...record.inProgress };
  delete inProgress[result.quizId];
  return { ...record, history, completions, inProgress };
}
