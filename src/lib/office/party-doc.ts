/**
 * Word documents in the Party's layout (Hướng dẫn 36-HD/VPTW, 03/4/2018), built with the `docx` package from
 * a plain description. Pure and browser-safe (no node:*, no DOM): the build uses it for the plan, the handouts and
 * the unit template; the roster builds its report with it in the browser.
 *
 * API
 * - `buildPartyDoc(desc: PartyDocDesc): Document`: the `docx` Document.
 * - `partyDocBytes(desc): Promise<Uint8Array>`: the .docx file bytes (Node and browser).
 * - `partyDocBlob(desc): Promise<Blob>`: the same as a Blob with the .docx MIME type (browser download).
 * - `DOCX_MIME`: that MIME type. `PARTY_LAYOUT`: the sizes and margins used, with where each comes from.
 *
 * @example
 *   const bytes = await partyDocBytes({
 *     superior: 'ĐẢNG BỘ TỈNH ĐIỆN BIÊN', issuer: '[TÊN CƠ QUAN BAN HÀNH]', number: 'Số [..]-BC/[..]',
 *     placeDate: '[Địa danh], ngày [..] tháng [..] năm [....]', kind: 'BÁO CÁO', abstract: ['kết quả học tập …'],
 *     body: [{ type: 'part', text: 'I- KẾT QUẢ' }, { type: 'paragraph', text: [{ text: 'Tổng số: ', bold: true }, '120'] },
 *            { type: 'table', header: ['Đơn vị', 'Số người'], rows: [['A', '3']] }],
 *     recipients: { title: 'Nơi nhận:', lines: ['- [..],', '- Lưu [..].'] },
 *     signer: { authority: 'T/M [..]', position: '[CHỨC VỤ]', name: '[Họ và tên]' },
 *   });
 * Text is taken as written (NFC-normalised): bracketed blanks such as "[Tên đơn vị]" are ordinary text.
 *
 * Where the values come from (the guidance text itself was not available in full; see docs/OFFICE.md):
 * - sizes and styles of each element: Phụ lục 3 of Hướng dẫn 36-HD/VPTW as republished at
 *   https://thuvienphapluat.vn/hoi-dap-phap-luat/iframe/40E84-hd-mau-trinh-bay-the-thuc-van-ban-va-ban-sao-van-ban-cua-dang.html
 *   (title 15 bold caps; superior body 14 caps; issuing body 14 bold caps; number 14; place and date 14 italic;
 *   type name 15–16 bold caps; trích yếu 14–15 bold; body 14–15; part/section words and titles bold);
 * - the title at the top right with a solid rule under it as long as the title: Điểm 1.1 Khoản 1 Mục II of the
 *   guidance, as quoted at https://thuvienphapluat.vn/hoi-dap-phap-luat/iframe/40E51-hd-cach-trinh-bay-tieu-de-dang-cong-san-viet-nam-trong-van-ban-cua-dang.html;
 * - A4 and the TCVN 6909:2001 Unicode font: https://vpdangdoan.vinhuni.edu.vn/thong-bao-van-ban/seo/huong-dan-ve-the-thuc-va-ky-thuat-trinh-bay-van-ban-cua-dang-86250;
 * - margins (25/25/35/15 mm) and the page number from page 2 at the top, 10 mm from the edge: a Party committee's
 *   handbook, https://stdt.danguykhoibinhthuan.vn/sotay/cong-tac-van-phong-cap-uy/the-thuc-van-ban/yeu-cau-ky%CC%83-thua%CC%A3t-trinh-bay-van-ba%CC%89n
 *   (secondary: the guidance's own margin clause was not found);
 * - NOT verified against the guidance (no public copy read gave them): the sizes of "Nơi nhận", the recipients,
 *   the signer's lines, paragraph indent and spacing. The values below follow common Party documents.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  convertMillimetersToTwip,
} from 'docx';

/** A run of text with optional emphasis. */
export interface PartyRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

/** Inline content: a plain string or runs with emphasis. */
export type PartyInline = string | readonly (string | PartyRun)[];

