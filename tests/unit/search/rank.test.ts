import { describe, expect, it } from 'vitest';
import { LANDMARK_NAMES, PROSE_LANDMARKS, WEIGHTS, analysePage, headingNamedBy, lineShare, matchStrength, rarityWeights, reweigh, sectionsOf, splitWords, termInfos } from '../../../src/lib/search/rank.ts';
import { toFragment } from './fixtures/fake-pagefind.ts';
import { labels, plan, resolution } from './fixtures/pages.ts';
import { PREAMBLE_ID } from '../../../src/lib/official-text/to-mdx.ts';

const forms = (w: string) => {
  const [t] = termInfos([w]);
  return { canon: t!.canon, full: t!.full, pf: t!.pf };
};

describe('matchStrength', () => {
  it('unaccented query words match accented text, đ included', () => {
    const [dang] = termInfos(['dang']);
    expect(matchStrength(forms('Đảng'), dang!)).toBe(1);
    expect(matchStrength(forms('dạng'), dang!)).toBe(1);
  });
  it('accented query words need the same đ and prefer the same marks', () => {
    const [duong] = termInfos(['đường']);
    expect(matchStrength(forms('dương'), duong!)).toBe(0);
    expect(matchStrength(forms('đường'), duong!)).toBeGreaterThan(matchStrength(forms('đương'), duong!));
  });
  it('prefix matches count less than whole words', () => {
    const [tri] = termInfos(['tri']);
    expect(matchStrength(forms('trí'), tri!)).toBeGreaterThan(matchStrength(forms('triển'), tri!));
  });
});

describe('sectionsOf', () => {
  it('cuts the page at headings and labelled landmarks', () => {
    const f = toFragment(plan);
    const s = sectionsOf(f, splitWords(f.content).length, labels);
    expect(s.map((x) => x.id)).toEqual([null, 'phan-i', 'phan-i-muc-1', 'phan-i-muc-2', 'phan-i-muc-3', 'noi-nhan']);
    expect(s.find((x) => x.id === 'noi-nhan')!.heading).toBe('Nơi nhận');
  });
  it('ignores unlabelled non-heading anchors', () => {
    const f = toFragment(plan);
    expect(sectionsOf(f, splitWords(f.content).length).map((x) => x.id)).not.toContain('noi-nhan');
  });
});

