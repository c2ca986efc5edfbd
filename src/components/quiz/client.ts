/**
 * Browser helpers shared by the quiz-area custom elements: embedded JSON, UI strings, a tiny DOM
 * builder that only ever sets text (never HTML), and the device record in localStorage.
 */
import { STORAGE_KEY, emptyRecord, readRecord, writeRecord } from '../../lib/quiz/store.ts';
import type { DeviceRecord, StoreProblem } from '../../lib/quiz/store.ts';

/** Reads a `<script type="application/json" data-json="name">` block inside `root`. */
export function readJson<T>(root: Element, name: string): T {
  const el = root.querySelector(`script[data-json="${name}"]`);
  return JSON.parse(el?.textContent ?? 'null') as T;
}

/** A string lookup over the strings embedded in the page. */
export type Tr = (key: string, vars?: Record<string, string | number>) => string;

/** Builds {@link Tr} from a key→text map. */
export function makeTr(strings: Record<string, string>): Tr {
  return (key, vars = {}) => (strings[key] ?? key).replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

type Child = Node | string | null | undefined | false;

/**
 * Creates an element. Attributes are set with setAttribute; children are nodes or text, so nothing
 * a learner typed can ever become markup.
 */
export function h(tag: string, attrs: Record<string, string | number | boolean | null | undefined> = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v === null || v === undefined) continue;
    el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

/** Result of loading the device record. */
export type Loaded = { ok: true; record: DeviceRecord; persistent: boolean } | { ok: false; problem: StoreProblem };

/** Loads the record; storage that throws (private mode, disabled) gives an empty, non-persistent record. */
export function loadRecord(): Loaded {
  let raw: string | null;
  try {
    raw = localStorage.getItem(STORAGE_KEY);
  } catch {
    return { ok: true, record: emptyRecord(), persistent: false };
  }
  const r = readRecord(raw);
  return r.ok ? { ok: true, record: r.record, persistent: true } : r;
}

/** Saves the record; returns false when the browser refused. */
export function saveRecord(record: DeviceRecord): boolean {
  try {
    localStorage.setItem(STORAGE_KEY, writeRecord(record));
    return true;
  } catch {
    return false;
  }
}

/** Removes the record (the "reset" of a corrupted store). */
export function resetRecord(): void {
  try {
    localStorage.removeItem(STORAGE_KEY);
  } catch {
    /* nothing stored, nothing to remove */
  }
}

/** The panel shown when the stored record cannot be read: a Vietnamese explanation and a reset button. */
export function storeProblemPanel(problem: StoreProblem, tr: Tr, onReset: () => void): HTMLElement {
  const button = h('button', { type: 'button', class: 'btn' }, tr('store.reset'));
  button.addEventListener('click', () => {
    resetRecord();
    onReset();
  });
  return h('div', { class: 'notice notice--error', role: 'alert' }, h('p', {}, tr(`store.${problem}`)), h('p', {}, tr('store.resetHint')), button);
}

/** "14:05 ngày 27/11/2026" in the device's local time. */
export function formatWhen(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getHours())}:${p(d.getMinutes())} ngày ${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()}`;
}

/** "27/11/2026" from YYYY-MM-DD. */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
