import { describe, expect, it } from 'vitest';
import { synonymAlternates } from '../../../src/lib/search/synonyms.ts';
import {
  findAsks,
  ABBREVIATIONS,
  closestWord,
  decodeKeyboard,
  decodeTelexWord,
  decodeVniWord,
  dropQuestionWords,
  editDistance,
  expandAbbreviations,
  findSession,
  findTask,
  joinedWords,
  mendTaskSlip,
  normaliseNumbers,
  readSpeltPeriods,
  sessionNumberOf,
  pageKindOf,
  placeTone,
  readHowOften,
  readProvision,
  readRecipients,
  neutralWordsFor,
  readWhenDone,
  readComparison,
  readSlide,
  readSynonyms,
  synonymReading,
  SYNONYMS,
  keyboardResidue,
  understand,
} from '../../../src/lib/search/understand.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fold } from '../../../src/lib/search/normalize.ts';

/** The text of every content file under a folder (MDX, YAML, TXT), or of the files `extra` names too. */
const readTexts = (dir: string, extra?: RegExp): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? readTexts(join(dir, e.name), extra) : /\.(mdx|yaml|txt)$/.test(e.name) || extra?.test(e.name) ? [readFileSync(join(dir, e.name), 'utf8')] : [],
  );

describe('page kinds', () => {
  it.each([
    ['/van-ban/ke-hoach-83-kh-tu/', 'document'],
    ['/van-ban/phan-cong/', 'matrix'],
    ['/van-ban/dong-thoi-gian/', 'timeline'],
    ['/van-ban/', 'documentIndex'],
    ['/hoc-tap/01-x/', 'study'],
    ['/hoc-tap/01-x/trinh-chieu/', 'deck'],
    ['/hoc-tap/01-x/nguoi-trinh-bay/', 'presenter'],
    ['/hoc-tap/01-x/tai-lieu/', 'handout'],
    ['/hoc-tap/', 'studyIndex'],
    ['/kiem-tra/', 'quizIndex'],
    ['/kiem-tra/01-x/', 'quiz'],
    ['/kiem-tra/tien-do/', 'progress'],
    ['/kiem-tra/chung-nhan/', 'certificate'],
    ['/giang-vien/', 'trainer'],
    ['/tri-thuc/hoc-tap/01-x/trinh-chieu/', 'deck'],
    ['/tim-kiem/', 'search'],
    ['/hoc-tap/02-x/ap-phich/', 'poster'],
    ['/van-ban/ke-hoach-83-kh-tu/ap-phich/', 'poster'],
    ['/', 'home'],
    // A one-segment path no other kind claims is the home page of a site served under that path.
    ['/tri-thuc/', 'home'],
    ['/gioi-thieu/lien-he/', 'other'],
  ])('%s is a %s page', (url, kind) => expect(pageKindOf(url)).toBe(kind));
});

describe('task words', () => {
  it.each([
    ['slide ke hoach 83', 'deck'],
    ['bài giảng powerpoint', 'deck'],
    ['tài liệu in', 'handout'],
    ['che do nguoi dan', 'presenter'],
    ['tra ma', 'trainer'],
    ['kiểm tra mã xác nhận của học viên', 'trainer'],
    ['bai kiem tra ke hoach 83', 'quiz'],
    ['bai thi phan cong thuc hien', 'quiz'],
    ['bang phan cong cac co quan', 'matrix'],
    ['minh da hoc toi dau', 'progress'],
    ['chung nhan da hoc', 'certificate'],
    ['bang phan cong', 'matrix'],
    ['dong thoi gian', 'timeline'],
    // Words that hold for every session's quiz ask for the list (round 13); a session's subject does not.
    ['bai kiem tra dat bao nhieu phan tram thi qua', 'quizIndex'],
    ['moi bai kiem tra co bao nhieu cau, dung bao nhieu thi dat', 'quizIndex'],
    ['on thi trac nghiem tri thuc', 'quizIndex'],
    ['bai kiem tra vai tro tri thuc', 'quiz'],
    ['kiem tra chuyen de 2 bao nhieu cau', 'quiz'],
  ])('«%s» asks for a %s page', (q, kind) => expect(findTask(q)?.kind).toBe(kind));

  it('finds no task in a query about a text', () => {
    expect(findTask('nguoi dung dau')).toBeNull();
    expect(findTask('tri thuc tre')).toBeNull();
    // "test" inside a word is not the word "test".
    expect(findTask('testing')).toBeNull();
  });

  it('reads a task phrase with a plural word inside it ("lịch sử các văn bản"; round 4)', () => {
    expect(findTask('lịch sử các văn bản trí thức theo năm')).toEqual({ kind: 'timeline', phrase: 'lich su cac van ban' });
    expect(findTask('danh sach cac bai kiem tra')?.kind).toBe('quizIndex');
    // The phrase that starts first still wins: "các văn bản" alone is the list of documents.
    expect(findTask('cac van ban ve tri thuc')?.kind).toBe('documentIndex');
  });

  it.each([
    ['trinh chiu chuyen de 4', 'trinh chieu chuyen de 4', 'deck'],
    ['kiem tar chuyen de 1', 'kiem tra chuyen de 1', 'quiz'],
    ['dong thoi giang van ban', 'dong thoi gian van ban', 'timeline'],
    ['chng nhan', 'chung nhan', 'certificate'],
    ['giang vein', 'giang vien', 'trainer'],
  ])('reads «%s», a task phrase with one slip, as «%s» (round 13)', (q, text, kind) => {
    expect(mendTaskSlip(q)).toBe(text);
    const u = understand(q);
    expect(u.text).toBe(text);
    expect(u.task?.kind).toBe(kind);
  });

  it('reads a deadline period typed alone as the assignment table (round 13)', () => {
    for (const q of ['quý 4 năm 2019', 'quy IV 2019', 'quy 4/2019', 'han thang 10/2019', 'tháng 10 năm 2019']) expect(understand(q).task?.kind, q).toBe('matrix');
    expect(understand('quy IV 2019').text).toBe('quy IV/2019');
    // With other words the words decide ("việc phải xong trong quý IV/2019" may be a provision).
    expect(understand('viec phai xong trong quy 4/2019').task).toBeNull();
    expect(understand('nam 2019').task).toBeNull();
  });

  it('reads no run of words the texts or the pages use as a slipped task phrase (round 13)', () => {
    // "tỉnh Điện Biên" must not become "trình diễn", "bản tin" not "bảng tin": every run of two to four
    // words of content/ and of the interface strings (indexed on the tool pages) is read as typed.
    const slipped: string[] = [];
    for (const text of [...readTexts('content'), ...readTexts('src/i18n', /\.ts$/)]) {
      const words = fold(text).toLowerCase().replace(/[^a-z0-9&\-\s]/g, ' ').split(/\s+/).filter(Boolean);
      for (let i = 0; i + 4 <= words.length; i++) {
        const run = words.slice(i, i + 4).join(' ');
        const mended = mendTaskSlip(run);
        if (mended !== null) slipped.push(`${run} → ${mended}`);
      }
    }
    expect(slipped).toEqual([]);
  });

  it('reads no slip where one letter stands for another, in short phrases, near digits, or when a task is typed', () => {
    // One letter for another mostly makes another word: "báo cáo việc" is not "báo cáo viên".
    expect(mendTaskSlip('bao cao viec thuc hien')).toBeNull();
    expect(mendTaskSlip('hoc song')).toBeNull();
    // Nor a slip at a word's first letter, nor a letter added to or dropped from a short word.
    expect(mendTaskSlip('tinh trang hieu luc')).toBeNull();
    expect(mendTaskSlip('so nguoi da hoc')).toBeNull();
    expect(mendTaskSlip('moi buoi hoc')).toBeNull();
    expect(mendTaskSlip('tat ca van ban')).toBeNull();
    // Nor a phrase whose slip is words the texts use: "tỉnh Điện Biên" is no "trình diễn".
    expect(mendTaskSlip('tinh dien bien')).toBeNull();
    // "tien do" has six letters: "tien da" and its like are too near to other words.
    expect(mendTaskSlip('tien d')).toBeNull();
    expect(mendTaskSlip('kiem tra2')).toBeNull();
    expect(mendTaskSlip('tri thuc dien bien')).toBeNull();
    // A task typed as it is keeps its words.
    expect(understand('kiem tra chuyen de 1 giang vein').text).toBe('kiem tra chuyen de 1 giang vein');
  });
});

