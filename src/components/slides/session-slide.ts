/**
 * The closing slide during an opened study session: the build-time QR (plain quiz link, "tự học")
 * is swapped for the session's QR (quiz link with the session in the fragment), with the unit and
 * date under it. Loaded by deck-element.ts only when the device holds sessions; with none current
 * for this quiz, the original slide is put back.
 */
import { qrSvg } from '../quiz/qr.ts';
import { formatDate } from '../quiz/client.ts';
import { currentSession, learnerLink, readSessions, SESSIONS_KEY } from '../../lib/receipt/session.ts';

const original = new WeakMap<Element, { qr: Node[]; url: string; label: string }>();

/** Shows the current session of the deck's quiz on every closing slide of `deck` (or restores the plain QR). */
export async function showSession(deck: HTMLElement): Promise<void> {
  let raw: string | null = null;
  try {
    raw = localStorage.getItem(SESSIONS_KEY);
  } catch {
    return;
  }
  const s = currentSession(readSessions(raw).store, deck.dataset.quiz ?? '');
  const strings = JSON.parse(deck.querySelector('script[data-json="session-strings"]')?.textContent ?? '{}') as { url?: string; label?: string };
  const fill = (tpl: string | undefined, unit: string, date: string) => (tpl ?? '').replace('{unit}', unit).replace('{date}', date);
  for (const slide of deck.querySelectorAll<HTMLElement>('.slide--closing')) {
    const qr = slide.querySelector<HTMLElement>('.slide__qr');
    const url = slide.querySelector<HTMLElement>('.slide__url');
    if (!qr || !url) continue;
    if (!original.has(slide)) original.set(slide, { qr: [...qr.childNodes].map((n) => n.cloneNode(true)), url: url.textContent ?? '', label: qr.getAttribute('aria-label') ?? '' });
    const saved = original.get(slide)!;
    if (!s) {
      qr.replaceChildren(...saved.qr.map((n) => n.cloneNode(true)));
      url.textContent = saved.url;
      qr.setAttribute('aria-label', saved.label);
      delete slide.dataset.session;
      continue;
    }
    const date = formatDate(s.date);
    const link = learnerLink(new URL(deck.dataset.quizPath ?? '', location.origin).href, s);
    const svg = await qrSvg(link, fill(strings.label, s.unit, date));
    // The wrapper has role="img" and the label; the drawing inside is decoration.
    svg.removeAttribute('role');
    svg.setAttribute('aria-hidden', 'true');
    qr.setAttribute('aria-label', fill(strings.label, s.unit, date));
    qr.replaceChildren(svg);
    url.textContent = fill(strings.url, s.unit, date);
    slide.dataset.session = s.id.toString(16).toUpperCase().padStart(4, '0');
  }
}
