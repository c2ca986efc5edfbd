import { describe, expect, it } from 'vitest';
import {
  ProvisionTracker,
  anchorId,
  citation,
  citedDate,
  documentCitation,
  intToRoman,
  parseAnchorId,
  readHeadingNumbering,
  romanToInt,
} from '../../../src/lib/documents/anchors.ts';

describe('roman numerals', () => {
  it.each([
    ['I', 1], ['II', 2], ['III', 3], ['IV', 4], ['IX', 9], ['XIV', 14], ['XL', 40],
  ])('%s = %i', (r, n) => {
    expect(romanToInt(r)).toBe(n);
    expect(intToRoman(n)).toBe(r);
  });
  it.each(['IIII', 'VX', 'ABC', '', 'IC'])('rejects %s', (r) => expect(romanToInt(r)).toBeNull());
});

describe('anchorId / parseAnchorId', () => {
  it.each([
    [{ part: 'II' }, 'phan-ii'],
    [{ part: 'II', item: 3 }, 'phan-ii-muc-3'],
    [{ part: 'III', item: 1, point: 'a' }, 'phan-iii-muc-1-diem-a'],
    [{ part: 'I', item: 2, point: 'đ' }, 'phan-i-muc-2-diem-dd'],
    [{ item: 4 }, 'muc-4'],
  ])('%o ⇄ %s', (ref, id) => {
    expect(anchorId(ref)).toBe(id);
    expect(parseAnchorId(id)).toEqual(ref);
    expect(id).toMatch(/^[a-z0-9-]+$/);
  });
  it.each(['muc', 'phan-iiii', 'phan-ii-diem-a', '-muc-1', 'phan-ii-muc-01', 'phan-ii-muc-3-', 'noi-nhan'])(
    'rejects %s',
    (id) => expect(parseAnchorId(id)).toBeNull(),
  );
  it('refuses an empty reference', () => expect(() => anchorId({})).toThrow());
});

describe('readHeadingNumbering', () => {
  it.each([
    ['I- MỤC ĐÍCH, YÊU CẦU', { level: 'part', part: 'I' }],
    ['II. NỘI DUNG', { level: 'part', part: 'II' }],
    ['Phần III', { level: 'part', part: 'III' }],
    ['1. Mục đích', { level: 'item', item: 1 }],
    ['12.', { level: 'item', item: 12 }],
    ['a) Tuyên truyền', { level: 'point', point: 'a' }],
    ['đ) Điểm đ', { level: 'point', point: 'đ' }],
    ['1- Nội dung', { level: 'item', item: 1 }],
    ['2-', { level: 'item', item: 2 }],
    ['3 – Nội dung', { level: 'item', item: 3 }],
    ['Phần thứ nhất', { level: 'part', part: 'I' }],
    ['PHẦN THỨ HAI', { level: 'part', part: 'II' }],
    ['Phần thứ tư: nội dung', { level: 'part', part: 'IV' }],
  ] as const)('%s', (text, expected) => expect(readHeadingNumbering(text)).toEqual(expected));
  it.each(['Mục đích', 'Nơi nhận:', 'Ích lợi', 'Việt Nam', 'Chương trình', '10-15% số trí thức', '2019-2020 là giai đoạn', 'Phần thứ nhấtx', 'Phần việc'])('no numbering in %s', (t) =>
    expect(readHeadingNumbering(t)).toBeNull(),
  );
  it('handles NFD input', () => expect(readHeadingNumbering('1. Mu\u0323c đi\u0301ch')).toEqual({ level: 'item', item: 1 }));
});

describe('ProvisionTracker', () => {
  it('nests items and points inside parts', () => {
    const t = new ProvisionTracker();
    const ids = ['I- A', '1. B', '2. C', 'a) x', 'II- D', '1.', 'Không số'].map((h) => {
      const r = t.next(h);
      return r ? anchorId(r) : null;
    });
    expect(ids).toEqual(['phan-i', 'phan-i-muc-1', 'phan-i-muc-2', 'phan-i-muc-2-diem-a', 'phan-ii', 'phan-ii-muc-1', null]);
  });
  it('ignores a point before any item', () => expect(new ProvisionTracker().next('a) x')).toBeNull());
});

describe('citation (official-writing form)', () => {
  const plan = { kindLabel: 'Kế hoạch', number: '83-KH/TU', issuedOn: '2019-08-27', issuer: 'Tỉnh ủy Điện Biên' };
  it.each([
    [{ part: 'II', item: 4 }, 'mục 4, phần II Kế hoạch số 83-KH/TU ngày 27/8/2019 của Tỉnh ủy Điện Biên'],
    [{ part: 'III' }, 'phần III Kế hoạch số 83-KH/TU ngày 27/8/2019 của Tỉnh ủy Điện Biên'],
    [{ part: 'II', item: 1, point: 'b' }, 'điểm b, mục 1, phần II Kế hoạch số 83-KH/TU ngày 27/8/2019 của Tỉnh ủy Điện Biên'],
  ])('%o', (ref, expected) => expect(citation(ref, plan)).toBe(expected));
  it('writes dates as official documents do: zero before days under 10 and months 1-2', () => {
    expect(citedDate('2008-08-06')).toBe('06/8/2008');
    expect(citedDate('2014-03-04')).toBe('04/3/2014');
    expect(citedDate('2020-02-05')).toBe('05/02/2020');
    expect(citedDate('2019-12-30')).toBe('30/12/2019');
  });
  it('names the document with kind, number, date and issuer', () =>
    expect(documentCitation({ kindLabel: 'Nghị quyết', number: '27-NQ/TW', issuedOn: '2008-08-06', issuer: 'Ban Chấp hành Trung ương Đảng' })).toBe(
      'Nghị quyết số 27-NQ/TW ngày 06/8/2008 của Ban Chấp hành Trung ương Đảng',
    ));
});
