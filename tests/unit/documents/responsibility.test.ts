import { describe, expect, it } from 'vitest';
import { dueLabel, deadlineTimeline, matrixProblems, bodiesNamed, dueOrder } from '../../../src/lib/documents/responsibility.ts';
import type { Matrix, Due } from '../../../src/lib/documents/responsibility.ts';
import { provisionTexts, itemHeadings, stripNumbering } from '../../../src/lib/documents/provision-text.ts';

// A fixture plan body in the importer's MDX shape.
const body = [
  '<header class="official-header" id="phan-dau">',
  '<p>Số 1-KH/TU</p>',
  '</header>',
  '',
  '## II- NỘI DUNG',
  '',
  '### 1\\.',
  '',
  'Nội dung một.',
  '',
  '## III- TỔ CHỨC THỰC HIỆN',
  '',
  '### 1. Ban Tuyên giáo Tỉnh ủy',
  '',
  'Tổ chức quán triệt xong trong tháng 10/2019; định kỳ hằng năm báo cáo Ban Thường vụ Tỉnh ủy.',
  '',
  '### 2. Ban Cán sự Đảng UBND tỉnh',
  '',
  'Phối hợp với Ban Tuyên giáo Tỉnh ủy xây dựng chiến lược (hoàn thành trong năm 2020); định kỳ 06 tháng báo cáo.',
  '',
  '<footer class="official-footer">',
  '<p>Nơi nhận: Ban Khác tỉnh</p>',
  '</footer>',
].join('\n');

const matrix: Matrix = {
  document: 'plan',
  section: 'phan-iii',
  bodies: [
    {
      name: 'Ban Tuyên giáo Tỉnh ủy',
      anchor: 'phan-iii-muc-1',
      tasks: [
        { task: 'Quán triệt', quote: 'quán triệt xong trong tháng 10/2019', due: { kind: 'month', year: 2019, month: 10 }, reportTo: [], partners: [], directs: [] },
        { task: 'Báo cáo', quote: 'định kỳ hằng năm báo cáo', due: { kind: 'yearly' }, reportTo: ['Ban Thường vụ Tỉnh ủy'], partners: [], directs: [] },
      ],
    },
    {
      name: 'Ban Cán sự Đảng UBND tỉnh',
      anchor: 'phan-iii-muc-2',
      tasks: [
        { task: 'Chiến lược', quote: 'hoàn thành trong năm 2020', due: { kind: 'year', year: 2020 }, reportTo: [], partners: ['Ban Tuyên giáo Tỉnh ủy'], directs: [] },
        { task: 'Báo cáo', quote: 'định kỳ 06 tháng báo cáo', due: { kind: 'every6Months' }, reportTo: [], partners: [], directs: [] },
        { task: 'Thường xuyên', quote: 'Phối hợp', due: { kind: 'ongoing' }, reportTo: [], partners: [], directs: [] },
      ],
    },
  ],
};

describe('provision text', () => {
  it('collects each provision with its items, and stops at the footer', () => {
    const t = provisionTexts(body);
    expect(t.get('phan-iii')).toContain('Ban Cán sự Đảng UBND tỉnh');
    expect(t.get('phan-iii')).not.toContain('Ban Khác tỉnh');
    expect(t.get('phan-iii-muc-1')).toContain('tháng 10/2019');
    expect(t.get('phan-iii-muc-1')).not.toContain('năm 2020');
    expect(t.get('phan-ii-muc-1')).toBe('1.\nNội dung một.');
  });
  it('lists the item headings of a part', () => {
    expect(itemHeadings(body, 'phan-iii')).toEqual([
      { anchor: 'phan-iii-muc-1', text: '1. Ban Tuyên giáo Tỉnh ủy' },
      { anchor: 'phan-iii-muc-2', text: '2. Ban Cán sự Đảng UBND tỉnh' },
    ]);
    expect(stripNumbering('2. Ban Cán sự Đảng UBND tỉnh')).toBe('Ban Cán sự Đảng UBND tỉnh');
  });
});

