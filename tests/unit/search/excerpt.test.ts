import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bestWindow, escapeHtml, highlightWords } from '../../../src/lib/search/excerpt.ts';

describe('escapeHtml', () => {
  it('escapes markup and quotes', () => {
    expect(escapeHtml(`<script>"a" & 'b'</script>`)).toBe('&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;');
  });
});

describe('highlightWords', () => {
  it('wraps adjacent matches in one mark', () => {
    expect(highlightWords(['Đảng', 'ủy', 'viên'], new Set([0, 1]))).toBe('<mark>Đảng ủy</mark> viên');
    expect(highlightWords(['a', 'b', 'c'], new Set([0, 2]))).toBe('<mark>a</mark> b <mark>c</mark>');
  });
  it('respects the offset', () => {
    expect(highlightWords(['x', 'y'], new Set([11]), 10)).toBe('x <mark>y</mark>');
  });
  it('only ever emits <mark> tags, whatever the words', () => {
    fc.assert(
      fc.property(fc.array(fc.string()), fc.array(fc.nat(20)), (words, marks) => {
        const html = highlightWords(words, new Set(marks));
        return html.replace(/<\/?mark>/g, '').match(/[<>"]/) === null;
      }),
    );
  });
});

describe('bestWindow', () => {
  it('picks the densest window', () => {
    const w = new Map([[2, 1], [50, 1], [52, 1], [55, 1]]);
    expect(bestWindow(w, 0, 100, 10)).toBe(46);
  });
  it('stays inside the range', () => {
    const w = new Map([[98, 1]]);
    expect(bestWindow(w, 0, 100, 10)).toBe(90);
    expect(bestWindow(new Map(), 5, 8, 10)).toBe(5);
  });
});
