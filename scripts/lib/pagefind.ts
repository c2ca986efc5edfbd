/**
 * The search-index step of `npm run build`, run after `astro build`:
 *   node scripts/lib/pagefind.ts [dist]
 *
 * It indexes the built HTML with Pagefind's Node API into `<dist>/pagefind/`. What gets indexed is
 * decided by the pages themselves: only `<main data-pagefind-body>` of document and study pages,
 * minus anything marked `data-pagefind-ignore`; filters and meta come from the attributes built by
 * src/lib/search/attributes.ts. Pages found by their purpose rather than their text (quizzes, decks,
 * tables; see {@link PURPOSE_PAGES}) are added as custom records of their title and description. One adjustment is made on the way in (see {@link prepareHtml}): Pagefind
 * never indexes the text of a `<footer>` element, but an official document's own footer (its
 * "Nơi nhận" list) is part of the official text and must be searchable, so inside the indexed
 * `<main>` footers are handed to Pagefind as `<div>`s. The HTML in dist/ is changed in one way only,
 * after indexing: {@link stampIndexTag} writes the index's hash into the search elements' cache tag.
 *
 * The step fails the build when Pagefind reports an error, when its
 * version is older than the one whose diacritic folding the search relies on, or when no page
 * was indexed.
 */
import { readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { t, hasKey } from '../../src/i18n/vi.ts';
import { pageKindOf, sessionNumberOf } from '../../src/lib/search/understand.ts';
import { idOnlyText } from '../../src/lib/search/rank.ts';
import { ABOUT_FILTER, CAPTIONS_META, SECTION_NAMES_META, CAPTIONS_SEPARATOR, DATE_FILTER, DOC_FILTER, KIND_FILTER, KIND_VALUES, PROVISION_FILTER, SECTIONS_FILTER, SESSION_FILTER, partValue } from '../../src/lib/search/attributes.ts';
import type { PagePart } from '../../src/lib/search/attributes.ts';

/** Pagefind folds diacritics at index time since 1.5; the search module depends on that. */
export const MIN_PAGEFIND = [1, 5, 0] as const;

/**
 * Pages people look for by what they do rather than by their text: quizzes, decks (with their
 * presenter view and handout), the assignment table, the timeline, the trainer page, progress and
 * certificate pages, the section indexes and the home page (its "save for offline" part). Each is
 * indexed by its title (h1), its purpose (meta description), its table captions and what its kind of
 * page is for in the words people use
 * (`purpose.<kind>` in src/i18n/vi/search-purpose.ts: "slide", "tài liệu in", "tra mã"), as a custom
 * record, so quiz answers, slide text and speaker notes never enter the index. Routes relative to the site root.
 */
export const PURPOSE_PAGES: readonly RegExp[] = [
  /^\/kiem-tra\/(?:[^/]+\/)?$/,
  /^\/hoc-tap\/$/,
  /^\/hoc-tap\/[^/]+\/(?:trinh-chieu|nguoi-trinh-bay|tai-lieu)\/$/,
  /^\/van-ban\/(?:phan-cong\/|dong-thoi-gian\/)?$/,
  /^\/giang-vien\/$/,
  /^\/(?:hoc-tap|van-ban)\/[^/]+\/ap-phich\/$/,
  /^\/tim-kiem\/$/,
  /^\/$/,
];

/** Elements inside the indexed body that are not text of the page. */
export const EXCLUDE_SELECTORS = ['[data-chrome]'];

/** Options of {@link buildSearchIndex}. */
export interface IndexOptions {
  /** The built site. */
  siteDir: string;
  /** Where the bundle goes, default `<siteDir>/pagefind`. */
  outputPath?: string;
  /** Log lines go here (default: console.log). */
  log?: (line: string) => void;
  /**
   * Add a hidden meta field holding every đ-word of the page spelt with d. Not used by the site
   * (it expands queries instead); scripts/bench-search.ts builds it to compare the two strategies.
   */
  foldedMeta?: boolean;
}

/** What the step did. */
export interface IndexReport {
  pages: number;
  files: number;
  /** Bytes of the bundle on disk (index, fragments, filters, wasm and the JS we load). */
  bytes: number;
  version: string;
}

/** The installed Pagefind version, read from its package.json. */
export async function pagefindVersion(): Promise<string> {
  // The package's "exports" hide package.json; find it next to the resolved entry (lib/index.js).
  const entry = fileURLToPath(import.meta.resolve('pagefind'));
  const pkg = JSON.parse(await readFile(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** True when `version` ("1.6.0") is at least `min`. */
export function versionAtLeast(version: string, min: readonly number[]): boolean {
  const v = version.split(/[.-]/).map((x) => Number.parseInt(x, 10));
  for (let i = 0; i < min.length; i++) {
    const a = v[i] ?? 0;
    if (a !== min[i]) return a > min[i]!;
  }
  return true;
}

async function dirSize(dir: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      const s = await dirSize(p);
      files += s.files;
      bytes += s.bytes;
    } else {
      files++;
      bytes += (await stat(p)).size;
    }
  }
  return { files, bytes };
}

/**
 * The HTML Pagefind gets for a page: the page's own footers inside `<main>` become `<div>`s
 * (Pagefind drops footer text unconditionally); the site footer, outside `<main>`, is untouched.
 * Each provision heading's `data-provision` id becomes a {@link PROVISION_FILTER} value, in a
 * hidden element only the index sees (the page would carry them twice for nothing).
 */
export function prepareHtml(html: string, foldedMeta = false): string {
  const open = html.search(/<main\b/i);
  const close = html.search(/<\/main>/i);
  if (open < 0 || close < open) return html;
  let inner = html.slice(open, close).replace(/<footer\b/gi, '<div data-was-footer').replace(/<\/footer>/gi, '</div>');
  if (foldedMeta) {
    const text = inner.replace(/<[^>]*>/g, ' ').normalize('NFC');
    const words = new Set((text.match(/[\p{L}\p{M}]*[đĐ][\p{L}\p{M}]*/gu) ?? []).map((w) => w.toLowerCase().replace(/đ/g, 'd')));
    inner += `<span hidden data-pagefind-meta="dfold:${[...words].join(' ')}"></span>`;
  }
  const names = sectionNames(inner);
  if (names) inner += `<span hidden data-pagefind-meta="${SECTION_NAMES_META}:${names}"></span>`;
  const provisions = new Set([...inner.matchAll(/\sdata-provision="([a-z0-9-]+)"/g)].map((m) => m[1]!));
  for (const id of provisions) inner += `<span hidden data-pagefind-filter="${PROVISION_FILTER}:${id}"></span>`;
  return html.slice(0, open) + inner + html.slice(close);
}

/**
 * The words of a page's hand-written section ids that their shown headings do not say, once each
 * (see {@link SECTION_NAMES_META}); '' when there are none. Headings only screen readers see (the
 * metadata panel's) name no part of the text.
 */
export function sectionNames(html: string): string {
  const words = new Set<string>();
  for (const m of html.matchAll(/<h([1-6])\b([^>]*)>([\s\S]*?)<\/h\1>/gi)) {
    const id = /\sid="([a-z0-9-]+)"/.exec(m[2]!)?.[1];
    if (!id || /\bvisually-hidden\b/.test(m[2]!)) continue;
    for (const w of idOnlyText(id, htmlText(m[3]!)).split(' ')) if (w) words.add(w);
  }
  return [...words].join(' ');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Text of an HTML fragment: tags dropped, entities decoded, white space collapsed. */
function htmlText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) =>
      e[0] === '#' ? String.fromCodePoint(Number.parseInt(e.slice(e[1] === 'x' || e[1] === 'X' ? 2 : 1), e[1] === 'x' || e[1] === 'X' ? 16 : 10)) : (ENTITIES[e.toLowerCase()] ?? m),
    )
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Purpose pages whose h2 parts a search result may link to (see {@link purposeRecord}), except parts
 * hidden until they have something to show (the trainer page's results). The quiz's only such part
 * is its self-study list of questions and answers; the home page's is "save for offline".
 */
const SECTION_KINDS: ReadonlySet<string> = new Set(['matrix', 'timeline', 'handout', 'quiz', 'home', 'trainer']);

/**
 * A page's parts a link may open, as {@link SECTIONS_FILTER} values: each h2 with an id, as
 * `id=heading`, followed by the h3 headings inside it ({@link partValue}), by which a
 * query may name it too ("danh sách điểm danh" is a heading inside the meeting kit). An h2 without an
 * id ends the part before it.
 */
function partsOf(html: string): string[] {
  const out: (PagePart & { innerIds: (string | null)[] })[] = [];
  let part: (typeof out)[number] | null = null;
  let after = 0;
  for (const m of html.matchAll(/<h([23])\b([^>]*)>([\s\S]*?)<\/h\1>/gi)) {
    const text = htmlText(m[3]!);
    const own = /\bid="([^"]+)"/.exec(m[2]!)?.[1] ?? null;
    if (m[1] === '2') {
      // A part shown only once there is something in it (the trainer page's results) is no place to link to.
      part = own && text && !inHiddenSection(html, m.index) ? { id: labelledBy(html, own) ?? own, heading: text, inner: [], innerIds: [] } : null;
      if (part) out.push(part);
    } else if (part && text) {
      part.inner.push(text);
      part.innerIds.push(own ?? headedId(html.slice(after, m.index)));
    }
    after = m.index + m[0].length;
  }
  return out.map(({ innerIds, ...p }) => partValue(innerIds.some(Boolean) ? { ...p, innerIds } : p));
}

