import { createHash } from 'node:crypto';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { deferModules, LOADER, LOADER_HASH } from '../../../src/integrations/defer-modules.ts';

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
    const appended: { src: string; type: string; onload?: () => void }[] = [];
    const timers: (() => void)[] = [];
    let observer: ((list: { getEntriesByName(n: string): unknown[] }) => void) | undefined;
    const attrs: Record<string, string> = {};
    const listeners: Record<string, () => void> = {};
    const window: { ttSettle?: Promise<unknown>[] } = {};
    const document = {
      visibilityState: visibility,
      currentScript: { getAttribute: () => list },
      addEventListener: (type: string, f: () => void) => (listeners[type] = f),
      documentElement: { setAttribute: (k: string, v: string) => (attrs[k] = v) },
      createElement: () => ({}) as { src: string; type: string },
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
    return { appended, timers, attrs, window, listeners, paint: () => observer?.({ getEntriesByName: (n) => (n === 'first-contentful-paint' ? [{}] : []) }) };
  }

  /** Lets every pending promise callback run. */
  const flush = () => new Promise((r) => setImmediate(r));

  it('starts the modules only after the first contentful paint, and marks the page ready when all have run', async () => {
    const r = run('visible');
    expect(r.appended).toEqual([]);
    r.paint();
    r.timers.at(-1)!();
    expect(r.appended.map((e) => [e.type, e.src])).toEqual([['module', '/a.js'], ['module', '/b.js']]);
    r.timers[0]!(); // the 3 s fallback finds them started and does nothing
    expect(r.appended).toHaveLength(2);
    r.appended[0]!.onload!();
    expect(r.attrs['data-modules']).toBeUndefined();
    r.appended[1]!.onload!();
    await flush();
    expect(r.attrs['data-modules']).toBe('ready');
  });
  it('waits for the first-state work the modules registered, and for work registered meanwhile', async () => {
    const r = run('hidden');
    let endFirst!: () => void;
    let endSecond!: () => void;
    r.window.ttSettle = [new Promise<void>((d) => (endFirst = d)), Promise.reject(new Error('a failed stylesheet still settles'))];
    r.appended[0]!.onload!();
    r.appended[1]!.onload!();
    await flush();
    expect(r.attrs['data-modules']).toBeUndefined();
    r.window.ttSettle.push(new Promise<void>((d) => (endSecond = d)));
    endFirst();
    await flush();
    expect(r.attrs['data-modules']).toBeUndefined();
    endSecond();
    await flush();
    expect(r.attrs['data-modules']).toBe('ready');
  });
  it('on a page that keeps its module scripts (empty list), starts nothing and declares ready after DOMContentLoaded', async () => {
    const r = run('visible', true, '');
    r.paint();
    for (const t of r.timers) t();
    expect(r.appended).toEqual([]);
    await flush();
    expect(r.attrs['data-modules']).toBeUndefined();
    r.listeners.DOMContentLoaded!();
    await flush();
    expect(r.attrs['data-modules']).toBe('ready');
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