/** One block of the body, in reading order. */
export type PartyBlock =
  /** "I- MỤC ĐÍCH, YÊU CẦU": bold, its own line. */
  | { type: 'part'; text: PartyInline }
  /** A numbered heading ("1. Mục đích"): bold unless `runIn` (a numbered sentence, set as a paragraph). */
  | { type: 'item'; text: PartyInline; runIn?: boolean }
  /** A lettered heading ("a) …"): italic-bold unless `runIn`. */
  | { type: 'point'; text: PartyInline; runIn?: boolean }
  /** A centred heading of a separate section (e.g. "PHIẾU ĐIỂM DANH"): bold caps as written. */
  | { type: 'title'; text: PartyInline }
  /** A body paragraph, justified with a first-line indent unless `align`/`indent` say otherwise. */
  | { type: 'paragraph'; text: PartyInline; align?: 'left' | 'center' | 'right' | 'justify'; indent?: boolean; italic?: boolean }
  /** A list of items, each its own paragraph with a hanging marker ("1.", "-", …). */
  | { type: 'list'; items: readonly PartyInline[]; marker?: 'number' | 'dash' }
  /** A bordered table; `widths` are relative column widths; `emptyRows` adds blank rows to fill in by hand. */
  | { type: 'table'; header: readonly string[]; rows: readonly (readonly string[])[]; widths?: readonly number[]; emptyRows?: number }
  /** A page break (e.g. before an attendance sheet). */
  | { type: 'pageBreak' };

/** The whole document. Every text is used as given; omit a field to leave its element out. */
export interface PartyDocDesc {
  /** Cấp trên trực tiếp, caps, e.g. "ĐẢNG BỘ TỈNH ĐIỆN BIÊN" (left column, first line). */
  superior?: string;
  /** Cơ quan ban hành, caps, bold, e.g. "TỈNH ỦY ĐIỆN BIÊN" (left column). */
  issuer: string;
  /** The line under the issuing body; default "*". */
  issuerMark?: string;
  /** Số và ký hiệu, e.g. "Số 83-KH/TU" (left column, under the mark). */
  number?: string;
  /** Right column title; default "ĐẢNG CỘNG SẢN VIỆT NAM". */
  partyTitle?: string;
  /** Place and date, italic, e.g. "Điện Biên, ngày 27 tháng 8 năm 2019" (right column, under the rule). */
  placeDate?: string;
  /** Type name in caps, e.g. "KẾ HOẠCH", "BÁO CÁO" (centred, bold). */
  kind: string;
  /** Trích yếu lines (centred, bold). */
  abstract?: readonly string[];
  /** Short rule under the trích yếu, as text; default "-----"; "" for none. */
  abstractRule?: string;
  /** The body. */
  body: readonly PartyBlock[];
  /** Nơi nhận (bottom left): its title ("Nơi nhận:") and lines as written. */
  recipients?: { title: string; lines: readonly string[] };
  /** Signer block (bottom right): authority ("T/M BAN THƯỜNG VỤ"), position ("BÍ THƯ"), name; any may be omitted. */
  signer?: { authority?: string; position?: string; name?: string };
  /**
   * A note that is not part of the document (e.g. where the file comes from), printed small in the footer of
   * page 1 after `noteLabel`, clearly apart from the text.
   */
  note?: string;
  /** Label before `note`, e.g. "Ghi chú của trang …:". */
  noteLabel?: string;
  /** Core properties of the file. */
  meta?: { title?: string; creator?: string; description?: string };
}

const mm = convertMillimetersToTwip;

/** Sizes in points and margins in mm; `verified` says whether the value was read in (a copy of) the guidance. */
export const PARTY_LAYOUT = {
  font: 'Times New Roman',
  page: { widthMm: 210, heightMm: 297, verified: true },
  margins: { topMm: 25, bottomMm: 25, leftMm: 35, rightMm: 15, verified: false },
  pageNumberFromTopMm: 10,
  size: {
    partyTitle: 15,
    superior: 14,
    issuer: 14,
    number: 14,
    placeDate: 14,
    kind: 16,
    abstract: 14,
    body: 14,
    /** Not verified against the guidance. */
    recipientsTitle: 14,
    /** Not verified against the guidance. */
    recipients: 12,
    /** Not verified against the guidance. */
    signer: 14,
    table: 13,
    note: 10,
  },
} as const;

