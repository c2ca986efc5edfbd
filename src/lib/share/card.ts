/**
 * Share cards (og:image): what a card says, where it lives and how it is laid out. Pure: the
 * layout is a satori element tree built from plain objects; rendering to PNG happens at build time
 * in src/components/share/og-render.ts.
 */

/** Width and height of every card, the size Zalo and Facebook show large. */
export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** Bumped whenever the layout below changes, so cached PNGs are rendered again. */
export const CARD_LAYOUT_VERSION = 1;

/** What one card says. Every field is plain text (Vietnamese, any Unicode normal form). */
export interface CardInput {
  /** The site's name, top left. */
  site: string;
  /** Kind of page and, for documents, the document's kind and number, e.g. "Văn bản · Kế hoạch số 83-KH/TU". */
  kicker: string;
  /** The large heading. Wrapped between words, shortened at a word boundary if very long. */
  title: string;
  /** Second, smaller text under the title (a document's abstract, a session's description). */
  subtitle?: string;
  /** The short line of what the page is, e.g. "Toàn văn chính thức · ngày 27/8/2019". */
  footer: string;
  /** The site's address without scheme (host and base path), shown bottom right. */
  url: string;
}

/** A satori element: the same shape React elements have, built by hand. */
export interface CardNode {
  type: string;
  props: { style?: Record<string, string | number>; children?: string | CardNode | (string | CardNode)[] };
}

/**
 * Shortens text to at most `max` characters at a word boundary, adding "…". Never cuts a word.
 * @example clampWords('Về xây dựng đội ngũ trí thức', 15) // "Về xây dựng…"
 */
export function clampWords(text: string, max: number): string {
  const s = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (s.length <= max) return s;
  const words = s.split(' ');
  let out = '';
  for (const w of words) {
    const next = out ? `${out} ${w}` : w;
    if (next.length + 1 > max) break;
    out = next;
  }
  // A single word longer than the limit is kept whole: cutting it would be worse than overflowing.
  return `${(out || words[0]!).replace(/[,;:.\-–]+$/, '')}…`;
}

/** Font size of the title by its length, so short titles are bold and long ones still fit in four lines. */
export function titleSize(title: string): number {
  const n = title.length;
  if (n <= 28) return 76;
  if (n <= 56) return 64;
  if (n <= 90) return 54;
  return 46;
}

const ACCENT = '#8b1a1a';
const INK = '#1a1a1a';
const SOFT = '#4a4a4a';

/** A run of words laid out as flex items, so a line can only break between words. */
function words(text: string, style: Record<string, string | number>): CardNode {
  const fontSize = Number(style.fontSize);
  return {
    type: 'div',
    props: {
      style: { display: 'flex', flexWrap: 'wrap', ...style },
      children: text.split(' ').map((w) => ({
        type: 'span',
        props: { style: { flexShrink: 0, whiteSpace: 'nowrap', marginRight: Math.round(fontSize * 0.26) }, children: w },
      })),
    },
  };
}

/** The satori element tree of a card. Text is NFC so stacked marks ("ỗ", "ậ") map to the font's precomposed glyphs. */
export function cardTree(input: CardInput): CardNode {
  const title = clampWords(input.title, 130);
  const subtitle = input.subtitle ? clampWords(input.subtitle, title.length > 56 ? 90 : 150) : '';
  const size = titleSize(title);
  const nfc = (s: string) => s.normalize('NFC');
  const children: CardNode[] = [
    {
      type: 'div',
      props: {
        style: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', fontSize: 30, fontWeight: 700, color: ACCENT },
        children: [
          { type: 'div', props: { style: { display: 'flex' }, children: nfc(input.site) } },
          { type: 'div', props: { style: { display: 'flex', width: 64, height: 8, backgroundColor: ACCENT } } },
        ],
      },
    },
    {
      type: 'div',
      props: {
        style: { display: 'flex', flexDirection: 'column', flexGrow: 1, justifyContent: 'center' },
        children: [
          words(nfc(clampWords(input.kicker, 60)), { fontSize: 30, fontWeight: 700, color: SOFT, marginBottom: 18, textTransform: 'none' }),
          words(nfc(title), { fontSize: size, fontWeight: 700, color: INK, lineHeight: 1.18 }),
          ...(subtitle ? [words(nfc(subtitle), { fontSize: 32, fontWeight: 400, color: SOFT, lineHeight: 1.3, marginTop: 22 })] : []),
        ],
      },
    },
    {
      type: 'div',
      props: {
        style: { display: 'flex', justifyContent: 'space-between', alignItems: 'flex-end', fontSize: 26, color: SOFT, borderTop: `3px solid ${ACCENT}`, paddingTop: 18 },
        children: [
          words(nfc(clampWords(input.footer, 70)), { fontSize: 26, fontWeight: 700, color: INK, flexShrink: 1, marginRight: 24 }),
          { type: 'div', props: { style: { display: 'flex', flexShrink: 0, whiteSpace: 'nowrap' }, children: nfc(input.url) } },
        ],
      },
    },
  ];
  // Explicit sizes on both boxes: satori's layout does not take padding or borders out of a set width.
  const band = 20;
  const padX = { left: 64, right: 64 };
  return {
    type: 'div',
    props: {
      style: { display: 'flex', flexDirection: 'row', width: CARD_WIDTH, height: CARD_HEIGHT, backgroundColor: '#fffdf8', fontFamily: 'Be Vietnam Pro' },
      children: [
        { type: 'div', props: { style: { display: 'flex', width: band, height: CARD_HEIGHT, backgroundColor: ACCENT } } },
        {
          type: 'div',
          props: {
            style: {
              display: 'flex',
              flexDirection: 'column',
              width: CARD_WIDTH - band - padX.left - padX.right,
              height: CARD_HEIGHT - 48 - 44,
              margin: `48px ${padX.right}px 44px ${padX.left}px`,
            },
            children,
          },
        },
      ],
    },
  };
}

/** The alt text of a card: what it shows, in one sentence. */
export function cardAlt(input: CardInput): string {
  return [input.kicker, input.title, input.footer].map((s) => s.normalize('NFC').trim()).filter(Boolean).join('. ');
}

/**
 * Where a page's card lives, from the page's site path (without base).
 * @example cardPath('/van-ban/ke-hoach-83-kh-tu/') // "/og/van-ban/ke-hoach-83-kh-tu.png"
 * @example cardPath('/') // "/og/trang-chu.png"
 */
export function cardPath(pagePath: string): string {
  const p = pagePath.replace(/^\/+|\/+$/g, '');
  return `/og/${p || 'trang-chu'}.png`;
}

/** The route parameter of a card (the part between "/og/" and ".png"), from the page's site path. */
export function cardParam(pagePath: string): string {
  return cardPath(pagePath).slice('/og/'.length, -'.png'.length);
}
