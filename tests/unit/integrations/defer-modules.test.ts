import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { deferModules, deferModuleScripts, LOADER, LOADER_HASH } from '../../../src/integrations/defer-modules.ts';
import { builtModules, staticDependencies, staticImports } from '../../../src/integrations/module-graph.ts';

const policy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self';";
const page = (body: string) => `<html><head><meta http-equiv="content-security-policy" content="${policy}"></head><body>${body}</body></html>`;

describe('defer-modules', () => {
  it('replaces every module script with one loader listing them in order, and allows the loader by hash', () => {
    const out = deferModules(page('<script type="module" src="/_astro/a.js"></script><p>x</p><script type="module" src="/_astro/b.js"></script>'));
    expect(out).toContain(`<script data-modules="/_astro/a.js /_astro/b.js">${LOADER}</script><p>x</p></body>`);
    expect(out).not.toContain('<script type="module"');
    expect(LOADER_HASH).toBe(`'sha256-${createHash('sha256').update(LOADER).digest('base64')}'`);
    expect(/script-src ([^;]*)/.exec(out)![1]).toBe(`'self' 'wasm-unsafe-eval' ${LOADER_HASH}`);
  });
  it('lists a module once when two components load the same one', () => {
    const out = deferModules(page('<script type="module" src="/a.js"></script><script type="module" src="/a.js"></script>'));
    expect(out).toContain('data-modules="/a.js"');
  });
  it('leaves pages without module scripts, and inline or JSON scripts, alone', () => {
    const html = page('<script type="application/json">{"a":1}</script><script type="module">x()</script>');
    expect(deferModules(html)).toBe(html);
  });
  it('refuses a script URL it could not put in an attribute safely', () => {
    expect(() => deferModules(page('<script type="module" src="/a b.js"></script>'))).toThrow(/unexpected script URL/);
  });

  /** Runs the loader in a fake document and returns what it did. */
  function run(visibility: 'visible' | 'hidden', paintSupported = true, list = '/a.js /b.js') {
    const appended: { tag: string; src?: string; type?: string; onload?: () => void; onerror?: () => void }[] = [];
    const timers: (() => void)[] = [];
    let observer: ((list: { getEntriesByName(n: string): unknown[] }) => void) | undefined;
    const html: { modules?: string } = {}; // <html>'s dataset
    const listeners: Record<string, () => void> = {};
    const window: { ttSettle?: Promise<unknown>[] } = {};
    const document = {
      hidden: visibility === 'hidden',
      currentScript: { dataset: { modules: list } },
      addEventListener: (type: string, f: () => void) => (listeners[type] = f),
      documentElement: { dataset: html },
      createElement: (tag: string) => ({ tag }),
      head: { append: (e: (typeof appended)[number]) => appended.push(e) },
    };
    class PerformanceObserver {
      constructor(cb: typeof observer) {
        observer = cb;
      }
      observe() {
        if (!paintSupported) observer = undefined;
      }
    }
    runInNewContext(LOADER, { document, window, PerformanceObserver, setTimeout: (f: () => void) => timers.push(f) });
    return { appended, timers, html, window, listeners, paint: () => observer?.({ getEntriesByName: (n) => (n === 'first-contentful-paint' ? [{}] : []) }) };
  }

  /** Lets every pending promise callback run. */
  const flush = () => new Promise((r) => setImmediate(r));

  it('starts the modules only after the first contentful paint, and marks the page ready when all have run', async () => {
    const r = run('visible');
    expect(r.appended).toEqual([]);
    r.paint();
    r.timers.at(-1)!();
    expect(r.appended.map((e) => [e.tag, e.type, e.src])).toEqual([['script', 'module', '/a.js'], ['script', 'module', '/b.js']]);
    r.timers[0]!(); // the 3 s fallback finds them started and does nothing
    expect(r.appended).toHaveLength(2);
    r.appended[0]!.onload!();
    expect(r.html.modules).toBeUndefined();
    r.appended[1]!.onload!();
    await flush();
    expect(r.html.modules).toBe('ready');
  });
  it('waits for the first-state work the modules registered, and for work registered meanwhile', async () => {
    const r = run('hidden');
    let endFirst!: () => void;
    let endSecond!: () => void;
    r.window.ttSettle = [new Promise<void>((d) => (endFirst = d)), Promise.reject(new Error('a failed stylesheet still settles'))];
    r.appended[0]!.onload!();
    r.appended[1]!.onerror!(); // a module that failed counts as done
    await flush();
    expect(r.html.modules).toBeUndefined();
    r.window.ttSettle.push(new Promise<void>((d) => (endSecond = d)));
    endFirst();
    await flush();
    expect(r.html.modules).toBeUndefined();
    endSecond();
    await flush();
    expect(r.html.modules).toBe('ready');
  });
  it('on a page that keeps its module scripts (empty list), starts nothing and declares ready after DOMContentLoaded', async () => {
    const r = run('visible', true, '');
    r.paint();
    for (const t of r.timers) t();
    expect(r.appended).toEqual([]);
    await flush();
    expect(r.html.modules).toBeUndefined();
    r.listeners.DOMContentLoaded!();
    await flush();
    expect(r.html.modules).toBe('ready');
  });
  it('loads at once in a hidden tab, and after 3 s where paint timing is missing', () => {
    expect(run('hidden').appended).toHaveLength(2);
    const r = run('visible', false);
    expect(r.appended).toEqual([]);
    r.timers[0]!();
    expect(r.appended).toHaveLength(2);
  });
});

