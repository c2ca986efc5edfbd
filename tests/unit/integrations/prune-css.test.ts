import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pruneCss, prunePageCss, requiredClasses, scriptTokens } from '../../../src/integrations/prune-css.ts';

const sha = (t: string) => `'sha256-${createHash('sha256').update(t).digest('base64')}'`;
const none = () => false;

describe('prune-css', () => {
  it('needs the classes outside :not/:is/:where/:has only', () => {
    expect(requiredClasses('.a .b>p')).toEqual(['a', 'b']);
    expect(requiredClasses('a:not(.btn)')).toEqual([]);
    expect(requiredClasses('.x:is(.y,.z) :where(.w)')).toEqual(['x']);
    expect(requiredClasses('.provision:has(>.provision-heading:target)')).toEqual(['provision']);
    expect(requiredClasses('.md\\:flex')).toBeNull();
  });
  it('drops a rule only when every selector needs an absent class; keeps element rules and keyframes', () => {
    const css = '.a{color:red}.b,.c{color:blue}.d{x:1}p{margin:0}a:not(.gone){y:1}@keyframes k{0%{opacity:0}}';
    const out = pruneCss(css, (c) => c === 'a' || c === 'c');
    expect(out).toBe('.a{color:red}.b,.c{color:blue}p{margin:0}a:not(.gone){y:1}@keyframes k{0%{opacity:0}}');
  });
  it('removes at-rule blocks left empty, nested too, but not @layer statements', () => {
    const css = '@layer base;@media print{@supports (x:y){.gone{a:b}}}@layer c{.gone{a:b}}.keep{a:b}';
    expect(pruneCss(css, (c) => c === 'keep')).toBe('@layer base;.keep{a:b}');
  });
  it('keeps the rules for classes a script may add, and swaps the CSP hash of the pruned style', () => {
    const css = '.here{a:b}.later{c:d}.never{e:f}';
    const html = `<meta http-equiv="content-security-policy" content="style-src 'self' ${sha(css)};"><style>${css}</style><p class="here">x</p>`;
    const tokens = scriptTokens('el.className = "later"; const never_used = 1;');
    const originals: string[] = [];
    const out = prunePageCss(html, (c) => tokens.has(c), originals);
    expect(out).toContain('<style>.here{a:b}.later{c:d}</style>');
    expect(out).toContain(sha('.here{a:b}.later{c:d}'));
    expect(out).not.toContain(sha(css));
    expect(originals).toEqual([css]);
  });
  it('leaves a page whose every rule is used unchanged', () => {
    const html = '<style>.a{b:c}</style><i class="a"></i>';
    expect(prunePageCss(html, none)).toBe(html);
  });
});
