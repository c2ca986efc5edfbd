import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cleanText, docRefsIn, implementerKind, kindOfNumber, kindsNamed, docRefMatches, findDocRef, isReferenceOnly, MAX_QUERY_LENGTH, MAX_TERMS, MAX_WORDS, mostTelling, parseQuery, readQueryParam, referenceWords } from '../../../src/lib/search/query.ts';

describe('readQueryParam', () => {
  it('decodes a normal query', () => {
    expect(readQueryParam('?q=d%E1%BA%A3ng+%E1%BB%A7y')).toBe('dảng ủy');
  });
  it.each(['?q=%', '?q=%E0%A4%A', '?q=%ZZ', '?q=%C4', '?q=abc%'])('never throws on broken encoding %s', (s) => {
    expect(() => readQueryParam(s)).not.toThrow();
    expect(readQueryParam(s)).not.toContain('\uFFFD');
  });
  it('missing parameter is empty', () => {
    expect(readQueryParam('')).toBe('');
    expect(readQueryParam('?x=1')).toBe('');
  });
  it('never throws for any string', () => {
    fc.assert(fc.property(fc.string(), (s) => typeof readQueryParam(s) === 'string'));
  });
});

describe('cleanText', () => {
  it('cuts long input and collapses space', () => {
    expect(cleanText('a'.repeat(500)).length).toBe(MAX_QUERY_LENGTH);
    expect(cleanText('  a \n\t b  ')).toBe('a b');
    expect(cleanText('a\u0000b')).toBe('a b');
  });
});

