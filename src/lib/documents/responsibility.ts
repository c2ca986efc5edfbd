/**
 * The responsibility matrix of a plan (who does what, by when, on which provision): labels and
 * ordering of deadlines, the deadline timeline, and the checks that tie the data to the plan's text.
 */
import { itemHeadings, provisionTexts, stripNumbering } from './provision-text.ts';

/** A deadline or reporting cycle (mirrors src/schemas/responsibility.ts). */
export type Due =
  | { kind: 'month'; year: number; month: number }
  | { kind: 'quarter'; year: number; quarter: number }
  | { kind: 'year'; year: number }
  | { kind: 'every6Months' }
  | { kind: 'yearly' }
  | { kind: 'ongoing' };

/** One task in the matrix. */
export interface MatrixTask {
  task: string;
  quote: string;
  due: Due;
  reportTo: readonly string[];
  partners: readonly string[];
  directs: readonly string[];
}

/** One responsible body. */
export interface MatrixBody {
  name: string;
  anchor: string;
  tasks: readonly MatrixTask[];
}

/** One matrix file. */
export interface Matrix {
  document: string;
  section: string;
  bodies: readonly MatrixBody[];
}

const ROMAN_QUARTER = ['I', 'II', 'III', 'IV'];

/** Vietnamese label of a deadline, written the way the plan writes it. */
export function dueLabel(due: Due): string {
  switch (due.kind) {
    case 'month':
      return `tháng ${due.month}/${due.year}`;
    case 'quarter':
      return `quý ${ROMAN_QUARTER[due.quarter - 1]}/${due.year}`;
    case 'year':
      return `năm ${due.year}`;
    case 'every6Months':
      return 'định kỳ 06 tháng';
    case 'yearly':
      return 'hằng năm';
    case 'ongoing':
      return 'thường xuyên';
  }
}

/** Stable id of a deadline (for anchors and grouping), e.g. "2019-10", "2019-q4", "2020", "dinh-ky-6-thang". */
export function dueKey(due: Due): string {
  switch (due.kind) {
    case 'month':
      return `thang-${due.month}-${due.year}`;
    case 'quarter':
      return `quy-${due.quarter}-${due.year}`;
    case 'year':
      return `nam-${due.year}`;
    case 'every6Months':
      return 'dinh-ky-6-thang';
    case 'yearly':
      return 'hang-nam';
    case 'ongoing':
      return 'thuong-xuyen';
  }
}

/**
 * Order of deadlines on the timeline: dated deadlines by the last day they allow (a month before the
 * quarter that contains it, the quarter before the year), then recurring reports (6-monthly, yearly),
 * then standing duties.
 */
export function dueOrder(due: Due): number {
  switch (due.kind) {
    case 'month':
      return due.year * 100 + due.month;
    case 'quarter':
      return due.year * 100 + due.quarter * 3 + 0.5;
    case 'year':
      return due.year * 100 + 12.9;
    case 'every6Months':
      return 1e7;
    case 'yearly':
      return 1e7 + 1;
    case 'ongoing':
      return 1e7 + 2;
  }
}

/** True for deadlines that are calendar dates rather than cycles. */
export function isDated(due: Due): boolean {
  return due.kind === 'month' || due.kind === 'quarter' || due.kind === 'year';
}

/** One stop on the deadline timeline, with every task due then. */
export interface TimelineStop {
  key: string;
  label: string;
  dated: boolean;
  tasks: { body: string; anchor: string; task: string; quote: string }[];
}

/** Groups every task by deadline, in timeline order; standing duties are left out unless asked. */
export function deadlineTimeline(matrix: Matrix, opts: { includeOngoing?: boolean } = {}): TimelineStop[] {
  const stops = new Map<string, TimelineStop & { order: number }>();
  for (const b of matrix.bodies) {
    for (const t of b.tasks) {
      if (t.due.kind === 'ongoing' && !opts.includeOngoing) continue;
      const key = dueKey(t.due);
      let stop = stops.get(key);
      if (!stop) {
        stop = { key, label: dueLabel(t.due), dated: isDated(t.due), order: dueOrder(t.due), tasks: [] };
        stops.set(key, stop);
      }
      stop.tasks.push({ body: b.name, anchor: b.anchor, task: t.task, quote: t.quote });
    }
  }
  return [...stops.values()].sort((a, b) => a.order - b.order).map(({ order: _order, ...s }) => s);
}

/** Every body the matrix names: responsible bodies and those they report to, work with or direct. */
export function bodiesNamed(matrix: Matrix): string[] {
  const names = new Set<string>();
  for (const b of matrix.bodies) {
    names.add(b.name);
    for (const t of b.tasks) for (const n of [...t.reportTo, ...t.partners, ...t.directs]) names.add(n);
  }
  return [...names];
}

/** A problem with a dotted field path. */
export interface MatrixProblem {
  field: string;
  message: string;
}

const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

/**
 * Ties the matrix to the plan's MDX body: every item heading of the section is a body (same
 * name, same anchor) and no body is invented; every quote and every named body occurs verbatim
 * in the text of the provision it cites.
 */
export function matrixProblems(matrix: Matrix, planBody: string): MatrixProblem[] {
  const problems: MatrixProblem[] = [];
  const texts = provisionTexts(planBody);
  const section = texts.get(matrix.section);
  if (section === undefined) return [{ field: 'section', message: `văn bản ${matrix.document} không có phần "${matrix.section}"` }];
  const headings = itemHeadings(planBody, matrix.section);
  for (const h of headings) {
    const name = stripNumbering(h.text);
    const body = matrix.bodies.find((b) => b.anchor === h.anchor);
    if (!body) problems.push({ field: 'bodies', message: `thiếu cơ quan của ${h.anchor}: "${name}"` });
    else if (norm(body.name) !== norm(name)) {
      problems.push({ field: `bodies.${matrix.bodies.indexOf(body)}.name`, message: `tên phải đúng như văn bản: "${name}"` });
    }
  }
  matrix.bodies.forEach((b, i) => {
    const text = texts.get(b.anchor);
    if (text === undefined || !headings.some((h) => h.anchor === b.anchor)) {
      problems.push({ field: `bodies.${i}.anchor`, message: `"${b.anchor}" không phải một mục của ${matrix.section}` });
      return;
    }
    const plain = norm(text);
    b.tasks.forEach((t, j) => {
      if (!plain.includes(norm(t.quote))) {
        problems.push({ field: `bodies.${i}.tasks.${j}.quote`, message: `không tìm thấy nguyên văn trích dẫn trong ${b.anchor}` });
      }
      for (const [k, list] of [['reportTo', t.reportTo], ['partners', t.partners], ['directs', t.directs]] as const) {
        list.forEach((n, m) => {
          if (!plain.includes(norm(n))) problems.push({ field: `bodies.${i}.tasks.${j}.${k}.${m}`, message: `"${n}" không có trong ${b.anchor}` });
        });
      }
    });
  });
  return problems;
}
