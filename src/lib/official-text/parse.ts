/**
 * Parses an official Party/State document in its usual plain-text layout into a structure:
 *
 *   header  issuer lines, "*", "Số 83-KH/TU" | national/party motto, "Điện Biên, ngày … tháng … năm …"
 *   title   kind in capitals ("KẾ HOẠCH") and the abstract lines ("trích yếu"), then an optional rule "-----"
 *   body    preamble paragraphs; parts "I- …", "I. …" or "Phần thứ nhất"; numbered items "1. …" or "1- …";
 *           lettered points "a) …"; paragraphs
 *   end     "Nơi nhận:" with "- …" lines and the signer's lines, in either order; either may be missing.
 *           Without "Nơi nhận", the signature block is found by its authority line ("T/M …", "K/T …",
 *           "T/L …", "TM.", "KT.", "TL.", "Q. …").
 *
 * Every non-empty line of the input ends up in exactly one place of the result, in order, with only
 * its surrounding whitespace trimmed: `linesOf(parse(x))` equals the trimmed non-empty lines of x.
 */
import { readHeadingNumbering, ProvisionTracker, anchorId } from '../documents/anchors.ts';

/** A block of the body, in reading order. */
export type BodyBlock =
  | { type: 'part'; text: string }
  | { type: 'item'; text: string; runIn: boolean }
  | { type: 'point'; text: string; runIn: boolean }
  | { type: 'paragraph'; text: string };

/** The parsed document. */
export interface OfficialText {
  /** Left header column: issuer lines, decorations ("*"), and the number line. */
  issuerLines: string[];
  /** Right header column: motto lines ("ĐẢNG CỘNG SẢN VIỆT NAM", "CỘNG HÒA…", "Độc lập…"). */
  mottoLines: string[];
  /** "Điện Biên, ngày 27 tháng 8 năm 2019". */
  placeDateLine: string;
  /** The kind line in capitals, e.g. "KẾ HOẠCH". */
  kindLine: string;
  /** Abstract lines under the kind line. */
  abstractLines: string[];
  /** Decorative rule under the title, e.g. "-----", if any. */
  titleRule?: string;
  /** Body blocks in order. */
  body: BodyBlock[];
  /** "Nơi nhận:" line, if any. */
  recipientsTitle?: string;
  /** Recipient lines as written, with their leading dash. */
  recipients: string[];
  /** Signer block lines (authority, position, name), as written. */
  signerLines: string[];
  /** True when the signature block comes before "Nơi nhận" in the text (kept in that order on the page). */
  signerFirst: boolean;
  /** 1-based line numbers in the input of the lines the front matter is read from, for messages. */
  lineOf: LineNumbers;
  /** Things the editor should check, in Vietnamese, each naming its line (the import still succeeds). */
  warnings: string[];
}

/** Where the lines the front matter comes from sit in the input (1-based; 0 when absent). */
export interface LineNumbers {
  number: number;
  placeDate: number;
  kind: number;
  abstract: number;
  recipients: number;
  signer: number;
}

/** Why a text could not be parsed; `message` is Vietnamese and shown to editors. */
export class OfficialTextError extends Error {
  override name = 'OfficialTextError';
}

const MOTTO = /^(ĐẢNG CỘNG SẢN VIỆT NAM|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập - Tự do - Hạnh phúc|Độc lập – Tự do – Hạnh phúc)$/u;
const NUMBER_LINE = /^Số[:\s]/u;
const PLACE_DATE = /^[^,]{2,40},\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}\.?$/u;
const KIND_LINE = /^(KẾ HOẠCH|NGHỊ QUYẾT|KẾT LUẬN|CHỈ THỊ|QUYẾT ĐỊNH|HƯỚNG DẪN|THÔNG BÁO|BÁO CÁO|CHƯƠNG TRÌNH|QUY ĐỊNH|THÔNG TRI)$/u;
const DECORATION = /^[*\-–—_=.\s]+$/u;
const RECIPIENTS = /^Nơi nhận\s*:?$/u;
const TITLE_LIMIT = 200;

/**
 * A numbered line is a heading on its own when short and not ending like a sentence; a bare number
 * ("3.", "3-", "a)") is one too, with its text on the next line.
 */
function isTitleLine(text: string): boolean {
  if (/^(?:\d{1,3}\s*[.\-–)]|[a-zđ]\))\s*$/u.test(text)) return true;
  return text.length <= TITLE_LIMIT && !/[.;:!?]$/.test(text);
}

