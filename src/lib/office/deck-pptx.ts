/**
 * A study deck as an editable PowerPoint file (pptxgenjs): 16:9, one slide per deck slide, every text a text box
 * (never a picture of a slide), speaker notes in the notes pane, Arial throughout (on every office PC), text NFC.
 * The look follows the web deck (src/components/slides/SlideView.astro): white slide, dark red accent, title
 * with a rule under it, the "Nguồn:" line of public sources at the foot, "n / total" at the bottom right.
 * Pure (no node:*, no DOM): the build calls it from src/pages/tai-ve/[name].pptx.ts.
 */
import PptxGenJS from 'pptxgenjs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { DeckSlide } from '../slides/deck.ts';
import { plainText, slideText } from './slide-text.ts';
import type { TextBlock, TextRunSpec } from './slide-text.ts';

/** Everything a deck file needs besides the slides. */
export interface DeckPptxInput {
  /** Session title (title slide, file properties). */
  title: string;
  meta: { order: number; duration: number; audience: string };
  slides: readonly DeckSlide[];
  /** Notes of each slide, as markdown with source marks already written out (index = slide number − 1). */
  notes: readonly string[];
  /** Short label of a public source by id, e.g. "Báo Điện Biên Phủ, tin báo". */
  sourceLabel: (id: string) => string;
  /** Absolute URL of a link written in slide markdown (site-relative links get the site address). */
  linkUrl: (href: string) => string;
  /** The closing slide's QR code: PNG as base64 (no data: prefix) and the address it holds. */
  quiz: { qrPngBase64: string; shortUrl: string };
  /** UI strings (from src/i18n/vi/study.ts). */
  labels: {
    kicker: string;
    duration: string;
    audience: string;
    closingLead: string;
    /** "Nguồn:" */
    sources: string;
    author: string;
  };
}

const FONT = 'Arial';
const ACCENT = '8B1A1A';
const FG = '000000';
const SOFT = '333333';
/** 16:9 at 10 × 5.625 in, pptxgenjs' LAYOUT_16x9. */
const W = 10;
const H = 5.625;
/** Padding as on the web slide: 2.8 % / 6 % / 3.9 % of the width. */
const PAD = { top: 0.28, side: 0.6, bottom: 0.39 };
/** Type sizes: the web slide's cqh sizes × 5.625 in × 72 pt. */
const SIZE = { title: 27, cover: 32, kicker: 18, meta: 18, metaSmall: 14.5, body: 20, sources: 10.5, number: 12, url: 17 };

type PptxText = PptxGenJS.TextProps;

function runProps(r: TextRunSpec, base: PptxGenJS.TextPropsOptions, linkUrl: (h: string) => string): PptxText {
  return {
    text: r.text,
    options: {
      ...base,
      bold: r.bold || undefined,
      italic: r.italic || undefined,
      superscript: r.sup || undefined,
      color: r.bold ? ACCENT : base.color,
      hyperlink: r.link ? { url: linkUrl(r.link) } : undefined,
    },
  };
}

/** Text props of slide blocks: each block one paragraph, bullets and numbers as PowerPoint's own. */
function blockProps(blocks: readonly TextBlock[], linkUrl: (h: string) => string): PptxText[] {
  const out: PptxText[] = [];
  blocks.forEach((b, bi) => {
    const run: PptxGenJS.TextPropsOptions = { fontFace: FONT, fontSize: SIZE.body, color: FG, lang: 'vi-VN' };
    // Paragraph properties go on the block's first run only: pptxgenjs starts a new paragraph at every run with a bullet.
    const para: PptxGenJS.TextPropsOptions = {
      ...run,
      paraSpaceAfter: 6,
      indentLevel: b.depth || undefined,
      bullet: b.kind === 'bullet' ? { indent: 18 } : b.kind === 'number' ? { type: 'number', numberStartAt: b.number, indent: 22 } : undefined,
    };
    b.runs.forEach((r, ri) => {
      const p = runProps(r, ri === 0 ? para : run, linkUrl);
      // The last run of a block ends the paragraph (except the last block, which ends the box).
      if (ri === b.runs.length - 1 && bi < blocks.length - 1) p.options = { ...p.options, breakLine: true };
      out.push(p);
    });
  });
  return out;
}

function addTitle(pres: PptxGenJS, slide: PptxGenJS.Slide, title: string): number {
  const h = 0.8;
  slide.addText(title.normalize('NFC'), { x: PAD.side, y: PAD.top, w: W - 2 * PAD.side, h, fontFace: FONT, fontSize: SIZE.title, bold: true, color: FG, valign: 'bottom', margin: 0, fit: 'shrink', lang: 'vi-VN' });
  slide.addShape(pres.ShapeType.line, { x: PAD.side, y: PAD.top + h + 0.06, w: W - 2 * PAD.side, h: 0, line: { color: ACCENT, width: 3 } });
  return PAD.top + h + 0.2;
}

function addNumber(slide: PptxGenJS.Slide, n: number, total: number): void {
  slide.addText(`${n} / ${total}`, { x: W - 1.5, y: H - 0.4, w: 1.2, h: 0.3, fontFace: FONT, fontSize: SIZE.number, color: SOFT, align: 'right', margin: 0 });
}

