/** The RSS feed's items, newest first: pure ordering and wording, rendered by src/pages/rss.xml.ts with @astrojs/rss. */

/** One entry of the feed. */
export interface FeedItem {
  title: string;
  /** Site path of the page, without base. */
  path: string;
  /** Calendar date YYYY-MM-DD, or undefined when the entry has none (listed last, without pubDate). */
  date: string | undefined;
  /** Summary shown by feed readers. */
  description: string;
  /** Categories, e.g. the document's kind and number. */
  categories: string[];
}

/**
 * Sorts newest first, undated items last; items of the same date keep their given order (e.g. course
 * order of sessions). Does not mutate its input.
 */
export function sortFeed(items: readonly FeedItem[]): FeedItem[] {
  return [...items].sort((a, b) => {
    if (a.date === b.date) return 0;
    if (!a.date) return 1;
    if (!b.date) return -1;
    return a.date < b.date ? 1 : -1;
  });
}

/** A calendar date as a Date at noon UTC, so no time zone moves it to the previous or next day. */
export function feedDate(iso: string): Date {
  return new Date(`${iso}T12:00:00Z`);
}