/**
 * The id of the element a heading labels (`<section id="luu-offline" aria-labelledby="luu-offline-title">`):
 * a link to the part opens at the part, its heading included, rather than at the heading alone.
 */
function labelledBy(html: string, headingId: string): string | null {
  // Only the tags that name this heading among their labels, not every tag of the page.
  const at = headingId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const m of html.matchAll(new RegExp(`<[a-z][a-z0-9-]*\\b[^>]*\\baria-labelledby="(?:[^"]*\\s)?${at}(?:\\s[^"]*)?"[^>]*>`, 'gi'))) {
    const id = /\sid="([^"]+)"/.exec(m[0])?.[1];
    if (id) return id;
  }
  return null;
}

/** True when the `<section>` around position `at` is hidden in the built page. */
function inHiddenSection(html: string, at: number): boolean {
  const before = html.slice(0, at);
  const open = before.lastIndexOf('<section');
  if (open < 0 || before.indexOf('</section>', open) >= 0) return false;
  return /^<section\b[^>]*\shidden[\s>=]/.test(before.slice(open, before.indexOf('>', open) + 1));
}

/**
 * The id of the element an h3 heads, from the markup between the heading before it and the h3: the
 * last element opened there with an id and not closed before the h3 (`<li id="han-thang-10-2019"><h3>`).
 */