describe('kind, issuing body, number (round 4)', () => {
  it('reads "KL BBT 52" and "NQ TW 27" as the numbers they name', () => {
    expect(normaliseNumbers('KL BBT 52').text).toBe('KL 52 BBT');
    expect(normaliseNumbers('nq tw 27 tri thuc').text).toBe('nq 27 tw tri thuc');
    expect(normaliseNumbers('ban bi thu 52').text).toBe('ban bi thu 52');
  });
});

describe('periods spelt out (round 19)', () => {
  it.each([
    ['nhung cho con yeu sau muoi nam lam theo nghi quyet', 'nhung cho con yeu sau 10 nam lam theo nghi quyet'],
    ['nhin lai sau nam nam lam nghi quyet', 'nhin lai sau 5 nam lam nghi quyet'],
    ['mười lăm năm thực hiện nghị quyết 27', '15 năm thực hiện nghị quyết 27'],
    ['hai mươi năm', '20 năm'],
    ['sau một thập kỷ thực hiện', 'sau 10 năm thực hiện'],
    ['thập kỷ', '10 năm'],
    // "sáu" only with its mark ("sau" is "after"); periods then take the texts' two digits.
    ['báo cáo sáu tháng', 'báo cáo 06 tháng'],
    ['Việt Nam năm năm', 'Việt Nam 5 năm'],
  ])('«%s» → «%s»', (q, want) => expect(normaliseNumbers(q).text).toBe(want));

  it('leaves years, "after" and the country alone', () => {
    expect(readSpeltPeriods('sau năm 2020')).toBe('sau năm 2020');
    expect(readSpeltPeriods('viet nam nam 2019')).toBe('viet nam nam 2019');
    expect(readSpeltPeriods('bao cao sau thang')).toBe('bao cao sau thang');
    expect(readSpeltPeriods('ke hoach nam nao')).toBe('ke hoach nam nao');
  });
});

describe('how often (round 4)', () => {
  it.each([
    ['các cấp ủy báo cáo kết quả mấy tháng một lần', 'định kỳ các cấp ủy báo cáo kết quả'],
    ['bao lâu báo cáo một lần', 'định kỳ báo cáo'],
    ['ban tuyen giao bao cao bao lau 1 lan', 'định kỳ ban tuyen giao bao cao'],
    ['bao cao 6 thang mot lan', 'định kỳ bao cao 6 thang'],
  ])('«%s» is searched as «%s»', (q, want) => expect(readHowOften(q)).toBe(want));

  it('leaves other queries alone', () => {
    expect(readHowOften('mot lan nua')).toBe('mot lan nua');
    expect(readHowOften('tri thuc tre')).toBe('tri thuc tre');
  });

  it('is part of understand', () => {
    expect(understand('các cấp ủy báo cáo mấy tháng một lần').text).toBe('định kỳ các cấp ủy báo cáo');
  });
});

