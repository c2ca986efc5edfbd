/**
 * Astro-side access to study sessions (build time only): sorted entries, and everything the
 * reading page, deck, presenter view and handout derive from one MDX file.
 */
import { getCollection } from 'astro:content';
import type { CollectionEntry } from 'astro:content';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import QRCode from 'qrcode';
import { parseSession } from '../../lib/slides/parse.ts';
import type { ParsedSession } from '../../lib/slides/parse.ts';
import { buildDeck } from '../../lib/slides/deck.ts';
import type { DeckSlide } from '../../lib/slides/deck.ts';
import { t } from '../../i18n/vi.ts';
import type { UiKey } from '../../i18n/vi.ts';
import { inlineSourceTags, numberSourceTags } from '../../lib/content/citations.ts';
import { href } from '../../url.ts';

/** A study entry. */
export type StudyEntry = CollectionEntry<'study'>;

/** All sessions in course order. */
export async function getSessions(): Promise<StudyEntry[]> {
  const all = await getCollection('study');
  return all.sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id));
}

/** Site paths of a session's outputs. */
export function sessionPaths(entry: StudyEntry) {
  const base = `/hoc-tap/${entry.id}/`;
  return {
    read: base,
    deck: `${base}trinh-chieu/`,
    presenter: `${base}nguoi-trinh-bay/`,
    handout: `${base}tai-lieu/`,
    quiz: `/kiem-tra/${entry.data.quiz}/`,
    /** The deck as PowerPoint and the handout as Word (src/pages/tai-ve/). */
    pptx: `/tai-ve/${entry.id}.pptx`,
    handoutDocx: `/tai-ve/${entry.id}-tai-lieu.docx`,
  };
}

/**
 * A deck slide with its HTML rendered at build time, the public sources its marks `[n]` point to, and its notes as
 * markdown with the sources written out (for the PowerPoint notes pane).
 */
export type RenderedSlide = DeckSlide & { html: string; notesHtml: string; notesMarkdown: string; sources: string[] };

/** The deck of one session, rendered, plus the quiz link and its QR code. */
export interface RenderedDeck {
  parsed: ParsedSession;
  slides: RenderedSlide[];
  quizUrl: string;
  quizShortUrl: string;
  qrSvg: string;
  /** Short label of a public source by id ("publisher, kind"), as the slides show it. */
  sourceLabel: (id: string) => string;
}

let processor: Awaited<ReturnType<typeof createMarkdownProcessor>> | undefined;
const cache = new Map<string, Promise<RenderedDeck>>();

/** Root-relative links in rendered markdown get the deployment base path. */
function withBase(html: string): string {
  return html.replace(/(href|src)="\/(?!\/)/g, (_m, attr: string) => `${attr}="${href('/')}`);
}

async function md(source: string): Promise<string> {
  if (!source.trim()) return '';
  processor ??= await createMarkdownProcessor({ syntaxHighlight: false, smartypants: false, gfm: true });
  return withBase((await processor.render(source)).code);
}

/** Renders (once per build) the deck of a session. `site` is Astro.site, for the absolute quiz URL. */
export function renderDeck(entry: StudyEntry, site: URL | undefined): Promise<RenderedDeck> {
  let p = cache.get(entry.id);
  if (!p) {
    p = build(entry, site);
    cache.set(entry.id, p);
  }
  return p;
}

async function build(entry: StudyEntry, site: URL | undefined): Promise<RenderedDeck> {
  const parsed = parseSession(entry.body ?? '');
  const deck = buildDeck(entry.data, parsed.slides, {
    objectives: t('study.objectives'),
    discussion: t('study.discussion'),
    closing: t('deck.closing'),
    continued: t('deck.continued'),
  });
  const known = new Map((await getCollection('sources')).map((s) => [s.id, s.data]));
  const short = (id: string) => {
    const s = known.get(id);
    return s ? `${s.publisher}, ${t(`sources.kind.${s.kind}` as UiKey)}` : id;
  };
  const slides = await Promise.all(
    deck.map(async (s) => {
      const body = s.kind === 'content' ? numberSourceTags(s.markdown) : { markdown: '', ids: [] };
      const notesMarkdown = inlineSourceTags(s.notes, (id) => ` (${t('sources.slide')} ${short(id)})`);
      return {
        ...s,
        html: s.kind === 'content' ? await md(body.markdown) : '',
        notesHtml: await md(notesMarkdown),
        notesMarkdown,
        sources: body.ids.map((id, i) => `[${i + 1}] ${short(id)}`),
      };
    }),
  );
  const quizUrl = new URL(href(sessionPaths(entry).quiz), site ?? 'https://example.invalid').href;
  const quizShortUrl = quizUrl.replace(/^https?:\/\//, '');
  // Built here, inline, so the closing slide works with no network and no client code.
  const svg = await QRCode.toString(quizUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M', color: { dark: '#000000', light: '#ffffff' } });
  // The wrapper carries role="img" and the label; the SVG itself is decoration.
  const qrSvg = svg.replace('<svg ', '<svg aria-hidden="true" focusable="false" ');
  return { parsed, slides, quizUrl, quizShortUrl, qrSvg, sourceLabel: short };
}
