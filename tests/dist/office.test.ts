/**
 * The office files of the build (/tai-ve/: decks as .pptx, Word files in the Party layout) opened in real office
 * software: LibreOffice headless converts every file to PDF (page counts via pdfinfo), the decks to ODP (slides and
 * notes as LibreOffice read them) and the Word files to plain text. Checked against the built pages and content/:
 * one slide per deck slide with its title, "Nguồn:" line and notes; the plan's text line for line as in
 * content/sources; the handouts' agenda, questions and attendance sheet; the template's căn cứ line and headings.
 * Also: every page that should link a file does, and the offline download lists every file.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, copyFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { parse as parseYaml } from 'yaml';
import { selectAll } from 'hast-util-select';
import type { Element, Nodes } from 'hast';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basePath, distDir, fileForUrl, parseHtml, select } from '../../scripts/lib/dist.ts';

const root = distDir();
const base = basePath();
const studyIds = readdirSync('content/study').filter((f) => f.endsWith('.mdx')).map((f) => f.slice(0, -4));
const planSource = 'content/sources/ke-hoach-83-kh-tu.txt';

/** Words of a text, NFC, lower case: compares texts whatever their markup, bullets or line breaks. */
const words = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi').split(/[^\p{L}\p{N}]+/u).filter(Boolean).join(' ');
const lines = (s: string) => s.normalize('NFC').replace(/^\uFEFF/, '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

function text(n: Nodes): string {
  if (n.type === 'text') return n.value;
  if ('children' in n) return (n.children as Nodes[]).map(text).join(' ');
  return '';
}

function page(path: string) {
  const file = fileForUrl(`${base}${path.replace(/^\//, '')}`);
  if (!file) throw new Error(`no page ${path}`);
  return parseHtml(readFileSync(file, 'utf8'));
}

function frontMatter(id: string): { agenda: { title: string }[]; discussion: string[]; title: string } {
  const src = readFileSync(`content/study/${id}.mdx`, 'utf8');
  return parseYaml(/^---\r?\n([\s\S]*?)\r?\n---/.exec(src)![1]!);
}

let work = '';
let profile = '';

/** Runs LibreOffice headless with its own profile (parallel runs do not clash); generous timeout, no timing checks. */
function soffice(format: string, files: string[]): void {
  const res = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', format, '--outdir', work, ...files], {
    cwd: work,
    encoding: 'utf8',
    timeout: 600_000,
  });
  if (res.status !== 0) throw new Error(`soffice --convert-to ${format} failed: ${res.stderr || res.error}`);
}

const out = (name: string, ext: string) => join(work, name.replace(/\.[^.]+$/, `.${ext}`));

function pdfPages(pdf: string): number {
  const res = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(res.stdout)?.[1] ?? NaN);
}

/** The ODP's pages: all their text, and the text of their notes, as LibreOffice read the .pptx. */
function odpPages(odp: string): { text: string; notes: string; images: number }[] {
  const xml = strFromU8(unzipSync(readFileSync(odp))['content.xml']!);
  return [...xml.matchAll(/<draw:page\b[\s\S]*?<\/draw:page>/g)].map((m) => {
    const notes = /<presentation:notes\b[\s\S]*?<\/presentation:notes>/.exec(m[0])?.[0] ?? '';
    const entities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    const strip = (s: string) =>
      s
        .replace(/<[^>]+>/g, ' ')
        .replace(/&#(x?)([0-9a-f]+);/gi, (_m, x: string, n: string) => String.fromCodePoint(parseInt(n, x ? 16 : 10)))
        .replace(/&(\w+);/g, (m, n: string) => entities[n] ?? m);
    return { text: strip(m[0].replace(notes, '')), notes: strip(notes), images: (m[0].replace(notes, '').match(/<draw:image\b/g) ?? []).length };
  });
}

const files = existsSync(join(root, 'tai-ve')) ? readdirSync(join(root, 'tai-ve')).sort() : [];
const pptx = files.filter((f) => f.endsWith('.pptx'));
const docx = files.filter((f) => f.endsWith('.docx'));

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'tt-office-'));
  profile = mkdtempSync(join(tmpdir(), 'tt-office-profile-'));
  for (const f of files) copyFileSync(join(root, 'tai-ve', f), join(work, f));
  soffice('pdf', files);
  soffice('odp', pptx);
  soffice('txt:Text (encoded):UTF8', docx);
}, 1_200_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
  if (profile) rmSync(profile, { recursive: true, force: true });
});

