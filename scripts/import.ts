/**
 * Imports an official document (.txt in UTF-8, or .docx) into a documents MDX file.
 *
 * Usage: npm run import -- <file.txt|file.docx> [--id <slug>] [--out content/documents]
 *                          [--sources content/sources] [--force]
 *
 * Writes <out>/<id>.mdx and, unless the input already is that file, the text as received to
 * <sources>/<id>.txt. Nothing is written unless everything succeeded: bad input (empty, binary,
 * UTF-16, Windows-1258/TCVN3, no title, no number…) or an existing output without --force exits
 * with status 1 and a Vietnamese message.
 */
import { existsSync, readFileSync, renameSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { extname, join, resolve, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { decodeText, docxToText, InputError } from '../src/lib/official-text/input.ts';
import { importOfficialText } from '../src/lib/official-text/import.ts';
import { OfficialTextError } from '../src/lib/official-text/parse.ts';
import type { LineNumbers } from '../src/lib/official-text/parse.ts';
import { documentSchema } from '../src/schemas/document.ts';

/** Parsed command line. */
export interface ImportArgs {
  file: string;
  id?: string;
  out: string;
  sources: string;
  force: boolean;
}

/** An error whose message is printed as is (already Vietnamese). */
class UsageError extends Error {}

const USAGE = 'Cách dùng: npm run import -- <tệp.txt|tệp.docx> [--id <định-danh>] [--out content/documents] [--sources content/sources] [--force]';

/** Parses argv (without node and script). */
export function parseArgs(argv: string[]): ImportArgs {
  const args: Partial<ImportArgs> & { force: boolean } = { force: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`thiếu giá trị sau ${a}. ${USAGE}`);
      return v;
    };
    if (a === '--force') args.force = true;
    else if (a === '--id') args.id = value();
    else if (a === '--out') args.out = value();
    else if (a === '--sources') args.sources = value();
    else if (a === '--help' || a === '-h') throw new UsageError(USAGE);
    else if (a.startsWith('--')) throw new UsageError(`không hiểu tùy chọn ${a}. ${USAGE}`);
    else if (args.file) throw new UsageError(`chỉ nhập một tệp mỗi lần. ${USAGE}`);
    else args.file = a;
  }
  if (!args.file) throw new UsageError(`chưa chỉ ra tệp cần nhập. ${USAGE}`);
  return { file: args.file, id: args.id, out: args.out ?? 'content/documents', sources: args.sources ?? 'content/sources', force: args.force };
}

