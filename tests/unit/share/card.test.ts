import { describe, expect, it } from 'vitest';
import { cardAlt, cardParam, cardPath, cardTree, clampWords, titleSize } from '../../../src/lib/share/card.ts';
import type { CardNode } from '../../../src/lib/share/card.ts';
import { feedDate, sortFeed } from '../../../src/lib/share/feed.ts';
import type { FeedItem } from '../../../src/lib/share/feed.ts';

const texts = (n: CardNode | string): string[] =>
  typeof n === 'string' ? [n] : [n.props.children ?? []].flat().flatMap((c) => texts(c as CardNode | string));

describe('clampWords', () => {
  it('keeps short text, normalised to NFC with single spaces', () => {
    expect(clampWords('  Kế hoạch\n số 83-KH/TU ', 50)).toBe('Kế hoạch số 83-KH/TU');
    expect(clampWords('ỗ'.normalize('NFD'), 5)).toBe('ỗ');
  });
  it('cuts only between words and marks the cut', () => {
    const out = clampWords('Về xây dựng đội ngũ trí thức trong thời kỳ đẩy mạnh', 20);
    expect(out).toBe('Về xây dựng đội ngũ…');
    expect(out.length).toBeLessThanOrEqual(20);
    const words = new Set('Về xây dựng đội ngũ trí thức trong thời kỳ đẩy mạnh'.split(' '));
    for (const w of out.slice(0, -1).split(' ')) expect(words.has(w)).toBe(true);
  });
  it('drops trailing punctuation before the ellipsis and keeps a single long word whole', () => {
    expect(clampWords('Mục đích, yêu cầu và nhiệm vụ', 12)).toBe('Mục đích…');
    expect(clampWords('Siêu-dài-không-có-khoảng-trắng', 5)).toBe('Siêu-dài-không-có-khoảng-trắng…');
  });
});

describe('card layout', () => {
  const input = { site: 'Trí thức Điện Biên', kicker: 'Kế hoạch · Tỉnh ủy Điện Biên', title: 'Kế hoạch số 83-KH/TU', subtitle: 'triển khai Kết luận số 52-KL/TW', footer: 'Toàn văn chính thức', url: 'example.vn' };
  it('puts each word of the title in its own box, so lines break only between words', () => {
    const all = texts(cardTree(input));
    expect(all).toContain('83-KH/TU');
    expect(all).toContain('Kế');
    expect(all).not.toContain('Kế hoạch số 83-KH/TU');
  });
  it('writes text in NFC (precomposed stacked marks)', () => {
    const all = texts(cardTree({ ...input, title: 'Đội ngũ trí thức ỗ ậ'.normalize('NFD') })).join(' ');
    expect(all).toContain('ỗ');
    expect(all).toContain('ậ');
    expect(all).toBe(all.normalize('NFC'));
  });
  it('sizes long titles smaller', () => {
    expect(titleSize('ngắn')).toBeGreaterThan(titleSize('x'.repeat(100)));
  });
  it('describes itself for the alt text', () => {
    expect(cardAlt(input)).toBe('Kế hoạch · Tỉnh ủy Điện Biên. Kế hoạch số 83-KH/TU. Toàn văn chính thức');
  });
});

describe('card paths', () => {
  it('mirrors the page path', () => {
    expect(cardPath('/van-ban/ke-hoach-83-kh-tu/')).toBe('/og/van-ban/ke-hoach-83-kh-tu.png');
    expect(cardPath('/hoc-tap/01-a/trinh-chieu/')).toBe('/og/hoc-tap/01-a/trinh-chieu.png');
    expect(cardPath('/')).toBe('/og/trang-chu.png');
    expect(cardParam('/kiem-tra/01-a/')).toBe('kiem-tra/01-a');
  });
});

describe('feed order', () => {
  const item = (title: string, date: string | undefined): FeedItem => ({ title, date, path: `/${title}/`, description: title, categories: [] });
  it('puts the newest first, keeps same-day order, undated last, and leaves its input alone', () => {
    const input = [item('a', '2008-08-06'), item('s1', '2026-11-27'), item('u', undefined), item('s2', '2026-11-27'), item('b', '2019-08-27')];
    expect(sortFeed(input).map((i) => i.title)).toEqual(['s1', 's2', 'b', 'a', 'u']);
    expect(input[0]!.title).toBe('a');
  });
  it('dates at noon UTC so the calendar day never shifts', () => {
    expect(feedDate('2019-08-27').toUTCString()).toBe('Tue, 27 Aug 2019 12:00:00 GMT');
  });
});
