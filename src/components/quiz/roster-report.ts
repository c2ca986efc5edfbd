/**
 * The roster's .docx report, built in the browser and offline: figures from src/lib/receipt/report.ts,
 * wording from src/i18n/vi/report.ts, layout from src/lib/office/party-doc.ts (the `docx` package).
 * Loaded by ./roster-element.ts with a dynamic import on the first click, so neither the library
 * nor this module is in the trainer page's startup JavaScript; scripts/lib/offline.ts lists the
 * chunk in the offline manifest so the button works from a saved copy.
 */
import { partyDocBlob } from '../../lib/office/party-doc.ts';
import { rosterReport } from '../../lib/receipt/report.ts';
import { reportDocument } from '../../lib/receipt/report-doc.ts';
import { vnDate } from '../../lib/quiz/attempts.ts';
import { report } from '../../i18n/vi/report.ts';
import { formatDate, makeTr } from './client.ts';
import type { RosterSnapshot } from './roster-element.ts';

/** The report of what the roster holds now, as a .docx Blob. */
export async function buildRosterReport(s: RosterSnapshot, now: Date): Promise<Blob> {
  const data = rosterReport(s.rows, s.quizzes, s.sessions);
  const desc = reportDocument(data, {
    tr: makeTr(report),
    today: vnDate(now),
    date: formatDate,
    sessionText: s.sessionText,
    reasonText: (reason) => s.tr(`roster.reason.${reason}`, { id: '' }).replace(/\s+/g, ' '),
  });
  return partyDocBlob(desc);
}
