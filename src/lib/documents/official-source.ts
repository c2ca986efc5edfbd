/**
 * Where a document's text is published. The Party's document portal is the official source; any
 * other address is a republication, and the page must say so rather than pass it off as official.
 */

/** Hosts of official publications of Party documents. */
export const OFFICIAL_HOSTS = ['tulieuvankien.dangcongsan.vn', 'dangcongsan.vn'] as const;

/** What the page can say about a document's published text. */
export interface SourceInfo {
  /** `official`: on the official portal; `republished`: another site; `none`: no address known. */
  kind: 'official' | 'republished' | 'none';
  url?: string;
  /** Host name shown as the link text, e.g. "tulieuvankien.dangcongsan.vn". */
  host?: string;
}

/** Classifies a document's `officialUrl`. */
export function sourceInfo(url: string | undefined): SourceInfo {
  if (!url) return { kind: 'none' };
  let host: string;
  try {
    host = new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return { kind: 'none' };
  }
  const official = OFFICIAL_HOSTS.some((h) => host === h || host.endsWith(`.${h}`));
  return { kind: official ? 'official' : 'republished', url, host };
}
