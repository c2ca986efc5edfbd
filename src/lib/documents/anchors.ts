/**
 * Provision anchors: short, stable ASCII ids that follow a document's own numbering.
 *
 * A provision is addressed by its roman-numeral part ("phần"), its numbered item ("mục") and its
 * lettered point ("điểm"): `phan-ii`, `phan-ii-muc-3`, `phan-ii-muc-3-diem-a`. Ids never come from
 * the Vietnamese heading text, so they stay short in shared links (Zalo percent-encodes non-ASCII).
 */

/** One provision's position in a document; every level is optional but must nest. */
export interface ProvisionRef {
  /** Roman numeral of the part, upper case, e.g. "II". */
  part?: string;
  /** Number of the item inside the part (or inside the document when it has no parts). */
  item?: number;
  /** Letter of the point inside the item, lower case, e.g. "a" or "đ". */
  point?: string;
}

const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

/** Converts a roman numeral (I…CC) to an integer, or returns null when it is not one. */
export function romanToInt(roman: string): number | null {
  const s = roman.toUpperCase();
  if (!/^[IVXLC]+$/.test(s)) return null;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN_VALUES[s[i]!]!;
    const next = ROMAN_VALUES[s[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return intToRoman(total) === s ? total : null;
}

/** Converts 1…399 to a roman numeral. */
export function intToRoman(n: number): string {
  const table: [number, string][] = [
    [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let out = '';
  let rest = n;
  for (const [v, s] of table) {
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  }
  return out;
}

// Point letters follow the Vietnamese alphabet; "đ" is written "dd" in ids to stay ASCII and distinct from "d".
const pointToAscii = (p: string): string => (p === 'đ' ? 'dd' : p);
const pointFromAscii = (p: string): string => (p === 'dd' ? 'đ' : p);

/**
 * Builds the anchor id of a provision.
 * @example anchorId({ part: 'II', item: 3 }) // "phan-ii-muc-3"
 */
export function anchorId(ref: ProvisionRef): string {
  const bits: string[] = [];
  if (ref.part) bits.push(`phan-${ref.part.toLowerCase()}`);
  if (ref.item !== undefined) bits.push(`muc-${ref.item}`);
  if (ref.point) bits.push(`diem-${pointToAscii(ref.point.toLowerCase())}`);
  if (bits.length === 0) throw new Error('anchorId: empty provision reference');
  return bits.join('-');
}

/** Parses an anchor id back into its provision reference, or null when it is not a provision id. */
export function parseAnchorId(id: string): ProvisionRef | null {
  const m = /^(?:phan-([ivxlc]+))?(?:-?muc-(\d+))?(?:-diem-([a-z]{1,2}))?$/.exec(id);
  if (!m || (!m[1] && !m[2] && !m[3])) return null;
  if (id.startsWith('-')) return null;
  const ref: ProvisionRef = {};
  if (m[1]) {
    if (romanToInt(m[1]) === null) return null;
    ref.part = m[1].toUpperCase();
  }
  if (m[2]) ref.item = Number(m[2]);
  if (m[3]) {
    if (ref.item === undefined) return null;
    ref.point = pointFromAscii(m[3]);
  }
  return anchorId(ref) === id ? ref : null;
}

/** What a heading's leading numbering says about its level. */
export type HeadingNumbering =
  | { level: 'part'; part: string }
  | { level: 'item'; item: number }
  | { level: 'point'; point: string };

/** Ordinal words of "Phần thứ nhất", "Phần thứ hai"…, in order (index + 1 is the part's number). */
const ORDINALS = ['nhất', 'hai', 'ba', 'tư', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười'];
const ORDINAL_PART = new RegExp(`^Phần\\s+thứ\\s+(${ORDINALS.join('|')})(?![\\p{L}])`, 'iu');

/**
 * Reads the numbering at the start of a heading: "II- NỘI DUNG" or "Phần thứ hai" (part, numbered II),
 * "3." or "3-" (item), "a)" (point).
 * Returns null for headings that carry no numbering.
 */
export function readHeadingNumbering(text: string): HeadingNumbering | null {
  const t = text.normalize('NFC').trim();
  const part = /^(?:Phần\s+)?([IVXLC]+)\s*[-.–:]\s*/u.exec(t) ?? /^Phần\s+([IVXLC]+)\b/u.exec(t);
  if (part && romanToInt(part[1]!) !== null) return { level: 'part', part: part[1]! };
  const ordinal = ORDINAL_PART.exec(t);
  if (ordinal) return { level: 'part', part: intToRoman(ORDINALS.indexOf(ordinal[1]!.toLocaleLowerCase('vi')) + 1) };
  // "1." and "1)" as in State documents; "1-" (dash then a space) as in many Party documents.
  const item = /^(\d{1,3})\s*(?:[.)]|[-–](?=\s|$))/.exec(t);
  if (item) return { level: 'item', item: Number(item[1]) };
  const point = /^([a-zđ])\)/u.exec(t);
  if (point) return { level: 'point', point: point[1]! };
  return null;
}

/**
 * Walks headings in document order and assigns each numbered one its provision reference,
 * keeping track of the enclosing part and item.
 */
export class ProvisionTracker {
  private part: string | undefined;
  private item: number | undefined;

  /** Returns the reference for the next heading, or null when the heading is not numbered. */
  next(text: string): ProvisionRef | null {
    const n = readHeadingNumbering(text);
    if (!n) return null;
    if (n.level === 'part') {
      this.part = n.part;
      this.item = undefined;
      return { part: n.part };
    }
    if (n.level === 'item') {
      this.item = n.item;
      return this.part ? { part: this.part, item: n.item } : { item: n.item };
    }
    if (this.item === undefined) return null;
    return { ...(this.part ? { part: this.part } : {}), item: this.item, point: n.point };
  }
}

/** What a citation needs to know about the cited document. */
export interface CitedDocument {
  /** Kind in words, e.g. "Kế hoạch". */
  kindLabel: string;
  /** Document number, e.g. "83-KH/TU". */
  number: string;
  /** Date of issue, `YYYY-MM-DD`. */
  issuedOn: string;
  /** Issuing body, e.g. "Tỉnh ủy Điện Biên". */
  issuer: string;
}

/**
 * A date as official documents write it when citing another: day and month numbers, a leading zero
 * on days below 10 and on months 1 and 2 (as in Nghị định 30/2020/NĐ-CP on văn thư).
 * @example citedDate('2008-08-06') // "06/8/2008"
 */
export function citedDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${String(d).padStart(2, '0')}/${m <= 2 ? String(m).padStart(2, '0') : m}/${y}`;
}

/**
 * How official writing names a document: "Kế hoạch số 83-KH/TU ngày 27/8/2019 của Tỉnh ủy Điện Biên".
 */
export function documentCitation(doc: CitedDocument): string {
  return `${doc.kindLabel} số ${doc.number} ngày ${citedDate(doc.issuedOn)} của ${doc.issuer}`;
}

/**
 * The citation of a provision in official writing: the provision, innermost level first, then the
 * document with number, date and issuer, with no comma between them.
 * @example citation({ part: 'II', item: 4 }, plan) // "mục 4, phần II Kế hoạch số 83-KH/TU ngày 27/8/2019 của Tỉnh ủy Điện Biên"
 */
export function citation(ref: ProvisionRef, doc: CitedDocument): string {
  return `${provisionLabel(ref)} ${documentCitation(doc)}`;
}

/**
 * The provision's own label, innermost level first, without the document.
 * @example provisionLabel({ part: 'II', item: 3 }) // "mục 3, phần II"
 */
export function provisionLabel(ref: ProvisionRef): string {
  const bits: string[] = [];
  if (ref.point) bits.push(`điểm ${ref.point}`);
  if (ref.item !== undefined) bits.push(`mục ${ref.item}`);
  if (ref.part) bits.push(`phần ${ref.part}`);
  return bits.join(', ');
}