describe('defer-modules opt-out', () => {
  it('leaves the module scripts of a page marked data-scripts="eager" as they are, with the loader before them to declare readiness', () => {
    const html = '<html lang="vi" data-scripts="eager"><head><script type="module" src="/a.js"></script><script type="module" src="/b.js"></script></head></html>';
    expect(deferModules(html)).toBe(
      `<html lang="vi" data-scripts="eager"><head><script data-modules="">${LOADER}</script><script type="module" src="/a.js"></script><script type="module" src="/b.js"></script></head></html>`,
    );
  });
});

describe('defer-modules static imports', () => {
  const entries = '<script type="module" src="/_astro/a.js"></script><script type="module" src="/_astro/b.js"></script>';
  it('lists the static imports of the entries after them, each once, and asks once for all entries', () => {
    const asked: string[][] = [];
    const out = deferModules(page(entries + '<script type="module" src="/_astro/a.js"></script>'), (e) => {
      asked.push(e);
      return ['/_astro/dep.js', '/_astro/b.js', '/_astro/deep.js'];
    });
    expect(asked).toEqual([['/_astro/a.js', '/_astro/b.js']]);
    expect(out).toContain(`<script data-modules="/_astro/a.js /_astro/b.js /_astro/dep.js /_astro/deep.js">${LOADER}</script></body>`);
  });
  it('lists the entries alone when they import nothing', () => {
    expect(deferModules(page(entries), () => [])).toContain(`<script data-modules="/_astro/a.js /_astro/b.js">${LOADER}</script>`);
  });
  it('follows the kept module scripts of a page marked data-scripts="eager" with modulepreload links', () => {
    const html = `<html data-scripts="eager"><head>${entries}<title>x</title></head></html>`;
    expect(deferModules(html, () => ['/_astro/dep.js'])).toBe(
      `<html data-scripts="eager"><head><script data-modules="">${LOADER}</script>${entries}<link rel="modulepreload" href="/_astro/dep.js"><title>x</title></head></html>`,
    );
  });
  it('refuses a dependency URL it could not put in an attribute safely', () => {
    expect(() => deferModules(page(entries), () => ['/_astro/a"b.js'])).toThrow(/unexpected script URL in \/_astro\/a"b\.js/);
  });
});

describe('module graph', () => {
  it('finds static imports and re-exports as URLs, not dynamic import() calls, nor imports inside strings and comments', () => {
    const src =
      'const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["_astro/lazy.js","_astro/c.js"])))=>i.map(i=>d[i]);' +
      'import{t as e}from"./c.js";import"./side.js";export*from"./re.js";import{x}from"./c.js";' +
      'var s="import \\"./in-string.js\\"";/* import "./in-comment.js" */' +
      'e(()=>import(`./lazy.js`),__vite__mapDeps([0,1]));import("./lazy2.js");var r=/import"x"/;';
    expect(staticImports(src, '/_astro/a.js')).toEqual(['/_astro/c.js', '/_astro/side.js', '/_astro/re.js']);
  });
  it('resolves imports against the importing file, under a base path', () => {
    expect(staticImports('import"./b.js";import"../x/c.js";import"/abs.js";import"https://other.example/d.js";', '/sub/_astro/a.js')).toEqual([
      '/sub/_astro/b.js',
      '/sub/x/c.js',
      '/abs.js',
    ]);
  });

  const graph: Record<string, string> = {
    '/_astro/entry.js': 'import{a}from"./shared.js";import"./only-entry.js";const l=()=>import("./lazy.js");',
    '/_astro/other.js': 'import{a}from"./shared.js";',
    '/_astro/shared.js': 'import"./deep.js";export const a=1;',
    '/_astro/deep.js': 'import"./shared.js";import"./deeper.js";', // a cycle with shared.js
    '/_astro/deeper.js': '',
    '/_astro/only-entry.js': '',
    '/_astro/lazy.js': 'import"./lazy-dep.js";',
  };
  const read = (url: string) => {
    if (!(url in graph)) throw new Error(`read ${url}`);
    return graph[url]!;
  };
  it('lists every static dependency once, nested ones and cycles included, breadth first, and nothing only dynamically imported', () => {
    expect(staticDependencies(['/_astro/entry.js', '/_astro/other.js'], read)).toEqual([
      '/_astro/shared.js',
      '/_astro/only-entry.js',
      '/_astro/deep.js',
      '/_astro/deeper.js',
    ]);
  });
  it('leaves out an entry that another entry imports, and walks a cycle through the entries once', () => {
    const cyclic = { '/a.js': 'import"./b.js";import"./c.js";', '/b.js': 'import"./a.js";', '/c.js': 'import"./a.js";' } as Record<string, string>;
    expect(staticDependencies(['/a.js', '/b.js'], (u) => cyclic[u]!)).toEqual(['/c.js']);
  });

  /** A built site in a temporary folder: files by path under the output folder. */
  function site(files: Record<string, string>): string {
    const root = mkdtempSync(join(tmpdir(), 'module-graph-'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    return root;
  }
  it('reads modules from the output folder under a base path, with or without its slashes', () => {
    const root = site({ '_astro/a.js': 'A' });
    for (const base of ['/sub/', '/sub', 'sub/']) expect(builtModules(root, base)('/sub/_astro/a.js')).toBe('A');
    expect(builtModules(root, '/')('/_astro/a.js')).toBe('A');
    expect(() => builtModules(root, '/sub/')('/_astro/a.js')).toThrow(/\/_astro\/a\.js lies outside the base path \/sub\//);
  });
  it('fails the build naming the page and the file when a statically imported script is missing', () => {
    const root = site({ '_astro/a.js': 'import"./gone.js";' });
    const step = deferModuleScripts('/sub/');
    step.start!(root);
    expect(() => step.rewrite(page('<script type="module" src="/sub/_astro/a.js"></script>'), '/x/')).toThrow(
      new RegExp(`page /x/: .*cannot read the built script ${join(root, '_astro/gone.js').replace(/[/.]/g, '\\$&')}`),
    );
  });
  it('rewrites a page of a site built under a base path with the static imports read from its scripts', () => {
    const root = site({
      '_astro/a.js': 'import{t}from"./shared.js";const l=()=>import("./lazy.js");',
      '_astro/shared.js': 'import"./deep.js";',
      '_astro/deep.js': '',
    });
    const step = deferModuleScripts('/sub/');
    step.start!(root);
    expect(step.rewrite(page('<script type="module" src="/sub/_astro/a.js"></script>'), '/x/')).toContain(
      `<script data-modules="/sub/_astro/a.js /sub/_astro/shared.js /sub/_astro/deep.js">${LOADER}</script>`,
    );
  });
});
