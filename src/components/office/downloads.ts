/**
 * Build-time wiring of the office files served under /tai-ve/ (src/pages/tai-ve/): which files exist, their site
 * paths (for links and the offline manifest), and their bytes from the content collections and the pure builders
 * in src/lib/office/. Every file is made once per build, when Astro asks for its route.
 *
 *   /tai-ve/<session id>.pptx            the deck of each study session (content/study/*.mdx)
 *   /tai-ve/<session id>-tai-lieu.docx   its handout in the Party layout
 *   /tai-ve/<document id>.docx           each official text we hold (textKind: full, content/sources/)
 *   /tai-ve/mau-ke-hoach-don-vi-<plan id>.docx   the unit's plan template under each full-text plan
 */
import { readFileSync } from 'node:fs';
import QRCode from 'qrcode';
import { getDocuments } from '../../collections/documents.ts';
import type { DocumentEntry } from '../../collections/documents.ts';
import { getSessions, renderDeck, sessionPaths } from '../study/sessions.ts';
import type { StudyEntry } from '../study/sessions.ts';
import { parseOfficialText } from '../../lib/official-text/parse.ts';
import { deckPptxBytes } from '../../lib/office/deck-pptx.ts';
import { partyDocBytes } from '../../lib/office/party-doc.ts';
import { officialTextDoc, unitPlanTemplate } from '../../lib/office/official-docx.ts';
import { handoutDoc } from '../../lib/office/handout-docx.ts';
import { t } from '../../i18n/vi.ts';
import { href } from '../../url.ts';
import { documentDocxPath, templateDocxPath } from './paths.ts';

/** One office file: its name under /tai-ve/ (without extension) and how to make it. */
interface OfficeFile {
  name: string;
  make: (site: URL | undefined) => Promise<Uint8Array>;
}

const labels = () => ({ noteLabel: t('office.noteLabel'), creator: t('office.creator') });
const abs = (path: string, site: URL | undefined) => new URL(href(path), site ?? 'https://example.invalid').href;

async function pptxOf(entry: StudyEntry, site: URL | undefined): Promise<Uint8Array> {
  const deck = await renderDeck(entry, site);
  const png = await QRCode.toBuffer(deck.quizUrl, { type: 'png', margin: 1, width: 600, errorCorrectionLevel: 'M' });
  const d = entry.data;
  return deckPptxBytes({
    title: d.title,
    meta: { order: d.order, duration: d.duration, audience: d.audience },
    slides: deck.slides,
    notes: deck.slides.map((s) => s.notesMarkdown),
    sourceLabel: deck.sourceLabel,
    // Links in slides are site paths; in a file they need the site address.
    linkUrl: (h) => (/^[a-z]+:/i.test(h) ? h : abs(h, site)),
    quiz: { qrPngBase64: png.toString('base64'), shortUrl: deck.quizShortUrl },
    labels: {
      kicker: t('deck.titleKicker', { n: d.order }),
      duration: t('office.deck.duration', { n: d.duration }),
      audience: t('study.audience'),
      closingLead: t('deck.closingLead'),
      sources: t('sources.slide'),
      author: t('office.creator'),
    },
  });
}

async function handoutOf(entry: StudyEntry, site: URL | undefined): Promise<Uint8Array> {
  const deck = await renderDeck(entry, site);
  const d = entry.data;
  return partyDocBytes(
    handoutDoc(
      { ...d, outline: deck.parsed.outline, quizShortUrl: deck.quizShortUrl, attendanceRows: 24 },
      {
        superior: t('office.handout.superior'),
        issuer: t('office.handout.issuer'),
        placeDate: t('office.handout.placeDate'),
        kind: t('office.handout.kind'),
        abstract: t('office.handout.abstract'),
        duration: t('study.duration'),
        minutes: t('study.durationValue'),
        audience: t('study.audience'),
        unit: t('handout.unit'),
        date: t('handout.date'),
        place: t('handout.place'),
        chair: t('handout.chair'),
        blank: t('office.blankField'),
        objectives: t('study.objectives'),
        outline: t('study.outline'),
        agenda: t('handout.agenda'),
        agendaStart: t('handout.agendaStart'),
        agendaItem: t('handout.agendaItem'),
        agendaMinutes: t('handout.agendaMinutes'),
        total: t('handout.total'),
        preparation: t('study.preparation'),
        discussion: t('study.discussion'),
        answers: t('handout.answers'),
        answerLine: t('office.blankLine'),
        quiz: t('handout.quiz'),
        attendance: t('handout.attendance'),
        no: t('handout.no'),
        name: t('handout.name'),
        unitCol: t('handout.unitCol'),
        sign: t('handout.sign'),
        creator: t('office.creator'),
      },
    ),
  );
}

function officialOf(entry: DocumentEntry) {
  const file = entry.data.sourceFile!;
  return { file, doc: parseOfficialText(readFileSync(file, 'utf8')) };
}

/** "2019-08-27" → "27/8/2019", the way the plans write dates. */
function shortDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d}/${m}/${y}`;
}

async function documentOf(entry: DocumentEntry): Promise<Uint8Array> {
  const { file, doc } = officialOf(entry);
  const note = t('office.officialNote', { provenance: entry.data.provenance ?? '', file }).trim();
  return partyDocBytes(officialTextDoc(doc, { note, title: entry.data.title, labels: labels() }));
}

async function templateOf(entry: DocumentEntry): Promise<Uint8Array> {
  const { doc } = officialOf(entry);
  const d = entry.data;
  return partyDocBytes(
    unitPlanTemplate(
      doc,
      { number: d.number, date: shortDate(d.issuedOn), issuer: d.issuer, abstract: d.abstract },
      {
        ...labels(),
        superior: t('office.template.superior'),
        issuer: t('office.template.issuer'),
        number: t('office.template.number'),
        placeDate: t('office.template.placeDate'),
        abstract: t('office.template.abstract'),
        canCu: t('office.template.canCu'),
        blank: t('office.blankLine'),
        recipientsTitle: t('office.template.recipientsTitle'),
        recipients: [t('office.template.recipient'), t('office.template.archive')],
        authority: t('office.template.authority'),
        position: t('office.template.position'),
        name: t('office.template.name'),
        note: t('office.template.note', { number: d.number }),
      },
    ),
  );
}

const tail = (path: string, ext: string) => path.slice('/tai-ve/'.length, -ext.length);

/** Every .pptx file of the build. */
export async function pptxFiles(): Promise<OfficeFile[]> {
  return (await getSessions()).map((e) => ({ name: tail(sessionPaths(e).pptx, '.pptx'), make: (site) => pptxOf(e, site) }));
}

/** Every .docx file of the build. */
export async function docxFiles(): Promise<OfficeFile[]> {
  const out: OfficeFile[] = (await getSessions()).map((e) => ({ name: tail(sessionPaths(e).handoutDocx, '.docx'), make: (site) => handoutOf(e, site) }));
  for (const doc of await getDocuments()) {
    const p = documentDocxPath(doc);
    if (p) out.push({ name: tail(p, '.docx'), make: () => documentOf(doc) });
    const tp = templateDocxPath(doc);
    if (tp) out.push({ name: tail(tp, '.docx'), make: () => templateOf(doc) });
  }
  return out;
}