describe('office files exist for every session and every official text', () => {
  it('has a deck and a handout per session, the plan and its unit template', () => {
    expect(studyIds.length).toBeGreaterThanOrEqual(3);
    for (const id of studyIds) {
      expect(pptx).toContain(`${id}.pptx`);
      expect(docx).toContain(`${id}-tai-lieu.docx`);
    }
    expect(docx).toContain('ke-hoach-83-kh-tu.docx');
    expect(docx).toContain('mau-ke-hoach-don-vi-ke-hoach-83-kh-tu.docx');
  });

  it('lists every file in the offline download', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'offline-manifest.json'), 'utf8')) as { files: { url: string }[] };
    const urls = new Set(manifest.files.map((f) => f.url));
    for (const f of files) expect(urls, f).toContain(`tai-ve/${f}`);
  });
});

describe.each(studyIds)('deck %s as PowerPoint, opened in LibreOffice Impress', (id) => {
  const deckPage = () => page(`/hoc-tap/${id}/trinh-chieu/`);
  const slidesOf = () => select(deckPage(), '[data-deck-item]');

  it('has exactly the deck slides, each with its title and its "Nguồn:" line, in order', () => {
    const slides = slidesOf();
    expect(slides.length).toBeGreaterThan(3);
    expect(pdfPages(out(`${id}.pptx`, 'pdf'))).toBe(slides.length);
    const pages = odpPages(out(`${id}.pptx`, 'odp'));
    expect(pages).toHaveLength(slides.length);
    slides.forEach((s, i) => {
      const title = text(selectAll('.slide__title', s)[0] as Element);
      expect(words(pages[i]!.text), `slide ${i + 1}`).toContain(words(title));
      for (const src of selectAll('.slide__sources', s)) expect(words(pages[i]!.text), `slide ${i + 1} sources`).toContain(words(text(src)));
    });
    // The closing slide carries the quiz QR code as an image.
    expect(pages[pages.length - 1]!.images).toBe(1);
  });

  it('keeps the speaker notes in the notes pane', () => {
    const presenter = select(page(`/hoc-tap/${id}/nguoi-trinh-bay/`), '[data-deck-item]');
    const pages = odpPages(out(`${id}.pptx`, 'odp'));
    let withNotes = 0;
    presenter.forEach((item, i) => {
      const notesEl = selectAll('[data-notes] > div', item)[0];
      if (!notesEl) return;
      withNotes++;
      // The first dozen words of the notes, as the presenter view shows them.
      const expected = words(text(notesEl)).split(' ').slice(0, 12).join(' ');
      expect(words(pages[i]!.notes), `notes of slide ${i + 1}`).toContain(expected);
      expect(words(pages[i]!.text)).not.toContain(expected);
    });
    expect(withNotes).toBeGreaterThan(0);
  });

  it('writes paragraph properties only at the start of a paragraph (PowerPoint repairs files otherwise)', () => {
    const zip = unzipSync(readFileSync(join(root, 'tai-ve', `${id}.pptx`)));
    const slides = Object.keys(zip).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
    expect(slides.length).toBe(slidesOf().length);
    for (const f of slides) expect(strFromU8(zip[f]!)).not.toMatch(/<\/a:r><a:pPr/);
  });
});

