/**
 * `<tt-deck>`: connects a server-rendered deck to the pure navigation in src/lib/slides/nav.ts.
 *
 * Lifecycle: on connect it reads the slide from the URL hash (`#n`), switches the page to live mode
 * (one slide at a time), enables its buttons and listens to keys, swipes, hash changes and to the
 * other windows of the same deck. Every local move is written to the hash (replaceState, so the
 * history is not flooded) and broadcast as a SyncMessage; moves that arrive from another window are
 * applied without re-broadcasting, so two windows cannot echo each other forever.
 * Persistent bits: theme in localStorage (`tt-deck-theme`), presenter timer start in sessionStorage.
 * No network: everything it needs is already in the page.
 */
import { formatElapsed, hashFor, indexFromHash, isNewer, keyAction, parseSync, reduce, swipeAction } from '../../lib/slides/nav.ts';
import type { NavAction, NavState } from '../../lib/slides/nav.ts';

const CHANNEL = 'tt-deck';
const STORAGE_KEY = 'tt-deck-sync';
const THEME_KEY = 'tt-deck-theme';
// Same key as src/lib/receipt/session.ts; not imported so the deck's startup bundle stays tiny.
const SESSIONS_KEY = 'tt-buoi-hoc';

function store(kind: 'local' | 'session'): Storage | null {
  try {
    return kind === 'local' ? window.localStorage : window.sessionStorage;
  } catch {
    return null; // storage can be disabled (private mode, policies)
  }
}

class TtDeck extends HTMLElement {
  private items: HTMLElement[] = [];
  private state: NavState = { index: 0, total: 0, buffer: '' };
  private uid = Math.random().toString(36).slice(2);
  /** Moves this window has sent, and the last move taken from each other window (see `isNewer`). */
  private sent = 0;
  private seen = new Map<string, number>();
  private channel: BroadcastChannel | null = null;
  private timer = 0;
  private startedAt = 0;
  private touch: { x: number; y: number } | null = null;
  private abort = new AbortController();

  connectedCallback() {
    this.items = [...this.querySelectorAll<HTMLElement>('[data-deck-item]')];
    this.state = { index: indexFromHash(location.hash, this.items.length) ?? 0, total: this.items.length, buffer: '' };
    this.toggleAttribute('data-live', true);
    const theme = store('local')?.getItem(THEME_KEY);
    if (theme === 'dark') this.dataset.theme = 'dark';
    this.querySelectorAll<HTMLButtonElement>('button[data-action]').forEach((b) => (b.disabled = false));
    // Safari on iPhone has no element fullscreen: no button that does nothing (the deck already fills the window).
    const fs = this.querySelector<HTMLButtonElement>('button[data-action="fullscreen"]');
    if (fs && !document.fullscreenEnabled) fs.hidden = true;
    const signal = this.abort.signal;

    this.addEventListener('click', (e) => this.onClick(e), { signal });
    document.addEventListener('keydown', (e) => this.onKey(e), { signal });
    window.addEventListener('hashchange', () => {
      const i = indexFromHash(location.hash, this.state.total);
      if (i !== null && i !== this.state.index) this.apply({ type: 'goto', index: i });
    }, { signal });
    this.addEventListener('touchstart', (e) => {
      const p = e.changedTouches[0];
      if (p) this.touch = { x: p.clientX, y: p.clientY };
    }, { passive: true, signal });
    this.addEventListener('touchend', (e) => {
      const p = e.changedTouches[0];
      if (!p || !this.touch) return;
      const a = swipeAction(p.clientX - this.touch.x, p.clientY - this.touch.y);
      this.touch = null;
      if (a) this.apply(a);
    }, { passive: true, signal });

    if ('BroadcastChannel' in window) {
      this.channel = new BroadcastChannel(CHANNEL);
      this.channel.onmessage = (e) => this.onRemote(e.data);
    }
    window.addEventListener('storage', (e) => {
      if (e.key === STORAGE_KEY && e.newValue) {
        try {
          this.onRemote(JSON.parse(e.newValue));
        } catch {
          /* not ours */
        }
      }
    }, { signal });

    if (this.dataset.mode === 'presenter') this.startTimer();
    this.render(false);
    // An opened study session replaces the closing slide's QR (code loaded only when there is one).
    const session = () => {
      if (this.dataset.quiz && store('local')?.getItem(SESSIONS_KEY)) void import('./session-slide.ts').then((m) => m.showSession(this));
    };
    session();
    window.addEventListener('storage', (e) => e.key === SESSIONS_KEY && session(), { signal });
    window.addEventListener('tt-sessions-changed', session, { signal });
  }

  disconnectedCallback() {
    this.abort.abort();
    this.channel?.close();
    window.clearInterval(this.timer);
  }

  /** Applies a navigation action; `broadcast` is false for moves that came from another window. */
  private apply(action: NavAction, broadcast = true) {
    const before = this.state.index;
    this.state = reduce(this.state, action);
    this.render(broadcast && this.state.index !== before);
  }

  private onRemote(data: unknown) {
    const m = parseSync(data, this.dataset.deck ?? '');
    if (!m || m.from === this.uid || !isNewer(m, this.seen)) return;
    if (m.index !== this.state.index) this.apply({ type: 'goto', index: m.index }, false);
  }

