/**
 * The critical path of every built page (issue #11): what a slow phone must fetch before it can
 * paint. Stylesheets are inlined (astro.config.mjs build.inlineStylesheets), so no page waits on a
 * stylesheet request, and nothing in <head> blocks on the network. Every inline style and
 * script is allowed by the page's own CSP hash list (the strict policy has no 'unsafe-inline').
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { distPages } from '../../scripts/lib/dist.ts';

const pages = distPages();
const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('critical path', () => {
  it.each(pages.map((p) => [p.path, p] as const))('%s: at most one render-blocking stylesheet, nothing blocking in <head>', (_path, page) => {
    const head = page.html.slice(0, Math.max(0, page.html.indexOf('</head>')));
    const sheets = [...head.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*>/g)].filter((m) => !/\bmedia="print"/.test(m[0]));
    expect(sheets.map((m) => m[0]), page.path).toHaveLength(0);
    // Classic scripts with a src block the parser; modules and async/defer ones do not.
    const blocking = [...head.matchAll(/<script\b([^>]*)>/g)].filter((m) => /\bsrc=/.test(m[1]!) && !/type="module"|\basync\b|\bdefer\b/.test(m[1]!));
    expect(blocking.map((m) => m[0]), page.path).toEqual([]);
  });

  it('no page but the app pages (decks, presenter view, trainer page) requests a script before its first paint', () => {
    const eager = pages.filter((p) => /<html\b[^>]*\sdata-scripts="eager"/.test(p.html)).map((p) => p.path);
    expect(eager.length).toBeGreaterThan(0);
    for (const path of eager) expect(path).toMatch(/^\/(hoc-tap\/[^/]+\/(trinh-chieu|nguoi-trinh-bay)|giang-vien)\/$/);
    const early = pages.filter((p) => !eager.includes(p.path) && /<script type="module"/.test(p.html)).map((p) => p.path);
    expect(early).toEqual([]);
    const loaders = pages.filter((p) => p.html.includes('<script data-modules=')).length;
    expect(loaders).toBeGreaterThan(pages.length / 2);
  });

  it.each(pages.map((p) => [p.path, p] as const))('%s: every inline style and script has its hash in the CSP', (_path, page) => {
    const csp = /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(page.html)?.[1] ?? '';
    if (!csp) return; // pages without a policy (none today) are the CSP test's business
    const styleSrc = /style-src ([^;]*)/.exec(csp)?.[1] ?? '';
    const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
    const styles = [...page.html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
    const scripts = [...page.html.matchAll(/<script\b(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g)]
      .filter((m) => !/type="application\/(ld\+)?json"/.test(m[1]!))
      .map((m) => m[2]!);
    expect(styles.filter((s) => !styleSrc.includes(sha(s))).map((s) => s.slice(0, 60)), `${page.path} style-src`).toEqual([]);
    expect(scripts.filter((s) => !scriptSrc.includes(sha(s))).map((s) => s.slice(0, 60)), `${page.path} script-src`).toEqual([]);
  });
});
