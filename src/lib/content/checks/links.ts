/**
 * Cross-entry checks of the documents web: căn cứ links must point at provisions and sections
 * that exist (a missing anchor fails the build), and the responsibility matrix must match the
 * plan's text (every responsible body of the section, verbatim quotes, no invented bodies).
 */
import type { ContentProblem, CorpusCheck } from '../types.ts';
import { entriesOf } from '../types.ts';
import { anchorsInMdx } from '../../documents/mdx-anchors.ts';
import { canCuProblems } from '../../documents/can-cu.ts';
import type { CanCuDocInfo, CanCuSet } from '../../documents/can-cu.ts';
import { provisionTexts } from '../../documents/provision-text.ts';
import { matrixProblems } from '../../documents/responsibility.ts';
import type { Matrix } from '../../documents/responsibility.ts';

/** What the căn cứ checks need about every document page, by id, from the MDX bodies. */
function docIndex(corpus: Parameters<CorpusCheck>[0]): Map<string, CanCuDocInfo> {
  return new Map(
    (corpus.documents ?? []).map((d) => [
      d.id,
      {
        anchors: anchorsInMdx(d.body ?? ''),
        fullText: (d.data as { textKind?: string }).textKind === 'full',
        provisions: provisionTexts(d.body ?? ''),
      },
    ]),
  );
}

/** Every căn cứ link resolves and claims no more than we know (see canCuProblems). */
export const canCuAnchors: CorpusCheck = (corpus) => {
  const docs = docIndex(corpus);
  const problems: ContentProblem[] = [];
  for (const set of entriesOf<CanCuSet>(corpus, 'canCu')) {
    for (const p of canCuProblems(set.data, (doc) => docs.get(doc))) problems.push({ file: set.file, field: p.field, message: p.message });
  }
  return problems;
};

/** The matrix agrees with the plan it is taken from. */
export const matrixMatchesPlan: CorpusCheck = (corpus) => {
  const docs = new Map((corpus.documents ?? []).map((d) => [d.id, d]));
  const problems: ContentProblem[] = [];
  for (const m of entriesOf<Matrix>(corpus, 'responsibilities')) {
    const plan = docs.get(m.data.document);
    if (!plan) {
      problems.push({ file: m.file, field: 'document', message: `không có văn bản nào có định danh "${m.data.document}"` });
      continue;
    }
    for (const p of matrixProblems(m.data, plan.body ?? '')) problems.push({ file: m.file, field: p.field, message: p.message });
  }
  return problems;
};

/** All documents-web checks, in the order they run. */
export const linkChecks: CorpusCheck[] = [canCuAnchors, matrixMatchesPlan];
