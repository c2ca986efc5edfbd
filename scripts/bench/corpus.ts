/**
 * Synthetic corpus generator for the benchmark. Produces documents that pass the real documents
 * schema (src/schemas/document.ts) and look like the real ones to Astro and Pagefind: Vietnamese
 * text with diacritics and "đ", parts "## I- …", numbered items "### 1. …" and paragraphs of
 * a few hundred words. The text is nonsense assembled from a word list; every description says
 * the document is generated, so a corpus can never be mistaken for real content.
 *
 * Pure except {@link writeCorpus}, which copies the real content/ folder (so study sessions,
 * quizzes and cross-checks keep working) and adds the generated documents to it.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { createRng } from './rng.ts';
import type { Rng } from './rng.ts';
import { slugifyVi } from '../../src/lib/text/slug.ts';

/** One generated file. */
export interface GeneratedDocument {
  /** Entry id (file name without .mdx). */
  id: string;
  /** Whole MDX source: front matter and body. */
  source: string;
}

/** Options of {@link generateDocuments}. */
export interface GenerateOptions {
  /** How many documents to make. */
  count: number;
  /** Seed of the generator; the same seed gives the same output. */
  seed: number;
  /** Ids of existing documents that generated ones may declare relations to. */
  existingIds?: readonly string[];
}

const KINDS = [
  { kind: 'plan', code: 'KH', label: 'Kế hoạch', slug: 'ke-hoach' },
  { kind: 'resolution', code: 'NQ', label: 'Nghị quyết', slug: 'nghi-quyet' },
  { kind: 'conclusion', code: 'KL', label: 'Kết luận', slug: 'ket-luan' },
  { kind: 'directive', code: 'CT', label: 'Chỉ thị', slug: 'chi-thi' },
  { kind: 'guidance', code: 'HD', label: 'Hướng dẫn', slug: 'huong-dan' },
  { kind: 'notice', code: 'TB', label: 'Thông báo', slug: 'thong-bao' },
  { kind: 'report', code: 'BC', label: 'Báo cáo', slug: 'bao-cao' },
  { kind: 'decision', code: 'QĐ', label: 'Quyết định', slug: 'quyet-dinh' },
] as const;

const ISSUERS = [
  { name: 'Tỉnh ủy Điện Biên', code: 'TU' },
  { name: 'Huyện ủy Tuần Giáo', code: 'HU' },
  { name: 'Huyện ủy Mường Chà', code: 'HU' },
  { name: 'Huyện ủy Điện Biên Đông', code: 'HU' },
  { name: 'Thị ủy Mường Lay', code: 'TU' },
  { name: 'Đảng ủy Khối cơ quan tỉnh', code: 'ĐU' },
] as const;

const PLACES = ['Mường Nhé', 'Nậm Pồ', 'Tủa Chùa', 'Mường Ảng', 'Tuần Giáo', 'Điện Biên Đông', 'Mường Chà', 'Mường Lay'];

const SUBJECTS = [
  'Các cấp ủy, tổ chức đảng',
  'Chính quyền các cấp',
  'Ủy ban nhân dân cấp huyện',
  'Ngành giáo dục và đào tạo',
  'Ngành khoa học và công nghệ',
  'Các hội trí thức',
  'Đội ngũ trí thức trẻ',
  'Người đứng đầu cơ quan, đơn vị',
  'Các trường cao đẳng, trung cấp',
  'Đoàn thanh niên các cấp',
  'Mặt trận Tổ quốc và các đoàn thể',
  'Cán bộ, công chức cấp xã',
  'Chi bộ ở thôn, bản',
  'Các doanh nghiệp trên địa bàn',
  'Trung tâm y tế tuyến huyện',
];

const VERBS = [
  'tăng cường', 'đẩy mạnh', 'nâng cao', 'rà soát, bổ sung', 'xây dựng', 'triển khai', 'phối hợp thực hiện',
  'kiểm tra, giám sát', 'đánh giá lại', 'tổ chức', 'hướng dẫn', 'ưu tiên bố trí', 'khuyến khích', 'hỗ trợ',
  'đổi mới', 'củng cố', 'phát huy', 'chủ động đề xuất', 'tập trung giải quyết', 'theo dõi, đôn đốc',
];

