import { describe, expect, it } from 'vitest';
import { siteWideHeaders } from '../../../scripts/lib/static-server.ts';

describe('siteWideHeaders', () => {
  it('reads only the /* block', () => {
    const text = `# comment\n/*\n  X-Content-Type-Options: nosniff\n  Content-Security-Policy: frame-ancestors 'none'\n/sw.js\n  Cache-Control: no-cache\n`;
    expect(siteWideHeaders(text)).toEqual({
      'x-content-type-options': 'nosniff',
      'content-security-policy': "frame-ancestors 'none'",
    });
  });
  it('reads the project file', async () => {
    const { readFileSync } = await import('node:fs');
    const h = siteWideHeaders(readFileSync('public/_headers', 'utf8'));
    for (const k of ['content-security-policy', 'strict-transport-security', 'x-content-type-options', 'referrer-policy', 'permissions-policy']) {
      expect(h[k], k).toBeTruthy();
    }
    expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(h['content-security-policy']).not.toContain('unsafe-inline');
  });
});
