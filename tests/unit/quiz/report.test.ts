/**
 * Issue #20, deliverable 3: the figures of the roster's report (src/lib/receipt/report.ts) and its
 * Party-layout description (report-doc.ts), down to the .docx text.
 */
import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { encodeFor, encodeSessionReceipt, holderHash } from '../../../src/lib/receipt/code.ts';
import { parsePaste, verifyAll } from '../../../src/lib/receipt/roster.ts';
import type { KnownQuiz, KnownSession } from '../../../src/lib/receipt/roster.ts';
import { rosterReport, sumCounts } from '../../../src/lib/receipt/report.ts';
import { reportDocument } from '../../../src/lib/receipt/report-doc.ts';
import { partyDocBytes } from '../../../src/lib/office/party-doc.ts';
import { report as strings } from '../../../src/i18n/vi/report.ts';

const quizzes: KnownQuiz[] = [
  { code: 1, id: '01-a', title: 'Bài một', passPercent: 80 },
  { code: 2, id: '02-b', title: 'Bài hai', passPercent: 80 },
];
const held: KnownSession = { id: 0x1234, secret: new Uint8Array(16).fill(5), quiz: '01-a', unit: 'Xã A', date: '2026-11-10' };
const other: KnownSession = { id: 0x4321, secret: new Uint8Array(16).fill(6), quiz: '02-b', unit: 'Xã B', date: '2026-11-12' };
const tr = (key: string, vars: Record<string, string | number> = {}) =>
  ((strings as Record<string, string>)[key] ?? key).replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));

async function sample() {
  const sess = async (name: string, unit: string, s: KnownSession, quiz: number) =>
    `${await encodeSessionReceipt({ quiz, date: s.date, percent: 90, holder: holderHash(name, unit) }, s)}\t${name}\t${unit}`;
  const self = (name: string, unit: string, quiz: number, date: string) => `${encodeFor({ quiz, date, percent: 100, name, unit })}\t${name}\t${unit}`;
  const lines = [
    await sess('Lò Thị Mai', 'Xã A', held, 1),
    await sess('Cà Văn Bình', 'xã a', held, 1), // same unit, other spelling
    self('Quàng Văn Cường', 'Xã B', 2, '2026-11-05'),
    self('Tòng Thị Dung', 'Xã A', 1, '2026-11-30'),
    await sess('Lường Văn Én', 'Xã B', other, 2), // other device's session
    `${encodeFor({ quiz: 1, date: '2026-11-20', percent: 50, name: 'Điêu Văn Giang', unit: 'Xã B' })}\tĐiêu Văn Giang\tXã B`, // below pass
    'ABCD-EFGH', // length
    self('Quàng Văn Cường', 'Xã B', 2, '2026-11-05'), // duplicate
  ];
  return verifyAll(parsePaste(lines.join('\n')), quizzes, '2026-12-05', [held]);
}

describe('report figures', () => {
  it('period, totals and the tables by unit, study session, held session and status', async () => {
    const r = rosterReport(await sample(), quizzes, [held]);
    expect(r.period).toEqual({ first: '2026-11-05', last: '2026-11-30' });
    expect(r.totals).toEqual({ lines: 8, accepted: 5, attended: 2, selfStudy: 2, otherSession: 1, rejected: 2, duplicates: 1, sharedCode: 0 });
    expect(r.byUnit.map((u) => [u.unit, u.attended, u.selfStudy, u.otherSession, u.accepted, u.rejected])).toEqual([
      ['', 0, 0, 0, 0, 1],
      ['Xã A', 2, 1, 0, 3, 0],
      ['Xã B', 0, 1, 1, 2, 1],
    ]);
    expect(r.byQuiz.map((q) => [q.title, q.attended, q.selfStudy, q.otherSession, q.accepted, q.rejected])).toEqual([
      ['Bài một', 2, 1, 0, 3, 1],
      ['Bài hai', 0, 1, 1, 2, 0],
      ['', 0, 0, 0, 0, 1],
    ]);
    expect(r.byHeldSession.map((s) => [s.session.id, s.attended])).toEqual([[0x1234, 2]]);
    expect(r.byStatus).toEqual([
      { status: 'attended', count: 2 },
      { status: 'self-study', count: 2 },
      { status: 'other-session', count: 1 },
      { status: 'rejected', count: 2 },
      { status: 'duplicate', count: 1 },
    ]);
    expect(r.rejectedByReason).toEqual([
      { reason: 'below-pass', count: 1 },
      { reason: 'length', count: 1 },
    ]);
    // Every table adds up to the totals.
    for (const lines of [r.byUnit, r.byQuiz]) expect(sumCounts(lines)).toEqual({ attended: 2, selfStudy: 2, otherSession: 1, rejected: 2, accepted: 5 });
  });

  it('nothing pasted: no period, zero totals', () => {
    const r = rosterReport([], quizzes, []);
    expect(r.period).toBeNull();
    expect(r.totals.lines).toBe(0);
    expect(r.byQuiz.every((q) => q.accepted === 0)).toBe(true);
  });
});

describe('report document', () => {
  it('is in the Party layout with bracketed blanks, and its .docx text carries the figures', async () => {
    const r = rosterReport(await sample(), quizzes, [held]);
    const desc = reportDocument(r, { tr, today: '2026-12-05', date: (d) => d.split('-').reverse().join('/'), sessionText: (s) => `buổi ${s.id}`, reasonText: (x) => `lý do ${x}` });
    expect(desc.kind).toBe('BÁO CÁO');
    for (const blank of [desc.issuer, desc.number, desc.placeDate, desc.signer?.name, desc.signer?.position]) expect(blank).toMatch(/\[.+\]/);
    expect(desc.abstract).toContain('(từ ngày 05/11/2026 đến ngày 30/11/2026)');
    const xml = strFromU8(unzipSync(await partyDocBytes(desc))['word/document.xml']!);
    const text = xml.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('Số lượt hoàn thành hợp lệ: 5; trong đó đã dự buổi học: 2, tự học: 2, của buổi học khác: 1.');
    expect(text).toContain('Số mã bị từ chối: 2.');
    expect(text).toContain('chỉ tính một lần: 1.');
    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(text).toMatch(/Tổng cộng 2 2 1 5 2/);
    expect(text).toContain('lý do below-pass');
    expect(text).toContain('[Họ và tên]');
  });
});
