/**
 * Query understanding: what people type, read as the texts write it. Pure functions, applied to a
 * query before it is searched (see docs/SEARCH.md):
 * - abbreviations officials use ("BTV", "MTTQ", "KH&CN") become the words the texts spell out;
 * - dates and numbers typed other ways ("30-5-2019", "ngày 6 tháng 8 năm 2008", "6 tháng",
 *   "NQ27-NQ/TW", "KH-83/TU", "quý 4", "khóa 10") become the texts' forms ("30/5/2019",
 *   "06/8/2008", "06 tháng", "27-NQ/TW", "83-KH/TU", "quý IV", "khóa X"), and the dates are kept
 *   apart so the document issued that day can be found by its date;
 * - words that name a task ("slide", "tài liệu in", "tra mã") select the kind of page wanted;
 * - a keyboard left in Telex or VNI mode ("tris thuwcs", "nghi5 quye6t1") is decoded, as a fallback
 *   the engine tries only when the query as typed finds nothing.
 * Everything works on folded text (no diacritics, đ → d) so that typing with or without marks reads alike.
 */
import { fold } from './normalize.ts';
import { SYNONYMS, SYNONYM_KEYS, keyAt } from './synonyms.ts';
// query.ts imports this module too; each uses the other only inside functions, never at load.
import { findDocRef } from './query.ts';

/* ------------------------------------------------------------------------------------------------
 * Page kinds.
 * --------------------------------------------------------------------------------------------- */

/**
 * What a page is for. `document`: a text or our summary of it; `study`: a study session's reading
 * page; the others are purpose pages (indexed by title and purpose, see PURPOSE_PAGES).
 */
export type PageKind =
  | 'document'
  | 'study'
  | 'deck'
  | 'presenter'
  | 'handout'
  | 'quiz'
  | 'quizIndex'
  | 'studyIndex'
  | 'documentIndex'
  | 'trainer'
  | 'progress'
  | 'certificate'
  | 'matrix'
  | 'timeline'
  | 'poster'
  | 'search'
  | 'home'
  | 'other';

const KIND_ROUTES: readonly [RegExp, PageKind][] = [
  [/^\/(?:van-ban|hoc-tap)\/[^/]+\/ap-phich\/$/, 'poster'],
  [/^\/tim-kiem\/$/, 'search'],
  [/^\/van-ban\/phan-cong\/$/, 'matrix'],
  [/^\/van-ban\/dong-thoi-gian\/$/, 'timeline'],
  [/^\/van-ban\/$/, 'documentIndex'],
  [/^\/van-ban\/[^/]+\/$/, 'document'],
  [/^\/hoc-tap\/$/, 'studyIndex'],
  [/^\/hoc-tap\/[^/]+\/trinh-chieu\/$/, 'deck'],
  [/^\/hoc-tap\/[^/]+\/nguoi-trinh-bay\/$/, 'presenter'],
  [/^\/hoc-tap\/[^/]+\/tai-lieu\/$/, 'handout'],
  [/^\/hoc-tap\/[^/]+\/$/, 'study'],
  [/^\/kiem-tra\/$/, 'quizIndex'],
  [/^\/kiem-tra\/tien-do\/$/, 'progress'],
  [/^\/kiem-tra\/chung-nhan\/$/, 'certificate'],
  [/^\/kiem-tra\/[^/]+\/$/, 'quiz'],
  [/^\/giang-vien\/$/, 'trainer'],
  [/^\/$/, 'home'],
];

/**
 * The kind of a page from its site-relative path (the base path, if any, already removed or not:
 * only the tail is looked at; so a one-segment path no other kind claims is a home page).
 * @example pageKindOf('/hoc-tap/01-x/trinh-chieu/') // "deck"
 */