const OBJECTS = [
  'chất lượng đào tạo nguồn nhân lực', 'công tác tuyên truyền ở vùng sâu, vùng xa', 'cơ chế thu hút chuyên gia',
  'hoạt động nghiên cứu khoa học', 'việc ứng dụng công nghệ số', 'phong trào học tập suốt đời',
  'điều kiện làm việc của trí thức', 'chính sách đãi ngộ cán bộ trẻ', 'mạng lưới thư viện cơ sở',
  'kỹ năng ngoại ngữ và tin học', 'việc bảo tồn văn hóa các dân tộc', 'sản xuất nông nghiệp hàng hóa',
  'dịch vụ y tế tuyến xã', 'hạ tầng viễn thông ở bản vùng cao', 'các đề tài khoa học cấp tỉnh',
  'sáng kiến cải tiến kỹ thuật', 'du lịch cộng đồng', 'việc trồng rừng và giữ đất', 'đội ngũ giáo viên mầm non',
  'công tác đánh giá, xếp loại cán bộ', 'việc đặt hàng nhiệm vụ khoa học', 'quỹ khuyến học ở cơ sở',
];

const COMPLEMENTS = [
  'trong giai đoạn 2021–2025', 'theo hướng thiết thực, hiệu quả', 'gắn với điều kiện thực tế của địa phương',
  'bảo đảm công khai, minh bạch', 'nhất là ở các xã đặc biệt khó khăn', 'phù hợp với từng nhóm đối tượng',
  'đáp ứng yêu cầu phát triển kinh tế - xã hội', 'trên cơ sở kết quả khảo sát', 'định kỳ hằng quý',
  'với sự tham gia của người dân', 'từng bước chuyển đổi số', 'để tạo chuyển biến rõ nét',
  'không để chồng chéo, hình thức', 'có lộ trình và phân công cụ thể',
];

const CONNECTORS = ['Đồng thời,', 'Bên cạnh đó,', 'Trên cơ sở đó,', 'Mặt khác,', 'Ngoài ra,', 'Qua đó,'];

const PART_TITLES = [
  'MỤC ĐÍCH, YÊU CẦU', 'NỘI DUNG', 'NHIỆM VỤ VÀ GIẢI PHÁP', 'TỔ CHỨC THỰC HIỆN', 'KẾT QUẢ ĐẠT ĐƯỢC',
  'HẠN CHẾ VÀ NGUYÊN NHÂN', 'PHƯƠNG HƯỚNG THỜI GIAN TỚI', 'KIẾN NGHỊ, ĐỀ XUẤT',
];

const ITEM_TITLES = [
  'Công tác tuyên truyền', 'Đào tạo, bồi dưỡng', 'Thu hút, trọng dụng trí thức', 'Nghiên cứu khoa học',
  'Chuyển đổi số', 'Kinh phí thực hiện', 'Kiểm tra, giám sát', 'Chế độ báo cáo', 'Phân công trách nhiệm',
  'Đánh giá chung', '',
];

const RECIPIENTS = [
  'Ban Thường vụ Tỉnh ủy', 'Các huyện ủy, thị ủy', 'Các đảng ủy trực thuộc', 'Ban Tuyên giáo Tỉnh ủy',
  'Các sở, ban, ngành', 'Lưu Văn phòng',
];

const FAMILY = ['Lò', 'Quàng', 'Nguyễn', 'Lường', 'Tòng', 'Vừ', 'Giàng', 'Trần', 'Đỗ', 'Cà'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'A', 'Minh'];
const GIVEN = ['An', 'Bình', 'Chung', 'Dũng', 'Hoa', 'Khánh', 'Lan', 'Mai', 'Nam', 'Phương', 'Sơn', 'Thắng'];

const TAGS = ['tri-thuc', 'dien-bien', 'dao-tao', 'khoa-hoc', 'chuyen-doi-so', 'can-bo', 'thanh-nien'];

const RELATION_TYPES = ['implements', 'continues', 'reviews'] as const;

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'];

