import { describe, expect, it } from 'vitest';
import { canonical, fixTonePlacement, fold, hasDiacritics, pagefindFold, stripWordPunctuation } from '../../../src/lib/search/normalize.ts';

describe('fixTonePlacement', () => {
  it.each([
    ['hoá', 'hóa'],
    ['hoà', 'hòa'],
    ['khoẻ', 'khỏe'],
    ['thuý', 'thúy'],
    ['Tỉnh uỷ', 'Tỉnh ủy'],
    ['HOÁ', 'HÓA'],
    ['công nghiệp hoá, hiện đại hoá', 'công nghiệp hóa, hiện đại hóa'],
  ])('%s → %s', (input, expected) => {
    expect(fixTonePlacement(input)).toBe(expected);
  });

  it.each(['quý', 'quỳ', 'hoàn', 'thuyết', 'hóa', 'ủy', 'khuya', 'toàn', 'Đảng'])('leaves %s alone', (w) => {
    expect(fixTonePlacement(w)).toBe(w);
  });

  it('treats NFD input like NFC', () => {
    expect(fixTonePlacement('hoá'.normalize('NFD'))).toBe('hóa');
    expect(canonical('Điện Biên'.normalize('NFD'))).toBe('điện biên');
  });
});

describe('folding', () => {
  it('Pagefind folding keeps đ, full folding does not', () => {
    expect(pagefindFold('Đảng')).toBe('đang');
    expect(fold('Đảng')).toBe('dang');
    expect(fold('Điện Biên'.normalize('NFD'))).toBe('dien bien');
    expect(fold('NGƯỜI ĐỨNG ĐẦU')).toBe('nguoi dung dau');
  });

  it('hasDiacritics', () => {
    expect(hasDiacritics('dang')).toBe(false);
    expect(hasDiacritics('đang')).toBe(true);
    expect(hasDiacritics('dạng')).toBe(true);
    expect(hasDiacritics('DANG')).toBe(false);
  });

  it('strips punctuation and symbols but keeps letters and digits', () => {
    expect(stripWordPunctuation('“Đảng,”')).toBe('Đảng');
    expect(stripWordPunctuation('83-KH/TU.')).toBe('83KHTU');
    expect(stripWordPunctuation('😀<script>')).toBe('script');
  });
});
