/**
 * <tt-roster>: the trainer's codes (component: ./Roster.astro). Paste codes (one per line, optionally
 * with name and unit), merge other trainers' CSV files, or scan QR codes where the browser has
 * BarcodeDetector. Every line is verified by src/lib/receipt/roster.ts against the study sessions
 * this device holds: "đã dự buổi", "tự học", "buổi khác", refused with a reason, or a duplicate of an
 * identical earlier line (counted once). Counts by unit and quiz and by session; CSV export (UTF-8
 * with BOM) with the status in words; the .docx report is built by ./roster-report.ts, loaded when asked.
 *
 * Province scale: no step works through all of a 50,000-line paste at once. The pasted text is read,
 * the lines verified and the results counted a chunk at a time with a pause between chunks (input and
 * paint go on; a newer check abandons an older one), the tables are built one after another, and the
 * long tables are shown a page at a time. The element declares where it is in `data-state`: `ready`
 * (nothing checked yet), `working`, `done`; while working, `data-step` names the step: `reading` (a
 * large paste only), `verifying`, `counting`, `showing`, each entered once per check, in that order.
 *
 * Nothing leaves the device; the lists are kept in localStorage (key `tt-giang-vien`,
 * `{ "v": 1, "paste": string, "csv": RosterInput[] }`); when they are too large to keep, the page says so.
 */
import { formatDate, h, makeTr, readJson } from './client.ts';
import type { Tr } from './client.ts';
import { inputsFromCsv, parsePaste, rosterCsv, tallyRows, verifyAll } from '../../lib/receipt/roster.ts';
import type { AcceptedRow, KnownQuiz, KnownSession, RejectedRow, RosterInput, RosterRow, RosterTally } from '../../lib/receipt/roster.ts';
import { secretOf, sessionLabelId } from '../../lib/receipt/session.ts';
import { canMac } from '../../lib/receipt/code.ts';
import { vnDate } from '../../lib/quiz/attempts.ts';
import { loadSessions, SESSIONS_EVENT } from './session-element.ts';

const KEY = 'tt-giang-vien';
/**
 * A paste of more lines than this goes straight into the list instead of the text box: a browser
 * takes seconds to lay out tens of thousands of lines in a textarea (11 s for 20,000 measured in
 * Chromium on the test machine), which would freeze the page before any checking starts.
 */
const LARGE_PASTE = 1000;
/** Above this many lines the lists are not kept in localStorage (serialising them blocks the page for seconds, and they seldom fit); the page says so. */
const SAVE_LIMIT = 10_000;
/** Rows per page of the long tables: enough to scan, few enough to build in a frame. */
const PAGE = 100;

interface Saved {
  v: 1;
  paste: string;
  csv: RosterInput[];
}

function loadSaved(): Saved | 'corrupt' {
  try {
    const raw = localStorage.getItem(KEY);
    if (raw === null) return { v: 1, paste: '', csv: [] };
    const x = JSON.parse(raw) as Saved;
    const okInput = (i: RosterInput) => i && typeof i.code === 'string' && typeof i.name === 'string' && typeof i.unit === 'string' && typeof i.source === 'string';
    if (x?.v !== 1 || typeof x.paste !== 'string' || !Array.isArray(x.csv) || !x.csv.every(okInput)) return 'corrupt';
    return x;
  } catch (e) {
    return e instanceof SyntaxError ? 'corrupt' : { v: 1, paste: '', csv: [] };
  }
}

/** Thrown from the pause of a check that a newer check replaced. */
class Superseded extends Error {}

/** Gives the page a turn between chunks: scheduler.yield where it exists, else a task. */
function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return s?.yield ? s.yield() : new Promise((r) => setTimeout(r, 0));
}

/** Everything the report needs, handed to ./roster-report.ts. */
export interface RosterSnapshot {
  rows: RosterRow[];
  quizzes: KnownQuiz[];
  sessions: KnownSession[];
  tr: Tr;
  sessionText: (s: KnownSession) => string;
}

