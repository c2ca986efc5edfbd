/**
 * The W3C Nu HTML Checker (vnu.jar from the `vnu-jar` npm package, run with Debian's Java) over every built
 * page: a second, independent validator next to html-validate (tests/dist/integrity.test.ts), which checks
 * the HTML parser's view of the page and ARIA-in-HTML rules that html-validate does not. 0 errors allowed;
 * departures, if any, are listed in docs/HTML-VALIDATION.md. One Java run checks all pages.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { distDir, distPages } from '../../scripts/lib/dist.ts';

interface NuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url?: string;
  lastLine?: number;
  firstColumn?: number;
  message: string;
  extract?: string;
}

const pages = distPages();

/**
 * Departures (docs/HTML-VALIDATION.md): since stylesheets are inlined, the checker also reads the CSS in
 * <style>, with a CSS parser older than the CSS we ship. These messages are about valid modern CSS it
 * does not know, each matched exactly: container query units (cqh, cqw) and `container-type` (CSS
 * Containment 3, the deck's slide scaling). Every other CSS message still fails. (Tailwind's `@property`
 * rules and its `margin-trim` feature test went with its utilities, which the site does not use.)
 */
const KNOWN_CSS_GAPS = [
  /^CSS: “[a-z-]+”: Unknown dimension\.$/,
  /^CSS: “(container-type)”: Property “\1” doesn't exist\.$/,
];
/** An "Unknown dimension" is a departure only for container query units. */
const isKnownCssGap = (m: NuMessage) =>
  KNOWN_CSS_GAPS.some((re) => re.test(m.message)) &&
  (!/Unknown dimension/.test(m.message) || /\d(cqh|cqw|cqi|cqb|cqmin|cqmax)\b/.test(m.extract ?? ''));
const jar = resolve('node_modules/vnu-jar/build/dist/vnu.jar');
const java = process.env.JAVA_PATH || 'java';

function runChecker(): { messages: NuMessage[]; failure?: string } {
  // --errors-only: warnings are advice, not departures. A deep stack: the checker recurses over long pages.
  const res = spawnSync(java, ['-Xss8m', '-jar', jar, '--format', 'json', '--errors-only', '--skip-non-html', distDir()], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (res.error) return { messages: [], failure: `cannot run ${java} (install default-jre-headless): ${res.error.message}` };
  try {
    return { messages: (JSON.parse(res.stderr) as { messages: NuMessage[] }).messages };
  } catch {
    return { messages: [], failure: `the Nu HTML Checker gave no report: ${res.stderr.slice(0, 500)}` };
  }
}

describe('Nu HTML Checker (vnu.jar)', () => {
  const { messages, failure } = runChecker();
  const byFile = new Map<string, string[]>();
  for (const m of messages.filter((x) => !isKnownCssGap(x))) {
    const file = m.url ? decodeURIComponent(new URL(m.url).pathname) : '(unknown)';
    const list = byFile.get(file) ?? [];
    list.push(`${m.lastLine ?? '?'}:${m.firstColumn ?? '?'} ${m.type}${m.subType ? `/${m.subType}` : ''}: ${m.message}`);
    byFile.set(file, list);
  }

  it('ran over the build', () => {
    expect(failure).toBeUndefined();
    expect(pages.length).toBeGreaterThan(10);
  });

  it.each(pages.map((p) => [p.path, p] as const))('%s: no errors', (_path, page) => {
    expect(byFile.get(resolve(page.file)) ?? []).toEqual([]);
  });

  it('reports nothing about files that are not pages of the build', () => {
    const known = new Set(pages.map((p) => resolve(p.file)));
    expect([...byFile.entries()].filter(([f]) => !known.has(f))).toEqual([]);
  });
});
