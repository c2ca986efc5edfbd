import { describe, expect, it } from 'vitest';
import { answerFirst, deferToDocuments, purposeParts, search, SearchAborted, warmUp } from '../../../src/lib/search/engine.ts';
import type { PageMatch, RankedPage } from '../../../src/lib/search/engine.ts';
import { analysePage, termInfos } from '../../../src/lib/search/rank.ts';
import type { Fragment } from '../../../src/lib/search/rank.ts';
import { fakePagefind } from './fixtures/fake-pagefind.ts';
import { allPages, labels, plan, resolution, study } from './fixtures/pages.ts';
import type { FakePage } from './fixtures/fake-pagefind.ts';

const run = (q: string, opts = {}) => search(fakePagefind(allPages), q, { labels, ...opts });
const first = async (q: string) => {
  const o = await run(q);
  const p = o.pages[0];
  return p ? `${p.url}#${p.sections[0]?.id ?? ''}` : null;
};

describe('search', () => {
  it('"dang" finds Đảng (not only dạng)', async () => {
    const o = await run('dang');
    expect(o.pages.length).toBeGreaterThan(0);
    const fake = fakePagefind(allPages);
    await search(fake, 'dang', { labels });
    expect(fake.calls).toContain('đang');
  });

  it('"dang uy" finds the phrase "đảng ủy"', async () => {
    expect(await first('dang uy')).toBe('/van-ban/ke-hoach-1-kh-tu/#noi-nhan');
  });

  it('"nguoi dung dau" ranks the phrase above scattered words', async () => {
    expect(await first('nguoi dung dau')).toBe('/van-ban/ke-hoach-1-kh-tu/#phan-i-muc-2');
  });

  it('a document number lands on that document first', async () => {
    expect((await run('1-KH/TU')).pages[0]!.url).toBe('/van-ban/ke-hoach-1-kh-tu/');
    expect((await run('nq 2')).pages[0]!.url).toBe('/van-ban/nghi-quyet-2-nq-tw/');
    expect((await run('nq 2')).pages[0]!.namedDocument).toBe(true);
  });

  it('a word that matches nothing is reported, and the rest is searched with "did you mean"', async () => {
    const o = await run('trí thức xyzzy');
    expect(o.missing).toEqual(['xyzzy']);
    expect(o.didYouMean).toBe('trí thức');
    expect(o.pages.length).toBeGreaterThan(0);
    expect(o.query.text).toBe('trí thức xyzzy');
  });

  it('a query that matches nothing as typed is read as Telex, and says what it searched', async () => {
    const o = await run('tris thuwcs');
    expect(o.searchedAs).toBe('trí thức');
    expect(o.pages.length).toBeGreaterThan(0);
    expect(o.query.text).toBe('tris thuwcs');
  });

  it('a misspelt word is replaced by the closest word of the index', async () => {
    const o = await run('tri thucc');
    expect(o.didYouMean).toBe('tri thuc');
    expect(o.pages.length).toBeGreaterThan(0);
  });

  it('a misspelt word beside a document number is mended too, though the number alone finds pages (round 4)', async () => {
    const o = await run('tri thucc 1-KH/TU');
    expect(o.didYouMean).toBe('tri thuc 1-KH/TU');
    expect(o.pages[0]!.url).toBe('/van-ban/ke-hoach-1-kh-tu/');
    // Nothing near: the pages the number finds are shown as they are.
    const far = await run('zzzzqq 1-KH/TU');
    expect(far.didYouMean).toBeUndefined();
    expect(far.pages[0]!.url).toBe('/van-ban/ke-hoach-1-kh-tu/');
  });

  it('empty, punctuation and emoji queries search nothing', async () => {
    for (const q of ['', '   ', '?!…', '😀']) {
      const fake = fakePagefind(allPages);
      const o = await search(fake, q);
      expect(o.pages).toEqual([]);
      expect(fake.calls).toEqual([]);
    }
  });

  it('filters apply to the text search', async () => {
    const o = await run('tri thuc', { filters: { loai: ['tài liệu học tập'] } });
    expect(o.pages.map((p) => p.url)).toEqual([]);
    const o2 = await run('dang', { filters: { loai: ['tài liệu học tập'] } });
    expect(o2.pages.map((p) => p.url)).toEqual(['/hoc-tap/bai-1/']);
  });

  it('a quoted query needs the words together', async () => {
    const o = await run('"nguoi dung dau"');
    expect(o.pages.every((p) => p.sections[0]!.phrases > 0)).toBe(true);
  });

  it('an accented query ranks exact diacritics first', async () => {
    expect(await first('đường')).toBe('/van-ban/ke-hoach-1-kh-tu/#phan-i-muc-3');
  });

  it('old tone placement and NFD find the same as the usual form', async () => {
    const a = await run('hóa');
    const b = await run('hoá'.normalize('NFD'));
    expect(b.pages.map((p) => p.url)).toEqual(a.pages.map((p) => p.url));
    expect(a.pages.length).toBeGreaterThan(0);
  });

  it('limits the variant searches', async () => {
    const o = await run('dd de di do du dy');
    // 12 readings on their own, at most 8 combinations, and the one lookup of purpose pages; when a
    // word is found nowhere, the same again for the words that exist, plus one search per such word
    // for its closest word.
    expect(o.searches).toBeLessThanOrEqual(2 * (12 + 8 + 1) + 6);
  });
});

describe('words Pagefind would silently shorten', () => {
  it('"thucc" is reported missing even though Pagefind would match it as "thuc"', async () => {
    const o = await run('tri thucc');
    expect(o.missing).toEqual(['thucc']);
    expect(o.didYouMean).toBe('tri thuc');
  });
  it('"dangg" is not found through "dạng"', async () => {
    const o = await run('dangg');
    expect(o.missing).toEqual(['dangg']);
  });
});

describe('fragments that cannot be fetched (offline, never cached)', () => {
  it('leaves those pages out instead of failing the search', async () => {
    const fake = fakePagefind(allPages);
    const flaky = {
      ...fake,
      async search(term: string | null, options?: { filters?: Record<string, string | string[]> }) {
        const r = await fake.search(term, options);
        for (const x of r?.results ?? []) {
          if (x.id.includes('nghi-quyet')) x.data = async () => Promise.reject(new Error('offline'));
        }
        return r;
      },
    };
    const o = await search(flaky, 'dang', { labels });
    expect(o.pages.length).toBeGreaterThan(0);
    expect(o.pages.some((p) => p.url.includes('nghi-quyet'))).toBe(false);
  });
});

describe('sources and named documents', () => {
  const quoting = {
    url: '/hoc-tap/bai-2/',
    title: 'Bài 2',
    filters: { loai: ['tài liệu học tập'] },
    blocks: [{ h: 'Người đứng đầu', id: 'nguoi-dung-dau', text: 'Người đứng đầu chịu trách nhiệm thúc đẩy việc trọng dụng trí thức.' }],
  };
  it('the official text comes before study material quoting it', async () => {
    const o = await search(fakePagefind([...allPages, quoting]), 'nguoi dung dau chiu trach nhiem', { labels });
    expect(o.pages.map((p) => p.url).slice(0, 2)).toEqual(['/van-ban/ke-hoach-1-kh-tu/', '/hoc-tap/bai-2/']);
  });
  it('a named document links to its top, not to a section', async () => {
    const o = await run('1-KH/TU');
    expect(o.pages[0]!.sections[0]!.id).toBeNull();
  });
});

