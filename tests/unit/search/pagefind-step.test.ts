import { t } from '../../../src/i18n/vi.ts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtemp, mkdir, writeFile, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const state = vi.hoisted(() => ({ addErrors: [] as string[], calls: [] as string[], hash: 'vi_0123abcd' as string | undefined }));

vi.mock('pagefind', () => ({
  createIndex: async (config: unknown) => {
    state.calls.push(`createIndex ${JSON.stringify(config)}`);
    return {
      errors: [],
      index: {
        addHTMLFile: async ({ url, content }: { url: string; content: string }) => {
          state.calls.push(`addHTMLFile ${url} ${content.includes('<footer') ? 'footer' : ''}`);
          return { errors: state.addErrors, file: { url } };
        },
        addCustomRecord: async ({ url, content, filters }: { url: string; content: string; filters: Record<string, string[]> }) => {
          state.calls.push(`addCustomRecord ${url} ${content} ${JSON.stringify(filters)}`);
          return { errors: [], file: { url } };
        },
        writeFiles: async ({ outputPath }: { outputPath: string }) => {
          state.calls.push('writeFiles');
          await mkdir(outputPath, { recursive: true });
          for (const f of ['pagefind.js', 'pagefind-ui.js', 'pagefind-highlight.js', 'wasm.unknown.pagefind']) await writeFile(join(outputPath, f), 'x');
          await writeFile(join(outputPath, 'pagefind-entry.json'), JSON.stringify({ version: '1.6.0', languages: { vi: { hash: state.hash, wasm: null, page_count: 1 } } }));
          return { errors: [], outputPath };
        },
      },
    };
  },
  close: async () => {
    state.calls.push('close');
    return null;
  },
}));

const { buildSearchIndex, versionAtLeast, prepareHtml, urlOf, purposeRecord } = await import('../../../scripts/lib/pagefind.ts');

const PAGE = '<html><body><header>h</header><main data-pagefind-body><p>x</p><footer class="official-footer"><p>Nơi nhận</p></footer></main><footer>site</footer></body></html>';

async function site(pages: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pf-'));
  for (const [rel, html] of Object.entries(pages)) {
    await mkdir(join(dir, rel, '..'), { recursive: true });
    await writeFile(join(dir, rel), html);
  }
  return dir;
}

afterEach(() => {
  state.hash = 'vi_0123abcd';
  state.addErrors = [];
  state.calls = [];
});

describe('versionAtLeast', () => {
  it.each([
    ['1.6.0', true],
    ['1.5.0', true],
    ['1.4.9', false],
    ['2.0.0', true],
    ['1.5.0-beta.1', true],
  ])('%s ≥ 1.5.0 is %s', (v, ok) => expect(versionAtLeast(v, [1, 5, 0])).toBe(ok));
});

describe('buildSearchIndex', () => {
  it('indexes the searchable pages as Vietnamese, writes the bundle, drops the unused UI files, closes', async () => {
    const dir = await site({ 'van-ban/a/index.html': PAGE, 'index.html': '<main>home</main>', 'pagefind/x.html': PAGE });
    const report = await buildSearchIndex({ siteDir: dir, log: () => {} });
    expect(report.pages).toBe(1);
    expect(state.calls[0]).toContain('"forceLanguage":"vi"');
    expect(state.calls).toContain('addHTMLFile /van-ban/a/ footer');
    expect(state.calls.at(-1)).toBe('close');
    expect((await readdir(join(dir, 'pagefind'))).sort()).toEqual(['pagefind-entry.json', 'pagefind.js', 'wasm.unknown.pagefind']);
  });
  it("writes the index's hash into every search element's cache tag, and changes nothing else", async () => {
    const box = (tag: string) => `<tt-search-box data-strings="{}" data-index-tag="${tag}"><input></tt-search-box>`;
    const page = PAGE.replace('<header>h</header>', `<header>${box('5f3a9c0d1e')}</header>`);
    const other = '<main>trang không có ô tìm kiếm; data-index-tag là tên một thuộc tính</main>';
    const dir = await site({ 'van-ban/a/index.html': page, 'tim-kiem/index.html': `${box('5f3a9c0d1e')}<tt-search-page data-index-tag="5f3a9c0d1e">`, 'b/index.html': other });
    await buildSearchIndex({ siteDir: dir, log: () => {} });
    expect(await readFile(join(dir, 'van-ban/a/index.html'), 'utf8')).toBe(page.replaceAll('5f3a9c0d1e', 'vi_0123abcd'));
    expect(await readFile(join(dir, 'tim-kiem/index.html'), 'utf8')).toBe(`${box('vi_0123abcd')}<tt-search-page data-index-tag="vi_0123abcd">`);
    expect(await readFile(join(dir, 'b/index.html'), 'utf8')).toBe(other);
  });
  it('fails, naming the file, when the entry has no Vietnamese index hash', async () => {
    state.hash = undefined;
    const dir = await site({ 'van-ban/a/index.html': PAGE });
    await expect(buildSearchIndex({ siteDir: dir, log: () => {} })).rejects.toThrow('pagefind-entry.json: no index hash for "vi"');
    expect(state.calls.at(-1)).toBe('close');
  });
  it('fails when Pagefind reports errors, and still closes', async () => {
    state.addErrors = ['bad html'];
    const dir = await site({ 'a/index.html': PAGE });
    await expect(buildSearchIndex({ siteDir: dir, log: () => {} })).rejects.toThrow('bad html');
    expect(state.calls.at(-1)).toBe('close');
  });
  it('fails when no page was indexed', async () => {
    const dir = await site({ 'index.html': '<main>home</main>' });
    await expect(buildSearchIndex({ siteDir: dir, log: () => {} })).rejects.toThrow('no page');
  });
});