/** MIME type of a .docx file. */
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const pt = (n: number) => n * 2; // docx sizes are half-points
const nfc = (s: string) => s.normalize('NFC');
const TEXT_WIDTH_MM = PARTY_LAYOUT.page.widthMm - PARTY_LAYOUT.margins.leftMm - PARTY_LAYOUT.margins.rightMm;
const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };
const LINE = { style: BorderStyle.SINGLE, size: 6, color: '000000' } as const;

type RunStyle = { size: number; bold?: boolean; italic?: boolean; underline?: boolean };

function runs(content: PartyInline, style: RunStyle): TextRun[] {
  const parts = typeof content === 'string' ? [content] : content;
  return parts.map((p) => {
    const r = typeof p === 'string' ? { text: p } : p;
    return new TextRun({
      text: nfc(r.text),
      size: pt(style.size),
      bold: r.bold ?? style.bold,
      italics: r.italic ?? style.italic,
      underline: (r.underline ?? style.underline) ? {} : undefined,
    });
  });
}

function line(text: PartyInline, style: RunStyle, align: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.CENTER, after = 0): Paragraph {
  return new Paragraph({ alignment: align, spacing: { before: 0, after, line: 240, lineRule: LineRuleType.AUTO }, children: runs(text, style) });
}

/** Cell of the borderless layout tables. */
function cell(children: Paragraph[], widthMm: number, valign: (typeof VerticalAlign)[keyof typeof VerticalAlign] = VerticalAlign.TOP): TableCell {
  return new TableCell({ children, width: { size: mm(widthMm), type: WidthType.DXA }, borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER }, verticalAlign: valign });
}

function layoutTable(cells: TableCell[], widthsMm: number[]): Table {
  return new Table({
    rows: [new TableRow({ children: cells })],
    width: { size: mm(TEXT_WIDTH_MM), type: WidthType.DXA },
    columnWidths: widthsMm.map(mm),
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
  });
}

/** The two header columns: issuing body (left) and the Party title with its rule and the place/date (right). */
function headerBlock(d: PartyDocDesc): Table {
  const S = PARTY_LAYOUT.size;
  const left: Paragraph[] = [];
  if (d.superior) left.push(line(d.superior, { size: S.superior }));
  left.push(line(d.issuer, { size: S.issuer, bold: true }));
  left.push(line(d.issuerMark ?? '*', { size: S.issuer }, AlignmentType.CENTER, 120));
  if (d.number) left.push(line(d.number, { size: S.number }));
  const title = d.partyTitle ?? 'ĐẢNG CỘNG SẢN VIỆT NAM';
  // The rule under the title is the title paragraph's bottom border; indents trim it to about the title's length.
  const ruleIndent = mm(6);
  const right: Paragraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: 200, line: 240, lineRule: LineRuleType.AUTO },
      indent: { left: ruleIndent, right: ruleIndent },
      border: { bottom: { ...LINE, space: 1 } },
      children: runs(title, { size: S.partyTitle, bold: true }),
    }),
  ];
  if (d.placeDate) right.push(line(d.placeDate, { size: S.placeDate, italic: true }, AlignmentType.CENTER));
  return layoutTable([cell(left, 70), cell(right, TEXT_WIDTH_MM - 70)], [70, TEXT_WIDTH_MM - 70]);
}

function titleBlock(d: PartyDocDesc): Paragraph[] {
  const S = PARTY_LAYOUT.size;
  const out = [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 360, after: 0 }, children: runs(d.kind, { size: S.kind, bold: true }) })];
  for (const l of d.abstract ?? []) out.push(line(l, { size: S.abstract, bold: true }));
  const rule = d.abstractRule ?? '-----';
  if (rule) out.push(line(rule, { size: S.abstract }, AlignmentType.CENTER, 120));
  out.push(new Paragraph({ spacing: { before: 0, after: 120 }, children: [] }));
  return out;
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, justify: AlignmentType.JUSTIFIED } as const;

