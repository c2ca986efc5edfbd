/**
 * Astro-side (build time) list of every share card: one per document, study session, deck, quiz and
 * the home page. ShareMeta.astro asks `cardFor(pagePath, Astro.site)` for a page's og:image;
 * src/pages/og/[...card].png.ts renders them.
 */
import { getDocuments } from '../../collections/documents.ts';
import { getSessions, sessionPaths } from '../study/sessions.ts';
import { loadQuizzes } from '../quiz/load.ts';
import { CARD_HEIGHT, CARD_WIDTH, cardAlt, cardPath } from '../../lib/share/card.ts';
import type { CardInput } from '../../lib/share/card.ts';
import { formatDateShort } from '../../lib/text/date.ts';
import { hasKey, t } from '../../i18n/vi.ts';
import { href } from '../../url.ts';

/** A card (all but the site's address) and the page it belongs to. */
export interface PageCard {
  /** Site path of the page, without base, e.g. "/van-ban/ke-hoach-83-kh-tu/". */
  pagePath: string;
  fields: Omit<CardInput, 'url'>;
}

function card(pagePath: string, fields: Omit<CardInput, 'site' | 'url'>): PageCard {
  return { pagePath, fields: { site: t('site.title'), ...fields } };
}

/**
 * The full card input, with the site's address (host and base path, no scheme) from `site`, which is
 * Astro.site (SITE_URL) as the caller sees it at render time.
 */
export function cardInput(c: PageCard, site: URL | undefined): CardInput {
  const address = new URL(href('/'), site ?? 'https://example.invalid').href.replace(/^https?:\/\//, '').replace(/\/$/, '');
  return { ...c.fields, url: address };
}

let all: Promise<PageCard[]> | undefined;
let byPath: Promise<Map<string, PageCard>> | undefined;

/** Every card of the site (computed once per build). */
export function allCards(): Promise<PageCard[]> {
  all ??= collect();
  return all;
}

async function collect(): Promise<PageCard[]> {
  const [docs, sessions, quizzes] = await Promise.all([getDocuments(), getSessions(), loadQuizzes()]);
  const cards: PageCard[] = [
    card('/', { kicker: t('share.card.home.kicker'), title: t('home.title'), subtitle: t('share.card.home.subtitle'), footer: t('share.card.home.footer') }),
  ];
  for (const d of docs) {
    const kindKey = `kind.${d.data.kind}`;
    const date = formatDateShort(d.data.issuedOn);
    cards.push(
      card(`/van-ban/${d.id}/`, {
        kicker: t('share.card.document.kicker', { kind: hasKey(kindKey) ? t(kindKey) : d.data.kind, issuer: d.data.issuer }),
        title: d.data.title,
        subtitle: d.data.abstract,
        footer: t(d.data.textKind === 'full' ? 'share.card.document.full' : 'share.card.document.summary', { date }),
      }),
    );
  }
  for (const s of sessions) {
    const paths = sessionPaths(s);
    const common = { title: s.data.title, subtitle: s.data.description };
    cards.push(
      card(paths.read, { ...common, kicker: t('share.card.study.kicker', { n: s.data.order }), footer: t('share.card.study.footer', { minutes: s.data.duration }) }),
      card(paths.deck, { ...common, kicker: t('share.card.deck.kicker', { n: s.data.order }), footer: t('share.card.deck.footer') }),
    );
  }
  for (const q of quizzes) {
    cards.push(
      card(`/kiem-tra/${q.id}/`, {
        kicker: t('share.card.quiz.kicker'),
        title: q.client.title,
        subtitle: q.description,
        footer: t('share.card.quiz.footer', { draw: q.client.draw, pass: q.client.passPercent }),
      }),
    );
  }
  return cards;
}

/** The og:image of a page: absolute URL, size and alt text, or undefined when the page has no card. */
export async function cardFor(pagePath: string, site: URL | undefined): Promise<{ url: string; alt: string; width: number; height: number } | undefined> {
  byPath ??= allCards().then((cards) => new Map(cards.map((c) => [c.pagePath, c])));
  const c = (await byPath).get(pagePath);
  if (!c) return undefined;
  return {
    url: new URL(href(cardPath(pagePath)), site ?? 'https://example.invalid').href,
    alt: t('share.card.alt', { text: cardAlt(cardInput(c, site)) }),
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
  };
}