describe('round trips (issue #11)', () => {
  /** A fake whose searches and fragments take a tick, counting what runs at once. */
  function counting() {
    const fake = fakePagefind(allPages);
    const stats = { searches: [] as string[], data: [] as string[], inFlight: 0, maxInFlight: 0, searchInFlight: 0, maxSearchInFlight: 0 };
    const slow = async <T>(p: () => Promise<T>, kind: 'data' | 'search'): Promise<T> => {
      const k = kind === 'data' ? 'inFlight' : 'searchInFlight';
      const m = kind === 'data' ? 'maxInFlight' : 'maxSearchInFlight';
      stats[k]++;
      stats[m] = Math.max(stats[m], stats[k]);
      await new Promise((r) => setTimeout(r, 2));
      stats[k]--;
      return p();
    };
    const api = {
      ...fake,
      async search(term: string | null, options?: { filters?: Record<string, string | string[]> }) {
        stats.searches.push(JSON.stringify([term, options?.filters ?? null]));
        const r = await slow(() => fake.search(term, options), 'search');
        for (const x of r?.results ?? []) {
          const d = x.data;
          x.data = () => {
            stats.data.push(x.id);
            return slow(d, 'data');
          };
        }
        return r;
      },
    };
    return { api, stats };
  }

  it('never runs the same search twice (a one-word query included)', async () => {
    for (const q of ['dang', 'tri thuc', 'dang uy', 'nguoi dung dau', '1-KH/TU', 'nq 2']) {
      const { api, stats } = counting();
      const o = await search(api, q, { labels });
      expect(new Set(stats.searches).size, q).toBe(stats.searches.length);
      expect(o.searches, q).toBe(stats.searches.length);
    }
  });

  it('a repeated or extended query reuses what the session already has', async () => {
    const { api, stats } = counting();
    const a = await search(api, 'dang', { labels });
    const n = { searches: stats.searches.length, data: stats.data.length };
    const b = await search(api, 'dang', { labels });
    expect(b.pages.map((p) => p.url)).toEqual(a.pages.map((p) => p.url));
    expect(stats.searches.length).toBe(n.searches);
    expect(stats.data.length).toBe(n.data);
    await search(api, 'dang uy', { labels });
    // "dang" and "đang" alone were searched for the first query already.
    expect(stats.searches.filter((x) => x === JSON.stringify(['dang', null]))).toHaveLength(1);
    expect(new Set(stats.data).size).toBe(stats.data.length);
  });

  it('runs independent searches and fragment fetches concurrently', async () => {
    const { api, stats } = counting();
    await search(api, 'dang uy', { labels });
    expect(stats.maxSearchInFlight).toBeGreaterThan(1);
    expect(stats.maxInFlight).toBeGreaterThan(1);
  });

  it('fetches each fragment once, and no more of them than it ranks', async () => {
    const { api, stats } = counting();
    const o = await search(api, 'dang', { labels, limit: 1 });
    expect(o.pages).toHaveLength(1);
    expect(new Set(stats.data).size).toBe(stats.data.length);
    // At most every page of the small fake site (fewer than PAGE_WEIGHTS.analysedAtLeast), plus the best page of each reading checked.
    expect(stats.data.length).toBeLessThanOrEqual(1 + 4 + 2);
  });

  it('a word not on the best page of the combination is searched alone before being called missing', async () => {
    const { api, stats } = counting();
    const o = await search(api, 'tri thucc', { labels });
    expect(o.missing).toEqual(['thucc']);
    expect(stats.searches).toContain(JSON.stringify(['thucc', null]));
  });

  it('stops with SearchAborted once its signal aborts, fetching no fragment after that', async () => {
    const { api, stats } = counting();
    const ctl = new AbortController();
    const p = search(api, 'nguoi dung dau', { labels, signal: ctl.signal });
    ctl.abort();
    await expect(p).rejects.toBeInstanceOf(SearchAborted);
    expect(stats.data).toEqual([]);
  });
});

describe('pages found by title and purpose (issue #11)', () => {
  const quiz = {
    url: '/kiem-tra/1/',
    title: 'Kiểm tra: Kế hoạch số 1-KH/TU',
    filters: { loai: ['trang'], ve_van_ban: ['1-KH/TU'] },
    blocks: [{ text: 'Mục đích, yêu cầu và đường lối của Kế hoạch số 1-KH/TU.' }],
  };
  const timeline = {
    url: '/van-ban/dong-thoi-gian/',
    title: 'Dòng thời gian các văn bản',
    filters: { loai: ['trang'] },
    blocks: [{ text: 'Chuỗi văn bản về trí thức, từ Nghị quyết số 2-NQ/TW đến Kế hoạch số 1-KH/TU của Đảng.' }],
  };
  const pages = [...allPages, quiz, timeline];
  const top = async (q: string) => {
    const o = await search(fakePagefind(pages), q, { labels });
    return o.pages.map((p) => p.url);
  };

  it('a query that is the page\'s title finds it first', async () => {
    expect((await top('dong thoi gian'))[0]).toBe('/van-ban/dong-thoi-gian/');
  });

  it('a number with other words ranks the family by those words: the quiz of the plan', async () => {
    expect((await top('kiem tra ke hoach 1'))[0]).toBe('/kiem-tra/1/');
    // The number alone still names the document itself.
    expect((await top('1-KH/TU'))[0]).toBe('/van-ban/ke-hoach-1-kh-tu/');
  });

  it('a content query still finds the reading page first, not a short page that mentions the words', async () => {
    expect((await top('duong loi'))[0]).toBe('/van-ban/ke-hoach-1-kh-tu/');
    expect((await top('dang'))[0]).not.toBe('/van-ban/dong-thoi-gian/');
  });
});

/** A fake that records every search it runs. */
function recording(pages = allPages) {
  const fake = fakePagefind(pages);
  const searches: string[] = [];
  const api = {
    ...fake,
    search(term: string | null, options?: { filters?: Record<string, string | string[]> }) {
      searches.push(JSON.stringify([term, options?.filters ?? null]));
      return fake.search(term, options);
    },
  };
  return { api, searches };
}

