/**
 * A document described rather than numbered (round 17): people who do not remember "45-NQ/TW" name
 * it by what stands on its face: its kind, who issued it, the Party term, the year and its title
 * ("nghị quyết BCH TW khóa XIII về trí thức", "KL BBT 2019 trí thức", "xây dựng đội ngũ trí thức
 * thời kỳ CNH-HĐH"). A query made only of such words names that document, as a number would.
 *
 * Pure: the engine passes the identities of the document pages it has read (their search metadata,
 * see `IDENTITY_META` in attributes.ts) and the query's words.
 */
import { kindOfNumber, kindsNamed, withoutKindWords } from './query.ts';
import { fold, foldWords } from './normalize.ts';
import { FUNCTION_WORDS } from './understand.ts';

/** What a document page says about itself in its search metadata. */
export interface DocumentIdentity {
  /** The page's id (the engine's candidate id). */
  id: string;
  /** The document number ("52-KL/TW"): its kind and issuer codes. */
  number: string;
  /** The issuing body ("Ban Bí thư Trung ương Đảng"). */
  issuer: string;
  /**
   * The body the text names besides the issuer, when the record says: the conference that adopted a
   * resolution ("Hội nghị lần thứ tám Ban Chấp hành Trung ương khóa XIII"), who drew up a plan.
   */
  body: string;
  /** The title's subject, the trích yếu ("Về tiếp tục xây dựng và phát huy vai trò của đội ngũ trí thức…"). */
  abstract: string;
  /** The year of issue ("2019"), or null when not known. */
  year: string | null;
}

/**
 * Least evidence for a described document: a kind, an issuer, a term or a year each count 1, the
 * title the share of its words the query holds. Two fifths of a title (a dozen words of a long
 * one), or one of the others, names a text; a phrase from it ("phát triển bền vững") does not.
 */
const DESCRIBED_AT_LEAST = 0.4;
/**
 * How far ahead of the next document the best must be: two texts that match as well are not told
 * apart ("nghị quyết trí thức" fits 27-NQ/TW and 45-NQ/TW alike), and then nothing is named.
 */
const DESCRIBED_MARGIN = 0.1;

/** Words that say "a text" and nothing about which. */
const GENERIC = /(?<= )van ban(?= )/g;

/** True when `words` stand together, in order, in the space-padded `padded` text. */
const stands = (padded: string, words: readonly string[]): boolean => words.length > 0 && padded.includes(` ${words.join(' ')} `);

/** What ends the name of a central body and says nothing about which: the Party, "Trung ương". */
const GENERIC_TAIL = / (?:trung uong dang|trung uong|dang)$/;

/** The kinds a document's face names (folded), once per face: the faces are the few documents held. */
const faceKinds = new Map<string, string[]>();
const kindsOnFace = (face: string): string[] => {
  let kinds = faceKinds.get(face);
  if (!kinds) faceKinds.set(face, (kinds = kindsNamed(face).map((k) => fold(k))));
  return kinds;
};

/**
 * The name of the issuer that tells it apart, folded words: "Ban Bí thư" of "Ban Bí thư Trung ương
 * Đảng"; a committee of a place without the place ("Tỉnh ủy" of "Tỉnh ủy Điện Biên"), which a query
 * about the province's own texts seldom repeats.
 */
function issuerCore(issuer: string): string[] {
  const name = foldWords(issuer).join(' ');
  const committee = /^(?:tinh|thanh|huyen|dang) uy(?= |$)/.exec(name);
  return (committee ? committee[0] : name.replace(GENERIC_TAIL, '')).split(' ');
}

/** The Party term a body's name ends with ("khóa XIII"), folded words, or none. */
function termOf(body: string): string[] {
  const m = / (khoa [ivxlc]+)$/.exec(` ${foldWords(body).join(' ')}`);
  return m ? m[1]!.split(' ') : [];
}

/**
 * The document a query describes by what stands on its face, or null. Every word the query asks
 * with (`contentWords`: folded, function words already out) must stand in the document's identity
 * (issuer, named body, title, number); a kind or year the query names must be the document's. Of the
 * documents that pass, the one with the most evidence is named when it leads the next by
 * {@link DESCRIBED_MARGIN} and has {@link DESCRIBED_AT_LEAST}; evidence is one for each of kind,
 * issuer, term and year the query names, plus the share of the title's words it holds (the shorter
 * title a query fills is the one meant: "CNH-HĐH đội ngũ trí thức" is 27-NQ/TW's title, which the
 * conclusions that continue it repeat inside longer ones).
 * @example describedDocument('KL Ban Bí thư 2019 trí thức', ['kl', 'bi', 'thu', '2019', 'tri', 'thuc'], ['2019'], docs) // the id of 52-KL/TW
 */
export function describedDocument(text: string, contentWords: readonly string[], years: readonly string[], docs: readonly DocumentIdentity[]): string | null {
  const padded = ` ${foldWords(text).join(' ')} `;
  const kinds = kindsNamed(text).map((k) => fold(k));
  // The words left to check: not the kind words, "văn bản", nor a year (each checked on its own).
  const rest = new Set(foldWords(withoutKindWords(padded.replace(GENERIC, ' '))));
  const asked = contentWords.map((w) => fold(w)).filter((w) => rest.has(w) && !years.includes(w));
  if (asked.length + kinds.length + years.length < 2) return null;
  const scored: { id: string; evidence: number }[] = [];
  for (const d of docs) {
    if (years.length && (!d.year || !years.includes(d.year))) continue;
    const title = foldWords(d.abstract);
    // "Hội nghị lần thứ bảy … khóa X (tên của Nghị quyết)": where the text says so is not its face.
    const body = d.body.replace(/\s*\([^)]*\)\s*$/, '');
    const face = ` ${[...foldWords(d.issuer), ...foldWords(body), ...title].join(' ')} `;
    // A kind named is the document's own, or a text its title names ("… thực hiện Nghị quyết
    // Trung ương 7" in a conclusion's title).
    const own = kindOfNumber(d.number);
    const kindsOwn = kinds.length > 0 && !!own && kinds.includes(own);
    if (kinds.some((k) => k !== own && !kindsOnFace(face).includes(k))) continue;
    const identity = new Set([...face.split(' '), ...foldWords(d.number)]);
    if (!asked.every((w) => identity.has(w))) continue;
    const titleWords = new Set(title.filter((w) => !FUNCTION_WORDS.has(w)));
    const share = titleWords.size ? [...titleWords].filter((w) => asked.includes(w)).length / titleWords.size : 0;
    const evidence =
      (kindsOwn ? 1 : 0) + (years.length ? 1 : 0) + (stands(padded, issuerCore(d.issuer)) ? 1 : 0) + (stands(padded, termOf(body)) ? 1 : 0) + share;
    scored.push({ id: d.id, evidence });
  }
  scored.sort((a, b) => b.evidence - a.evidence);
  const [best, next] = scored;
  if (!best || best.evidence < DESCRIBED_AT_LEAST) return null;
  if (next && best.evidence - next.evidence < DESCRIBED_MARGIN) return null;
  return best.id;
}