describe('analysePage', () => {
  const f = toFragment(plan);
  it('counts neighbouring query words that stand side by side: syllables that make one word (round 12)', () => {
    // Both sections hold every word once; only the second holds "trọng dụng" as one word.
    const page = toFragment({
      url: '/van-ban/x/',
      title: 'X',
      blocks: [
        { h: '1. Một', id: 'muc-1', text: 'Sử dụng người trẻ, quan trọng là trí thức.' },
        { h: '2. Hai', id: 'muc-2', text: 'Trọng dụng người trẻ và trí thức.' },
      ],
    });
    const terms = termInfos(['trong', 'dung', 'tri', 'thuc', 'tre']);
    expect(analysePage(page, terms).sections[0]!.id).toBe('muc-2');
    const pair = WEIGHTS.pair;
    try {
      WEIGHTS.pair = 0;
      // Without pairs the two tie, and page order decides.
      expect(analysePage(page, termInfos(['trong', 'dung', 'tri', 'thuc', 'tre'])).sections[0]!.id).toBe('muc-1');
    } finally {
      WEIGHTS.pair = pair;
    }
  });
  it("lets the texts' words for an everyday phrase stand for it, only where they stand together (round 16)", () => {
    const page = toFragment({
      url: '/van-ban/x/',
      title: 'X',
      blocks: [
        // "tầm" and "nhìn" apart: not the texts' words for "tương lai".
        { h: '1. Một', id: 'muc-1', text: 'Đội ngũ trí thức có tầm quan trọng; nhìn lại năm 2045.' },
        { h: '2. Hai', id: 'muc-2', text: 'Tầm nhìn đến năm 2045 là đội ngũ trí thức lớn mạnh.' },
      ],
    });
    const a = analysePage(page, termInfos(['tương', 'lai', 'đội', 'ngũ', 'trí', 'thức', '2045']));
    expect(a.sections[0]!.id).toBe('muc-2');
    expect(a.sections[0]!.coverage).toBe(1);
    expect(a.sections.find((x) => x.id === 'muc-1')!.coverage).toBeLessThan(1);
    expect(a.sections[0]!.excerptHtml).toContain('<mark>Tầm nhìn</mark>');
    const headed = analysePage(
      toFragment({ url: '/van-ban/y/', title: 'Y', blocks: [{ h: 'Tầm nhìn đến năm 2045', id: 'tam-nhin', text: 'Đội ngũ trí thức lớn mạnh.' }] }),
      termInfos(['tương', 'lai', 'đội', 'ngũ', 'trí', 'thức', '2045']),
    );
    expect(headed.sections.find((x) => x.id === 'tam-nhin')!.headingHtml).toContain('<mark>Tầm nhìn</mark>');
    // The query's own words still count more than ours for them.
    const own = analysePage(page, termInfos(['tầm', 'nhìn', 'đội', 'ngũ', 'trí', 'thức', '2045']));
    expect(own.sections[0]!.score).toBeGreaterThan(a.sections[0]!.score);
  });
  it('marks a query word where it matches best: whole, with its marks, or the words it begins', () => {
    const page = toFragment({
      url: '/van-ban/x/',
      title: 'X',
      blocks: [{ h: '1. Trích yếu', id: 'muc-1', text: 'Trích dẫn ý kiến của trí thức về thực tiễn.' }],
    });
    const a = analysePage(page, termInfos(['tri', 'thuc']));
    expect(a.sections[0]!.excerptHtml).toContain('<mark>trí thức</mark>');
    expect(a.sections[0]!.excerptHtml).not.toContain('<mark>Trích');
    expect(a.sections[0]!.headingHtml).not.toContain('<mark>');
    // Without marks, "thuc" is "thực" as much as "thức"; typed with them, it is the one typed.
    expect(a.sections[0]!.excerptHtml).toContain('<mark>thực</mark>');
    const accented = analysePage(page, termInfos(['trí', 'thức']));
    expect(accented.sections[0]!.excerptHtml).toContain('<mark>trí thức</mark>');
    expect(accented.sections[0]!.excerptHtml).not.toContain('<mark>thực');
    // "tie" stands whole nowhere on this page: the words it begins are what it found.
    const typing = analysePage(page, termInfos(['thuc', 'tie']));
    expect(typing.sections[0]!.excerptHtml).toMatch(/<mark>[^<]*tiễn/);
  });
  it('ranks the provision where the words stand together first', () => {
    const a = analysePage(f, termInfos(['nguoi', 'dung', 'dau']), labels);
    expect(a.sections[0]!.id).toBe('phan-i-muc-2');
    expect(a.phraseRatio).toBe(1);
    expect(a.sections[0]!.excerptHtml).toContain('<mark>Người đứng đầu</mark>');
  });
  it('scattered words give a lower phrase ratio than words together', () => {
    const r = toFragment(resolution);
    expect(analysePage(r, termInfos(['nguoi', 'dung', 'dau'])).phraseRatio).toBeCloseTo(2 / 3);
    expect(analysePage(f, termInfos(['nguoi', 'dung', 'dau'])).phraseRatio).toBe(1);
  });
  it('tells a phrase standing in a heading from one in a body', () => {
    expect(analysePage(f, termInfos(['muc', 'dich']), labels).phraseInHeading).toBe(true);
    expect(analysePage(f, termInfos(['muc', 'dich']), labels).headingIsQuery).toBe(true);
    const body = analysePage(f, termInfos(['nguoi', 'dung', 'dau']), labels);
    expect(body.phraseRatio).toBe(1);
    expect(body.phraseInHeading).toBe(false);
    // A phrase that is a small part of its heading is not the heading.
    const long = toFragment({ ...plan, blocks: [{ h: 'Nhóm thứ tư: các liên hiệp hội, hội trí thức', id: 'n4', text: 'Nội dung.' }] });
    expect(analysePage(long, termInfos(['lien', 'hiep', 'hoi'])).phraseInHeading).toBe(true);
    expect(analysePage(long, termInfos(['lien', 'hiep', 'hoi'])).headingIsQuery).toBe(false);
    expect(analysePage(long, termInfos(['cac', 'lien', 'hiep', 'hoi', 'hoi', 'tri', 'thuc'])).headingIsQuery).toBe(true);
  });
  it('a heading match beats a body match', () => {
    const a = analysePage(f, termInfos(['đường']), labels);
    expect(a.sections[0]!.id).toBe('phan-i-muc-3');
    expect(a.sections[0]!.headingHtml).toBe('3. <mark>Đường</mark> lối');
  });
  it('highlights the accented original for an unaccented query', () => {
    const a = analysePage(f, termInfos(['dong', 'chi']), labels);
    expect(a.sections[0]!.id).toBe('noi-nhan');
    expect(a.sections[0]!.excerptHtml).toContain('<mark>đồng chí</mark>');
  });
  it('a landmark whose label is the query comes first even when its text never says the label (round 7)', () => {
    const g = toFragment({ ...plan, blocks: [{ id: 'mo-dau', text: 'Thực hiện Kết luận của Ban Bí thư, Ban Thường vụ ban hành kế hoạch.' }, ...plan.blocks.slice(1)] });
    const withLabel = { ...labels, 'mo-dau': 'Đoạn mở đầu' };
    // "đầu" stands in a provision ("Người đứng đầu"); the label names the opening paragraph.
    expect(analysePage(g, termInfos(['doan', 'mo', 'dau']), withLabel).sections[0]!.id).toBe('mo-dau');
    expect(analysePage(g, termInfos(['dau']), withLabel).sections[0]!.id).toBe('phan-i-muc-2');
  });
  it("counts a landmark's label as its heading when the query names it whole, with other words (round 13)", () => {
    const g = toFragment({ ...plan, blocks: [{ id: 'mo-dau', text: 'Thực hiện Kết luận của Ban Bí thư, Ban Thường vụ ban hành kế hoạch.' }, ...plan.blocks.slice(1)] });
    const withLabel = { ...labels, 'mo-dau': 'Đoạn mở đầu' };
    const preamble = (words: string[]) => analysePage(g, termInfos(words), withLabel).all.find((x) => x.id === 'mo-dau')!;
    // "đoạn mở đầu … thực hiện": the label's words are heading words, and the words beside them the text's.
    expect(preamble(['doan', 'mo', 'dau', 'thuc', 'hien']).perTerm.slice(0, 3)).toEqual([WEIGHTS.heading, WEIGHTS.heading, WEIGHTS.heading]);
    expect(analysePage(g, termInfos(['doan', 'mo', 'dau', 'thuc', 'hien']), withLabel).sections[0]!.id).toBe('mo-dau');
    // One word of the label names nothing: "đầu" is the provision's ("Người đứng đầu").
    expect(preamble(['dau', 'thuc', 'hien']).perTerm[0]).toBe(0);
  });
  it('names a landmark by the other names of its part, whole (round 18)', () => {
    const g = toFragment({
      ...plan,
      blocks: [{ id: 'tieu-de', text: 'KẾ HOẠCH triển khai Kết luận của Ban Bí thư' }, { id: 'mo-dau', text: 'Thực hiện Kết luận, Ban Thường vụ ban hành kế hoạch.' }, ...plan.blocks.slice(1)],
    });
    const withLabel = { ...labels, 'tieu-de': 'Tên văn bản', 'mo-dau': 'Đoạn mở đầu' };
    const top = (words: string[]) => analysePage(g, termInfos(words), withLabel).sections[0]!.id;
    // "trích yếu" is what the Party's layout calls the title's subject; the label says "Tên văn bản".
    expect(LANDMARK_NAMES['tieu-de']).toContain('trích yếu');
    expect(top(['trich', 'yeu', 'trien', 'khai'])).toBe('tieu-de');
    expect(top(['phan', 'mo', 'dau', 'thuc', 'hien'])).toBe('mo-dau');
    // Its words count as heading words; one word of a name names nothing.
    const title = (words: string[]) => analysePage(g, termInfos(words), withLabel).all.find((x) => x.id === 'tieu-de')!;
    expect(title(['trich', 'yeu', 'trien', 'khai']).perTerm.slice(0, 2)).toEqual([WEIGHTS.heading, WEIGHTS.heading]);
    expect(title(['yeu', 'trien', 'khai']).perTerm[0]).toBe(0);
  });
  it("reads a hand-written id as the part's short name, in the words people search with (round 8)", () => {
    const g = toFragment({
      url: '/van-ban/nq/',
      title: 'Nghị quyết',
      blocks: [
        { h: 'Vai trò của trí thức', id: 'vai-tro-tri-thuc', text: 'Trí thức là lực lượng quan trọng.' },
        { h: 'Trí thức là ai (tóm lược)', id: 'dinh-nghia-tri-thuc', text: 'Người lao động trí óc có trình độ học vấn cao.' },
        { h: '3.', id: 'phan-ii-muc-3', text: 'Trí thức được định kỳ bồi dưỡng.' },
      ],
    });
    expect(analysePage(g, termInfos(['dinh', 'nghia', 'tri', 'thuc'])).sections[0]!.id).toBe('dinh-nghia-tri-thuc');
    // Accented query words match the id's folded words, đ included.
    expect(analysePage(g, termInfos(['định', 'nghĩa', 'trí', 'thức'])).sections[0]!.id).toBe('dinh-nghia-tri-thuc');
    // Whole words only: "tri" is no prefix of an id word ("trien-khai").
    const h = toFragment({ url: '/x/', title: 'T', blocks: [{ h: 'Điện Biên thực hiện', id: 'dien-bien-trien-khai', text: 'Nội dung.' }] });
    expect(analysePage(h, termInfos(['tri', 'thuc'])).idNamed).toBe(false);
    expect(analysePage(h, termInfos(['trien', 'khai'])).idNamed).toBe(true);
    // An id that only numbers a provision is no name: "phần", "mục" and numbers add no heading words.
    expect(analysePage(g, termInfos(['muc', 'tri', 'thuc'])).sections.find((x) => x.id === 'phan-ii-muc-3')!.score).toBeLessThan(
      analysePage(g, termInfos(['muc', 'tri', 'thuc'])).sections.find((x) => x.id === 'vai-tro-tri-thuc')!.score,
    );
  });
  it('weighs the opening paragraph as prose of the text, the recipients list as a landmark (round 13)', () => {
    const text = 'Ban Thường vụ Tỉnh ủy xây dựng kế hoạch thực hiện như sau';
    const g = toFragment({ ...plan, blocks: [{ id: 'mo-dau', text }, ...plan.blocks.slice(1).filter((b) => b.id !== 'noi-nhan'), { id: 'noi-nhan', text }] });
    const withLabel = { ...labels, 'mo-dau': 'Đoạn mở đầu' };
    const a = analysePage(g, termInfos(['ban', 'thuong', 'vu', 'xay', 'dung', 'ke', 'hoach']), withLabel);
    const score = (id: string) => a.all.find((x) => x.id === id)!.score;
    expect(PROSE_LANDMARKS.has(PREAMBLE_ID)).toBe(true);
    expect(a.sections[0]!.id).toBe('mo-dau');
    expect(score('noi-nhan')).toBeCloseTo(score('mo-dau') * WEIGHTS.landmark);
  });
  it('a landmark whose id is the query comes first, as its label would (round 8)', () => {
    const withLabel = { ...labels, 'tieu-de': 'Tên văn bản' };
    const g = toFragment({ ...plan, blocks: [{ id: 'tieu-de', text: 'KẾ HOẠCH thực hiện Kết luận về trí thức' }, ...plan.blocks] });
    expect(analysePage(g, termInfos(['tiêu', 'đề']), withLabel).sections[0]!.id).toBe('tieu-de');
  });
  it("a landmark's label with the words of the page's title beside it is still its name (round 8)", () => {
    // "nơi nhận kế hoạch": "kế hoạch" names the page, "nơi nhận" the part.
    expect(analysePage(f, termInfos(['nơi', 'nhận', 'kế', 'hoạch']), labels).sections[0]!.id).toBe('noi-nhan');
    expect(analysePage(f, termInfos(['noi', 'nhan', 'ke', 'hoach']), labels).sections[0]!.id).toBe('noi-nhan');
  });
  it('escapes what it shows', () => {
    const g = toFragment({ url: '/x/', title: 'T', blocks: [{ text: '<img src=x onerror=alert(1)> trí thức' }] });
    const a = analysePage(g, termInfos(['tri']));
    expect(a.sections[0]!.excerptHtml).not.toContain('<img');
    expect(a.sections[0]!.excerptHtml).toContain('&lt;img');
  });
  it('falls back to the page top when nothing matches', () => {
    const a = analysePage(f, termInfos(['xyz']));
    expect(a.sections).toHaveLength(1);
    expect(a.sections[0]!.id).toBeNull();
    expect(a.coverage).toBe(0);
  });
});

