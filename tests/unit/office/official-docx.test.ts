import { describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import { parseOfficialText, linesOf } from '../../../src/lib/official-text/parse.ts';
import { officialTextDoc, unitPlanTemplate } from '../../../src/lib/office/official-docx.ts';
import type { TemplateLabels } from '../../../src/lib/office/official-docx.ts';
import { handoutDoc } from '../../../src/lib/office/handout-docx.ts';
import type { HandoutLabels } from '../../../src/lib/office/handout-docx.ts';
import { partyDocBytes } from '../../../src/lib/office/party-doc.ts';

const SOURCE = [
  'HUYỆN ỦY MƯỜNG THỬ',
  '*',
  'Số 12-KH/HU',
  'ĐẢNG CỘNG SẢN VIỆT NAM',
  'Mường Thử, ngày 3 tháng 9 năm 2019',
  'KẾ HOẠCH',
  'thực hiện một kết luận thử',
  '-----',
  'Thực hiện kết luận thử, Ban Thường vụ Huyện ủy xây dựng kế hoạch như sau:',
  'I- MỤC ĐÍCH, YÊU CẦU',
  '1. Mục đích',
  'Câu mục đích thử nghiệm của văn bản mẫu này.',
  '2. Yêu cầu',
  'Câu yêu cầu thử nghiệm của văn bản mẫu này.',
  'II- NỘI DUNG',
  '1. Một việc cụ thể được giao, viết thành một câu dài có dấu chấm ở cuối câu.',
  'Nơi nhận:',
  '- Lưu Văn phòng.',
  'Nguyễn Văn A',
].join('\n');

const text = async (bytes: Uint8Array) => (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
const nonEmpty = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean);

describe('officialTextDoc', () => {
  it('puts every line of the text in the document, in order, and nothing else in its body', async () => {
    const doc = parseOfficialText(SOURCE);
    const desc = officialTextDoc(doc, { note: 'GHI CHÚ CỦA TRANG', title: 'Kế hoạch số 12-KH/HU', labels: { noteLabel: 'Ghi chú:', creator: 'x' } });
    expect(nonEmpty(await text(await partyDocBytes(desc)))).toEqual(linesOf(doc));
    expect(desc.note).toBe('GHI CHÚ CỦA TRANG');
    expect(desc.signer).toEqual({ authority: undefined, position: undefined, name: 'Nguyễn Văn A' });
  });

  it('refuses a header it cannot place rather than dropping a line', () => {
    const bad = SOURCE.replace('HUYỆN ỦY MƯỜNG THỬ', 'ĐẢNG BỘ TỈNH\nHUYỆN ỦY\nCHI BỘ');
    expect(() => officialTextDoc(parseOfficialText(bad), { note: '', title: '', labels: { noteLabel: '', creator: '' } })).toThrow(/dòng tên cơ quan/);
  });
});

describe('unitPlanTemplate', () => {
  const labels: TemplateLabels = {
    noteLabel: 'Ghi chú:', creator: 'x', superior: '[CẤP TRÊN]', issuer: '[CẤP ỦY]', number: 'Số [..]', placeDate: '[Nơi], ngày [..]', abstract: '[trích yếu]',
    canCu: 'Căn cứ Kế hoạch số {number}, ngày {date} của {issuer} {abstract}; [..]:', blank: '....', recipientsTitle: 'Nơi nhận:', recipients: ['- [..]'],
    authority: 'T/M [..]', position: '[CHỨC VỤ]', name: '[Họ và tên]', note: 'Mẫu.',
  };
  it('has the căn cứ line, the part headings and the titled items of part I, and no sentence of the text', async () => {
    const desc = unitPlanTemplate(parseOfficialText(SOURCE), { number: '12-KH/HU', date: '3/9/2019', issuer: 'Huyện ủy Mường Thử', abstract: 'thực hiện một kết luận thử' }, labels);
    const got = nonEmpty(await text(await partyDocBytes(desc)));
    expect(got).toContain('Căn cứ Kế hoạch số 12-KH/HU, ngày 3/9/2019 của Huyện ủy Mường Thử thực hiện một kết luận thử; [..]:');
    const headings = got.filter((l) => /^(I|II)- |^\d\. /.test(l));
    expect(headings).toEqual(['I- MỤC ĐÍCH, YÊU CẦU', '1. Mục đích', '2. Yêu cầu', 'II- NỘI DUNG']);
    expect(got.join('\n')).not.toContain('Câu mục đích thử nghiệm');
    expect(got.join('\n')).not.toContain('Một việc cụ thể được giao');
  });
});

describe('handoutDoc', () => {
  const L = Object.fromEntries(
    ['superior', 'issuer', 'placeDate', 'kind', 'duration', 'audience', 'unit', 'date', 'place', 'chair', 'blank', 'objectives', 'outline', 'agenda', 'agendaStart', 'agendaItem', 'agendaMinutes', 'total', 'preparation', 'discussion', 'answers', 'answerLine', 'attendance', 'no', 'name', 'unitCol', 'sign', 'creator'].map((k) => [k, `«${k}»`]),
  ) as unknown as HandoutLabels;
  it('holds the agenda with its minutes, the questions and the attendance rows', async () => {
    const desc = handoutDoc(
      {
        title: 'Chuyên đề thử', order: 2, duration: 30, audience: 'Đảng viên', objectives: ['Mục tiêu một'], preparation: ['In tài liệu'],
        agenda: [{ title: 'Khai mạc', minutes: 10 }, { title: 'Thảo luận', minutes: 20 }], discussion: ['Câu hỏi một?', 'Câu hỏi hai?'],
        outline: [{ depth: 2, text: 'Phần một', id: 'a' }, { depth: 3, text: 'Ý nhỏ', id: 'b' }], quizShortUrl: 'example.org/kiem-tra/x/', attendanceRows: 3,
      },
      { ...L, minutes: '{n} phút', abstract: 'Chuyên đề {n}: {title}', quiz: 'Bài kiểm tra: {url}' },
    );
    const got = nonEmpty(await text(await partyDocBytes(desc))).join('\n');
    for (const s of ['Chuyên đề 2: Chuyên đề thử', '0–10', 'Khai mạc', '10–30', '20 phút', 'Câu hỏi một?', 'Câu hỏi hai?', 'Phần một', 'Ý nhỏ', 'Bài kiểm tra: example.org/kiem-tra/x/', '«name»']) expect(got).toContain(s);
    expect(got.indexOf('Câu hỏi một?')).toBeLessThan(got.indexOf('«attendance»'.toLocaleUpperCase('vi')));
    expect(got.split('\n')).toContain('3');
  });
});