describe('searches per query at scale (issue #11, part 3)', () => {
  /** A recording fake, after the warm-up a loaded page runs. */
  async function warmed(pages = allPages) {
    const { api, searches } = recording(pages);
    await warmUp(api);
    searches.length = 0;
    return { api, searches };
  }

  it('after the warm-up, a query without d-words runs one search, a one-word d-query one per reading', async () => {
    // Round 19: a query holding a function word (folded: "đầu" folds to "đâu") also searches its content words alone when its words fill no page of results (as in this small fixture).
    for (const [q, n] of [['tri', 1], ['tri thuc', 1], ['người đứng đầu', 2], ['người đứng', 1], ['đảng', 1], ['dang', 2]] as const) {
      const { api, searches } = await warmed();
      const o = await search(api, q, { labels });
      expect(o.pages.length, q).toBeGreaterThan(0);
      expect(searches, q).toHaveLength(n);
    }
  });

  it('the warm-up is the purpose lookup a first query would run', async () => {
    const fake = fakePagefind(allPages);
    await warmUp(fake);
    const before = fake.calls.length;
    await search(fake, 'tri thuc', { labels });
    expect(fake.calls.slice(before)).toEqual(['tri thuc']);
  });

  it('a d-word whose other reading is in no combination found is not searched alone', async () => {
    // "doi ngu": only "đội ngũ" is on a page ("doi" is in none); "duong loi": "dương" is, but never with "lối".
    // "chi" and "ban" are function words folded ("chị", "bạn"): their queries search the other word alone too (round 19).
    for (const [q, n] of [['doi ngu', 2], ['duong loi', 2], ['dong chi', 3], ['dia ban', 3]] as const) {
      const { api, searches } = await warmed();
      const o = await search(api, q, { labels });
      expect(o.pages.length, q).toBeGreaterThan(0);
      expect(searches, q).toHaveLength(n);
    }
  });

  it('weighs alone only the words read more than one way among the combinations found', async () => {
    // "dung" is on pages as "dung" and as "đứng", "dau" only as "đầu": "dau" and "đau" are not searched alone.
    const { api, searches } = await warmed();
    const o = await search(api, 'nguoi dung dau', { labels });
    expect(o.pages[0]!.url).toBe('/van-ban/ke-hoach-1-kh-tu/');
    const alone = searches.filter((x) => !JSON.parse(x)[0].includes(' '));
    expect(alone.sort()).toEqual([JSON.stringify(['dung', null]), JSON.stringify(['đung', null])]);
    // Four combinations, two readings alone, and the content words without "dau" (folded "đâu", round 19).
    expect(searches).toHaveLength(4 + 2 + 1);
  });

  it('answers exactly as searching every reading alone does', async () => {
    const queries = ['doi ngu', 'duong loi', 'dong chi', 'dia ban', 'dang uy', 'nguoi dung dau', 'dang', 'duong', '"duong loi"', 'tri thuc dang', 'kiem tra ke hoach 1', 'dd de', 'dangg uy', 'doi ngu xyzzy', '1-KH/TU dang', 'dang uy dia ban', 'dan dung dau'];
    let saved = 0;
    for (const q of queries) {
      const fast = await search(fakePagefind(allPages), q, { labels });
      const exact = await search(fakePagefind(allPages), q, { labels, readingsAlone: true });
      const view = (o: typeof fast) => ({ ...o, searches: 0 });
      expect(view(fast), q).toEqual(view(exact));
      expect(fast.searches, q).toBeLessThanOrEqual(exact.searches);
      saved += exact.searches - fast.searches;
    }
    expect(saved).toBeGreaterThanOrEqual(10);
  });
});

describe('fragments read from their files (issue #11, part 3)', () => {
  it('uses the API\'s fragment loader when it has one, and data() when it fails', async () => {
    const fake = fakePagefind(allPages);
    const asked: string[] = [];
    const data: string[] = [];
    const api = {
      ...fake,
      async search(term: string | null, options?: { filters?: Record<string, string | string[]> }) {
        const r = await fake.search(term, options);
        for (const x of r?.results ?? []) {
          const d = x.data;
          x.data = () => (data.push(x.id), d());
        }
        return r;
      },
      async fragment(id: string) {
        asked.push(id);
        if (id.includes('nghi-quyet')) throw new Error('unreadable');
        const r = await fake.search(null);
        return r!.results.find((x) => x.id === id)!.data();
      },
    };
    const plain = await search(fakePagefind(allPages), 'dang', { labels });
    const o = await search(api, 'dang', { labels });
    expect(o.pages.map((p) => p.url)).toEqual(plain.pages.map((p) => p.url));
    expect(asked.length).toBeGreaterThan(0);
    expect(data.every((id) => id.includes('nghi-quyet'))).toBe(true);
    expect(data.length).toBeGreaterThan(0);
  });
});

describe('what the session keeps of a search (issue #11, part 3)', () => {
  it('with a loader that always fails, data() still answers, each search run again at most once', async () => {
    const { api: rec, searches } = recording();
    const api = { ...rec, fragment: async () => Promise.reject(new Error('unreadable')) };
    const plain = await search(fakePagefind(allPages), 'nguoi dung dau', { labels });
    const o = await search(api, 'nguoi dung dau', { labels });
    expect(o.pages.map((p) => `${p.url}#${p.sections[0]!.id}`)).toEqual(plain.pages.map((p) => `${p.url}#${p.sections[0]!.id}`));
    const counts = new Map<string, number>();
    for (const s of searches) counts.set(s, (counts.get(s) ?? 0) + 1);
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(2);
    expect([...counts.values()].some((n) => n === 2)).toBe(true);
  });
});

describe('reading what people type (issue #18)', () => {
  // A study session's deck and quiz: purpose records that repeat the plan's number and title.
  const deck = {
    url: '/hoc-tap/bai-1/trinh-chieu/',
    title: 'Trình chiếu: Kế hoạch 1-KH/TU',
    filters: { loai: ['trang'], ve_van_ban: ['1-KH/TU'] },
    blocks: [{ text: 'Trình chiếu: Kế hoạch 1-KH/TU. Kế hoạch về đội ngũ trí thức. Trang chiếu (slide, bài giảng PowerPoint).' }],
  };
  const quiz = {
    url: '/kiem-tra/bai-1/',
    title: 'Kiểm tra: Kế hoạch 1-KH/TU',
    filters: { loai: ['trang'], ve_van_ban: ['1-KH/TU'] },
    blocks: [{ text: 'Kiểm tra: Kế hoạch 1-KH/TU. Bài kiểm tra trắc nghiệm về trí thức.' }],
  };
  const dated = {
    ...allPages[0]!,
    filters: { ...allPages[0]!.filters, ngay_ban_hanh: ['2019-08-27'] },
    blocks: [...allPages[0]!.blocks, { h: '4. Kiểm tra', id: 'phan-i-muc-4', text: 'Tăng cường kiểm tra, giám sát việc thực hiện.' }],
  };
  const site = [dated, ...allPages.slice(1), deck, quiz];
  const top = async (q: string) => (await search(fakePagefind(site), q, { labels })).pages.map((p) => p.url);

  it('a document named with other words comes before its deck and quiz', async () => {
    expect((await top('ke hoach 1 tri thuc'))[0]).toBe('/van-ban/ke-hoach-1-kh-tu/');
  });

  it('a task word puts the page of that task first', async () => {
    expect((await top('slide ke hoach 1'))[0]).toBe('/hoc-tap/bai-1/trinh-chieu/');
    expect((await top('trac nghiem ke hoach 1'))[0]).toBe('/kiem-tra/bai-1/');
  });

  it('the words beside a task word may stand in a part heading of the task page (round 5)', async () => {
    const handout = {
      url: '/hoc-tap/bai-1/tai-lieu/',
      title: 'Tài liệu in: Kế hoạch 1-KH/TU',
      filters: { loai: ['trang'], ve_van_ban: ['1-KH/TU'], phan_trang: ['bo=Bộ tài liệu sinh hoạt chi bộ | Chương trình buổi sinh hoạt | Danh sách điểm danh'] },
      blocks: [{ text: 'Tài liệu in: Kế hoạch 1-KH/TU. Bản in A4, sinh hoạt chi bộ.' }],
    };
    const reading = { ...allPages[2]!, blocks: [...allPages[2]!.blocks, { h: 'Chương trình buổi sinh hoạt chi bộ', id: 'ct', text: 'Chương trình buổi sinh hoạt chi bộ về kế hoạch.' }] };
    const o = await search(fakePagefind([dated, reading, deck, quiz, handout]), 'chuong trinh buoi sinh hoat chi bo', { labels });
    expect(o.pages[0]).toMatchObject({ url: '/hoc-tap/bai-1/tai-lieu/' });
    expect(o.pages[0]!.sections[0]!.id).toBe('bo');
  });

  it('a task word that is also a word of the text does not pull a task page over the text', async () => {
    // "kiểm tra" is the quiz's task word; "giám sát" is in no quiz.
    expect((await top('kiem tra giam sat'))[0]).toBe('/van-ban/ke-hoach-1-kh-tu/');
  });

  it('a date typed another way finds the document issued that day', async () => {
    const o = await search(fakePagefind(site), '27-8-2019', { labels });
    expect(o.pages[0]!.url).toBe('/van-ban/ke-hoach-1-kh-tu/');
    expect(o.pages[0]!.namedDocument).toBe(true);
  });

  it('an abbreviation is searched spelt out, and the outcome says so', async () => {
    const o = await search(fakePagefind(site), 'BTV tinh uy', { labels });
    expect(o.pages[0]!.url).toBe('/van-ban/ke-hoach-1-kh-tu/');
    expect(o.searchedAs).toBe('Ban Thường vụ Tỉnh ủy');
    expect(o.query.text).toBe('BTV tinh uy');
  });
});

