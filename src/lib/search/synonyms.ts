/**
 * Everyday words the texts never use, and the words the texts use for the same thing. Kept apart
 * from `understand.ts` because the ranking (`rank.ts`) reads them too: a section that says
 * "tầm nhìn" answers "tương lai" there, even when every syllable of "tương lai" stands somewhere in
 * the texts ("tương xứng", "lại") and the query is never rewritten.
 */
import { fold, foldWords, stripWordPunctuation } from './normalize.ts';

/**
 * Everyday phrases, folded, each with the words the texts use for the same thing (checked against
 * content/ by a unit test: the key stands nowhere, the value does). The query is rewritten with them
 * only when a word of the key is found nowhere (`readSynonyms`, so they cost no search otherwise);
 * the ranking always lets the value's words stand for the key's ({@link synonymAlternates}).
 */
export const SYNONYMS: Readonly<Record<string, string>> = {
  'tuong lai': 'tầm nhìn',
  'sap nhap': 'hợp nhất',
  'giua ky': 'sơ kết',
  'giua nhiem ky': 'sơ kết',
  'cuoi ky': 'tổng kết',
  'nhan tai': 'trí thức',
  'nguoi tai': 'trí thức',
  'nguoi co hoc': 'trí thức',
  'chat xam': 'trí thức',
  'gioi tri thuc': 'đội ngũ trí thức',
  'mien nui': 'vùng sâu, vùng xa',
  'tap huan': 'bồi dưỡng',
  'tien luong': 'đãi ngộ',
  'luong bong': 'đãi ngộ',
  'kien nghi': 'đề xuất',
  // Round 16: everyday words for what the texts call limits, funding, issuing, deadlines, heads and
  // the vision, each checked as above.
  'vien canh': 'tầm nhìn',
  'xep hang': 'tốp',
  'noi tieng': 'ảnh hưởng',
  'yeu kem': 'hạn chế',
  'thieu sot': 'hạn chế',
  'khuyet diem': 'hạn chế',
  'nhuoc diem': 'hạn chế',
  'ra luat': 'ban hành',
  'lam luat': 'ban hành',
  von: 'kinh phí',
  'chi tien': 'kinh phí',
  'cap tien': 'kinh phí',
  'phe binh': 'phản biện',
  'han chot': 'thời hạn',
  'han nop': 'thời hạn',
  deadline: 'thời hạn',
  'thu truong': 'người đứng đầu',
  sep: 'người đứng đầu',
  'nha nghien cuu': 'nhà khoa học',
  'phu trach': 'chủ trì',
  'chia viec': 'giao việc',
  'phan viec': 'giao việc',
  'dau viec': 'nhiệm vụ',
  'thanh tuu': 'kết quả',
  'thanh tich': 'kết quả',
  'tuyen duong': 'tôn vinh',
  'gioi tre': 'trí thức trẻ',
  'cau truc': 'bố cục',
  'hoc ham': 'chức danh khoa học',
  'vinh danh': 'tôn vinh',
  'loi keo': 'thu hút',
  'moi goi': 'thu hút',
  'tuyen dung': 'thu hút',
  'luong thuong': 'đãi ngộ',
  'phu cap': 'đãi ngộ',
  'nua nam': '06 tháng',
  'giao trinh': 'tài liệu',
  'may chieu': 'trình chiếu',
  'dao tao lai': 'bồi dưỡng',
  'nang cao trinh do': 'bồi dưỡng',
  'xuong co so': 'về cơ sở',
  've lang': 'về cơ sở',
  'phan bo': 'bố trí',
};

/** The keys longest first, so that "giua nhiem ky" is read before any shorter key it holds. */
export const SYNONYM_KEYS: readonly string[] = Object.keys(SYNONYMS).sort((a, b) => b.length - a.length);

/**
 * For each query word that is part of a {@link SYNONYMS} key among the query's words: the folded
 * words of the value, and which of them stands for it. Word for word when key and value have as
 * many words ("tương lai" → "tầm nhìn": "tầm" for "tương", "nhìn" for "lai"); otherwise (`at`
 * null) the value as a whole stands for each word of the key. Undefined for any other word.
 * @example synonymAlternates(['tương', 'lai', '2045'])[0] // { words: ['tam', 'nhin'], at: 0 }
 */
export function synonymAlternates(terms: readonly string[]): ({ words: readonly string[]; at: number | null } | undefined)[] {
  const folded = terms.map((t) => fold(stripWordPunctuation(t)).toLowerCase());
  const out: ({ words: readonly string[]; at: number | null } | undefined)[] = terms.map(() => undefined);
  for (let i = 0; i < folded.length; i++) {
    const key = keyAt(SYNONYM_KEYS, i, (k) => folded[k]);
    if (!key) continue;
    const parts = key.split(' ');
    const words = foldWords(SYNONYMS[key]!);
    parts.forEach((_, j) => {
      out[i + j] = { words, at: parts.length === words.length ? j : null };
    });
    i += parts.length - 1;
  }
  return out;
}

/**
 * The first of `keys` (a table's phrases, folded, longest first) whose words stand from word `i` on:
 * `wordAt(k, last)` is the folded word at `k`, undefined past the end (`last`: it is the key's last
 * word, which may carry punctuation the others may not). `accept` may refuse a match. Shared by the
 * abbreviation and synonym readings (`replacePhrases` in understand.ts) and {@link synonymAlternates}.
 * @example keyAt(['tuong lai'], 0, (k) => ['tuong', 'lai'][k]) // "tuong lai"
 */
export function keyAt(
  keys: readonly string[],
  i: number,
  wordAt: (k: number, last: boolean) => string | undefined,
  accept: (parts: readonly string[]) => boolean = () => true,
): string | undefined {
  return keys.find((key) => {
    const parts = key.split(' ');
    return parts.every((p, j) => wordAt(i + j, j === parts.length - 1) === p) && accept(parts);
  });
}
