/**
 * The trainer roster: reads pasted lines or CSV files of receipt codes, verifies each one (with a
 * reason when it is refused, and the session check for session-bound codes), removes duplicates,
 * counts attended, self-study, other-session and refused codes by unit and quiz, and writes the CSV
 * for the six-monthly report. Pure: text and sessions in, rows out; all data stays on the device.
 *
 * A pasted line is a code, optionally followed by họ tên and đơn vị separated by a tab, `;` or `|`
 * (the certificate's "copy" button produces exactly that line).
 */
import { decodeReceipt, holderHash, macMatches } from './code.ts';
import type { Receipt } from './code.ts';
import { parseCsv, toCsv } from './csv.ts';
import { cleanText } from '../quiz/learner.ts';

/** A quiz as the roster needs to know it. */
export interface KnownQuiz {
  code: number;
  id: string;
  title: string;
  passPercent: number;
}

/** One input line before verification. */
export interface RosterInput {
  /** 1-based line number in the paste, or a file name and line for CSV input. */
  source: string;
  code: string;
  name: string;
  unit: string;
}

/** Why a code was refused. */
export type RejectReason =
  | 'length'
  | 'characters'
  | 'check'
  | 'version'
  | 'fields'
  | 'unknown-quiz'
  | 'future-date'
  | 'below-pass'
  | 'holder-mismatch'
  | 'bad-mac'
  | 'wrong-quiz'
  | 'duplicate';

/**
 * How an accepted code counts:
 * - `attended`: bound to a session this device holds, and its MAC is right ("đã dự buổi");
 * - `self-study`: a code without a session (v1 or v2, "tự học");
 * - `other-session`: bound to a session this device does not hold, so it cannot be checked here ("buổi khác").
 */
export type AcceptedStatus = 'attended' | 'self-study' | 'other-session';

/** A session as the roster needs it: id, secret bytes and what to show. */
export interface KnownSession {
  id: number;
  secret: Uint8Array;
  quiz: string;
  unit: string;
  date: string;
}

/** An accepted line. */
export type AcceptedRow = {
  status: AcceptedStatus;
  input: RosterInput;
  code: string;
  receipt: Receipt;
  quiz: KnownQuiz;
  /** The session it was made in (`attended` only). */
  session?: KnownSession;
};

/** A refused line. */
export type RejectedRow = {
  status: 'rejected';
  input: RosterInput;
  reason: RejectReason;
  duplicateOf?: string;
  /** The quiz the code names, once that much could be read. */
  quiz?: KnownQuiz;
  /** `bad-mac`, `wrong-quiz`: the session id the code claims. */
  claimedSession?: number;
};

/** A verified line. */
export type RosterRow = AcceptedRow | RejectedRow;

/** Whether a row was accepted. */
export const isAccepted = (r: RosterRow): r is AcceptedRow => r.status !== 'rejected';

/** Splits pasted text into inputs; blank lines are skipped. */
export function parsePaste(text: string): RosterInput[] {
  const out: RosterInput[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const [code = '', name = '', unit = ''] = line.split(/\t|;|\|/).map((s) => cleanText(s));
    out.push({ source: String(i + 1), code, name, unit });
  });
  return out;
}

/**
 * Verifies inputs in order. `today` is the Vietnam date (YYYY-MM-DD); a code dated later is refused.
 * Session-bound codes are checked against every held session with their id (two devices may, rarely,
 * have drawn the same id; the MAC tells them apart). The first occurrence of a code wins; later ones
 * are `duplicate`.
 */
export async function verifyAll(
  inputs: readonly RosterInput[],
  quizzes: readonly KnownQuiz[],
  today: string,
  sessions: readonly KnownSession[] = [],
): Promise<RosterRow[]> {
  const byCode = new Map(quizzes.map((q) => [q.code, q]));
  const seen = new Map<string, string>();
  const out: RosterRow[] = [];
  for (const input of inputs) out.push(await verifyOne(input));
  return out;

  async function verifyOne(input: RosterInput): Promise<RosterRow> {
    const d = decodeReceipt(input.code);
    if (!d.ok) return { status: 'rejected', input, reason: d.problem };
    const quiz = byCode.get(d.receipt.quiz);
    if (!quiz) return { status: 'rejected', input, reason: 'unknown-quiz' };
    if (d.receipt.date > today) return { status: 'rejected', input, reason: 'future-date', quiz };
    if (d.receipt.percent < quiz.passPercent) return { status: 'rejected', input, reason: 'below-pass', quiz };
    if ((input.name || input.unit) && holderHash(input.name, input.unit) !== d.receipt.holder) {
      return { status: 'rejected', input, reason: 'holder-mismatch', quiz };
    }
    let status: AcceptedStatus = 'self-study';
    let session: KnownSession | undefined;
    if (d.receipt.session) {
      const sid = d.receipt.session.id;
      const candidates = sessions.filter((s) => s.id === sid);
      if (candidates.length === 0) status = 'other-session';
      else {
        for (const c of candidates) if (await macMatches(d.receipt, c.secret)) session = c;
        if (!session) return { status: 'rejected', input, reason: 'bad-mac', quiz, claimedSession: sid };
        if (session.quiz !== quiz.id) return { status: 'rejected', input, reason: 'wrong-quiz', quiz, claimedSession: sid };
        status = 'attended';
      }
    }
    const first = seen.get(d.code);
    if (first !== undefined) return { status: 'rejected', input, reason: 'duplicate', duplicateOf: first, quiz };
    seen.set(d.code, input.source);
    return { status, input, code: d.code, receipt: d.receipt, quiz, ...(session ? { session } : {}) };
  }
}

