import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtemp, mkdir, writeFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const state = vi.hoisted(() => ({ pageCount: 1, addErrors: [] as string[], calls: [] as string[] }));

vi.mock('pagefind', () => ({
  createIndex: async (config: unknown) => {
    state.calls.push(`createIndex ${JSON.stringify(config)}`);
    return {
      errors: [],
      index: {
        addDirectory: async ({ path }: { path: string }) => {
          state.calls.push(`addDirectory ${path}`);
          return { errors: state.addErrors, page_count: state.pageCount };
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

const { buildSearchIndex, versionAtLeast } = await import('../../../scripts/lib/pagefind.ts');

afterEach(() => {
  state.pageCount = 1;
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
  it('indexes the site as Vietnamese, writes the bundle, drops the unused UI files, closes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pf-'));
    const report = await buildSearchIndex({ siteDir: dir, log: () => {} });
    expect(report.pages).toBe(1);
    expect(state.calls[0]).toContain('"forceLanguage":"vi"');
    expect(state.calls.at(-1)).toBe('close');
    expect((await readdir(join(dir, 'pagefind'))).sort()).toEqual(['pagefind.js', 'wasm.unknown.pagefind']);
  });
  it('fails when Pagefind reports errors, and still closes', async () => {
    state.addErrors = ['bad html'];
    const dir = await mkdtemp(join(tmpdir(), 'pf-'));
    await expect(buildSearchIndex({ siteDir: dir, log: () => {} })).rejects.toThrow('bad html');
    expect(state.calls.at(-1)).toBe('close');
  });
  it('fails when no page was indexed', async () => {
    state.pageCount = 0;
    const dir = await mkdtemp(join(tmpdir(), 'pf-'));
    await expect(buildSearchIndex({ siteDir: dir, log: () => {} })).rejects.toThrow('no page');
  });
});