import { sectionTitleHtml } from '../../../src/lib/search/titles.ts';

describe('sectionTitleHtml', () => {
  it('names provisions by citation, then the heading without its numbering', () => {
    expect(sectionTitleHtml({ id: 'phan-iii-muc-2', headingWords: ['2.', 'Đảng', 'đoàn'], headingMarked: [1] }, 'T')).toBe(
      'Mục 2, phần III: <mark>Đảng</mark> đoàn',
    );
    expect(sectionTitleHtml({ id: 'phan-ii-muc-1', headingWords: ['1.'], headingMarked: [] }, 'T')).toBe('Mục 1, phần II');
    expect(sectionTitleHtml({ id: 'phan-i', headingWords: ['I-', 'MỤC', 'ĐÍCH'], headingMarked: [] }, 'T')).toBe('Phần I: MỤC ĐÍCH');
  });
  it('uses the heading for other sections and the page title for the top', () => {
    expect(sectionTitleHtml({ id: 'boi-canh', headingWords: ['Bối', 'cảnh'], headingMarked: [] }, 'T')).toBe('Bối cảnh');
    expect(sectionTitleHtml({ id: null, headingWords: [], headingMarked: [] }, 'A <b>')).toBe('A &lt;b&gt;');
  });
});

describe('landmarks', () => {
  it('a word in the recipients list weighs less than the same word in a provision', () => {
    const g = toFragment({
      url: '/x/',
      title: 'T',
      blocks: [
        { h: '1. Đảng đoàn', id: 'muc-1', text: 'Nội dung.' },
        { id: 'noi-nhan', text: 'Đảng, Đảng, Đảng.' },
      ],
    });
    expect(analysePage(g, termInfos(['dang']), labels).sections[0]!.id).toBe('muc-1');
    // …but a phrase found only there still lands there.
    expect(analysePage(toFragment(plan), termInfos(['dang', 'uy']), labels).sections[0]!.id).toBe('noi-nhan');
  });
  it('a query that is the label of a landmark lands there at full weight (round 4)', () => {
    const g = toFragment({
      url: '/x/',
      title: 'T',
      blocks: [
        { h: '1. Hồ sơ', id: 'muc-1', text: 'Nơi nhận hồ sơ là văn phòng.' },
        { id: 'noi-nhan', text: 'Nơi nhận: các đảng ủy.' },
      ],
    });
    expect(analysePage(g, termInfos(['noi', 'nhan']), labels).sections[0]!.id).toBe('noi-nhan');
  });
});