function bodyParagraph(text: PartyInline, style: Partial<RunStyle>, opts: { align?: keyof typeof ALIGN; indent?: boolean; keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: ALIGN[opts.align ?? 'justify'],
    spacing: { before: 0, after: 120, line: 288, lineRule: LineRuleType.AUTO },
    indent: opts.indent === false ? undefined : { firstLine: mm(10) },
    keepNext: opts.keepNext,
    children: runs(text, { size: PARTY_LAYOUT.size.body, ...style }),
  });
}

function dataTable(b: Extract<PartyBlock, { type: 'table' }>): Table {
  const S = PARTY_LAYOUT.size.table;
  const n = b.header.length;
  const weights = b.widths && b.widths.length === n ? b.widths : b.header.map(() => 1);
  const total = weights.reduce((a, w) => a + w, 0);
  const widths = weights.map((w) => (TEXT_WIDTH_MM * w) / total);
  const border = { top: LINE, bottom: LINE, left: LINE, right: LINE };
  const row = (cells: readonly string[], header: boolean) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: widths.map(
        (w, i) =>
          new TableCell({
            width: { size: mm(w), type: WidthType.DXA },
            borders: border,
            margins: { top: 40, bottom: 40, left: 80, right: 80 },
            verticalAlign: VerticalAlign.CENTER,
            children: [new Paragraph({ alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT, spacing: { before: 0, after: 0 }, children: runs(cells[i] ?? '', { size: S, bold: header }) })],
          }),
      ),
    });
  const blank = Array.from({ length: b.emptyRows ?? 0 }, () => row(b.header.map(() => ''), false));
  return new Table({
    rows: [row(b.header, true), ...b.rows.map((r) => row(r, false)), ...blank],
    width: { size: mm(TEXT_WIDTH_MM), type: WidthType.DXA },
    columnWidths: widths.map(mm),
    layout: TableLayoutType.FIXED,
  });
}

function bodyBlocks(blocks: readonly PartyBlock[]): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  for (const b of blocks) {
    switch (b.type) {
      case 'part':
        out.push(bodyParagraph(b.text, { bold: true }, { keepNext: true }));
        break;
      case 'item':
        out.push(b.runIn ? bodyParagraph(b.text, {}) : bodyParagraph(b.text, { bold: true }, { keepNext: true }));
        break;
      case 'point':
        out.push(b.runIn ? bodyParagraph(b.text, {}) : bodyParagraph(b.text, { bold: true, italic: true }, { keepNext: true }));
        break;
      case 'title':
        out.push(bodyParagraph(b.text, { bold: true }, { align: 'center', indent: false, keepNext: true }));
        break;
      case 'paragraph':
        out.push(bodyParagraph(b.text, { italic: b.italic }, { align: b.align, indent: b.indent }));
        break;
      case 'list':
        b.items.forEach((it, i) => {
          const marker = b.marker === 'dash' ? '- ' : `${i + 1}. `;
          const parts = typeof it === 'string' ? [it] : it;
          out.push(
            new Paragraph({
              alignment: AlignmentType.JUSTIFIED,
              spacing: { before: 0, after: 80, line: 288, lineRule: LineRuleType.AUTO },
              indent: { left: mm(8), hanging: mm(6) },
              children: runs([marker, ...parts], { size: PARTY_LAYOUT.size.body }),
            }),
          );
        });
        break;
      case 'table':
        out.push(dataTable(b));
        out.push(new Paragraph({ spacing: { before: 0, after: 120 }, children: [] }));
        break;
      case 'pageBreak':
        out.push(new Paragraph({ pageBreakBefore: true, children: [] }));
        break;
    }
  }
  return out;
}

