/**
 * The trainer roster: reads pasted lines or CSV files of receipt codes, verifies each one with a
 * reason when it is refused, removes duplicates, groups the accepted ones by unit and session, and
 * writes the CSV for the six-monthly report. Pure: text in, rows out; all data stays on the device.
 *
 * A pasted line is a code, optionally followed by họ tên and đơn vị separated by a tab, `;` or `|`
 * (the certificate's "copy" button produces exactly that line).
 */
import { decodeReceipt, holderHash } from './code.ts';
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
  | 'duplicate';

/** A verified line. */
export type RosterRow =
  | { status: 'ok'; input: RosterInput; code: string; receipt: Receipt; quiz: KnownQuiz }
  | { status: 'rejected'; input: RosterInput; reason: RejectReason; duplicateOf?: string };

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
 * The first occurrence of a code wins; later ones are `duplicate`.
 */
export function verifyAll(inputs: readonly RosterInput[], quizzes: readonly KnownQuiz[], today: string): RosterRow[] {
  const byCode = new Map(quizzes.map((q) => [q.code, q]));
  const seen = new Map<string, string>();
  return inputs.map((input): RosterRow => {
    const d = decodeReceipt(input.code);
    if (!d.ok) return { status: 'rejected', input, reason: d.problem };
    const quiz = byCode.get(d.receipt.quiz);
    if (!quiz) return { status: 'rejected', input, reason: 'unknown-quiz' };
    if (d.receipt.date > today) return { status: 'rejected', input, reason: 'future-date' };
    if (d.receipt.percent < quiz.passPercent) return { status: 'rejected', input, reason: 'below-pass' };
    if ((input.name || input.unit) && holderHash(input.name, input.unit) !== d.receipt.holder) {
      return { status: 'rejected', input, reason: 'holder-mismatch' };
    }
    const first = seen.get(d.code);
    if (first !== undefined) return { status: 'rejected', input, reason: 'duplicate', duplicateOf: first };
    seen.set(d.code, input.source);
    return { status: 'ok', input, code: d.code, receipt: d.receipt, quiz };
  });
}

/** Accepted rows of one unit. */
export interface UnitGroup {
  unit: string;
  total: number;
  /** Count per quiz id. */
  bySession: Record<string, number>;
  rows: Extract<RosterRow, { status: 'ok' }>[];
}

/** Groups accepted rows by unit (units compared case- and space-insensitively), units sorted in Vietnamese order. */
export function groupByUnit(rows: readonly RosterRow[]): UnitGroup[] {
  const groups = new Map<string, UnitGroup>();
  for (const r of rows) {
    if (r.status !== 'ok') continue;
    const key = r.input.unit.toLocaleLowerCase('vi');
    let g = groups.get(key);
    if (!g) {
      g = { unit: r.input.unit, total: 0, bySession: {}, rows: [] };
      groups.set(key, g);
    }
    g.total++;
    g.bySession[r.quiz.id] = (g.bySession[r.quiz.id] ?? 0) + 1;
    g.rows.push(r);
  }
  return [...groups.values()].sort((a, b) => a.unit.localeCompare(b.unit, 'vi'));
}

/** Column headers of the exported CSV (the first three are read back on merge). */
export const CSV_HEADER = ['Mã xác nhận', 'Họ tên', 'Đơn vị', 'Bài kiểm tra', 'Điểm (%)', 'Ngày hoàn thành'] as const;

/** The CSV of accepted rows, UTF-8 with BOM. */
export function rosterCsv(rows: readonly RosterRow[]): string {
  const body = rows
    .filter((r): r is Extract<RosterRow, { status: 'ok' }> => r.status === 'ok')
    .map((r) => [r.code, r.input.name, r.input.unit, r.quiz.title, r.receipt.percent, r.receipt.date]);
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
