/**
 * <tt-listen> at page load: shows "Nghe đọc" only once the device reports a Vietnamese voice, or says
 * there is none. Everything else (reading, controls, the "Nghe đoạn này" buttons on each section) is
 * in listen-player.ts, imported on first use, so pages pay for listen mode only when it is used.
 */
import sheetUrl from './listen.css?url';
import { lateStyle } from '../layout/late-style.ts';

class Listen extends HTMLElement {
  connectedCallback() {
    const s = window.speechSynthesis;
    const [start, none] = this.children as unknown as HTMLElement[];
    const check = (final?: boolean) => {
      const ok = !!s?.getVoices().some((v) => /^vi\b/i.test(v.lang));
      start!.hidden = !ok;
      if (ok || final) none!.hidden = ok;
    };
    s?.addEventListener('voiceschanged', () => check());
    check();
    // Some browsers never fire voiceschanged when they have no voices: say so after a moment.
    setTimeout(() => check(true), 2500);
    this.addEventListener('click', (e) => {
      const b = (e.target as Element).closest<HTMLElement>('[data-listen],[data-act]');
      if (b) void Promise.all([import('./listen-player.ts'), lateStyle(sheetUrl)]).then(([m]) => m.act(this, b));
    });
  }
}
customElements.define('tt-listen', Listen);