function headedId(between: string): string | null {
  const open = [...between.matchAll(/<([a-z][a-z0-9-]*)\b[^>]*\bid="([^"]+)"[^>]*>/gi)].at(-1);
  if (!open) return null;
  const rest = between.slice(open.index + open[0].length);
  return new RegExp(`</${open[1]}\\s*>`, 'i').test(rest) ? null : open[2]!;
}

/** A page under a document's page ("/van-ban/nghi-quyet-45-nq-tw/ap-phich/"): the document's own. */
const UNDER_DOCUMENT = /^\/van-ban\/[^/]+\/[^/]+\/$/;

/**
 * The custom record of a {@link PURPOSE_PAGES} page: its h1, meta description and table captions, and as filters
 * the page kind and every document (of `numbers`) its title names, so "bài kiểm tra kế hoạch 83"
 * finds the quiz among the plan's family. Null when the page has no h1.
 */
export function purposeRecord(
  html: string,
  url: string,
  numbers: readonly string[],
): { url: string; content: string; language: string; meta: Record<string, string>; filters: Record<string, string[]> } | null {
  const kind = pageKindOf(url);
  const h1 = /<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(html);
  // A poster's h1 is its session's or document's title, as printed; its result says it is the poster
  // (the document title, "Áp phích: …", without the site's name).
  const head = kind === 'poster' ? /<title>([^<|]*)/i.exec(html) : null;
  const title = head ? htmlText(head[1]!).trim() : h1 ? htmlText(h1[1]!) : '';
  if (!title) return null;
  // The home page's description names every document: its record says only what the page does.
  const desc = kind === 'home' ? null : /<meta\s+name="description"\s+content="([^"]*)"/i.exec(html);
  const purpose = desc ? htmlText(desc[1]!) : '';
  // Table captions name what the page holds ("Bảng phân công theo cơ quan, đơn vị").
  const captions = [...html.matchAll(/<caption\b[^>]*>([\s\S]*?)<\/caption>/gi)].map((m) => htmlText(m[1]!)).filter(Boolean);
  // The parts a link may open, on pages whose parts are shown (SECTION_KINDS; hidden sections left out).
  const parts = SECTION_KINDS.has(kind) ? partsOf(html) : [];
  const named = numbers.filter((n) => title.includes(n));
  // The timeline lists texts the site does not hold, known only by their dates there.
  const dates = kind === 'timeline' ? [...new Set([...html.matchAll(/<time\b[^>]*\bdatetime="(\d{4}-\d{2}-\d{2})"/gi)].map((m) => m[1]!))] : [];
  const key = `purpose.${kind}`;
  const session = sessionNumberOf(url);
  const use = hasKey(key) ? t(key as 'purpose.deck') : '';
  return {
    url,
    // The home page's title is the site's subject, in every text: its record is what the page does.
    content: [kind === 'home' ? '' : title, purpose, ...captions, use]
      .filter(Boolean)
      .map((l) => (/[.!?…:;]$/.test(l) ? l : `${l}.`))
      .join(' '),
    language: 'vi',
    meta: {
      title,
      ...(captions.length ? { [CAPTIONS_META]: captions.join(CAPTIONS_SEPARATOR) } : {}),
      ...(named.length === 1 ? { number: named[0]! } : {}),
    },
    filters: {
      [KIND_FILTER]: [KIND_VALUES.page],
      ...(named.length ? { [ABOUT_FILTER]: named } : {}),
      // A document's own page (its poster, under its URL) belongs to it, as its text does.
      ...(UNDER_DOCUMENT.test(url) && named.length === 1 ? { [DOC_FILTER]: named } : {}),
      ...(session ? { [SESSION_FILTER]: [String(session)] } : {}),
      ...(parts.length ? { [SECTIONS_FILTER]: parts } : {}),
      ...(dates.length ? { [DATE_FILTER]: dates } : {}),
    },
  };
}