describe('parseQuery', () => {
  it('splits words, lower-cases, fixes tones, drops duplicates', () => {
    expect(parseQuery('Hoá  HOÁ học').terms).toEqual(['hóa', 'học']);
  });
  it('keeps a document number as one word, as Pagefind indexes it', () => {
    expect(parseQuery('83-KH/TU').terms).toEqual(['83khtu']);
  });
  it('punctuation or emoji only gives no words', () => {
    expect(parseQuery('?!… —').terms).toEqual([]);
    expect(parseQuery('😀🎉').terms).toEqual([]);
    expect(parseQuery('').terms).toEqual([]);
  });
  it('markup is just words', () => {
    expect(parseQuery('<script>alert(1)</script>').terms).toEqual(['scriptalert1script']);
  });
  it('recognises a quoted phrase', () => {
    expect(parseQuery('"người đứng đầu"').quoted).toBe(true);
    expect(parseQuery('"').quoted).toBe(false);
    expect(parseQuery('người "đứng" đầu').quoted).toBe(false);
  });
  it(`keeps at most ${MAX_TERMS} words`, () => {
    expect(parseQuery('b c d e f g h i j k l m').terms).toHaveLength(MAX_TERMS);
  });
  it(`counts function words only against ${MAX_WORDS} words (round 18)`, () => {
    // The first eight words of a long question are mostly function words: what it asks about follows.
    expect(parseQuery('cho toi hoi theo ke hoach cua tinh uy thi ban tuyen giao phai lam gi').terms).toEqual(
      ['cho', 'toi', 'hoi', 'theo', 'ke', 'hoach', 'cua', 'tinh', 'uy', 'thi', 'ban', 'tuyen'],
    );
    const w = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`);
    expect(mostTelling([...w(8), 'va', 'w9'])).toEqual([...w(8), 'va']);
    expect(mostTelling(Array.from({ length: 20 }, (_, i) => (i % 2 ? 'va' + i : 'cua' + i)))).toHaveLength(MAX_TERMS);
    expect(mostTelling('cua va cho cac nhung mot la voi so o ve da duoc roi'.split(' '))).toHaveLength(MAX_WORDS);
  });
  it('NFD and NFC give the same words', () => {
    expect(parseQuery('Điện Biên'.normalize('NFD')).terms).toEqual(parseQuery('Điện Biên').terms);
  });
});

describe('findDocRef', () => {
  it.each([
    ['83-KH/TU', { serial: 83, kindCode: 'KH', issuerCode: 'TU' }],
    ['27-NQ/TW', { serial: 27, kindCode: 'NQ', issuerCode: 'TW' }],
    ['27 nq tw', { serial: 27, kindCode: 'NQ', issuerCode: 'TW' }],
    ['kl 52', { serial: 52, kindCode: 'KL' }],
    ['KL52', { serial: 52, kindCode: 'KL' }],
    ['kết luận 90', { serial: 90, kindCode: 'KL' }],
    ['nghi quyet so 45', { serial: 45, kindCode: 'NQ' }],
    ['Kế hoạch số 83-KH/TU', { serial: 83, kindCode: 'KH', issuerCode: 'TU' }],
    ['2711/QĐ-TTg', { serial: 2711, kindCode: 'QĐ', issuerCode: 'TTG' }],
  ])('%s', (q, ref) => {
    expect(findDocRef(q)).toEqual(ref);
  });
  it.each(['đảng ủy', 'khóa X', 'quý IV/2019', '52', 'tri thuc'])('%s names no document', (q) => {
    expect(findDocRef(q)).toBeNull();
  });
});

describe('document numbers typed every way (issue #11)', () => {
  it.each([
    ['kl52', { serial: 52, kindCode: 'KL' }],
    ['KL 52', { serial: 52, kindCode: 'KL' }],
    ['nq27', { serial: 27, kindCode: 'NQ' }],
    ['83/KH-TU', { serial: 83, kindCode: 'KH', issuerCode: 'TU' }],
    ['83 KH TU', { serial: 83, kindCode: 'KH', issuerCode: 'TU' }],
    ['Kết luận 52-KL/TW', { serial: 52, kindCode: 'KL', issuerCode: 'TW' }],
    ['83–KH/TU', { serial: 83, kindCode: 'KH', issuerCode: 'TU' }],
    ['kl-52', { serial: 52, kindCode: 'KL' }],
    ['NQ.27', { serial: 27, kindCode: 'NQ' }],
    // One slip in the kind's name, a number after it (issue #18, round 3).
    ['ngi quyet 45', { serial: 45, kindCode: 'NQ' }],
    ['nghi quyt so 27', { serial: 27, kindCode: 'NQ' }],
    ['ke hoac 83', { serial: 83, kindCode: 'KH' }],
    ['kết luân 52', { serial: 52, kindCode: 'KL' }],
  ])('%s names the document, and nothing else', (q, ref) => {
    expect(findDocRef(q)).toEqual(ref);
    expect(isReferenceOnly(q)).toBe(true);
    expect(parseQuery(q).referenceOnly).toBe(true);
  });
  it.each(['bài kiểm tra kế hoạch 83', 'kế hoạch 83 người đứng đầu', 'trình chiếu kl 52'])('%s asks for something about the document', (q) => {
    expect(findDocRef(q)).not.toBeNull();
    expect(isReferenceOnly(q)).toBe(false);
  });
  it.each(['ngi quyet', 'ngay thang 5', 'tai lieu 3', 'nghiem tuc 45'])('%s: no slip is read into a kind without a number after a near-match', (q) => {
    expect(findDocRef(q)).toBeNull();
  });
  it('a query without a number is no reference', () => {
    expect(isReferenceOnly('dòng thời gian')).toBe(false);
  });
});

describe('docRefMatches', () => {
  it('matches by serial, kind and issuer when given', () => {
    expect(docRefMatches({ serial: 52, kindCode: 'KL' }, '52-KL/TW')).toBe(true);
    expect(docRefMatches({ serial: 52, kindCode: 'NQ' }, '52-KL/TW')).toBe(false);
    expect(docRefMatches({ serial: 83, kindCode: 'KH', issuerCode: 'TW' }, '83-KH/TU')).toBe(false);
    expect(docRefMatches({ serial: 2711, kindCode: 'QD' }, '2711/QĐ-TTg')).toBe(true);
    expect(docRefMatches({ serial: 27 }, 'not a number')).toBe(false);
  });
});

describe('kinds of document named by word', () => {
  it('reads the kind words of a query as number codes', () => {
    expect(kindsNamed('BCT kết luận trí thức 2014')).toEqual(['KL']);
    expect(kindsNamed('nghi quyet va ke hoach 2019')).toEqual(['NQ', 'KH']);
    expect(kindsNamed('doi ngu tri thuc 2023')).toEqual([]);
  });
});

describe('referenceWords', () => {
  it('holds the words of every reference and the words that introduce one', () => {
    expect([...referenceWords('điểm mới nghị quyết 45 so với kl52')].sort()).toEqual(['45', 'kl52', 'nghi', 'quyet'].sort());
    expect([...referenceWords('áp phích văn bản kế hoạch 83')].sort()).toEqual(['83', 'ban', 'hoach', 'ke', 'van'].sort());
    expect([...referenceWords('số 83-KH/TU người đứng đầu')]).toEqual(expect.arrayContaining(['83khtu', '83', 'kh', 'tu', 'so']));
  });
  it('is empty without a reference', () => {
    expect(referenceWords('trí thức trẻ').size).toBe(0);
  });
});

describe('a document asked for as carrying out another (implementerKind)', () => {
  it('reads a kind word before a reference of another kind as the document wanted', () => {
    expect(implementerKind('ke hoach trien khai ket luan 52')).toBe('KH');
    expect(implementerKind('Kế hoạch của tỉnh thực hiện KL52')).toBe('KH');
    expect(implementerKind('chương trình hành động thực hiện nghị quyết 45')).toBe('CTr');
  });
  it('is null when the kind word is the reference\'s own, stands after it, or is absent', () => {
    expect(implementerKind('kết luận 52 ban bí thư')).toBeNull();
    expect(implementerKind('Kết luận số 52-KL/TW')).toBeNull();
    expect(implementerKind('ket luan 52 ke hoach')).toBeNull();
    expect(implementerKind('trien khai ket luan 52')).toBeNull();
    expect(implementerKind('ke hoach 83 trien khai ket luan 52')).toBeNull();
    expect(implementerKind('tri thuc tre')).toBeNull();
  });
  it('is null when the kind word follows other words: there it is one of them', () => {
    expect(implementerKind('đơn vị tự quyết định những gì khi thực hiện nghị quyết 45')).toBeNull();
    expect(implementerKind('xem kế hoạch triển khai kết luận 52')).toBe('KH');
  });
  it('parseQuery carries it', () => {
    expect(parseQuery('ke hoach trien khai kl 52').implementer).toBe('KH');
    expect(parseQuery('kl 52').implementer).toBeNull();
  });
  it('kindOfNumber reads the kind code of a number, folded', () => {
    expect(kindOfNumber('83-KH/TU')).toBe('kh');
    expect(kindOfNumber('2711/QĐ-TTg')).toBe('qd');
    expect(kindOfNumber('không phải số')).toBeNull();
  });
});

describe('docRefsIn', () => {
  it('lists every reference, first typed first, without repeats', () => {
    expect(docRefsIn('điểm mới của NQ45 so với KL52')).toEqual([{ serial: 45, kindCode: 'NQ' }, { serial: 52, kindCode: 'KL' }]);
    expect(docRefsIn('Từ Kết luận 52-KL/TW đến Nghị quyết 45-NQ/TW')).toEqual([
      { serial: 52, kindCode: 'KL', issuerCode: 'TW' },
      { serial: 45, kindCode: 'NQ', issuerCode: 'TW' },
    ]);
    expect(docRefsIn('kl 52 và kết luận 52')).toEqual([{ serial: 52, kindCode: 'KL' }]);
    expect(docRefsIn('trí thức trẻ')).toEqual([]);
  });
});

describe('a number a space before a kind word (round 10)', () => {
  it('is no reference when it is a year: the year the text was issued', () => {
    expect(findDocRef('nam 2008 nghi quyet ve tri thuc')).toBeNull();
    expect(kindsNamed('nam 2008 nghi quyet ve tri thuc')).toEqual(['NQ']);
  });
  it('is no reference when the kind word heads a number of its own', () => {
    expect(findDocRef('diem 1 kl 90')).toEqual({ serial: 90, kindCode: 'KL' });
    expect(findDocRef('muc 3 kh 83')).toEqual({ serial: 83, kindCode: 'KH' });
  });
  it('is still one with a separator or an issuer', () => {
    expect(findDocRef('83 kh tu')).toEqual({ serial: 83, kindCode: 'KH', issuerCode: 'TU' });
    expect(findDocRef('27 nq')).toEqual({ serial: 27, kindCode: 'NQ' });
    expect(findDocRef('2711/qd-ttg')).toEqual({ serial: 2711, kindCode: 'QĐ', issuerCode: 'TTG' });
    expect(findDocRef('nam 2008 so 27-NQ/TW')).toEqual({ serial: 27, kindCode: 'NQ', issuerCode: 'TW' });
  });
});