  private broadcast() {
    const msg = { kind: 'tt-deck', deck: this.dataset.deck, index: this.state.index, from: this.uid, seq: ++this.sent };
    this.channel?.postMessage(msg);
    // Storage events reach other windows even where BroadcastChannel is missing; duplicates are harmless.
    store('local')?.setItem(STORAGE_KEY, JSON.stringify({ ...msg, at: Date.now() }));
  }

  private onKey(e: KeyboardEvent) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.target as HTMLElement | null;
    // Typing in a field is never navigation; Enter/Space on a focused button or link activate it.
    if (target?.closest('input, textarea, select, [contenteditable], dialog')) return;
    if (target?.closest('button, a') && (e.key === 'Enter' || e.key === ' ')) return;
    const a = keyAction(e.key, e.shiftKey);
    if (!a) return;
    e.preventDefault();
    if (a === 'overview') return this.setOverview(!this.hasAttribute('data-overview'));
    if (a === 'fullscreen') return this.toggleFullscreen();
    if (a === 'escape') {
      if (this.hasAttribute('data-overview')) this.setOverview(false);
      else this.apply({ type: 'clear' });
      return;
    }
    if (a.type === 'commit' && !this.state.buffer && this.hasAttribute('data-overview')) return this.setOverview(false);
    this.apply(a);
  }

  private onClick(e: MouseEvent) {
    const el = e.target as HTMLElement;
    const btn = el.closest<HTMLButtonElement>('button[data-action]');
    if (btn) {
      const act = btn.dataset.action;
      if (act === 'prev') this.apply({ type: 'prev' });
      else if (act === 'next') this.apply({ type: 'next' });
      else if (act === 'overview') this.setOverview(!this.hasAttribute('data-overview'));
      else if (act === 'fullscreen') this.toggleFullscreen();
      else if (act === 'theme') this.toggleTheme();
      else if (act === 'reset') this.resetTimer();
      return;
    }
    const other = el.closest<HTMLAnchorElement>('a[data-other]');
    if (other) {
      // Open the other window at the current slide.
      other.href = other.href.replace(/#.*$/, '') + hashFor(this.state.index);
      return;
    }
    if (this.hasAttribute('data-overview')) {
      const item = el.closest<HTMLElement>('[data-deck-item]');
      if (item) {
        this.apply({ type: 'goto', index: this.items.indexOf(item) });
        this.setOverview(false);
      }
    }
  }

  private setOverview(on: boolean) {
    this.toggleAttribute('data-overview', on && this.dataset.mode === 'audience');
    const btn = this.querySelector('button[data-action="overview"]');
    btn?.setAttribute('aria-pressed', String(this.hasAttribute('data-overview')));
    this.items.forEach((it) => (on ? it.setAttribute('tabindex', '0') : it.removeAttribute('tabindex')));
    if (on) this.items[this.state.index]?.scrollIntoView({ block: 'nearest' });
    this.render(false);
  }

  private toggleFullscreen() {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void this.requestFullscreen?.().catch(() => undefined);
  }

  private toggleTheme() {
    const dark = this.dataset.theme !== 'dark';
    if (dark) this.dataset.theme = 'dark';
    else delete this.dataset.theme;
    this.querySelector('button[data-action="theme"]')?.setAttribute('aria-pressed', String(dark));
    store('local')?.setItem(THEME_KEY, dark ? 'dark' : 'light');
  }

  private startTimer() {
    const key = `tt-deck-start:${this.dataset.deck}`;
    const saved = Number(store('session')?.getItem(key));
    this.startedAt = Number.isFinite(saved) && saved > 0 ? saved : Date.now();
    store('session')?.setItem(key, String(this.startedAt));
    const out = this.querySelector('[data-timer]');
    const tick = () => {
      if (out) out.textContent = formatElapsed(Date.now() - this.startedAt);
    };
    tick();
    this.timer = window.setInterval(tick, 1000);
  }

  private resetTimer() {
    this.startedAt = Date.now();
    store('session')?.setItem(`tt-deck-start:${this.dataset.deck}`, String(this.startedAt));
    const out = this.querySelector('[data-timer]');
    if (out) out.textContent = formatElapsed(0);
  }

  private render(broadcast: boolean) {
    const { index, total, buffer } = this.state;
    this.items.forEach((it, i) => {
      if (i === index) it.setAttribute('aria-current', 'step');
      else it.removeAttribute('aria-current');
    });
    const counter = this.querySelector('[data-counter]');
    if (counter) counter.textContent = `${index + 1} / ${total}`;
    const prev = this.querySelector<HTMLButtonElement>('button[data-action="prev"]');
    const next = this.querySelector<HTMLButtonElement>('button[data-action="next"]');
    if (prev) prev.disabled = index === 0;
    if (next) next.disabled = index === total - 1;
    const go = this.querySelector('[data-goto]');
    if (go) go.textContent = buffer ? `→ ${buffer}` : '';
    const status = this.querySelector('[data-status]');
    const label = this.items[index]?.querySelector('[data-slide-view]')?.getAttribute('aria-label');
    if (status && label) status.textContent = label;
    const hash = hashFor(index);
    if (location.hash !== hash) history.replaceState(history.state, '', hash);
    if (broadcast) this.broadcast();
  }
}

if (!customElements.get('tt-deck')) customElements.define('tt-deck', TtDeck);
