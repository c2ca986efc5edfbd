/**
 * Căn cứ links between documents: "this provision of the plan carries out that section of the
 * Kết luận". Declared once as data (content/data/can-cu/); this module answers both directions
 * and finds links that point at anchors which do not exist.
 */

/** One target section. */
export interface CanCuTarget {
  doc: string;
  anchor: string;
  label: string;
}

/** One file of căn cứ data. */
export interface CanCuSet {
  document: string;
  links: readonly { from: string; to: readonly CanCuTarget[] }[];
}

/** A back link: the provision `from` of document `doc` carries out the section being viewed. */
export interface CanCuBacklink {
  doc: string;
  from: string;
}

/** What provision `anchor` of document `doc` carries out (empty when nothing is declared). */
export function canCuOf(doc: string, anchor: string, sets: readonly CanCuSet[]): CanCuTarget[] {
  return sets.filter((s) => s.document === doc).flatMap((s) => s.links.filter((l) => l.from === anchor).flatMap((l) => l.to));
}

/** Every provision (of any document) that carries out section `anchor` of `doc`, in declaration order. */
export function backlinksTo(doc: string, anchor: string, sets: readonly CanCuSet[]): CanCuBacklink[] {
  const out: CanCuBacklink[] = [];
  for (const s of sets) {
    for (const l of s.links) {
      if (l.to.some((t) => t.doc === doc && t.anchor === anchor)) out.push({ doc: s.document, from: l.from });
    }
  }
  return out;
}

/** Every (doc, anchor) section some căn cứ link points at. */
export function targetedSections(sets: readonly CanCuSet[]): { doc: string; anchor: string }[] {
  const seen = new Set<string>();
  const out: { doc: string; anchor: string }[] = [];
  for (const s of sets) {
    for (const l of s.links) {
      for (const t of l.to) {
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

/**
 * Links that cannot resolve: unknown documents, and `from` / `to` anchors the pages will not have.
 * `anchorsOf(doc)` returns the anchors of a document's page, or undefined when there is no such document.
 */
export function canCuProblems(set: CanCuSet, anchorsOf: (doc: string) => readonly string[] | undefined): CanCuProblem[] {
  const problems: CanCuProblem[] = [];
  const own = anchorsOf(set.document);
  if (!own) return [{ index: -1, field: 'document', message: `không có văn bản nào có định danh "${set.document}"` }];
  const seenFrom = new Set<string>();
  set.links.forEach((l, i) => {
    if (!own.includes(l.from)) problems.push({ index: i, field: `links.${i}.from`, message: `văn bản ${set.document} không có neo "${l.from}"` });
    if (seenFrom.has(l.from)) problems.push({ index: i, field: `links.${i}.from`, message: `neo "${l.from}" đã khai báo ở trên` });
    seenFrom.add(l.from);
    l.to.forEach((t, j) => {
      const anchors = anchorsOf(t.doc);
      if (!anchors) problems.push({ index: i, field: `links.${i}.to.${j}.doc`, message: `không có văn bản nào có định danh "${t.doc}"` });
      else if (t.doc === set.document) problems.push({ index: i, field: `links.${i}.to.${j}.doc`, message: 'căn cứ không thể trỏ tới chính văn bản này' });
      else if (!anchors.includes(t.anchor)) {
        problems.push({ index: i, field: `links.${i}.to.${j}.anchor`, message: `trang ${t.doc} không có neo "${t.anchor}"` });
      }
    });
  });
  return problems;
}
