import { describe, expect, it } from 'vitest';
import { DEFAULT_PUBLISHER, readSiteConfig } from '../../../src/site.config.ts';

describe('site configuration', () => {
  it('defaults are neutral: a local address, no claim that a Party or state body runs the site, no contact', () => {
    const c = readSiteConfig({});
    expect(c.url).toBe('http://localhost:4321');
    expect(c.publisher).toBe(DEFAULT_PUBLISHER);
    expect(c.publisher).not.toMatch(/do Tỉnh ủy|Tỉnh ủy Điện Biên tổ chức/);
    expect(c.publisher).toContain('không phải cổng thông tin');
    expect(c.contact).toBeUndefined();
  });
  it('the environment overrides each field', () => {
    const c = readSiteConfig({ SITE_URL: 'https://example.org', SITE_PUBLISHER: 'Nhóm biên tập X', SITE_CONTACT: 'lienhe@example.org' });
    expect(c).toEqual({ url: 'https://example.org', publisher: 'Nhóm biên tập X', contact: 'lienhe@example.org' });
  });
  it('a bad SITE_URL fails with a clear message', () => {
    expect(() => readSiteConfig({ SITE_URL: 'javascript:alert(1)' })).toThrow(/SITE_URL/);
  });
});
