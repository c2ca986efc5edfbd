/**
 * The shapes Party documents take, each proved by a synthetic fixture that round-trips: parts "I-",
 * "I." and "Phần thứ nhất"; items "1-" and "1."; points "a)"; no "Nơi nhận"; signature blocks with
 * T/M, K/T or TL. before or after "Nơi nhận". Round trip: the generated MDX, parsed as MDX, shows
 * every line of the fixture once, in order, with nothing added; its anchors follow the numbering;
 * the opening paragraph sits under #mo-dau; its front matter passes the documents schema. Fixture
 * texts are made up ("Nội dung mẫu…"): no words of a real document are invented here.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import type { Root, RootContent } from 'mdast';
import { parse as parseYaml } from 'yaml';
import { importOfficialText } from '../../../src/lib/official-text/import.ts';
import { linesOf, parseOfficialText, OfficialTextError } from '../../../src/lib/official-text/parse.ts';
import { anchorsInMdx } from '../../../src/lib/documents/mdx-anchors.ts';
import { documentSchema } from '../../../src/schemas/document.ts';
import { describeIssue } from '../../../scripts/import.ts';

const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, '../../fixtures/importer', name), 'utf8');
const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
const sourceLines = (text: string) => text.split(/\r?\n/).map(norm).filter(Boolean);

type Node = RootContent | Root;
const BLOCK = new Set(['paragraph', 'heading', 'listItem', 'mdxJsxFlowElement', 'root']);

/** Text of an MDX tree as a reader sees it: blocks separated by spaces, `<br />` a space. */
function textOf(node: Node): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'break') return ' ';
  if ((node.type as string) === 'mdxJsxTextElement' && (node as { name?: string }).name === 'br') return ' ';
  const inner = 'children' in node ? (node.children as Node[]).map(textOf).join('') : '';
  return BLOCK.has(node.type) ? ` ${inner} ` : inner;
}

/** The JSX element of the MDX tree with `id="…"`. */
function byId(node: Node, id: string): Node | undefined {
  const attrs = (node as { attributes?: { name: string; value: unknown }[] }).attributes;
  if (attrs?.some((a) => a.name === 'id' && a.value === id)) return node;
  if (!('children' in node)) return undefined;
  for (const c of node.children as Node[]) {
    const hit = byId(c, id);
    if (hit) return hit;
  }
  return undefined;
}

function roundTrip(name: string) {
  const text = fixture(name);
  const result = importOfficialText(text);
  const m = /^---\n([\s\S]*?)\n---\n/.exec(result.mdx)!;
  const body = result.mdx.slice(m[0].length);
  const tree = unified().use(remarkParse).use(remarkMdx).parse(body) as Root;
  return { text, result, data: parseYaml(m[1]!) as Record<string, unknown>, body, tree };
}

const cases = [
  {
    name: 'nghi-quyet-mau.txt',
    shape: 'resolution: parts "I-", items "1-", points "a)", no "Nơi nhận", T/M signature',
    anchors: ['phan-dau', 'tieu-de', 'mo-dau', 'phan-i', 'phan-i-muc-1', 'phan-i-muc-1-diem-a', 'phan-i-muc-1-diem-b', 'phan-i-muc-2', 'phan-ii', 'phan-ii-muc-1', 'phan-ii-muc-2', 'phan-iii', 'phan-iii-muc-1', 'nguoi-ky'],
    opening: 'Nội dung mẫu của đoạn mở đầu thứ nhất: văn bản này là văn bản giả, chỉ để kiểm thử. Nội dung mẫu của đoạn mở đầu thứ hai, có ký tự <đặc biệt> & {ngoặc}.',
    recipients: [] as string[],
    signer: { name: 'Người Ký Mẫu', position: 'T/M BAN CHẤP HÀNH TRUNG ƯƠNG, CHỨC VỤ MẪU' },
    kind: 'resolution',
  },
  {
    name: 'phan-thu-mau.txt',
    shape: 'conclusion: "Phần thứ nhất"/"PHẦN THỨ HAI", items "1.", K/T signature before "Nơi nhận", no title rule',
    anchors: ['phan-dau', 'tieu-de', 'mo-dau', 'phan-i', 'phan-i-muc-1', 'phan-i-muc-1-diem-a', 'phan-i-muc-2', 'phan-ii', 'phan-ii-muc-1', 'phan-ii-muc-1-diem-a', 'nguoi-ky', 'noi-nhan'],
    opening: 'Nội dung mẫu của đoạn mở đầu.',
    recipients: ['Nơi nhận mẫu thứ nhất', 'Lưu mẫu'],
    signer: { name: 'Người Ký Mẫu', position: 'K/T TỔNG BÍ THƯ, CHỨC VỤ MẪU' },
    kind: 'conclusion',
  },
  {
    name: 'chi-thi-mau.txt',
    shape: 'directive: parts "I.", items "1.", TL. signature after "Nơi nhận"',
    anchors: ['phan-dau', 'tieu-de', 'mo-dau', 'phan-i', 'phan-i-muc-1', 'phan-i-muc-1-diem-a', 'phan-ii', 'noi-nhan', 'nguoi-ky'],
    opening: 'Nội dung mẫu của đoạn mở đầu.',
    recipients: ['Nơi nhận mẫu', 'Lưu'],
    signer: { name: 'Người Ký Mẫu', position: 'TL. BAN THƯỜNG VỤ, CHÁNH VĂN PHÒNG MẪU' },
    kind: 'directive',
  },
];