class TtRoster extends HTMLElement {
  private tr!: Tr;
  private quizzes!: KnownQuiz[];
  private csv: RosterInput[] = [];
  private rows: RosterRow[] = [];
  private sessions: KnownSession[] = [];
  private area!: HTMLTextAreaElement;
  private run = 0;
  private pastes = 0;

  connectedCallback() {
    this.tr = makeTr(readJson(this, 'strings'));
    this.quizzes = readJson(this, 'quizzes');
    this.area = this.querySelector('textarea')!;
    this.querySelector('[data-noscript]')?.remove();
    for (const el of this.querySelectorAll<HTMLInputElement | HTMLButtonElement | HTMLTextAreaElement>('[disabled]:not([data-pager] *):not([data-report])')) el.disabled = false;
    this.dataset.state = 'ready';
    const saved = loadSaved();
    if (saved === 'corrupt') {
      const reset = h('button', { type: 'button', class: 'btn' }, this.tr('store.reset'));
      reset.addEventListener('click', () => {
        localStorage.removeItem(KEY);
        this.problem(h('p', { role: 'status' }, this.tr('store.resetDone')));
      });
      this.problem(h('div', { class: 'notice', role: 'alert' }, h('p', {}, this.tr('store.corrupt')), reset));
    } else {
      this.area.value = saved.paste;
      this.csv = saved.csv;
      // Keep "bản dán n" names unique after a reload (each earlier paste or file gave one distinct prefix).
      this.pastes = new Set(saved.csv.map((i) => i.source.replace(/:\d+$/, ''))).size;
      if (saved.paste || saved.csv.length) void this.verify();
    }
    this.querySelector('[data-check]')!.addEventListener('click', () => void this.verify());
    this.area.addEventListener('paste', (e) => this.largePaste(e));
    this.querySelector<HTMLInputElement>('[data-merge]')!.addEventListener('change', (e) => void this.merge(e.target as HTMLInputElement));
    this.querySelector('[data-export]')!.addEventListener('click', () => this.exportCsv());
    this.querySelector('[data-report]')?.addEventListener('click', () => void this.report());
    this.querySelector('[data-clear]')!.addEventListener('click', () => {
      this.area.value = '';
      this.csv = [];
      this.querySelector('[data-paste-note]')!.textContent = '';
      void this.verify();
    });
    // A session opened, imported or removed (here or in another window) changes what codes mean.
    const again = () => (this.rows.length || this.sessions.length ? void this.verify() : undefined);
    window.addEventListener(SESSIONS_EVENT, again);
    window.addEventListener('storage', (e) => e.key === 'tt-buoi-hoc' && again());
    this.setupScan();
  }

  private problem(...nodes: Node[]) {
    this.querySelector('[data-problem]')!.replaceChildren(...nodes);
  }

  private async verify() {
    const run = ++this.run;
    this.dataset.state = 'working';
    this.dataset.step = 'verifying';
    const status = this.querySelector('[data-summary]')!;
    // Without Web Crypto no MAC can be checked here: session codes then show as "buổi khác", never as forged.
    if (!canMac()) this.problem(h('p', { class: 'notice', role: 'note' }, this.tr('session.noCrypto')));
    this.sessions = (canMac() ? loadSessions().store.sessions : []).map((s) => ({ id: s.id, secret: secretOf(s), quiz: s.quiz, unit: s.unit, date: s.date }));
    const inputs = [...parsePaste(this.area.value), ...this.csv];
    const pause = async () => {
      await yieldToPage();
      if (run !== this.run) throw new Superseded();
    };
    try {
      const rows = await verifyAll(inputs, this.quizzes, vnDate(new Date()), this.sessions, {
        pause,
        progress: (done, total) => {
          if (total > 2000) status.textContent = this.tr('roster.working', { done, total });
        },
      });
      // verifyAll does not pause after its last chunk; counting starts in a task of its own.
      await pause();
      this.dataset.step = 'counting';
      const tally = await tallyRows(rows, { pause });
      this.dataset.step = 'showing';
      await this.renderRows(tally, pause);
      this.rows = rows;
    } catch (e) {
      if (e instanceof Superseded) return;
      throw e;
    }
    delete this.dataset.step;
    this.dataset.state = 'done';
    // After the results are on screen: keeping the lists is not worth delaying them.
    setTimeout(() => run === this.run && this.save(inputs.length), 0);
  }

