/**
 * Generated roster input at province scale, made with the project's own encoder (src/lib/receipt/
 * code.ts): 200 units, the site's 3 quizzes, one study session per unit and quiz held on the trainer
 * device (plus sessions of other devices), attended, other-session, self-study (v4 and old v2) codes,
 * identical repeats (some differing only in case and spacing), corrupted codes, and planted pairs of
 * distinct learners who share one code (21-bit name hashes that collide, same quiz, day and score:
 * the case the old roster refused). The expected totals come from the construction, not from the
 * roster. Used by `npm run bench` (roster section) and tests/e2e/roster-scale.test.ts.
 */
import { encodeReceipt, encodeSessionReceipt, holderHash, holderHashFor, SELF_STUDY_VERSION } from '../../src/lib/receipt/code.ts';
import { toBase64Url } from '../../src/lib/receipt/session.ts';
import type { TrainerSession } from '../../src/lib/receipt/session.ts';
import { createRng } from './rng.ts';
import type { Rng } from './rng.ts';
import type { RosterTotals } from '../../src/lib/receipt/roster.ts';

/** The site's quizzes as the roster knows them (code and id from content/quizzes/). */
export const QUIZZES = [
  { code: 1, id: '01-ke-hoach-83-kh-tu' },
  { code: 2, id: '02-nghi-quyet-27-va-chuoi-van-ban' },
  { code: 3, id: '03-ket-luan-52-phan-cong-dien-bien' },
] as const;

const FAMILY = ['Lò', 'Quàng', 'Lường', 'Cà', 'Tòng', 'Điêu', 'Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Giàng', 'Thào'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Thu', 'A'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dung', 'Đào', 'Én', 'Giang', 'Hà', 'Hùng', 'Khánh', 'Lan', 'Mai', 'Nga', 'Phúc', 'Quý', 'Sơn', 'Thảo', 'Tuấn', 'Uyên', 'Vân', 'Xuân', 'Yến', 'Chính', 'Dũng', 'Hải', 'Hương', 'Lợi', 'Nam', 'Oanh', 'Sáng', 'Tâm', 'Thắng', 'Toàn', 'Trang', 'Vinh', 'Bảo', 'Định', 'Hiền', 'Long', 'Pằng'];
const PLACES = ['Thanh Nưa', 'Mường Phăng', 'Pá Khoang', 'Nà Tấu', 'Him Lam', 'Noong Bua', 'Mường Ảng', 'Tuần Giáo', 'Điện Biên Đông', 'Mường Chà'];
const PASS = [80, 90, 100];

/** What the roster must report for the generated lines: the page's own headline figures. */
export type RosterExpected = RosterTotals;

/** A generated data set. */
export interface RosterDataset {
  /** The paste: one `code<TAB>name<TAB>unit` line each. */
  text: string;
  /** The trainer device's sessions, as stored in localStorage["tt-buoi-hoc"]. */
  store: { v: 1; sessions: TrainerSession[]; current: Record<string, number> };
  expected: RosterExpected;
  /** Planted pairs of distinct learners sharing one code. */
  planted: number;
}

interface Line {
  code: string;
  name: string;
  unit: string;
  kind: 'attended' | 'other-session' | 'self-study' | 'corrupt';
}

const isoMinus = (today: string, days: number) => new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

function makeSession(rng: Rng, quiz: string, unit: string, date: string): TrainerSession {
  const secret = Uint8Array.from({ length: 16 }, () => rng.int(0, 255));
  return { id: rng.int(0, 65535), key: toBase64Url(secret), quiz, unit, date, openedAt: `${date}T01:00:00.000Z`, imported: false };
}

const secretOf = (s: TrainerSession) => Uint8Array.from(atob(s.key.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));

/** Two different names whose 21-bit hashes collide in `unit` (a birthday search over the name lists). */
function collidingNames(unit: string, skip: Set<string>): [string, string] | null {
  const seen = new Map<number, string>();
  for (const f of FAMILY) for (const m of MIDDLE) for (const g of GIVEN) for (const g2 of ['', ...GIVEN.slice(0, 12)]) {
    const name = g2 ? `${f} ${m} ${g} ${g2}` : `${f} ${m} ${g}`;
    if (skip.has(name)) continue;
    const h = holderHash(name, unit);
    const other = seen.get(h);
    if (other) return [other, name];
    seen.set(h, name);
  }
  return null;
}

/** Replaces one character of a code with another of the alphabet: always refused by the check. */
function corrupt(rng: Rng, code: string): string {
  const positions = [...code].map((c, i) => (c === '-' ? -1 : i)).filter((i) => i >= 0);
  const i = rng.pick(positions);
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'.replace(code[i]!, '');
  return code.slice(0, i) + rng.pick([...alphabet]) + code.slice(i + 1);
}