/** Writes through a temporary file and a rename, so a failure never leaves a partial file. */
function writeAtomic(path: string, content: string): void {
  mkdirSync(resolve(path, '..'), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, content, 'utf8');
    renameSync(tmp, path);
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** Where each front matter field is read from, in words, with the line it comes from. */
const FIELD_SOURCE: Record<string, [string, keyof LineNumbers]> = {
  title: ['tên văn bản (tên loại và số ký hiệu)', 'kind'],
  number: ['số ký hiệu', 'number'],
  kind: ['loại văn bản (theo số ký hiệu)', 'number'],
  issuer: ['cơ quan ban hành', 'number'],
  place: ['nơi ban hành', 'placeDate'],
  issuedOn: ['ngày ban hành', 'placeDate'],
  abstract: ['trích yếu', 'abstract'],
  description: ['mô tả (tên loại và trích yếu)', 'abstract'],
  signer: ['người ký', 'signer'],
  recipients: ['nơi nhận', 'recipients'],
};

/**
 * A schema problem in Vietnamese, naming the field and the line of the text it was read from (the
 * schema library's own messages are English and name only the field).
 */
export function describeIssue(field: string, code: string, lineOf: LineNumbers): string {
  const [what, from] = FIELD_SOURCE[field] ?? [`trường ${field || '(không rõ)'}`, undefined];
  const line = from && lineOf[from] ? `dòng ${lineOf[from]}` : 'không thấy dòng nào trong văn bản';
  const problem = code === 'invalid_type' ? 'thiếu hoặc sai kiểu' : code === 'too_small' ? 'để trống' : 'không đúng dạng';
  return `${what} (${field}, đọc từ ${line}) ${problem}`;
}

/** Runs the import; returns the lines to print. Throws with a Vietnamese message on any problem. */
export async function runImport(args: ImportArgs): Promise<string[]> {
  if (!existsSync(args.file)) throw new UsageError(`không tìm thấy tệp ${args.file}`);
  const ext = extname(args.file).toLowerCase();
  if (ext !== '.txt' && ext !== '.docx') throw new UsageError(`chỉ nhập được tệp .txt (mã UTF-8) hoặc .docx, không nhận tệp ${ext || 'không có đuôi'}`);
  const bytes = new Uint8Array(readFileSync(args.file));
  const text = ext === '.docx' ? await docxToText(bytes) : decodeText(bytes);

  // A first pass gives the id, so we know which existing file to carry fields over from.
  const first = importOfficialText(text, args.id ? { id: args.id } : {});
  const outPath = join(args.out, `${first.id}.mdx`);
  const sourcePath = join(args.sources, `${first.id}.txt`);
  const outExists = existsSync(outPath);
  if (outExists && !args.force) throw new UsageError(`tệp ${outPath} đã có. Thêm --force để ghi đè (các trường quan hệ, thẻ, ngày tình trạng và địa chỉ văn bản gốc được giữ lại)`);
  const result = outExists ? importOfficialText(text, { id: first.id, existing: readFileSync(outPath, 'utf8') }) : first;

  const fm = /^---\n([\s\S]*?)\n---/.exec(result.mdx)!;
  const check = documentSchema.safeParse(parseYaml(fm[1]!));
  if (!check.success) {
    const issues = check.error.issues.map((i) => describeIssue(String(i.path[0] ?? ''), i.code, result.doc.lineOf)).join('; ');
    throw new OfficialTextError(`phần khai báo đọc từ văn bản chưa hợp lệ: ${issues}`);
  }

  const writeSource = resolve(args.file) !== resolve(sourcePath);
  if (writeSource && existsSync(sourcePath) && readFileSync(sourcePath, 'utf8') !== text && !args.force) {
    throw new UsageError(`tệp ${sourcePath} đã có với nội dung khác. Thêm --force để ghi đè`);
  }
  if (writeSource) writeAtomic(sourcePath, text);
  writeAtomic(outPath, result.mdx);
  const m = result.meta;
  const provisions = result.doc.body.filter((b) => b.type !== 'paragraph').length;
  return [
    `Đã ${outExists ? 'ghi đè' : 'tạo'} ${relative(process.cwd(), outPath) || outPath}`,
    ...(writeSource ? [`Đã lưu bản text gốc: ${relative(process.cwd(), sourcePath) || sourcePath}`] : []),
    `  Số ký hiệu: ${m.number} · Loại: ${m.kind ?? '(không rõ, đặt tạm "plan")'} · Cơ quan: ${m.issuer}`,
    `  Nơi, ngày: ${m.place}, ${m.issuedOn} · Người ký: ${m.signer?.name ?? '(không thấy)'} · Nơi nhận: ${m.recipients.length}`,
    `  Điều khoản có neo: ${provisions - result.doc.warnings.length}`,
    ...result.doc.warnings.map((w) => `  Cần xem lại: ${w}`),
    'Hãy đọc lại phần khai báo (title, description, relations…) rồi chạy npm run build để kiểm tra.',
  ];
}

async function main(): Promise<number> {
  try {
    const lines = await runImport(parseArgs(process.argv.slice(2)));
    for (const l of lines) console.log(l);
    return 0;
  } catch (err) {
    if (err instanceof UsageError || err instanceof InputError || err instanceof OfficialTextError) {
      console.error(`Lỗi: ${err.message}`);
      return 1;
    }
    console.error(`Lỗi không lường trước: ${(err as Error).stack ?? String(err)}`);
    return 2;
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('scripts/import.ts')) {
  process.exitCode = await main();
}