describe('the plan 83-KH/TU as Word, opened in LibreOffice Writer', () => {
  it('holds every line of the official text in order and nothing else in its body', () => {
    const got = lines(readFileSync(out('ke-hoach-83-kh-tu.docx', 'txt'), 'utf8'));
    expect(got).toEqual(lines(readFileSync(planSource, 'utf8')));
  });

  it('has sensible pages and the site note outside the text', () => {
    const pdf = out('ke-hoach-83-kh-tu.docx', 'pdf');
    const n = pdfPages(pdf);
    expect(n).toBeGreaterThanOrEqual(3);
    expect(n).toBeLessThanOrEqual(6);
    const first = spawnSync('pdftotext', ['-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' }).stdout.normalize('NFC');
    expect(first).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(first).toContain('Ghi chú của trang');
    expect(first).toContain('content/sources/ke-hoach-83-kh-tu.txt');
  });
});

describe.each(studyIds)('handout %s as Word', (id) => {
  it('holds the agenda, the discussion questions and the attendance sheet', () => {
    const got = words(readFileSync(out(`${id}-tai-lieu.docx`, 'txt'), 'utf8'));
    const fm = frontMatter(id);
    expect(got).toContain(words(fm.title));
    for (const a of fm.agenda) expect(got).toContain(words(a.title));
    for (const q of fm.discussion) expect(got).toContain(words(q));
    expect(got).toContain(words('Danh sách điểm danh'));
    expect(got).toContain(words('Họ và tên'));
    const n = pdfPages(out(`${id}-tai-lieu.docx`, 'pdf'));
    expect(n).toBeGreaterThanOrEqual(3);
    expect(n).toBeLessThanOrEqual(8);
  });
});

describe('the unit plan template', () => {
  it('has the Party layout, the căn cứ line and the plan headings, and none of the plan body', () => {
    const got = lines(readFileSync(out('mau-ke-hoach-don-vi-ke-hoach-83-kh-tu.docx', 'txt'), 'utf8'));
    const all = got.join('\n');
    expect(all).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(all).toMatch(/Căn cứ Kế hoạch số 83-KH\/TU, ngày 27\/8\/2019/);
    for (const h of ['I- MỤC ĐÍCH, YÊU CẦU', '1. Mục đích', '2. Yêu cầu', 'II- NỘI DUNG', 'III- TỔ CHỨC THỰC HIỆN']) expect(got).toContain(h);
    // No sentence of the plan's body is copied into the template.
    const source = lines(readFileSync(planSource, 'utf8'));
    const body = source.slice(source.indexOf('-----') + 1).filter((l) => l.length > 120);
    expect(body.length).toBeGreaterThan(5);
    for (const l of body) expect(all).not.toContain(l);
    expect(pdfPages(out('mau-ke-hoach-don-vi-ke-hoach-83-kh-tu.docx', 'pdf'))).toBeLessThanOrEqual(3);
  });
});

describe('pages link the files (plain links in the HTML)', () => {
  const linked = (path: string, file: string) =>
    select(page(path), 'a[download]').some((a) => String(a.properties.href) === `${base}tai-ve/${file}`);

  it.each(studyIds)('session %s: reading page, deck, presenter view and handout', (id) => {
    for (const p of [`/hoc-tap/${id}/`, `/hoc-tap/${id}/trinh-chieu/`, `/hoc-tap/${id}/nguoi-trinh-bay/`, `/hoc-tap/${id}/tai-lieu/`]) expect(linked(p, `${id}.pptx`), p).toBe(true);
    expect(linked(`/hoc-tap/${id}/tai-lieu/`, `${id}-tai-lieu.docx`)).toBe(true);
  });

  it('the plan page: its Word file and the unit template', () => {
    expect(linked('/van-ban/ke-hoach-83-kh-tu/', 'ke-hoach-83-kh-tu.docx')).toBe(true);
    expect(linked('/van-ban/ke-hoach-83-kh-tu/', 'mau-ke-hoach-don-vi-ke-hoach-83-kh-tu.docx')).toBe(true);
  });
});