/** The site URL of a built HTML file, relative to the site root: "van-ban/x/index.html" → "/van-ban/x/". */
export function urlOf(relPath: string): string {
  return ('/' + relPath.split(sep).join('/')).replace(/index\.html$/, '');
}

async function htmlFiles(dir: string, root = dir): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (p !== join(root, 'pagefind')) out.push(...(await htmlFiles(p, root)));
    } else if (e.name.endsWith('.html')) out.push(relative(root, p));
  }
  return out.sort();
}

/** The attribute of the search elements that holds Pagefind's cache tag (see {@link stampIndexTag}). */
const INDEX_TAG_ATTR = /\bdata-index-tag="[^"]*"/g;

/**
 * Writes the index's language hash (e.g. `vi_d2e1bcbbb8`, from pagefind-entry.json) into every page's
 * `data-index-tag`, in place of the source hash Astro wrote there. The search code hands the tag to
 * Pagefind as its cache tag (so the entry file's URL changes exactly when the index does), and since
 * the hash also names the index's metadata file (`pagefind.<hash>.pf_meta`), the header box can
 * start that download at focus together with the entry and the wasm, instead of a round trip later
 * when Pagefind has read the entry: on a slow network, one round trip less before the first result.
 * The only change this step makes to the built HTML; pages without a search element are untouched.
 */
export async function stampIndexTag(siteDir: string, outputPath: string): Promise<{ tag: string; pages: number }> {
  const entry = JSON.parse(await readFile(join(outputPath, 'pagefind-entry.json'), 'utf8')) as { languages?: Record<string, { hash?: string }> };
  const tag = entry.languages?.vi?.hash;
  if (!tag || !/^[\w-]+$/.test(tag)) throw new Error(`pagefind-entry.json: no index hash for "vi" (got ${JSON.stringify(tag)})`);
  let pages = 0;
  for (const rel of await htmlFiles(siteDir)) {
    const path = join(siteDir, rel);
    const html = await readFile(path, 'utf8');
    const next = html.replace(INDEX_TAG_ATTR, `data-index-tag="${tag}"`);
    if (next === html) continue;
    await writeFile(path, next);
    pages++;
  }
  return { tag, pages };
}

