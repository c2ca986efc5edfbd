/** /og/<page path>.png: the share card (og:image) of a document, study session, deck, quiz or the home page. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { allCards, cardInput } from '../../components/share/cards.ts';
import type { PageCard } from '../../components/share/cards.ts';
import { prerender, renderCard } from '../../components/share/og-render.ts';
import { cardParam } from '../../lib/share/card.ts';

export const getStaticPaths = (async () =>
  (await allCards()).map((c) => ({ params: { card: cardParam(c.pagePath) }, props: { card: c } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: PageCard }> = async ({ props, site }) => {
  // The first card asked for starts all uncached cards rendering in parallel; later calls are no-ops.
  prerender((await allCards()).map((c) => cardInput(c, site)));
  const png = await renderCard(cardInput(props.card, site));
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
