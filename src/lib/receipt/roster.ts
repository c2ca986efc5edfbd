/**
 * The trainer roster: reads pasted lines or CSV files of receipt codes, verifies each one (with a
 * reason when it is refused, and the session check for session-bound codes), counts identical lines
 * once, keeps every distinct learner (a code repeated with another name or unit is another person,
 * never refused), counts attended, self-study, other-session and refused codes by unit and quiz, and
 * writes the CSV for the six-monthly report. Pure: text and sessions in, rows out; all data stays on
 * the device. Built for a province office merging 50,000 lines: each line is normalised once, the
 * session keys are imported once, MACs are computed a chunk at a time, and the caller may pause
 * between chunks so the page stays responsive.
 *
 * A pasted line is a code, optionally followed by họ tên and đơn vị separated by a tab, `;` or `|`
 * (the certificate's "copy" button produces exactly that line).
 */
import { decodeReceipt, holderHashOfComparable, importMacKey, normaliseCode, sessionMacWithKey } from './code.ts';
import type { Receipt } from './code.ts';
import { parseCsv, toCsv } from './csv.ts';
import { cleanText, comparableText } from '../quiz/learner.ts';

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
  | 'wrong-quiz';

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
  /**
   * Source of an earlier accepted line with the same code but another name or unit: two people
   * whose name hashes collide and who passed the same quiz on the same day with the same score. It
   * is another learner and counts as one; the page says so.
   */
  sharedWith?: string;
};

/** A line identical to an earlier one (same code, same name and unit once normalised): counted once. */
export type DuplicateRow = {
  status: 'duplicate';
  input: RosterInput;
  /** Source of the first occurrence (for a code alone: of the first line giving that code with a name or unit). */
  duplicateOf: string;
  /** The line holds a code alone, and another line gives the same code with a name or unit. */
  codeOnly?: boolean;
};

/** A refused line. */
export type RejectedRow = {
  status: 'rejected';
  input: RosterInput;
  reason: RejectReason;
  /** The quiz the code names, once that much could be read. */
  quiz?: KnownQuiz;
  /** `bad-mac`, `wrong-quiz`: the session id the code claims. */
  claimedSession?: number;
};

/** A verified line. */
export type RosterRow = AcceptedRow | RejectedRow | DuplicateRow;

/** Whether a row was accepted. */
export const isAccepted = (r: RosterRow): r is AcceptedRow => r.status !== 'rejected' && r.status !== 'duplicate';
/** Whether a row was refused. */
export const isRejected = (r: RosterRow): r is RejectedRow => r.status === 'rejected';

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

/** How {@link verifyAll} reports progress and lets the page breathe. */
export interface VerifyOptions {
  /** Lines per chunk (default 500). */
  chunk?: number;
  /** Awaited after each chunk (the page yields to input and paint there). */
  pause?: () => Promise<void>;
  /** Called after each chunk with the lines done so far. */
  progress?: (done: number, total: number) => void;
}

type Pending = { index: number; row: AcceptedRow; candidates: KnownSession[]; receipt: Receipt };

/**
 * Verifies inputs in order. `today` is the Vietnam date (YYYY-MM-DD); a code dated later is refused.
 * Session-bound codes are checked against every held session with their id (two devices may, rarely,
 * have drawn the same id; the MAC tells them apart). A line identical to an earlier one (code, name
 * and unit, compared after normalisation) is a `duplicate` and counted once, and so is a code alone
 * that another line gives with a name or unit (`codeOnly`); an accepted code that an earlier accepted
 * line had with another name or unit is another learner (`sharedWith`).
 */
