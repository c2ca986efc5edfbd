/**
 * Study sessions a trainer opens ("mở buổi học"): a random id and secret kept on the trainer's
 * device, handed to learners in the URL fragment of the quiz link (never sent to a server: browsers
 * do not send the part after `#`), and moved to a second trainer device as a transfer link or file.
 * Pure: the caller supplies random bytes and does the storage I/O.
 *
 * Stored on the trainer device as `localStorage["tt-buoi-hoc"]`, JSON shape version 1:
 * ```json
 * { "v": 1,
 *   "sessions": [{ "id": 4242, "key": "base64url, 16 bytes", "quiz": "01-ke-hoach-83-kh-tu",
 *                  "unit": "Chi bộ xã Thanh Nưa", "date": "2026-12-01", "openedAt": "ISO", "imported": false }],
 *   "current": { "01-ke-hoach-83-kh-tu": 4242 } }
 * ```
 * `current` is the session the deck of that study session shows on its closing slide. Reading is
 * corruption-tolerant: a broken entry is dropped (and counted), not the whole list.
 *
 * Link parameters (fragment, `&`-separated, URL-encoded): `buoi=1` (learner link) or `nhan=1`
 * (transfer link), `id` (4 hex digits), `k` (secret), `bai` (quiz id), `ngay` (YYYY-MM-DD), `dv` (unit).
 */
import { checkUnit } from '../quiz/learner.ts';
import { SESSION_ID_BITS } from './code.ts';

/** localStorage key of the trainer's sessions. */
export const SESSIONS_KEY = 'tt-buoi-hoc';
/** Bytes of a session secret (128 bits). */
export const SECRET_BYTES = 16;

/** An opened study session. */
export interface TrainerSession {
  /** Session id carried in the code, 0–65535. */
  id: number;
  /** The secret, base64url. */
  key: string;
  /** Quiz id (= study session id) the session is for. */
  quiz: string;
  /** Unit the session is held for, as the trainer typed it. */
  unit: string;
  /** Date of the session, YYYY-MM-DD. */
  date: string;
  /** When it was opened (or imported) on this device. */
  openedAt: string;
  /** True when it came from another device. */
  imported: boolean;
}

/** Everything kept on the trainer device. */
export interface SessionStore {
  v: 1;
  sessions: TrainerSession[];
  current: Record<string, number>;
}

/** What a session link carries. */
export type SessionLink = Pick<TrainerSession, 'id' | 'key' | 'quiz' | 'unit' | 'date'>;

/** Why a link or stored value could not be read. */
export type LinkProblem = 'none' | 'version' | 'id' | 'key' | 'quiz' | 'date' | 'unit';

/** base64url without padding. */
export function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Inverse of {@link toBase64Url}; null when the text is not base64url. */
export function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** The secret bytes of a session. */
export function secretOf(s: Pick<TrainerSession, 'key'>): Uint8Array {
  return fromBase64Url(s.key) ?? new Uint8Array();
}

const isIso = (x: unknown): x is string => typeof x === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(x) && !Number.isNaN(Date.parse(`${x}T00:00:00Z`));
const isQuizId = (x: unknown): x is string => typeof x === 'string' && /^[a-z0-9-]{1,80}$/.test(x);
const isKey = (x: unknown): x is string => typeof x === 'string' && fromBase64Url(x)?.length === SECRET_BYTES;
const isId = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x < 2 ** SESSION_ID_BITS;

/**
 * A new session from `random` (at least 18 bytes from crypto.getRandomValues: 2 for the id, 16 for the secret).
 * The unit must already have passed {@link checkUnit}.
 */
export function newSession(random: Uint8Array, fields: { quiz: string; unit: string; date: string }, now: Date): TrainerSession {
  if (random.length < 2 + SECRET_BYTES) throw new RangeError('random bytes');
  return {
    id: (random[0]! << 8) | random[1]!,
    key: toBase64Url(random.slice(2, 2 + SECRET_BYTES)),
    quiz: fields.quiz,
    unit: fields.unit,
    date: fields.date,
    openedAt: now.toISOString(),
    imported: false,
  };
}

/** The id as people read it: four hex digits. */
export function sessionLabelId(id: number): string {
  return id.toString(16).toUpperCase().padStart(4, '0');
}

function linkParams(kind: 'buoi' | 'nhan', s: SessionLink): string {
  const p = new URLSearchParams();
  p.set(kind, '1');
  p.set('id', sessionLabelId(s.id));
  p.set('k', s.key);
  p.set('bai', s.quiz);
  p.set('ngay', s.date);
  p.set('dv', s.unit);
  // URLSearchParams writes spaces as "+"; %20 survives every QR reader and chat app.
  return p.toString().replace(/\+/g, '%20');
}

/** The learner link: quiz page URL + fragment. `quizUrl` is absolute and ends with "/". */
export function learnerLink(quizUrl: string, s: SessionLink): string {
  return `${quizUrl}#${linkParams('buoi', s)}`;
}

