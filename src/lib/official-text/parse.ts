/**
 * Parses an official Party/State document in its usual plain-text layout into a structure:
 *
 *   header  issuer lines, "*", "Số 83-KH/TU" | national/party motto, "Điện Biên, ngày … tháng … năm …"
 *   title   kind in capitals ("KẾ HOẠCH") and the abstract lines ("trích yếu"), then an optional rule "-----"
 *   body    preamble paragraphs; parts "I- …"; numbered items "1. …"; lettered points "a) …"; paragraphs
 *   end     "Nơi nhận:" with "- …" lines, then the signer's lines
 *
 * Every non-empty line of the input ends up in exactly one place of the result, in order, with only
 * its surrounding whitespace trimmed: `linesOf(parse(x))` equals the trimmed non-empty lines of x.
 */
import { readHeadingNumbering } from '../documents/anchors.ts';

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

/** A numbered line is a heading on its own when short and not ending like a sentence. */
function isTitleLine(text: string): boolean {
  return text.length <= TITLE_LIMIT && !/[.;:!?]$/.test(text) && !/^\d+\.\s*$/.test(text);
}

/** Parses the text. Throws {@link OfficialTextError} with a Vietnamese message when the layout is not recognised. */
export function parseOfficialText(input: string): OfficialText {
  const lines = input
    .normalize('NFC')
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  if (lines.length === 0) throw new OfficialTextError('tệp rỗng: không có dòng chữ nào');

  let i = 0;
  const issuerLines: string[] = [];
  const mottoLines: string[] = [];
  let placeDateLine = '';
  // Header: everything up to the place/date line.
  while (i < lines.length && !PLACE_DATE.test(lines[i]!)) {
    const l = lines[i]!;
    if (MOTTO.test(l) || (mottoLines.length > 0 && !NUMBER_LINE.test(l) && !DECORATION.test(l))) mottoLines.push(l);
    else issuerLines.push(l);
    i++;
    if (i > 12) break;
  }
  if (i < lines.length && PLACE_DATE.test(lines[i]!)) placeDateLine = lines[i++]!;
  else throw new OfficialTextError('không tìm thấy dòng nơi và ngày ban hành (ví dụ "Điện Biên, ngày 27 tháng 8 năm 2019") ở phần đầu văn bản');
  if (!issuerLines.some((l) => NUMBER_LINE.test(l))) throw new OfficialTextError('không tìm thấy dòng số ký hiệu (ví dụ "Số 83-KH/TU") ở phần đầu văn bản');

  if (i >= lines.length || !KIND_LINE.test(lines[i]!)) {
    throw new OfficialTextError('không tìm thấy tên loại văn bản viết hoa (ví dụ "KẾ HOẠCH") sau dòng ngày tháng');
  }
  const kindLine = lines[i++]!;
  const abstractLines: string[] = [];
  let titleRule: string | undefined;
  while (i < lines.length) {
    const l = lines[i]!;
    if (DECORATION.test(l)) {
      titleRule = l;
      i++;
      break;
    }
    // The abstract starts in lower case ("triển khai…", "về…"); the preamble starts a sentence.
    if (abstractLines.length > 0 && /^[A-ZĐÀ-Ỹ]/u.test(l) && !/^(về|Về)\s/u.test(l)) break;
    if (abstractLines.length >= 6) break;
    abstractLines.push(l);
    i++;
  }
  if (abstractLines.length === 0) throw new OfficialTextError('không tìm thấy trích yếu (dòng nêu nội dung văn bản) sau tên loại văn bản');

  const body: BodyBlock[] = [];
  let recipientsTitle: string | undefined;
  const recipients: string[] = [];
  const signerLines: string[] = [];
  for (; i < lines.length; i++) {
    const l = lines[i]!;
    if (RECIPIENTS.test(l)) {
      recipientsTitle = l;
      i++;
      for (; i < lines.length && /^[-–+•]\s*/u.test(lines[i]!); i++) recipients.push(lines[i]!);
      for (; i < lines.length; i++) signerLines.push(lines[i]!);
      break;
    }
    const n = readHeadingNumbering(l);
    if (n?.level === 'part') body.push({ type: 'part', text: l });
    else if (n?.level === 'item') body.push({ type: 'item', text: l, runIn: !isTitleLine(l) });
    else if (n?.level === 'point') body.push({ type: 'point', text: l, runIn: !isTitleLine(l) });
    else body.push({ type: 'paragraph', text: l });
  }
  if (!body.some((b) => b.type !== 'paragraph') && body.length === 0) {
    throw new OfficialTextError('văn bản không có phần nội dung');
  }
  return { issuerLines, mottoLines, placeDateLine, kindLine, abstractLines, titleRule, body, recipientsTitle, recipients, signerLines };
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
    ...(doc.recipientsTitle ? [doc.recipientsTitle] : []),
    ...doc.recipients,
    ...doc.signerLines,
  ];
}