describe('a study page defers to the document it paraphrases (issue #18, round 2)', () => {
  const page = (id: string): RankedPage => ({ id, url: `/${id}/`, title: id, score: 0, sections: [], namedDocument: false });
  const s = page('study');
  const d = page('doc');
  const other = page('other');

  it('moves a study page below a document that matches the query as completely', () => {
    const pages = [s, other, d];
    deferToDocuments(pages, new Map([
      [s, { coverage: 1, phraseRatio: 0.67, inOrder: false, phraseInHeading: false, idNamed: false, kind: 'study' as const, boost: 0 }],
      [other, { coverage: 1, phraseRatio: 1, inOrder: true, phraseInHeading: false, idNamed: false, kind: 'deck' as const, boost: 0 }],
      [d, { coverage: 1, phraseRatio: 0.67, inOrder: false, phraseInHeading: false, idNamed: false, kind: 'document' as const, boost: 0 }],
    ]));
    expect(pages.map((p) => p.id)).toEqual(['other', 'doc', 'study']);
  });

  it('defers to the best document of the results only', () => {
    const d2 = page('doc2');
    const pages = [s, d, d2];
    deferToDocuments(pages, new Map([
      [s, { coverage: 1, phraseRatio: 1, inOrder: true, phraseInHeading: false, idNamed: false, kind: 'study' as const, boost: 0 }],
      [d, { coverage: 1, phraseRatio: 1, inOrder: true, phraseInHeading: false, idNamed: false, kind: 'document' as const, boost: 0 }],
      [d2, { coverage: 1, phraseRatio: 1, inOrder: true, phraseInHeading: false, idNamed: false, kind: 'document' as const, boost: 0 }],
    ]));
    expect(pages.map((p) => p.id)).toEqual(['doc', 'study', 'doc2']);
    const far = [d, s, d2];
    deferToDocuments(far, new Map([
      [s, { coverage: 1, phraseRatio: 1, inOrder: true, phraseInHeading: false, idNamed: false, kind: 'study' as const, boost: 0 }],
      [d, { coverage: 1, phraseRatio: 1, inOrder: true, phraseInHeading: false, idNamed: false, kind: 'document' as const, boost: 0 }],
      [d2, { coverage: 1, phraseRatio: 1, inOrder: true, phraseInHeading: false, idNamed: false, kind: 'document' as const, boost: 0 }],
    ]));
    expect(far.map((p) => p.id)).toEqual(['doc', 'study', 'doc2']);
  });

  it('defers on the words alone when the study page does not have them all standing together either (round 3)', () => {
    const pages = [s, d];
    deferToDocuments(pages, new Map([
      [s, { coverage: 1, phraseRatio: 0.8, inOrder: false, phraseInHeading: false, idNamed: false, kind: 'study' as const, boost: 0 }],
      [d, { coverage: 1, phraseRatio: 0.4, inOrder: false, phraseInHeading: false, idNamed: false, kind: 'document' as const, boost: 0 }],
    ]));
    expect(pages.map((p) => p.id)).toEqual(['doc', 'study']);
  });

  it('moves a study page whose heading holds the query by naming the named document below it, when the document says the rest in order (round 11)', () => {
    const study: PageMatch = { coverage: 1, phraseRatio: 1, inOrder: true, phraseInHeading: true, idNamed: false, kind: 'study', boost: 29, named: 0 };
    const doc: PageMatch = { coverage: 1, phraseRatio: 0.5, inOrder: false, phraseInHeading: false, idNamed: false, kind: 'document', boost: 20, named: 20 };
    const pages = [s, d];
    deferToDocuments(pages, new Map<RankedPage, PageMatch>([[s, study], [d, { ...doc, subjectInOrder: true }]]));
    expect(pages.map((p) => p.id)).toEqual(['doc', 'study']);
    // Not when the rest stands apart in the document, nor when the study page is named too.
    const cases: [PageMatch, PageMatch][] = [
      [study, { ...doc, subjectInOrder: false }],
      [{ ...study, named: 20 }, { ...doc, subjectInOrder: true }],
    ];
    for (const [sm, dm] of cases) {
      const again = [s, d];
      deferToDocuments(again, new Map<RankedPage, PageMatch>([[s, sm], [d, dm]]));
      expect(again.map((p) => p.id)).toEqual(['study', 'doc']);
    }
  });

  it('keeps a study page the query names ("chuyên đề 1") above a document it does not name', () => {
    const pages = [s, d];
    deferToDocuments(pages, new Map([
      [s, { coverage: 1, phraseRatio: 0.5, inOrder: false, phraseInHeading: false, idNamed: false, kind: 'study' as const, boost: 100 }],
      [d, { coverage: 1, phraseRatio: 0.5, inOrder: false, phraseInHeading: false, idNamed: false, kind: 'document' as const, boost: 0 }],
    ]));
    expect(pages.map((p) => p.id)).toEqual(['study', 'doc']);
  });

  it("moves a study page with the phrase in a heading below a document whose section is named by its heading and id (round 8)", () => {
    const pages = [s, d];
    deferToDocuments(pages, new Map([
      [s, { coverage: 1, phraseRatio: 1, inOrder: true, phraseInHeading: true, idNamed: false, kind: 'study' as const, boost: 0 }],
      [d, { coverage: 1, phraseRatio: 0.5, inOrder: false, phraseInHeading: false, idNamed: true, kind: 'document' as const, boost: 0 }],
    ]));
    expect(pages.map((p) => p.id)).toEqual(['doc', 'study']);
  });

  it('counts the words in order a few words apart as a phrase for the document', () => {
    const pages = [s, d];
    deferToDocuments(pages, new Map([
      [s, { coverage: 1, phraseRatio: 1, inOrder: true, phraseInHeading: false, idNamed: false, kind: 'study' as const, boost: 0 }],
      [d, { coverage: 1, phraseRatio: 0.67, inOrder: true, phraseInHeading: false, idNamed: false, kind: 'document' as const, boost: 0 }],
    ]));
    expect(pages.map((p) => p.id)).toEqual(['doc', 'study']);
  });

  it('keeps a study page first when the document lacks some of its words, or its phrase when the study page has it in a heading', () => {
    const pages = [s, d];
    deferToDocuments(pages, new Map([
      [s, { coverage: 1, phraseRatio: 1, inOrder: true, phraseInHeading: true, idNamed: false, kind: 'study' as const, boost: 0 }],
      [d, { coverage: 1, phraseRatio: 0.5, inOrder: false, phraseInHeading: false, idNamed: false, kind: 'document' as const, boost: 0 }],
    ]));
    expect(pages.map((p) => p.id)).toEqual(['study', 'doc']);
    deferToDocuments(pages, new Map([
      [s, { coverage: 1, phraseRatio: 1, inOrder: true, phraseInHeading: false, idNamed: false, kind: 'study' as const, boost: 0 }],
      [d, { coverage: 0.5, phraseRatio: 1, inOrder: true, phraseInHeading: false, idNamed: false, kind: 'document' as const, boost: 0 }],
    ]));
    expect(pages.map((p) => p.id)).toEqual(['study', 'doc']);
  });

  it('defers when the study page has the phrase only in its body (it retells the document in fewer words; round 4)', () => {
    const pages = [s, d];
    deferToDocuments(pages, new Map([
      [s, { coverage: 1, phraseRatio: 1, inOrder: true, phraseInHeading: false, idNamed: false, kind: 'study' as const, boost: 0 }],
      [d, { coverage: 1, phraseRatio: 0.5, inOrder: false, phraseInHeading: false, idNamed: false, kind: 'document' as const, boost: 0 }],
    ]));
    expect(pages.map((p) => p.id)).toEqual(['doc', 'study']);
  });
});

