/** /rss.xml: documents and study sessions, newest first, with number, date and summary (RSS 2.0 via @astrojs/rss). */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getDocuments } from '../collections/documents.ts';
import { getSessions } from '../components/study/sessions.ts';
import { feedDate, sortFeed } from '../lib/share/feed.ts';
import type { FeedItem } from '../lib/share/feed.ts';
import { formatDateShort } from '../lib/text/date.ts';
import { hasKey, t } from '../i18n/vi.ts';
import { href } from '../url.ts';

export const GET: APIRoute = async ({ site }) => {
  const [docs, sessions] = await Promise.all([getDocuments(), getSessions()]);
  const items: FeedItem[] = [
    ...docs.map((d) => {
      const kindKey = `kind.${d.data.kind}`;
      return {
        title: t('share.feed.document.title', { title: d.data.title, abstract: d.data.abstract }),
        path: `/van-ban/${d.id}/`,
        date: d.data.issuedOn,
        description: t('share.feed.document.description', {
          number: d.data.number,
          issuer: d.data.issuer,
          date: formatDateShort(d.data.issuedOn),
          summary: d.data.description,
        }),
        categories: [t('share.feed.category.document'), hasKey(kindKey) ? t(kindKey) : d.data.kind, d.data.number],
      };
    }),
    ...sessions.map((s) => ({
      title: t('share.feed.study.title', { n: s.data.order, title: s.data.title }),
      path: `/hoc-tap/${s.id}/`,
      date: s.data.publishedOn,
      description: s.data.description,
      categories: [t('share.feed.category.study')],
    })),
  ];
  const origin = site ?? new URL('https://example.invalid');
  return rss({
    title: t('site.title'),
    description: t('site.description'),
    site: new URL(href('/'), origin).href,
    customData: '<language>vi</language>',
    items: sortFeed(items).map((i) => ({
      title: i.title,
      link: new URL(href(i.path), origin).href,
      ...(i.date ? { pubDate: feedDate(i.date) } : {}),
      description: i.description,
      categories: i.categories,
    })),
  });
};
