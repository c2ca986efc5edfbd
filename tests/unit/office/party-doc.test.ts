import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { DOCX_MIME, PARTY_LAYOUT, partyDocBlob, partyDocBytes } from '../../../src/lib/office/party-doc.ts';
import type { PartyDocDesc } from '../../../src/lib/office/party-doc.ts';

const desc: PartyDocDesc = {
  superior: 'ĐẢNG BỘ TỈNH [TÊN TỈNH]',
  issuer: '[TÊN CƠ QUAN]',
  number: 'Số [..]-KH/[..]',
  placeDate: '[Địa danh], ngày [..] tháng [..] năm [....]',
  kind: 'KẾ HOẠCH',
  abstract: ['thực hiện [tên văn bản]'],
  body: [
    { type: 'part', text: 'I- MỤC ĐÍCH, YÊU CẦU' },
    { type: 'item', text: '1. Mục đích' },
    // NFD input ("ộ" decomposed) must come out NFC.
    { type: 'paragraph', text: [{ text: 'Tổng số: ', bold: true }, 'Đội ngũ trí thức'.normalize('NFD')] },
    { type: 'table', header: ['Đơn vị', 'Số người'], rows: [['Chi bộ Ụ', '3']], emptyRows: 1 },
    { type: 'list', items: ['một', 'hai'] },
  ],
  recipients: { title: 'Nơi nhận:', lines: ['- [..],', '- Lưu [..].'] },
  signer: { authority: 'T/M [TÊN CẤP ỦY]', position: '[CHỨC VỤ]', name: '[Họ và tên]' },
  note: 'Tệp do trang tạo.',
  noteLabel: 'Ghi chú của trang:',
};

function xmlOf(bytes: Uint8Array, name: string): string {
  const files = unzipSync(bytes);
  const f = files[name];
  if (!f) throw new Error(`${name} missing; have ${Object.keys(files).join(', ')}`);
  return strFromU8(f);
}

describe('party-doc', () => {
  it('keeps every element in the Party order, NFC', async () => {
    const bytes = await partyDocBytes(desc);
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    const order = ['ĐẢNG BỘ TỈNH [TÊN TỈNH]', '[TÊN CƠ QUAN]', '*', 'Số [..]-KH/[..]', 'ĐẢNG CỘNG SẢN VIỆT NAM', '[Địa danh], ngày', 'KẾ HOẠCH', 'thực hiện [tên văn bản]', 'I- MỤC ĐÍCH, YÊU CẦU', '1. Mục đích', 'Tổng số: Đội ngũ trí thức', 'Chi bộ Ụ', '1. một', '2. hai', 'Nơi nhận:', '- Lưu [..].', 'T/M [TÊN CẤP ỦY]', '[CHỨC VỤ]', '[Họ và tên]'];
    let at = -1;
    for (const s of order) {
      const i = value.indexOf(s, at + 1);
      expect(i, s).toBeGreaterThan(at);
      at = i;
    }
    expect(value).not.toContain('Đội ngũ trí thức'.normalize('NFD'));
  });

  it('uses A4, the margins, Times New Roman and the sizes of the layout', async () => {
    const xml = xmlOf(await partyDocBytes(desc), 'word/document.xml');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/w:left="1984"/); // 35 mm
    expect(xml).toMatch(/w:right="850"/); // 15 mm
    expect(xml).toContain('<w:titlePg/>');
    const styles = xmlOf(await partyDocBytes(desc), 'word/styles.xml');
    expect(styles).toContain('w:ascii="Times New Roman"');
    // Party title 15 pt bold, type name 16 pt: sizes are half-points.
    expect(xml).toMatch(new RegExp(`<w:b/>(?:<w:bCs/>)?<w:sz w:val="${PARTY_LAYOUT.size.partyTitle * 2}"/>[\\s\\S]*?ĐẢNG CỘNG SẢN VIỆT NAM`));
    expect(xml).toMatch(new RegExp(`<w:sz w:val="${PARTY_LAYOUT.size.kind * 2}"/>[\\s\\S]{0,200}KẾ HOẠCH`));
    // Place and date in italics.
    expect(xml).toMatch(/<w:i\/>(?:<w:iCs\/>)?<w:sz w:val="28"\/>[\s\S]{0,120}\[Địa danh\], ngày/);
  });

  it('puts the note in the first page footer, not in the body', async () => {
    const bytes = await partyDocBytes(desc);
    const files = Object.keys(unzipSync(bytes)).filter((n) => /^word\/footer\d+\.xml$/.test(n));
    const footers = files.map((n) => xmlOf(bytes, n)).join('');
    expect(footers).toContain('Tệp do trang tạo.');
    expect(xmlOf(bytes, 'word/document.xml')).not.toContain('Tệp do trang tạo.');
  });

  it('leaves out what is not given', async () => {
    const bytes = await partyDocBytes({ issuer: 'CHI BỘ [..]', kind: 'BÁO CÁO', body: [{ type: 'paragraph', text: 'x' }], abstractRule: '' });
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    expect(value).not.toContain('Nơi nhận');
    expect(value).not.toContain('-----');
    expect(value).toContain('CHI BỘ [..]');
  });

  it('makes a Blob with the .docx type for browsers', async () => {
    const blob = await partyDocBlob(desc);
    expect(blob.type).toBe(DOCX_MIME);
    expect(blob.size).toBeGreaterThan(3000);
  });
});