describe.each(cases)('importer shape: $shape', (c) => {
  const { text, result, data, body, tree } = roundTrip(c.name);

  it('keeps every line of the text, in order, in the parsed structure', () => {
    expect(linesOf(result.doc).map(norm)).toEqual(sourceLines(text));
  });
  it('renders every line once, in order, nothing added (MDX parsed back)', () => {
    expect(norm(textOf(tree))).toBe(sourceLines(text).join(' '));
  });
  it('anchors the provisions by their numbering, and the opening, recipients and signature', () => {
    expect(anchorsInMdx(body)).toEqual(c.anchors);
  });
  it('puts the opening paragraph(s), and only them, under #mo-dau', () => {
    const opening = byId(tree, 'mo-dau');
    expect(opening && norm(textOf(opening))).toBe(c.opening);
  });
  it('detects a front matter the documents schema accepts', () => {
    const check = documentSchema.safeParse(data);
    expect(check.success ? [] : check.error.issues).toEqual([]);
    expect(data.recipients).toEqual(c.recipients);
    expect(data.signer).toEqual(c.signer);
    expect(data.kind).toBe(c.kind);
  });
  it('has nothing to warn about', () => expect(result.doc.warnings).toEqual([]));
});

describe('importer problems are said in Vietnamese, naming the line', () => {
  const base = fixture('nghi-quyet-mau.txt');
  const fails = (text: string) => {
    try {
      parseOfficialText(text);
    } catch (err) {
      expect(err).toBeInstanceOf(OfficialTextError);
      return (err as Error).message;
    }
    throw new Error('parsed without error');
  };

  it('a numbering that repeats names both lines', () => {
    const msg = fails(base.replace('2- Mục mẫu thứ hai', '1- Mục mẫu thứ hai'));
    expect(msg).toMatch(/^dòng 19 \("1- Mục mẫu thứ hai"\): đề mục này trùng số thứ tự với dòng 16 \("1- Nội dung mẫu của mục một/);
    expect(msg).toContain('#phan-i-muc-1');
  });
  it('"Phần thứ nhất" and "I-" in one text collide on the same anchor, and say so', () => {
    expect(fails(base.replace('II- NỘI DUNG MẪU THỨ HAI', 'Phần thứ nhất'))).toMatch(/dòng 22 \("Phần thứ nhất"\): .*trùng.*dòng 15 \("I- NỘI DUNG MẪU THỨ NHẤT"\)/);
  });
  it('"Nơi nhận" with no recipient line', () => {
    expect(fails(base.replace('T/M BAN', 'Nơi nhận:\nT/M BAN'))).toMatch(/^dòng 29 \("Nơi nhận:"\): không có nơi nhận nào/);
  });
  it('a stray line after the signature and "Nơi nhận"', () => {
    expect(fails(`${base}Nơi nhận:\n- Lưu.\nDòng lạc\n`)).toMatch(/^dòng 35 \("Dòng lạc"\): sau danh sách "Nơi nhận"/);
  });
  it('no place/date line: says which lines were searched', () => {
    expect(fails(base.replace('Hà Nội, ngày 2 tháng 1 năm 2099', 'Hà Nội'))).toMatch(/^không tìm thấy dòng nơi và ngày ban hành .* từ dòng 1 đến dòng 16 \("1- Nội dung mẫu/);
  });
  it('no kind line: names the line found instead', () => {
    expect(fails(base.replace('NGHỊ QUYẾT\n', ''))).toMatch(/^dòng 7 \("HỘI NGHỊ MẪU CỦA BAN CHẤP HÀNH TRUNG ƯƠNG"\): cần tên loại văn bản/);
  });
  it('a point outside any numbered item is imported, with a warning naming its line', () => {
    const doc = parseOfficialText(base.replace('1- Nội dung mẫu của mục một, viết liền sau số và dấu gạch.\n', ''));
    expect(doc.warnings).toEqual([
      'dòng 16 ("a) Nội dung mẫu của điểm a."): điểm này không nằm trong mục đánh số nào (1., 1-) nên không có neo liên kết riêng',
      'dòng 17 ("b) Nội dung mẫu của điểm b."): điểm này không nằm trong mục đánh số nào (1., 1-) nên không có neo liên kết riêng',
    ]);
  });
  it('a schema problem names the field, in Vietnamese, and the line it was read from', () => {
    const { doc } = importOfficialText(base);
    expect(describeIssue('issuedOn', 'invalid_format', doc.lineOf)).toBe('ngày ban hành (issuedOn, đọc từ dòng 5) không đúng dạng');
    expect(describeIssue('recipients', 'invalid_type', doc.lineOf)).toBe('nơi nhận (recipients, đọc từ không thấy dòng nào trong văn bản) thiếu hoặc sai kiểu');
  });
});