describe('lineShare', () => {
  it('is the share of a title line the query makes up, when it stands in it as a phrase', () => {
    expect(lineShare('Dòng thời gian các văn bản', termInfos(['dong', 'thoi', 'gian']))).toBeCloseTo(3 / 6);
    expect(lineShare('Tiến độ học tập', termInfos(['tien', 'do', 'hoc', 'tap']))).toBe(1);
    expect(lineShare('Kiểm tra: Phân công thực hiện ở Điện Biên', termInfos(['dien', 'bien']))).toBeCloseTo(2 / 9);
  });
  it('is 0 when the words are not together, or not all there', () => {
    expect(lineShare('Thời gian và dòng chảy', termInfos(['dong', 'thoi', 'gian']))).toBe(0);
    expect(lineShare('Dòng thời gian', termInfos(['dong', 'thoi', 'gian', 'xa']))).toBe(0);
    expect(lineShare('', termInfos(['dong']))).toBe(0);
  });
});

describe('headingNamedBy: a heading the query names in its own words', () => {
  const fn = (w: string) => ['cua', 'la', 'tu', 'gi', 'truoc'].includes(w);
  const page = toFragment({
    url: '/hoc-tap/04-x/',
    title: 'Từ Kết luận 52 đến Nghị quyết 45',
    blocks: [
      { h: 'Điều mới', id: 'dieu-moi', text: 'Nghị quyết đặt tầm nhìn đến năm 2045.' },
      { h: 'Trí thức là ai (tóm lược)', id: 'tri-thuc-la-ai', text: 'Người lao động trí óc.' },
      { h: 'Việc của đơn vị hôm nay', id: 'viec', text: 'Rà soát danh sách.' },
      { h: 'Điện Biên triển khai Kết luận', id: 'dien-bien', text: 'Tỉnh ủy ban hành kế hoạch.' },
      { h: '1. Mục đích', id: 'muc-dich', text: 'Phát triển đội ngũ.' },
    ],
  });
  const named = (subject: string[], naming: string[] = []) => {
    const all = [...subject, ...naming];
    const a = analysePage(page, termInfos(all));
    return headingNamedBy(a.all, termInfos(subject), termInfos(naming), fn);
  };
  it('names a short heading the query holds whole, whatever else it names', () => {
    expect(named(['dieu', 'moi'], ['nghi', 'quyet', '45'])?.section.id).toBe('dieu-moi');
    expect(named(['dieu', 'moi'], ['nghi', 'quyet', '45'])?.share).toBe(1);
  });
  it('does not name a short heading from part of it: "trí thức" is not "Trí thức là ai"', () => {
    expect(named(['tri', 'thuc', 'tre'])).toBeNull();
  });
  it('names a longer heading from two thirds of it standing together in the query', () => {
    const hit = named(['co', 'quan', 'don', 'vi', 'hom', 'nay', 'can', 'lam'], ['nghi', 'quyet', '45']);
    expect(hit?.section.id).toBe('viec');
    expect(hit?.share).toBe(0.5);
  });
  it('leaves out the words naming a document: "kế hoạch triển khai kết luận 52" names no heading', () => {
    expect(named(['trien', 'khai'], ['ke', 'hoach', 'ket', 'luan', '52'])).toBeNull();
  });
  it('leaves out a provision number: "mục đích" names "1. Mục đích"', () => {
    expect(named(['muc', 'dich', 'phat', 'trien'], ['ke', 'hoach', '83'])?.section.id).toBe('muc-dich');
  });
  it('needs half of what the query asks about', () => {
    expect(named(['dieu', 'moi', 've', 'ngan', 'sach', 'cho', 'hoi'])).toBeNull();
  });
  it('needs the words together and in order', () => {
    expect(named(['moi', 'dieu'])).toBeNull();
  });
  it('on a page the query names, names each side of a colon as a heading of its own', () => {
    const session = toFragment({
      url: '/hoc-tap/03-x/',
      title: 'Chuyên đề 3',
      blocks: [
        { h: 'Mục tiêu', id: 'hoc-muc-tieu', text: 'Nêu đúng bốn nhóm chủ thể được giao việc.' },
        { h: 'Điện Biên triển khai: bốn nhóm chủ thể', id: 'bon-nhom', text: 'Phần III giao việc.' },
      ],
    });
    const subject = ['bon', 'nhom', 'chu', 'the', 'duoc', 'giao', 'viec'];
    const a = analysePage(session, termInfos(subject));
    expect(headingNamedBy(a.all, termInfos(subject), [], fn)).toBeNull();
    expect(headingNamedBy(a.all, termInfos(subject), [], fn, true)?.section.id).toBe('bon-nhom');
  });
});

