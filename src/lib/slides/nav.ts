/**
 * Deck navigation as pure functions, shared by the audience deck and the presenter view.
 *
 * State: `{ index, total, buffer }`: `index` is 0-based (slide n is index n-1, URL hash `#n`),
 * `buffer` holds digits typed before Enter ("1", "2", Enter → slide 12). The custom element keeps
 * one state, feeds it actions from keys, swipes, hash changes and sync messages, and renders.
 */

/** Navigation state. */
export interface NavState {
  index: number;
  total: number;
  buffer: string;
}

/** Something that can change the state. */
export type NavAction =
  | { type: 'next' }
  | { type: 'prev' }
  | { type: 'first' }
  | { type: 'last' }
  | { type: 'goto'; index: number }
  | { type: 'digit'; digit: string }
  | { type: 'commit' }
  | { type: 'clear' };

/** Extra commands that are not about the slide index. */
export type UiCommand = 'overview' | 'fullscreen' | 'escape';

/** Keeps an index inside 0…total-1. */
export function clampIndex(index: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(Math.max(0, Math.trunc(index)), total - 1);
}

/** Applies one action. Unknown digits and empty commits leave the index unchanged. */
export function reduce(state: NavState, action: NavAction): NavState {
  const at = (index: number): NavState => ({ ...state, index: clampIndex(index, state.total), buffer: '' });
  switch (action.type) {
    case 'next':
      return at(state.index + 1);
    case 'prev':
      return at(state.index - 1);
    case 'first':
      return at(0);
    case 'last':
      return at(state.total - 1);
    case 'goto':
      return at(action.index);
    case 'digit':
      return /^[0-9]$/.test(action.digit) ? { ...state, buffer: (state.buffer + action.digit).slice(-4) } : state;
    case 'commit': {
      const n = Number.parseInt(state.buffer, 10);
      return Number.isFinite(n) && n >= 1 ? at(n - 1) : { ...state, buffer: '' };
    }
    case 'clear':
      return { ...state, buffer: '' };
  }
}

/**
 * Maps a keyboard key (KeyboardEvent.key) to an action or a UI command. Clickers send PageUp/PageDown.
 * @example keyAction(' ', false) // { type: 'next' }
 */
export function keyAction(key: string, shift = false): NavAction | UiCommand | null {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
    case 'n':
      return { type: 'next' };
    case ' ':
    case 'Spacebar':
      return shift ? { type: 'prev' } : { type: 'next' };
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
    case 'p':
      return { type: 'prev' };
    case 'Home':
      return { type: 'first' };
    case 'End':
      return { type: 'last' };
    case 'Enter':
      return { type: 'commit' };
    case 'o':
    case 'g':
      return 'overview';
    case 'f':
      return 'fullscreen';
    case 'Escape':
      return 'escape';
  }
  if (/^[0-9]$/.test(key)) return { type: 'digit', digit: key };
  return null;
}

/** The URL hash of a slide index: index 4 → "#5". */
export function hashFor(index: number): string {
  return `#${index + 1}`;
}

/**
 * Reads "#5" (or "5", or the element id "#trang-5" that no-JS links use) as index 4; null when the
 * hash is not a slide number. Out-of-range numbers are clamped.
 */
export function indexFromHash(hash: string, total: number): number | null {
  const m = /^#?(?:trang-)?(\d{1,4})$/.exec(hash.trim());
  if (!m) return null;
  const n = Number(m[1]);
  if (n < 1) return null;
  return clampIndex(n - 1, total);
}

/** A horizontal swipe of at least `min` px that is mostly horizontal: left → next, right → prev. */
export function swipeAction(dx: number, dy: number, min = 50): NavAction | null {
  if (Math.abs(dx) < min || Math.abs(dx) < Math.abs(dy) * 1.5) return null;
  return dx < 0 ? { type: 'next' } : { type: 'prev' };
}

/** Elapsed time as "mm:ss", or "h:mm:ss" from one hour on. */
export function formatElapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** A message between the audience window and the presenter window of one deck. */
export interface SyncMessage {
  kind: 'tt-deck';
  deck: string;
  index: number;
  /** Random id of the sending window, so a window ignores its own echo. */
  from: string;
  /** Presenter timer start (ms since epoch), shared so a reopened presenter keeps the clock. */
  startedAt?: number;
  /**
   * The sender's count of its moves. Each move reaches the other window twice (BroadcastChannel and a
   * storage event), and the two ways interleave: without it, a late copy of an older move took the
   * other window back ("1" arriving after "3").
   */
  seq?: number;
}

/**
 * True when a message is newer than the last one taken from its sender (`last`: sender → seq), and
 * records it; a message without `seq` (an older page) is always taken.
 */
export function isNewer(m: SyncMessage, last: Map<string, number>): boolean {
  if (m.seq === undefined) return true;
  if (m.seq <= (last.get(m.from) ?? -1)) return false;
  last.set(m.from, m.seq);
  return true;
}

/** Validates an incoming message for `deck`; null when it is not one of ours. */
export function parseSync(data: unknown, deck: string): SyncMessage | null {
  if (!data || typeof data !== 'object') return null;
  const m = data as Record<string, unknown>;
  if (m.kind !== 'tt-deck' || m.deck !== deck || typeof m.from !== 'string') return null;
  if (typeof m.index !== 'number' || !Number.isInteger(m.index) || m.index < 0) return null;
  const out: SyncMessage = { kind: 'tt-deck', deck, index: m.index, from: m.from };
  if (typeof m.startedAt === 'number' && Number.isFinite(m.startedAt)) out.startedAt = m.startedAt;
  if (typeof m.seq === 'number' && Number.isInteger(m.seq) && m.seq >= 0) out.seq = m.seq;
  return out;
}
