import { describe, expect, it } from 'vitest';
import { decodeText, looksLikeLegacyVietnamese, isZip, InputError, docxToText } from '../../../src/lib/official-text/input.ts';

const enc = (s: string) => new TextEncoder().encode(s);

describe('decodeText', () => {
  it('returns NFC text and drops a UTF-8 byte order mark', () => {
    expect(decodeText(enc('\uFEFFKe\u0302\u0301 hoạch'))).toBe('Kế hoạch');
  });
  it.each([
    ['empty', new Uint8Array(), /rỗng/],
    ['blank', enc('  \n\t'), /rỗng/],
    ['utf-16 bom', new Uint8Array([0xff, 0xfe, 0x41, 0]), /UTF-16/],
    ['zip', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]), /docx/],
    ['binary', new Uint8Array([0x41, 0, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48]), /nhị phân/],
    ['control characters', new Uint8Array([...enc('abc'), 0x01, 0x02, 0x03, ...enc('def')]), /nhị phân/],
    ['invalid utf-8', new Uint8Array([0x4b, 0xea, 0xec, 0x20]), /UTF-8/],
  ])('rejects %s', (_n, bytes, message) => {
    expect(() => decodeText(bytes)).toThrow(InputError);
    expect(() => decodeText(bytes)).toThrow(message);
  });
});

describe('looksLikeLegacyVietnamese', () => {
  it('flags TCVN3 read as Latin-1', () => expect(looksLikeLegacyVietnamese('KÕ ho¹ch triÓn khai KÕt luËn sè 52')).toBe(true));
  it('accepts real Vietnamese, including õ and ò', () => {
    expect(looksLikeLegacyVietnamese('Kế hoạch triển khai; cõi lòng; hòa bình; ĐẢNG CỘNG SẢN VIỆT NAM')).toBe(false);
  });
});

describe('docx', () => {
  it('recognises a ZIP container', () => {
    expect(isZip(new Uint8Array([0x50, 0x4b, 0x03, 0x04]))).toBe(true);
    expect(isZip(enc('PK'))).toBe(false);
  });
  it('rejects a corrupt .docx with a message', async () => {
    await expect(docxToText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]))).rejects.toThrow(/không đọc được tệp \.docx/);
  });
});
