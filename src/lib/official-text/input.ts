/**
 * Reads an official document as the editor received it (.txt bytes or a .docx file) into text,
 * rejecting what cannot be read faithfully: an empty file, a binary file, UTF-16 or legacy
 * Vietnamese encodings (Windows-1258, TCVN3/VNI) that would garble diacritics. Every rejection is
 * an {@link InputError} with a Vietnamese message that tells the editor what to do.
 */

/** Why an input cannot be imported; `message` is Vietnamese and shown to editors. */
export class InputError extends Error {
  override name = 'InputError';
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** True when the bytes start like a ZIP container (.docx is one). */
export function isZip(bytes: Uint8Array): boolean {
  return ZIP_MAGIC.every((b, i) => bytes[i] === b);
}

/** What every encoding rejection tells the editor to do. */
const SAVE_AS_UTF8 = 'Hãy mở tệp bằng trình soạn thảo và lưu lại với mã Unicode UTF-8.';

/** Decodes the bytes of a .txt file as UTF-8, or throws {@link InputError}. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new InputError('tệp rỗng: không có nội dung nào để nhập');
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new InputError(`tệp được lưu với mã UTF-16, chưa đọc được. ${SAVE_AS_UTF8}`);
  }
  if (isZip(bytes)) throw new InputError('tệp là một tệp nén (có thể là .docx): hãy đặt đuôi .docx cho tệp Word');
  const sample = bytes.subarray(0, Math.min(bytes.length, 65536));
  let nul = 0;
  let nulEven = 0;
  let control = 0;
  sample.forEach((b, i) => {
    if (b === 0) {
      nul++;
      if (i % 2 === 0) nulEven++;
    } else if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  });
  // UTF-16 without a byte order mark: about every other byte is zero, all on the same side.
  if (nul > sample.length / 4 && (nulEven > nul * 0.9 || nulEven < nul * 0.1)) {
    throw new InputError(`tệp có vẻ được lưu với mã UTF-16, chưa đọc được. ${SAVE_AS_UTF8}`);
  }
  if (nul > 0 || control > sample.length / 100) throw new InputError('tệp không phải văn bản thuần (có ký tự nhị phân): hãy dùng tệp .txt hoặc .docx');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`tệp không phải mã UTF-8 (có thể là Windows-1258, TCVN3 hoặc VNI), chữ có dấu sẽ bị sai. ${SAVE_AS_UTF8}`);
  }
  text = text.replace(/^\uFEFF/, '');
  if (text.trim().length === 0) throw new InputError('tệp rỗng: chỉ có khoảng trắng, không có chữ nào để nhập');
  if (looksLikeLegacyVietnamese(text)) {
    throw new InputError(`tệp có dấu hiệu chữ Việt mã cũ (TCVN3/VNI) được chép sang UTF-8, chữ có dấu đã bị sai. ${SAVE_AS_UTF8}`);
  }
  return text.normalize('NFC');
}

/**
 * Text that went through a legacy font encoding shows runs of Latin-1 letters Vietnamese never
 * uses (e.g. "Ké hoạch" typed in TCVN3 reads "KÕ ho¹ch"). Flags text where such letters are common.
 */
export function looksLikeLegacyVietnamese(text: string): boolean {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters === 0) return false;
  const odd = text.match(/[¹¶¸ºµ¼½¾ÆÇÎÏÖ×ØÞßæçîïñö÷øûþ¤¥]/gu)?.length ?? 0;
  return odd / letters > 0.01;
}

/** Extracts the text of a .docx file (paragraphs and table cells in reading order) with mammoth. */
export async function docxToText(bytes: Uint8Array): Promise<string> {
  if (bytes.length === 0) throw new InputError('tệp rỗng: không có nội dung nào để nhập');
  if (!isZip(bytes)) throw new InputError('tệp .docx không hợp lệ (không phải tệp Word): hãy lưu lại từ Word dưới dạng .docx');
  const mammoth = (await import('mammoth')).default;
  let value: string;
  try {
    ({ value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) }));
  } catch (err) {
    throw new InputError(`không đọc được tệp .docx: ${(err as Error).message.split('\n')[0]}`);
  }
  const text = value.replace(/\u00a0/g, ' ').normalize('NFC');
  if (text.trim().length === 0) throw new InputError('tệp .docx không có chữ nào để nhập');
  return text;
}
