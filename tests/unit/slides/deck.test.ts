import { describe, expect, it } from 'vitest';
import { buildDeck, budgetProblems, chunkItems, listItemCount, visibleText, SLIDE_BUDGET } from '../../../src/lib/slides/deck.ts';
import type { SourceSlide } from '../../../src/lib/slides/parse.ts';

const labels = { objectives: 'Mục tiêu', discussion: 'Câu hỏi thảo luận', closing: 'Kiểm tra', continued: '{title} (tiếp)' };
const src = (title: string, markdown = '- ý'): SourceSlide => ({ title, markdown, notes: `ghi chú ${title}`, sectionId: null, line: 1 });

describe('buildDeck', () => {
  const meta = { title: 'Chuyên đề', order: 1, duration: 90, audience: 'Cán bộ', objectives: ['a', 'b'], discussion: ['x'.repeat(200), 'y'.repeat(200), 'z'] };
  const deck = buildDeck(meta, [src('S1'), src('S2')], labels);
  it('orders title, objectives, body slides, discussion, closing and numbers from 1', () => {
    expect(deck.map((s) => s.kind)).toEqual(['title', 'list', 'content', 'content', 'list', 'list', 'closing']);
    expect(deck.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
  it('splits long discussion lists and numbers items across slides', () => {
    const lists = deck.filter((s) => s.kind === 'list' && s.role === 'discussion');
    expect(lists.map((s) => s.title)).toEqual(['Câu hỏi thảo luận', 'Câu hỏi thảo luận (tiếp)']);
    expect(lists.map((s) => (s.kind === 'list' ? [s.start, s.items.length] : null))).toEqual([[1, 1], [2, 2]]);
  });
  it('carries notes of body slides only', () => {
    expect(deck.filter((s) => s.notes).map((s) => s.notes)).toEqual(['ghi chú S1', 'ghi chú S2']);
  });
  it('has no discussion slide when there are no questions', () => {
    expect(buildDeck({ ...meta, discussion: [] }, [], labels).map((s) => s.kind)).toEqual(['title', 'list', 'closing']);
  });
});

describe('budget', () => {
  it('counts visible text without marks or link targets', () => {
    expect(visibleText('- **Đậm** [liên kết](/van-ban/x/#y)\n1. hai')).toBe('Đậm liên kết hai');
    expect(listItemCount('- a\n* b\n1. c\n2) d\ntext')).toBe(4);
  });
  it('accepts a normal slide and rejects long ones', () => {
    expect(budgetProblems({ title: 'Ngắn', markdown: '- a\n- b' })).toEqual([]);
    expect(budgetProblems({ title: 'x'.repeat(SLIDE_BUDGET.titleChars + 1), markdown: '- a' })[0]).toMatch(/tiêu đề/);
    expect(budgetProblems({ title: 'T', markdown: Array(SLIDE_BUDGET.items + 1).fill('- a').join('\n') })[0]).toMatch(/ý/);
    expect(budgetProblems({ title: 'T', markdown: 'x'.repeat(SLIDE_BUDGET.bodyChars + 1) })[0]).toMatch(/ký tự/);
    expect(budgetProblems({ title: 'T', markdown: '  ' })).toEqual(['trang chiếu trống']);
  });
  it('chunkItems respects both limits and keeps order', () => {
    expect(chunkItems(['a', 'b', 'c'], 2, 100)).toEqual([['a', 'b'], ['c']]);
    expect(chunkItems(['aaaa', 'bbbb', 'c'], 5, 6)).toEqual([['aaaa'], ['bbbb', 'c']]);
    expect(chunkItems(['x'.repeat(50)], 5, 10)).toEqual([['x'.repeat(50)]]);
    expect(chunkItems([])).toEqual([]);
  });
});
