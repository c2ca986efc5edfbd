/**
 * The import CLI end to end (node scripts/import.ts in a child process): good .txt and .docx input,
 * and every kind of bad input exits non-zero with a clear Vietnamese message and writes nothing.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// Each test spawns Node (about 0.5 s alone, several seconds on a loaded two-core machine).
vi.setConfig({ testTimeout: 30_000 });

const root = resolve(import.meta.dirname, '../../..');
const fixture = (name: string) => join(root, 'tests/fixtures/importer', name);
let dir: string;
let out: string;
let sources: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'import-'));
  out = join(dir, 'documents');
  sources = join(dir, 'sources');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'scripts/import.ts'), ...args, '--out', out, '--sources', sources], {
    cwd: root,
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
/** Every file left under the temp folder (outputs, sources, temporaries). */
function written(): string[] {
  const list: string[] = [];
  for (const d of [out, sources]) if (existsSync(d)) for (const f of readdirSync(d)) list.push(join(d, f));
  return list;
}
function input(name: string, bytes: Uint8Array | string): string {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

const GOOD = readFileSync(fixture('mau.txt'), 'utf8');

/**
 * Encodes Vietnamese text in Windows-1258 (what old Windows editors save): letters with circumflex,
 * breve or horn are single bytes, tone marks are combining bytes after the letter.
 */
function toCp1258(text: string): Buffer {
  const letters: Record<string, number> = { â: 0xe2, Â: 0xc2, ê: 0xea, Ê: 0xca, ô: 0xf4, Ô: 0xd4, ă: 0xe3, Ă: 0xc3, đ: 0xf0, Đ: 0xd0, ơ: 0xf5, Ơ: 0xd5, ư: 0xfd, Ư: 0xdd };
  const tones: Record<string, number> = { '\u0300': 0xcc, '\u0301': 0xec, '\u0309': 0xd2, '\u0303': 0xde, '\u0323': 0xf2 };
  const bytes: number[] = [];
  const chars = [...text.normalize('NFD')];
  for (let i = 0; i < chars.length; i++) {
    let c = chars[i]!;
    const marks: string[] = [];
    while (chars[i + 1] && /\p{M}/u.test(chars[i + 1]!)) marks.push(chars[++i]!);
    // Shape marks (circumflex, breve, horn) belong to the letter; tone marks follow it.
    for (const m of marks.filter((m) => /[\u0302\u0306\u031b]/.test(m))) c = (c + m).normalize('NFC');
    const toneMarks = marks.filter((m) => !/[\u0302\u0306\u031b]/.test(m));
    for (const ch of [c, ...toneMarks]) {
      if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
      else if (letters[ch] !== undefined) bytes.push(letters[ch]!);
      else if (tones[ch] !== undefined) bytes.push(tones[ch]!);
      else throw new Error(`cannot encode ${ch}`);
    }
  }
  return Buffer.from(bytes);
}

describe('import CLI: good input', () => {
  it('imports a .txt file: MDX with detected front matter plus the source copy', () => {
    const r = run(fixture('mau.txt'));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Số ký hiệu: 12-KH/TU');
    const mdx = readFileSync(join(out, 'ke-hoach-12-kh-tu.mdx'), 'utf8');
    expect(mdx).toMatch(/^---\ntitle: "Kế hoạch số 12-KH\/TU"\nnumber: "12-KH\/TU"\nkind: plan\nissuer: "Tỉnh ủy Mẫu"\nplace: "Mẫu Sơn"\nissuedOn: "2020-03-05"\n/);
    expect(mdx).toContain('  name: "Nguyễn Văn A"');
    expect(mdx).toContain('sourceFile: "content/sources/ke-hoach-12-kh-tu.txt"');
    expect(mdx).toContain('## I- MỤC ĐÍCH, YÊU CẦU');
    expect(mdx).toContain('\\<đặc biệt\\> \\& \\{ngoặc\\}');
    expect(readFileSync(join(sources, 'ke-hoach-12-kh-tu.txt'), 'utf8')).toBe(GOOD);
  });

  it('imports a resolution-shaped text without "Nơi nhận" (recipients: [], T/M signature, items "1-")', () => {
    const r = run(fixture('nghi-quyet-mau.txt'));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Nơi nhận: 0');
    expect(r.stdout).toContain('Điều khoản có neo: 10');
    const mdx = readFileSync(join(out, 'nghi-quyet-901-nq-tw.mdx'), 'utf8');
    expect(mdx).toContain('recipients: []\n');
    expect(mdx).toContain('<div class="official-preamble" id="mo-dau">');
  });

  it('prints a warning naming the line of a point outside any numbered item', () => {
    const text = readFileSync(fixture('nghi-quyet-mau.txt'), 'utf8').replace('1- Nội dung mẫu của mục một, viết liền sau số và dấu gạch.\n', '');
    const r = run(input('diem-le.txt', text));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Cần xem lại: dòng 16 ("a) Nội dung mẫu của điểm a."): điểm này không nằm trong mục đánh số nào');
  });

  it('imports a .docx file (header in a two-column table) to the same body as the .txt', () => {
    expect(run(fixture('mau.docx'), '--id', 'tu-docx').status).toBe(0);
    expect(run(fixture('mau.txt'), '--id', 'tu-txt').status).toBe(0);
    const body = (f: string) => readFileSync(join(out, f), 'utf8').replace(/^---[\s\S]*?\n---\n/, '');
    expect(body('tu-docx.mdx')).toBe(body('tu-txt.mdx'));
    expect(body('tu-docx.mdx')).toContain('### 2. Yêu cầu');
  });

  it('with --force keeps relations, tags, statusCheck, officialUrl and issuingBody of the existing file', () => {
    mkdirSync(out, { recursive: true });
    const existing = [
      '---',
      'title: "Tóm lược"',
      'textKind: summary',
      'officialUrl: "https://tulieuvankien.dangcongsan.vn/x"',
      'statusCheck:',
      '  checkedOn: "2026-11-27"',
      '  sources: ["mau"]',
      '  found: "Chưa thấy văn bản thay thế."',
      'relations:',
      '  - type: implements',
      '    target: ket-luan-52-kl-tw',
      'tags: ["tri-thuc"]',
      '---',
      'Tóm lược cũ',
      '',
    ].join('\n');
    writeFileSync(join(out, 'ke-hoach-12-kh-tu.mdx'), existing);
    const r = run(fixture('mau.txt'), '--force');
    expect(r.status).toBe(0);
    const mdx = readFileSync(join(out, 'ke-hoach-12-kh-tu.mdx'), 'utf8');
    expect(mdx).toContain('textKind: full\nsourceFile: "content/sources/ke-hoach-12-kh-tu.txt"\nofficialUrl: "https://tulieuvankien.dangcongsan.vn/x"\nstatusCheck:\n  checkedOn: "2026-11-27"\n  sources: ["mau"]\n  found: "Chưa thấy văn bản thay thế."\nrelations:\n  - type: implements\n    target: ket-luan-52-kl-tw\ntags: ["tri-thuc"]\n---');
    expect(mdx).not.toContain('Tóm lược cũ');
  });
});

it('the Windows-1258 encoder of this test is faithful on a known word', () => {
  // "Kế hoạch": K, ê (0xEA), acute (0xEC), space, h, o, a, dot below (0xF2), c, h.
  expect([...toCp1258('Kế hoạch')]).toEqual([0x4b, 0xea, 0xec, 0x20, 0x68, 0x6f, 0x61, 0xf2, 0x63, 0x68]);
});

describe('import CLI: bad input exits 1 with a Vietnamese message and writes nothing', () => {
  const cases: [string, () => string[], RegExp][] = [
    ['an empty file', () => [input('rong.txt', '')], /tệp rỗng/],
    ['a file with only blank lines', () => [input('trang.txt', ' \n\n\t\n')], /tệp rỗng/],
    ['a text without title (kind line)', () => [input('khong-tieu-de.txt', GOOD.replace('KẾ HOẠCH\n', ''))], /tên loại văn bản/],
    ['a text without the number line', () => [input('khong-so.txt', GOOD.replace('Số 12-KH/TU\n', ''))], /số ký hiệu/],
    ['a binary file', () => [input('anh.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]))], /nhị phân/],
    ['UTF-16LE with a byte order mark', () => [input('u16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(GOOD, 'utf16le')]))], /UTF-16/],
    ['UTF-16BE with a byte order mark', () => [input('u16be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(GOOD, 'utf16le').swap16()]))], /UTF-16/],
    ['UTF-16LE without a byte order mark', () => [input('u16nobom.txt', Buffer.from(GOOD, 'utf16le'))], /UTF-16/],
    [
      'Windows-1258 text',
      () => [input('cp1258.txt', toCp1258(GOOD))],
      /không phải mã UTF-8.*Windows-1258/,
    ],
    ['TCVN3 text pasted as UTF-8', () => [input('tcvn3.txt', GOOD + '\nKÕ ho¹ch triÓn khai KÕt luËn sè 52, ®¶m b¶o ®óng tiÕn ®é ¸p dông.\n'.repeat(5))], /TCVN3/],
    ['a .docx that is not a Word file', () => [input('gia.docx', GOOD)], /docx không hợp lệ/],
    ['an empty .docx', () => [input('rong.docx', '')], /tệp rỗng/],
    ['an unsupported extension', () => [input('van-ban.pdf', GOOD)], /chỉ nhập được tệp \.txt/],
    ['a missing file', () => [join(dir, 'khong-co.txt')], /không tìm thấy tệp/],
    ['no file at all', () => [], /chưa chỉ ra tệp/],
    ['an invalid --id', () => [fixture('mau.txt'), '--id', 'Kế Hoạch'], /định danh/],
    ['a numbering that repeats (names both lines)', () => [input('trung.txt', readFileSync(fixture('nghi-quyet-mau.txt'), 'utf8').replace('2- Mục mẫu', '1- Mục mẫu'))], /dòng 19 .*trùng số thứ tự với dòng 16/],
  ];
  it.each(cases)('%s', (_name, args, message) => {
    const r = run(...args());
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Lỗi: /);
    expect(r.stderr).toMatch(message);
    expect(written()).toEqual([]);
  });

  it('an existing output without --force: exits 1, leaves the existing file untouched, writes no source', () => {
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'ke-hoach-12-kh-tu.mdx'), 'cũ');
    const r = run(fixture('mau.txt'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/đã có\. Thêm --force/);
    expect(readFileSync(join(out, 'ke-hoach-12-kh-tu.mdx'), 'utf8')).toBe('cũ');
    expect(written()).toEqual([join(out, 'ke-hoach-12-kh-tu.mdx')]);
  });
});