/** First line of a signature block: "T/M BAN THƯỜNG VỤ", "K/T BÍ THƯ", "T/L …", "TM.", "KT.", "TL.", "Q. …". */
const SIGNATURE_START = /^(?:T\/M|K\/T|T\/L|TM\.|KT\.|TL\.|TUQ\.|Q\.)\s*\S/u;
const RECIPIENT_LINE = /^[-–+•]\s*/u;

/** A line of the input with its 1-based line number. */
interface Line {
  text: string;
  no: number;
}

/** "dòng 7 ("…")": how messages name a line. */
export function lineRef(line: Line | undefined): string {
  if (!line) return 'cuối tệp';
  const t = line.text.length > 60 ? `${line.text.slice(0, 57)}…` : line.text;
  return `dòng ${line.no} ("${t}")`;
}

/** The trimmed non-empty lines of the input with their line numbers. */
function readLines(input: string): Line[] {
  return input
    .normalize('NFC')
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((l, i) => ({ text: l.trim(), no: i + 1 }))
    .filter((l) => l.text.length > 0);
}

/** Parses the text. Throws {@link OfficialTextError} with a Vietnamese message naming the line when the layout is not recognised. */
export function parseOfficialText(input: string): OfficialText {
  const lines = readLines(input);
  if (lines.length === 0) throw new OfficialTextError('tệp rỗng: không có dòng chữ nào');
  const lineOf: LineNumbers = { number: 0, placeDate: 0, kind: 0, abstract: 0, recipients: 0, signer: 0 };

  let i = 0;
  const issuerLines: string[] = [];
  const mottoLines: string[] = [];
  // Header: everything up to the place/date line.
  while (i < lines.length && i <= 12 && !PLACE_DATE.test(lines[i]!.text)) {
    const l = lines[i]!.text;
    if (MOTTO.test(l) || (mottoLines.length > 0 && !NUMBER_LINE.test(l) && !DECORATION.test(l))) mottoLines.push(l);
    else issuerLines.push(l);
    if (NUMBER_LINE.test(l) && !lineOf.number) lineOf.number = lines[i]!.no;
    i++;
  }
  if (i >= lines.length || !PLACE_DATE.test(lines[i]!.text)) {
    throw new OfficialTextError(
      `không tìm thấy dòng nơi và ngày ban hành (ví dụ "Điện Biên, ngày 27 tháng 8 năm 2019") trong 13 dòng đầu, từ dòng ${lines[0]!.no} đến ${lineRef(lines[Math.min(i, lines.length) - 1])}`,
    );
  }
  lineOf.placeDate = lines[i]!.no;
  const placeDateLine = lines[i++]!.text;
  if (!lineOf.number) {
    throw new OfficialTextError(`không tìm thấy dòng số ký hiệu (ví dụ "Số 83-KH/TU") ở phần đầu văn bản, trước dòng ${lineOf.placeDate} (dòng nơi và ngày)`);
  }

  if (i >= lines.length || !KIND_LINE.test(lines[i]!.text)) {
    throw new OfficialTextError(`${lineRef(lines[i])}: cần tên loại văn bản viết hoa (ví dụ "KẾ HOẠCH", "NGHỊ QUYẾT") ngay sau dòng nơi và ngày`);
  }
  lineOf.kind = lines[i]!.no;
  const kindLine = lines[i++]!.text;
  const abstractLines: string[] = [];
  let titleRule: string | undefined;
  while (i < lines.length) {
    const l = lines[i]!.text;
    if (DECORATION.test(l)) {
      titleRule = l;
      i++;
      break;
    }
    // The abstract starts in lower case ("triển khai…", "về…") or is a capitalised line under the
    // kind ("HỘI NGHỊ LẦN THỨ…"); the preamble starts a sentence.
    if (abstractLines.length > 0 && /^[A-ZĐÀ-Ỹ]/u.test(l) && !/^(về|Về)\s/u.test(l)) break;
    if (abstractLines.length >= 6) break;
    if (!lineOf.abstract) lineOf.abstract = lines[i]!.no;
    abstractLines.push(l);
    i++;
  }
  if (abstractLines.length === 0) {
    throw new OfficialTextError(`${lineRef(lines[i])}: cần trích yếu (dòng nêu nội dung văn bản) ngay sau tên loại văn bản ở dòng ${lineOf.kind}`);
  }

  const body: BodyBlock[] = [];
  const bodyLines: Line[] = [];
  let recipientsTitle: string | undefined;
  const recipients: string[] = [];
  const signerLines: string[] = [];
  let signerFirst = false;
  for (; i < lines.length; i++) {
    const { text: l, no } = lines[i]!;
    if (RECIPIENTS.test(l)) {
      lineOf.recipients = no;
      recipientsTitle = l;
      i++;
      for (; i < lines.length && RECIPIENT_LINE.test(lines[i]!.text); i++) recipients.push(lines[i]!.text);
      break;
    }
    if (SIGNATURE_START.test(l)) {
      lineOf.signer = no;
      for (; i < lines.length && !RECIPIENTS.test(lines[i]!.text); i++) signerLines.push(lines[i]!.text);
      if (i < lines.length) {
        signerFirst = true;
        lineOf.recipients = lines[i]!.no;
        recipientsTitle = lines[i++]!.text;
        for (; i < lines.length && RECIPIENT_LINE.test(lines[i]!.text); i++) recipients.push(lines[i]!.text);
        if (i < lines.length) {
          throw new OfficialTextError(`${lineRef(lines[i])}: sau danh sách "Nơi nhận" (dòng ${lineOf.recipients}) và chữ ký (dòng ${lineOf.signer}) còn dòng không thuộc phần nào; mỗi nơi nhận phải bắt đầu bằng dấu "-"`);
        }
      }
      break;
    }
    const n = readHeadingNumbering(l);
    if (n?.level === 'part') body.push({ type: 'part', text: l });
    else if (n?.level === 'item') body.push({ type: 'item', text: l, runIn: !isTitleLine(l) });
    else if (n?.level === 'point') body.push({ type: 'point', text: l, runIn: !isTitleLine(l) });
    else body.push({ type: 'paragraph', text: l });
    bodyLines.push(lines[i]!);
  }
  // After "Nơi nhận": the signature block (when it did not come first) is everything that is left.
  if (recipientsTitle && !signerFirst) {
    if (i < lines.length) lineOf.signer = lines[i]!.no;
    for (; i < lines.length; i++) signerLines.push(lines[i]!.text);
  }
  if (body.length === 0) {
    throw new OfficialTextError(`văn bản không có phần nội dung: sau trích yếu (dòng ${lineOf.abstract}) là ngay phần nơi nhận hoặc chữ ký`);
  }
  if (recipientsTitle && recipients.length === 0) {
    throw new OfficialTextError(`dòng ${lineOf.recipients} ("${recipientsTitle}"): không có nơi nhận nào sau dòng này; mỗi nơi nhận là một dòng bắt đầu bằng dấu "-"`);
  }
  const warnings = checkProvisions(body, bodyLines);
  return { issuerLines, mottoLines, placeDateLine, kindLine, abstractLines, titleRule, body, recipientsTitle, recipients, signerLines, signerFirst, lineOf, warnings };
}

