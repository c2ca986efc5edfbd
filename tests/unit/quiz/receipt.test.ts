import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ALPHABET,
  CHECK_MODULUS,
  CODE_LENGTH,
  DATA_LENGTH,
  decodeReceipt,
  encodeReceipt,
  holderHash,
  normaliseCode,
} from '../../../src/lib/receipt/code.ts';

const receiptArb = fc.record({
  quiz: fc.integer({ min: 1, max: 31 }),
  date: fc.integer({ min: 0, max: 16383 }).map((d) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10)),
  percent: fc.integer({ min: 0, max: 100 }),
  holder: fc.integer({ min: 0, max: 2 ** 21 - 1 }),
});

describe('receipt code', () => {
  it('has the documented shape', () => {
    const code = encodeReceipt({ quiz: 1, date: '2026-11-27', percent: 90, holder: holderHash('Lò Thị Mai', 'Xã Thanh Nưa') });
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  });

  it('round-trips every field', () => {
    fc.assert(
      fc.property(receiptArb, (r) => {
        const d = decodeReceipt(encodeReceipt(r));
        expect(d).toEqual({ ok: true, code: encodeReceipt(r), receipt: { version: 1, ...r } });
      }),
    );
  });

  it('reads what people type: lower case, spaces, O for 0, I/L for 1', () => {
    const code = encodeReceipt({ quiz: 2, date: '2026-01-10', percent: 100, holder: 12345 });
    const typed = ` ${code.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l')} `;
    expect(decodeReceipt(typed)).toMatchObject({ ok: true, code });
    expect(normaliseCode('ab-cd')).toBe('ABCD');
  });

  it('refuses wrong lengths, foreign characters, other versions and impossible fields', () => {
    expect(decodeReceipt('ABCD-EFGH')).toEqual({ ok: false, problem: 'length' });
    expect(decodeReceipt('ABCD-EFGH-JKU1')).toEqual({ ok: false, problem: 'characters' });
    const v2 = encodeReceipt({ version: 2, quiz: 1, date: '2026-11-27', percent: 90, holder: 1 });
    expect(decodeReceipt(v2)).toEqual({ ok: false, problem: 'version' });
    const q0 = encodeReceipt({ quiz: 0, date: '2026-11-27', percent: 90, holder: 1 });
    expect(decodeReceipt(q0)).toEqual({ ok: false, problem: 'fields' });
    expect(() => encodeReceipt({ quiz: 1, date: '2023-12-31', percent: 90, holder: 1 })).toThrow(RangeError);
    expect(() => encodeReceipt({ quiz: 1, date: '2026-11-27', percent: 101, holder: 1 })).toThrow(RangeError);
  });

  it('the hash depends on name and unit but not on case, spacing or Unicode form', () => {
    expect(holderHash('Lò Thị Mai', 'Xã Thanh Nưa')).toBe(holderHash('  LÒ THỊ  MAI', 'xã thanh nưa'.normalize('NFD')));
    expect(holderHash('Lò Thị Mai', 'Xã Thanh Nưa')).not.toBe(holderHash('Lò Thị Mại', 'Xã Thanh Nưa'));
    expect(holderHash('Lò Thị Mai', 'Xã Thanh Nưa')).not.toBe(holderHash('Lò Thị Mai', 'Xã Thanh Xương'));
    expect(holderHash('a', 'b')).toBeLessThan(2 ** 21);
  });
});

describe('the check catches every single-character typo and every swap of neighbours', () => {
  // Exhaustive over the algebra: a typo changes the data value by d·32^k, a data swap by (a−b)·31·32^k.
  it('no data substitution is a multiple of the modulus (all 10 positions × all 62 differences)', () => {
    for (let k = 0; k < DATA_LENGTH; k++) {
      const weight = 32 ** k % CHECK_MODULUS;
      for (let d = -31; d <= 31; d++) if (d !== 0) expect(((d * weight) % CHECK_MODULUS + CHECK_MODULUS) % CHECK_MODULUS).not.toBe(0);
    }
  });

  it('no data transposition is a multiple of the modulus', () => {
    for (let k = 0; k < DATA_LENGTH - 1; k++) {
      const weight = (31 * 32 ** k) % CHECK_MODULUS;
      for (let d = -31; d <= 31; d++) if (d !== 0) expect(((d * weight) % CHECK_MODULUS + CHECK_MODULUS) % CHECK_MODULUS).not.toBe(0);
    }
  });

  it('on real codes: every substitution and every adjacent swap is refused', () => {
    fc.assert(
      fc.property(receiptArb, (r) => {
        const chars = encodeReceipt(r).replace(/-/g, '');
        expect(chars).toHaveLength(CODE_LENGTH);
        for (let i = 0; i < CODE_LENGTH; i++) {
          for (const ch of ALPHABET) {
            if (ch === chars[i]) continue;
            const typo = chars.slice(0, i) + ch + chars.slice(i + 1);
            expect(decodeReceipt(typo).ok, `${chars} → ${typo}`).toBe(false);
          }
        }
        for (let i = 0; i < CODE_LENGTH - 1; i++) {
          if (chars[i] === chars[i + 1]) continue;
          const swapped = chars.slice(0, i) + chars[i + 1] + chars[i] + chars.slice(i + 2);
          expect(decodeReceipt(swapped).ok, `${chars} → ${swapped}`).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the failures are reported as a bad check, not silently decoded to another receipt', () => {
    const chars = encodeReceipt({ quiz: 3, date: '2026-11-27', percent: 85, holder: 99 }).replace(/-/g, '');
    const i = 6;
    const other = ALPHABET[(ALPHABET.indexOf(chars[i]!) + 1) % 32]!;
    expect(decodeReceipt(chars.slice(0, i) + other + chars.slice(i + 1))).toEqual({ ok: false, problem: 'check' });
  });
});
