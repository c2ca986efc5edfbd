import { describe, expect, it } from 'vitest';
import { search } from '../../../src/lib/search/engine.ts';
import { fakePagefind } from './fixtures/fake-pagefind.ts';
import { allPages, labels } from './fixtures/pages.ts';

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

  it('a word that matches nothing is reported, not dropped', async () => {
    const o = await run('trí thức xyzzy');
    expect(o.pages).toEqual([]);
    expect(o.missing).toEqual(['xyzzy']);
    expect(o.suggestion).toBe('trí thức');
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
    expect(o.searches).toBeLessThanOrEqual(12 + 8);
  });
});

describe('words Pagefind would silently shorten', () => {
  it('"thucc" is reported missing even though Pagefind would match it as "thuc"', async () => {
    const o = await run('tri thucc');
    expect(o.missing).toEqual(['thucc']);
    expect(o.pages).toEqual([]);
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