/** ASCII slug of a short code: "QĐ" → "qd". */
const asciiSlug = slugifyVi;

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** One sentence of administrative Vietnamese-like prose. */
export function sentence(rng: Rng): string {
  const shape = rng.int(0, 4);
  if (shape === 0) {
    const year = rng.int(2020, 2030);
    return `Đến năm ${year}, phấn đấu ${rng.int(40, 99)}% ${rng.pick(SUBJECTS).toLowerCase()} ${rng.pick(VERBS)} ${rng.pick(OBJECTS)}.`;
  }
  if (shape === 1) {
    return `${rng.pick(CONNECTORS)} ${rng.pick(SUBJECTS).toLowerCase()} ở ${rng.pick(PLACES)} ${rng.pick(VERBS)} ${rng.pick(OBJECTS)}, ${rng.pick(COMPLEMENTS)}.`;
  }
  if (shape === 2) {
    return `${capitalize(rng.pick(VERBS))} ${rng.pick(OBJECTS)} và ${rng.pick(OBJECTS)} ${rng.pick(COMPLEMENTS)}; ${rng.pick(VERBS)} ${rng.pick(OBJECTS)}.`;
  }
  return `${rng.pick(SUBJECTS)} ${rng.pick(VERBS)} ${rng.pick(OBJECTS)} ${rng.pick(COMPLEMENTS)}.`;
}

/** A paragraph of roughly `words` words (whole sentences, so a little more). */
export function paragraph(rng: Rng, words: number): string {
  const out: string[] = [];
  let n = 0;
  while (n < words) {
    const s = sentence(rng);
    out.push(s);
    n += s.split(/\s+/).length;
  }
  return out.join(' ');
}

