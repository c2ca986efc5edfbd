/**
 * Turns a parsed official text into the MDX of a documents entry: detected front matter plus a
 * body in which every line of the official text appears unchanged (MDX-special characters are
 * escaped, never altered). The same function made content/documents/ke-hoach-83-kh-tu.mdx, and the
 * importer's round-trip test holds it to that.
 */
import type { OfficialText } from './parse.ts';
import { parseDocumentNumber, kindFromNumber } from '../documents/number.ts';
import type { DocumentKind } from '../documents/number.ts';

/** Escapes characters MDX or markdown would interpret, so the rendered text equals the input. */
export function escapeMdxText(text: string): string {
  return text.replace(/[\\`*_{}[\]<>&~|]/g, (c) => `\\${c}`);
}

/** Escapes a paragraph: inline characters plus line starts that markdown reads as block syntax. */
export function escapeMdxParagraph(text: string): string {
  return escapeMdxText(text)
    .replace(/^(\d+)([.)])(\s|$)/, '$1\\$2$3')
    .replace(/^([-+#>=])/, '\\$1');
}

/** Front matter fields the importer can detect from the text itself. */
export interface DetectedMeta {
  title: string;
  number: string;
  kind: DocumentKind | undefined;
  issuer: string;
  place: string;
  issuedOn: string;
  signer: { name: string; position?: string } | undefined;
  abstract: string;
  recipients: string[];
  description: string;
}

const KIND_LABEL: Record<string, string> = {
  'KẾ HOẠCH': 'Kế hoạch',
  'NGHỊ QUYẾT': 'Nghị quyết',
  'KẾT LUẬN': 'Kết luận',
  'CHỈ THỊ': 'Chỉ thị',
  'QUYẾT ĐỊNH': 'Quyết định',
  'HƯỚNG DẪN': 'Hướng dẫn',
  'THÔNG BÁO': 'Thông báo',
  'BÁO CÁO': 'Báo cáo',
  'CHƯƠNG TRÌNH': 'Chương trình',
  'QUY ĐỊNH': 'Quy định',
  'THÔNG TRI': 'Thông tri',
};

/** Known issuer headings in sentence case; other headings are title-cased word by word. */
export function issuerName(header: string): string {
  const upper = header.normalize('NFC').toLocaleUpperCase('vi');
  const fixed: [RegExp, string][] = [
    [/^BAN CHẤP HÀNH TRUNG ƯƠNG( ĐẢNG)?$/u, 'Ban Chấp hành Trung ương Đảng'],
    [/^BỘ CHÍNH TRỊ$/u, 'Bộ Chính trị'],
    [/^BAN BÍ THƯ$/u, 'Ban Bí thư'],
  ];
  for (const [re, name] of fixed) if (re.test(upper)) return name;
  const local = /^(TỈNH ỦY|THÀNH ỦY|HUYỆN ỦY|ĐẢNG ỦY)\s+(.+)$/u.exec(upper);
  const titleCase = (s: string) =>
    s
      .toLocaleLowerCase('vi')
      .split(/\s+/)
      .map((w) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1))
      .join(' ');
  if (local) {
    const head = local[1]!.toLocaleLowerCase('vi');
    return head.charAt(0).toLocaleUpperCase('vi') + head.slice(1) + ' ' + titleCase(local[2]!);
  }
  return titleCase(upper);
}

/** Reads the front matter fields the text itself gives. */
export function detectMeta(doc: OfficialText): DetectedMeta {
  const numberLine = doc.issuerLines.find((l) => /^Số[:\s]/u.test(l)) ?? '';
  const number = parseDocumentNumber(numberLine.replace(/^Số[:\s]*/u, ''))?.text ?? numberLine.replace(/^Số[:\s]*/u, '');
  const parsed = parseDocumentNumber(number);
  const kindLabel = KIND_LABEL[doc.kindLine] ?? doc.kindLine;
  const date = /^(.+?),\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u.exec(doc.placeDateLine);
  const issuedOn = date ? `${date[4]}-${date[3]!.padStart(2, '0')}-${date[2]!.padStart(2, '0')}` : '';
  const issuerHeader = doc.issuerLines.find((l) => !/^Số[:\s]/u.test(l) && /\p{L}/u.test(l)) ?? '';
  const abstract = doc.abstractLines.join(' ');
  // "(Đã ký)" in a republished text says the original was signed; it is neither name nor position.
  const signerLines = doc.signerLines.filter((l) => !/^\(?\s*đã ký\s*\)?$/iu.test(l));
  const name = signerLines[signerLines.length - 1];
  const position = signerLines.slice(0, -1).join(', ');
  return {
    title: `${kindLabel} số ${number}`,
    number,
    kind: parsed ? kindFromNumber(parsed) : undefined,
    issuer: issuerName(issuerHeader),
    place: date ? date[1]!.trim() : '',
    issuedOn,
    signer: name ? { name, ...(position ? { position } : {}) } : undefined,
    abstract,
    recipients: doc.recipients.map((r) => r.replace(/^[-–+•]\s*/u, '').replace(/[,.;]\s*$/u, '')),
    description: `${kindLabel} ${abstract}`,
  };
}

/** YAML scalar, always double-quoted (safe for any Vietnamese text). */
function q(s: string): string {
  return JSON.stringify(s);
}

/** Front matter lines for detected fields plus caller-supplied extras (already YAML). */
export function frontMatter(meta: DetectedMeta, sourceFile: string, extraYaml = ''): string {
  const lines = [
    '---',
    `title: ${q(meta.title)}`,
    `number: ${q(meta.number)}`,
    `kind: ${meta.kind ?? 'plan'}`,
    `issuer: ${q(meta.issuer)}`,
    `place: ${q(meta.place)}`,
    `issuedOn: ${q(meta.issuedOn)}`,
    ...(meta.signer
      ? ['signer:', `  name: ${q(meta.signer.name)}`, ...(meta.signer.position ? [`  position: ${q(meta.signer.position)}`] : [])]
      : []),
    `abstract: ${q(meta.abstract)}`,
    `description: ${q(meta.description)}`,
    // An empty list is written out: a bare "recipients:" would read as null, not as "none".
    ...(meta.recipients.length ? ['recipients:', ...meta.recipients.map((r) => `  - ${q(r)}`)] : ['recipients: []']),
    'textKind: full',
    `sourceFile: ${q(sourceFile)}`,
  ];
  if (extraYaml.trim()) lines.push(extraYaml.trimEnd());
  lines.push('---');
  return lines.join('\n') + '\n';
}

const p = (cls: string, text: string, extra = '') => `<p class="${cls}"${extra}>${escapeMdxText(text)}</p>`;

/** The MDX body: official header, title, body with provision headings, recipients and signer. */
export function bodyMdx(doc: OfficialText): string {
  const out: string[] = [];
  out.push('<header class="official-header" id="phan-dau">');
  out.push('<div class="official-header__issuer">');
  for (const l of doc.issuerLines) {
    const decoration = !/[\p{L}\p{N}]/u.test(l);
    out.push(decoration ? p('official-header__star', l, ' aria-hidden="true"') : `<p>${escapeMdxText(l)}</p>`);
  }
  out.push('</div>');
  out.push('<div class="official-header__motto">');
  for (const l of doc.mottoLines) out.push(`<p>${escapeMdxText(l)}</p>`);
  out.push(p('official-header__date', doc.placeDateLine));
  out.push('</div>');
  out.push('</header>', '');
  out.push('<div class="official-title" id="tieu-de">');
  out.push(p('official-title__kind', doc.kindLine));
  out.push(`<p class="official-title__abstract">${doc.abstractLines.map(escapeMdxText).join('<br />')}</p>`);
  if (doc.titleRule) out.push(p('official-title__rule', doc.titleRule, ' aria-hidden="true"'));
  out.push('</div>', '');
  const preamble = preambleLength(doc);
  if (preamble > 0) {
    // The opening paragraph(s) get their own anchor, so citations of "đoạn mở đầu" land on them and
    // not on the title block. Blank lines keep the paragraphs markdown (cross-references still apply).
    out.push(`<div class="official-preamble" id="${PREAMBLE_ID}">`, '');
    for (const b of doc.body.slice(0, preamble)) out.push(escapeMdxParagraph(b.text), '');
    out.push('</div>', '');
  }
  for (const b of doc.body.slice(preamble)) {
    if (b.type === 'paragraph') out.push(escapeMdxParagraph(b.text), '');
    else if (b.type === 'part') out.push(`## ${escapeMdxText(b.text)}`, '');
    else {
      const hashes = b.type === 'item' ? '###' : '####';
      const m = b.runIn ? /^(\S+)\s+([\s\S]*)$/u.exec(b.text) : null;
      if (m) out.push(`${hashes} ${escapeMdxText(m[1]!)}`, '', escapeMdxParagraph(m[2]!), '');
      else out.push(`${hashes} ${escapeMdxText(b.text)}`, '');
    }
  }
  out.push('<footer class="official-footer">');
  // Kept in the order of the text: some texts put the signature before "Nơi nhận".
  if (doc.signerFirst) out.push(...signerMdx(doc));
  if (doc.recipientsTitle) {
    out.push('<div class="official-recipients" id="noi-nhan">');
    out.push(p('official-recipients__title', doc.recipientsTitle));
    out.push('<ul>');
    for (const r of doc.recipients) out.push(`<li>${escapeMdxText(r)}</li>`);
    out.push('</ul>');
    out.push('</div>');
  }
  if (!doc.signerFirst) out.push(...signerMdx(doc));
  out.push('</footer>');
  return out.join('\n') + '\n';
}

/** Anchor of the opening paragraph(s) between the title block and the first part. */
export const PREAMBLE_ID = 'mo-dau';

/**
 * How many body blocks open the text before its first numbered provision (0 when the text has no
 * numbered provision at all: then there is no "opening" to tell apart from the rest).
 */
export function preambleLength(doc: OfficialText): number {
  const first = doc.body.findIndex((b) => b.type !== 'paragraph');
  return first < 0 ? 0 : first;
}

/** The signature block's lines. */
function signerMdx(doc: OfficialText): string[] {
  if (!doc.signerLines.length) return [];
  return ['<div class="official-signer" id="nguoi-ky">', ...doc.signerLines.map((l) => `<p>${escapeMdxText(l)}</p>`), '</div>'];
}

/** A whole documents MDX file. */
export function toMdx(doc: OfficialText, opts: { sourceFile: string; extraYaml?: string }): string {
  return `${frontMatter(detectMeta(doc), opts.sourceFile, opts.extraYaml)}\n${bodyMdx(doc)}`;
}