export async function verifyAll(
  inputs: readonly RosterInput[],
  quizzes: readonly KnownQuiz[],
  today: string,
  sessions: readonly KnownSession[] = [],
  options: VerifyOptions = {},
): Promise<RosterRow[]> {
  const byCode = new Map(quizzes.map((q) => [q.code, q]));
  const byId = new Map<number, KnownSession[]>();
  for (const s of sessions) byId.set(s.id, [...(byId.get(s.id) ?? []), s]);
  const keys = new Map<KnownSession, Promise<CryptoKey>>();
  const keyOf = (s: KnownSession) => keys.get(s) ?? keys.set(s, importMacKey(s.secret)).get(s)!;
  const seenLine = new Map<string, string>();
  const step = Math.max(1, options.chunk ?? 500);
  // A code alone names nobody: where another line gives the same code with a name or unit, it adds no
  // learner. Reading that needs every line before the first verdict; it is done a chunk at a time too.
  const codes: string[] = [];
  const named = new Map<string, string>();
  for (let start = 0; start < inputs.length; start += step) {
    for (let k = start; k < Math.min(start + step, inputs.length); k++) {
      const i = inputs[k]!;
      const code = normaliseCode(i.code);
      codes.push(code);
      if ((i.name.trim() || i.unit.trim()) && !named.has(code)) named.set(code, i.source);
    }
    if (options.pause) await options.pause();
  }
  const out: RosterRow[] = [];
  const firstOf = new Map<string, string>();
  for (let start = 0; start < inputs.length; start += step) {
    const from = out.length;
    const pending: Pending[] = [];
    for (let k = start; k < Math.min(start + step, inputs.length); k++) {
      const input = inputs[k]!;
      const name = comparableText(input.name);
      const unit = comparableText(input.unit);
      const withName = name || unit ? undefined : named.get(codes[k]!);
      if (withName !== undefined) {
        out.push({ status: 'duplicate', input, duplicateOf: withName, codeOnly: true });
        continue;
      }
      const line = `${codes[k]}\u0000${name}\u0000${unit}`;
      const first = seenLine.get(line);
      if (first !== undefined) {
        out.push({ status: 'duplicate', input, duplicateOf: first });
        continue;
      }
      seenLine.set(line, input.source);
      const row = checkFields(input, name, unit);
      out.push(row);
      if (row.status === 'attended') pending.push({ index: out.length - 1, row, candidates: byId.get(row.receipt.session!.id)!, receipt: row.receipt });
    }
    await Promise.all(pending.map((p) => checkMac(p)));
    // Every earlier line is final now (MACs included), so codes shared with them can be marked.
    markShared(out, from, firstOf);
    options.progress?.(Math.min(start + step, inputs.length), inputs.length);
    if (options.pause && start + step < inputs.length) await options.pause();
  }
  return out;

  /** Everything but the MAC; a held session's code comes back as `attended`, to be confirmed by {@link checkMac}. */
  function checkFields(input: RosterInput, name: string, unit: string): AcceptedRow | RejectedRow {
    const d = decodeReceipt(input.code);
    if (!d.ok) return { status: 'rejected', input, reason: d.problem };
    const quiz = byCode.get(d.receipt.quiz);
    if (!quiz) return { status: 'rejected', input, reason: 'unknown-quiz' };
    if (d.receipt.date > today) return { status: 'rejected', input, reason: 'future-date', quiz };
    if (d.receipt.percent < quiz.passPercent) return { status: 'rejected', input, reason: 'below-pass', quiz };
    if ((name || unit) && holderHashOfComparable(d.receipt.version, name, unit) !== d.receipt.holder) {
      return { status: 'rejected', input, reason: 'holder-mismatch', quiz };
    }
    const status: AcceptedStatus = !d.receipt.session ? 'self-study' : byId.has(d.receipt.session.id) ? 'attended' : 'other-session';
    return { status, input, code: d.code, receipt: d.receipt, quiz };
  }

  /** Finds the held session whose key reproduces the MAC; otherwise turns the row into a refusal in place. */
  async function checkMac(p: Pending): Promise<void> {
    const { id, mac } = p.receipt.session!;
    let session: KnownSession | undefined;
    for (const c of p.candidates) if ((await sessionMacWithKey(p.receipt, id, await keyOf(c))) === mac) session = c;
    const refuse = (reason: RejectReason): RejectedRow => ({ status: 'rejected', input: p.row.input, reason, quiz: p.row.quiz, claimedSession: id });
    if (!session) out[p.index] = refuse('bad-mac');
    else if (session.quiz !== p.row.quiz.id) out[p.index] = refuse('wrong-quiz');
    else p.row.session = session;
  }
}

/**
 * Marks accepted codes of `rows[from…]` that an earlier accepted line had with another name or unit
 * (identical lines are already duplicates); `firstOf` carries the first source of each code across chunks.
 */
function markShared(rows: RosterRow[], from: number, firstOf: Map<string, string>): void {
  for (let k = from; k < rows.length; k++) {
    const r = rows[k]!;
    if (!isAccepted(r)) continue;
    const first = firstOf.get(r.code);
    if (first === undefined) firstOf.set(r.code, r.input.source);
    else r.sharedWith = first;
  }
}

