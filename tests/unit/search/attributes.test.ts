import { describe, expect, it } from 'vitest';
import { partValue, readPart, searchAttributeSets } from '../../../src/lib/search/attributes.ts';

describe('searchAttributeSets', () => {
  it('one filter or meta field per element', () => {
    expect(searchAttributeSets({ kind: 'document', number: '83-KH/TU', official: true })).toEqual([
      { 'data-pagefind-filter': 'loai:văn bản' },
      { 'data-pagefind-filter': 'van_ban:83-KH/TU' },
      { 'data-pagefind-meta': 'number:83-KH/TU' },
      { 'data-pagefind-meta': 'source:official' },
    ]);
  });
  it('documents say whether they hold the official text', () => {
    expect(searchAttributeSets({ kind: 'document', number: '27-NQ/TW', official: false }).at(-1)).toEqual({
      'data-pagefind-meta': 'source:summary',
    });
  });
  it('study pages without a document get only their kind (and a title when given)', () => {
    expect(searchAttributeSets({ kind: 'study', title: 'Bài 1: A, B' })).toEqual([
      { 'data-pagefind-filter': 'loai:tài liệu học tập' },
      { 'data-pagefind-meta': 'title:Bài 1: A, B' },
    ]);
  });
  it('documents name the documents they carry out, one filter element each', () => {
    const sets = searchAttributeSets({ kind: 'document', number: '83-KH/TU', implements: ['52-KL/TW', '27-NQ/TW'] });
    expect(sets).toContainEqual({ 'data-pagefind-filter': 'thuc_hien:52-KL/TW' });
    expect(sets).toContainEqual({ 'data-pagefind-filter': 'thuc_hien:27-NQ/TW' });
    expect(searchAttributeSets({ kind: 'study', implements: ['52-KL/TW'] }).some((a) => a['data-pagefind-filter']?.startsWith('thuc_hien'))).toBe(false);
  });
});

describe('purpose page parts (phan_trang values)', () => {
  it('write and read back a part with the h3 headings inside it', () => {
    const value = partValue({ id: 'bo', heading: 'Bộ tài liệu', inner: ['Chương trình', 'Danh sách điểm danh'] });
    expect(value).toBe('bo=Bộ tài liệu | Chương trình | Danh sách điểm danh');
    expect(readPart(value)).toEqual({ id: 'bo', heading: 'Bộ tài liệu', inner: ['Chương trình', 'Danh sách điểm danh'] });
  });
  it('keeps the separator out of a heading, and reads a value without an id as nothing', () => {
    expect(readPart(partValue({ id: 'a', heading: 'Thu | chi', inner: [] }))).toEqual({ id: 'a', heading: 'Thu chi', inner: [] });
    expect(readPart('=Không có id')).toBeNull();
  });
  it('carries the anchor of an h3 that has one, and reads a heading that looks like one as text', () => {
    const part = { id: 'moc-thoi-han', heading: 'Các mốc thời hạn', inner: ['tháng 10/2019', 'Định kỳ', 'x=y'], innerIds: ['han-thang-10-2019', null, null] };
    const value = partValue(part);
    expect(value).toBe('moc-thoi-han=Các mốc thời hạn | han-thang-10-2019=tháng 10/2019 | Định kỳ |  x=y');
    expect(readPart(value)).toEqual({ ...part, innerIds: ['han-thang-10-2019', null, null] });
  });
});