describe('by when must it be done (round 14)', () => {
  it.each([
    ['chien luoc tri thuc cua tinh phai xong nam nao', 'chien luoc tri thuc cua tinh hoàn thành xong'],
    ['ubnd tinh cu the hoa ket luan 52 xong khi nao', 'ubnd tinh cu the hoa ket luan 52 hoàn thành xong'],
    ['quán triệt xong trước tháng mấy', 'quán triệt hoàn thành xong'],
    ['khi nào phải xong chiến lược trí thức', 'hoàn thành xong chiến lược trí thức'],
    ['việc này hoàn thành vào năm nào?', 'việc này hoàn thành?'],
    ['xong khi nào, ai báo cáo', 'hoàn thành xong ai báo cáo'],
  ])('«%s» is searched as «%s»', (q, want) => expect(readWhenDone(q)).toBe(want));

  it('leaves other queries alone: a course finished is progress, not a deadline', () => {
    for (const q of ['hoc xong chuyen de 1', 'bao gio hoc xong', 'xong roi', 'hoàn thành trong năm 2020']) expect(readWhenDone(q)).toBe(q);
    expect(understand('bao gio hoc xong').task?.kind).toBe('progress');
  });

  it('keeps the words of the texts that ask it themselves ("ai phải làm những việc đó, phải xong khi nào")', () => {
    const lines = [...readTexts('content'), ...readTexts('src/i18n', /\.ts$/)].flatMap((t) => t.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()));
    const asking = lines.filter((l) => readWhenDone(l) !== l);
    expect(asking.length).toBeGreaterThan(0);
    for (const l of asking) expect(readWhenDone(l)).toMatch(/ xong\b/);
  });

  it('is part of understand', () => {
    expect(understand('chiến lược trí thức của tỉnh phải xong năm nào').text).toBe('chiến lược trí thức của tỉnh hoàn thành xong');
  });
});

describe('a question that compares documents (round 15)', () => {
  it.each([
    ['nghị quyết 45 có gì mới so với kết luận 52', 'nghị quyết 45 điều mới kết luận 52'],
    ['điểm mới của nghị quyết 45 so với kết luận 52', 'điều mới của nghị quyết 45 kết luận 52'],
    ['nghi quyet 45 khac gi ket luan 52', 'nghi quyet 45 điều mới ket luan 52'],
    ['nq45 khác biệt so với kl52', 'nq45 điều mới kl52'],
    ['dieu gi nghi quyet 45 giong ke hoach 83', 'dieu gi nghi quyet 45 điều tiếp nối ke hoach 83'],
    ['điểm chung giữa kết luận 52 và nghị quyết 45', 'điều tiếp nối giữa kết luận 52 và nghị quyết 45'],
  ])('«%s» is searched as «%s»', (q, want) => expect(readComparison(q)).toBe(want));

  it('reads only a comparison of documents named by number: words compared are searched as typed', () => {
    for (const q of ['so ket va tong ket khac nhau the nao', 'cac tinh khac lam gi', 'giai doan moi', 'nghi quyet 45 giai doan moi', 'ke hoach 83 co gi']) expect(readComparison(q)).toBe(q);
  });

  it('is part of understand, and "ở chỗ nào" is a question phrase', () => {
    expect(understand('nghị quyết 45 giống kết luận 52 ở chỗ nào?').text).toBe('nghị quyết 45 điều tiếp nối kết luận 52');
    expect(understand('nghị quyết 45 có gì mới so với kết luận 52').text).toBe('nghị quyết 45 điều mới kết luận 52');
  });

  it('puts each side in words the study pages answer it with', () => {
    const texts = readTexts('content').join('\n');
    for (const words of ['Điều mới', 'Điều tiếp nối']) expect(texts).toContain(`## ${words}`);
  });
});

describe('abbreviations', () => {
  it('spells out what officials abbreviate, longest first', () => {
    expect(expandAbbreviations('BTV tỉnh ủy')).toBe('Ban Thường vụ Tỉnh ủy');
    expect(expandAbbreviations('BTV huyện ủy')).toBe('Ban Thường vụ huyện ủy');
    expect(expandAbbreviations('BTG TU')).toBe('Ban Tuyên giáo Tỉnh ủy');
    expect(expandAbbreviations('doanh nghiep KH&CN')).toBe('doanh nghiep khoa học và công nghệ');
    expect(expandAbbreviations('thoi ky CNH, HĐH')).toBe('thoi ky công nghiệp hóa, hiện đại hóa');
    expect(expandAbbreviations('BCS đảng UBND')).toBe('Ban Cán sự đảng UBND');
    expect(expandAbbreviations('dang doan HDND')).toBe('dang doan Hội đồng Nhân dân');
  });

  it('spells out programmes, enterprises, education and cadres (round 10)', () => {
    expect(expandAbbreviations('CTr TU Soc Trang')).toBe('Chương trình TU Soc Trang');
    expect(expandAbbreviations('DN KH&CN')).toBe('doanh nghiệp khoa học và công nghệ');
    expect(expandAbbreviations('nganh GD-ĐT')).toBe('nganh giáo dục - đào tạo');
    expect(expandAbbreviations('CBĐV, CBCC')).toBe('cán bộ, đảng viên, cán bộ, công chức');
  });

  it('leaves words that only look like abbreviations inside other words', () => {
    expect(expandAbbreviations('dhcn btvx')).toBe('dhcn btvx');
  });

  it('expands each entry to words the texts use', () => {
    const corpus = fold(readTexts('content').join('\n')).toLowerCase().replace(/[^a-z0-9]+/g, ' ');
    const absent = Object.entries(ABBREVIATIONS).filter(([, full]) => !corpus.includes(fold(full).toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()));
    expect(absent).toEqual([]);
  });
});