  private save(lines: number) {
    const notice = this.querySelector('[data-not-saved]');
    try {
      if (lines > SAVE_LIMIT) throw new RangeError('too many lines to keep');
      localStorage.setItem(KEY, JSON.stringify({ v: 1, paste: this.area.value, csv: this.csv } satisfies Saved));
      notice?.remove();
    } catch {
      // The roster still works for this visit; the trainer is told so that nothing is lost on a reload.
      if (!notice) this.querySelector('[data-problem]')!.append(h('p', { class: 'notice', role: 'note', 'data-not-saved': true }, this.tr('roster.notSaved')));
    }
  }

  /** A very large paste joins the list like a merged file (named "bản dán n") and is checked at once. */
  private largePaste(e: ClipboardEvent) {
    const text = e.clipboardData?.getData('text/plain') ?? '';
    let lines = 0;
    for (let i = text.indexOf('\n'); i >= 0 && lines <= LARGE_PASTE; i = text.indexOf('\n', i + 1)) lines++;
    if (lines <= LARGE_PASTE) return;
    e.preventDefault();
    void this.addPaste(text);
  }

  /** Reads the pasted lines a few thousand at a time, yielding between, so the page answers while they are read. */
  private async addPaste(text: string) {
    this.dataset.state = 'working';
    this.dataset.step = 'reading';
    const name = this.tr('roster.pasteName', { n: ++this.pastes });
    // Out of the paste event first: the browser has just copied megabytes of text.
    await yieldToPage();
    const all = text.split(/\r?\n/);
    const added: RosterInput[] = [];
    for (let from = 0; from < all.length; from += 2000) {
      for (const i of parsePaste(all.slice(from, from + 2000).join('\n'))) added.push({ ...i, source: `${name}:${Number(i.source) + from}` });
      await yieldToPage();
    }
    for (const i of added) this.csv.push(i);
    this.querySelector('[data-paste-note]')!.textContent = this.tr('roster.largePaste', { n: added.length, name });
    await this.verify();
  }

  private async merge(input: HTMLInputElement) {
    for (const file of input.files ?? []) this.csv.push(...inputsFromCsv(await file.text(), file.name));
    input.value = '';
    await this.verify();
  }

  private titleOf(quiz: string) {
    return this.quizzes.find((q) => q.id === quiz)?.title ?? quiz;
  }

  private sessionText(s: KnownSession) {
    return this.tr('roster.sessionLabel', { title: this.titleOf(s.quiz), unit: s.unit, date: formatDate(s.date), id: sessionLabelId(s.id) });
  }

  private reasonText(r: RejectedRow): string {
    const id = r.claimedSession === undefined ? '' : sessionLabelId(r.claimedSession);
    return this.tr(`roster.reason.${r.reason}`, { id });
  }

  private statusText(r: AcceptedRow | RejectedRow): string {
    const tr = this.tr;
    if (r.status === 'rejected') return tr('roster.status.rejected', { reason: this.reasonText(r) });
    let text = tr('roster.status.self-study');
    if (r.status === 'attended' && r.session) text = tr('roster.status.attended', { unit: r.session.unit, date: formatDate(r.session.date) });
    if (r.status === 'other-session') text = tr('roster.status.other-session', { id: r.receipt.session ? sessionLabelId(r.receipt.session.id) : '' });
    return r.sharedWith === undefined ? text : `${text} (${tr('roster.sharedWith', { source: r.sharedWith })})`;
  }

