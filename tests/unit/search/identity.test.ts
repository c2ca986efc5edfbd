import { describe, expect, it } from 'vitest';
import { describedDocument } from '../../../src/lib/search/identity.ts';
import type { DocumentIdentity } from '../../../src/lib/search/identity.ts';
import { FUNCTION_WORDS, understand } from '../../../src/lib/search/understand.ts';
import { fold } from '../../../src/lib/search/normalize.ts';
import { isKindWord, withoutKindWords } from '../../../src/lib/search/query.ts';

// The five documents' faces as their pages carry them (content/documents/*.mdx front matter).
const BASIS = 'tiếp tục thực hiện Nghị quyết Trung ương 7 khóa X về xây dựng đội ngũ trí thức trong thời kỳ đẩy mạnh công nghiệp hóa, hiện đại hóa đất nước';
const DOCS: DocumentIdentity[] = [
  {
    id: 'kh83',
    number: '83-KH/TU',
    issuer: 'Tỉnh ủy Điện Biên',
    body: 'Ban Thường vụ Tỉnh ủy xây dựng kế hoạch',
    abstract: `triển khai Kết luận số 52-KL/TW, ngày 30/5/2019 của Ban Bí thư về ${BASIS}`,
    year: '2019',
  },
  {
    id: 'kl52',
    number: '52-KL/TW',
    issuer: 'Ban Bí thư Trung ương Đảng',
    body: '',
    abstract: `Về ${BASIS}`,
    year: '2019',
  },
  {
    id: 'kl90',
    number: '90-KL/TW',
    issuer: 'Bộ Chính trị',
    body: '',
    abstract: `Về việc ${BASIS}`,
    year: '2014',
  },
  {
    id: 'nq27',
    number: '27-NQ/TW',
    issuer: 'Ban Chấp hành Trung ương Đảng',
    // As the metadata panel shows it, with where the text says so.
    body: 'Hội nghị lần thứ bảy Ban Chấp hành Trung ương khóa X (tên của Nghị quyết)',
    abstract: 'Về xây dựng đội ngũ trí thức trong thời kỳ đẩy mạnh công nghiệp hóa, hiện đại hóa đất nước',
    year: '2008',
  },
  {
    id: 'nq45',
    number: '45-NQ/TW',
    issuer: 'Ban Chấp hành Trung ương Đảng',
    body: 'Hội nghị lần thứ tám Ban Chấp hành Trung ương khóa XIII',
    abstract: 'Về tiếp tục xây dựng và phát huy vai trò của đội ngũ trí thức đáp ứng yêu cầu phát triển đất nước nhanh và bền vững trong giai đoạn mới',
    year: '2023',
  },
];

/** As the engine asks: the query read, its words without function words, its years. */
function described(raw: string, docs = DOCS): string | null {
  const u = understand(raw);
  const words = u.text.split(/\s+/).filter((w) => w && !FUNCTION_WORDS.has(fold(w).replace(/[^a-z0-9]/g, '')));
  return describedDocument(u.text, words.map((w) => fold(w).replace(/[^a-z0-9]/g, '')).filter(Boolean), u.years, docs);
}

describe('describedDocument', () => {
  it('names a document by its kind, issuer and year', () => {
    expect(described('KL BBT 2019 tri thuc')).toBe('kl52');
    expect(described('kết luận tiếp tục thực hiện nghị quyết TW7 của Bộ Chính trị')).toBe('kl90');
  });

  it('names a resolution by its Party term', () => {
    expect(described('BCH TW khoa XIII nghi quyet tri thuc')).toBe('nq45');
    expect(described('nghi quyet BCH TW khoa X')).toBe('nq27');
  });

  it('names a document by its title, the shortest title the words fill', () => {
    expect(described('tiep tuc xay dung va phat huy vai tro cua doi ngu tri thuc')).toBe('nq45');
    // Every conclusion repeats 27-NQ/TW's title inside a longer one: the words are that title.
    expect(described('CNH HDH doi ngu tri thuc')).toBe('nq27');
  });

  it('lets the issuer tell apart texts that share the words', () => {
    // The plan quotes the Conclusion's whole title, with "Ban Bí thư" in it: the issuer decides.
    expect(described('van ban ban bi thu 2019 tiep tuc thuc hien nghi quyet trung uong 7')).toBe('kl52');
  });

  it('names nothing when two texts fit as well', () => {
    expect(described('nghi quyet tri thuc')).toBeNull();
    expect(described('ket luan tri thuc')).toBeNull();
  });

  it('names nothing when a word is on no face', () => {
    // "mục tiêu 2020" is asked about, inside a text: the words find it, not its face.
    expect(described('nghi quyet xay dung doi ngu tri thuc muc tieu')).toBeNull();
    expect(described('thu hut nhan tai ve dien bien')).toBeNull();
  });

  it('keeps to the kind and year the query names', () => {
    expect(described('chi thi ban bi thu 2019 tri thuc')).toBeNull();
    // A kind its title names is no contradiction: people call the Conclusion on the resolution one.
    expect(described('nghi quyet ban bi thu 2019 tri thuc')).toBe('kl52');
    expect(described('ket luan 2008 tri thuc')).toBeNull();
  });

  it('needs two words to go on', () => {
    expect(described('tri thuc')).toBeNull();
    expect(described('khoa')).toBeNull();
  });

  it('reads only the documents it is given', () => {
    expect(described('BCH TW khoa XIII nghi quyet tri thuc', DOCS.slice(0, 4))).toBeNull();
    expect(described('KL BBT 2019 tri thuc', [])).toBeNull();
  });
});

describe('withoutKindWords', () => {
  it('takes out the words that name a kind of document', () => {
    expect(withoutKindWords(' nghi quyet bch tw khoa x ').trim().split(/\s+/)).toEqual(['bch', 'tw', 'khoa', 'x']);
    expect(withoutKindWords(' kl ban bi thu ').trim().split(/\s+/)).toEqual(['ban', 'bi', 'thu']);
  });
});

describe('isKindWord', () => {
  it('knows the abbreviations that name a kind of document, and nothing else', () => {
    expect(['KL', 'nq', 'KH', 'CTr', 'QĐ'].every(isKindWord)).toBe(true);
    expect(['ke', 'kl52', 'nghi quyet', 'tri', '', 'constructor'].some(isKindWord)).toBe(false);
  });
});
