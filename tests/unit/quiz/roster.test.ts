import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { encodeFor, encodeReceipt, encodeSessionReceipt, holderHash } from '../../../src/lib/receipt/code.ts';
import { parseCsv, toCsv, BOM } from '../../../src/lib/receipt/csv.ts';
import { inputsFromCsv, isAccepted, parsePaste, rosterCsv, summaryBySession, summaryByUnit, verifyAll } from '../../../src/lib/receipt/roster.ts';
import type { KnownQuiz, KnownSession, RosterRow } from '../../../src/lib/receipt/roster.ts';

const quizzes: KnownQuiz[] = [
  { code: 1, id: '01-mau', title: 'Bài 1', passPercent: 80 },
  { code: 2, id: '02-mau', title: 'Bài 2', passPercent: 80 },
];
const codeFor = (name: string, unit: string, quiz = 1, percent = 90, date = '2026-11-20') => encodeFor({ quiz, date, percent, name, unit });

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

  let rows: RosterRow[];
  beforeAll(async () => {
    rows = await verifyAll(parsePaste(lines), quizzes, '2026-11-27');
  });

  it('accepts valid codes and gives a reason for each refusal', () => {
    expect(rows.map((r) => (r.status === 'rejected' ? r.reason : r.status))).toEqual([
      'self-study',
      'self-study',
      'self-study',
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
    expect(dup.status === 'duplicate' && dup.duplicateOf).toBe('1');
  });

  it('counts by unit and quiz: self-study and refused separately, duplicates not at all', () => {
    const groups = summaryByUnit(rows, quizzes);
    expect(groups.map((g) => [g.unit, g.quiz, g.attended, g.selfStudy, g.otherSession, g.rejected])).toEqual([
      ['', '', 0, 0, 0, 1],
      ['Phường Him Lam', '01-mau', 0, 1, 0, 0],
      ['Xã Thanh Nưa', '01-mau', 0, 1, 0, 2],
      ['Xã Thanh Nưa', '02-mau', 0, 1, 0, 1],
      ['Xã Thanh Nưa', '', 0, 0, 0, 1],
      ['Y', '', 0, 0, 0, 1],
    ]);
  });

  const label = (r: RosterRow) => (r.status === 'rejected' ? `bị từ chối: ${r.reason}` : r.status);

  it('exports a CSV with BOM and the status of every line that reads back to the same accepted rows', async () => {
    const csv = rosterCsv(rows, label, () => '');
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv).toContain('Lò Thị Mai');
    const table = parseCsv(csv);
    expect(table[0]).toContain('Trạng thái');
    expect(table.slice(1).map((r) => r[6])).toEqual(['self-study', 'self-study', 'self-study', 'bị từ chối: check', 'bị từ chối: unknown-quiz', 'bị từ chối: future-date', 'bị từ chối: below-pass', 'bị từ chối: holder-mismatch', 'bị từ chối: length']);
    const back = await verifyAll(inputsFromCsv(csv, 'a.csv'), quizzes, '2026-11-27');
    expect(back.filter(isAccepted).map((r) => [r.code, r.input.name, r.input.unit])).toEqual(rows.filter(isAccepted).map((r) => [r.code, r.input.name, r.input.unit]));
  });

  it('keeps the guard against formula cells in the export', async () => {
    const evil = await verifyAll(parsePaste(`${mai}\t=HYPERLINK("http://x")\tXã Thanh Nưa`), quizzes, '2026-11-27');
    const csv = rosterCsv(evil, label, () => '');
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it('merging two trainers\' files counts identical lines once', async () => {
    const a = rosterCsv(await verifyAll(parsePaste(`${mai}\tLò Thị Mai\tXã Thanh Nưa\n${an}\tNguyễn Văn An\tXã Thanh Nưa`), quizzes, '2026-11-27'), label, () => '');
    const b = rosterCsv(await verifyAll(parsePaste(`${an}\tNguyễn Văn An\tXã Thanh Nưa\n${binh}\tQuàng Văn Bình\tPhường Him Lam`), quizzes, '2026-11-27'), label, () => '');
    const merged = await verifyAll([...inputsFromCsv(a, 'a.csv'), ...inputsFromCsv(b, 'b.csv')], quizzes, '2026-11-27');
    expect(merged.filter(isAccepted)).toHaveLength(3);
    expect(merged.filter((r) => r.status !== 'self-study').map((r) => r.status === 'duplicate' && [r.duplicateOf, r.input.source])).toEqual([
      ['a.csv:3', 'b.csv:2'],
    ]);
  });

  it('a code alone (no name or unit) is accepted and grouped under an empty unit', async () => {
    const r = await verifyAll(parsePaste(mai), quizzes, '2026-11-27');
    expect(r[0]!.status).toBe('self-study');
    expect(summaryByUnit(r, quizzes)[0]!.unit).toBe('');
  });

  it('an old (v1) code is still accepted, as self-study', async () => {
    const old = encodeReceipt({ version: 1, quiz: 1, date: '2026-11-20', percent: 90, holder: holderHash('Lò Thị Mai', 'Xã Thanh Nưa') });
    const r = await verifyAll(parsePaste(`${old}\tLò Thị Mai\tXã Thanh Nưa`), quizzes, '2026-11-27');
    expect(r.map((x) => x.status)).toEqual(['self-study']);
  });
});

describe('roster with study sessions', () => {
  const held: KnownSession = { id: 0x1092, secret: Uint8Array.from({ length: 16 }, (_, i) => i), quiz: '01-mau', unit: 'Chi bộ bản Noong Bua', date: '2026-11-20' };
  const twin: KnownSession = { ...held, secret: Uint8Array.from({ length: 16 }, (_, i) => 100 + i), quiz: '02-mau', unit: 'Xã Thanh Nưa' };
  const fields = (name: string, unit: string, quiz = 1) => ({ quiz, date: '2026-11-20', percent: 90, holder: holderHash(name, unit) });

  it('marks attended, other-session, bad MAC, wrong quiz and self-study codes, and counts each', async () => {
    const attended = await encodeSessionReceipt(fields('Lò Thị Mai', 'Xã A'), { id: held.id, secret: held.secret });
    const forged = await encodeSessionReceipt(fields('Cà Văn Giả', 'Xã A'), { id: held.id, secret: new Uint8Array(16) });
    const elsewhere = await encodeSessionReceipt(fields('Lò Văn Khác', 'Xã B'), { id: 0x2222, secret: new Uint8Array(16).fill(9) });
    const wrongQuiz = await encodeSessionReceipt(fields('Tòng Thị Sai', 'Xã A', 2), { id: held.id, secret: held.secret });
    const selfStudy = encodeFor({ ...fields('Quàng Văn Nhà', 'Xã A'), name: 'Quàng Văn Nhà', unit: 'Xã A' });
    const viaTwin = await encodeSessionReceipt(fields('Lường Thị Đôi', 'Xã A', 2), { id: twin.id, secret: twin.secret });
    const paste = [
      `${attended}\tLò Thị Mai\tXã A`,
      `${forged}\tCà Văn Giả\tXã A`,
      `${elsewhere}\tLò Văn Khác\tXã B`,
      `${wrongQuiz}\tTòng Thị Sai\tXã A`,
      `${selfStudy}\tQuàng Văn Nhà\tXã A`,
      `${viaTwin}\tLường Thị Đôi\tXã A`,
      `${attended.toLowerCase()}\tLò Thị Mai\tXã A`,
    ].join('\n');
    const rows = await verifyAll(parsePaste(paste), quizzes, '2026-11-27', [held, twin]);
    expect(rows.map((r) => (r.status === 'rejected' ? r.reason : r.status))).toEqual(['attended', 'bad-mac', 'other-session', 'wrong-quiz', 'self-study', 'attended', 'duplicate']);
    const first = rows[0]!;
    expect(first.status === 'attended' && first.session).toBe(held);
    const sixth = rows[5]!;
    expect(sixth.status === 'attended' && sixth.session).toBe(twin); // same id, told apart by the MAC
    const bad = rows[1]!;
    expect(bad.status === 'rejected' && bad.claimedSession).toBe(held.id);
    expect(summaryByUnit(rows, quizzes).map((g) => [g.unit, g.quiz, g.attended, g.selfStudy, g.otherSession, g.rejected])).toEqual([
      ['Xã A', '01-mau', 1, 1, 0, 1],
      ['Xã A', '02-mau', 1, 0, 0, 1],
      ['Xã B', '01-mau', 0, 0, 1, 0],
    ]);
    expect(summaryBySession(rows, [held, twin]).map((x) => x.attended)).toEqual([1, 1]);
    // Without the session on this device the same code is "another session", not refused.
    const away = await verifyAll(parsePaste(`${attended}\tLò Thị Mai\tXã A`), quizzes, '2026-11-27', []);
    expect(away[0]!.status).toBe('other-session');
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
