import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clampIndex, formatElapsed, hashFor, indexFromHash, isNewer, keyAction, parseSync, reduce, swipeAction } from '../../../src/lib/slides/nav.ts';
import type { NavState } from '../../../src/lib/slides/nav.ts';

const s = (index: number, total = 10, buffer = ''): NavState => ({ index, total, buffer });

describe('reduce', () => {
  it.each([
    [s(0), { type: 'next' }, 1],
    [s(9), { type: 'next' }, 9],
    [s(0), { type: 'prev' }, 0],
    [s(5), { type: 'first' }, 0],
    [s(5), { type: 'last' }, 9],
    [s(5), { type: 'goto', index: 42 }, 9],
    [s(5, 10, '3'), { type: 'commit' }, 2],
    [s(5, 10, '12'), { type: 'commit' }, 9],
    [s(5, 10, '0'), { type: 'commit' }, 5],
    [s(5, 10, ''), { type: 'commit' }, 5],
  ] as const)('%o + %o → %i', (state, action, index) => {
    const out = reduce(state, action);
    expect(out.index).toBe(index);
    expect(out.buffer).toBe('');
  });
  it('collects digits', () => {
    let st = reduce(s(0), { type: 'digit', digit: '1' });
    st = reduce(st, { type: 'digit', digit: '2' });
    st = reduce(st, { type: 'digit', digit: 'x' });
    expect(st.buffer).toBe('12');
    expect(reduce(st, { type: 'clear' }).buffer).toBe('');
  });
  it('never leaves the deck (property)', () => {
    const action = fc.oneof(
      fc.constantFrom({ type: 'next' as const }, { type: 'prev' as const }, { type: 'first' as const }, { type: 'last' as const }, { type: 'commit' as const }),
      fc.integer({ min: -50, max: 50 }).map((index) => ({ type: 'goto' as const, index })),
      fc.integer({ min: 0, max: 9 }).map((d) => ({ type: 'digit' as const, digit: String(d) })),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.array(action, { maxLength: 30 }), (total, actions) => {
        const end = actions.reduce(reduce, { index: 0, total, buffer: '' });
        return end.index >= 0 && end.index < total;
      }),
    );
  });
});

describe('keys, hash, swipe, timer, sync', () => {
  it('maps presenter keys', () => {
    expect(keyAction('ArrowRight')).toEqual({ type: 'next' });
    expect(keyAction('PageDown')).toEqual({ type: 'next' });
    expect(keyAction(' ')).toEqual({ type: 'next' });
    expect(keyAction(' ', true)).toEqual({ type: 'prev' });
    expect(keyAction('PageUp')).toEqual({ type: 'prev' });
    expect(keyAction('Home')).toEqual({ type: 'first' });
    expect(keyAction('End')).toEqual({ type: 'last' });
    expect(keyAction('7')).toEqual({ type: 'digit', digit: '7' });
    expect(keyAction('Enter')).toEqual({ type: 'commit' });
    expect(keyAction('o')).toBe('overview');
    expect(keyAction('f')).toBe('fullscreen');
    expect(keyAction('Tab')).toBeNull();
  });
  it('round-trips hashes', () => {
    for (let i = 0; i < 10; i++) expect(indexFromHash(hashFor(i), 10)).toBe(i);
    expect(indexFromHash('#trang-3', 10)).toBe(2);
    expect(indexFromHash('#trang-', 10)).toBeNull();
    expect(indexFromHash('#0', 10)).toBeNull();
    expect(indexFromHash('#abc', 10)).toBeNull();
    expect(indexFromHash('', 10)).toBeNull();
    expect(indexFromHash('#99', 10)).toBe(9);
    expect(clampIndex(3, 0)).toBe(0);
  });
  it('reads swipes', () => {
    expect(swipeAction(-80, 10)).toEqual({ type: 'next' });
    expect(swipeAction(80, 10)).toEqual({ type: 'prev' });
    expect(swipeAction(30, 0)).toBeNull();
    expect(swipeAction(80, 90)).toBeNull();
  });
  it('formats elapsed time', () => {
    expect(formatElapsed(0)).toBe('00:00');
    expect(formatElapsed(65_000)).toBe('01:05');
    expect(formatElapsed(3_725_000)).toBe('1:02:05');
    expect(formatElapsed(-5)).toBe('00:00');
  });
  it('accepts only well-formed sync messages for its deck', () => {
    expect(parseSync({ kind: 'tt-deck', deck: 'a', index: 2, from: 'x', startedAt: 5 }, 'a')).toEqual({ kind: 'tt-deck', deck: 'a', index: 2, from: 'x', startedAt: 5 });
    expect(parseSync({ kind: 'tt-deck', deck: 'b', index: 2, from: 'x' }, 'a')).toBeNull();
    expect(parseSync({ kind: 'tt-deck', deck: 'a', index: -1, from: 'x' }, 'a')).toBeNull();
    expect(parseSync({ kind: 'tt-deck', deck: 'a', index: 1.5, from: 'x' }, 'a')).toBeNull();
    expect(parseSync('hi', 'a')).toBeNull();
    expect(parseSync({ kind: 'tt-deck', deck: 'a', index: 2, from: 'x', seq: 7 }, 'a')?.seq).toBe(7);
    expect(parseSync({ kind: 'tt-deck', deck: 'a', index: 2, from: 'x', seq: -1 }, 'a')?.seq).toBeUndefined();
  });
  it('takes each sender\'s moves in order, whichever way a copy came, and drops a late copy of an older move', () => {
    const last = new Map<string, number>();
    const m = (from: string, seq: number | undefined, index: number) => ({ kind: 'tt-deck' as const, deck: 'a', index, from, ...(seq === undefined ? {} : { seq }) });
    // BroadcastChannel delivered moves 1 to 3; the storage events of the same moves arrive after.
    expect([1, 2, 3].map((n) => isNewer(m('x', n, n), last))).toEqual([true, true, true]);
    expect([1, 2, 3].map((n) => isNewer(m('x', n, n), last))).toEqual([false, false, false]);
    // Another window counts on its own; a message from an older page (no count) is taken.
    expect(isNewer(m('y', 1, 5), last)).toBe(true);
    expect(isNewer(m('x', undefined, 0), last)).toBe(true);
  });
});
