import { describe, expect, it } from 'vitest';
import { combinations, MAX_COMBINATIONS, termVariants } from '../../../src/lib/search/variants.ts';

describe('termVariants', () => {
  it('expands an unaccented d-word into d and đ', () => {
    expect(termVariants('dang')).toEqual(['dang', 'đang']);
    expect(termVariants('dien')).toEqual(['dien', 'đien']);
  });
  it('takes accented and non-d words as typed', () => {
    expect(termVariants('dạng')).toEqual(['dạng']);
    expect(termVariants('đảng')).toEqual(['đảng']);
    expect(termVariants('uy')).toEqual(['uy']);
    expect(termVariants('ad')).toEqual(['ad']);
  });
});

describe('combinations', () => {
  it('gives the product in order', () => {
    expect(combinations([['dang', 'đang'], ['uy']])).toEqual([['dang', 'uy'], ['đang', 'uy']]);
    expect(combinations([['nguoi'], ['dung', 'đung'], ['đau']])).toEqual([
      ['nguoi', 'dung', 'đau'],
      ['nguoi', 'đung', 'đau'],
    ]);
  });
  it(`never gives more than ${MAX_COMBINATIONS}`, () => {
    const lists = Array.from({ length: 6 }, (_, i) => [`d${i}`, `đ${i}`]);
    const out = combinations(lists);
    expect(out.length).toBeLessThanOrEqual(MAX_COMBINATIONS);
    expect(out.length).toBe(8);
    // Words beyond the limit keep their first (most common) reading.
    for (const c of out) expect(c.slice(3)).toEqual(['d3', 'd4', 'd5']);
  });
  it('empty in, empty out', () => {
    expect(combinations([])).toEqual([]);
  });
});
