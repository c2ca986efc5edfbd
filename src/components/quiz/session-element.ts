/**
 * <tt-session>: a trainer opens study sessions, shows the learners' QR code, and moves a session to
 * another device (component: ./SessionPanel.astro). The sessions live in localStorage
 * (src/lib/receipt/session.ts documents the shape); every change is announced to the page with a
 * `tt-sessions-changed` event (the roster re-checks its codes) and to other windows by the storage
 * event (the deck's closing slide follows). QR codes are drawn by ./qr.ts, loaded on first use.
 *
 * On the trainer page, a link opened with `#nhan=1&…` (a transfer link) is imported on arrival and
 * removed from the address bar.
 */
import { h, makeTr, readJson, formatDate } from './client.ts';
import type { Tr } from './client.ts';
import { qrSvg } from './qr.ts';
import { canMac } from '../../lib/receipt/code.ts';
import { vnDate } from '../../lib/quiz/attempts.ts';
import { checkUnit } from '../../lib/quiz/learner.ts';
import {
  SECRET_BYTES,
  SESSIONS_KEY,
  addSession,
  currentSession,
  emptySessions,
  learnerLink,
  newSession,
  parseSessionLink,
  readSessions,
  removeSession,
  sameSession,
  sessionLabelId,
  transferLink,
} from '../../lib/receipt/session.ts';
import type { SessionStore, TrainerSession } from '../../lib/receipt/session.ts';

/** Name of the window event fired after any change to the stored sessions. */
export const SESSIONS_EVENT = 'tt-sessions-changed';

interface StudyOption {
  id: string;
  title: string;
}

/** Loads the stored sessions; storage that throws gives an empty, non-persistent list. */
export function loadSessions(): ReturnType<typeof readSessions> & { persistent: boolean } {
  try {
    return { ...readSessions(localStorage.getItem(SESSIONS_KEY)), persistent: true };
  } catch {
    return { store: emptySessions(), dropped: 0, persistent: false };
  }
}

function saveSessions(store: SessionStore): void {
  try {
    localStorage.setItem(SESSIONS_KEY, JSON.stringify(store));
  } catch {
    /* shown as "unavailable" on load */
  }
  window.dispatchEvent(new CustomEvent(SESSIONS_EVENT));
}

class TtSession extends HTMLElement {
  private tr!: Tr;
  private studies!: StudyOption[];
  private urls!: { quizBase: string; trainer: string };
  private fixed = '';
  private store: SessionStore = emptySessions();
  private removing = '';

  connectedCallback() {
    this.tr = makeTr(readJson(this, 'strings'));
    this.studies = readJson(this, 'studies');
    this.urls = readJson(this, 'urls');
    this.fixed = this.dataset.quiz ?? '';
    this.querySelector('[data-noscript]')?.remove();
    this.querySelectorAll<HTMLButtonElement>('button[data-open-dialog]').forEach((b) => {
      b.hidden = false;
      b.addEventListener('click', () => {
        this.querySelector('dialog')?.showModal();
        this.querySelector<HTMLInputElement>('input[name="dv"]')?.focus();
      });
    });
    this.querySelector('[data-close-dialog]')?.addEventListener('click', () => this.querySelector('dialog')?.close());
    const hashImport = this.dataset.import === 'true' ? parseSessionLink(location.hash) : null;
    this.render();
    if (hashImport && !(hashImport.ok === false && hashImport.problem === 'none')) {
      history.replaceState(history.state, '', location.pathname + location.search);
      this.importText('', hashImport);
    }
    const area = this.querySelector<HTMLTextAreaElement>('[data-import-area]');
    if (area) {
      for (const el of this.querySelectorAll<HTMLButtonElement | HTMLTextAreaElement | HTMLInputElement>('[data-import] [disabled]')) el.disabled = false;
      this.querySelector('[data-import-text]')!.addEventListener('click', () => this.importText(area.value));
      this.querySelector<HTMLInputElement>('[data-import-file]')!.addEventListener('change', async (e) => {
        const input = e.target as HTMLInputElement;
        for (const f of input.files ?? []) this.importText(await f.text());
        input.value = '';
      });
    }
    window.addEventListener('storage', (e) => {
      if (e.key === SESSIONS_KEY) this.render();
    });
  }

  private abs(path: string): string {
    return new URL(path, location.origin).href;
  }

  private titleOf(quiz: string): string {
    return this.studies.find((s) => s.id === quiz)?.title ?? quiz;
  }

  private status(text: string, kind: 'ok' | 'error' = 'ok') {
    const box = this.querySelector<HTMLElement>('[data-session-status]')!;
    box.replaceChildren(h('p', { class: kind === 'error' ? 'notice notice--error' : 'notice', role: kind === 'error' ? 'alert' : 'status' }, text));
  }

