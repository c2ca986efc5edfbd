/**
 * Receipt codes ("mã xác nhận"): Crockford base32 characters in groups of four, easy to read aloud
 * over the phone or type from a printed certificate. Three versions (full description and the
 * reasoning behind each length in ./README.md):
 *
 * | version | length | meaning | data bits |
 * |---|---|---|---|
 * | 1 | 12 (4-4-4) | self-study, made before December 2026 (plain layout, still accepted) | 50 |
 * | 2 | 12 (4-4-4) | self-study, made in December 2026 (still accepted) | 50 |
 * | 3 | 20 (4-4-4-4-4) | bound to a study session opened by a trainer ("đã dự buổi") | 90 |
 * | 4 | 16 (4-4-4-4) | self-study ("tự học"), 41-bit name hash | 70 |
 *
 * Data value (big-endian, base 32): the top 3 bits are the version, in the clear, so a reader knows
 * the layout (v1 codes start with 4–7, v2 with 8–B, v3 with C–F, v4 with G–K). The other bits are the fields:
 * | bits | field |
 * |---|---|
 * | 5  | quiz code (`code:` in the quiz YAML), 1–31 |
 * | 14 | day of completion, days since 2024-01-01 (Vietnam date) |
 * | 7  | score in percent, 0–100 |
 * | 21 (v1–v3) or 41 (v4) | hash of the normalised họ tên + đơn vị ({@link holderHash}, {@link wideHolderHash}) |
 * | 16 | v3 only: session id |
 * | 24 | v3 only: HMAC-SHA-256 under the session secret, truncated to 24 bits ({@link sessionMac}) |
 * In v2–v4 those bits are mixed by a fixed invertible permutation ({@link mix}) so that a change
 * of any one field (another quiz, another day) changes every group of the code; v1 wrote them as is,
 * which made one learner's codes for three quizzes look almost the same.
 *
 * Check: the data value modulo the prime 1021, written as two base32 characters after the data.
 * Why this catches every single-character typo and every swap of two neighbouring characters, for
 * any number of data characters:
 * - a typo in data position k changes the value by d·32^k with 0 < |d| ≤ 31; 1021 is a prime
 *   larger than 31 that does not divide 32^k, so the remainder changes;
 * - swapping data neighbours a,b changes the value by (a−b)·31·32^k, again not a multiple of 1021;
 * - a typo in a check character changes the stored check and not the data;
 * - swapping the two check characters h,l changes 32h+l to 32l+h (different when h ≠ l);
 * - swapping the last data character x with the first check character h would need 33·(h−x) ≡ 0
 *   (mod 1021), only possible when h = x, i.e. when the swap changes nothing.
 * The check is computed over the characters as written (after mixing), so mixing does not weaken it.
 * tests/unit/quiz/receipt.test.ts checks these facts exhaustively for both lengths.
 *
 * What the code does NOT guarantee: the algorithm is public, so anyone can compute a valid
 * self-study code (v1, v2) for any name, score and date. A v3 code can only be made by someone who
 * holds the session secret (a learner who opened the session link, or the trainer); see README.md.
 */
import { comparableText } from '../quiz/learner.ts';

/** Crockford's base32 alphabet (no I, L, O, U). */
export const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Version of new self-study codes (v4: 16 characters, 41-bit name hash). */
export const SELF_STUDY_VERSION = 4;
/** Version of session-bound codes. */
export const SESSION_VERSION = 3;
/** Modulus of the check (a prime just under 32²). */
export const CHECK_MODULUS = 1021;
/** Day 0 of the date field. */
export const EPOCH = '2024-01-01';
/** Data characters of a 12-character (v1, v2) code. */
export const DATA_LENGTH = 10;
/** Characters of a v1/v2 code without separators. */
export const CODE_LENGTH = 12;
/** Data characters of a 16-character (v4) code. */
export const WIDE_DATA_LENGTH = 14;
/** Characters of a v4 code without separators. */
export const WIDE_CODE_LENGTH = 16;
/** Data characters of a 20-character (v3) code. */
export const SESSION_DATA_LENGTH = 18;
/** Characters of a v3 code without separators. */
export const SESSION_CODE_LENGTH = 20;
/** Bits of the session id in a v3 code. */
export const SESSION_ID_BITS = 16;
/** Bits of the truncated MAC in a v3 code: a guessed code passes with probability 2^-24 (1 in 16,777,216). */
export const MAC_BITS = 24;