describe('dates and numbers', () => {
  it.each([
    ['30-5-2019', '30/5/2019', ['2019-05-30']],
    ['30.5.2019', '30/5/2019', ['2019-05-30']],
    ['ngay 30 thang 5 nam 2019', '30/5/2019', ['2019-05-30']],
    ['ngày 6 tháng 8 năm 2008', '06/8/2008', ['2008-08-06']],
    ['6 thang 8 2008', '06/8/2008', ['2008-08-06']],
    ['06-08-2008', '06/8/2008', ['2008-08-06']],
    ['4/3/2014', '04/3/2014', ['2014-03-04']],
    ['bao cao 6 thang', 'bao cao 06 thang', []],
    ['quy 4 nam 2019', 'quy IV/2019', []],
    ['thang 10 nam 2019', 'thang 10/2019', []],
    ['khóa 10', 'khóa X', []],
    ['hoi nghi trung uong 8 khoa 13', 'hoi nghi trung uong 8 khoa XIII', []],
    ['giai doan 2021 - 2030', 'giai doan 2021-2030', []],
    ['NQ27-NQ/TW', '27-NQ/TW', []],
    ['KH-83/TU', '83-KH/TU', []],
    ['83/KH-TU', '83-KH/TU', []],
    ['52 KL-TW', '52-KL/TW', []],
  ])('%s → %s', (q, text, dates) => {
    const n = normaliseNumbers(q);
    expect(n.text).toBe(text);
    expect(n.dates).toEqual(dates);
  });

  it('leaves impossible dates and plain numbers alone', () => {
    expect(normaliseNumbers('45-13-2019').text).toBe('45-13-2019');
    expect(normaliseNumbers('2045').text).toBe('2045');
    expect(normaliseNumbers('CMCN 4.0').text).toBe('CMCN 4.0');
  });
});

describe('Telex and VNI', () => {
  it('places tones where Vietnamese spelling puts them', () => {
    expect(placeTone('tri', '\u0301')).toBe('trí');
    expect(placeTone('thưc', '\u0301')).toBe('thức');
    expect(placeTone('hoa', '\u0300')).toBe('hòa');
    expect(placeTone('người'.normalize('NFD').replace(/\u0300/, '').normalize('NFC'), '\u0300')).toBe('người');
    expect(placeTone('quyêt', '\u0301')).toBe('quyết');
    expect(placeTone('giup', '\u0301')).toBe('giúp');
  });

  it.each([
    ['tris', 'trí'],
    ['thuwcs', 'thức'],
    ['nguwowif', 'người'],
    ['ddwngs', 'đứng'],
    ['ddaauf', 'đầu'],
    ['quyeets', 'quyết'],
    ['nghieepj', 'nghiệp'],
    ['dang', 'dang'],
    // The w typed after the final consonant, the tone key typed before it (round 6).
    ['ddungws', 'đứng'],
    ['dungw', 'dưng'],
    ['tirnh', 'tỉnh'],
    ['trongj', 'trọng'],
  ])('Telex %s → %s', (w, out) => expect(decodeTelexWord(w)).toBe(out));

  it.each([
    ['nghi5', 'nghị'],
    ['quye6t1', 'quyết'],
    ['d9a3ng', 'đảng'],
    ['ngu7o7i2', 'người'],
    ['2045', '2045'],
    // A digit with no letter to mark is no VNI key: document numbers stay (round 8).
    ['nq27', 'nq27'],
    ['kl52', 'kl52'],
    ['kh83', 'kh83'],
  ])('VNI %s → %s', (w, out) => expect(decodeVniWord(w)).toBe(out));

  it('decodes a whole query, or says there is nothing to decode', () => {
    expect(decodeKeyboard('tris thuwcs')).toBe('trí thức');
    expect(decodeKeyboard('nghi5 quye6t1')).toBe('nghị quyết');
    expect(decodeKeyboard('tri thuc 2045')).toBeNull();
  });
});

describe('fuzzy words', () => {
  it('measures edits with transpositions', () => {
    expect(editDistance('tinhh', 'tinh')).toBe(1);
    expect(editDistance('thuk', 'thuc')).toBe(1);
    expect(editDistance('tihn', 'tinh')).toBe(1);
  });

  it('picks the closest existing word, or none when all are far', () => {
    expect(closestWord('tinhh', ['tính', 'tỉnh', 'tin'])).toBe('tính');
    expect(closestWord('nhinn', ['nhân', 'nhìn'])).toBe('nhìn');
    expect(closestWord('xyzzy', ['xã', 'xây'])).toBeNull();
    // Equally near: the word that keeps every letter typed wins (round 4).
    expect(closestWord('chiue', ['chịu', 'chiếu'])).toBe('chiếu');
    expect(closestWord('cog', ['có', 'công'])).toBe('công');
    expect(closestWord('thucc', ['thức'])).toBe('thức');
  });

  it('reads a word typed without its space as the neighbouring words of the index it joins (round 13)', () => {
    const pairs: [string, string][] = [
      ['nghị', 'quyết'],
      ['nghiên', 'cứu'],
      ['nghị', 'quyết'],
      ['ba', 'nhánh'],
      ['ban', 'hành'],
      ['ban', 'hành'],
    ];
    expect(joinedWords('nghiquyet', pairs)).toBe('nghị quyết');
    expect(joinedWords('NGHIQUYET', pairs)).toBe('nghị quyết');
    // The index says where the space goes: "ban hành" is there twice, "ba nhanh" never.
    expect(joinedWords('banhanh', pairs)).toBe('ban hành');
    expect(joinedWords('banhanh', [['ba', 'nhanh'], ['ban', 'hành'], ['ban', 'hành']])).toBe('ban hành');
    // No pair joins to the word exactly: nothing (the near-word reading is left to closestWord).
    expect(joinedWords('nghiquyt', pairs)).toBeNull();
    expect(joinedWords('nghi', pairs)).toBeNull();
    expect(joinedWords('nghiquyet', [])).toBeNull();
  });
});