describe('questions deep-link to the part that answers (issue #18, round 2)', () => {
  const words = 'Kế hoạch TỈNH ỦY Điện Biên, ngày 27 tháng 8 năm 2019 Mục đích Tiếp tục Lò Văn Muôn';
  const frag: Fragment = {
    url: '/van-ban/x/',
    content: words,
    meta: { title: 'Kế hoạch' },
    anchors: [
      { element: 'header', id: 'phan-dau', location: 2 },
      { element: 'h3', id: 'muc-1', text: 'Mục đích', location: 12 },
      { element: 'div', id: 'nguoi-ky', location: 16 },
    ],
    filters: { loai: ['văn bản'], ngay_ban_hanh: ['2019-08-27'] },
  };
  const lbl = { 'phan-dau': 'Phần đầu', 'nguoi-ky': 'Người ký' };

  it('links a who-signed question to the signature block, a when-issued one to the part with the year', () => {
    const a = analysePage(frag, termInfos(['muc', 'dich']), lbl);
    expect(answerFirst(a.sections, a.all, frag, 'signer')[0]!.id).toBe('nguoi-ky');
    expect(answerFirst(a.sections, a.all, frag, 'issued')[0]!.id).toBe('phan-dau');
    expect(answerFirst(a.sections, a.all, frag, null)[0]!.id).toBe('muc-1');
  });

  it('links a status question to the status panel, by its label, with no excerpt (round 3)', () => {
    const a = analysePage(frag, termInfos(['muc', 'dich']), lbl);
    const got = answerFirst(a.sections, a.all, frag, 'status', { ...lbl, 'tinh-trang': 'Tình trạng & tiếp nối' })[0]!;
    expect(got).toMatchObject({ id: 'tinh-trang', heading: 'Tình trạng & tiếp nối', excerptHtml: '', headingHtml: 'Tình trạng &amp; tiếp nối' });
    // Without the label the page keeps its order (no heading to show).
    expect(answerFirst(a.sections, a.all, frag, 'status', lbl)[0]!.id).toBe('muc-1');
  });

  it('links a why question to the background section', () => {
    const why: Fragment = { ...frag, anchors: [...frag.anchors, { element: 'h2', id: 'boi-canh', text: 'Bối cảnh ra đời', location: 14 }] };
    const a = analysePage(why, termInfos(['muc', 'dich']), lbl);
    expect(answerFirst(a.sections, a.all, why, 'why')[0]!.id).toBe('boi-canh');
  });

  it('links a who-made-it question on the named document to the part naming its maker (round 19)', () => {
    const made: Fragment = {
      url: '/van-ban/y/',
      content: 'Kế hoạch TỈNH ỦY Điện Biên Mở đầu Ban Thường vụ Tỉnh ủy xây dựng Kế hoạch như sau Mục đích Tiếp tục',
      meta: { title: 'Kế hoạch', cq: 'Tỉnh ủy Điện Biên', ct: 'Ban Thường vụ Tỉnh ủy xây dựng kế hoạch (đoạn mở đầu)' },
      anchors: [
        { element: 'header', id: 'phan-dau', location: 1 },
        { element: 'div', id: 'mo-dau', location: 4 },
        { element: 'h3', id: 'muc-1', text: 'Mục đích', location: 15 },
      ],
      filters: { loai: ['văn bản'] },
    };
    const labels = { 'phan-dau': 'Phần đầu', 'mo-dau': 'Phần mở đầu' };
    const a = analysePage(made, termInfos(['muc', 'dich']), labels);
    expect(answerFirst(a.sections, a.all, made, 'issuer', labels, true)[0]!.id).toBe('mo-dau');
    // Without a body the issuer is looked for, in a part of the text: the header block names it on every text.
    const issuerOnly = { ...made, meta: { title: 'Kế hoạch', cq: 'Tỉnh ủy Điện Biên' } };
    expect(answerFirst(a.sections, a.all, issuerOnly, 'issuer', labels, true)[0]!.id).toBe('muc-1');
    const summary: Fragment = {
      url: '/van-ban/z/',
      content: 'Kết luận Ban Bí thư Bối cảnh Năm 2019 Thông tin Cơ quan ban hành Ban Bí thư Trung ương Đảng',
      meta: { title: 'Kết luận', cq: 'Ban Bí thư Trung ương Đảng' },
      anchors: [
        { element: 'header', id: 'phan-dau', location: 1 },
        { element: 'h2', id: 'boi-canh', text: 'Bối cảnh', location: 4 },
        { element: 'h2', id: 'thong-tin', text: 'Thông tin', location: 8 },
      ],
      filters: { loai: ['văn bản'] },
    };
    const s = analysePage(summary, termInfos(['boi', 'canh']), labels);
    // Less the tail every central body shares ("Trung ương Đảng").
    expect(answerFirst(s.sections, s.all, summary, 'issuer', labels, true)[0]!.id).toBe('thong-tin');
    // Asked of a page the query does not name ("ai xây dựng chiến lược"), the page keeps its order.
    expect(answerFirst(a.sections, a.all, made, 'issuer', labels, false)[0]!.id).toBe('muc-1');
  });

  it('links a who-does-it question to the part headed by a body that says it (round 19)', () => {
    const plan: Fragment = {
      url: '/van-ban/p/',
      content: 'Kế hoạch 5. Xây dựng chiến lược trí thức của tỉnh 3. Ban Cán sự Đảng UBND tỉnh Chỉ đạo xây dựng chiến lược trí thức 4. Ban Tuyên giáo Tuyên truyền',
      meta: { title: 'Kế hoạch' },
      anchors: [
        { element: 'h3', id: 'ii-5', text: '5.', location: 2 },
        { element: 'h3', id: 'iii-3', text: '3. Ban Cán sự Đảng UBND tỉnh', location: 11 },
        { element: 'h3', id: 'iii-4', text: '4. Ban Tuyên giáo', location: 26 },
      ],
      filters: { loai: ['văn bản'] },
    };
    const a = analysePage(plan, termInfos(['xay', 'dung', 'chien', 'luoc', 'tri', 'thuc']), {});
    expect(a.sections[0]!.id).toBe('ii-5');
    expect(answerFirst(a.sections, a.all, plan, 'who')[0]!.id).toBe('iii-3');
    // "ai xây dựng …" of a text not named asks the same.
    expect(answerFirst(a.sections, a.all, plan, 'issuer', {}, false)[0]!.id).toBe('iii-3');
    // A body's part that says little of what is asked does not answer.
    const other = { ...plan, content: plan.content.replace('Chỉ đạo xây dựng chiến lược trí thức', 'Chỉ đạo xây dựng đội ngũ nói chung') };
    const b = analysePage(other, termInfos(['xay', 'dung', 'chien', 'luoc', 'tri', 'thuc']), {});
    expect(b.sections.map((x) => x.id)).toEqual(['ii-5', 'iii-3']);
    expect(answerFirst(b.sections, b.all, other, 'who')[0]!.id).toBe('ii-5');
  });

  it('leaves pages other than documents alone', () => {
    const study = { ...frag, filters: { loai: ['tài liệu học tập'] } };
    const a = analysePage(study, termInfos(['muc', 'dich']), lbl);
    expect(answerFirst(a.sections, a.all, study, 'signer')[0]!.id).toBe('muc-1');
  });
});

