/**
 * Checks the learner's name (họ tên) and unit (đơn vị) before they go on a certificate and into
 * a receipt hash. Returns problem codes; the Vietnamese messages live in src/i18n/vi/quiz.ts.
 * Whatever passes is still only ever rendered as text (textContent), never as HTML.
 */

/** Longest accepted name. */
export const MAX_NAME = 80;
/** Longest accepted unit. */
export const MAX_UNIT = 120;

/** Why a name or unit was refused. */
export type LearnerProblem = 'empty' | 'too-long' | 'markup' | 'characters';

/** Result of checking one field. */
export type FieldCheck = { ok: true; value: string } | { ok: false; problem: LearnerProblem };

/** NFC, trimmed, inner whitespace collapsed to one space. */
export function cleanText(raw: string): string {
  // `\s` is the same set with or without the `u` flag (no whitespace lies outside the BMP); without it
  // the roster's 50,000 lines are cleaned several times faster.
  return raw.normalize('NFC').replace(/\s+/g, ' ').trim();
}

// Letters with their combining marks, digits, spaces and the punctuation units and names use.
const NAME_OK = /^[\p{L}\p{M}' .-]+$/u;
const UNIT_OK = /^[\p{L}\p{M}\p{Nd}' .,\-()/&]+$/u;

function check(raw: string, max: number, allowed: RegExp): FieldCheck {
  const value = cleanText(raw);
  if (value === '') return { ok: false, problem: 'empty' };
  if ([...value].length > max) return { ok: false, problem: 'too-long' };
  if (/[<>]/.test(value)) return { ok: false, problem: 'markup' };
  if (!allowed.test(value) || !/\p{L}/u.test(value)) return { ok: false, problem: 'characters' };
  return { ok: true, value };
}

/** Checks a full name: letters, spaces, apostrophe, dot and hyphen; 1–80 characters. */
export function checkName(raw: string): FieldCheck {
  return check(raw, MAX_NAME, NAME_OK);
}

/** Checks a unit name: also digits and , ( ) / &; 1–120 characters. */
export function checkUnit(raw: string): FieldCheck {
  return check(raw, MAX_UNIT, UNIT_OK);
}

/**
 * The form used for hashing and comparing: cleaned and lower-cased by Unicode's default mapping.
 * (Vietnamese has no language-specific case rules, so this equals `toLocaleLowerCase('vi')`, which
 * older code called, at a tenth of the cost; src/lib/receipt/README.md specifies it for verifiers.)
 */
export function comparableText(s: string): string {
  return cleanText(s).toLowerCase();
}