function titleSlide(slide: PptxGenJS.Slide, s: Extract<DeckSlide, { kind: 'title' }>, input: DeckPptxInput): void {
  const { labels, meta } = input;
  slide.addText(
    [
      { text: labels.kicker.toLocaleUpperCase('vi'), options: { fontSize: SIZE.kicker, bold: true, color: ACCENT, charSpacing: 1, breakLine: true, paraSpaceAfter: 10 } },
      { text: s.title.normalize('NFC'), options: { fontSize: SIZE.cover, bold: true, color: FG, breakLine: true, paraSpaceAfter: 16 } },
      { text: `${labels.duration}`, options: { fontSize: SIZE.meta, color: SOFT, breakLine: true, paraSpaceAfter: 6 } },
      { text: `${labels.audience}: ${meta.audience}`.normalize('NFC'), options: { fontSize: SIZE.metaSmall, color: SOFT } },
    ],
    { x: PAD.side, y: PAD.top, w: W - 2 * PAD.side, h: H - PAD.top - PAD.bottom, fontFace: FONT, valign: 'middle', margin: 0, fit: 'shrink', lang: 'vi-VN' },
  );
}

function listSlide(pres: PptxGenJS, slide: PptxGenJS.Slide, s: Extract<DeckSlide, { kind: 'list' }>): void {
  const y = addTitle(pres, slide, s.title);
  const blocks: TextBlock[] = s.items.map((it, i) => ({ kind: 'number', number: s.start + i, depth: 0, runs: [{ text: it.normalize('NFC') }] }));
  slide.addText(blockProps(blocks, (h) => h), { x: PAD.side, y, w: W - 2 * PAD.side, h: H - y - PAD.bottom - 0.2, valign: 'top', margin: 0, fit: 'shrink' });
}

function contentSlide(pres: PptxGenJS, slide: PptxGenJS.Slide, s: Extract<DeckSlide, { kind: 'content' }>, input: DeckPptxInput): void {
  const y = addTitle(pres, slide, s.title);
  const text = slideText(s.markdown);
  const sourcesH = text.sourceIds.length ? 0.45 : 0;
  slide.addText(blockProps(text.blocks, input.linkUrl), { x: PAD.side, y, w: W - 2 * PAD.side, h: H - y - PAD.bottom - sourcesH - 0.1, valign: 'top', margin: 0, fit: 'shrink' });
  if (sourcesH) {
    const line = `${input.labels.sources} ${text.sourceIds.map((id, i) => `[${i + 1}] ${input.sourceLabel(id)}`).join('; ')}`;
    slide.addText(line.normalize('NFC'), { x: PAD.side, y: H - PAD.bottom - sourcesH, w: W - 2 * PAD.side - 1.0, h: sourcesH, fontFace: FONT, fontSize: SIZE.sources, color: SOFT, valign: 'bottom', margin: 0, fit: 'shrink', lang: 'vi-VN' });
  }
}

function closingSlide(pres: PptxGenJS, slide: PptxGenJS.Slide, s: Extract<DeckSlide, { kind: 'closing' }>, input: DeckPptxInput): void {
  const y = addTitle(pres, slide, s.title);
  const size = Math.min(H * 0.62, H - y - PAD.bottom);
  slide.addImage({ data: `image/png;base64,${input.quiz.qrPngBase64}`, x: PAD.side, y: y + (H - y - PAD.bottom - size) / 2, w: size, h: size, altText: input.quiz.shortUrl });
  const tx = PAD.side + size + 0.5;
  slide.addText(
    [
      { text: input.labels.closingLead.normalize('NFC'), options: { fontSize: SIZE.meta, color: SOFT, breakLine: true, paraSpaceAfter: 10 } },
      { text: input.quiz.shortUrl, options: { fontSize: SIZE.url, bold: true, color: FG } },
    ],
    { x: tx, y, w: W - tx - PAD.side, h: H - y - PAD.bottom, fontFace: FONT, valign: 'middle', margin: 0, fit: 'shrink', lang: 'vi-VN' },
  );
}

/** Builds the presentation object. */
export function buildDeckPptx(input: DeckPptxInput): PptxGenJS {
  const pres = new PptxGenJS();
  pres.layout = 'LAYOUT_16x9';
  pres.title = input.title.normalize('NFC');
  pres.author = input.labels.author;
  pres.theme = { headFontFace: FONT, bodyFontFace: FONT };
  const total = input.slides.length;
  input.slides.forEach((s, i) => {
    const slide = pres.addSlide();
    slide.background = { color: 'FFFFFF' };
    if (s.kind === 'title') titleSlide(slide, s, input);
    else if (s.kind === 'list') listSlide(pres, slide, s);
    else if (s.kind === 'content') contentSlide(pres, slide, s, input);
    else closingSlide(pres, slide, s, input);
    addNumber(slide, s.number, total);
    const notes = plainText(input.notes[i] ?? '');
    if (notes) slide.addNotes(notes);
  });
  return pres;
}

/**
 * pptxgenjs 4.0.1 writes an `<a:pPr>` before every run of a paragraph, not only the first, which the DrawingML
 * schema forbids (PowerPoint 2016 asks to repair the file: gitbrent/PptxGenJS#1083). Keeps only the first.
 */
export function dropLatePPr(xml: string): string {
  return xml.replace(/(<\/a:r>|<a:br\/>)<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/g, '$1');
}

/** The .pptx file bytes, with the slides' paragraph properties repaired (see dropLatePPr). */
export async function deckPptxBytes(input: DeckPptxInput): Promise<Uint8Array> {
  const raw = (await buildDeckPptx(input).write({ outputType: 'uint8array' })) as Uint8Array;
  const files = unzipSync(raw);
  for (const name of Object.keys(files)) {
    if (/^ppt\/(slides|notesSlides)\/[^/]+\.xml$/.test(name)) {
      files[name] = strToU8(dropLatePPr(strFromU8(files[name]!)));
    }
  }
  // Entries keep pptxgenjs' order ([Content_Types].xml first).
  return zipSync(files, { level: 6 });
}