/** Bits of the name-and-unit hash in v1–v3 codes. */
export const HASH_BITS = 21;
/** Bits of the name-and-unit hash in v4 codes. */
export const WIDE_HASH_BITS = 41;
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
  /** Hash of họ tên + đơn vị: 21 bits in v1–v3 ({@link holderHash}), 41 bits in v4 ({@link wideHolderHash}). */
  holder: number;
  /** v3 only: the session id and the truncated MAC carried by the code. */
  session?: { id: number; mac: number };
}

/** The fields a code is made of (what the MAC covers, apart from the session id). */
export type ReceiptFields = Pick<Receipt, 'quiz' | 'date' | 'percent' | 'holder'>;

/** Why a text is not a valid code. */
export type DecodeProblem = 'length' | 'characters' | 'check' | 'version' | 'fields';

/** Decoding result. */
export type DecodeResult = { ok: true; receipt: Receipt; code: string } | { ok: false; problem: DecodeProblem };

/** The bytes both hashes read: UTF-8 of the normalised name, U+001F, the normalised unit. */
function holderBytes(name: string, unit: string): Uint8Array {
  return new TextEncoder().encode(`${comparableText(name)}\u001f${comparableText(unit)}`);
}

/** 21-bit hash of the normalised name and unit (v1–v3): 32-bit FNV-1a, high 11 bits folded onto the low 21. */
export function holderHash(name: string, unit: string): number {
  return holderHashOfBytes(holderBytes(name, unit));
}

function holderHashOfBytes(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (const byte of bytes) {
    h ^= byte;
    h = Math.imul(h, 0x01000193);
  }
  h >>>= 0;
  // Fold the high bits in rather than dropping them.
  return (h ^ (h >>> HASH_BITS)) & (2 ** HASH_BITS - 1);
}

/**
 * 41-bit hash of the normalised name and unit (v4): the top 41 bits of 64-bit FNV-1a (offset
 * 0xcbf29ce484222325, prime 0x100000001b3), i.e. `h >> 23`. Computed on four 16-bit limbs so it
 * costs no BigInt (the roster hashes every pasted line; 50,000 lines must stay cheap).
 */
export function wideHolderHash(name: string, unit: string): number {
  return wideHashOfBytes(holderBytes(name, unit));
}

function wideHashOfBytes(bytes: Uint8Array): number {
  let v0 = 0x2325, v1 = 0x8422, v2 = 0x9ce4, v3 = 0xcbf2;
  for (const byte of bytes) {
    v0 ^= byte;
    // h · 0x100000001b3 = h · 0x1b3 + (h << 40), carried limb by limb (every partial sum < 2^26).
    const t0 = v0 * 0x1b3;
    let t1 = v1 * 0x1b3, t2 = v2 * 0x1b3;
    const t3 = v3 * 0x1b3 + (v1 << 8);
    t2 += v0 << 8;
    t1 += t0 >>> 16;
    v0 = t0 & 0xffff;
    t2 += t1 >>> 16;
    v1 = t1 & 0xffff;
    v3 = (t3 + (t2 >>> 16)) & 0xffff;
    v2 = t2 & 0xffff;
  }
  return v3 * 2 ** 25 + v2 * 2 ** 9 + (v1 >>> 7);
}

/** The hash a code of `version` carries for this name and unit. */
export function holderHashFor(version: number, name: string, unit: string): number {
  return version >= 4 ? wideHolderHash(name, unit) : holderHash(name, unit);
}

/**
 * The same as {@link holderHashFor} on text already passed through `comparableText` (the roster
 * normalises each line once and uses the result both for the hash and to recognise identical lines).
 */
export function holderHashOfComparable(version: number, comparableName: string, comparableUnit: string): number {
  const bytes = new TextEncoder().encode(`${comparableName}\u001f${comparableUnit}`);
  return version >= 4 ? wideHashOfBytes(bytes) : holderHashOfBytes(bytes);
}