/** Counts of one unit and quiz. */
export interface Counts {
  attended: number;
  selfStudy: number;
  otherSession: number;
  rejected: number;
}

/** The summary line of one unit and quiz (study session). */
export interface UnitQuizSummary extends Counts {
  unit: string;
  /** Quiz id, or '' for refused codes whose quiz is unknown. */
  quiz: string;
}

const zero = (): Counts => ({ attended: 0, selfStudy: 0, otherSession: 0, rejected: 0 });

function bump(c: Counts, r: RosterRow) {
  if (r.status === 'attended') c.attended++;
  else if (r.status === 'self-study') c.selfStudy++;
  else if (r.status === 'other-session') c.otherSession++;
  else c.rejected++;
}

/**
 * Totals by unit (as the learner wrote it, compared case- and space-insensitively) and quiz, in
 * Vietnamese order, units first then quizzes in the order given. Duplicates are not counted at all:
 * they are the same completion handed in twice.
 */
export function summaryByUnit(rows: readonly RosterRow[], quizzes: readonly KnownQuiz[]): UnitQuizSummary[] {
  const groups = new Map<string, UnitQuizSummary>();
  for (const r of rows) {
    if (r.status === 'rejected' && r.reason === 'duplicate') continue;
    const quiz = r.quiz?.id ?? '';
    const key = `${r.input.unit.toLocaleLowerCase('vi')}\u0000${quiz}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { unit: r.input.unit, quiz, ...zero() }));
    bump(g, r);
  }
  const order = (id: string) => {
    const i = quizzes.findIndex((q) => q.id === id);
    return i < 0 ? quizzes.length : i;
  };
  return [...groups.values()].sort((a, b) => a.unit.localeCompare(b.unit, 'vi') || order(a.quiz) - order(b.quiz));
}

/** Attended codes per held session (sessions without codes included, so a trainer sees "0"). */
export function summaryBySession(rows: readonly RosterRow[], sessions: readonly KnownSession[]): { session: KnownSession; attended: number }[] {
  return sessions.map((s) => ({ session: s, attended: rows.filter((r) => r.status === 'attended' && r.session === s).length }));
}

/** Column headers of the exported CSV (the first three are read back on merge). */
export const CSV_HEADER = ['Mã xác nhận', 'Họ tên', 'Đơn vị', 'Bài kiểm tra', 'Điểm (%)', 'Ngày hoàn thành', 'Trạng thái', 'Buổi học'] as const;

/**
 * The CSV of every line except duplicates, UTF-8 with BOM, with its status in words (`status`
 * gives the Vietnamese text; `sessionLabel` describes an attended session). Refused lines are kept
 * so the report shows them; merging re-verifies every line anyway.
 */
export function rosterCsv(rows: readonly RosterRow[], status: (r: RosterRow) => string, sessionLabel: (s: KnownSession) => string): string {
  const body = rows
    .filter((r) => !(r.status === 'rejected' && r.reason === 'duplicate'))
    .map((r) =>
      isAccepted(r)
        ? [r.code, r.input.name, r.input.unit, r.quiz.title, r.receipt.percent, r.receipt.date, status(r), r.session ? sessionLabel(r.session) : '']
        : [r.input.code, r.input.name, r.input.unit, r.quiz?.title ?? '', '', '', status(r), ''],
    );
  return toCsv([[...CSV_HEADER], ...body]);
}

/** Reads a roster CSV (ours, or any file whose first columns are code, name, unit) into inputs. */
export function inputsFromCsv(text: string, fileName: string): RosterInput[] {
  const rows = parseCsv(text);
  const header = rows[0]?.map((h) => cleanText(h).toLowerCase()) ?? [];
  const hasHeader = header.includes(CSV_HEADER[0].toLowerCase());
  const col = (name: string, fallback: number) => {
    const i = header.indexOf(name.toLowerCase());
    return hasHeader && i >= 0 ? i : fallback;
  };
  const [ci, ni, ui] = [col(CSV_HEADER[0], 0), col(CSV_HEADER[1], 1), col(CSV_HEADER[2], 2)];
  return rows.slice(hasHeader ? 1 : 0).map((r, i) => ({
    source: `${fileName}:${i + (hasHeader ? 2 : 1)}`,
    code: cleanText(r[ci] ?? ''),
    name: cleanText(r[ni] ?? ''),
    unit: cleanText(r[ui] ?? ''),
  }));
}