function isoDate(rng: Rng): string {
  const y = rng.int(2008, 2025);
  const m = String(rng.int(1, 12)).padStart(2, '0');
  const d = String(rng.int(1, 28)).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** The one public source generated documents cite; writeCorpus declares it in data/nguon/. */
export const BENCH_SOURCE_ID = 'nguon-sinh-tu-dong';
const BENCH_SOURCE_YAML = [
  'title: "Nguồn sinh tự động để đo hiệu năng"',
  'publisher: "Bộ đo hiệu năng"',
  'url: "https://example.invalid/nguon-sinh-tu-dong"',
  'dateRead: "2026-12-01"',
  'kind: news',
  '',
].join('\n');

/** YAML double-quoted scalar (JSON strings are valid YAML). */
const q = (s: string): string => JSON.stringify(s);

function body(rng: Rng): string {
  const lines: string[] = [paragraph(rng, rng.int(40, 90)), ''];
  const parts = rng.int(2, 4);
  const titles = [...PART_TITLES];
  for (let p = 0; p < parts; p++) {
    const title = titles.splice(rng.int(0, titles.length - 1), 1)[0]!;
    lines.push(`## ${ROMAN[p]}- ${title}`, '');
    const items = rng.int(2, 4);
    for (let i = 1; i <= items; i++) {
      const itemTitle = rng.pick(ITEM_TITLES);
      lines.push(itemTitle ? `### ${i}. ${itemTitle}` : `### ${i}.`, '');
      const paras = rng.int(1, 2);
      for (let k = 0; k < paras; k++) lines.push(paragraph(rng, rng.int(80, 260)), '');
    }
    // Every summary section cites a source (the build rejects uncited ones); see BENCH_SOURCE_ID.
    lines.push(`Nguồn của phần này.<Nguon id="${BENCH_SOURCE_ID}" />`, '');
  }
  return lines.join('\n');
}

/** Generates `count` documents, deterministically from `seed`. */
export function generateDocuments(opts: GenerateOptions): GeneratedDocument[] {
  const rng = createRng(opts.seed);
  const existing = opts.existingIds ?? [];
  const docs: GeneratedDocument[] = [];
  for (let index = 0; index < opts.count; index++) {
    const k = rng.pick(KINDS);
    const issuer = rng.pick(ISSUERS);
    // Serials from 1001 on never clash with each other nor with real documents' numbers.
    const serial = 1001 + index;
    const number = `${serial}-${k.code}/${issuer.code}`;
    const id = `${k.slug}-${serial}-${asciiSlug(k.code)}-${asciiSlug(issuer.code)}`;
    const fm: string[] = [
      '---',
      `title: ${q(`${k.label} số ${number}`)}`,
      `number: ${q(number)}`,
      `kind: ${k.kind}`,
      `issuer: ${q(issuer.name)}`,
      `place: ${q('Điện Biên')}`,
      `issuedOn: ${q(isoDate(rng))}`,
    ];
    if (rng.chance(0.6)) {
      fm.push('signer:', `  name: ${q(`${rng.pick(FAMILY)} ${rng.pick(MIDDLE)} ${rng.pick(GIVEN)}`)}`);
    }
    const abstract = sentence(rng).replace(/\.$/, '');
    fm.push(`abstract: ${q(abstract)}`);
    fm.push(`description: ${q(`Văn bản sinh tự động số ${serial} để đo hiệu năng, không phải văn bản thật: ${abstract.toLowerCase()}.`)}`);
    const recipients = RECIPIENTS.filter(() => rng.chance(0.4));
    if (recipients.length) fm.push('recipients:', ...recipients.map((r) => `  - ${q(r)}`));
    fm.push('textKind: summary');
    const relations: { type: string; target: string }[] = [];
    if (index > 0 && rng.chance(0.4)) {
      relations.push({ type: rng.pick(RELATION_TYPES), target: docs[rng.int(0, index - 1)]!.id });
    }
    if (existing.length && rng.chance(0.1)) relations.push({ type: rng.pick(RELATION_TYPES), target: rng.pick(existing) });
    if (relations.length) {
      fm.push('relations:');
      for (const r of relations) fm.push(`  - type: ${r.type}`, `    target: ${r.target}`);
    }
    const tags = [...new Set([rng.pick(TAGS), rng.pick(TAGS)])];
    fm.push(`tags: [${tags.map(q).join(', ')}]`, '---', '');
    docs.push({ id, source: fm.join('\n') + '\n' + body(rng) });
  }
  return docs;
}

/** Result of {@link writeCorpus}. */
export interface WrittenCorpus {
  /** The corpus root, usable as CONTENT_DIR. */
  dir: string;
  /** Number of generated documents. */
  generated: number;
  /** Number of documents copied from the real content. */
  copied: number;
  /** Total bytes of the generated MDX. */
  generatedBytes: number;
}

/**
 * Rewrites the relative import specifiers of an MDX file moved from `fromFile` to `toFile` so they
 * still point at the same modules (content files import components as `../../src/…`).
 */
export function rebaseImports(source: string, fromFile: string, toFile: string): string {
  return source.replace(/^(\s*(?:import|export)\b[^'"\n]*?['"])(\.\.?\/[^'"]+)(['"])/gm, (_m, head: string, spec: string, tail: string) => {
    const target = resolve(dirname(fromFile), spec);
    let rel = relative(dirname(toFile), target).split(sep).join('/');
    if (!rel.startsWith('.')) rel = `./${rel}`;
    return `${head}${rel}${tail}`;
  });
}

/**
 * Writes a corpus folder: a copy of `baseContentDir` (all collections) plus `count` generated
 * documents in documents/. The folder is emptied first. Relative imports in copied MDX files are
 * rebased so they resolve from the new location.
 */
export function writeCorpus(opts: { dir: string; baseContentDir: string; count: number; seed: number }): WrittenCorpus {
  rmSync(opts.dir, { recursive: true, force: true });
  mkdirSync(opts.dir, { recursive: true });
  if (existsSync(opts.baseContentDir)) {
    cpSync(opts.baseContentDir, opts.dir, { recursive: true });
    for (const rel of readdirSync(opts.dir, { recursive: true, encoding: 'utf8' })) {
      if (!/\.mdx?$/.test(rel)) continue;
      const to = join(opts.dir, rel);
      const source = readFileSync(to, 'utf8');
      const rebased = rebaseImports(source, join(opts.baseContentDir, rel), to);
      if (rebased !== source) writeFileSync(to, rebased);
    }
  }
  const docsDir = join(opts.dir, 'documents');
  mkdirSync(docsDir, { recursive: true });
  mkdirSync(join(opts.dir, 'data', 'nguon'), { recursive: true });
  writeFileSync(join(opts.dir, 'data', 'nguon', `${BENCH_SOURCE_ID}.yaml`), BENCH_SOURCE_YAML);
  const existingIds = readdirSync(docsDir)
    .filter((f) => extname(f) === '.mdx')
    .map((f) => basename(f, '.mdx'));
  const docs = generateDocuments({ count: opts.count, seed: opts.seed, existingIds });
  let generatedBytes = 0;
  for (const d of docs) {
    const path = join(docsDir, `${d.id}.mdx`);
    if (existsSync(path)) throw new Error(`generated id clashes with a real document: ${d.id}`);
    writeFileSync(path, d.source);
    generatedBytes += Buffer.byteLength(d.source);
  }
  return { dir: opts.dir, generated: docs.length, copied: existingIds.length, generatedBytes };
}
