/**
 * The listen-mode player, imported on first use by listen-element.ts. Reads sections in order with a
 * vi-VN voice: a section is a heading with an id inside the element's root plus the blocks up to the
 * next section, split into sentences (long utterances stall in some engines). On first use it also
 * puts a "Nghe đoạn này" button on every section. Pause cancels and resume restarts the sentence,
 * which also works on engines whose pause() does nothing (Android).
 */

import { sentences } from '../../lib/listen/sentences.ts';

const HEADINGS = 'h2[id],h3[id],h4[id]';

/** Never read: site chrome, căn cứ lines, search-ignored panels, notes, hidden or decorative parts, controls. */
const SKIP = '[data-chrome],[data-pagefind-ignore],[hidden],[role=note],[aria-hidden=true],.visually-hidden,.can-cu,button,select,script,style,template';
const BLOCK = /^(P|LI|H[1-6]|TD|TH|DT|DD|BLOCKQUOTE|FIGCAPTION|DIV|SECTION|ASIDE|TR)$/;

/** Spoken text of a node: text nodes, minus skipped elements, blocks separated. */
function spoken(n: Node): string {
  if (n.nodeType === Node.TEXT_NODE) return n.nodeValue ?? '';
  if (n.nodeType !== Node.ELEMENT_NODE || (n as Element).matches(SKIP)) return '';
  const inner = [...n.childNodes].map(spoken).join('');
  return BLOCK.test(n.nodeName) ? ` ${inner}. ` : inner;
}

interface Section {
  heading: HTMLElement;
  els: Element[];
  label: string;
  parts: string[];
}

/** A heading and the blocks that follow it, up to the next heading or anything containing one. */
function section(h: HTMLElement): Section {
  const els: Element[] = [h];
  for (let el = h.nextElementSibling; el && !/^H[2-4]$/.test(el.tagName) && !el.querySelector('h2,h3,h4'); el = el.nextElementSibling) {
    if (!el.matches(SKIP)) els.push(el);
  }
  // A provision's own label ("mục 3, phần II") where it has one, else the heading's text.
  const label = h.dataset.label || spoken(h).replace(/[\s.]+$/, '').replace(/\s+/g, ' ').trim();
  return { heading: h, els, label, parts: sentences(els.map(spoken).join(' ')) };
}

interface State {
  el: HTMLElement;
  list: Section[];
  i: number;
  part: number;
  one: boolean;
  paused: boolean;
  rate: number;
  /** Bumped on every cancel, so a late "end" of a cancelled utterance is ignored. */
  gen: number;
}
const states = new WeakMap<HTMLElement, State>();

function voice(): SpeechSynthesisVoice | undefined {
  const vs = speechSynthesis.getVoices().filter((v) => /^vi\b/i.test(v.lang));
  return vs.find((v) => v.localService) ?? vs[0];
}

function ui(st: State, text: string): void {
  const d = st.el.dataset;
  const bar = st.el.querySelector<HTMLElement>('.listen__bar')!;
  const active = st.i < st.list.length && st.i >= 0;
  // Closing the bar must not drop keyboard focus on the page body: hand it back to "Nghe đọc".
  if (!active && bar.contains(document.activeElement)) st.el.querySelector<HTMLElement>('[data-listen]')?.focus();
  bar.hidden = !active;
  st.el.toggleAttribute('data-active', active);
  const pause = bar.querySelector<HTMLButtonElement>('[data-act=pause]')!;
  // The label says what a press does ("Tạm dừng" / "Đọc tiếp"), so no aria-pressed on top of it.
  pause.textContent = st.paused ? d.tResume! : d.tPause!;
  st.el.querySelector('[role=status]')!.textContent = text;
}

function mark(st: State): void {
  for (const el of document.querySelectorAll('[data-listening]')) el.removeAttribute('data-listening');
  const s = st.list[st.i];
  if (!s) return;
  for (const el of s.els) el.setAttribute('data-listening', '');
}

function cancel(st: State): void {
  st.gen++;
  speechSynthesis.cancel();
}

