/** Cross-entry checks of the documents collection: unique numbers and resolvable relations. */
import type { ContentProblem, CorpusCheck } from '../types.ts';
import { entriesOf } from '../types.ts';
import { graphProblems } from '../../documents/relations.ts';
import type { DeclaredRelation } from '../../documents/relations.ts';

interface DocLike {
  number: string;
  relations: DeclaredRelation[];
}

/** Two documents must not share a number ("số ký hiệu"). */
export const uniqueNumbers: CorpusCheck = (corpus) => {
  const docs = entriesOf<DocLike>(corpus, 'documents');
  const seen = new Map<string, string>();
  const problems: ContentProblem[] = [];
  for (const d of docs) {
    const key = d.data.number.normalize('NFC').toUpperCase();
    const first = seen.get(key);
    if (first) problems.push({ file: d.file, field: 'number', message: `số ký hiệu ${d.data.number} đã dùng ở ${first}` });
    else seen.set(key, d.file);
  }
  return problems;
};

/** Every relation must point at an existing document other than itself. */
export const resolvableRelations: CorpusCheck = (corpus) => {
  const docs = entriesOf<DocLike>(corpus, 'documents');
  const byId = new Map(docs.map((d) => [d.id, d]));
  return graphProblems(docs.map((d) => ({ id: d.id, relations: d.data.relations }))).map((p) => ({
    file: byId.get(p.id)!.file,
    field: `relations.${p.index}.target`,
    message: p.message,
  }));
};

/** A full-text document must name its source file under content/sources/. */
export const sourceFileShape: CorpusCheck = (corpus) => {
  const docs = entriesOf<{ sourceFile?: string }>(corpus, 'documents');
  return docs
    .filter((d) => d.data.sourceFile && !/^content\/sources\/[a-z0-9-]+\.txt$/.test(d.data.sourceFile))
    .map((d) => ({ file: d.file, field: 'sourceFile', message: 'sourceFile phải có dạng content/sources/<định-danh>.txt' }));
};

/** All document checks, in the order they run. */
export const documentChecks: CorpusCheck[] = [uniqueNumbers, resolvableRelations, sourceFileShape];
