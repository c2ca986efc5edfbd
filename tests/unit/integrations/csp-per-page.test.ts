import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { prunePage } from '../../../src/integrations/csp-per-page.ts';

const sha = (t: string) => `'sha256-${createHash('sha256').update(t).digest('base64')}'`;

describe('csp-per-page', () => {
  it("keeps only the hashes of the page's own inline scripts and styles, and the directives", () => {
    const css = 'p{color:red}';
    const js = 'console.log(1)';
    const other = sha('elsewhere');
    const policy = `default-src 'self'; script-src 'self' ${sha(js)} ${other}; style-src 'self' ${other} ${sha(css)};`;
    const html = `<meta http-equiv="content-security-policy" content="${policy}"><style>${css}</style><script type="module">${js}</script><script type="module" src="/a.js"></script>`;
    const out = /content="([^"]*)"/.exec(prunePage(html))![1];
    expect(out).toBe(`default-src 'self'; script-src 'self' ${sha(js)}; style-src 'self' ${sha(css)};`);
    expect(out).not.toContain(other);
  });
  it('leaves a page without a CSP meta unchanged', () => {
    expect(prunePage('<p>x</p>')).toBe('<p>x</p>');
  });
});
