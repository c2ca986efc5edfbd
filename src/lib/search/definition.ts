/**
 * Questions about what a word means ("trí thức là gì", "khái niệm trí thức", "định nghĩa trí
 * thức"): the answer is the section that defines it, wherever the words of the question stand.
 * The texts define a word without saying "định nghĩa", so the question phrase is not searched
 * (`findAsks` in understand.ts); this module finds the defining section among those analysed.
 */
import { fold } from './normalize.ts';

/** What this module needs of a section: its anchor and heading. */
export interface Headed {
  id: string | null;
  heading: string;
}

/** What this module needs of a ranked page: its kind filter value and its sections, best first. */
export interface Defining<S extends Headed> {
  kind?: string;
  sections: S[];
}

// A heading (with its id's words, folded) that defines: "Định nghĩa trí thức", "Trí thức là ai (tóm
// lược)" at `#dinh-nghia-tri-thuc`, "Khái niệm …".
const MARKER = /(?:^| )(?:dinh nghia|khai niem|la ai|la gi)(?= |$)/;

/** Least share of the words asked about that a defining heading holds (see docs/SEARCH.md). */
export const DEFINITION_SHARE_MIN = 0.6;

// Words saying where the definition is sought, not what is defined: "trí thức là ai theo nghị quyết".
const WHERE_WORDS = new Set(['theo', 'trong', 'nghi', 'quyet', 'ket', 'luan', 'ke', 'hoach', 'van', 'ban', 'tai', 'lieu']);

/**
 * The section whose heading and id mark a definition and hold {@link DEFINITION_SHARE_MIN} of the subject words
 * ("người trí thức": "Trí thức là ai" holds two of three), or undefined. Words saying where it is
 * sought ("theo nghị quyết") do not count.
 * @example definitionSection([{ id: 'dinh-nghia-tri-thuc', heading: 'Trí thức là ai' }], ['tri', 'thuc'])?.id // "dinh-nghia-tri-thuc"
 */
export function definitionSection<S extends Headed>(sections: readonly S[], subject: readonly string[]): S | undefined {
  const want = [...new Set(subject.map((w) => fold(w).toLowerCase()))].filter((w) => !WHERE_WORDS.has(w));
  if (!want.length) return undefined;
  return sections.find((x) => {
    if (x.id === null) return false;
    const text = `${fold(x.heading).toLowerCase()} ${x.id.replace(/-/g, ' ')}`.replace(/[^a-z0-9 ]+/g, ' ').replace(/ +/g, ' ');
    if (!MARKER.test(text)) return false;
    const have = new Set(text.split(' '));
    return want.filter((w) => have.has(w)).length / want.length >= DEFINITION_SHARE_MIN;
  });
}

/**
 * Puts the pages that define the subject first, each opened at its defining section: documents
 * before the rest (the text defines; a study page retells it), each group in the order it had.
 * `defines` maps a page to its defining section. Pages are reordered in place; nothing changes when
 * no page defines it.
 */
export function definitionFirst<S extends Headed, P extends Defining<S>>(pages: P[], defines: ReadonlyMap<P, S>, documentKind: string): void {
  if (!defines.size) return;
  const rank = (p: P) => (defines.has(p) ? (p.kind === documentKind ? 0 : 1) : 2);
  const order = pages.map((p, i) => ({ p, i })).sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i);
  order.forEach(({ p }, k) => {
    pages[k] = p;
  });
  for (const [p, s] of defines) p.sections = [s, ...p.sections.filter((x) => x.id !== s.id)];
}