/** The page's and the report's headline figures. */
export interface RosterTotals {
  /** Lines read (blank lines excluded). */
  lines: number;
  /** Distinct learners' completions accepted (attended + self-study + other session). */
  accepted: number;
  attended: number;
  selfStudy: number;
  otherSession: number;
  rejected: number;
  /** Lines identical to an earlier one, counted once. */
  duplicates: number;
  /** Accepted lines whose code an earlier line had with another person (included in `accepted`). */
  sharedCode: number;
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
 * Everything the page shows about verified rows, fed a slice at a time ({@link tallyRows}) so that a
 * province's 50,000 rows are counted without one long pass: the totals, the counts by unit and quiz
 * and by held session, and the rows sorted into the page's three tables.
 */
export class RosterTally {
  readonly totals: RosterTotals = { lines: 0, accepted: 0, attended: 0, selfStudy: 0, otherSession: 0, rejected: 0, duplicates: 0, sharedCode: 0 };
  readonly accepted: AcceptedRow[] = [];
  readonly rejected: RejectedRow[] = [];
  readonly duplicates: DuplicateRow[] = [];
  private readonly groups = new Map<string, UnitQuizSummary>();
  private readonly sessionCounts = new Map<KnownSession, number>();
  /** Units lower-cased once each: a province has a few hundred units but tens of thousands of lines. */
  private readonly unitKeys = new Map<string, string>();

  /** Counts `rows[from…to)`, in order. */
  add(rows: readonly RosterRow[], from = 0, to = rows.length): this {
    const t = this.totals;
    for (let k = from; k < to; k++) {
      const r = rows[k]!;
      t.lines++;
      if (r.status === 'duplicate') {
        t.duplicates++;
        this.duplicates.push(r);
        continue;
      }
      this.group(r);
      if (r.status === 'rejected') {
        t.rejected++;
        this.rejected.push(r);
        continue;
      }
      t.accepted++;
      this.accepted.push(r);
      if (r.sharedWith !== undefined) t.sharedCode++;
      if (r.status === 'attended') {
        t.attended++;
        if (r.session) this.sessionCounts.set(r.session, (this.sessionCounts.get(r.session) ?? 0) + 1);
      } else if (r.status === 'self-study') t.selfStudy++;
      else t.otherSession++;
    }
    return this;
  }

  private group(r: AcceptedRow | RejectedRow) {
    const unit = r.input.unit;
    let lower = this.unitKeys.get(unit);
    if (lower === undefined) this.unitKeys.set(unit, (lower = unit.toLocaleLowerCase('vi')));
    const quiz = r.quiz?.id ?? '';
    const key = `${lower}\u0000${quiz}`;
    let g = this.groups.get(key);
    if (!g) this.groups.set(key, (g = { unit, quiz, ...zero() }));
    bump(g, r);
  }

  /**
   * Totals by unit (as the learner first wrote it, compared case- and space-insensitively) and quiz, in
   * Vietnamese order, units first then quizzes in the order given. Duplicates are not counted at all:
   * they are the same completion handed in twice.
   */
  byUnit(quizzes: readonly KnownQuiz[]): UnitQuizSummary[] {
    const order = (id: string) => {
      const i = quizzes.findIndex((q) => q.id === id);
      return i < 0 ? quizzes.length : i;
    };
    const collator = new Intl.Collator('vi');
    return [...this.groups.values()].sort((a, b) => collator.compare(a.unit, b.unit) || order(a.quiz) - order(b.quiz));
  }

  /** Attended codes per held session (sessions without codes included, so a trainer sees "0"). */
  bySession(sessions: readonly KnownSession[]): { session: KnownSession; attended: number }[] {
    return sessions.map((s) => ({ session: s, attended: this.sessionCounts.get(s) ?? 0 }));
  }
}

/** Tallies rows a chunk at a time (default 2,000), awaiting `pause` between chunks like {@link verifyAll}. */
export async function tallyRows(rows: readonly RosterRow[], options: Pick<VerifyOptions, 'chunk' | 'pause'> = {}): Promise<RosterTally> {
  const tally = new RosterTally();
  const step = Math.max(1, options.chunk ?? 2000);
  for (let start = 0; start < rows.length; start += step) {
    tally.add(rows, start, Math.min(start + step, rows.length));
    if (options.pause && start + step < rows.length) await options.pause();
  }
  return tally;
}

/** Counts every kind of line in one pass. */
export function rosterTotals(rows: readonly RosterRow[]): RosterTotals {
  return new RosterTally().add(rows).totals;
}

/** Totals by unit and quiz ({@link RosterTally.byUnit}) in one pass. */
export function summaryByUnit(rows: readonly RosterRow[], quizzes: readonly KnownQuiz[]): UnitQuizSummary[] {
  return new RosterTally().add(rows).byUnit(quizzes);
}

/** Attended codes per held session ({@link RosterTally.bySession}) in one pass. */
export function summaryBySession(rows: readonly RosterRow[], sessions: readonly KnownSession[]): { session: KnownSession; attended: number }[] {
  return new RosterTally().add(rows).bySession(sessions);
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
    .filter((r): r is AcceptedRow | RejectedRow => r.status !== 'duplicate')
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