describe('understand', () => {
  it('reads numbers, then abbreviations, then the task', () => {
    const u = understand('slide BTV tinh uy 30-5-2019');
    expect(u.text).toBe('slide Ban Thường vụ Tỉnh ủy 30/5/2019');
    expect(u.task?.kind).toBe('deck');
    expect(u.dates).toEqual(['2019-05-30']);
  });
});

describe('question words', () => {
  it('drops a trailing question phrase when other words remain', () => {
    expect(dropQuestionWords('ket luan 90 ra doi the nao')).toBe('ket luan 90 ra doi');
    expect(dropQuestionWords('nq 27 ban hanh nam nao?')).toBe('nq 27 ban hanh nam');
    expect(dropQuestionWords('trí thức là gì')).toBe('trí thức');
    expect(dropQuestionWords('là gì')).toBe('là gì');
    expect(dropQuestionWords('ai làm gì, đến khi nào')).toBe('ai làm gì, đến');
    // A leading "who" goes when two words or more are left (round 12); "ai ký" is read before, as the signer.
    expect(dropQuestionWords('ai chịu trách nhiệm xây dựng chiến lược')).toBe('chịu trách nhiệm xây dựng chiến lược');
    expect(dropQuestionWords('những ai phải báo cáo định kỳ?')).toBe('phải báo cáo định kỳ?');
    expect(dropQuestionWords('ai là người cụ thể hóa quy định')).toBe('cụ thể hóa quy định');
    expect(dropQuestionWords('ai làm gì')).toBe('ai làm');
    expect(understand('ai ký kế hoạch 83').asks).toBe('signer');
  });
});

describe('questions about a document (who signed, when issued)', () => {
  it('reads who-signed questions and keeps the word the texts use', () => {
    expect(findAsks('ai ky ke hoach 83')).toEqual({ asks: 'signer', text: 'ky ke hoach 83' });
    expect(findAsks('Kết luận 90 do ai ký')).toEqual({ asks: 'signer', text: 'ky Kết luận 90' });
    // Round 18: the signature asked for by name.
    expect(findAsks('chữ ký cuối kế hoạch 83')?.asks).toBe('signer');
    expect(understand('ai ký kế hoạch 83').asks).toBe('signer');
  });

  it('reads when-issued questions', () => {
    expect(findAsks('ke hoach 83 ban hanh ngay nao')).toEqual({ asks: 'issued', text: 'ban hanh ke hoach 83' });
    expect(understand('nghị quyết 45 ban hành năm nào').asks).toBe('issued');
    expect(understand('ngay ban hanh nghi quyet 27').text).toBe('ban hanh nghi quyet 27');
  });

  it('reads who-made-it questions and keeps the verb where it stood (round 19)', () => {
    expect(findAsks('kế hoạch 83 do ai xây dựng')).toEqual({ asks: 'issuer', text: 'kế hoạch 83 xây dựng' });
    expect(findAsks('co quan nao ban hanh ket luan 52')).toEqual({ asks: 'issuer', text: 'ban hanh ket luan 52' });
    expect(understand('ai xay dung ke hoach 83')).toMatchObject({ asks: 'issuer', text: 'xay dung ke hoach 83' });
    // A task asked of nobody's text keeps its words; the engine answers "issuer" only on a document named.
    expect(understand('ai xây dựng chiến lược trí thức của tỉnh').text).toBe('xây dựng chiến lược trí thức của tỉnh');
    // Who signed is read first.
    expect(findAsks('ai ky ke hoach 83').asks).toBe('signer');
  });

  it('reads who-does-it questions and leaves their words to the search (round 19)', () => {
    expect(findAsks('ai chịu trách nhiệm xây dựng chiến lược')).toEqual({ asks: 'who', text: 'ai chịu trách nhiệm xây dựng chiến lược' });
    expect(findAsks('co quan nao chu tri so ket ket luan 52')?.asks).toBe('who');
    expect(findAsks('so ket ket luan 52 giao cho ai')?.asks).toBe('who');
    expect(understand('ai phai xay dung chien luoc tri thuc')).toMatchObject({ asks: 'who', text: 'phai xay dung chien luoc tri thuc' });
    // Not a body asked for: what a word means, who signed.
    expect(findAsks('tri thuc la ai')?.asks).toBe('definition');
    expect(findAsks('ai ky ke hoach 83')?.asks).toBe('signer');
    expect(findAsks('tai lieu cua toi')?.asks).toBeNull();
  });

  it('leaves other queries and a bare question alone', () => {
    expect(findAsks('ban hanh ke hoach')).toEqual({ asks: null, text: 'ban hanh ke hoach' });
    expect(findAsks('ai ban hanh')).toEqual({ asks: 'issuer', text: 'ai ban hanh' });
    expect(findAsks('ai ky')).toEqual({ asks: 'signer', text: 'ai ky' });
    // Not a signer: what the word means (round 9).
    expect(understand('tri thuc la ai').asks).toBe('definition');
  });
});

describe('years typed alone (issue #18, round 2)', () => {
  it('keeps a bare year, not one inside a date, a range or a quarter', () => {
    expect(understand('BCT ket luan tri thuc 2014').years).toEqual(['2014']);
    expect(understand('ngay 30 thang 5 nam 2019').years).toEqual([]);
    expect(understand('giai doan 2021 - 2030').years).toEqual([]);
    expect(understand('quy 4 nam 2019').years).toEqual([]);
    expect(understand('83 nguoi').years).toEqual([]);
  });
});

