/**
 * The Word description (for party-doc.ts) of a study session's handout: the same data as the web handout
 * /hoc-tap/<id>/tai-lieu/ (front matter and outline of content/study/<id>.mdx): facts, blanks for the unit, date,
 * place and chair, objectives, outline, agenda with its minutes, preparation, discussion questions with room for
 * answers, the quiz address, and the attendance sheet on its own page. The issuing body and signer are blanks.
 */
import type { OutlineHeading } from '../slides/parse.ts';
import type { PartyBlock, PartyDocDesc } from './party-doc.ts';

/** What the handout needs from the session. */
export interface HandoutData {
  title: string;
  order: number;
  duration: number;
  audience: string;
  objectives: readonly string[];
  preparation: readonly string[];
  agenda: readonly { title: string; minutes: number }[];
  discussion: readonly string[];
  outline: readonly OutlineHeading[];
  /** Quiz address shown to learners. */
  quizShortUrl: string;
  /** Rows of the attendance sheet. */
  attendanceRows: number;
}

/** Strings from src/i18n/vi (study, handout and office areas), filled where they carry {placeholders}. */
export interface HandoutLabels {
  superior: string;
  issuer: string;
  placeDate: string;
  /** Type name, e.g. "TÀI LIỆU SINH HOẠT". */
  kind: string;
  /** Trích yếu; {n} and {title} are filled. */
  abstract: string;
  duration: string;
  minutes: string;
  audience: string;
  unit: string;
  date: string;
  place: string;
  chair: string;
  blank: string;
  objectives: string;
  outline: string;
  agenda: string;
  agendaStart: string;
  agendaItem: string;
  agendaMinutes: string;
  total: string;
  preparation: string;
  discussion: string;
  answers: string;
  answerLine: string;
  quiz: string;
  attendance: string;
  no: string;
  name: string;
  unitCol: string;
  sign: string;
  creator: string;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'];
const fill = (s: string, vars: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));

/** The handout as a Party-layout description. */
export function handoutDoc(d: HandoutData, L: HandoutLabels): PartyDocDesc {
  const minutes = (n: number) => fill(L.minutes, { n });
  let part = 0;
  const heading = (text: string): PartyBlock => ({ type: 'part', text: `${ROMAN[part++]}- ${text.toLocaleUpperCase('vi')}` });
  let start = 0;
  const agendaRows = d.agenda.map((a) => {
    const row = [`${start}–${start + a.minutes}`, a.title, minutes(a.minutes)];
    start += a.minutes;
    return row;
  });
  const body: PartyBlock[] = [
    { type: 'paragraph', text: [{ text: `${L.duration}: `, bold: true }, minutes(d.duration), '. ', { text: `${L.audience}: `, bold: true }, d.audience] },
    ...[L.unit, L.date, L.place, L.chair].map((f): PartyBlock => ({ type: 'paragraph', text: [{ text: `${f}: `, bold: true }, L.blank], indent: false, align: 'left' })),
    heading(L.objectives),
    { type: 'list', items: d.objectives },
    heading(L.outline),
    ...d.outline.map((h): PartyBlock => (h.depth === 2 ? { type: 'paragraph', text: [{ text: h.text, bold: true }] } : { type: 'list', items: [h.text], marker: 'dash' })),
    heading(L.agenda),
    { type: 'table', header: [L.agendaStart, L.agendaItem, L.agendaMinutes], rows: [...agendaRows, ['', L.total, minutes(d.duration)]], widths: [1.2, 5, 1.6] },
    heading(L.preparation),
    { type: 'list', items: d.preparation, marker: 'dash' },
    heading(L.discussion),
  ];
  d.discussion.forEach((q, i) => {
    body.push({ type: 'paragraph', text: [{ text: `${i + 1}. `, bold: true }, q] });
    body.push({ type: 'paragraph', text: L.answers, italic: true, indent: false });
    for (let k = 0; k < 3; k++) body.push({ type: 'paragraph', text: L.answerLine, indent: false, align: 'left' });
  });
  body.push({ type: 'paragraph', text: fill(L.quiz, { url: d.quizShortUrl }), indent: false });
  body.push(
    { type: 'pageBreak' },
    { type: 'title', text: `${L.attendance.toLocaleUpperCase('vi')}` },
    { type: 'paragraph', text: d.title, align: 'center', indent: false, italic: true },
    { type: 'paragraph', text: [{ text: `${L.unit}: `, bold: true }, L.blank], indent: false, align: 'left' },
    { type: 'paragraph', text: [{ text: `${L.date}: `, bold: true }, L.blank], indent: false, align: 'left' },
    {
      type: 'table',
      header: [L.no, L.name, L.unitCol, L.sign],
      rows: Array.from({ length: d.attendanceRows }, (_, i) => [String(i + 1), '', '', '']),
      widths: [0.8, 4, 3, 2],
      rowHeightMm: 8,
    },
  );
  return {
    superior: L.superior,
    issuer: L.issuer,
    placeDate: L.placeDate,
    kind: L.kind,
    abstract: [fill(L.abstract, { n: d.order, title: d.title })],
    body,
    meta: { title: `${L.kind} ${fill(L.abstract, { n: d.order, title: d.title })}`, creator: L.creator },
  };
}