/** Indexes the built site. Throws with Pagefind's messages when anything goes wrong. */
export async function buildSearchIndex(opts: IndexOptions): Promise<IndexReport> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const siteDir = resolve(opts.siteDir);
  const outputPath = resolve(opts.outputPath ?? join(siteDir, 'pagefind'));
  const version = await pagefindVersion();
  if (!versionAtLeast(version, MIN_PAGEFIND)) {
    throw new Error(`Pagefind ${version} is too old: need ${MIN_PAGEFIND.join('.')} or newer (diacritic folding).`);
  }
  const pagefind = await import('pagefind');
  try {
    // A stale bundle from an earlier build would otherwise be served next to the new one.
    await rm(outputPath, { recursive: true, force: true });
    // Vietnamese everywhere: no stemming, one index (pages all carry lang="vi" anyway).
    // `[data-chrome]` marks UI added around the text (e.g. the "#" link in each provision heading),
    // which must not end up in headings, excerpts or word positions.
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi', excludeSelectors: EXCLUDE_SELECTORS });
    if (!index || errors.length) throw new Error(`Pagefind createIndex: ${errors.join('; ')}`);
    let pageCount = 0;
    const purpose: { rel: string; html: string }[] = [];
    const numbers = new Set<string>();
    for (const rel of await htmlFiles(siteDir)) {
      const html = await readFile(join(siteDir, rel), 'utf8');
      // Pages without data-pagefind-body are left out by Pagefind once any page has it; skip them early.
      if (!/data-pagefind-body/.test(html)) {
        if (PURPOSE_PAGES.some((re) => re.test(urlOf(rel)))) purpose.push({ rel, html });
        continue;
      }
      for (const m of html.matchAll(new RegExp(`data-pagefind-filter="${DOC_FILTER}:([^"]+)"`, 'g'))) numbers.add(htmlText(m[1]!));
      const added = await index.addHTMLFile({ url: urlOf(rel), content: prepareHtml(html, opts.foldedMeta) });
      if (added.errors.length) throw new Error(`Pagefind addHTMLFile ${rel}: ${added.errors.join('; ')}`);
      pageCount++;
    }
    let purposeCount = 0;
    for (const { rel, html } of process.env.NO_PURPOSE ? [] : purpose) {
      const record = purposeRecord(html, urlOf(rel), [...numbers]);
      if (!record) continue;
      const added = await index.addCustomRecord(record);
      if (added.errors.length) throw new Error(`Pagefind addCustomRecord ${rel}: ${added.errors.join('; ')}`);
      purposeCount++;
    }
    if (pageCount === 0) throw new Error('Pagefind indexed no page: is data-pagefind-body missing from the document pages?');
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`Pagefind writeFiles: ${written.errors.join('; ')}`);
    // The UI bundles Pagefind ships are not used (our own UI loads pagefind.js); drop them to keep dist
    // (and the offline download) small.
    // The worker is unused too: the UI runs Pagefind on the main thread (noWorker), which saves its
    // download; were it ever asked for, Pagefind falls back to the main thread by itself.
    for (const f of ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css', 'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-highlight.js', 'pagefind-worker.js']) {
      await rm(join(outputPath, f), { force: true });
    }
    const stamped = await stampIndexTag(siteDir, outputPath);
    const size = await dirSize(outputPath);
    const js = await readFile(join(outputPath, 'pagefind.js'));
    log(
      `Pagefind ${version}: ${pageCount} trang (+ ${purposeCount} trang theo tiêu đề và mục đích), ${size.files} tệp, ${(size.bytes / 1024).toFixed(1)} KB ` +
        `(pagefind.js ${(gzipSync(js).length / 1024).toFixed(1)} KB gzip) → ${outputPath}; thẻ chỉ mục ${stamped.tag} ghi vào ${stamped.pages} trang`,
    );
    return { pages: pageCount, files: size.files, bytes: size.bytes, version };
  } finally {
    await pagefind.close();
  }
}

// Run as a build step.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const siteDir = process.argv[2] || process.env.ASTRO_OUT_DIR || 'dist';
  buildSearchIndex({ siteDir }).catch((err: unknown) => {
    console.error(`✗ ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