describe('deadlines', () => {
  it.each<[Due, string]>([
    [{ kind: 'month', year: 2019, month: 10 }, 'tháng 10/2019'],
    [{ kind: 'quarter', year: 2019, quarter: 4 }, 'quý IV/2019'],
    [{ kind: 'year', year: 2020 }, 'năm 2020'],
    [{ kind: 'every6Months' }, 'định kỳ 06 tháng'],
    [{ kind: 'yearly' }, 'hằng năm'],
  ])('%o is written "%s"', (due, label) => expect(dueLabel(due)).toBe(label));

  it('orders tháng 10/2019 < quý IV/2019 < năm 2020 < định kỳ 06 tháng < hằng năm', () => {
    const order: Due[] = [
      { kind: 'month', year: 2019, month: 10 },
      { kind: 'quarter', year: 2019, quarter: 4 },
      { kind: 'month', year: 2020, month: 1 },
      { kind: 'year', year: 2020 },
      { kind: 'every6Months' },
      { kind: 'yearly' },
    ];
    const sorted = [...order].sort((a, b) => dueOrder(a) - dueOrder(b));
    expect(sorted).toEqual(order);
  });

  it('groups the timeline by deadline and leaves standing duties out', () => {
    const stops = deadlineTimeline(matrix);
    expect(stops.map((s) => s.label)).toEqual(['tháng 10/2019', 'năm 2020', 'định kỳ 06 tháng', 'hằng năm']);
    expect(stops[0]!.tasks).toEqual([{ body: 'Ban Tuyên giáo Tỉnh ủy', anchor: 'phan-iii-muc-1', task: 'Quán triệt', quote: 'quán triệt xong trong tháng 10/2019' }]);
    expect(stops.map((s) => s.dated)).toEqual([true, true, false, false]);
    expect(deadlineTimeline(matrix, { includeOngoing: true }).at(-1)!.label).toBe('thường xuyên');
  });

  it('names every body once', () => {
    expect(bodiesNamed(matrix)).toEqual(['Ban Tuyên giáo Tỉnh ủy', 'Ban Thường vụ Tỉnh ủy', 'Ban Cán sự Đảng UBND tỉnh']);
  });
});

describe('matrixProblems', () => {
  it('accepts a matrix that matches the plan', () => expect(matrixProblems(matrix, body)).toEqual([]));
  it('reports a body of the section that the matrix forgot', () => {
    const m = { ...matrix, bodies: [matrix.bodies[0]!] };
    expect(matrixProblems(m, body)).toEqual([{ field: 'bodies', message: 'thiếu cơ quan của phan-iii-muc-2: "Ban Cán sự Đảng UBND tỉnh"' }]);
  });
  it('reports a renamed body, an invented quote, an invented partner and a wrong anchor', () => {
    const m: Matrix = structuredClone(matrix) as Matrix;
    (m.bodies[0] as { name: string }).name = 'Ban Tuyên giáo';
    (m.bodies[0]!.tasks[0] as { quote: string }).quote = 'xong trong tháng 9/2019';
    (m.bodies[1]!.tasks[0] as unknown as { partners: string[] }).partners = ['Sở Nội vụ'];
    const fields = matrixProblems(m, body).map((p) => p.field);
    expect(fields).toEqual(['bodies.0.name', 'bodies.0.tasks.0.quote', 'bodies.1.tasks.0.partners.0']);
    const wrongAnchor: Matrix = { ...matrix, bodies: [...matrix.bodies, { ...matrix.bodies[0]!, anchor: 'phan-ii-muc-1' }] };
    expect(matrixProblems(wrongAnchor, body).map((p) => p.field)).toEqual(['bodies.2.anchor']);
  });
  it('reports a section the plan does not have', () => {
    expect(matrixProblems({ ...matrix, section: 'phan-v' }, body)[0]!.field).toBe('section');
  });
});
