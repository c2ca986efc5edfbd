/**
 * The numbers of the roster's report ("Tạo báo cáo (.docx)" on /giang-vien/): period, totals and
 * the tables by unit, by study session (quiz), by session held on the device and by status, from
 * verified roster rows. Pure and synchronous, so the figures a trainer sends upward are unit-tested;
 * the Word layout is src/components/quiz/roster-report.ts's business.
 */
import { isAccepted, rosterTotals, summaryBySession } from './roster.ts';
import type { KnownQuiz, KnownSession, RejectReason, RosterRow, RosterTotals } from './roster.ts';

/** Counts of one line of a report table. */
export interface ReportCounts {
  attended: number;
  selfStudy: number;
  otherSession: number;
  rejected: number;
  /** attended + selfStudy + otherSession: distinct completions accepted. */
  accepted: number;
}

/** One unit's line (units compared case-insensitively, shown as first written). */
export interface UnitLine extends ReportCounts {
  unit: string;
}

/** One study session's (quiz's) line; `quiz` is '' for refused codes whose quiz is unknown. */
export interface QuizLine extends ReportCounts {
  quiz: string;
  title: string;
}

/** The statuses the report counts, in the order of its table. */
export const REPORT_STATUSES = ['attended', 'self-study', 'other-session', 'rejected', 'duplicate'] as const;
/** A status line of the report. */
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** Everything the report shows. */
export interface ReportData {
  /** First and last completion date among accepted codes (YYYY-MM-DD), null when none. */
  period: { first: string; last: string } | null;
  totals: RosterTotals;
  byUnit: UnitLine[];
  byQuiz: QuizLine[];
  /** Sessions held on this device, with the codes that attended each. */
  byHeldSession: { session: KnownSession; attended: number }[];
  byStatus: { status: ReportStatus; count: number }[];
  /** Refusals by reason, most frequent first (ties in the order reasons first appear). */
  rejectedByReason: { reason: RejectReason; count: number }[];
}

const zero = (): ReportCounts => ({ attended: 0, selfStudy: 0, otherSession: 0, rejected: 0, accepted: 0 });

function add(c: ReportCounts, r: RosterRow): void {
  if (r.status === 'attended') c.attended++;
  else if (r.status === 'self-study') c.selfStudy++;
  else if (r.status === 'other-session') c.otherSession++;
  else if (r.status === 'rejected') c.rejected++;
  if (isAccepted(r)) c.accepted++;
}

/** The report's figures. Duplicates count only in the status table (as "counted once"), never as learners. */
export function rosterReport(rows: readonly RosterRow[], quizzes: readonly KnownQuiz[], sessions: readonly KnownSession[]): ReportData {
  const units = new Map<string, UnitLine>();
  const byQuizId = new Map<string, QuizLine>(quizzes.map((q) => [q.id, { quiz: q.id, title: q.title, ...zero() }]));
  const unknownQuiz: QuizLine = { quiz: '', title: '', ...zero() };
  const reasons = new Map<RejectReason, number>();
  let first = '';
  let last = '';
  for (const r of rows) {
    if (r.status === 'duplicate') continue;
    const key = r.input.unit.toLocaleLowerCase('vi');
    let u = units.get(key);
    if (!u) units.set(key, (u = { unit: r.input.unit, ...zero() }));
    add(u, r);
    add((r.quiz && byQuizId.get(r.quiz.id)) || unknownQuiz, r);
    if (r.status === 'rejected') reasons.set(r.reason, (reasons.get(r.reason) ?? 0) + 1);
    else {
      const d = r.receipt.date;
      if (!first || d < first) first = d;
      if (!last || d > last) last = d;
    }
  }
  const collator = new Intl.Collator('vi');
  const totals = rosterTotals(rows);
  const statusCount: Record<ReportStatus, number> = {
    attended: totals.attended,
    'self-study': totals.selfStudy,
    'other-session': totals.otherSession,
    rejected: totals.rejected,
    duplicate: totals.duplicates,
  };
  return {
    period: first ? { first, last } : null,
    totals,
    byUnit: [...units.values()].sort((a, b) => collator.compare(a.unit, b.unit)),
    byQuiz: [...byQuizId.values(), ...(unknownQuiz.rejected ? [unknownQuiz] : [])],
    byHeldSession: summaryBySession(rows, sessions),
    byStatus: REPORT_STATUSES.map((status) => ({ status, count: statusCount[status] })),
    rejectedByReason: [...reasons].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count),
  };
}

/** Sum of a table's lines, for its "Tổng cộng" row. */
export function sumCounts(lines: readonly ReportCounts[]): ReportCounts {
  const s = zero();
  for (const l of lines) {
    s.attended += l.attended;
    s.selfStudy += l.selfStudy;
    s.otherSession += l.otherSession;
    s.rejected += l.rejected;
    s.accepted += l.accepted;
  }
  return s;
}