/** The link that moves a session to another trainer device (opens the trainer page). */
export function transferLink(trainerUrl: string, s: SessionLink): string {
  return `${trainerUrl}#${linkParams('nhan', s)}`;
}

/** Result of reading a link or fragment. */
export type LinkResult = { ok: true; kind: 'buoi' | 'nhan'; session: SessionLink } | { ok: false; problem: LinkProblem };

/**
 * Reads a session from a URL fragment, a whole link, or text containing one (what a trainer pastes).
 * `none` means the text holds no session at all (a normal quiz visit); the others name the bad part.
 */
export function parseSessionLink(text: string): LinkResult {
  const m = /(?:^|[#&?\s])((?:buoi|nhan)=\S*)/.exec(text);
  if (!m) return { ok: false, problem: 'none' };
  const frag = m[1]!;
  let p: URLSearchParams;
  try {
    p = new URLSearchParams(frag);
  } catch {
    return { ok: false, problem: 'none' };
  }
  const kind = p.has('buoi') ? 'buoi' : 'nhan';
  if (p.get(kind) !== '1') return { ok: false, problem: 'version' };
  const idText = p.get('id') ?? '';
  if (!/^[0-9A-Fa-f]{4}$/.test(idText)) return { ok: false, problem: 'id' };
  const key = p.get('k') ?? '';
  if (!isKey(key)) return { ok: false, problem: 'key' };
  const quiz = p.get('bai') ?? '';
  if (!isQuizId(quiz)) return { ok: false, problem: 'quiz' };
  const date = p.get('ngay') ?? '';
  if (!isIso(date)) return { ok: false, problem: 'date' };
  const unit = checkUnit(p.get('dv') ?? '');
  if (!unit.ok) return { ok: false, problem: 'unit' };
  return { ok: true, kind, session: { id: parseInt(idText, 16), key, quiz, date, unit: unit.value } };
}

/** An empty store. */
export function emptySessions(): SessionStore {
  return { v: 1, sessions: [], current: {} };
}

function validSession(x: unknown): x is TrainerSession {
  if (typeof x !== 'object' || x === null) return false;
  const s = x as Record<string, unknown>;
  return isId(s.id) && isKey(s.key) && isQuizId(s.quiz) && typeof s.unit === 'string' && checkUnit(s.unit).ok && isIso(s.date)
    && typeof s.openedAt === 'string' && typeof s.imported === 'boolean';
}

/** Reading result: `dropped` counts unreadable entries; `problem` is set when nothing could be read. */
export interface SessionsRead {
  store: SessionStore;
  dropped: number;
  problem?: 'corrupt' | 'newer';
}

/** Reads the stored string; never throws. */
export function readSessions(raw: string | null): SessionsRead {
  if (raw === null) return { store: emptySessions(), dropped: 0 };
  let x: unknown;
  try {
    x = JSON.parse(raw);
  } catch {
    return { store: emptySessions(), dropped: 0, problem: 'corrupt' };
  }
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return { store: emptySessions(), dropped: 0, problem: 'corrupt' };
  const o = x as Record<string, unknown>;
  if (typeof o.v === 'number' && o.v > 1) return { store: emptySessions(), dropped: 0, problem: 'newer' };
  if (o.v !== 1 || !Array.isArray(o.sessions)) return { store: emptySessions(), dropped: 0, problem: 'corrupt' };
  const sessions = o.sessions.filter(validSession);
  const current: Record<string, number> = {};
  if (typeof o.current === 'object' && o.current !== null) {
    for (const [quiz, id] of Object.entries(o.current)) if (isId(id) && sessions.some((s) => s.quiz === quiz && s.id === id)) current[quiz] = id;
  }
  return { store: { v: 1, sessions, current }, dropped: o.sessions.length - sessions.length };
}

/** Same session (id and secret). */
export const sameSession = (a: Pick<TrainerSession, 'id' | 'key'>, b: Pick<TrainerSession, 'id' | 'key'>) => a.id === b.id && a.key === b.key;

/** Adds (or, for the same id and secret, refreshes) a session; `makeCurrent` puts it on the deck. */
export function addSession(store: SessionStore, s: TrainerSession, makeCurrent: boolean): SessionStore {
  const sessions = [...store.sessions.filter((x) => !sameSession(x, s)), s];
  const current = makeCurrent ? { ...store.current, [s.quiz]: s.id } : store.current;
  return { v: 1, sessions, current };
}

/** Removes a session. */
export function removeSession(store: SessionStore, s: Pick<TrainerSession, 'id' | 'key'>): SessionStore {
  const gone = store.sessions.find((x) => sameSession(x, s));
  const sessions = store.sessions.filter((x) => !sameSession(x, s));
  const current = { ...store.current };
  if (gone && current[gone.quiz] === gone.id) delete current[gone.quiz];
  return { v: 1, sessions, current };
}

/** The session the deck of `quiz` shows, if any. */
export function currentSession(store: SessionStore, quiz: string): TrainerSession | undefined {
  const id = store.current[quiz];
  if (id === undefined) return undefined;
  return [...store.sessions].reverse().find((s) => s.quiz === quiz && s.id === id);
}