/**
 * Checks the provision numbering: two headings that would get the same anchor (a numbering that
 * repeats, e.g. "Phần thứ nhất" and "I-" in one text) are an error, naming both lines; a point
 * outside any numbered item gets no anchor, which the editor is told (a warning, not an error).
 */
function checkProvisions(body: BodyBlock[], bodyLines: Line[]): string[] {
  const tracker = new ProvisionTracker();
  const seen = new Map<string, Line>();
  const warnings: string[] = [];
  body.forEach((b, k) => {
    if (b.type === 'paragraph') return;
    const line = bodyLines[k]!;
    const ref = tracker.next(b.text);
    if (!ref) {
      warnings.push(`${lineRef(line)}: điểm này không nằm trong mục đánh số nào (1., 1-) nên không có neo liên kết riêng`);
      return;
    }
    const id = anchorId(ref);
    const first = seen.get(id);
    if (first) {
      throw new OfficialTextError(`${lineRef(line)}: đề mục này trùng số thứ tự với ${lineRef(first)} (cùng neo #${id}); hãy kiểm tra lại cách đánh số phần, mục, điểm`);
    }
    seen.set(id, line);
  });
  return warnings;
}

/** Every line of the parsed text in reading order (what the page must show, verbatim). */
export function linesOf(doc: OfficialText): string[] {
  return [
    ...doc.issuerLines,
    ...doc.mottoLines,
    doc.placeDateLine,
    doc.kindLine,
    ...doc.abstractLines,
    ...(doc.titleRule ? [doc.titleRule] : []),
    ...doc.body.map((b) => b.text),
    ...(doc.signerFirst ? doc.signerLines : []),
    ...(doc.recipientsTitle ? [doc.recipientsTitle] : []),
    ...doc.recipients,
    ...(doc.signerFirst ? [] : doc.signerLines),
  ];
}
