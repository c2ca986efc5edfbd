/**
 * Page-weight budgets over dist/ (gzip): the numbers a cadre on a slow mountain connection pays.
 * Failures name the page and its bytes.
 */
import { describe, expect, it } from 'vitest';
import { distFiles, distPages, pageWeight } from '../../scripts/lib/dist.ts';
import type { DistPage, PageWeight } from '../../scripts/lib/dist.ts';

const KB = 1024;
const pages = distPages();

/** Budget (HTML+CSS+JS without fonts) for a page, by its route. */
function budgetFor(path: string): { name: string; bytes: number } {
  if (path === '/van-ban/ke-hoach-83-kh-tu/') return { name: 'plan page', bytes: 20 * KB };
  if (/^\/hoc-tap\/[^/]+\/trinh-chieu\/$/.test(path) || /^\/hoc-tap\/[^/]+\/nguoi-trinh-bay\/$/.test(path)) return { name: 'deck page', bytes: 40 * KB };
  if (/^\/kiem-tra\/[^/]+\/$/.test(path)) return { name: 'quiz page', bytes: 40 * KB };
  if (/^\/(van-ban|hoc-tap)\/[^/]+\/$/.test(path)) return { name: 'document/study page', bytes: 30 * KB };
  return { name: 'page', bytes: 150 * KB };
}

const report = (p: DistPage, w: PageWeight) =>
  `${p.path}: total ${w.total} B gzip (html ${w.html}, css ${w.css}, js ${w.js}, inline js ${w.inlineJs}, fonts ${w.fonts})`;

describe('page weight budgets', () => {
  it('finds the pages', () => {
    expect(pages.map((p) => p.path)).toContain('/van-ban/ke-hoach-83-kh-tu/');
  });

  // Since #11 the plan page runs no script before its first paint but the defer-modules loader (inline);
  // its modules start after the paint. Both budgets hold: before the paint, and before any interaction.
  it('keeps the plan page ≤ 20 KB, ≤ 0.5 KB of JavaScript before its first paint and ≤ 4 KB before any interaction', () => {
    const plan = pages.find((p) => p.path === '/van-ban/ke-hoach-83-kh-tu/')!;
    const w = pageWeight(plan);
    console.log(report(plan, w));
    expect(w.total - w.fonts, report(plan, w)).toBeLessThanOrEqual(20 * KB);
    expect(plan.html, 'no module script is requested before the first paint').not.toMatch(/<script type="module"/);
    expect(w.inlineJs, report(plan, w)).toBeLessThanOrEqual(KB / 2);
    expect(w.js + w.inlineJs, report(plan, w)).toBeLessThanOrEqual(4 * KB);
    // The first TCP flight is 10 segments (14,600 B) with the response headers (~750 B with the security
    // headers of public/_headers): past it, the first paint waits one more round trip (#11).
    expect(w.html, `plan HTML must fit the first TCP flight: ${report(plan, w)}`).toBeLessThanOrEqual(13_850);
  });

  it.each(pages.map((p) => [p.path, p] as const))('%s stays within its budget', (_path, page) => {
    const w = pageWeight(page);
    const budget = budgetFor(page.path);
    expect(w.total - w.fonts, `${budget.name} over ${budget.bytes} B: ${report(page, w)}`).toBeLessThanOrEqual(budget.bytes);
    expect(w.total, `over 150 KB with fonts: ${report(page, w)}`).toBeLessThanOrEqual(150 * KB);
  });

  it('ships at most 2 font files', () => {
    const fonts = distFiles().filter((f) => /\.(woff2?|ttf|otf)$/.test(f));
    expect(fonts.length, fonts.join(', ')).toBeLessThanOrEqual(2);
  });
});