  private exportCsv() {
    const csv = rosterCsv(this.rows, (r) => this.statusText(r as AcceptedRow | RejectedRow), (s) => this.sessionText(s));
    this.download(new Blob([csv], { type: 'text/csv;charset=utf-8' }), `danh-sach-hoan-thanh-${vnDate(new Date())}.csv`);
  }

  private download(blob: Blob, name: string) {
    const a = h('a', { href: URL.createObjectURL(blob), download: name }) as HTMLAnchorElement;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  }

  /** Builds the .docx report; the docx library comes with ./roster-report.ts, fetched on the first click only. */
  private async report() {
    const button = this.querySelector<HTMLButtonElement>('[data-report]')!;
    const status = this.querySelector('[data-report-status]')!;
    button.disabled = true;
    status.textContent = this.tr('roster.reportWorking');
    try {
      const { buildRosterReport } = await import('./roster-report.ts');
      const snapshot: RosterSnapshot = { rows: this.rows, quizzes: this.quizzes, sessions: this.sessions, tr: this.tr, sessionText: (s) => this.sessionText(s) };
      const blob = await buildRosterReport(snapshot, new Date());
      this.download(blob, `bao-cao-hoc-tap-${vnDate(new Date())}.docx`);
      status.textContent = this.tr('roster.reportDone');
    } catch {
      status.textContent = this.tr('roster.reportFailed');
    } finally {
      button.disabled = false;
    }
  }