describe('study sessions named by number (issue #18, round 3)', () => {
  it.each([
    ['chuyen de 1', 1, true],
    ['Chuyên đề số 2', 2, true],
    ['bài 3', 3, true],
    ['buổi học 04', 4, true],
    ['slide chuyen de 3', 3, false],
    ['bon nhom chu the chuyen de 3', 3, false],
    ['làm bài kiểm tra chuyên đề 1', 1, false],
  ])('%s names session %i (alone: %s)', (q, n, only) => {
    expect(findSession(q)).toMatchObject({ session: n, only });
  });
  it.each(['bài kiểm tra', 'chuyên đề', 'kế hoạch 83', 'điều 2 bài', 'chuyen de 0'])('%s names no session', (q) => {
    expect(findSession(q)).toBeNull();
  });
  it('keeps the words that name the session apart from what is asked', () => {
    expect(findSession('bon nhom chu the chuyen de 3')!.words).toEqual(['chuyen', 'de', '3']);
    expect(understand('in a4 bai 2').session).toMatchObject({ session: 2, only: false });
  });
  it('tells a page\'s session from its route', () => {
    expect(sessionNumberOf('/hoc-tap/02-nghi-quyet-27/')).toBe(2);
    expect(sessionNumberOf('/hoc-tap/02-nghi-quyet-27/tai-lieu/')).toBe(2);
    expect(sessionNumberOf('/kiem-tra/04-x/')).toBe(4);
    expect(sessionNumberOf('/tri-thuc/hoc-tap/01-x/ap-phich/')).toBe(1);
    expect(sessionNumberOf('/kiem-tra/tien-do/')).toBeNull();
    expect(sessionNumberOf('/van-ban/ke-hoach-83-kh-tu/')).toBeNull();
  });
});

describe('questions of status and background (issue #18, round 3)', () => {
  it('reads "còn hiệu lực" as a question about the status, searched with the panel\'s words', () => {
    expect(findAsks('ke hoach 83 con hieu luc khong')).toEqual({ asks: 'status', text: 'tình trạng ke hoach 83' });
    expect(understand('kết luận 52 đã bị thay thế chưa').asks).toBe('status');
  });
  it('leaves "hiệu lực" as a word of the texts ("nâng cao hiệu lực lãnh đạo")', () => {
    expect(findAsks('nâng cao hiệu lực lãnh đạo').asks).toBeNull();
  });
  it('reads "vì sao", "tại sao" as asking for the background, the query kept as typed', () => {
    expect(findAsks('vì sao có kết luận 52')).toEqual({ asks: 'why', text: 'vì sao có kết luận 52' });
    expect(understand('tai sao ban hanh nghi quyet 45').asks).toBe('why');
  });
  it('drops a trailing "sẽ như thế nào"', () => {
    expect(dropQuestionWords('đến 2045 đội ngũ trí thức sẽ như thế nào')).toBe('đến 2045 đội ngũ trí thức');
  });
});

describe('task words in the users\' words (round 3)', () => {
  it.each([
    ['áp phích chuyên đề 2', 'poster'],
    ['in a4 bai 2', 'handout'],
    ['danh sach diem danh buoi hoc 4', 'handout'],
    ['tao bao cao ket qua hoc vien', 'trainer'],
    ['tôi đã học xong mấy buổi', 'progress'],
    ['truc thoi gian cac van ban', 'timeline'],
    ['loc ket qua tim kiem', 'search'],
  ])('%s → %s', (q, kind) => {
    expect(findTask(q)?.kind).toBe(kind);
  });
});

describe('round 18: words that ask nothing of a list of quizzes', () => {
  it('are how every quiz works, for the list only', () => {
    expect(findTask('moi bai kiem tra co bao nhieu cau, dung bao nhieu phan tram thi dat')?.kind).toBe('quizIndex');
    expect([...neutralWordsFor('quizIndex')]).toEqual(expect.arrayContaining(['bao', 'nhieu', 'cau', 'dung', 'phan', 'tram', 'dat']));
    expect(neutralWordsFor('quiz').size).toBe(0);
    expect(neutralWordsFor(undefined).size).toBe(0);
  });
});

describe('round 5: recipients, "đã có … chưa", time order', () => {
  it.each([
    ['ke hoach 83 gui nhung noi nao', 'ke hoach 83 nơi nhận'],
    ['Kế hoạch 83 gửi đến những đơn vị nào?', 'Kế hoạch 83 nơi nhận'],
    ['gui cho ai', 'nơi nhận'],
    // Round 18: the places named first.
    ['nhung noi duoc gui cong van ke hoach 83', 'nơi nhận cong van ke hoach 83'],
    ['Các nơi gửi tới của kế hoạch 83', 'nơi nhận của kế hoạch 83'],
  ])('«%s» is searched as «%s»', (q, want) => expect(readRecipients(q)).toBe(want));

  it('leaves "nơi" alone when nothing is sent ("những nơi khó khăn")', () => {
    expect(readRecipients('nhung noi kho khan')).toBe('nhung noi kho khan');
  });

  it('leaves other uses of "gửi" alone', () => {
    expect(readRecipients('gui bao cao ve ban tuyen giao')).toBe('gui bao cao ve ban tuyen giao');
  });

  it('reads "đã có … chưa" as asking for the status', () => {
    expect(findAsks('điện biên đã có văn bản thực hiện nghị quyết 45 chưa')).toEqual({ asks: 'status', text: 'tình trạng điện biên văn bản thực hiện nghị quyết 45' });
    expect(findAsks('da co chua')).toEqual({ asks: null, text: 'da co chua' });
  });

  it('reads "theo trình tự thời gian" as the timeline', () => {
    expect(understand('xem các văn bản theo trình tự thời gian').task?.kind).toBe('timeline');
  });
});