describe('query words weighed by rarity (round 10)', () => {
  const page = {
    url: '/van-ban/x/',
    title: 'X',
    blocks: [
      { h: 'Một', id: 'mot', text: 'trí thức trong tỉnh và người trẻ của tỉnh.' },
      { h: 'Hai', id: 'hai', text: 'trí thức của tỉnh.' },
      { h: 'Ba', id: 'ba', text: 'thu hút trí thức ở nước ngoài.' },
    ],
  };
  it('weighs a word few sections hold above one most hold, with a mean of 1', () => {
    const a = analysePage(toFragment(page), termInfos(['trí', 'thức', 'nước', 'ngoài']));
    const w = rarityWeights([a], 4)!;
    expect(w[2]!).toBeGreaterThan(w[0]!);
    expect(w.reduce((x, y) => x + y, 0) / w.length).toBeCloseTo(1);
  });
  it('changes which section answers when the rare words are in a section that says the common ones less', () => {
    const a = analysePage(toFragment(page), termInfos(['trí', 'thức', 'tỉnh', 'nước']));
    const before = a.sections[0]!.id;
    reweigh(a, rarityWeights([a], 4)!);
    expect(before).toBe('mot');
    expect(a.sections[0]!.id).toBe('ba');
    expect(a.best).toBe(a.sections[0]!.score);
  });
  it('is nothing for one word', () => {
    expect(rarityWeights([analysePage(toFragment(page), termInfos(['trí']))], 1)).toBeNull();
  });
});
