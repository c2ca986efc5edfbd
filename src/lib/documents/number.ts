/**
 * Document numbers ("số ký hiệu") of Party documents: `83-KH/TU`, `27-NQ/TW`, `2711/QĐ-TTg`.
 * The part after the serial names the kind (NQ = nghị quyết, KL = kết luận, KH = kế hoạch…)
 * and the issuing level (TW = Trung ương, TU = Tỉnh ủy…).
 */

/** A parsed document number. */
export interface DocumentNumber {
  /** The serial, e.g. 83. */
  serial: number;
  /** Kind code as written, e.g. "KH", "NQ", "QĐ". */
  kindCode: string;
  /** Issuer code as written, e.g. "TU", "TW", "TTg". */
  issuerCode: string;
  /** The number normalised to NFC with single hyphens, e.g. "83-KH/TU". */
  text: string;
}

// Party style "83-KH/TU" and State style "2711/QĐ-TTg".
const PARTY = /^(\d{1,5})-([A-ZĐ]{1,5})\/([A-Za-zĐđ]{1,10})$/u;
const STATE = /^(\d{1,5})\/([A-ZĐ]{1,5})-([A-Za-zĐđ]{1,10})$/u;

/** Parses a document number, or returns null when it does not have the usual shape. */
export function parseDocumentNumber(input: string): DocumentNumber | null {
  const text = input.normalize('NFC').trim().replace(/\s*([-/])\s*/g, '$1');
  const m = PARTY.exec(text) ?? STATE.exec(text);
  if (!m) return null;
  return { serial: Number(m[1]), kindCode: m[2]!, issuerCode: m[3]!, text };
}

/** Kind codes of the document kinds this site knows, by the code used in a document number. */
export const KIND_BY_CODE = {
  NQ: 'resolution',
  KL: 'conclusion',
  KH: 'plan',
  CT: 'directive',
  QĐ: 'decision',
  HD: 'guidance',
  TB: 'notice',
  BC: 'report',
  CTr: 'programme',
} as const;

/** Document kinds as stored in content front matter (English codes; Vietnamese labels live in i18n). */
export const DOCUMENT_KINDS = [
  'resolution',
  'conclusion',
  'plan',
  'directive',
  'decision',
  'guidance',
  'notice',
  'report',
  'programme',
] as const;
/** One of {@link DOCUMENT_KINDS}. */
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The kind implied by a document number's code, if it is one we know. */
export function kindFromNumber(num: DocumentNumber): DocumentKind | undefined {
  return (KIND_BY_CODE as Record<string, DocumentKind>)[num.kindCode];
}
