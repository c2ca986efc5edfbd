/**
 * Descriptions (for party-doc.ts) of the Word files made from official texts:
 * - `officialTextDoc`: an official text we hold, every line of it in order and nothing added to it; the site's own
 *   note (where the file comes from, what it lacks) goes in the page-1 footer, labelled as the site's;
 * - `unitPlanTemplate`: the plan a unit writes under that text: the Party layout, the text's own part headings
 *   (and the titled items of its first part), a căn cứ line built from the text's number, date, issuer and
 *   trích yếu, and bracketed blanks; no content of its own.
 */
import type { OfficialText } from '../official-text/parse.ts';
import type { PartyBlock, PartyDocDesc } from './party-doc.ts';

/** Site strings and facts the official-text files need (passed in, so this module holds no UI text). */
export interface OfficialDocLabels {
  /** Label of the site's note, e.g. "Ghi chú của trang … (không thuộc văn bản):". */
  noteLabel: string;
  /** File properties: creator. */
  creator: string;
}

const DECORATION = /^[*\-–—_=.\s]+$/u;
const NUMBER_LINE = /^Số[:\s]/u;

/** Splits the header's left column into superior body, issuing body, mark and number, using every line once. */
function issuerParts(lines: readonly string[]): Pick<PartyDocDesc, 'superior' | 'issuer' | 'issuerMark' | 'number'> {
  const number = lines.find((l) => NUMBER_LINE.test(l));
  const mark = lines.find((l) => DECORATION.test(l));
  const names = lines.filter((l) => l !== number && l !== mark);
  if (names.length === 0 || names.length > 2) throw new Error(`phần đầu văn bản có ${names.length} dòng tên cơ quan (cần 1 hoặc 2): ${names.join(' | ')}`);
  return { superior: names.length === 2 ? names[0] : undefined, issuer: names[names.length - 1]!, issuerMark: mark ?? '', number };
}

/** The body blocks of an official text, one per parsed block, text unchanged. */
function officialBody(doc: OfficialText): PartyBlock[] {
  return doc.body.map((b): PartyBlock => {
    if (b.type === 'part') return { type: 'part', text: b.text };
    if (b.type === 'item') return { type: 'item', text: b.text, runIn: b.runIn };
    if (b.type === 'point') return { type: 'point', text: b.text, runIn: b.runIn };
    return { type: 'paragraph', text: b.text };
  });
}

/** The signer lines: the last is the name, those before it authority and position, as written. */
function signerParts(lines: readonly string[]): PartyDocDesc['signer'] {
  if (lines.length === 0) return undefined;
  if (lines.length > 3) throw new Error(`khối chữ ký có ${lines.length} dòng (tối đa 3): ${lines.join(' | ')}`);
  const name = lines[lines.length - 1];
  const rest = lines.slice(0, -1);
  return { authority: rest.length === 2 ? rest[0] : rest[0], position: rest.length === 2 ? rest[1] : undefined, name };
}

/** The Word description of an official text: every line in order, the site's note outside the text. */
export function officialTextDoc(doc: OfficialText, opts: { note: string; title: string; labels: OfficialDocLabels }): PartyDocDesc {
  const motto = doc.mottoLines;
  if (motto.length > 1) throw new Error(`phần tiêu đề bên phải có ${motto.length} dòng; bản Word chỉ dựng tiêu đề "ĐẢNG CỘNG SẢN VIỆT NAM"`);
  return {
    ...issuerParts(doc.issuerLines),
    partyTitle: motto[0] ?? '',
    placeDate: doc.placeDateLine,
    kind: doc.kindLine,
    abstract: doc.abstractLines,
    abstractRule: doc.titleRule ?? '',
    body: officialBody(doc),
    recipients: doc.recipientsTitle ? { title: doc.recipientsTitle, lines: doc.recipients } : undefined,
    signer: signerParts(doc.signerLines),
    note: opts.note,
    noteLabel: opts.labels.noteLabel,
    meta: { title: opts.title, creator: opts.labels.creator },
  };
}

/** Strings of the unit template (bracketed blanks and the căn cứ line's frame), from src/i18n/vi/office.ts. */
export interface TemplateLabels extends OfficialDocLabels {
  superior: string;
  issuer: string;
  number: string;
  placeDate: string;
  abstract: string;
  /** The căn cứ line; {number}, {date}, {issuer}, {abstract} are filled from the plan. */
  canCu: string;
  /** A blank paragraph to write in. */
  blank: string;
  recipientsTitle: string;
  recipients: readonly string[];
  authority: string;
  position: string;
  name: string;
  note: string;
}

/** Facts of the plan the template refers to, from its front matter. */
export interface PlanFacts {
  number: string;
  /** "27/8/2019". */
  date: string;
  issuer: string;
  abstract: string;
}

/** The "Kế hoạch của đơn vị" template: the plan's own part headings (and titled items of part I), blanks only. */
export function unitPlanTemplate(doc: OfficialText, plan: PlanFacts, labels: TemplateLabels): PartyDocDesc {
  const body: PartyBlock[] = [
    { type: 'paragraph', text: labels.canCu.replace('{number}', plan.number).replace('{date}', plan.date).replace('{issuer}', plan.issuer).replace('{abstract}', plan.abstract) },
  ];
  const headings: PartyBlock[] = [];
  let part = 0;
  for (const b of doc.body) {
    if (b.type === 'part') {
      part++;
      headings.push({ type: 'part', text: b.text });
    } else if (part === 1 && b.type === 'item' && !b.runIn) headings.push({ type: 'item', text: b.text });
  }
  // A blank to write in under each heading, except a part heading directly followed by its own items.
  headings.forEach((h, i) => {
    body.push(h);
    if (!(h.type === 'part' && headings[i + 1]?.type === 'item')) body.push({ type: 'paragraph', text: labels.blank, indent: false, align: 'left' });
  });
  return {
    superior: labels.superior,
    issuer: labels.issuer,
    number: labels.number,
    placeDate: labels.placeDate,
    kind: doc.kindLine,
    abstract: [labels.abstract],
    body,
    recipients: { title: labels.recipientsTitle, lines: labels.recipients },
    signer: { authority: labels.authority, position: labels.position, name: labels.name },
    note: labels.note,
    noteLabel: labels.noteLabel,
    meta: { title: `${doc.kindLine} ${labels.abstract}`, creator: labels.creator },
  };
}
