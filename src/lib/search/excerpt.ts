/**
 * Escaping and highlighting. Everything shown from the index or from the query goes through
 * `escapeHtml`; the only markup we add is `<mark>`.
 */

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`);
}

/**
 * Builds HTML for a run of words, escaping each word and wrapping the ones at `marked` positions
 * in `<mark>`; adjacent marked words share one `<mark>` so a phrase reads as one highlight.
 * @example highlightWords(['Đảng', 'ủy', 'viên'], new Set([0, 1])) // "<mark>Đảng ủy</mark> viên"
 */
export function highlightWords(words: readonly string[], marked: ReadonlySet<number>, offset = 0): string {
  let html = '';
  let open = false;
  words.forEach((w, i) => {
    const on = marked.has(i + offset);
    if (open && !on) {
      html += '</mark>';
      open = false;
    }
    if (i > 0) html += ' ';
    if (on && !open) {
      html += '<mark>';
      open = true;
    }
    html += escapeHtml(w);
  });
  if (open) html += '</mark>';
  return html;
}

/**
 * Picks the window of `length` words with the most weight, for an excerpt.
 * Returns the start index; windows never start before `from` or end after `to`.
 */
export function bestWindow(weights: ReadonlyMap<number, number>, from: number, to: number, length: number): number {
  if (to - from <= length) return from;
  let best = from;
  let bestSum = -1;
  const positions = [...weights.keys()].filter((p) => p >= from && p < to).sort((a, b) => a - b);
  for (const p of positions) {
    // Start a little before the first match so it has context.
    const start = Math.max(from, Math.min(p - 4, to - length));
    let sum = 0;
    for (const q of positions) if (q >= start && q < start + length) sum += weights.get(q)!;
    if (sum > bestSum) {
      bestSum = sum;
      best = start;
    }
  }
  return best;
}