function speak(st: State): void {
  const s = st.list[st.i];
  const d = st.el.dataset;
  if (!s) return finish(st, d.tDone!);
  if (st.part >= s.parts.length) {
    // Section done: the next one, unless only this one was asked for.
    if (st.one) return finish(st, d.tDone!);
    st.i++;
    st.part = 0;
    return start(st);
  }
  const u = new SpeechSynthesisUtterance(s.parts[st.part]);
  u.lang = 'vi-VN';
  const v = voice();
  if (v) u.voice = v;
  u.rate = st.rate;
  const gen = st.gen;
  u.onend = () => {
    if (gen !== st.gen || st.paused) return;
    st.part++;
    speak(st);
  };
  u.onerror = (e) => {
    if (gen !== st.gen || e.error === 'interrupted' || e.error === 'canceled') return;
    st.part++;
    speak(st);
  };
  speechSynthesis.speak(u);
}

function start(st: State): void {
  const s = st.list[st.i];
  if (!s) return finish(st, st.el.dataset.tDone!);
  mark(st);
  s.heading.scrollIntoView({ block: 'start', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
  ui(st, st.el.dataset.tReading!.replace('{n}', String(st.i + 1)).replace('{total}', String(st.list.length)).replace('{label}', s.label));
  speak(st);
}

function finish(st: State, text: string): void {
  cancel(st);
  st.i = -1;
  st.paused = false;
  mark(st);
  ui(st, text);
}

/** Readable headings in `root`, in order. */
function headings(root: Element | null): HTMLElement[] {
  return root ? [...root.querySelectorAll<HTMLElement>(HEADINGS)].filter((h) => !h.closest(SKIP)) : [];
}

/** Puts "Nghe đoạn này" on every section (inside a provision's tool box when it has one); clicks come back to act(). */
function addOneButtons(st: State, root: Element): void {
  const d = st.el.dataset;
  st.list.forEach((s, i) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'listen-one';
    b.dataset.chrome = '';
    b.dataset.listen = String(i);
    b.dataset.one = '';
    b.textContent = d.tOne!;
    b.setAttribute('aria-label', d.tOneLabel!.replace('{label}', s.label));
    const tools = s.heading.nextElementSibling;
    if (tools?.classList.contains('provision-tools')) tools.append(b);
    else s.heading.after(b);
  });
  root.addEventListener('click', (e) => {
    const b = (e.target as Element).closest<HTMLElement>('.listen-one');
    if (b) act(st.el, b);
  });
}

/** Handles a listen control: a start button (data-listen="n", data-one for one section) or a bar action. */
export function act(el: HTMLElement, b: HTMLElement): void {
  let st = states.get(el);
  if (!st) {
    const root = document.querySelector(el.dataset.root!);
    st = { el, list: headings(root).map(section), i: -1, part: 0, one: false, paused: false, rate: 1, gen: 0 };
    states.set(el, st);
    if (root) addOneButtons(st, root);
    // The speed list changes without a click.
    el.querySelector('select')?.addEventListener('change', (e) => act(el, e.target as HTMLElement));
  }
  const a = b.dataset.act;
  if (b.dataset.listen !== undefined) {
    cancel(st);
    Object.assign(st, { i: Number(b.dataset.listen), part: 0, one: b.dataset.one !== undefined, paused: false });
    return start(st);
  }
  if (st.i < 0) return;
  const s = st.list[st.i]!;
  if (a === 'pause') {
    st.paused = !st.paused;
    cancel(st);
    if (st.paused) ui(st, el.dataset.tPaused!.replace('{label}', s.label));
    else start(st);
  } else if (a === 'next') {
    cancel(st);
    st.paused = false;
    if (st.one || st.i + 1 >= st.list.length) return finish(st, el.dataset.tDone!);
    st.i++;
    st.part = 0;
    start(st);
  } else if (b.dataset.rate !== undefined) {
    st.rate = Number((b as HTMLSelectElement).value) || 1;
    // Restart the sentence at the new speed (unless paused: the speed applies on resume).
    if (!st.paused) {
      cancel(st);
      speak(st);
    }
  } else if (a === 'stop') {
    finish(st, el.dataset.tStopped!);
  }
}