describe('a document named as carrying out another (round 4)', () => {
  const conclusion: FakePage = {
    url: '/van-ban/ket-luan-5-kl-tw/',
    title: 'Kết luận số 5-KL/TW',
    filters: { loai: ['văn bản'], van_ban: ['5-KL/TW'] },
    meta: { number: '5-KL/TW' },
    blocks: [{ h: 'Triển khai', id: 'trien-khai', text: 'Các cấp ủy xây dựng kế hoạch triển khai kết luận này.' }],
  };
  const carrier: FakePage = {
    ...plan,
    filters: { ...plan.filters, thuc_hien: ['5-KL/TW'] },
    blocks: [...plan.blocks, { h: '4. Triển khai', id: 'phan-i-muc-4', text: 'Kế hoạch triển khai Kết luận số 5-KL/TW.' }],
  };
  const pages = [carrier, conclusion, resolution, study];

  it('puts the plan that carries out the conclusion first, the conclusion after it', async () => {
    const o = await search(fakePagefind(pages), 'ke hoach trien khai ket luan 5', { labels });
    expect(o.pages.map((p) => p.url).slice(0, 2)).toEqual(['/van-ban/ke-hoach-1-kh-tu/', '/van-ban/ket-luan-5-kl-tw/']);
  });

  it('lets the plan that carries the conclusion out lead when only the plan says what the words ask (round 14)', async () => {
    // The conclusion holds "tỉnh" but not "cụ thể hóa" or "huyện": the plan holds all of them.
    const says: FakePage = { ...carrier, blocks: [...carrier.blocks, { h: '5. Ủy ban', id: 'phan-iii-muc-3', text: 'Ủy ban nhân dân tỉnh, các huyện cụ thể hóa Kết luận số 5-KL/TW.' }] };
    const local: FakePage = { ...conclusion, blocks: [...conclusion.blocks, { h: 'Các tỉnh', id: 'cac-tinh', text: 'Mỗi tỉnh có kế hoạch riêng.' }] };
    const o = await search(fakePagefind([says, local, resolution, study]), 'tinh huyen cu the hoa ket luan 5', { labels });
    expect(o.pages[0]!.url).toBe('/van-ban/ke-hoach-1-kh-tu/');
    expect(o.pages[0]!.sections[0]!.id).toBe('phan-iii-muc-3');
    expect(o.pages.map((p) => p.url)).toContain('/van-ban/ket-luan-5-kl-tw/');
  });

  it('keeps the conclusion first when it says all the words ask, though the plan says them too (round 14)', async () => {
    const o = await search(fakePagefind(pages), 'ket luan 5 cac cap uy trien khai', { labels });
    expect(o.pages[0]!.url).toBe('/van-ban/ket-luan-5-kl-tw/');
  });

  it('names the conclusion itself when no other kind is asked for, or none carries it out', async () => {
    expect((await search(fakePagefind(pages), 'ket luan 5 trien khai', { labels })).pages[0]!.url).toBe('/van-ban/ket-luan-5-kl-tw/');
    expect((await search(fakePagefind(pages), 'nghi quyet trien khai ket luan 5', { labels })).pages[0]!.url).toBe('/van-ban/ket-luan-5-kl-tw/');
    expect((await search(fakePagefind([plan, conclusion, resolution, study]), 'ke hoach trien khai ket luan 5', { labels })).pages[0]!.url).toBe('/van-ban/ket-luan-5-kl-tw/');
  });
});

describe('a modal verb between the words of a heading (round 14)', () => {
  const why: FakePage = {
    url: '/hoc-tap/bai-3/',
    title: 'Bài 3',
    filters: { loai: ['tài liệu học tập'], van_ban: ['1-KH/TU'] },
    blocks: [
      { text: 'Bài này học Kế hoạch 1-KH/TU.' },
      { h: 'Vì sao học kế hoạch này', id: 'vi-sao-hoc', text: 'Vì đó là văn bản của tỉnh, phải học trước tiên.' },
    ],
  };
  it('is no word of what is asked: "vì sao phải học" names "Vì sao học"', async () => {
    // The plan holds most of the other words, and is named: without the heading, it would lead.
    const says: FakePage = { ...plan, blocks: [...plan.blocks, { h: '4. Học tập', id: 'phan-i-muc-4', text: 'Cán bộ phải học tập trước tiên.' }] };
    const o = await search(fakePagefind([says, resolution, why]), 'vi sao phai hoc ke hoach 1 truoc tien', { labels });
    expect(o.pages[0]!.url).toBe('/hoc-tap/bai-3/');
    expect(o.pages[0]!.sections[0]!.id).toBe('vi-sao-hoc');
  });
});

describe('a number that names no document of the site (round 14)', () => {
  const mentions: FakePage = {
    url: '/hoc-tap/bai-7/',
    title: 'Bài 7',
    filters: { loai: ['tài liệu học tập'] },
    blocks: [
      { h: 'Mốc', id: 'moc', text: 'Quyết định số 2711/QĐ-TTg phê duyệt chiến lược quốc gia.' },
      { h: 'Chiến lược của tỉnh', id: 'chien-luoc', text: 'Chiến lược trí thức của tỉnh, chiến lược đến năm 2030.' },
    ],
  };
  it('is searched as a word: the part that mentions it answers', async () => {
    const o = await search(fakePagefind([plan, resolution, mentions]), 'quyet dinh 2711 chien luoc', { labels });
    expect(o.pages[0]!.url).toBe('/hoc-tap/bai-7/');
    expect(o.pages[0]!.sections[0]!.id).toBe('moc');
  });
});

describe('which pages are read when only a few are (round 15)', () => {
  // An official text Pagefind's length normalisation puts below six shorter study pages.
  const long: FakePage = {
    url: '/van-ban/ke-hoach-9-kh-tu/',
    title: 'Kế hoạch 9-KH/TU',
    filters: { loai: ['văn bản'], van_ban: ['9-KH/TU'] },
    blocks: [
      { h: '1. Nhiệm vụ', id: 'phan-i-muc-1', text: 'Các cấp ủy tổ chức quán triệt trong cán bộ.' },
      { h: '2. Trách nhiệm', id: 'phan-i-muc-2', text: 'Người đứng đầu cấp ủy chịu trách nhiệm.' },
    ],
  };
  const studies: FakePage[] = Array.from({ length: 6 }, (_, k) => ({
    url: `/hoc-tap/bai-${k + 1}/`,
    title: `Bài ${k + 1}`,
    filters: { loai: ['tài liệu học tập'] },
    blocks: [{ text: `Bài ${k + 1} học về người đứng đầu và các nội dung khác của kế hoạch, trong buổi sinh hoạt chi bộ.` }],
  }));
  it('a document Pagefind ranks 7th, below six study pages, is read for the header box (5 shown), and leads', async () => {
    const pf = fakePagefind([...studies, long]);
    const raw = await pf.search('người đứng đầu');
    expect(raw!.results.map((r) => r.id).indexOf(long.url)).toBe(6);
    const o = await search(pf, 'người đứng đầu', { labels, limit: 5 });
    expect(o.pages[0]!.url).toBe(long.url);
    expect(o.pages[0]!.sections[0]!.id).toBe('phan-i-muc-2');
  });
});

