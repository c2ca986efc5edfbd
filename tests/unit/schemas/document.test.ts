import { describe, expect, it } from 'vitest';
import { documentSchema } from '../../../src/schemas/document.ts';
import { isoDate } from '../../../src/schemas/shared.ts';

const valid = {
  title: 'Kế hoạch số 83-KH/TU',
  number: '83-KH/TU',
  kind: 'plan',
  issuer: 'Tỉnh ủy Điện Biên',
  issuedOn: '2019-08-27',
  abstract: 'triển khai Kết luận số 52-KL/TW',
  description: 'Kế hoạch của Tỉnh ủy.',
  textKind: 'full',
  sourceFile: 'content/sources/ke-hoach-83-kh-tu.txt',
};

describe('documentSchema', () => {
  it('accepts a complete document and fills defaults', () => {
    const d = documentSchema.parse(valid);
    expect(d.relations).toEqual([]);
    expect(d.recipients).toEqual([]);
  });
  it('accepts a Date object from js-yaml as the issue date', () => {
    expect(documentSchema.parse({ ...valid, issuedOn: new Date('2019-08-27T00:00:00Z') }).issuedOn).toBe('2019-08-27');
  });
  it.each([
    ['number', '83/KH'],
    ['kind', 'memo'],
    ['textKind', 'partial'],
    ['issuedOn', '2019-13-01'],
    ['officialUrl', 'ftp://example.org/x'],
  ])('rejects a bad %s', (field, value) => {
    const res = documentSchema.safeParse({ ...valid, [field]: value });
    expect(res.success).toBe(false);
    expect(res.error!.issues.some((i) => i.path[0] === field)).toBe(true);
  });
  it('rejects a relation without target', () => {
    expect(documentSchema.safeParse({ ...valid, relations: [{ type: 'implements' }] }).success).toBe(false);
  });
});

describe('isoDate', () => {
  it.each(['2019-08-27', '2008-08-06', '2024-02-29'])('accepts %s', (d) => expect(isoDate.parse(d)).toBe(d));
  it.each(['2023-02-29', '2019-8-27', '27/08/2019', '', '2019-00-10'])('rejects %s', (d) =>
    expect(isoDate.safeParse(d).success).toBe(false),
  );
});
