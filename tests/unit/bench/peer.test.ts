import { describe, expect, it } from 'vitest';
import { planMarkdown } from '../../../scripts/bench/peer.ts';

describe('planMarkdown (the Starlight peer gets the same plan text)', () => {
  const text = 'TỈNH ỦY *\n-----\nI- MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nTiếp tục phát triển <nhanh> đội ngũ_trí thức [a].\n- gạch đầu dòng\n';
  const md = planMarkdown(text);
  it('keeps every paragraph, escaping Markdown syntax instead of altering the text', () => {
    expect(md).toContain('Tiếp tục phát triển \\<nhanh\\> đội ngũ\\_trí thức \\[a\\].');
    expect(md).toContain('TỈNH ỦY \\*');
    expect(md).toContain('\\- gạch đầu dòng');
    expect(md).toContain('\n\\-----\n');
  });
  it('makes the part and item lines headings, as our page has them', () => {
    expect(md).toContain('## I- MỤC ĐÍCH, YÊU CẦU');
    expect(md).toContain('### 1. Mục đích');
  });
  it('has front matter with the title', () => {
    expect(md.startsWith('---\ntitle: Kế hoạch số 83-KH/TU\n')).toBe(true);
  });
});
