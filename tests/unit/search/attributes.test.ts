import { describe, expect, it } from 'vitest';
import { searchAttributeSets } from '../../../src/lib/search/attributes.ts';

describe('searchAttributeSets', () => {
  it('one filter per element, meta as a list', () => {
    expect(searchAttributeSets({ kind: 'document', number: '83-KH/TU' })).toEqual([
      { 'data-pagefind-filter': 'loai:văn bản' },
      { 'data-pagefind-filter': 'van_ban:83-KH/TU' },
      { 'data-pagefind-meta': 'number:83-KH/TU' },
    ]);
  });
  it('study pages without a document get only their kind; titles with commas are escaped', () => {
    expect(searchAttributeSets({ kind: 'study', title: 'Bài 1: A, B' })).toEqual([
      { 'data-pagefind-filter': 'loai:tài liệu học tập' },
      { 'data-pagefind-meta': 'title:Bài 1: A\\, B' },
    ]);
  });
});