describe('prepareHtml', () => {
  it('turns footers inside <main> into divs and leaves the site footer alone', () => {
    const out = prepareHtml(PAGE);
    expect(out).toContain('<div data-was-footer class="official-footer"><p>Nơi nhận</p></div></main><footer>site</footer>');
  });
  it('leaves pages without <main> unchanged', () => {
    expect(prepareHtml('<footer>x</footer>')).toBe('<footer>x</footer>');
  });
  it('gives the index each provision heading as a filter value, once, without changing the page text', () => {
    const html = '<main><h2 id="phan-ii" data-provision="phan-ii">II- NHIỆM VỤ</h2><h3 id="phan-ii-muc-3" data-provision="phan-ii-muc-3">3. Ngân sách</h3><a data-provision="phan-ii">x</a></main>';
    const out = prepareHtml(html);
    expect(out.match(/data-pagefind-filter="dieu_khoan:[^"]+"/g)).toEqual(['data-pagefind-filter="dieu_khoan:phan-ii"', 'data-pagefind-filter="dieu_khoan:phan-ii-muc-3"']);
    expect(out.replace(/<span hidden data-pagefind-filter="[^"]*"><\/span>/g, '')).toBe(html);
  });
  it('gives the index the words of hand-written section ids their headings do not say, as metadata (round 10)', () => {
    const html =
      '<main><h2 id="meta-title" class="visually-hidden">Thông tin</h2><h2 id="nguon-goc-tri-thuc">Trí thức Việt Nam từ đâu mà có</h2>' +
      '<h2 id="phan-ii-muc-3" data-provision="phan-ii-muc-3">3. Ngân sách</h2><h2 id="boi-canh">Bối cảnh</h2><h3 id="hoc-dan-bai">Dàn bài</h3></main>';
    const out = prepareHtml(html);
    expect(out.match(/data-pagefind-meta="ten_phan:[^"]*"/g)).toEqual(['data-pagefind-meta="ten_phan:nguon goc hoc"']);
    // Headings that say their id's words, numbered provisions and headings nobody sees add nothing.
    expect(prepareHtml('<main><h2 id="boi-canh">Bối cảnh</h2><h2 id="phan-i">I- MỤC ĐÍCH</h2></main>')).not.toContain('ten_phan');
  });
});

describe('urlOf', () => {
  it('maps files to site URLs', () => {
    expect(urlOf('van-ban/a/index.html')).toBe('/van-ban/a/');
    expect(urlOf('index.html')).toBe('/');
    expect(urlOf('404.html')).toBe('/404.html');
  });
});

describe('pages found by title and purpose', () => {
  const QUIZ =
    '<html lang="vi"><head><meta name="description" content="Mục đích &amp; yêu cầu của Kế hoạch số 83-KH/TU."></head><body><main>' +
    '<h1 class="x">Kiểm tra: Kế hoạch số 83-KH/TU</h1><ol><li>Câu hỏi <b>đáp án đúng</b></li></ol><aside data-notes>Ghi chú người trình bày</aside></main></body></html>';

  it('lists the h3 headings inside each part after its h2 (round 5)', () => {
    const html = QUIZ.replace('</ol>', '</ol><h2 id="bo">Bộ tài liệu sinh hoạt</h2><h3>Chương trình</h3><h3>Danh sách điểm danh</h3><h2>Khác</h2><h3>Không thuộc phần nào</h3>');
    expect(purposeRecord(html, '/hoc-tap/01-x/tai-lieu/', [])!.filters.phan_trang).toEqual(['bo=Bộ tài liệu sinh hoạt | Chương trình | Danh sách điểm danh']);
  });

  it('indexes the title, the purpose and table captions only: no questions, answers or notes', () => {
    const r = purposeRecord(QUIZ.replace('</ol>', '</ol><table><caption>Bảng phân công</caption></table>'), '/kiem-tra/x/', ['83-KH/TU', '52-KL/TW'])!;
    expect(r.content).toBe(`Kiểm tra: Kế hoạch số 83-KH/TU. Mục đích & yêu cầu của Kế hoạch số 83-KH/TU. Bảng phân công. ${t('purpose.quiz')}`);
    expect(r.content).not.toMatch(/đáp án|Ghi chú|Câu hỏi/);
    expect(r.meta).toEqual({ title: 'Kiểm tra: Kế hoạch số 83-KH/TU', captions: 'Bảng phân công', number: '83-KH/TU' });
    expect(r.filters).toEqual({ loai: ['trang'], ve_van_ban: ['83-KH/TU'] });
  });

  it('lists the h2 parts a link may open, on the pages whose parts are shown (round 4, round 7)', () => {
    const html = QUIZ.replace('</ol>', '</ol><h2 id="bang-phan-cong">Bảng phân công theo <b>cơ quan</b></h2><h2 id="moc">Mốc thời hạn</h2><h2>Không có id</h2>');
    expect(purposeRecord(html, '/van-ban/phan-cong/', [])!.filters.phan_trang).toEqual(['bang-phan-cong=Bảng phân công theo cơ quan', 'moc=Mốc thời hạn']);
    expect(purposeRecord(html, '/hoc-tap/01-x/tai-lieu/', [])!.filters.phan_trang).toContain('moc=Mốc thời hạn');
    // The trainer page's results are hidden until there are some: no link opens them.
    const trainer = QUIZ.replace('</ol>', '</ol><section><h2 id="ma-xac-nhan">Kiểm tra mã</h2></section><section hidden><h2 id="tu-choi">Mã bị từ chối</h2></section>');
    expect(purposeRecord(trainer, '/giang-vien/', [])!.filters.phan_trang).toEqual(['ma-xac-nhan=Kiểm tra mã']);
    // A heading that labels its section opens at the section (round 8: the home page's offline part).
    const labelled = QUIZ.replace('</ol>', '</ol><section id="luu-offline" aria-labelledby="luu-offline-title"><h2 id="luu-offline-title">Lưu để đọc offline</h2></section>');
    expect(purposeRecord(labelled, '/', [])!.filters.phan_trang).toEqual(['luu-offline=Lưu để đọc offline']);
    // Labelled by it among other ids, and not by an id that only starts like it.
    const among = QUIZ.replace('</ol>', '</ol><div id="gan" aria-labelledby="luu-offline-title-2"></div><section id="luu" aria-labelledby="x luu-offline-title"><h2 id="luu-offline-title">Lưu để đọc offline</h2></section>');
    expect(purposeRecord(among, '/', [])!.filters.phan_trang).toEqual(['luu=Lưu để đọc offline']);
    expect(purposeRecord(html, '/kiem-tra/tien-do/', [])!.filters.phan_trang).toBeUndefined();
    // The quiz's self-study part is always shown.
    expect(purposeRecord(html, '/kiem-tra/x/', [])!.filters.phan_trang).toContain('moc=Mốc thời hạn');
    // Not metadata: Pagefind searches metadata, and the headings would change how the record scores.
    expect(purposeRecord(html, '/van-ban/phan-cong/', [])!.meta).not.toHaveProperty('sections');
  });
  it('carries the anchor of the element an h3 heads, so a link may open one deadline (round 7)', () => {
    const html = QUIZ.replace('</ol>', '</ol><h2 id="moc">Các mốc thời hạn</h2><ol><li id="han-10-2019"><h3>tháng 10/2019</h3><ul><li>Ban Tuyên giáo</li></ul></li><li><h3>Hằng năm</h3></li><li id="han-2020" hidden></li></ol>');
    expect(purposeRecord(html, '/van-ban/phan-cong/', [])!.filters.phan_trang).toEqual(['moc=Các mốc thời hạn | han-10-2019=tháng 10/2019 | Hằng năm']);
  });
  it("gives the timeline the dates of the texts it lists, and the home page its offline part without the site's title (round 7)", () => {
    const timeline = QUIZ.replace('</ol>', '</ol><ol><li><time datetime="2024-03-12">12/3/2024</time></li><li><time datetime="2025-12-12">12/12/2025</time></li></ol>');
    expect(purposeRecord(timeline, '/van-ban/dong-thoi-gian/', [])!.filters.ngay_ban_hanh).toEqual(['2024-03-12', '2025-12-12']);
    expect(purposeRecord(timeline, '/van-ban/phan-cong/', [])!.filters.ngay_ban_hanh).toBeUndefined();
    const home = QUIZ.replace('</ol>', '</ol><section><h2 id="luu-offline-title">Lưu để đọc offline</h2></section>');
    const record = purposeRecord(home, '/', [])!;
    expect(record.filters.phan_trang).toEqual(['luu-offline-title=Lưu để đọc offline']);
    expect(record.content).toContain('offline');
    expect(record.content).not.toContain(record.meta.title!);
  });
  it("counts a document's own poster as the document's page, not a session's poster that names it", () => {
    const poster = (title: string) => QUIZ.replace('<head>', `<head><title>${title} | Trí thức Điện Biên</title>`);
    expect(purposeRecord(poster('Áp phích: Nghị quyết 45-NQ/TW'), '/van-ban/nghi-quyet-45-nq-tw/ap-phich/', ['45-NQ/TW'])!.filters).toMatchObject({ van_ban: ['45-NQ/TW'], ve_van_ban: ['45-NQ/TW'] });
    const session = purposeRecord(poster('Áp phích: Từ 52-KL/TW đến 45-NQ/TW'), '/hoc-tap/04-x/ap-phich/', ['52-KL/TW', '45-NQ/TW'])!.filters;
    expect(session.van_ban).toBeUndefined();
    expect(session.ve_van_ban).toEqual(['52-KL/TW', '45-NQ/TW']);
  });

  it('says what each kind of purpose page is for, in the words people use', () => {
    const record = (url: string) => purposeRecord(QUIZ, url, [])!.content;
    expect(record('/hoc-tap/01-x/trinh-chieu/')).toContain('slide');
    expect(record('/hoc-tap/01-x/tai-lieu/')).toContain('Tài liệu in');
    expect(record('/giang-vien/')).toContain('tra mã');
    expect(record('/kiem-tra/tien-do/')).toContain('đã học tới đâu');
  });

  it('skips a page without an h1', () => {
    expect(purposeRecord('<html><body><p>x</p></body></html>', '/giang-vien/', [])).toBeNull();
  });

  it('adds quiz, deck and table pages as custom records next to the reading pages, and leaves other pages out', async () => {
    const dir = await site({
      'van-ban/ke-hoach/index.html': PAGE.replace('<p>x</p>', '<p>x</p><span hidden data-pagefind-filter="van_ban:83-KH/TU"></span>'),
      'kiem-tra/01-ke-hoach/index.html': QUIZ,
      'hoc-tap/01/trinh-chieu/index.html': QUIZ.replace('Kiểm tra:', 'Trình chiếu:'),
      'van-ban/phan-cong/index.html': QUIZ.replace('Kiểm tra:', 'Phân công thực hiện'),
      'tim-kiem/index.html': QUIZ.replace('Kiểm tra:', 'Tìm kiếm'),
      'hoc-tap/02-nghi-quyet/ap-phich/index.html': QUIZ.replace('Kiểm tra:', 'Nghị quyết').replace('<head>', '<head><title>Áp phích: Nghị quyết | Trí thức Điện Biên</title>'),
      'gioi-thieu/index.html': QUIZ.replace('Kiểm tra:', 'Giới thiệu'),
      '404.html': QUIZ.replace('Kiểm tra:', 'Không thấy'),
    });
    await buildSearchIndex({ siteDir: dir, log: () => {} });
    const custom = state.calls.filter((c) => c.startsWith('addCustomRecord')).map((c) => c.split(' ')[1]);
    expect(custom.sort()).toEqual(['/hoc-tap/01/trinh-chieu/', '/hoc-tap/02-nghi-quyet/ap-phich/', '/kiem-tra/01-ke-hoach/', '/tim-kiem/', '/van-ban/phan-cong/']);
    expect(state.calls.find((c) => c.includes('/kiem-tra/01-ke-hoach/'))).toContain('"ve_van_ban":["83-KH/TU"]');
    // A study session's pages carry its number; a poster's result is titled as the poster.
    expect(state.calls.find((c) => c.includes('/kiem-tra/01-ke-hoach/'))).toContain('"chuyen_de":["1"]');
    const poster = state.calls.find((c) => c.includes('/hoc-tap/02-nghi-quyet/ap-phich/'))!;
    expect(poster).toContain('"chuyen_de":["2"]');
    expect(poster).toContain('/hoc-tap/02-nghi-quyet/ap-phich/ Áp phích: Nghị quyết.');
  });
});