export function pageKindOf(url: string): PageKind {
  const path = url.replace(/[?#].*$/, '');
  for (const [re, kind] of KIND_ROUTES) {
    // Try the path as is, then without a leading base segment ("/tri-thuc/van-ban/x/").
    if (re.test(path) || re.test(path.replace(/^\/[^/]+(?=\/)/, ''))) return kind;
  }
  return 'other';
}

/**
 * The study session a page belongs to, by the number its route starts with (`/hoc-tap/02-…/`,
 * its deck, presenter view, handout and poster, and `/kiem-tra/02-…/`), or null.
 * @example sessionNumberOf('/hoc-tap/02-nghi-quyet-27/tai-lieu/') // 2
 */
export function sessionNumberOf(url: string): number | null {
  const m = /\/(?:hoc-tap|kiem-tra)\/0*(\d{1,2})-[^/]+\/(?:[^/]+\/)?(?:[?#].*)?$/.exec(url);
  return m ? Number(m[1]) : null;
}

/** A study session named by its number ("chuyên đề 2", "bài 3", "buổi học 4"). */
export interface SessionRef {
  /** The session's number. */
  session: number;
  /** True when the query says nothing else (then the session's reading page is the answer). */
  only: boolean;
  /** The words that name it, folded ("chuyen", "de", "2"): not what the query asks about it. */
  words: string[];
}

// "chuyên đề 2", "chuyen de so 2", "cđ2", "bài 3", "bài học 3", "buổi 4", "buổi học số 4".
const SESSION_REF = /(?<=\s)(?:chuyen de|chuyende|cd|bai hoc|bai|buoi hoc|buoi)\s*(?:so\s*)?0*(\d{1,2})(?=\s)/;

/**
 * The study session a query names by number, if any. The site numbers its sessions ("Chuyên đề 1"
 * to "Chuyên đề 4"), and people name them that way or as the lesson ("bài 2") or meeting ("buổi 3").
 * @example findSession('slide chuyen de 3') // { session: 3, only: false }
 */
export function findSession(query: string): SessionRef | null {
  const f = ` ${foldedPhrases(query)} `;
  const m = SESSION_REF.exec(f);
  if (!m || Number(m[1]) < 1) return null;
  const rest = (f.slice(0, m.index) + f.slice(m.index + m[0].length)).trim();
  // "cd2" is one word as typed; "04" is also searched as "4".
  const words = m[0].trim().split(/\s+/).flatMap((w) => [w, w.replace(/^0+(?=\d)/, '')]);
  return { session: Number(m[1]), only: rest === '', words: [...new Set(words)] };
}

/* ------------------------------------------------------------------------------------------------
 * Task words.
 * --------------------------------------------------------------------------------------------- */

/**
 * Words people use for a task, folded, by the kind of page that does it. A query naming one selects
 * that kind; the longest phrase wins ("kiểm tra mã học viên" is the trainer page, not a quiz).
 * Written from the pages' own purpose and the words users type for it.
 */
export const TASK_WORDS: Readonly<Record<string, readonly string[]>> = {
  deck: ['slide', 'slides', 'trinh chieu', 'powerpoint', 'power point', 'ppt', 'bai giang', 'bai trinh chieu', 'chieu len man hinh', 'trang chieu', 'trinhchieu', 'slideshow', 'trinh dien', 'pptx', 'file powerpoint', 'file ppt'],
  presenter: ['nguoi dan', 'che do nguoi dan', 'nguoi trinh bay', 'man hinh nguoi trinh bay', 'ghi chu cho bao cao vien', 'ghi chu bao cao vien', 'ghi chu nguoi trinh bay', 'loi dan', 'bao cao vien', 'ghi chu', 'presenter', 'presenter view', 'speaker notes', 'dong ho bam gio', 'bam gio'],
  handout: ['tai lieu in', 'ban in', 'in tai lieu', 'tai lieu phat tay', 'phat tay', 'sinh hoat chi bo', 'tai lieu sinh hoat', 'in a4', 'ban in a4', 'diem danh', 'danh sach diem danh', 'bang diem danh', 'handout', 'handouts', 'in slide', 'in nhieu slide', 'in trang chieu', 'in nhieu trang chieu'],
  quiz: ['kiem tra', 'bai kiem tra', 'trac nghiem', 'bai trac nghiem', 'bai test', 'test', 'on tap', 'cau hoi on tap', 'lam bai', 'bai thi', 'thi thu', 'quiz'],
  quizIndex: ['danh sach bai kiem tra', 'cac bai kiem tra'],
  studyIndex: ['cac chuyen de', 'danh sach chuyen de', 'cac bai hoc', 'bao nhieu chuyen de', 'may chuyen de'],
  documentIndex: ['danh sach van ban', 'danh muc van ban', 'cac van ban'],
  trainer: ['tra ma', 'doi chieu ma', 'ma hoc vien', 'ma xac nhan', 'ma cua hoc vien', 'kiem tra ma', 'tong hop ma', 'danh sach hoan thanh', 'giang vien', 'tao bao cao', 'lap bao cao', 'bao cao ket qua hoc', 'ket qua hoc vien', 'tong hop ket qua', 'buoi hoc tap trung', 'mo buoi hoc', 'hoc vien hoan thanh', 'xuat bao cao', 'bao cao word'],
  progress: ['tien do', 'hoc toi dau', 'hoc den dau', 'da hoc toi dau', 'da hoc den dau', 'bai da lam', 'ket qua da luu', 'cac bai da lam', 'hoc xong', 'da hoc xong', 'may buoi', 'da hoc may', 'da hoc bao nhieu', 'ket qua hoc cua toi', 'ket qua hoc tap cua toi', 'ket qua cua toi', 'ket qua hoc cua minh', 'ket qua cua minh', 'ket qua cac bai', 'progress'],
  certificate: ['chung nhan', 'giay chung nhan', 'giay xac nhan', 'chung chi', 'xac nhan hoan thanh', 'certificate'],
  matrix: ['phan cong', 'bang phan cong', 'bang giao viec', 'thoi han', 'moc han', 'han chot', 'han thang', 'han quy', 'han nam', 'han bao cao', 'deadline', 'deadlines'],
  timeline: ['dong thoi gian', 'truc thoi gian', 'moc thoi gian', 'lich su van ban', 'chuoi van ban', 'trinh tu thoi gian', 'thu tu thoi gian', 'theo thoi gian', 'thu tu ra doi', 'thu tu ban hanh', 'lich su ban hanh', 'van ban theo nam', 'timeline'],
  poster: ['ap phich', 'poster', 'to roi', 'tranh co dong', 'dan bang tin', 'dan o bang tin', 'bang tin'],
  search: ['tim kiem', 'cach tim', 'o tim kiem', 'loc ket qua'],
  study: ['bai doc', 'doc hieu', 'hoc chuyen de', 'noi dung chuyen de', 'bai hoc'],
  home: ['offline', 'doc offline', 'luu offline', 'ngoai tuyen', 'mat mang', 'khong co mang', 'khong can mang', 'luu ve may', 'luu trang', 'luu de doc'],
};

/** A task found in a query: the kind of page it selects and the phrase that named it. */
export interface TaskMatch {
  kind: PageKind;
  /** The folded phrase found. */
  phrase: string;
}

/**
 * The task a query names, if any. Vietnamese puts the head of a phrase first ("bài thi phân công
 * thực hiện" is a quiz about the assignments, "bảng phân công" the table), so the task phrase that
 * starts first wins; of those starting at the same word, the longest ("kiểm tra mã học viên" is the
 * trainer page, not a quiz).
 * @example findTask('slide ke hoach 83') // { kind: 'deck', phrase: 'slide' }
 * @example findTask('kiểm tra mã xác nhận của học viên') // { kind: 'trainer', phrase: 'kiem tra ma' }
 */
export function findTask(query: string): TaskMatch | null {
  const f = ` ${foldedPhrases(query)} `;
  let best: (TaskMatch & { at: number }) | null = null;
  const found = new Map<PageKind, string>();
  for (const [kind, phrases] of Object.entries(TASK_WORDS)) {
    for (const phrase of phrases) {
      const m = taskPattern(phrase).exec(f);
      if (!m) continue;
      const at = m.index;
      if (!found.has(kind as PageKind)) found.set(kind as PageKind, m[1]!);
      if (!best || at < best.at || (at === best.at && phrase.length > best.phrase.length)) best = { kind: kind as PageKind, phrase: m[1]!, at };
    }
  }
  if (!best) return null;
  // A list narrowed by a later phrase is the narrower page: "các văn bản theo trình tự thời gian" is the timeline.
  const narrower = NARROWS[best.kind];
  const phrase = narrower && found.get(narrower);
  if (phrase) return { kind: narrower, phrase };
  // A task with one page per session, asked with nothing about which ("làm bài kiểm tra"): the list of them.
  const list = LIST_OF[best.kind];
  if (list && onlyTaskWords(f, TASK_WORDS[best.kind]!, SAME_FOR_EVERY_SESSION)) return { kind: list, phrase: best.phrase };
  return { kind: best.kind, phrase: best.phrase };
}

/** Letters a task phrase needs (spaces not counted) before a slip in it is read as the phrase: shorter ones have real neighbours. */
const TASK_SLIP_LETTERS = 7;

/**
 * Task phrases whose one-slip neighbours are words the texts use, so a slip is not read as them:
 * "tinh dien" (tỉnh Điện Biên) is no "trinh dien", "cuoi van ban" (cuối văn bản) no "chuoi van ban".
 * A unit test reads every run of words of content/ and the interface strings and fails on any other.
 */
const NO_SLIP: ReadonlySet<string> = new Set(['trinh dien', 'chuoi van ban']);

/** The task phrases a slip may be read as: two words or more, long enough, not {@link NO_SLIP}. */
let slipPhrases: readonly string[] | null = null;

/**
 * A task phrase of two words or more typed with one slip, read as the phrase, when the query names
 * no task as typed: "trinh chiu" (chịu is a word too, so no fallback replaces it) is "trinh chieu",
 * "kiem tar" is "kiem tra", "dong thoi giang" is "dong thoi gian". The words people use for a task
 * are known; a run of words one edit from one of them (transpositions count one) is almost surely
 * it, which no word-by-word reading can tell, since each slipped word may exist. A letter left out,
 * one too many or two swapped are slips; one letter for another is not read so, since it mostly
 * makes another word ("báo cáo việc" is not "báo cáo viên", "học sống" not "học xong"). Words with a
 * digit are left alone. Null when there is none.
 * @example mendTaskSlip('trinh chiu chuyen de 4') // 'trinh chieu chuyen de 4'
 */
export function mendTaskSlip(query: string): string | null {
  slipPhrases ??= Object.values(TASK_WORDS)
    .flat()
    .filter((p) => p.includes(' ') && p.replace(/ /g, '').length >= TASK_SLIP_LETTERS && !NO_SLIP.has(p));
  const words = query.split(' ').filter(Boolean);
  const folded = words.map((w) => foldedPhrases(w));
  // The runs of words that may be slipped, by length: none with a digit or nothing left once folded.
  const runs = new Map<number, (string | null)[]>();
  const runsOf = (len: number) => {
    let r = runs.get(len);
    if (!r) {
      r = [];
      for (let at = 0; at + len <= folded.length; at++) {
        const run = folded.slice(at, at + len);
        r.push(run.some((w) => !w || /\d/.test(w)) ? null : run.join(' '));
      }
      runs.set(len, r);
    }
    return r;
  };
  let best: { at: number; len: number; phrase: string } | null = null;
  for (const phrase of slipPhrases) {
    const len = phrase.split(' ').length;
    for (const [at, typed] of runsOf(len).entries()) {
      if (typed === null || Math.abs(typed.length - phrase.length) > 1 || !isOneSlip(typed, phrase)) continue;
      if (!best || at < best.at || (at === best.at && phrase.length > best.phrase.length)) best = { at, len, phrase };
    }
  }
  if (!best) return null;
  return [...words.slice(0, best.at), best.phrase, ...words.slice(best.at + best.len)].join(' ');
}

/**
 * True when `typed` is `meant` with one letter left out, one too many, or two neighbouring letters
 * swapped, inside a word (not one letter for another); linear, as it runs over every run of a
 * query's words. A slip at a word's first letter, or a letter added to or dropped from a word of
 * three letters or fewer, makes other words too often: "hiệu" is no "chiếu", "người đã" no "người
 * dẫn", "mỗi buổi" no "mở buổi", "tất cả văn bản" no "các văn bản".
 */
function isOneSlip(typed: string, meant: string): boolean {
  let i = 0;
  while (i < typed.length && i < meant.length && typed[i] === meant[i]) i++;
  if (i === typed.length && i === meant.length) return false;
  // The slip is inside a word: not at its first letter, not at a space.
  if (i === 0 || typed[i - 1] === ' ' || typed[i] === ' ' || meant[i] === ' ') return false;
  const wordLength = (text: string) => {
    const start = text.lastIndexOf(' ', i) + 1;
    const end = text.indexOf(' ', i);
    return (end < 0 ? text.length : end) - start;
  };
  const long = wordLength(typed) >= 4 && wordLength(meant) >= 4;
  if (typed.length === meant.length + 1) return long && typed.slice(i + 1) === meant.slice(i);
  if (typed.length + 1 === meant.length) return long && typed.slice(i) === meant.slice(i + 1);
  return typed.length === meant.length && typed[i] === meant[i + 1] && typed[i + 1] === meant[i] && typed[i + 1] !== ' ' && typed.slice(i + 2) === meant.slice(i + 2);
}

/** Kinds with one page per study session, and the page that lists them. */
const LIST_OF: Partial<Record<PageKind, PageKind>> = { quiz: 'quizIndex' };

/**
 * Words (folded) that say nothing about which session's page is meant, beside a task with one page
 * per session (round 13): how every quiz works ("bao nhiêu câu", "đạt bao nhiêu phần trăm thì qua",
 * "đúng mấy câu", "ôn thi", "sau học tập") and the subject every session is about ("trí thức"). The list states the
 * rules for all of them ("10 câu mỗi lượt, đạt từ 80% trở lên").
 */
const SAME_FOR_EVERY_SESSION: ReadonlySet<string> = new Set('bao nhieu may cau hoi dung sai phan tram diem dat qua thi on sau hoc tap tri thuc moi luot'.split(' '));

/**
 * Words (folded) that name nothing more than the task itself, for a page that lists a task's pages
 * ({@link LIST_OF}): a query read as the list of quizzes holds only how every quiz works besides its
 * task words, and the list states those rules; so they ask nothing of the page (round 18).
 */
export function neutralWordsFor(kind: PageKind | undefined): ReadonlySet<string> {
  return kind && Object.values(LIST_OF).includes(kind) ? SAME_FOR_EVERY_SESSION : new Set();
}

/** True when the padded folded query holds nothing but these task phrases and function words. */
function onlyTaskWords(f: string, phrases: readonly string[], alsoNeutral: ReadonlySet<string> = new Set()): boolean {
  // Phrases overlap ("làm bài" and "bài kiểm tra" in "làm bài kiểm tra"): mark what any one covers.
  const covered = new Array<boolean>(f.length).fill(false);
  for (const phrase of phrases)
    for (const m of f.matchAll(new RegExp(taskPattern(phrase).source, 'g'))) covered.fill(true, m.index, m.index + m[0].length);
  const rest = [...f].map((ch, i) => (covered[i] ? ' ' : ch)).join('');
  return rest.split(' ').every((w) => w === '' || FUNCTION_WORDS.has(w) || alsoNeutral.has(w));
}

/** Pages that are another page's list seen one way: the timeline is the list of documents in time order. */
const NARROWS: Partial<Record<PageKind, PageKind>> = { documentIndex: 'timeline' };

// "lịch sử các văn bản" is "lịch sử văn bản": a plural word inside a task phrase changes nothing.
const PLURAL = '(?:cac |nhung )?';
const patterns = new Map<string, RegExp>();
/** A task phrase as a pattern over the folded, space-padded query; group 1 is the phrase as typed. */
function taskPattern(phrase: string): RegExp {
  let re = patterns.get(phrase);
  if (!re) patterns.set(phrase, (re = new RegExp(`(?<= )(${phrase.split(' ').join(` ${PLURAL}`)})(?= )`)));
  return re;
}

/* ------------------------------------------------------------------------------------------------
 * Abbreviations.
 * --------------------------------------------------------------------------------------------- */

/**
 * Abbreviations of Party and state bodies and common terms, folded (with & and - kept), each
 * expanding to the words the texts use (checked against content/: "Ban Thường vụ Tỉnh ủy",
 * "Ủy ban Mặt trận Tổ quốc Việt Nam", "khoa học và công nghệ", "công nghiệp hóa, hiện đại hóa"…).
 * Longer keys are tried first ("btg tu" before "btg"). Abbreviations the texts themselves use
 * ("UBND", "VUSTA", "TTXVN") are not here: they are found as typed.
 */
export const ABBREVIATIONS: Readonly<Record<string, string>> = {
  'btv tu': 'Ban Thường vụ Tỉnh ủy',
  'btv tinh uy': 'Ban Thường vụ Tỉnh ủy',
  btv: 'Ban Thường vụ',
  'btg tu': 'Ban Tuyên giáo Tỉnh ủy',
  'btg tw': 'Ban Tuyên giáo Trung ương',
  btg: 'Ban Tuyên giáo',
  'bch tw': 'Ban Chấp hành Trung ương',
  bch: 'Ban Chấp hành',
  bct: 'Bộ Chính trị',
  bbt: 'Ban Bí thư',
  bcsd: 'Ban Cán sự Đảng',
  bcs: 'Ban Cán sự',
  mttq: 'Mặt trận Tổ quốc',
  ubmttq: 'Ủy ban Mặt trận Tổ quốc',
  hdnd: 'Hội đồng Nhân dân',
  'kh&cn': 'khoa học và công nghệ',
  khcn: 'khoa học và công nghệ',
  'kh-cn': 'khoa học và công nghệ',
  'kh&kt': 'Khoa học và Kỹ thuật',
  khkt: 'Khoa học và Kỹ thuật',
  lhh: 'Liên hiệp các Hội',
  'cnh, hdh': 'công nghiệp hóa, hiện đại hóa',
  'cnh hdh': 'công nghiệp hóa, hiện đại hóa',
  'cnh-hdh': 'công nghiệp hóa, hiện đại hóa',
  cnh: 'công nghiệp hóa',
  hdh: 'hiện đại hóa',
  'kt-xh': 'kinh tế - xã hội',
  ktxh: 'kinh tế - xã hội',
  'ct-xh': 'chính trị - xã hội',
  ctxh: 'chính trị - xã hội',
  htct: 'hệ thống chính trị',
  'cmcn 4.0': 'cách mạng công nghiệp lần thứ tư',
  cmcn: 'cách mạng công nghiệp',
  nckh: 'nghiên cứu khoa học',
  dh: 'đại học',
  hntw: 'Hội nghị Trung ương',
  // Round 17: "Nghị quyết TW7", the way the texts name the 2008 conference ("Nghị quyết Trung ương 7").
  tw7: 'Trung ương 7',
  'tw 7': 'Trung ương 7',
  tw8: 'Trung ương 8',
  'tw 8': 'Trung ương 8',
  // "UBND các huyện, TX, TP": the plan spells them "thị xã", "thành phố".
  tx: 'thị xã',
  tp: 'thành phố',
  // The texts write this one city "TP. Hồ Chí Minh".
  'tp ho chi minh': 'TP. Hồ Chí Minh',
  'tp hcm': 'TP. Hồ Chí Minh',
  'vp tw': 'Văn phòng Trung ương',
  'vp tu': 'Văn phòng Tỉnh ủy',
  vp: 'Văn phòng',
  vn: 'Việt Nam',
  // Round 10: what official papers abbreviate and the texts spell out.
  ctr: 'Chương trình',
  dn: 'doanh nghiệp',
  'gd-dt': 'giáo dục - đào tạo',
  'gd&dt': 'giáo dục và đào tạo',
  gddt: 'giáo dục và đào tạo',
  cbdv: 'cán bộ, đảng viên',
  cbcc: 'cán bộ, công chức',
  dmst: 'đổi mới sáng tạo',
  tbt: 'Tổng Bí thư',
};

const ABBREVIATION_KEYS = Object.keys(ABBREVIATIONS).sort((a, b) => b.length - a.length);

// The everyday words and the texts' words for them live in synonyms.ts: the ranking reads them too.
export { SYNONYMS } from './synonyms.ts';

/**
 * The query with the everyday words of {@link SYNONYMS} put in the texts' words, when one of them
 * is among the words found nowhere (`missing`, as the engine lists them); null when none is.
 * @example readSynonyms('chất xám của tỉnh', ['chất', 'xám']) // "trí thức của tỉnh"
 */
export function readSynonyms(query: string, missing: readonly string[]): string | null {
  const gone = new Set(missing.map((m) => fold(m).toLowerCase()));
  const out = replacePhrases(query, SYNONYMS, SYNONYM_KEYS, (parts) => parts.some((p) => gone.has(p)));
  return out === query ? null : out;
}

/**
 * The query with every everyday phrase of {@link SYNONYMS} in the texts' words, found or not; null
 * when it holds none. The engine searches it beside the query as typed, so that pages which say it
 * the texts' way are candidates ("tương lai" finds no page with "tầm nhìn").
 * @example synonymReading('tương lai đội ngũ trí thức') // "tầm nhìn đội ngũ trí thức"
 */
export function synonymReading(query: string): string | null {
  const out = replacePhrases(query, SYNONYMS, SYNONYM_KEYS, () => true);
  return out === query ? null : out;
}

/**
 * Spells out the abbreviations of {@link ABBREVIATIONS} in a query; other words are kept as typed.
 * @example expandAbbreviations('BTV tỉnh ủy') // "Ban Thường vụ tỉnh ủy"
 */
export function expandAbbreviations(query: string): string {
  return replacePhrases(query, ABBREVIATIONS, ABBREVIATION_KEYS, () => true);
}

/** Punctuation that ends a word without being part of it. */
const TRAILING_PUNCTUATION = /[,;:?!.…)"”']+$/;

/**
 * Replaces the phrases of `table` found in a query, matched word for word on the folded words and
 * rebuilt from the words as typed. At each word the first key of `keys` (longest first) that matches
 * and that `accept` takes (given its folded words) wins. Punctuation after a phrase (a comma in a
 * list, "UBND các huyện, TX, TP"; a question mark) is not part of it, and stays after the
 * replacement. The query comes back as typed when nothing is replaced.
 */
function replacePhrases(
  query: string,
  table: Readonly<Record<string, string>>,
  keys: readonly string[],
  accept: (parts: readonly string[]) => boolean,
): string {
  const words = query.split(/\s+/).filter(Boolean);
  const folded = words.map((w) => fold(w).toLowerCase());
  const bare = folded.map((w) => w.replace(TRAILING_PUNCTUATION, ''));
  // Only the phrase's last word may carry punctuation: "BTV, TU" is two items, not "BTV TU".
  const wordAt = (k: number, last: boolean) => (last ? bare : folded)[k];
  const out: string[] = [];
  let changed = false;
  for (let i = 0; i < words.length; ) {
    const key = keyAt(keys, i, wordAt, accept);
    if (!key) {
      out.push(words[i++]!);
      continue;
    }
    i += key.split(' ').length;
    out.push(table[key]! + (TRAILING_PUNCTUATION.exec(words[i - 1]!)?.[0] ?? ''));
    changed = true;
  }
  return changed ? out.join(' ') : query;
}

/* ------------------------------------------------------------------------------------------------
 * Dates and numbers.
 * --------------------------------------------------------------------------------------------- */

const ROMAN = ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'];

const validDate = (d: number, m: number, y: number) => d >= 1 && d <= 31 && m >= 1 && m <= 12 && y >= 1900 && y <= 2100;
/** The texts' form of a date: day with two digits, month without a leading zero ("06/8/2008"). */
export const textDate = (d: number, m: number, y: number): string => `${String(d).padStart(2, '0')}/${m}/${y}`;
const isoDate = (d: number, m: number, y: number): string => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

const KIND_CODES: Readonly<Record<string, string>> = { nq: 'NQ', kl: 'KL', kh: 'KH', ct: 'CT', qd: 'QĐ', hd: 'HD', tb: 'TB', bc: 'BC' };
const KIND_RE = Object.keys(KIND_CODES).join('|');

/** Numerals spelt out (folded), by value. "sáu" folds to "sau" (after) and is read only with its mark. */
const SPELT_DIGITS: Readonly<Record<string, number>> = { mot: 1, hai: 2, ba: 3, bon: 4, nam: 5, bay: 7, tam: 8, chin: 9 };
/** What a spelt period counts (folded): the texts write "sau 10 năm", "Định kỳ 06 tháng", "quý". */
const PERIOD_UNITS: ReadonlySet<string> = new Set(['nam', 'thang', 'quy', 'tuan', 'ngay']);

/** The value of the folded numeral words `w` ("muoi lam" 15, "hai muoi" 20), or null when they are not one numeral. */
function speltValue(w: readonly string[], typed: readonly string[]): number | null {
  const digit = (k: number): number | null => {
    if (typed[k]!.normalize('NFC').toLowerCase() === 'sáu') return 6;
    return SPELT_DIGITS[w[k]!] ?? null;
  };
  if (w.length === 1) return w[0] === 'muoi' ? 10 : digit(0);
  // "mười lăm", "mười năm" (15), "mười hai" (12).
  if (w.length === 2 && w[0] === 'muoi') return w[1] === 'lam' ? 15 : (digit(1) ?? null) !== null ? 10 + digit(1)! : null;
  // "hai mươi" (20), "ba mươi" (30).
  if (w.length === 2 && w[1] === 'muoi' && digit(0) !== null && digit(0)! >= 2) return 10 * digit(0)!;
  return null;
}

/**
 * Periods spelt out, in digits as the texts write them: "mười năm" → "10 năm", "sau năm năm" →
 * "sau 5 năm", "mười lăm năm" → "15 năm", "một thập kỷ" (or "thập kỷ") → "10 năm". The longest numeral
 * before a unit wins; a unit followed by a number is a date ("năm 2019"), and "Việt Nam năm" no period.
 * @example readSpeltPeriods('nhung diem yeu sau muoi nam') // "nhung diem yeu sau 10 năm"
 */
export function readSpeltPeriods(query: string): string {
  const typed = query.split(' ');
  const folded = typed.map((w) => fold(w).toLowerCase().replace(/[?.!,;:]+$/, ''));
  const out: string[] = [];
  let changed = false;
  for (let i = 0; i < typed.length; i++) {
    // "(một) thập kỷ", "(hai) thập niên": a decade.
    if (folded[i] === 'thap' && (folded[i + 1] === 'ky' || folded[i + 1] === 'nien')) {
      const before = out.length > 0 ? speltValue([fold(out[out.length - 1]!).toLowerCase()], [out[out.length - 1]!]) : null;
      if (before !== null && before <= 3) out.pop();
      out.push(`${10 * (before !== null && before <= 3 ? before : 1)} năm`);
      i++;
      changed = true;
      continue;
    }
    let read = false;
    for (const len of [2, 1]) {
      const unit = i + len;
      if (unit >= typed.length || !PERIOD_UNITS.has(folded[unit]!) || /^\d/.test(folded[unit + 1] ?? '')) continue;
      if (folded[i] === 'nam' && i > 0 && folded[i - 1] === 'viet') continue;
      const value = speltValue(folded.slice(i, unit), typed.slice(i, unit));
      if (value === null) continue;
      out.push(String(value));
      i = unit - 1;
      read = changed = true;
      break;
    }
    if (!read) out.push(typed[i]!);
  }
  return changed ? out.join(' ') : query;
}

/** What {@link normaliseNumbers} found. */
export interface Numbers {
  /** The query with dates and numbers in the texts' forms. */
  text: string;
  /** Full dates named (ISO yyyy-mm-dd), to find the document issued that day. */
  dates: string[];
}

/**
 * Rewrites dates and document numbers typed other ways into the forms the texts use.
 * @example normaliseNumbers('ngay 30 thang 5 nam 2019').text // "30/5/2019"
 * @example normaliseNumbers('NQ27-NQ/TW').text // "27-NQ/TW"
 */
export function normaliseNumbers(query: string): Numbers {
  const dates: string[] = [];
  const date = (ds: string, ms: string, ys: string, whole: string): string => {
    const [d, m, y] = [Number(ds), Number(ms), Number(ys)];
    if (!validDate(d, m, y)) return whole;
    if (!dates.includes(isoDate(d, m, y))) dates.push(isoDate(d, m, y));
    return textDate(d, m, y);
  };
  let s = ` ${readSpeltPeriods(query)} `;
  // "ngày 30 tháng 5 năm 2019", "6 tháng 8 2008", "ngày 6/8 năm 2008" (with or without marks).
  s = s.replace(/(?<=\s)(?:ng[aà]y\s+)?(\d{1,2})\s+th[aá]ng\s+(\d{1,2})\s*(?:,\s*)?(?:n[aă]m\s+)?(\d{4})(?=[\s.,;]|$)/giu, (w, d: string, m: string, y: string) => date(d, m, y, w));
  // "9-17/7/2008": a span of days, written in the texts "từ ngày 9 đến 17/7/2008".
  s = s.replace(/(?<=\s)(\d{1,2})\s*[-–]\s*(\d{1,2})\s*[./]\s*(\d{1,2})\s*[./]\s*(\d{4})(?=[\s,;]|\.?\s|$)/gu, (w, d1: string, d2: string, m: string, y: string) =>
    Number(d1) >= 1 && Number(d1) < Number(d2) && validDate(Number(d2), Number(m), Number(y)) ? `${Number(d1)} đến ${date(d2, m, y, w)}` : w,
  );
  // "30-5-2019", "30.5.2019", "30/05/2019", "ngày 30/5/2019" (the "ngày" is kept: the texts write it too).
  s = s.replace(/(?<=\s)(\d{1,2})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{4})(?=[\s,;]|\.?\s|$)/gu, (w, d: string, m: string, y: string) => date(d, m, y, w));
  // "tháng 10 năm 2019" → "tháng 10/2019"; "quý 4 năm 2019", "quý 4/2019" → "quý IV/2019".
  s = s.replace(/(?<=\s)(th[aá]ng)\s+(\d{1,2})\s+(?:n[aă]m\s+)(\d{4})(?=\s)/giu, (_w, t: string, m: string, y: string) => `${t} ${Number(m)}/${y}`);
  s = s.replace(/(?<=\s)(qu[yý])\s+([1-4])(?:\s*(?:\/|\s+n[aă]m\s+|\s+)(\d{4}))?(?=\s)/giu, (_w, q: string, n: string, y?: string) => `${q} ${ROMAN[Number(n)]}${y ? `/${y}` : ''}`);
  // "quý IV 2019", "quý iv năm 2019" → "quý IV/2019".
  s = s.replace(/(?<=\s)(qu[yý])\s+(i{1,3}|iv)\s+(?:n[aă]m\s+)?(\d{4})(?=\s)/giu, (_w, q: string, n: string, y: string) => `${q} ${n.toUpperCase()}/${y}`);
  // "khóa 10" → "khóa X" (the texts number Party congresses' terms in Roman numerals).
  s = s.replace(/(?<=\s)(kh(?:[oó]a|oá))\s+(\d{1,2})(?=\s)/giu, (w, k: string, n: string) => (Number(n) >= 1 && Number(n) < ROMAN.length ? `${k} ${ROMAN[Number(n)]}` : w));
  // "6 tháng" → "06 tháng" (periods: "Định kỳ 06 tháng"), when not part of a date.
  s = s.replace(/(?<=\s)([1-9])\s+(th[aá]ng)(?=\s)(?!\s+\d)/giu, (_w, n: string, t: string) => `0${n} ${t}`);
  // "2021 - 2030" → "2021-2030".
  s = s.replace(/(?<=\s)(\d{4})\s+[-–]\s+(\d{4})(?=\s)/gu, '$1-$2');
  // Document numbers: "NQ27-NQ/TW" → "27-NQ/TW"; "KH-83/TU", "83/KH-TU", "52 KL-TW" → "83-KH/TU".
  s = s.replace(new RegExp(`(?<=\\s)(${KIND_RE})\\s*(\\d{1,5})\\s*[-/]\\s*\\1\\s*[-/]\\s*([a-z]{1,4})(?=[\\s.,;]|$)`, 'giu'), (_w, k: string, n: string, iss: string) => `${n}-${KIND_CODES[k.toLowerCase()]}/${iss.toUpperCase()}`);
  s = s.replace(new RegExp(`(?<=\\s)(${KIND_RE})\\s*[-/]\\s*(\\d{1,5})\\s*[-/]\\s*([a-z]{1,4})(?=[\\s.,;]|$)`, 'giu'), (_w, k: string, n: string, iss: string) => `${n}-${KIND_CODES[k.toLowerCase()]}/${iss.toUpperCase()}`);
  s = s.replace(new RegExp(`(?<=\\s)(\\d{1,5})\\s*[-/\\s]\\s*(${KIND_RE})\\s*[-/\\s]\\s*(tw|tu)(?=[\\s.,;]|$)`, 'giu'), (_w, n: string, k: string, iss: string) => `${n}-${KIND_CODES[k.toLowerCase()]}/${iss.toUpperCase()}`);
  // "KL BBT 52", "NQ TW 27": the issuing body typed between the kind and the number goes after it
  // ("KL 52 BBT"), so the number is read as the kind's.
  s = s.replace(new RegExp(`(?<=\\s)(${KIND_RE})\\s+(tw|tu|bbt|bct|bch|btv)\\s+(\\d{1,5})(?=[\\s.,;]|$)`, 'giu'), '$1 $3 $2');
  return { text: s.replace(/\s+/g, ' ').trim(), dates };
}

/* ------------------------------------------------------------------------------------------------
 * Telex and VNI residue.
 * --------------------------------------------------------------------------------------------- */

const TONE_MARK: Readonly<Record<string, string>> = { s: '\u0301', f: '\u0300', r: '\u0309', x: '\u0303', j: '\u0323', '1': '\u0301', '2': '\u0300', '3': '\u0309', '4': '\u0303', '5': '\u0323' };
const VOWELS = 'aăâeêioôơuưy';
const MODIFIED = 'ăâêôơư';

/** Puts a tone mark on the vowel Vietnamese spelling puts it on (the texts' placement). */
export function placeTone(syllable: string, mark: string): string {
  const s = syllable.normalize('NFC');
  const chars = [...s];
  // The vowel nucleus, without the u of "qu" and the i of "gi" before another vowel.
  const start = chars.findIndex((c, i) => VOWELS.includes(c) && !((c === 'u' && chars[i - 1] === 'q') || (c === 'i' && chars[i - 1] === 'g' && VOWELS.includes(chars[i + 1] ?? ''))));
  if (start < 0) return s;
  let end = start;
  while (end + 1 < chars.length && VOWELS.includes(chars[end + 1]!)) end++;
  const nucleus = chars.slice(start, end + 1);
  let at: number;
  const mod = nucleus.findLastIndex((c) => MODIFIED.includes(c));
  if (mod >= 0) at = start + mod;
  else if (nucleus.length === 1) at = start;
  else if (end === chars.length - 1) at = start + (nucleus.length === 3 ? 1 : 0);
  else at = end;
  chars[at] = (chars[at]! + mark).normalize('NFC');
  return chars.join('');
}

/** Decodes one word typed in Telex ("thuwcs" → "thức"); the word itself when it holds no Telex. */
export function decodeTelexWord(word: string): string {
  const w = word.toLowerCase();
  if (!/^[a-z]+$/.test(w)) return word;
  let tone = '';
  let body = w;
  const last = w[w.length - 1]!;
  // The tone key typed at the end, or right after the vowel, before the final consonants ("tirnh").
  const early = /^(.*[aeiouyw])([sfrxj])(ch|c|m|ng|nh|n|p|t)$/.exec(w);
  if ('sfrxj'.includes(last) && w.length > 1 && /[aeiouyw]/.test(w.slice(0, -1))) {
    tone = TONE_MARK[last]!;
    body = w.slice(0, -1);
  } else if (early) {
    tone = TONE_MARK[early[2]!]!;
    body = early[1]! + early[3]!;
  }
  const before = body;
  body = body
    .replace(/dd/g, 'đ')
    .replace(/uow/g, 'ươ')
    .replace(/uw/g, 'ư')
    .replace(/ow/g, 'ơ')
    .replace(/aw/g, 'ă')
    .replace(/aa/g, 'â')
    .replace(/ee/g, 'ê')
    .replace(/oo/g, 'ô')
    // A w typed after the final consonant ("dungw") marks the vowel before it.
    .replace(/([uoa])([^aeiouyw]+)w$/, (_m, v: string, tail: string) => ({ u: 'ư', o: 'ơ', a: 'ă' })[v]! + tail)
    .replace(/w/g, 'ư')
    .replace(/ưo(?=[a-zơ]|$)/g, 'ươ')
    .replace(/uơ/g, 'ươ');
  if (!tone && body === before) return word;
  return tone ? placeTone(body, tone) : body;
}

/** Decodes one word typed in VNI ("quye6t1" → "quyết"); the word itself when it holds no VNI digit. */
export function decodeVniWord(word: string): string {
  const w = word.toLowerCase();
  if (!/^[a-zđ]*[a-z][a-z0-9]*$/.test(w) || !/[a-z]\d|\d[a-z]/.test(w)) return word;
  let tone = '';
  let out = '';
  for (const c of w) {
    if (/[a-z]/.test(c)) out += c;
    else if (c >= '1' && c <= '5') tone = TONE_MARK[c]!;
    else {
      // A digit with no letter to mark is no VNI key ("kh83", "nq27" name documents): the word stays.
      const apply = (from: RegExp, map: Record<string, string>): boolean => {
        const m = [...out.matchAll(from)].pop();
        if (m) out = out.slice(0, m.index) + map[m[0]]! + out.slice(m.index! + 1);
        return !!m;
      };
      let marked = false;
      if (c === '6') marked = apply(/[aeo]/g, { a: 'â', e: 'ê', o: 'ô' });
      else if (c === '7') {
        marked = apply(/[uo]/g, { u: 'ư', o: 'ơ' });
        out = out.replace(/uơ/g, 'ươ');
      } else if (c === '8') marked = apply(/a/g, { a: 'ă' });
      else if (c === '9') marked = apply(/d/g, { d: 'đ' });
      if (!marked) return word;
    }
  }
  // A tone needs a vowel to sit on.
  if (tone && !/[aeiouyăâêôơư]/.test(out)) return word;
  return tone ? placeTone(out, tone) : out;
}

/**
 * Reads a query as typed with a Vietnamese keyboard left in Telex or VNI mode: null when no word
 * changes (or a word is all digits only, which no keyboard produces).
 * @example decodeKeyboard('tris thuwcs') // "trí thức"
 * @example decodeKeyboard('nghi5 quye6t1') // "nghị quyết"
 */
export function decodeKeyboard(query: string): string | null {
  const words = query.normalize('NFC').split(/\s+/).filter(Boolean);
  let changed = false;
  const out = words.map((w) => {
    if (/[^\x00-\x7f]/.test(w)) return w;
    const d = /\d/.test(w) ? decodeVniWord(w) : decodeTelexWord(w);
    if (d !== w) changed = true;
    return d;
  });
  return changed ? out.join(' ') : null;
}

/** A Telex key that only a keyboard in Telex mode leaves: a doubled vowel or đ, or a horn or breve "w". */
const TELEX_MARK = /aa|ee|oo|dd|[aou]w/i;

/**
 * {@link decodeKeyboard}, only when the query clearly carries keyboard residue: two words or more
 * change, or one that has a VNI digit or a Telex mark key ("nha65n", "ddocj", "taafm"). One word
 * changed by a tone letter alone ("kiem tar") is more likely a slip of the fingers.
 * @example keyboardResidue('no7i nha65n ke61 hoach5') // "nơi nhận kế hoạch"
 * @example keyboardResidue('kiem tar chuyen de 1') // null
 */
export function keyboardResidue(query: string): string | null {
  const decoded = decodeKeyboard(query);
  if (!decoded) return null;
  const before = query.normalize('NFC').split(/\s+/).filter(Boolean);
  const after = decoded.split(' ');
  const changed = before.filter((w, i) => w !== after[i]);
  return changed.length >= 2 || changed.some((w) => /[a-z]\d|\d[a-z]/i.test(w) || TELEX_MARK.test(w)) ? decoded : null;
}

/* ------------------------------------------------------------------------------------------------
 * Fuzzy matching.
 * --------------------------------------------------------------------------------------------- */

/** Edit distance with adjacent transpositions (Damerau–Levenshtein, restricted), on folded words. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const d: number[][] = Array.from({ length: x.length + 1 }, (_, i) => Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[x.length]![y.length]!;
}

/**
 * The word of `candidates` closest to `word` (compared folded), or null when none is close enough:
 * one edit for words up to 5 letters, two for longer ones. Ties go to the earlier candidate (the
 * caller lists the most common first).
 */
export function closestWord(word: string, candidates: readonly string[]): string | null {
  const w = fold(word);
  const max = w.length <= 5 ? 1 : 2;
  const doubled = /(\p{L})\1/u.test(w);
  let best: string | null = null;
  let bestD = max + 0.75;
  for (const c of candidates) {
    const fc = fold(c);
    // Of two equally near words, the one that keeps every letter typed ("chiue" → "chieu", not
    // "chiu"; "cog" → "cong", not "co"): a letter left out is a commoner slip than one too many,
    // except a key struck twice ("thucc" → "thuc", not "thuoc").
    const d = editDistance(w, fc) + (fc.length < w.length && !doubled ? 0.5 : 0);
    if (d < bestD && d >= 1) {
      best = c;
      bestD = d;
    }
  }
  return best;
}

/**
 * A word typed without the space between its two syllables ("nghiquyet", "kiemtra", "banhanh"): the
 * pair of neighbouring words of the index that it joins, the commonest when several do, or null. The
 * pairs come from the pages Pagefind finds for the word's longest prefix that exists, so the index
 * tells where the space goes ("banhanh" is "ban hành", not "ba nhanh"), which no syllable rule can.
 * @example joinedWords('nghiquyet', [['nghị', 'quyết'], ['nghị', 'quyết'], ['nghiên', 'cứu']]) // 'nghị quyết'
 */
export function joinedWords(word: string, pairs: readonly (readonly [string, string])[]): string | null {
  const w = fold(word).toLowerCase();
  const counts = new Map<string, number>();
  for (const [a, b] of pairs) {
    if (!a || !b || fold(a + b).toLowerCase() !== w) continue;
    const key = `${a} ${b}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [key, n] of counts) if (best === null || n > counts.get(best)!) best = key;
  return best;
}

/* ------------------------------------------------------------------------------------------------
 * All together.
 * --------------------------------------------------------------------------------------------- */

/**
 * Function words (folded): pronouns, particles and question words that say nothing about which page
 * is meant. They are searched like any word, but a task page need not contain them to be what a
 * query asks for ("mình đã học tới đâu" is the progress page, which never says "mình").
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  'minh toi ban em anh chi ta cua cho cac nhung mot la va voi so o ve da duoc roi xem muon can phai nao gi the sao dau khong co nhe a a oi di nay kia do thi ma tu den se trong'.split(' '),
);

/** Question phrases (folded) removed before searching when other words remain: "là gì", "thế nào". */
const QUESTION_PHRASES = ['se nhu the nao', 'se ra sao', 'nhu the nao', 'the nao', 'ra sao', 'la gi', 'bao gio', 'khi nao', 'o dau', 'o cho nao', 'o diem nao', 'nao', 'gi'];

/** Question phrases (folded) removed from the start of a query when other words remain: "ai …" (who). */
const LEADING_QUESTION_PHRASES = ['ai la nguoi', 'nhung ai', 'co ai', 'ai'];

/**
 * The query without a leading "who" ({@link LEADING_QUESTION_PHRASES}, round 12) or a trailing
 * question phrase, when other words remain ("kết luận 90 ra đời thế nào" → "kết luận 90 ra đời"): such
 * words are in every text and would pull the deep link to any sentence that has them.
 */
export function dropQuestionWords(query: string): string {
  const words = query.split(/\s+/).filter(Boolean);
  const folded = words.map((w) => fold(w).toLowerCase().replace(/[?.!,]+$/, ''));
  const kept = dropLeadingWho(dropTrailingQuestion({ words, folded }));
  return kept.words.length === words.length ? query : kept.words.join(' ');
}

/** A query's words as typed, and folded for comparison (same length, same order). */
interface QueryWords {
  words: readonly string[];
  folded: readonly string[];
}

/** The words without their trailing question phrase, or as they were when there is none to drop. */
function dropTrailingQuestion(q: QueryWords): QueryWords {
  // Vietnamese puts the question word last: only a trailing one is dropped.
  for (const phrase of QUESTION_PHRASES) {
    const parts = phrase.split(' ');
    const at = q.words.length - parts.length;
    if (at > 0 && parts.every((p, k) => q.folded[at + k] === p)) {
      // Nothing but function words left ("là gì"): the question is all there is to search.
      return q.folded.slice(0, at).some((w) => !FUNCTION_WORDS.has(w)) ? { words: q.words.slice(0, at), folded: q.folded.slice(0, at) } : q;
    }
  }
  return q;
}

/**
 * The words without a leading "who" ({@link LEADING_QUESTION_PHRASES}) when two words or more that
 * are not function words are left.
 */
function dropLeadingWho(q: QueryWords): QueryWords {
  // "Who" leads its question ("ai chịu trách nhiệm …"): the texts name the body, never "ai". With one
  // word left ("ai làm gì") the question is the query.
  for (const phrase of LEADING_QUESTION_PHRASES) {
    const parts = phrase.split(' ');
    const rest = q.folded.slice(parts.length);
    if (parts.every((p, k) => q.folded[k] === p) && rest.filter((w) => !FUNCTION_WORDS.has(w)).length >= 2) {
      return { words: q.words.slice(parts.length), folded: rest };
    }
  }
  return q;
}

/**
 * What a question asks about a document: who signed it, when it was issued, whether it still holds,
 * why it was made, or what a word means. The answer is a
 * part of the document the question's words need not stand in (the signature block holds only a
 * name), so the engine links to that part ({@link Understood.asks}).
 */
export type Asks = 'signer' | 'issuer' | 'issued' | 'status' | 'why' | 'definition' | 'who';

/**
 * Question phrases (folded) by what they ask, and the words of each kept in the search ("ky", "ban
 * hanh"; for status, the words of the status panel's heading; a number keeps that group of the
 * match; null keeps the query as typed). The first that matches is read.
 */
const ASK_PHRASES: readonly { asks: Asks; re: RegExp; keep: string | number | null }[] = [
  { asks: 'signer', re: /\b(?:ai (?:da )?ky|do ai ky|ky boi ai|nguoi ky (?:la ai|la gi)?|ai la nguoi ky|chu ky)\b/, keep: 'ky' },
  // "kế hoạch 83 do ai xây dựng", "cơ quan nào ban hành kết luận 52": who made the text. The verb
  // stays searched (the plan says "Ban Thường vụ Tỉnh ủy xây dựng Kế hoạch"); so does a task ("ai
  // xây dựng chiến lược"), as the engine answers this only on the page of the document named.
  { asks: 'issuer', re: /\b(?:do ai|ai(?: la nguoi| da)?|(?:co quan|ban|cap|noi) nao(?: da)?) (xay dung|ban hanh|soan thao|soan|de ra)\b/, keep: 1 },
  { asks: 'issued', re: /\b(?:ban hanh (?:ngay|nam|thang|khi|luc) nao|ban hanh (?:bao gio|khi nao|hoi nao)|ngay ban hanh|nam ban hanh|ra doi (?:ngay|nam|khi) nao|ra doi bao gio)\b/, keep: 'ban hanh' },
  {
    asks: 'status',
    re: /\b(?:con hieu luc(?: khong| ko| nua khong)?|het hieu luc(?: chua)?|con gia tri(?: khong)?|con ap dung(?: khong)?|bi thay the(?: chua)?|da bi thay the(?: chua)?)\b/,
    keep: 'tình trạng',
  },
  { asks: 'why', re: /\b(?:vi sao|tai sao|ly do)\b/, keep: null },
  // "trí thức là gì", "khái niệm trí thức", "định nghĩa về trí thức": what a word means. The phrase
  // leaves the words searched (the texts define a word without saying "định nghĩa").
  {
    asks: 'definition',
    re: /\b(?:khai niem(?: ve)?|dinh nghia(?: ve| cua)?|(?:co )?nghia la gi|la gi|la ai|duoc hieu (?:la gi|nhu the nao|the nao|ra sao)|hieu (?:nhu )?the nao (?:la|ve))\b/,
    keep: '',
  },
  // "ai chịu trách nhiệm …", "cơ quan nào chủ trì …", "… giao cho ai": who carries a task out. The
  // words stay searched ("ai" leaves with the other question words); the engine opens the part
  // headed by a body.
  {
    asks: 'who',
    re: /^(?:nhung ai|ai la nguoi|ai|(?:co quan|don vi|ban|cap|so|nganh) nao)(?= )|(?<= )(?:do ai|giao cho ai|la viec cua ai|cua ai)$/,
    keep: null,
  },
];

/**
 * Where a pattern over the folded query (lower case, no marks, trailing "?.!," dropped, one space
 * between words) matches, in words of the query as typed: the words, and the first and count of
 * the matched ones, so a phrase found folded can be cut from or replaced in what was typed.
 */
function matchWords(query: string, re: RegExp): { words: string[]; from: number; len: number; m: RegExpExecArray } | null {
  const words = query.split(' ');
  const f = words.map((w) => fold(w).toLowerCase().replace(/[?.!,]+$/, '')).join(' ');
  const m = re.exec(f);
  if (!m) return null;
  return { words, from: f.slice(0, m.index).split(' ').length - 1, len: m[0].trim().split(' ').length, m };
}

/** The query with the words a {@link matchWords} match covers replaced by `by` (none: cut). */
function replaceMatch(hit: { words: string[]; from: number; len: number }, by: readonly string[]): string {
  return [...hit.words.slice(0, hit.from), ...by, ...hit.words.slice(hit.from + hit.len)].join(' ');
}

/** "đã có … chưa" (folded), the question ending the query: has anything come yet (a later text, a plan)? */
const HAS_IT_YET = /(?<=^| )da co (?:\S+ )+chua$/;

/**
 * The question a query asks about a document, and the query with the question phrase reduced to
 * the words the texts use ("ai ký kế hoạch 83" → "ký kế hoạch 83", asks "signer").
 */
export function findAsks(query: string): { asks: Asks | null; text: string } {
  // "đã có … chưa" asks whether something has come yet: what came after a document is its status.
  const yet = matchWords(query, HAS_IT_YET);
  if (yet) {
    const rest = [...yet.words.slice(0, yet.from), ...yet.words.slice(yet.from + 2, -1)];
    if (rest.some((w) => !FUNCTION_WORDS.has(fold(w).toLowerCase()))) return { asks: 'status', text: ['tình trạng', ...rest].join(' ') };
  }
  for (const { asks, re, keep } of ASK_PHRASES) {
    const hit = matchWords(query, re);
    if (!hit) continue;
    const { words, from, len } = hit;
    const rest = [...words.slice(0, from), ...words.slice(from + len)];
    if (keep === null || !rest.some((w) => !FUNCTION_WORDS.has(fold(w).toLowerCase()))) return { asks, text: query };
    // A number keeps the words of that group of the match, as typed, where they stood.
    if (typeof keep === 'number') {
      const kept = hit.m[keep]!.split(' ').length;
      return { asks, text: [...words.slice(0, from), ...words.slice(from + len - kept, from + len), ...words.slice(from + len)].join(' ') };
    }
    return { asks, text: [keep, ...rest].filter(Boolean).join(' ') };
  }
  return { asks: null, text: query };
}

/**
 * "How often" in the words people ask it, folded: a question head ("mấy tháng", "bao nhiêu năm",
 * "bao lâu") or a period ("6 tháng"), words between, then "một lần". The texts say it as "định kỳ"
 * ("Định kỳ 06 tháng báo cáo…", "định kỳ hằng năm báo cáo…").
 */
const HOW_OFTEN = /(?<=^| )((?:may|bao nhieu) (?:thang|nam|quy|tuan|ngay)|bao lau|\d{1,2} (?:thang|nam))((?: \S+)*?) (?:mot|1) lan(?= |$)/;

/**
 * The query with a "how often" question put as the texts put it ("các cấp ủy báo cáo kết quả mấy
 * tháng một lần" → "định kỳ các cấp ủy báo cáo kết quả"; "báo cáo 6 tháng một lần" → "định kỳ báo
 * cáo 6 tháng"). The question head and "một lần" go; a period typed as a number stays.
 */
export function readHowOften(query: string): string {
  const hit = matchWords(query, HOW_OFTEN);
  if (!hit) return query;
  const { words, from, m } = hit;
  const head = m[1]!.split(' ').length;
  const between = m[2]!.trim() ? m[2]!.trim().split(' ').length : 0;
  const period = /^\d/.test(m[1]!) ? words.slice(from, from + head) : [];
  const inner = words.slice(from + head, from + head + between);
  return ['định kỳ', ...words.slice(0, from), ...inner, ...period, ...words.slice(from + head + between + 2)].join(' ').trim();
}

/**
 * "Sent to whom" in the words people ask it, folded: "gửi (đến|cho|tới) (những|các) nơi nào / ai /
 * đâu / cơ quan nào / đơn vị nào", or the places named first: "(những|các) nơi (được) gửi". The
 * texts list them under "Nơi nhận".
 */
const SENT_TO =
  /(?<=^| )(?:gui (?:den |cho |toi )?(?:(?:nhung|cac) )?(?:noi nao|ai|dau|co quan nao|don vi nao|nhung ai)|(?:nhung|cac) noi (?:duoc )?gui(?: den| toi)?)(?= |$)/;

/** The query with a "sent to whom" question put as the texts put it ("kế hoạch 83 gửi những nơi nào" → "kế hoạch 83 nơi nhận"). */
export function readRecipients(query: string): string {
  const hit = matchWords(query, SENT_TO);
  return hit ? replaceMatch(hit, ['nơi nhận']) : query;
}

/**
 * "By when must it be done" in the words people ask it, folded: "(phải) xong / hoàn thành (vào,
 * trước, trong) khi nào / bao giờ / năm nào / tháng mấy…", or the question first ("khi nào phải
 * xong"). The texts give a deadline in those words: "(hoàn thành trong năm 2020)", "(hoàn thành xong
 * trong quý IV/2019)".
 */
const WHEN_DONE = [
  /(?<=^| )(?:phai )?(?:xong|hoan thanh|hoan tat)(?: (?:vao|truoc|trong|luc|han))? (?:khi nao|bao gio|luc nao|(?:nam|thang|quy|ngay) (?:nao|may))(?= |$)/,
  /(?<=^| )(?:khi nao|bao gio|den khi nao|han nao) (?:thi )?(?:phai )?(?:xong|hoan thanh|hoan tat)(?= |$)/,
];

/**
 * The query with a "by when must it be done" question put as the texts put it: the question words
 * go, "hoàn thành" comes, and a "xong" typed stays (the plan writes "hoàn thành xong trong quý
 * IV/2019"; the study pages ask "phải xong khi nào"): "chiến lược trí thức của tỉnh phải xong năm
 * nào" → "chiến lược trí thức của tỉnh hoàn thành xong".
 */
export function readWhenDone(query: string): string {
  for (const re of WHEN_DONE) {
    const hit = matchWords(query, re);
    if (!hit) continue;
    const typed = hit.words.slice(hit.from, hit.from + hit.len);
    const xong = typed.some((w) => /^xong[?.!,]*$/i.test(w));
    // A question mark ending the query stays at its end.
    const last = typed[typed.length - 1]!;
    const end = hit.from + hit.len === hit.words.length && /[?.!]$/.test(last) ? last.slice(-1) : '';
    return replaceMatch(hit, ['hoàn thành', ...(xong ? ['xong'] : [])]) + end;
  }
  return query;
}

/**
 * How a question compares two texts, folded, with the words the study pages use for each side of
 * the comparison ("Điều mới", "Điều tiếp nối"): what is new or different, what is the same or
 * carried over. "so với" and "so sánh" only join the two: they go.
 */
const COMPARES: readonly { re: RegExp; words: string }[] = [
  {
    re: /(?<=^| )(?:(?:co )?(?:nhung )?(?:gi|diem|dieu|noi dung|cai) (?:gi )?moi|moi (?:o|la) (?:diem|cho|dieu) nao|(?:diem |cho )?khac (?:gi|biet|nhau|o (?:diem|cho) nao)|diem khac)(?= |$)/,
    words: 'điều mới',
  },
  { re: /(?<=^| )(?:giong(?: nhau| voi| o)?|diem (?:chung|giong)|ke thua|noi tiep)(?= |$)/, words: 'điều tiếp nối' },
];
const COMPARE_JOIN = /(?<=^| )(?:so voi|so sanh(?: voi)?)(?= |$)/;

/**
 * A question that compares documents ("nghị quyết 45 có gì mới so với kết luận 52", "nghị quyết 45
 * khác gì kết luận 52", "điều gì nghị quyết 45 giống kế hoạch 83") put in the words the study pages
 * answer it with: "nghị quyết 45 điều mới kết luận 52". Read only when the query names a document by
 * number ({@link findDocRef}): "sơ kết và tổng kết khác nhau thế nào" compares words, not texts.
 */
export function readComparison(query: string): string {
  if (!findDocRef(query)) return query;
  for (const { re, words } of COMPARES) {
    const hit = matchWords(query, re);
    if (!hit) continue;
    const out = replaceMatch(hit, [words]);
    const join = matchWords(out, COMPARE_JOIN);
    return join ? replaceMatch(join, []) : out;
  }
  return query;
}

/** What a query means, as far as the words alone tell. */
export interface Understood {
  /** What a question asks about a document (signer, date of issue), if it is one. */
  asks: Asks | null;
  /** The query to search: abbreviations spelt out, dates and numbers in the texts' forms. */
  text: string;
  /** The task the query names, if any. */
  task: TaskMatch | null;
  /** Full dates named (ISO). */
  dates: string[];
  /** Years typed alone ("kết luận trí thức 2014"), not as part of a date or a range: a document issued then may be meant. */
  years: string[];
  /** The study session named by number ("chuyên đề 2", "bài 3"), if any. */
  session: SessionRef | null;
  /** A provision named by its place ("mục 2 phần I"), if any. */
  provision: ProvisionRef | null;
  /** The slide a query for a deck or presenter view names by number ("slide 12"), if any. */
  slide: number | null;
}

/** Folds a query for matching phrases: no marks, đ → d, lower case, punctuation but & and - as spaces. */
function foldedPhrases(query: string): string {
  return fold(query)
    .toLowerCase()
    .replace(/[^a-z0-9&\-\s]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Reads a query: numbers and dates first (so "KH-83/TU" is not taken for an abbreviation), then
 * abbreviations, then the task it names.
 * @example understand('slide BTV tinh uy').task?.kind // "deck"
 */
export function understand(raw: string): Understood {
  const numbers = normaliseNumbers(raw.normalize('NFC').replace(/\s+/g, ' ').trim());
  const q = findAsks(readRecipients(expandAbbreviations(numbers.text)));
  const text = dropQuestionWords(readComparison(readWhenDone(readHowOften(q.text))));
  const years = [...new Set([...` ${text} `.matchAll(/(?<=\s)((?:19[4-9]|20\d)\d)(?=[\s.,;])/gu)].map((m) => m[1]!))];
  const place = readProvision(text);
  const placed = place?.text ?? text;
  // A task phrase typed with one slip ("trinh chiu") is read as the phrase before the task is looked for.
  const searched = findTask(placed) ? placed : (mendTaskSlip(placed) ?? placed);
  const task = findTask(searched) ?? periodOnly(searched);
  const slide = task?.kind === 'deck' || task?.kind === 'presenter' ? readSlide(searched) : null;
  return {
    text: slide?.text ?? searched,
    task,
    dates: numbers.dates,
    years,
    asks: q.asks,
    session: findSession(searched),
    provision: place && { id: place.id, only: place.text === text },
    slide: slide?.n ?? null,
  };
}

/** "slide 12", "trang 12", "trang chiếu số 12", "slide thứ 12" (folded): one slide of a deck. */
const SLIDE = /(?<=^| )(?:slide|trang chieu|trang)(?: (?:so|thu))? ([1-9]\d?)(?= |$)/;

/**
 * The slide a query names by its number, read only once the query asks for a deck or its presenter
 * view ("trang 12" alone is no slide); the number leaves the words searched (slides are found by
 * the deck's title and purpose, not by their number).
 * @example readSlide('slide 12 chuyen de 1') // { n: 12, text: "slide chuyen de 1" }
 */
export function readSlide(query: string): { n: number; text: string } | null {
  const at = matchWords(query, SLIDE);
  if (!at) return null;
  const number = at.from + at.len - 1;
  return { n: Number(at.m[1]), text: at.words.filter((_, i) => i !== number).join(' ') };
}

/** A deadline period and nothing else (folded, as normalised): "quý IV/2019", "hạn tháng 10/2019". */
const PERIOD_ONLY = /^(?:(?:han|moc|moc han|thoi han|viec|cac viec|nhung viec) )?(quy (?:i{1,3}|iv)\/\d{4}|thang \d{1,2}\/\d{4})$/;

/**
 * A query that is a deadline period alone ("quý IV/2019", "tháng 10/2019"; round 13) asks what falls
 * due then: the assignment table, which lists the deadlines by period (its part for that period is
 * where it opens). No document is dated by a quarter, and the plan's provisions name several.
 * @example periodOnly('quý IV/2019') // { kind: 'matrix', phrase: 'quy iv/2019' }
 */
export function periodOnly(query: string): TaskMatch | null {
  const m = PERIOD_ONLY.exec(fold(query).toLowerCase().replace(/\s+/g, ' ').trim());
  return m ? { kind: 'matrix', phrase: m[1]! } : null;
}

/* ------------------------------------------------------------------------------------------------
 * Provisions named by their place.
 * --------------------------------------------------------------------------------------------- */

/** "phần II", "phan 2" (folded): a part of a text, in Roman or Arabic numerals. */
const PART = /(?<=^| )phan (i{1,3}|iv|vi{0,3}|ix|x|[1-9])(?= |$)/;
/** "mục 3", "điểm 3", "khoản 3" (folded): an item inside a part. */
const ITEM = /(?<=^| )(?:muc|diem|khoan) ([1-9]\d?)(?= |$)/;

/** "II.5", "ii-5", "III/3" (folded): part and item in one word, as people cite a plan's provisions. */
const PART_ITEM = /(?<=^| )(i{1,3}|iv|vi{0,3}|ix|x)[.\-/]([1-9]\d?)(?= |$)/;

/** A provision named by its place. */
export interface ProvisionRef {
  /** The id the site gives it: "phan-i-muc-2", or "phan-iii" for a part. */
  id: string;
  /** True when the query says nothing else ("muc 4 phan 3"): the provision is the answer. */
  only: boolean;
}

/**
 * A provision named by its place in the text, in either order and either numerals ("mục 2 phần I",
 * "phan 3 muc 4", "điểm 5 phần II", "II.5"), as the id the site gives provisions ("phan-i-muc-2", or
 * "phan-iii" for a part): null without a part (an item alone is in every part). The place words are
 * not in the text's own words (its headings say "II-" and "3."), so they leave the words searched,
 * unless nothing else is left.
 * @example readProvision('muc 2 phan 1 ke hoach 83') // { id: "phan-i-muc-2", text: "ke hoach 83" }
 */
export function readProvision(query: string): { id: string; text: string } | null {
  const short = matchWords(query, PART_ITEM);
  if (short) {
    const n = ROMAN.indexOf(short.m[1]!.toUpperCase());
    if (n < 1) return null;
    const rest = short.words.filter((_, i) => i !== short.from);
    const id = `phan-${ROMAN[n]!.toLowerCase()}-muc-${Number(short.m[2])}`;
    return { id, text: rest.some((w) => !FUNCTION_WORDS.has(fold(w).toLowerCase())) ? rest.join(' ') : query };
  }
  const part = matchWords(query, PART);
  if (!part) return null;
  const n = /\d/.test(part.m[1]!) ? Number(part.m[1]) : ROMAN.indexOf(part.m[1]!.toUpperCase());
  if (n < 1 || n >= ROMAN.length) return null;
  const item = matchWords(query, ITEM);
  const drop = new Set([part.from, part.from + 1, ...(item ? [item.from, item.from + 1] : [])]);
  const rest = part.words.filter((_, i) => !drop.has(i));
  const id = `phan-${ROMAN[n]!.toLowerCase()}${item ? `-muc-${Number(item.m[1])}` : ''}`;
  return { id, text: rest.some((w) => !FUNCTION_WORDS.has(fold(w).toLowerCase())) ? rest.join(' ') : query };
}