  /** Shows the totals at once, then builds the tables one after another with a pause between them. */
  private async renderRows(tally: RosterTally, pause: () => Promise<void>) {
    const tr = this.tr;
    const t = tally.totals;
    this.querySelector('[data-summary]')!.textContent = t.lines ? tr('roster.summary', { ok: t.accepted, rejected: t.rejected }) : '';
    this.querySelector('[data-summary-detail]')!.textContent = t.accepted
      ? tr('roster.summaryDetail', { attended: t.attended, selfStudy: t.selfStudy, other: t.otherSession })
      : '';
    const more = this.querySelector<HTMLElement>('[data-summary-more]')!;
    more.textContent = t.duplicates || t.sharedCode ? tr('roster.summaryMore', { duplicates: t.duplicates, shared: t.sharedCode }) : '';
    more.dataset.duplicateCount = String(t.duplicates);
    more.dataset.sharedCount = String(t.sharedCode);
    const report = this.querySelector<HTMLButtonElement>('[data-report]');
    if (report) report.disabled = t.lines === 0;
    this.paged('[data-rejected]', tally.rejected, (r) =>
      h('tr', { 'data-reason': r.reason }, h('td', {}, r.input.source), h('td', { class: 'code' }, r.input.code), h('td', {}, r.input.name), h('td', {}, this.reasonText(r))),
    );
    await pause();
    this.paged('[data-duplicates]', tally.duplicates, (r) =>
      h('tr', {}, h('td', {}, r.input.source), h('td', { class: 'code' }, r.input.code), h('td', {}, r.input.name), h('td', {}, tr(r.codeOnly ? 'roster.duplicateCodeOnly' : 'roster.duplicateOf', { source: r.duplicateOf }))),
    );
    await pause();
    this.paged('[data-units]', tally.byUnit(this.quizzes), (g) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, g.unit || tr('roster.noUnit')),
          h('td', {}, g.quiz ? this.titleOf(g.quiz) : tr('roster.unknownQuiz')),
          h('td', { 'data-count': 'attended' }, String(g.attended)),
          h('td', { 'data-count': 'self-study' }, String(g.selfStudy)),
          h('td', { 'data-count': 'other-session' }, String(g.otherSession)),
          h('td', { 'data-count': 'rejected' }, String(g.rejected)),
        ),
    );
    this.paged('[data-sessions]', tally.bySession(this.sessions), ({ session, attended }) =>
      h('tr', {}, h('th', { scope: 'row' }, this.sessionText(session)), h('td', {}, String(attended))),
    );
    await pause();
    this.paged('[data-accepted]', tally.accepted, (r) =>
      h(
        'tr',
        { 'data-status': r.status, 'data-shared': r.sharedWith !== undefined },
        h('td', { class: 'code' }, r.code),
        h('td', {}, r.input.name),
        h('td', {}, r.input.unit || tr('roster.noUnit')),
        h('td', {}, r.quiz.title),
        h('td', {}, `${r.receipt.percent}%`),
        h('td', {}, formatDate(r.receipt.date)),
        h('td', { 'data-status-text': true }, this.statusText(r)),
      ),
    );
  }

  /** Shows one page of a long table, with previous/next buttons when there is more than one page. */
  private paged<T>(sel: string, items: T[], row: (item: T) => HTMLElement) {
    const sec = this.querySelector<HTMLElement>(sel)!;
    const pager = sec.querySelector<HTMLElement>('[data-pager]')!;
    // Fresh buttons each time: the listeners of the previous list go with the old ones.
    const [prev, next] = [...pager.querySelectorAll('button')].map((b) => {
      const c = b.cloneNode(true) as HTMLButtonElement;
      b.replaceWith(c);
      return c;
    }) as [HTMLButtonElement, HTMLButtonElement];
    const info = pager.querySelector('[data-page-info]')!;
    let page = 0;
    const show = () => {
      const from = page * PAGE;
      const to = Math.min(items.length, from + PAGE);
      sec.querySelector('tbody')!.replaceChildren(...items.slice(from, to).map(row));
      info.textContent = this.tr('roster.pageInfo', { from: from + 1, to, total: items.length });
      prev.disabled = page === 0;
      next.disabled = to >= items.length;
    };
    prev.addEventListener('click', () => (page--, show()));
    next.addEventListener('click', () => (page++, show()));
    pager.hidden = items.length <= PAGE;
    sec.hidden = items.length === 0;
    show();
  }

  // QR scanning only where the browser has BarcodeDetector (Chrome on Android, for example).
  private setupScan() {
    const Detector = (window as unknown as { BarcodeDetector?: new (o: { formats: string[] }) => { detect(v: HTMLVideoElement): Promise<{ rawValue: string }[]> } }).BarcodeDetector;
    const btn = this.querySelector<HTMLButtonElement>('[data-scan]')!;
    if (!Detector || !navigator.mediaDevices?.getUserMedia) return;
    btn.hidden = false;
    const video = this.querySelector<HTMLVideoElement>('[data-video]')!;
    let stream: MediaStream | null = null;
    const stop = () => {
      stream?.getTracks().forEach((t) => t.stop());
      stream = null;
      video.hidden = true;
      btn.textContent = this.tr('roster.scan');
    };
    btn.addEventListener('click', async () => {
      if (stream) return stop();
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
      } catch {
        return;
      }
      video.srcObject = stream;
      video.hidden = false;
      await video.play();
      btn.textContent = this.tr('roster.scanStop');
      const detector = new Detector({ formats: ['qr_code'] });
      const seen = new Set<string>();
      const tick = async () => {
        if (!stream) return;
        for (const c of await detector.detect(video).catch(() => [])) {
          if (seen.has(c.rawValue)) continue;
          seen.add(c.rawValue);
          this.area.value = `${this.area.value.replace(/\s*$/, '')}\n${c.rawValue}`.replace(/^\n/, '');
          void this.verify();
          this.querySelector('[data-summary]')!.textContent = this.tr('roster.scanned', { code: c.rawValue.split('\t')[0] ?? '' });
        }
        setTimeout(tick, 400);
      };
      tick();
    });
  }
}

customElements.define('tt-roster', TtRoster);