  private render() {
    const tr = this.tr;
    const loaded = loadSessions();
    this.store = loaded.store;
    const problems = this.querySelector<HTMLElement>('[data-session-problem]')!;
    problems.replaceChildren();
    if (!loaded.persistent) problems.append(h('p', { class: 'notice', role: 'note' }, tr('session.unavailable')));
    if (loaded.dropped) problems.append(h('p', { class: 'notice', role: 'alert' }, tr('session.dropped', { n: loaded.dropped })));
    if (loaded.problem) {
      const reset = h('button', { type: 'button', class: 'btn' }, tr('session.reset'));
      reset.addEventListener('click', () => {
        try {
          // Keep the unreadable text beside the list instead of destroying it.
          const raw = localStorage.getItem(SESSIONS_KEY);
          if (raw !== null) localStorage.setItem(`${SESSIONS_KEY}-hong`, raw);
          localStorage.removeItem(SESSIONS_KEY);
        } catch {
          /* nothing to remove */
        }
        saveSessions(emptySessions());
        this.render();
      });
      problems.append(h('div', { class: 'notice notice--error', role: 'alert' }, h('p', {}, tr(`session.${loaded.problem}`)), reset));
    }
    this.renderForm();
    this.renderList();
  }

  private renderForm() {
    const tr = this.tr;
    const box = this.querySelector<HTMLElement>('[data-session-form]')!;
    // Keep what the trainer typed across re-renders; the form in the HTML (SessionPanel.astro) is replaced by a live one.
    if (box.querySelector('form[data-live]')) return;
    const studyField = this.fixed
      ? null
      : h(
          'div',
          { class: 'field' },
          h('label', { for: `${this.id}-bai` }, tr('session.study')),
          h('select', { id: `${this.id}-bai`, name: 'bai' }, ...this.studies.map((s) => h('option', { value: s.id }, s.title))),
        );
    const unit = h('input', { id: `${this.id}-dv`, name: 'dv', type: 'text', autocomplete: 'organization', maxlength: 240, required: true, 'aria-describedby': `${this.id}-dv-loi` });
    const date = h('input', { id: `${this.id}-ngay`, name: 'ngay', type: 'date', required: true, value: vnDate(new Date()), 'aria-describedby': `${this.id}-ngay-loi` });
    const form = h(
      'form',
      { class: 'session-form', novalidate: true, 'data-live': true },
      studyField,
      h('div', { class: 'field' }, h('label', { for: `${this.id}-dv` }, tr('session.unit')), unit, h('p', { id: `${this.id}-dv-loi`, class: 'field__error' })),
      h('div', { class: 'field' }, h('label', { for: `${this.id}-ngay` }, tr('session.date')), date, h('p', { id: `${this.id}-ngay-loi`, class: 'field__error' })),
      h('button', { type: 'submit', class: 'btn btn--primary' }, tr('session.create')),
    ) as HTMLFormElement;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const u = checkUnit((unit as HTMLInputElement).value);
      const d = (date as HTMLInputElement).value;
      const uErr = form.querySelector<HTMLElement>(`#${this.id}-dv-loi`)!;
      const dErr = form.querySelector<HTMLElement>(`#${this.id}-ngay-loi`)!;
      uErr.textContent = u.ok ? '' : tr('session.error.unit', { message: tr(`learner.error.${u.problem}`, { field: tr('learner.field.unit'), max: 120 }) });
      dErr.textContent = /^\d{4}-\d{2}-\d{2}$/.test(d) ? '' : tr('session.error.date');
      unit.toggleAttribute('aria-invalid', !u.ok);
      if (!u.ok) return (unit as HTMLInputElement).focus();
      if (dErr.textContent) return (date as HTMLInputElement).focus();
      if (!canMac()) return this.status(tr('session.noCrypto'), 'error');
      const quiz = this.fixed || (form.elements.namedItem('bai') as HTMLSelectElement).value;
      const s = newSession(crypto.getRandomValues(new Uint8Array(2 + SECRET_BYTES)), { quiz, unit: u.value, date: d }, new Date());
      this.store = addSession(this.store, s, true);
      saveSessions(this.store);
      this.renderList();
      this.status(tr('session.created', { unit: s.unit, date: formatDate(s.date) }));
      void this.showQr(s, 'learner');
    });
    box.replaceChildren(form);
  }

  private renderList() {
    const tr = this.tr;
    const list = this.querySelector<HTMLElement>('[data-session-list]')!;
    const mine = this.store.sessions.filter((s) => !this.fixed || s.quiz === this.fixed).slice().reverse();
    if (!mine.length) {
      list.replaceChildren(h('p', { class: 'hint' }, tr('session.none')));
      return;
    }
    const items = mine.map((s) => {
      const onDeck = currentSession(this.store, s.quiz);
      const isCurrent = !!onDeck && sameSession(onDeck, s);
      const key = `${s.id}:${s.key}`;
      const btn = (label: string, f: () => void, attrs: Record<string, string> = {}) => {
        const b = h('button', { type: 'button', class: 'btn btn--small', ...attrs }, label);
        b.addEventListener('click', f);
        return b;
      };
      const actions = [
        btn(tr('session.showQr'), () => void this.showQr(s, 'learner'), { 'data-act': 'qr' }),
        isCurrent ? null : btn(tr('session.putOnDeck'), () => {
          this.store = addSession(this.store, s, true);
          saveSessions(this.store);
          this.renderList();
        }, { 'data-act': 'deck' }),
        btn(tr('session.transfer'), () => void this.showQr(s, 'transfer'), { 'data-act': 'transfer' }),
        btn(tr('session.remove'), () => {
          if (this.removing !== key) {
            this.removing = key;
            this.status(tr('session.removeConfirm'));
            return;
          }
          this.removing = '';
          this.store = removeSession(this.store, s);
          saveSessions(this.store);
          this.querySelector('[data-session-qr]')!.replaceChildren();
          this.renderList();
          this.status(tr('session.removed'));
        }, { 'data-act': 'remove' }),
      ];
      return h(
        'li',
        { class: 'session-item', 'data-session-id': sessionLabelId(s.id) },
        h('p', { class: 'session-item__title' }, h('strong', {}, tr('session.item', { title: this.titleOf(s.quiz), unit: s.unit, date: formatDate(s.date) }))),
        h('p', { class: 'hint' }, tr('session.id', { id: sessionLabelId(s.id) }), s.imported ? ` · ${tr('session.imported')}` : '', isCurrent ? ` · ${tr('session.onDeck')}` : ''),
        h('div', { class: 'actions' }, ...actions),
      );
    });
    list.replaceChildren(h('ul', { class: 'session-list' }, ...items));
  }

  private async showQr(s: TrainerSession, kind: 'learner' | 'transfer') {
    const tr = this.tr;
    const vars = { unit: s.unit, date: formatDate(s.date) };
    const link = kind === 'learner' ? learnerLink(this.abs(`${this.urls.quizBase}${s.quiz}/`), s) : transferLink(this.abs(this.urls.trainer), s);
    const box = this.querySelector<HTMLElement>('[data-session-qr]')!;
    const linkId = `${this.id}-lien-ket`;
    const copy = h('button', { type: 'button', class: 'btn btn--small' }, tr('session.copy'));
    const said = h('p', { role: 'status', class: 'hint' });
    copy.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(link);
        said.textContent = tr('session.copied');
      } catch {
        said.textContent = tr('session.copyFailed');
      }
    });
    const hide = h('button', { type: 'button', class: 'btn btn--small' }, tr('session.hide'));
    hide.addEventListener('click', () => box.replaceChildren());
    const extra: HTMLElement[] = [];
    if (kind === 'transfer') {
      const file = new Blob([`${link}\r\n`], { type: 'text/plain;charset=utf-8' });
      const a = h('a', { class: 'btn btn--small', href: URL.createObjectURL(file), download: `buoi-hoc-${s.date}-${sessionLabelId(s.id)}.txt` }, tr('session.download'));
      extra.push(a);
    }
    const figure = h('figure', { class: 'session-qr', 'data-kind': kind });
    box.replaceChildren(
      h(
        'section',
        { class: 'session-show', 'aria-label': tr(kind === 'learner' ? 'session.qrLearner' : 'session.qrTransfer', vars) },
        h('p', {}, h('strong', {}, tr('session.item', { title: this.titleOf(s.quiz), ...vars }))),
        h('p', {}, tr(kind === 'learner' ? 'session.learnerLead' : 'session.transferLead')),
        figure,
        h('label', { for: linkId }, tr('session.link')),
        h('input', { id: linkId, class: 'session-link', type: 'text', readonly: true, value: link, 'data-link': kind }),
        h('div', { class: 'actions' }, copy, ...extra, hide),
        said,
      ),
    );
    figure.append(await qrSvg(link, tr(kind === 'learner' ? 'session.qrLearner' : 'session.qrTransfer', vars)));
  }

  /** Imports a pasted transfer link, a learner link, or the text of a transfer file. */
  importText(text: string, parsed = parseSessionLink(text)) {
    const tr = this.tr;
    if (!parsed.ok) {
      const reason = parsed.problem === 'none' ? tr('session.importNone') : tr(`join.reason.${parsed.problem}`);
      return this.status(tr('session.importBad', { reason }), 'error');
    }
    const link = parsed.session;
    if (!this.studies.some((s) => s.id === link.quiz)) return this.status(tr('session.importBad', { reason: tr('session.importUnknownQuiz') }), 'error');
    const vars = { unit: link.unit, date: formatDate(link.date), id: sessionLabelId(link.id) };
    if (this.store.sessions.some((x) => sameSession(x, link))) return this.status(tr('session.importAgain', vars));
    const s: TrainerSession = { ...link, openedAt: new Date().toISOString(), imported: true };
    this.store = addSession(this.store, s, false);
    saveSessions(this.store);
    this.renderList();
    this.status(tr('session.importDone', vars));
  }
}

if (!customElements.get('tt-session')) customElements.define('tt-session', TtSession);