describe('a heading that is the whole query (round 4)', () => {
  const studyHeaded: FakePage = {
    url: '/hoc-tap/bai-2/',
    title: 'Bài 2',
    filters: { loai: ['tài liệu học tập'] },
    blocks: [
      { text: 'Bài này nói về Kế hoạch 1-KH/TU và người đứng đầu.' },
      { h: 'Vì sao học Kế hoạch 1-KH/TU trước', id: 'vi-sao', text: 'Vì đó là văn bản của tỉnh.' },
    ],
  };
  it('puts the page with that heading above the document the query names with other words', async () => {
    const o = await search(fakePagefind([plan, resolution, studyHeaded]), 'vi sao hoc ke hoach 1-KH/TU truoc', { labels });
    expect(o.pages[0]!.url).toBe('/hoc-tap/bai-2/');
    expect(o.pages[0]!.sections[0]!.id).toBe('vi-sao');
  });
  it('leaves the document first when the heading has only some of the words', async () => {
    const o = await search(fakePagefind([plan, resolution, studyHeaded]), 'nguoi dung dau ke hoach 1-KH/TU', { labels });
    expect(o.pages[0]!.url).toBe('/van-ban/ke-hoach-1-kh-tu/');
  });
});

describe('a kind named by word alone (round 4)', () => {
  it('puts the documents of that kind in the family tier, the other words choosing among them', async () => {
    // The plan has "nghị quyết trí thức" word for word, twice; the query still means a resolution.
    const mentions: FakePage = { ...plan, blocks: [...plan.blocks, { h: '4. Căn cứ', id: 'phan-i-muc-4', text: 'Thực hiện nghị quyết trí thức; nghị quyết trí thức của tỉnh.' }] };
    const o = await search(fakePagefind([mentions, resolution, study]), 'nghi quyet tri thuc', { labels });
    expect(o.pages[0]!.url).toBe('/van-ban/nghi-quyet-2-nq-tw/');
    const plain = await search(fakePagefind([mentions, resolution, study]), 'tri thuc', { labels });
    expect(plain.pages[0]!.url).toBe('/van-ban/ke-hoach-1-kh-tu/');
  });
  it('reads a year after a kind word as a year, not as a number', async () => {
    const { findDocRef } = await import('../../../src/lib/search/query.ts');
    expect(findDocRef('nghi quyet 2008')).toBeNull();
    expect(findDocRef('quyet dinh 2711')).toEqual({ serial: 2711, kindCode: 'QĐ' });
  });
});

describe('a document named with words it does not have (round 8)', () => {
  const says: FakePage = {
    ...plan,
    blocks: [...plan.blocks, { h: '4. Ban Tuyên giáo', id: 'phan-iii-muc-4', text: 'Nắm bắt dư luận xã hội về Nghị quyết 2-NQ/TW trong cán bộ.' }],
  };
  it('gives the lead to the page that says it all, not to the document named or its family', async () => {
    const o = await search(fakePagefind([says, resolution, study]), 'nam bat du luan xa hoi ve nghi quyet 2', { labels });
    expect(o.pages[0]!.url).toBe('/van-ban/ke-hoach-1-kh-tu/');
    expect(o.pages[0]!.sections[0]!.id).toBe('phan-iii-muc-4');
  });
  it('keeps the document first when no other page says it all', async () => {
    const o = await search(fakePagefind([plan, resolution, study]), 'nghi quyet 2 duong lich dang dung', { labels });
    expect(o.pages[0]!.url).toBe('/van-ban/nghi-quyet-2-nq-tw/');
  });
});

describe('two documents named (round 4)', () => {
  const both: FakePage = {
    url: '/hoc-tap/bai-3/',
    title: 'Từ Nghị quyết 2-NQ/TW đến Kế hoạch 1-KH/TU',
    filters: { loai: ['tài liệu học tập'] },
    blocks: [{ h: 'Điều mới', id: 'dieu-moi', text: 'Điểm mới: kế hoạch của tỉnh cụ thể hóa nghị quyết, so sánh với trước.' }],
  };
  it('puts the reading page whose title names both first', async () => {
    const o = await search(fakePagefind([plan, resolution, study, both]), 'diem moi cua nghi quyet 2 so voi ke hoach 1', { labels });
    expect(o.pages[0]!.url).toBe('/hoc-tap/bai-3/');
  });
  it('leaves one document named with words to that document', async () => {
    const o = await search(fakePagefind([plan, resolution, study, both]), 'nghi quyet 2 tri thuc', { labels });
    expect(o.pages[0]!.url).toBe('/van-ban/nghi-quyet-2-nq-tw/');
  });
});

describe('a purpose page opens at the part the query names (round 4)', () => {
  const frag: Fragment = {
    url: '/van-ban/phan-cong/',
    content: 'Phân công thực hiện Kế hoạch. Bảng và mốc.',
    meta: { title: 'Phân công thực hiện Kế hoạch 83-KH/TU' },
    anchors: [],
    filters: { loai: ['trang'], phan_trang: ['bang-phan-cong=Bảng phân công theo cơ quan, đơn vị', 'moc-thoi-han=Mốc thời hạn', 'bo-tai-lieu=Bộ tài liệu | Danh sách điểm danh | Chuẩn bị'] },
  };
  const top = (q: string) => {
    const infos = termInfos(q.split(' '));
    return purposeParts(frag, analysePage(frag, infos).sections, infos)[0]!;
  };
  it('links to the part whose heading has the query words the title lacks', () => {
    expect(top('bang phan cong ke hoach 83')).toMatchObject({ id: 'bang-phan-cong', headingMarked: [0, 1, 2] });
    expect(top('moc thoi han thuc hien')).toMatchObject({ id: 'moc-thoi-han' });
  });
  it('finds a part by an h3 heading inside it, and shows the part\'s own heading (round 5)', () => {
    expect(top('in danh sach diem danh')).toMatchObject({ id: 'bo-tai-lieu', heading: 'Bộ tài liệu', headingMarked: [] });
  });
  it('opens the h3 that alone holds the words the h2 lacks, by its heading or its id (round 8)', () => {
    const deadlines: Fragment = {
      ...frag,
      filters: { ...frag.filters, phan_trang: ['moc-thoi-han=Các mốc thời hạn | han-nam-2019=Năm 2019 | han-nam-2020=Năm 2020 | han-hang-nam=Hằng năm'] },
    };
    const open = (q: string) => {
      const infos = termInfos(q.split(' '));
      return purposeParts(deadlines, analysePage(deadlines, infos).sections, infos)[0]!.id;
    };
    expect(open('cac moc thoi han nam 2020')).toBe('han-nam-2020');
    expect(open('moc thoi han hang nam')).toBe('han-hang-nam');
    // "năm" alone points at three h3s: the part stays whole.
    expect(open('cac moc thoi han trong nam')).toBe('moc-thoi-han');
    expect(open('cac moc thoi han')).toBe('moc-thoi-han');
  });
  it("tells the parts apart by the words the title lacks: the deadlines, though the table's name is typed too (round 8)", () => {
    const both: Fragment = {
      ...frag,
      filters: { ...frag.filters, phan_trang: ['bang-phan-cong=Bảng phân công theo cơ quan, đơn vị', 'moc-thoi-han=Các mốc thời hạn | han-quy-4-2019=Quý IV/2019'] },
    };
    const infos = termInfos('moc quy iv/2019 trong bang phan cong'.split(' '));
    expect(purposeParts(both, analysePage(both, infos).sections, infos)[0]!.id).toBe('han-quy-4-2019');
  });
  it('stays at the top when only the title\'s words are named, or one word of a part', () => {
    expect(top('phan cong thuc hien ke hoach').id).toBeNull();
    expect(top('bang tong hop').id).toBeNull();
  });
});

