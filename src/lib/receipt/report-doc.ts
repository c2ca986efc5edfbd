/**
 * The roster report as a Party-layout document description (src/lib/office/party-doc.ts turns it into
 * a .docx): bracketed blanks for the reporting body, number, place and date, remarks and signer; the
 * figures of {@link rosterReport} in five parts (totals, by unit, by study session, by session held on
 * the device, by status). Pure: strings come in through `tr`, so every word is in src/i18n/vi/report.ts.
 */
import type { PartyBlock, PartyDocDesc } from '../office/party-doc.ts';
import { sumCounts } from './report.ts';
import type { ReportCounts, ReportData } from './report.ts';
import type { KnownSession, RejectReason } from './roster.ts';

/** Everything the description needs besides the figures. */
export interface ReportText {
  /** Report strings (keys of src/i18n/vi/report.ts). */
  tr: (key: string, vars?: Record<string, string | number>) => string;
  /** Today, YYYY-MM-DD. */
  today: string;
  /** "27/11/2026" from YYYY-MM-DD. */
  date: (iso: string) => string;
  sessionText: (s: KnownSession) => string;
  reasonText: (reason: RejectReason) => string;
}

const countCells = (c: ReportCounts) => [c.attended, c.selfStudy, c.otherSession, c.accepted, c.rejected].map(String);

/** The description of the report's Word file. */
export function reportDocument(data: ReportData, x: ReportText): PartyDocDesc {
  const { tr } = x;
  const t = data.totals;
  const countHeader = ['report.col.attended', 'report.col.selfStudy', 'report.col.other', 'report.col.accepted', 'report.col.rejected'].map((k) => tr(k));
  const countTable = (first: string, lines: { label: string; counts: ReportCounts }[]): PartyBlock => ({
    type: 'table',
    header: [tr(first), ...countHeader],
    rows: [...lines.map((l) => [l.label, ...countCells(l.counts)]), [tr('report.sum'), ...countCells(sumCounts(lines.map((l) => l.counts)))]],
    widths: [3, 1, 1, 1, 1, 1],
  });
  const period = data.period && { first: x.date(data.period.first), last: x.date(data.period.last) };
  const body: PartyBlock[] = [
    { type: 'paragraph', text: tr('report.source', { lines: t.lines, today: x.date(x.today) }) },
    { type: 'part', text: tr('report.part.totals') },
    { type: 'paragraph', text: period ? tr('report.period', period) : tr('report.noPeriod') },
    {
      type: 'list',
      marker: 'dash',
      items: [
        tr('report.total.lines', { n: t.lines }),
        tr('report.total.accepted', { n: t.accepted, attended: t.attended, selfStudy: t.selfStudy, other: t.otherSession }),
        tr('report.total.rejected', { n: t.rejected }),
        tr('report.total.duplicates', { n: t.duplicates }),
        tr('report.total.shared', { n: t.sharedCode }),
      ],
    },
    { type: 'part', text: tr('report.part.units') },
    countTable('report.col.unit', data.byUnit.map((u) => ({ label: u.unit || tr('report.noUnit'), counts: u }))),
    { type: 'part', text: tr('report.part.quizzes') },
    countTable('report.col.quiz', data.byQuiz.map((q) => ({ label: q.title || tr('report.unknownQuiz'), counts: q }))),
    { type: 'part', text: tr('report.part.sessions') },
    data.byHeldSession.length
      ? { type: 'table', header: [tr('report.col.session'), tr('report.col.attendedCount')], rows: data.byHeldSession.map((s) => [x.sessionText(s.session), String(s.attended)]), widths: [4, 1] }
      : { type: 'paragraph', text: tr('report.noSessions') },
    { type: 'part', text: tr('report.part.status') },
    { type: 'table', header: [tr('report.col.status'), tr('report.col.count')], rows: data.byStatus.map((s) => [tr(`report.status.${s.status}`), String(s.count)]), widths: [4, 1] },
  ];
  if (data.rejectedByReason.length) {
    body.push(
      { type: 'paragraph', text: tr('report.reasonsLead'), indent: false },
      { type: 'table', header: [tr('report.col.reason'), tr('report.col.count')], rows: data.rejectedByReason.map((r) => [x.reasonText(r.reason), String(r.count)]), widths: [4, 1] },
    );
  }
  body.push({ type: 'part', text: tr('report.part.remarks') }, { type: 'paragraph', text: tr('report.remarksBlank') });
  return {
    superior: tr('report.superior'),
    issuer: tr('report.issuer'),
    number: tr('report.number'),
    placeDate: tr('report.placeDate'),
    kind: tr('report.kind'),
    abstract: [tr('report.abstract'), ...(period ? [tr('report.abstractPeriod', period)] : [])],
    body,
    recipients: { title: tr('report.recipientsTitle'), lines: [tr('report.recipient1'), tr('report.recipient2')] },
    signer: { authority: tr('report.signerAuthority'), position: tr('report.signerPosition'), name: tr('report.signerName') },
    meta: { title: tr('report.metaTitle') },
  };
}
