/**
 * <tt-listen> at page load. "Nghe đọc" is in the HTML where scripting is on (ListenMode.astro), so
 * nothing moves when this script arrives or when the device's voices are reported (#19). Whether the
 * device has a Vietnamese voice is asked only when someone presses it: with one, the player starts;
 * without, the note saying so appears then, in answer to the press. Everything else (reading,
 * controls, the "Nghe đoạn này" buttons on each section) is in listen-player.ts, imported on first
 * use, so pages pay for listen mode only when it is used.
 */
import sheetUrl from './listen.css?url';
import { lateStyle } from '../layout/late-style.ts';

const hasVi = () => !!window.speechSynthesis?.getVoices().some((v) => /^vi\b/i.test(v.lang));

/**
 * Whether the device has a Vietnamese voice. Browsers report their voices some time after load
 * (Chromium: on `voiceschanged`), and some never fire it when they have none: wait a moment for it.
 */
function viVoice(): Promise<boolean> {
  const s = window.speechSynthesis;
  if (!s || hasVi()) return Promise.resolve(!!s);
  return new Promise((done) => {
    const finish = () => {
      s.removeEventListener('voiceschanged', finish);
      clearTimeout(timer);
      done(hasVi());
    };
    const timer = setTimeout(finish, 1500);
    s.addEventListener('voiceschanged', finish);
  });
}

class Listen extends HTMLElement {
  connectedCallback() {
    const none = this.querySelector<HTMLElement>('.listen__none')!;
    // Asking once early lets Chromium start loading its voice list before the first press.
    window.speechSynthesis?.getVoices();
    this.addEventListener('click', async (e) => {
      const b = (e.target as Element).closest<HTMLElement>('[data-listen],[data-act]');
      if (!b) return;
      if (b.dataset.listen !== undefined && !(await viVoice())) {
        none.hidden = false;
        return;
      }
      none.hidden = true;
      const [m] = await Promise.all([import('./listen-player.ts'), lateStyle(sheetUrl)]);
      m.act(this, b);
    });
  }
}
customElements.define('tt-listen', Listen);
