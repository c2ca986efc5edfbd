import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtemp, mkdir, writeFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const state = vi.hoisted(() => ({ addErrors: [] as string[], calls: [] as string[] }));

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
        writeFiles: async ({ outputPath }: { outputPath: string }) => {
          state.calls.push('writeFiles');
          await mkdir(outputPath, { recursive: true });
          for (const f of ['pagefind.js', 'pagefind-ui.js', 'pagefind-highlight.js', 'wasm.unknown.pagefind']) await writeFile(join(outputPath, f), 'x');
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

const { buildSearchIndex, versionAtLeast, prepareHtml, urlOf } = await import('../../../scripts/lib/pagefind.ts');

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
    expect((await readdir(join(dir, 'pagefind'))).sort()).toEqual(['pagefind.js', 'wasm.unknown.pagefind']);
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
});

describe('urlOf', () => {
  it('maps files to site URLs', () => {
    expect(urlOf('van-ban/a/index.html')).toBe('/van-ban/a/');
    expect(urlOf('index.html')).toBe('/');
    expect(urlOf('404.html')).toBe('/404.html');
  });
});
