/**
 * Căn cứ links between documents: "this provision of the plan carries out that document". Declared
 * once as data (content/data/can-cu/); this module answers both directions and finds links that claim
 * more than we know.
 *
 * Two modes per target. When we hold the target's official text, a link goes provision to provision
 * (`anchor`). When we hold only a summary, we do not know its sections, so the link targets the
 * document as a whole and carries the source provision's own `wording` of what it carries out.
 */

/** One target. */
export interface CanCuTarget {
  doc: string;
  /** Provision of the target (full-text targets only). */
  anchor?: string | undefined;
  /** Our label of that provision (with `anchor`). */
  label?: string | undefined;
  /** The source provision's verbatim words naming what it carries out (whole-document targets). */
  wording?: string | undefined;
  /** "can-cu": the provision takes the target as căn cứ; "nhac-toi" (also when absent): it only mentions it. */
  relation?: 'can-cu' | 'nhac-toi' | undefined;
}

/** The relation a target states; a target that does not say is only a mention (the weaker claim). */
export function relationOf(t: CanCuTarget): 'can-cu' | 'nhac-toi' {
  return t.relation === 'can-cu' ? 'can-cu' : 'nhac-toi';
}

/** One file of căn cứ data. */
export interface CanCuSet {
  document: string;
  links: readonly { from: string; to: readonly CanCuTarget[] }[];
}

/** A back link: the provision `from` of document `doc` carries out what is being viewed. */
export interface CanCuBacklink {
  doc: string;
  from: string;
  wording?: string | undefined;
  relation: 'can-cu' | 'nhac-toi';
}

/** What provision `anchor` of document `doc` carries out (empty when nothing is declared). */
export function canCuOf(doc: string, anchor: string, sets: readonly CanCuSet[]): CanCuTarget[] {
  return sets.filter((s) => s.document === doc).flatMap((s) => s.links.filter((l) => l.from === anchor).flatMap((l) => l.to));
}

/**
 * Every provision (of any document) that carries out `doc`, in declaration order: with `anchor`, those
 * pointing at that provision; without, those pointing at the document as a whole.
 */
export function backlinksTo(doc: string, anchor: string | undefined, sets: readonly CanCuSet[]): CanCuBacklink[] {
  const out: CanCuBacklink[] = [];
  for (const s of sets) {
    for (const l of s.links) {
      const hit = l.to.find((t) => t.doc === doc && (t.anchor ?? undefined) === anchor);
      if (hit) out.push({ doc: s.document, from: l.from, wording: hit.wording, relation: relationOf(hit) });
    }
  }
  return out;
}

/** Every (doc, anchor) provision some căn cứ link points at (whole-document targets excluded). */
export function targetedSections(sets: readonly CanCuSet[]): { doc: string; anchor: string }[] {
  const seen = new Set<string>();
  const out: { doc: string; anchor: string }[] = [];
  for (const s of sets) {
    for (const l of s.links) {
      for (const t of l.to) {
        if (!t.anchor) continue;
        const k = `${t.doc}#${t.anchor}`;
        if (!seen.has(k)) {
          seen.add(k);
          out.push({ doc: t.doc, anchor: t.anchor });
        }
      }
    }
  }
  return out;
}

/** A problem found in one set, with the dotted field path. */
export interface CanCuProblem {
  index: number;
  field: string;
  message: string;
}

/** What the checks need to know about a document. */
export interface CanCuDocInfo {
  /** Anchors its page will have. */
  anchors: readonly string[];
  /** True when the page carries the official text (`textKind: full`). */
  fullText: boolean;
  /** Plain text of its provisions by anchor (source documents only, for `wording`). */
  provisions?: ReadonlyMap<string, string>;
}

const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

/**
 * Links that cannot resolve or claim too much: unknown documents or anchors; a provision anchor into a
 * document whose official text we do not hold; a full-text target without an anchor; a `wording` that
 * is not, word for word, in the source provision. `infoOf(doc)` is undefined for unknown documents.
 */
export function canCuProblems(set: CanCuSet, infoOf: (doc: string) => CanCuDocInfo | undefined): CanCuProblem[] {
  const problems: CanCuProblem[] = [];
  const own = infoOf(set.document);
  if (!own) return [{ index: -1, field: 'document', message: `không có văn bản nào có định danh "${set.document}"` }];
  const seenFrom = new Set<string>();
  set.links.forEach((l, i) => {
    if (!own.anchors.includes(l.from)) problems.push({ index: i, field: `links.${i}.from`, message: `văn bản ${set.document} không có neo "${l.from}"` });
    if (seenFrom.has(l.from)) problems.push({ index: i, field: `links.${i}.from`, message: `neo "${l.from}" đã khai báo ở trên` });
    seenFrom.add(l.from);
    l.to.forEach((t, j) => {
      const at = `links.${i}.to.${j}`;
      const target = infoOf(t.doc);
      if (!target) problems.push({ index: i, field: `${at}.doc`, message: `không có văn bản nào có định danh "${t.doc}"` });
      else if (t.doc === set.document) problems.push({ index: i, field: `${at}.doc`, message: 'căn cứ không thể trỏ tới chính văn bản này' });
      else if (t.anchor && !target.fullText) {
        problems.push({
          index: i,
          field: `${at}.anchor`,
          message: `chưa có toàn văn của ${t.doc}: căn cứ chỉ được trỏ tới cả văn bản (bỏ anchor, ghi wording), không trỏ tới một mục`,
        });
      } else if (!t.anchor && target.fullText) {
        problems.push({ index: i, field: `${at}.anchor`, message: `${t.doc} đã có toàn văn: căn cứ cần trỏ tới đúng điều khoản (anchor, label)` });
      } else if (t.anchor && !target.anchors.includes(t.anchor)) {
        problems.push({ index: i, field: `${at}.anchor`, message: `trang ${t.doc} không có neo "${t.anchor}"` });
      }
      if (t.wording && own.anchors.includes(l.from)) {
        const text = own.provisions?.get(l.from);
        if (text !== undefined && !norm(text).includes(norm(t.wording))) {
          problems.push({ index: i, field: `${at}.wording`, message: `không tìm thấy nguyên văn "${t.wording}" trong ${l.from} của ${set.document}` });
        }
      }
      // "Căn cứ" is claimed only where the provision says it: the quoted words must contain it.
      if (t.relation === 'can-cu' && t.wording && !/căn cứ/iu.test(norm(t.wording))) {
        problems.push({
          index: i,
          field: `${at}.relation`,
          message: `nguyên văn "${t.wording}" không có chữ "căn cứ": điều khoản chỉ nhắc tới ${t.doc}, hãy ghi relation: nhac-toi`,
        });
      }
    });
  });
  return problems;
}