describe('round 6: provisions named by their place, words in other languages', () => {
  it.each([
    ['muc 2 phan 1 ke hoach 83', { id: 'phan-i-muc-2', text: 'ke hoach 83' }],
    ['phần II mục 3 ngân sách', { id: 'phan-ii-muc-3', text: 'ngân sách' }],
    ['phan 3 ke hoach 83', { id: 'phan-iii', text: 'ke hoach 83' }],
    ['trach nhiem phan III', { id: 'phan-iii', text: 'trach nhiem' }],
    // Nothing else said: the words stay (the provision alone is the answer).
    ['muc 4 phan 3', { id: 'phan-iii-muc-4', text: 'muc 4 phan 3' }],
    ['điểm 5 phần II', { id: 'phan-ii-muc-5', text: 'điểm 5 phần II' }],
  ])('«%s» names a provision', (q, want) => expect(readProvision(q)).toEqual(want));

  it.each(['phân công thực hiện', 'mục tiêu 2020', 'mục 3 kế hoạch 83', 'phần 12', 'khoa hoc phan tich'])('«%s» names none', (q) => {
    expect(readProvision(q)).toBeNull();
  });

  it('says when the provision is all the query says', () => {
    expect(understand('muc 4 phan 3').provision).toEqual({ id: 'phan-iii-muc-4', only: true });
    expect(understand('muc 2 phan 1 ke hoach 83')).toMatchObject({ text: 'ke hoach 83', provision: { id: 'phan-i-muc-2', only: false } });
  });

  it.each([
    ['presenter view chuyen de 4', 'presenter'],
    ['handout chuyen de 1', 'handout'],
    ['timeline văn bản trí thức', 'timeline'],
    ['certificate hoàn thành', 'certificate'],
    ['trinhchieu chuyen de 4', 'deck'],
    ['han thang 10/2019', 'matrix'],
    // Round 7.
    ['bảng tổng hợp deadline từng cơ quan', 'matrix'],
    ['có bao nhiêu chuyên đề học tập', 'studyIndex'],
  ])('«%s» names the task %s', (q, kind) => expect(findTask(q)?.kind).toBe(kind));

  it('does not read "hạn chế" as a deadline', () => {
    expect(findTask('han che sau 10 nam')).toBeNull();
  });
});

describe('round 7: a slide named by number, saving for offline', () => {
  it.each([
    ['slide 12 chuyen de 1', { n: 12, text: 'slide chuyen de 1' }],
    ['trang chiếu số 3 chuyên đề 2', { n: 3, text: 'trang chiếu số chuyên đề 2' }],
    ['chuyen de 4 trang 7', { n: 7, text: 'chuyen de 4 trang' }],
  ])('«%s» names a slide', (q, want) => expect(readSlide(q)).toEqual(want));

  it('reads a slide number only when a deck or presenter view is asked for', () => {
    expect(understand('slide 12 chuyen de 1')).toMatchObject({ slide: 12, task: { kind: 'deck' }, text: 'slide chuyen de 1' });
    expect(understand('ghi chu nguoi trinh bay trang 5 chuyen de 3')).toMatchObject({ slide: 5, task: { kind: 'presenter' } });
    // "trang 2" of the plan is no slide: the number stays a word searched.
    expect(understand('trang 2 ke hoach 83')).toMatchObject({ slide: null, text: 'trang 2 ke hoach 83' });
    expect(understand('slide chuyen de 2').slide).toBeNull();
  });

  it.each(['luu trang ve may de doc khi mat mang', 'đọc offline', 'không có mạng thì xem thế nào'])('«%s» asks for the home page\'s offline part', (q) => {
    expect(findTask(q)?.kind).toBe('home');
  });

  it.each([
    ['no7i nha65n ke61 hoach5', 'nơi nhận kế hoạch'],
    ['taafm nhifn 2045', 'tầm nhìn 2045'],
    ['luwu de ddocj offline', 'lưu de đọc offline'],
  ])('«%s» carries keyboard residue: %s', (q, want) => expect(keyboardResidue(q)).toBe(want));

  it.each(['kiem tar chuyen de 1', 'trí thức', 'ke hoach 83'])('«%s» carries none that is sure', (q) => expect(keyboardResidue(q)).toBeNull());
});