/** Nơi nhận (left) and the signer (right), side by side after the body. */
function closingBlock(d: PartyDocDesc): Table | null {
  if (!d.recipients && !d.signer) return null;
  const S = PARTY_LAYOUT.size;
  const left: Paragraph[] = [];
  if (d.recipients) {
    left.push(new Paragraph({ spacing: { before: 0, after: 0 }, children: runs(d.recipients.title, { size: S.recipientsTitle, underline: true }) }));
    for (const l of d.recipients.lines) left.push(line(l, { size: S.recipients }, AlignmentType.LEFT));
  }
  if (!left.length) left.push(new Paragraph({ children: [] }));
  const right: Paragraph[] = [];
  const sg = d.signer;
  if (sg?.authority) right.push(line(sg.authority, { size: S.signer, bold: true }));
  if (sg?.position) right.push(line(sg.position, { size: S.signer, bold: true }));
  if (sg?.authority || sg?.position) {
    // Room for the signature and the seal.
    for (let k = 0; k < 3; k++) right.push(new Paragraph({ spacing: { before: 0, after: 0 }, children: [] }));
  }
  if (sg?.name) right.push(line(sg.name, { size: S.signer, bold: true }));
  if (!right.length) right.push(new Paragraph({ children: [] }));
  return layoutTable([cell(left, TEXT_WIDTH_MM / 2), cell(right, TEXT_WIDTH_MM / 2)], [TEXT_WIDTH_MM / 2, TEXT_WIDTH_MM / 2]);
}

function pageNumberHeader(): Header {
  return new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: pt(PARTY_LAYOUT.size.body) })] })] });
}

function noteFooter(d: PartyDocDesc): Footer | undefined {
  if (!d.note) return undefined;
  const S = PARTY_LAYOUT.size.note;
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        border: { top: { ...LINE, size: 4, space: 4 } },
        children: [...(d.noteLabel ? runs(`${d.noteLabel} `, { size: S, bold: true, italic: true }) : []), ...runs(d.note, { size: S, italic: true })],
      }),
    ],
  });
}

/** Builds the `docx` Document for a description. */
export function buildPartyDoc(d: PartyDocDesc): Document {
  const M = PARTY_LAYOUT.margins;
  const children: (Paragraph | Table)[] = [headerBlock(d), ...titleBlock(d), ...bodyBlocks(d.body)];
  const closing = closingBlock(d);
  if (closing) children.push(new Paragraph({ spacing: { before: 0, after: 120 }, children: [] }), closing);
  const footer = noteFooter(d);
  return new Document({
    title: d.meta?.title ? nfc(d.meta.title) : undefined,
    creator: d.meta?.creator ? nfc(d.meta.creator) : undefined,
    description: d.meta?.description ? nfc(d.meta.description) : undefined,
    styles: { default: { document: { run: { font: PARTY_LAYOUT.font, size: pt(PARTY_LAYOUT.size.body) } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            // A4 in Word's own twips (mm() rounds 210 mm down to 11905).
            size: { width: 11906, height: 16838 },
            margin: { top: mm(M.topMm), bottom: mm(M.bottomMm), left: mm(M.leftMm), right: mm(M.rightMm), header: mm(PARTY_LAYOUT.pageNumberFromTopMm), footer: mm(8) },
          },
        },
        // Page numbers from page 2 (the first page has none); the note, when any, only under page 1.
        headers: { default: pageNumberHeader(), first: new Header({ children: [new Paragraph({ children: [] })] }) },
        footers: { first: footer ?? new Footer({ children: [new Paragraph({ children: [] })] }) },
        children,
      },
    ],
  });
}

/** The .docx bytes of a description (works in Node and in the browser). */
export function partyDocBytes(d: PartyDocDesc): Promise<Uint8Array> {
  return Packer.pack(buildPartyDoc(d), 'uint8array');
}

/** The .docx as a Blob for a browser download. */
export async function partyDocBlob(d: PartyDocDesc): Promise<Blob> {
  const bytes = await partyDocBytes(d);
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: DOCX_MIME });
}
