/**
 * Receipt codes ("mã xác nhận"): twelve Crockford base32 characters in three groups of four,
 * e.g. `1A3F-9KQZ-M2XH`, easy to read aloud over the phone or type from a printed certificate.
 *
 * Layout (version 1): 10 data characters = 50 bits, big-endian, then 2 check characters.
 * | bits | field | range |
 * |---|---|---|
 * | 3  | version | 1 (0 and 2–7 are refused) |
 * | 5  | quiz code (`code:` in the quiz YAML) | 1–31 |
 * | 14 | day of completion, days since 2024-01-01 (Vietnam date) | 2024-01-01 … 2068-11-08 |
 * | 7  | score in percent | 0–100 |
 * | 21 | hash of the normalised họ tên + đơn vị (FNV-1a folded to 21 bits) | |
 *
 * Check: the 50-bit value modulo the prime 1021, written as two base32 characters. Why this
 * catches every single-character typo and every swap of two neighbouring characters:
 * - a typo in data position k changes the value by d·32^k with 0 < |d| ≤ 31; 1021 is a prime
 *   larger than 31 that does not divide 32^k, so the remainder changes;
 * - swapping data neighbours a,b changes the value by (a−b)·31·32^k, again not a multiple of 1021;
 * - a typo in a check character changes the stored check and not the data;
 * - swapping the two check characters h,l changes 32h+l to 32l+h (different when h ≠ l);
 * - swapping the last data character x with the first check character h would need 33·(h−x) ≡ 0
 *   (mod 1021), only possible when h = x, i.e. when the swap changes nothing.
 * tests/unit/quiz/receipt.test.ts checks these facts exhaustively over every digit and position.
 *
 * What the code does NOT guarantee: the site is static and the algorithm is public, so anyone can
 * compute a valid code for any name, score and date. The check only catches honest mistakes; the
 * hash only lets a trainer confirm a code goes with the name and unit written beside it.
 */
import { comparableText } from '../quiz/learner.ts';

/** Crockford's base32 alphabet (no I, L, O, U). */
export const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Current code version. */
export const RECEIPT_VERSION = 1;
/** Modulus of the check (a prime just under 32²). */
export const CHECK_MODULUS = 1021;
/** Day 0 of the date field. */
export const EPOCH = '2024-01-01';
/** Data characters. */
export const DATA_LENGTH = 10;
/** Total characters without separators. */
export const CODE_LENGTH = 12;

const HASH_BITS = 21;
const MAX_DAY = 2 ** 14 - 1;

/** What a receipt code says. */
export interface Receipt {
  version: number;
  /** The quiz's numeric `code`. */
  quiz: number;
  /** Vietnam calendar date, YYYY-MM-DD. */
  date: string;
  /** Score in percent. */
  percent: number;
  /** 21-bit hash of họ tên + đơn vị ({@link holderHash}). */
  holder: number;
}

/** Why a text is not a valid code. */
export type DecodeProblem = 'length' | 'characters' | 'check' | 'version' | 'fields';

/** Decoding result. */
export type DecodeResult = { ok: true; receipt: Receipt; code: string } | { ok: false; problem: DecodeProblem };

/** 21-bit FNV-1a hash of the normalised name and unit. */
export function holderHash(name: string, unit: string): number {
  const s = `${comparableText(name)}\u001f${comparableText(unit)}`;
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(s)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193);
  }
  h >>>= 0;
  // Fold the high bits in rather than dropping them.
  return (h ^ (h >>> HASH_BITS)) & (2 ** HASH_BITS - 1);
}

const dayNumber = (iso: string) => Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.parse(`${EPOCH}T00:00:00Z`)) / 86_400_000);
const dayToIso = (n: number) => new Date(Date.parse(`${EPOCH}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The check value (0…1020) of a data value. */
export function checkOf(value: number): number {
  return value % CHECK_MODULUS;
}

function toDigits(value: number, length: number): number[] {
  const out: number[] = new Array(length).fill(0);
  let v = value;
  for (let i = length - 1; i >= 0; i--) {
    out[i] = v % 32;
    v = Math.floor(v / 32);
  }
  return out;
}

/** Groups 12 characters as XXXX-XXXX-XXXX. */
export function groupCode(chars: string): string {
  return chars.match(/.{1,4}/g)!.join('-');
}

/**
 * Builds the code of a receipt.
 * @example encodeReceipt({ version: 1, quiz: 1, date: '2026-11-27', percent: 90, holder: holderHash('Lò Thị Mai', 'Xã Thanh Nưa') })
 */
export function encodeReceipt(r: Omit<Receipt, 'version'> & { version?: number }): string {
  const version = r.version ?? RECEIPT_VERSION;
  const day = dayNumber(r.date);
  if (!Number.isInteger(version) || version < 0 || version > 7) throw new RangeError('version');
  if (!Number.isInteger(r.quiz) || r.quiz < 0 || r.quiz > 31) throw new RangeError('quiz code');
  if (!Number.isInteger(day) || day < 0 || day > MAX_DAY) throw new RangeError('date');
  if (!Number.isInteger(r.percent) || r.percent < 0 || r.percent > 100) throw new RangeError('percent');
  if (!Number.isInteger(r.holder) || r.holder < 0 || r.holder >= 2 ** HASH_BITS) throw new RangeError('holder');
  const value = (((version * 32 + r.quiz) * 2 ** 14 + day) * 128 + r.percent) * 2 ** HASH_BITS + r.holder;
  const digits = [...toDigits(value, DATA_LENGTH), ...toDigits(checkOf(value), 2)];
  return groupCode(digits.map((d) => ALPHABET[d]).join(''));
}

/** Upper-cases, drops spaces and hyphens and maps the look-alikes Crockford allows (O→0, I/L→1). */
export function normaliseCode(text: string): string {
  return text
    .toUpperCase()
    .replace(/[\s\-‐‑–—_.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

/** Reads a code typed or pasted by a person. */
export function decodeReceipt(text: string): DecodeResult {
  const chars = normaliseCode(text);
  if (chars.length !== CODE_LENGTH) return { ok: false, problem: 'length' };
  const digits: number[] = [];
  for (const ch of chars) {
    const d = ALPHABET.indexOf(ch);
    if (d < 0) return { ok: false, problem: 'characters' };
    digits.push(d);
  }
  let value = 0;
  for (const d of digits.slice(0, DATA_LENGTH)) value = value * 32 + d;
  const stored = digits[DATA_LENGTH]! * 32 + digits[DATA_LENGTH + 1]!;
  if (stored !== checkOf(value)) return { ok: false, problem: 'check' };
  const holder = value % 2 ** HASH_BITS;
  let rest = Math.floor(value / 2 ** HASH_BITS);
  const percent = rest % 128;
  rest = Math.floor(rest / 128);
  const day = rest % 2 ** 14;
  rest = Math.floor(rest / 2 ** 14);
  const quiz = rest % 32;
  const version = Math.floor(rest / 32);
  if (version !== RECEIPT_VERSION) return { ok: false, problem: 'version' };
  if (percent > 100 || quiz === 0) return { ok: false, problem: 'fields' };
  return { ok: true, code: groupCode(chars), receipt: { version, quiz, date: dayToIso(day), percent, holder } };
}