const dayNumber = (iso: string) => Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.parse(`${EPOCH}T00:00:00Z`)) / 86_400_000);
const dayToIso = (n: number) => new Date(Date.parse(`${EPOCH}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

// ---- mixing --------------------------------------------------------------------------------------
// A fixed bijection on n-bit integers: three rounds of "xor with the value shifted right" (spreads
// high bits down) and "multiply by an odd constant modulo 2^n" (spreads low bits up). Both steps are
// invertible, so decoding undoes them exactly. It hides nothing (it is public and keyless); it only
// makes codes that differ in one field look different everywhere.
const PHI = 0x9e3779b97f4a7c15f39cc0605cedc834n; // 2^128 / golden ratio, a well-spread odd-ish constant
const ROUNDS = 3;

function mixParams(n: number) {
  const bits = BigInt(n);
  const mask = (1n << bits) - 1n;
  const mul = ((PHI >> (128n - bits)) | 1n) & mask;
  // Inverse modulo 2^n by Newton's iteration (each step doubles the correct low bits).
  let inv = mul;
  for (let i = 0; i < 7; i++) inv = (inv * (2n - mul * inv)) & mask;
  const shift = BigInt(Math.ceil(n / 2));
  return { bits, mask, mul, inv, shift };
}
const PARAMS = new Map<number, ReturnType<typeof mixParams>>();
const params = (n: number) => PARAMS.get(n) ?? PARAMS.set(n, mixParams(n)).get(n)!;

/** The fixed mixing permutation on `n`-bit values (n = 47 for v2, 87 for v3, 67 for v4). */
export function mix(x: bigint, n: number): bigint {
  const { mask, mul, shift } = params(n);
  let v = x & mask;
  for (let r = 0; r < ROUNDS; r++) {
    v ^= v >> shift;
    v = (v * mul) & mask;
  }
  return v;
}

/** Inverse of {@link mix}. */
export function unmix(x: bigint, n: number): bigint {
  const { bits, mask, inv, shift } = params(n);
  let v = x & mask;
  for (let r = 0; r < ROUNDS; r++) {
    v = (v * inv) & mask;
    // Undo v ^= v >> shift: shift ≥ n/2, so one more xor restores the value.
    let u = v;
    for (let s = shift; s < bits; s += shift) u = v ^ (u >> shift);
    v = u;
  }
  return v;
}

// ---- digits and check ----------------------------------------------------------------------------

/** The check value (0…1020) of a data value. */
export function checkOf(value: bigint | number): number {
  return Number(BigInt(value) % BigInt(CHECK_MODULUS));
}

function toDigits(value: bigint, length: number): number[] {
  const out: number[] = new Array(length).fill(0);
  let v = value;
  for (let i = length - 1; i >= 0; i--) {
    out[i] = Number(v & 31n);
    v >>= 5n;
  }
  return out;
}

/** Groups characters by four: XXXX-XXXX-XXXX(-XXXX-XXXX). */
export function groupCode(chars: string): string {
  return chars.match(/.{1,4}/g)!.join('-');
}

function write(value: bigint, dataLength: number): string {
  const digits = [...toDigits(value, dataLength), ...toDigits(BigInt(checkOf(value)), 2)];
  return groupCode(digits.map((d) => ALPHABET[d]).join(''));
}

function fieldsValue(r: ReceiptFields, hashBits = HASH_BITS): bigint {
  const day = dayNumber(r.date);
  if (!Number.isInteger(r.quiz) || r.quiz < 0 || r.quiz > 31) throw new RangeError('quiz code');
  if (!Number.isInteger(day) || day < 0 || day > MAX_DAY) throw new RangeError('date');
  if (!Number.isInteger(r.percent) || r.percent < 0 || r.percent > 100) throw new RangeError('percent');
  if (!Number.isInteger(r.holder) || r.holder < 0 || r.holder >= 2 ** hashBits) throw new RangeError('holder');
  return (((BigInt(r.quiz) << 14n | BigInt(day)) << 7n | BigInt(r.percent)) << BigInt(hashBits)) | BigInt(r.holder);
}

const FIELD_BITS = 5 + 14 + 7 + HASH_BITS; // 47
const WIDE_FIELD_BITS = 5 + 14 + 7 + WIDE_HASH_BITS; // 67
const SESSION_BITS = FIELD_BITS + SESSION_ID_BITS + MAC_BITS; // 87

/**
 * Builds a self-study code: version 4 (16 characters) unless `version` says otherwise. `holder`
 * must be the hash of that version ({@link holderHashFor}). `version: 1` and `2` write the old
 * 12-character layouts, kept for tests of old codes and nothing else.
 * @example encodeReceipt({ quiz: 1, date: '2026-11-27', percent: 90, holder: wideHolderHash('Lò Thị Mai', 'Xã Thanh Nưa') })
 */
export function encodeReceipt(r: ReceiptFields & { version?: number }): string {
  const version = r.version ?? SELF_STUDY_VERSION;
  if (!Number.isInteger(version) || version < 0 || version > 7) throw new RangeError('version');
  if (version === SELF_STUDY_VERSION) {
    return write((BigInt(version) << BigInt(WIDE_FIELD_BITS)) | mix(fieldsValue(r, WIDE_HASH_BITS), WIDE_FIELD_BITS), WIDE_DATA_LENGTH);
  }
  const fields = fieldsValue(r);
  const body = version === 1 ? fields : mix(fields, FIELD_BITS);
  return write((BigInt(version) << BigInt(FIELD_BITS)) | body, DATA_LENGTH);
}

/** A self-study code (v4) from the learner's name and unit as typed. */
export function encodeFor(r: Omit<ReceiptFields, 'holder'> & { name: string; unit: string; version?: number }): string {
  const version = r.version ?? SELF_STUDY_VERSION;
  return encodeReceipt({ version, quiz: r.quiz, date: r.date, percent: r.percent, holder: holderHashFor(version, r.name, r.unit) });
}

/** The bytes the session MAC is computed over: a label, the version and every field, fixed width. */
export function macMessage(r: ReceiptFields, sessionId: number): Uint8Array {
  const day = dayNumber(r.date);
  const label = new TextEncoder().encode('tt-ma-xac-nhan');
  const out = new Uint8Array(label.length + 10);
  out.set(label);
  // version(1) quiz(1) day(2) percent(1) holder(3) session(2), big-endian.
  const f = [SESSION_VERSION, r.quiz, day >> 8, day & 255, r.percent, (r.holder >> 16) & 255, (r.holder >> 8) & 255, r.holder & 255, sessionId >> 8, sessionId & 255];
  out.set(f, label.length);
  return out;
}

/** Whether this runtime can compute the MAC (Web Crypto's `subtle` exists only in secure contexts: https or localhost). */
export function canMac(): boolean {
  return typeof crypto !== 'undefined' && typeof crypto.subtle?.sign === 'function';
}

/** The session secret as a Web Crypto HMAC-SHA-256 key (import once per session, sign many codes). */
export function importMacKey(secret: Uint8Array): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', secret as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

/** {@link sessionMac} with a key already imported by {@link importMacKey}. */
export async function sessionMacWithKey(r: ReceiptFields, sessionId: number, key: CryptoKey): Promise<number> {
  const tag = new Uint8Array(await crypto.subtle.sign('HMAC', key, macMessage(r, sessionId) as BufferSource));
  return ((tag[0]! << 16) | (tag[1]! << 8) | tag[2]!) >>> 0;
}

/** HMAC-SHA-256 of the code's fields under the session secret, truncated to its first {@link MAC_BITS} bits. */
export async function sessionMac(r: ReceiptFields, sessionId: number, secret: Uint8Array): Promise<number> {
  return sessionMacWithKey(r, sessionId, await importMacKey(secret));
}

/** Builds a session-bound code (version 3, 20 characters). */
export async function encodeSessionReceipt(r: ReceiptFields, session: { id: number; secret: Uint8Array }): Promise<string> {
  if (!Number.isInteger(session.id) || session.id < 0 || session.id >= 2 ** SESSION_ID_BITS) throw new RangeError('session id');
  const fields = fieldsValue(r);
  const mac = await sessionMac(r, session.id, session.secret);
  const body = (((fields << BigInt(SESSION_ID_BITS)) | BigInt(session.id)) << BigInt(MAC_BITS)) | BigInt(mac);
  return write((BigInt(SESSION_VERSION) << BigInt(SESSION_BITS)) | mix(body, SESSION_BITS), SESSION_DATA_LENGTH);
}

/** Whether a v3 receipt's MAC is the one the secret gives. */
export async function macMatches(r: Receipt, secret: Uint8Array): Promise<boolean> {
  if (!r.session) return false;
  return (await sessionMac(r, r.session.id, secret)) === r.session.mac;
}

/** Upper-cases, drops spaces and hyphens and maps the look-alikes Crockford allows (O→0, I/L→1). */
export function normaliseCode(text: string): string {
  return text
    .toUpperCase()
    .replace(/[\s\-‐‑–—_.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

function readFields(v: bigint, version: number, hashBits = HASH_BITS): Omit<Receipt, 'session'> | null {
  const holder = Number(v & ((1n << BigInt(hashBits)) - 1n));
  const percent = Number((v >> BigInt(hashBits)) & 127n);
  const day = Number((v >> BigInt(hashBits + 7)) & BigInt(MAX_DAY));
  const quiz = Number((v >> BigInt(hashBits + 21)) & 31n);
  if (percent > 100 || quiz === 0) return null;
  return { version, quiz, date: dayToIso(day), percent, holder };
}

const LENGTHS = new Set([CODE_LENGTH, WIDE_CODE_LENGTH, SESSION_CODE_LENGTH]);

/** Reads a code typed or pasted by a person (any version). The MAC of a v3 code is checked separately ({@link macMatches}). */
export function decodeReceipt(text: string): DecodeResult {
  const chars = normaliseCode(text);
  if (!LENGTHS.has(chars.length)) return { ok: false, problem: 'length' };
  const dataLength = chars.length - 2;
  let value = 0n;
  const digits: number[] = [];
  for (const ch of chars) {
    const d = ALPHABET.indexOf(ch);
    if (d < 0) return { ok: false, problem: 'characters' };
    digits.push(d);
  }
  // Most of the value fits a double (≤ 50 bits at a time), so BigInt work is a few operations per code.
  for (let i = 0; i < dataLength; i += 10) {
    const part = digits.slice(i, Math.min(i + 10, dataLength));
    let n = 0;
    for (const d of part) n = n * 32 + d;
    value = (value << BigInt(5 * part.length)) | BigInt(n);
  }
  const stored = digits[dataLength]! * 32 + digits[dataLength + 1]!;
  if (stored !== checkOf(value)) return { ok: false, problem: 'check' };
  const bodyBits = dataLength === SESSION_DATA_LENGTH ? SESSION_BITS : dataLength === WIDE_DATA_LENGTH ? WIDE_FIELD_BITS : FIELD_BITS;
  const version = Number(value >> BigInt(bodyBits));
  const body = value & ((1n << BigInt(bodyBits)) - 1n);
  const code = groupCode(chars);
  const done = (r: Omit<Receipt, 'session'> | null, session?: Receipt['session']): DecodeResult =>
    r ? { ok: true, code, receipt: session ? { ...r, session } : r } : { ok: false, problem: 'fields' };
  if (dataLength === DATA_LENGTH && version === 1) return done(readFields(body, 1));
  if (dataLength === DATA_LENGTH && version === 2) return done(readFields(unmix(body, FIELD_BITS), 2));
  if (dataLength === WIDE_DATA_LENGTH && version === 4) return done(readFields(unmix(body, WIDE_FIELD_BITS), 4, WIDE_HASH_BITS));
  if (dataLength === SESSION_DATA_LENGTH && version === SESSION_VERSION) {
    const plain = unmix(body, SESSION_BITS);
    const mac = Number(plain & BigInt(2 ** MAC_BITS - 1));
    const id = Number((plain >> BigInt(MAC_BITS)) & BigInt(2 ** SESSION_ID_BITS - 1));
    return done(readFields(plain >> BigInt(MAC_BITS + SESSION_ID_BITS), version), { id, mac });
  }
  return { ok: false, problem: 'version' };
}