describe('a long question only a page or two hold whole (round 10)', () => {
  const retold: FakePage = {
    url: '/hoc-tap/bai-9/',
    title: 'Bài 9',
    filters: { loai: ['tài liệu học tập'] },
    blocks: [{ h: 'Hạn', id: 'han', text: 'Chiến lược trí thức của tỉnh phải xong ngay năm 2020.' }],
  };
  const text: FakePage = {
    url: '/van-ban/ke-hoach-9-kh-tu/',
    title: 'Kế hoạch số 9-KH/TU',
    filters: { loai: ['văn bản'], van_ban: ['9-KH/TU'] },
    meta: { number: '9-KH/TU' },
    blocks: [{ h: '3. Chiến lược', id: 'phan-iii-muc-3', text: 'Xây dựng chiến lược trí thức của tỉnh ngay, hoàn thành năm 2020.' }],
  };
  it('follows the pages holding every word with those of the page holding the most of them', async () => {
    const o = await search(fakePagefind([retold, text]), 'chien luoc tri thuc cua tinh phai xong ngay', { labels });
    expect(o.pages.map((p) => p.url)).toEqual(['/hoc-tap/bai-9/', '/van-ban/ke-hoach-9-kh-tu/']);
  });
  it('says how many pages lack a word, and which words each lacks', async () => {
    const o = await search(fakePagefind([retold, text]), 'chien luoc tri thuc cua tinh phai xong ngay', { labels });
    expect([o.total, o.near]).toEqual([2, 1]);
    expect(o.pages[0]!.lacking).toBeUndefined();
    expect(o.pages[1]!.lacking).toEqual(['phai', 'xong']);
  });
  it('leaves short queries alone', async () => {
    const o = await search(fakePagefind([retold, text]), 'phai xong nam', { labels });
    expect(o.pages.map((p) => p.url)).toEqual(['/hoc-tap/bai-9/']);
    expect(o.near).toBeUndefined();
  });
});

describe('everyday words the texts never use (round 16)', () => {
  // "tương" stands on the summary ("tương xứng"), never beside "lai"; the vision page has none of it.
  const vision: FakePage = {
    url: '/van-ban/tam-nhin/',
    title: 'Nghị quyết về trí thức',
    blocks: [{ h: 'Tầm nhìn đến năm 2045', id: 'tam-nhin-2045', text: 'Đội ngũ trí thức lớn mạnh, thuộc tốp đầu khu vực.' }],
  };
  const summary: FakePage = {
    url: '/hoc-tap/tong-ket/',
    title: 'Tổng kết',
    blocks: [{ h: 'Tổng kết', id: 'tong-ket', text: 'Đội ngũ trí thức tăng lại nhanh, đãi ngộ chưa tương xứng; mốc 2045.' }],
  };
  it('finds the page that says it the texts\' way, by one more search, and ranks it by those words', async () => {
    const fake = fakePagefind([vision, summary]);
    const o = await search(fake, 'tương lai đội ngũ trí thức 2045', { labels });
    expect(fake.calls).toContain('tầm nhìn đội ngũ trí thức 2045');
    expect(o.pages[0]!.url).toBe('/van-ban/tam-nhin/');
    expect(o.pages[0]!.sections[0]!.id).toBe('tam-nhin-2045');
  });
  it('searches nothing more for a query with no such words', async () => {
    const fake = fakePagefind([vision, summary]);
    await search(fake, 'tầm nhìn đội ngũ trí thức 2045', { labels });
    expect(fake.calls.filter((c) => c.includes('tầm nhìn'))).toEqual(['tầm nhìn đội ngũ trí thức 2045']);
  });
});

describe('a document described by its face (rounds 17 and 18)', () => {
  const older: FakePage = {
    url: '/van-ban/nghi-quyet-7-nq-tw/',
    title: 'Nghị quyết số 7-NQ/TW',
    filters: { loai: ['văn bản'], van_ban: ['7-NQ/TW'], ngay_ban_hanh: ['2008-08-06'] },
    meta: { number: '7-NQ/TW', cq: 'Ban Chấp hành Trung ương Đảng', ty: 'Về xây dựng đội ngũ trí thức' },
    blocks: [{ h: 'Vai trò của tri thức và trí thức', id: 'vai-tro', text: 'Trí thức có vai trò quan trọng trong giai đoạn phát triển.' }],
  };
  const newer: FakePage = {
    url: '/van-ban/nghi-quyet-8-nq-tw/',
    title: 'Nghị quyết số 8-NQ/TW',
    filters: { loai: ['văn bản'], van_ban: ['8-NQ/TW'], ngay_ban_hanh: ['2023-11-24'] },
    meta: { number: '8-NQ/TW', cq: 'Ban Chấp hành Trung ương Đảng', ty: 'Về tiếp tục phát huy vai trò của đội ngũ trí thức trong giai đoạn mới' },
    blocks: [{ h: 'Đánh giá', id: 'danh-gia', text: 'Nghị quyết nêu vai trò của trí thức và phát huy trí thức trong giai đoạn mới.' }],
  };
  it('is named over a heading of another text that its words also name', async () => {
    const o = await search(fakePagefind([older, newer]), 'nghi quyet phat huy vai tro tri thuc giai doan moi', { labels });
    expect(o.pages[0]!.url).toBe('/van-ban/nghi-quyet-8-nq-tw/');
  });
  it('is described by every word typed, not only the eight searched (round 18)', async () => {
    const title = 'Về tiếp tục xây dựng và phát huy vai trò của đội ngũ trí thức đáp ứng yêu cầu phát triển đất nước nhanh và bền vững trong giai đoạn mới';
    const quoting: FakePage = { ...older, blocks: [{ h: 'Văn bản liên quan', id: 'lien-quan', text: `Nghị quyết số 8-NQ/TW ${title}.` }] };
    // Pagefind finds a page by its metadata too: the fake, by its text only.
    const long: FakePage = { ...newer, meta: { ...newer.meta, ty: title }, blocks: [{ h: 'Tóm lược', id: 'tom-luoc', text: `Ban Chấp hành Trung ương ra Nghị quyết ${title}, sau 15 năm thực hiện Nghị quyết 7.` }] };
    const o = await search(fakePagefind([quoting, long]), 'tiep tuc xay dung va phat huy vai tro cua doi ngu tri thuc', { labels });
    expect(o.pages[0]!.url).toBe('/van-ban/nghi-quyet-8-nq-tw/');
  });
  it('leaves the heading named when the words describe no document', async () => {
    const o = await search(fakePagefind([older, newer]), 'vai tro cua tri thuc va tri thuc', { labels });
    expect(o.pages[0]!.url).toBe('/van-ban/nghi-quyet-7-nq-tw/');
  });
});