/** Generates `lines` roster lines (≥ 1,000) dated up to `today` (YYYY-MM-DD, Vietnam date). */
export async function rosterDataset(opts: { lines: number; today: string; seed?: number }): Promise<RosterDataset> {
  const rng = createRng(opts.seed ?? 52);
  const units = Array.from({ length: 200 }, (_, i) => `Chi bộ ${i % 2 ? 'bản' : 'xã'} ${PLACES[i % PLACES.length]} ${i + 1}`);
  const held: TrainerSession[] = [];
  for (const unit of units) for (const q of QUIZZES) held.push(makeSession(rng, q.id, unit, isoMinus(opts.today, rng.int(0, 90))));
  // Other devices' sessions, with ids this device does not hold (a clash would make them "bad MAC").
  const heldIds = new Set(held.map((s) => s.id));
  const foreign: TrainerSession[] = [];
  while (foreign.length < 20) {
    const s = makeSession(rng, QUIZZES[foreign.length % 3]!.id, rng.pick(units), isoMinus(opts.today, rng.int(0, 90)));
    if (!heldIds.has(s.id)) foreign.push(s);
  }
  const quizCode = (id: string) => QUIZZES.find((q) => q.id === id)!.code;

  const duplicates = Math.round(opts.lines * 0.02);
  const plantedPairs = 7;
  const primaries = opts.lines - duplicates;
  const used = new Map<string, Set<string>>(units.map((u) => [u, new Set()]));
  const lines: Line[] = [];

  // Planted pairs: 5 session-bound (the issue's case), 2 old self-study v2 codes.
  let unitIndex = 0;
  for (let p = 0; p < plantedPairs; p++) {
    let pair: [string, string] | null = null;
    let unit = '';
    while (!pair) {
      unit = units[unitIndex++ % units.length]!;
      pair = collidingNames(unit, used.get(unit)!);
    }
    for (const n of pair) used.get(unit)!.add(n);
    const percent = rng.pick(PASS);
    if (p < 5) {
      const s = held.find((x) => x.unit === unit)!;
      const fields = { quiz: quizCode(s.quiz), date: s.date, percent, holder: holderHash(pair[0], unit) };
      const code = await encodeSessionReceipt(fields, { id: s.id, secret: secretOf(s) });
      for (const name of pair) lines.push({ code, name, unit, kind: 'attended' });
    } else {
      const code = encodeReceipt({ version: 2, quiz: rng.pick(QUIZZES).code, date: isoMinus(opts.today, rng.int(0, 90)), percent, holder: holderHash(pair[0], unit) });
      for (const name of pair) lines.push({ code, name, unit, kind: 'self-study' });
    }
  }

  while (lines.length < primaries) {
    const unit = rng.pick(units);
    const taken = used.get(unit)!;
    let name = '';
    do name = `${rng.pick(FAMILY)} ${rng.pick(MIDDLE)} ${rng.pick(GIVEN)}${rng.chance(0.5) ? ` ${rng.pick(GIVEN)}` : ''}`;
    while (taken.has(name));
    taken.add(name);
    const percent = rng.pick(PASS);
    const roll = rng.next();
    let line: Line;
    if (roll < 0.6 || roll >= 0.95) {
      const s = roll < 0.6 ? rng.pick(held.filter((x) => x.unit === unit)) : rng.pick(foreign);
      const fields = { quiz: quizCode(s.quiz), date: s.date, percent, holder: holderHash(name, unit) };
      line = { code: await encodeSessionReceipt(fields, { id: s.id, secret: secretOf(s) }), name, unit, kind: roll < 0.6 ? 'attended' : 'other-session' };
    } else {
      const version = roll < 0.9 ? SELF_STUDY_VERSION : 2;
      const fields = { quiz: rng.pick(QUIZZES).code, date: isoMinus(opts.today, rng.int(0, 90)), percent, holder: holderHashFor(version, name, unit) };
      line = { code: encodeReceipt({ ...fields, version }), name, unit, kind: 'self-study' };
    }
    if (rng.chance(0.01)) line = { ...line, code: corrupt(rng, line.code), kind: 'corrupt' };
    lines.push(line);
  }
  // Shuffle (Fisher–Yates), then slip in identical repeats after their originals.
  for (let i = lines.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [lines[i], lines[j]] = [lines[j]!, lines[i]!];
  }
  const text: string[] = [];
  const emitted: Line[] = [];
  let dupLeft = duplicates;
  for (const line of lines) {
    text.push(`${line.code}\t${line.name}\t${line.unit}`);
    emitted.push(line);
    // Spread the repeats evenly over the list.
    while (dupLeft > 0 && dupLeft * primaries > (primaries - emitted.length) * duplicates) {
      const d = rng.pick(emitted);
      // Same line once normalised: lower case, spaces in the code, upper-case name, `;` separators.
      text.push(rng.chance(0.5) ? `${d.code}\t${d.name}\t${d.unit}` : `${d.code.toLowerCase().replace(/-/g, ' ')} ; ${d.name.toUpperCase()} ;  ${d.unit}`);
      dupLeft--;
    }
  }

  const seen = new Map<string, string>();
  let sharedCode = 0;
  for (const l of emitted) {
    if (l.kind === 'corrupt') continue;
    const who = `${l.name}\u0000${l.unit}`;
    const first = seen.get(l.code);
    if (first === undefined) seen.set(l.code, who);
    else if (first !== who) sharedCode++;
  }
  const count = (k: Line['kind']) => emitted.filter((l) => l.kind === k).length;
  const expected: RosterExpected = {
    lines: text.length,
    accepted: emitted.length - count('corrupt'),
    attended: count('attended'),
    selfStudy: count('self-study'),
    otherSession: count('other-session'),
    rejected: count('corrupt'),
    duplicates,
    sharedCode,
  };
  return { text: text.join('\n'), store: { v: 1, sessions: held, current: {} }, expected, planted: plantedPairs };
}