describe('round 9: definitions, the quiz list, "II.5", more abbreviations', () => {
  it.each([
    ['trí thức là gì', 'trí thức'],
    ['khái niệm trí thức', 'trí thức'],
    ['dinh nghia ve tri thuc', 'tri thuc'],
    ['khai niem nguoi tri thuc', 'nguoi tri thuc'],
    ['tri thuc duoc hieu nhu the nao', 'tri thuc'],
  ])('«%s» asks what a word means, searched as «%s»', (q, text) => expect(findAsks(q)).toEqual({ asks: 'definition', text }));

  it('leaves a question about the signer to the signer, and a question with nothing else as typed', () => {
    expect(understand('khai niem nguoi tri thuc la gi').text).toBe('nguoi tri thuc');
    expect(findAsks('nguoi ky ke hoach 83 la ai').asks).toBe('signer');
    expect(findAsks('la gi')).toEqual({ asks: 'definition', text: 'la gi' });
  });

  it.each(['lam bai kiem tra', 'bài kiểm tra', 'kiem tra', 'làm bài trắc nghiệm'])('«%s» (a quiz, no subject) is the list of quizzes', (q) =>
    expect(findTask(q)?.kind).toBe('quizIndex'),
  );
  it.each(['kiem tra ke hoach 83', 'bai kiem tra chuyen de 2', 'lam bai trac nghiem nghi quyet 45'])('«%s» is a quiz', (q) => expect(findTask(q)?.kind).toBe('quiz'));

  it('reads the progress and timeline phrases people use', () => {
    expect(findTask('kết quả học của tôi')?.kind).toBe('progress');
    expect(findTask('lịch sử ban hành các văn bản theo năm')?.kind).toBe('timeline');
  });

  it.each([
    ['kh83 II.5', { id: 'phan-ii-muc-5', text: 'kh83' }],
    ['iii-3 ke hoach 83', { id: 'phan-iii-muc-3', text: 'ke hoach 83' }],
    ['I.2', { id: 'phan-i-muc-2', text: 'I.2' }],
  ])('«%s» names a provision in one word', (q, want) => expect(readProvision(q)).toEqual(want));
  it.each(['v.v', 'x.0', 'ii.', 'khoa x'])('«%s» names none', (q) => expect(readProvision(q)).toBeNull());

  it('spells out TX, TP, VP, and keeps the one city the texts abbreviate', () => {
    expect(expandAbbreviations('UBND cac huyen, TX, TP')).toBe('UBND cac huyen, thị xã, thành phố');
    expect(expandAbbreviations('VP TW Đảng')).toBe('Văn phòng Trung ương Đảng');
    expect(expandAbbreviations('tp hcm')).toBe('TP. Hồ Chí Minh');
  });
});

describe('round 9: spans of days, old-style "khoá", lessons', () => {
  it('reads a span of days as the texts write it', () => {
    expect(normaliseNumbers('hoi nghi trung uong 9-17/7/2008').text).toBe('hoi nghi trung uong 9 đến 17/7/2008');
    expect(normaliseNumbers('17-9/7/2008').text).toBe('17-9/7/2008');
  });
  it('reads a term typed with the old tone placement', () => {
    expect(normaliseNumbers('hntw 8 khoá 13').text).toBe('hntw 8 khoá XIII');
  });
  it('reads "bài học" as the study pages', () => {
    expect(findTask('bai hoc ket luan 52 va phan cong o dien bien')?.kind).toBe('study');
  });
});

describe('round 9: everyday words the texts never use', () => {
  it('puts them in the texts\' words when one of their words is found nowhere', () => {
    expect(readSynonyms('tương lai đội ngũ trí thức đến 2045', ['tương', 'lai'])).toBe('tầm nhìn đội ngũ trí thức đến 2045');
    expect(readSynonyms('chat xam cua tinh', ['xam'])).toBe('trí thức cua tinh');
  });
  it('keeps the punctuation after a phrase it replaces', () => {
    expect(readSynonyms('chính sách cho nhân tài?', ['tài'])).toBe('chính sách cho trí thức?');
    expect(expandAbbreviations('vai trò của MTTQ?')).toBe('vai trò của Mặt trận Tổ quốc?');
  });
  it('reads punctuation inside a phrase as a break between two', () => {
    expect(expandAbbreviations('BTV, TU')).toBe('Ban Thường vụ, TU');
    expect(expandAbbreviations('BTV TU,')).toBe('Ban Thường vụ Tỉnh ủy,');
  });
  it('leaves the query alone when their words are found', () => {
    expect(readSynonyms('tương lai đội ngũ trí thức', [])).toBeNull();
    expect(readSynonyms('tương lai đội ngũ trí thức', ['đội'])).toBeNull();
  });
  it('reads every everyday phrase the texts\' way for the search beside the query (round 16)', () => {
    expect(synonymReading('tuong lai doi ngu tri thuc 2045')).toBe('tầm nhìn doi ngu tri thuc 2045');
    expect(synonymReading('von ngan sach cho nghien cuu')).toBe('kinh phí ngan sach cho nghien cuu');
    expect(synonymReading('vốn ngân sách cho nghiên cứu?')).toBe('kinh phí ngân sách cho nghiên cứu?');
    expect(synonymReading('tầm nhìn đội ngũ trí thức')).toBeNull();
    // A key inside a longer word is not the key ("vong" is not "von").
    expect(synonymReading('vong quanh')).toBeNull();
  });
  it('tells the ranking which of the texts\' words stands for each query word (round 16)', () => {
    expect(synonymAlternates(['tương', 'lai', 'đội', '2045'])).toEqual([
      { words: ['tam', 'nhin'], at: 0 },
      { words: ['tam', 'nhin'], at: 1 },
      undefined,
      undefined,
    ]);
    // Key and value of unlike length: the value as a whole stands for each word of the key.
    expect(synonymAlternates(['xep', 'hang', 'dau'])).toEqual([{ words: ['top'], at: null }, { words: ['top'], at: null }, undefined]);
    // The longest key wins: "giữa nhiệm kỳ", not a shorter one inside it.
    expect(synonymAlternates(['giua', 'nhiem', 'ky'])[1]).toEqual({ words: ['so', 'ket'], at: null });
    expect(synonymAlternates(['tri', 'thuc'])).toEqual([undefined, undefined]);
  });
  it('maps only phrases the texts never use to words they use', () => {
    const corpus = ` ${fold(readTexts('content').join('\n')).toLowerCase().replace(/[^a-z0-9]+/g, ' ')} `;
    const norm = (x: string) => ` ${fold(x).toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()} `;
    expect(Object.keys(SYNONYMS).filter((k) => corpus.includes(norm(k)))).toEqual([]);
    expect(Object.values(SYNONYMS).filter((v) => !corpus.includes(norm(v)))).toEqual([]);
  });
});
