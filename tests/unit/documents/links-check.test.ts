import { describe, expect, it } from 'vitest';
import { canCuAnchors, matrixMatchesPlan } from '../../../src/lib/content/checks/links.ts';
import { allChecks } from '../../../src/lib/content/checks/index.ts';
import type { ValidCorpus } from '../../../src/lib/content/types.ts';
import { canCuSchema } from '../../../src/schemas/can-cu.ts';
import { responsibilitySchema } from '../../../src/schemas/responsibility.ts';
import { collectionSpecs } from '../../../src/schemas/index.ts';

const planBody = '## III- TỔ CHỨC THỰC HIỆN\n\n### 1. Ban Tuyên giáo Tỉnh ủy\n\nQuán triệt xong trong tháng 10/2019.\n';
const summaryBody = '<h2 id="thong-tin">Thông tin</h2>\n\n<h3 id="trien-khai-to-chuc">Giao việc</h3>\n';

function corpus(target: string, matrixQuote = 'xong trong tháng 10/2019'): ValidCorpus {
  return {
    documents: [
      { collection: 'documents', id: 'plan', file: 'content/documents/plan.mdx', data: { textKind: 'full' }, body: planBody },
      // An imported full text: căn cứ links may point at its provisions.
      { collection: 'documents', id: 'kl', file: 'content/documents/kl.mdx', data: { textKind: 'full' }, body: summaryBody },
    ],
    canCu: [
      {
        collection: 'canCu',
        id: 'plan',
        file: 'content/data/can-cu/plan.yaml',
        data: { document: 'plan', links: [{ from: 'phan-iii-muc-1', to: [{ doc: 'kl', anchor: target, label: 'x' }] }] },
      },
    ],
    responsibilities: [
      {
        collection: 'responsibilities',
        id: 'plan',
        file: 'content/data/trach-nhiem/plan.yaml',
        data: {
          document: 'plan',
          section: 'phan-iii',
          bodies: [{ name: 'Ban Tuyên giáo Tỉnh ủy', anchor: 'phan-iii-muc-1', tasks: [{ task: 't', quote: matrixQuote, due: { kind: 'month', year: 2019, month: 10 }, reportTo: [], partners: [], directs: [] }] }],
        },
      },
    ],
  };
}

describe('canCuAnchors', () => {
  it('passes when the target anchor exists on the target page', () => expect(canCuAnchors(corpus('trien-khai-to-chuc'))).toEqual([]));
  it('fails the build on a missing anchor, naming file and field', () => {
    expect(canCuAnchors(corpus('trien-khai-khong-co'))).toEqual([
      { file: 'content/data/can-cu/plan.yaml', field: 'links.0.to.0.anchor', message: 'trang kl không có neo "trien-khai-khong-co"' },
    ]);
  });
});

describe('matrixMatchesPlan', () => {
  it('passes on a faithful matrix', () => expect(matrixMatchesPlan(corpus('trien-khai-to-chuc'))).toEqual([]));
  it('fails on a quote that is not in the plan', () => {
    expect(matrixMatchesPlan(corpus('trien-khai-to-chuc', 'xong trong tháng 11/2019'))[0]).toMatchObject({ file: 'content/data/trach-nhiem/plan.yaml', field: 'bodies.0.tasks.0.quote' });
  });
});

describe('registration', () => {
  it('the checks run in the build and the collections are registered', () => {
    expect(allChecks).toContain(canCuAnchors);
    expect(allChecks).toContain(matrixMatchesPlan);
    expect(collectionSpecs.canCu).toMatchObject({ dir: 'data/can-cu', ext: 'yaml' });
    expect(collectionSpecs.responsibilities).toMatchObject({ dir: 'data/trach-nhiem', ext: 'yaml' });
  });
});

describe('schemas', () => {
  it('rejects an unknown deadline kind and a non-ASCII anchor', () => {
    const bad = responsibilitySchema.safeParse({
      document: 'plan',
      section: 'phan-iii',
      bodies: [{ name: 'A', anchor: 'phần-iii', tasks: [{ task: 't', quote: 'q', due: { kind: 'soon' } }] }],
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toContain('bodies.0.anchor');
    expect(paths).toContain('bodies.0.tasks.0.due.kind');
  });
  it('defaults the optional lists of a task', () => {
    const ok = responsibilitySchema.parse({ document: 'plan', section: 'phan-iii', bodies: [{ name: 'A', anchor: 'phan-iii-muc-1', tasks: [{ task: 't', quote: 'q', due: { kind: 'yearly' } }] }] });
    expect(ok.bodies[0]!.tasks[0]).toMatchObject({ reportTo: [], partners: [], directs: [] });
  });
  it('a căn cứ link needs at least one target and no unknown keys', () => {
    expect(canCuSchema.safeParse({ document: 'p', links: [{ from: 'phan-ii-muc-1', to: [] }] }).success).toBe(false);
    expect(canCuSchema.safeParse({ document: 'p', links: [{ from: 'phan-ii-muc-1', to: [{ doc: 'k', anchor: 'a', label: 'l' }], extra: 1 }] }).success).toBe(false);
  });
});
