import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { encodeReceipt, holderHash } from '../../../src/lib/receipt/code.ts';
import { parseCsv, toCsv, BOM } from '../../../src/lib/receipt/csv.ts';
import { groupByUnit, inputsFromCsv, parsePaste, rosterCsv, verifyAll } from '../../../src/lib/receipt/roster.ts';
import type { KnownQuiz } from '../../../src/lib/receipt/roster.ts';

const quizzes: KnownQuiz[] = [
  { code: 1, id: '01-mau', title: 'Bài 1', passPercent: 80 },
  { code: 2, id: '02-mau', title: 'Bài 2', passPercent: 80 },
];
const codeFor = (name: string, unit: string, quiz = 1, percent = 90, date = '2026-11-20') =>
  encodeReceipt({ quiz, date, percent, holder: holderHash(name, unit) });

describe('roster verification', () => {
  const mai = codeFor('Lò Thị Mai', 'Xã Thanh Nưa');
  const an = codeFor('Nguyễn Văn An', 'Xã Thanh Nưa', 2);
  const binh = codeFor('Quàng Văn Bình', 'Phường Him Lam');
  const lines = [
    `${mai}\tLò Thị Mai\tXã Thanh Nưa`,
    `${an}; Nguyễn Văn An; Xã Thanh Nưa`,
    `${binh} | Quàng Văn Bình | Phường Him Lam`,
    '',
    `${mai.slice(0, 5)}${mai[5] === 'A' ? 'B' : 'A'}${mai.slice(6)}\tLò Thị Mai\tXã Thanh Nưa`,
    `${mai}\tLò Thị Mai\tXã Thanh Nưa`,
    `${codeFor('X', 'Y', 9)}\tX\tY`,
    `${codeFor('Lò Thị Mai', 'Xã Thanh Nưa', 1, 90, '2026-12-30')}\tLò Thị Mai\tXã Thanh Nưa`,
    `${codeFor('Lò Thị Mai', 'Xã Thanh Nưa', 2, 70)}\tLò Thị Mai\tXã Thanh Nưa`,
    `${binh}\tQuàng Văn Bình\tXã Thanh Nưa`,
    'ABC',
  ].join('\n');

  const rows = verifyAll(parsePaste(lines), quizzes, '2026-11-27');

  it('accepts valid codes and gives a reason for each refusal', () => {
    expect(rows.map((r) => (r.status === 'ok' ? 'ok' : r.reason))).toEqual([
      'ok',
      'ok',
      'ok',
      'check',
      'duplicate',
      'unknown-quiz',
      'future-date',
      'below-pass',
      'holder-mismatch',
      'length',
    ]);
    expect(rows.map((r) => r.input.source)).toEqual(['1', '2', '3', '5', '6', '7', '8', '9', '10', '11']);
    const dup = rows[4]!;
    expect(dup.status === 'rejected' && dup.duplicateOf).toBe('1');
  });

  it('groups by unit with totals per session', () => {
    const groups = groupByUnit(rows);
    expect(groups.map((g) => [g.unit, g.total, g.bySession])).toEqual([
      ['Phường Him Lam', 1, { '01-mau': 1 }],
      ['Xã Thanh Nưa', 2, { '01-mau': 1, '02-mau': 1 }],
    ]);
  });

  it('exports a CSV with BOM that reads back to the same accepted rows', () => {
    const csv = rosterCsv(rows);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv).toContain('Lò Thị Mai');
    const back = verifyAll(inputsFromCsv(csv, 'a.csv'), quizzes, '2026-11-27');
    expect(back.filter((r) => r.status === 'ok').map((r) => r.status === 'ok' && [r.code, r.input.name, r.input.unit])).toEqual(
      rows.filter((r) => r.status === 'ok').map((r) => r.status === 'ok' && [r.code, r.input.name, r.input.unit]),
    );
  });

  it('merging two trainers\' files removes duplicates by code', () => {
    const a = rosterCsv(verifyAll(parsePaste(`${mai}\tLò Thị Mai\tXã Thanh Nưa\n${an}\tNguyễn Văn An\tXã Thanh Nưa`), quizzes, '2026-11-27'));
    const b = rosterCsv(verifyAll(parsePaste(`${an}\tNguyễn Văn An\tXã Thanh Nưa\n${binh}\tQuàng Văn Bình\tPhường Him Lam`), quizzes, '2026-11-27'));
    const merged = verifyAll([...inputsFromCsv(a, 'a.csv'), ...inputsFromCsv(b, 'b.csv')], quizzes, '2026-11-27');
    expect(merged.filter((r) => r.status === 'ok')).toHaveLength(3);
    expect(merged.filter((r) => r.status === 'rejected').map((r) => r.status === 'rejected' && [r.reason, r.input.source])).toEqual([
      ['duplicate', 'b.csv:2'],
    ]);
  });

  it('a code alone (no name or unit) is accepted and grouped under an empty unit', () => {
    const r = verifyAll(parsePaste(mai), quizzes, '2026-11-27');
    expect(r[0]!.status).toBe('ok');
    expect(groupByUnit(r)[0]!.unit).toBe('');
  });
});

describe('CSV', () => {
  it('round-trips any text, including quotes, separators, newlines and formula-like cells', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 3, maxLength: 3 }), { maxLength: 8 }), (rows) => {
        const table = [['a', 'b', 'c'], ...rows];
        const parsed = parseCsv(toCsv(table));
        const nonEmpty = table.filter((r) => r.some((c) => c !== ''));
        expect(parsed).toEqual(nonEmpty);
      }),
    );
  });

  it('neutralises cells Excel would run as formulas', () => {
    const csv = toCsv([['=HYPERLINK("x")', '+1', 'bình thường']]);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(parseCsv(csv)).toEqual([['=HYPERLINK("x")', '+1', 'bình thường']]);
  });

  it('reads semicolon files saved by Excel in Vietnamese locales', () => {
    expect(parseCsv('Mã xác nhận;Họ tên;Đơn vị\r\nA;Mai;"Xã 1; huyện 2"\r\n')).toEqual([
      ['Mã xác nhận', 'Họ tên', 'Đơn vị'],
      ['A', 'Mai', 'Xã 1; huyện 2'],
    ]);
  });
});

describe('CSV guard edge cases', () => {
  it('keeps texts that already start with an apostrophe', () => {
    const table = [["'=x", "''+1", "'abc", '@me']];
    expect(parseCsv(toCsv(table))).toEqual(table);
  });
});
