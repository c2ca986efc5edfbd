import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseSession, readingBody, headingText } from '../../../src/lib/slides/parse.ts';
import { slugifyVi, HeadingSlugger } from '../../../src/lib/slides/slug.ts';

const dir = join(import.meta.dirname, 'fixtures');
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.mdx'));

describe('parseSession fixtures', () => {
  it('has fixtures', () => expect(fixtures.length).toBeGreaterThanOrEqual(2));
  for (const f of fixtures) {
    it(f, () => {
      const src = readFileSync(join(dir, f), 'utf8');
      const expected = JSON.parse(readFileSync(join(dir, f.replace(/\.mdx$/, '.json')), 'utf8'));
      expect(parseSession(src)).toEqual(expected);
    });
  }
});

describe('parseSession details', () => {
  it('keeps every slide line: slide markdown + notes + reading text covers the source text', () => {
    const src = readFileSync(join(dir, 'basic.mdx'), 'utf8');
    const { slides } = parseSession(src);
    for (const s of slides) {
      for (const line of s.markdown.split('\n').filter(Boolean)) expect(src).toContain(line);
      for (const line of s.notes.split('\n').filter(Boolean)) expect(src).toContain(line);
    }
  });
  it('accepts CRLF line endings', () => {
    const src = readFileSync(join(dir, 'basic.mdx'), 'utf8').replace(/\n/g, '\r\n');
    const r = parseSession(src);
    expect(r.slides.map((s) => s.title)).toEqual(['Trang một', 'Nhóm thứ nhất']);
    expect(r.problems).toEqual([]);
  });
  it('reports unclosed notes', () => {
    const r = parseSession('<Slide title="A">\n\n- x\n\n</Slide>\n\n<Notes>\nabc\n');
    expect(r.problems).toEqual([{ line: 7, message: '<Notes> chưa được đóng bằng </Notes>' }]);
  });
  it('reports a slide with no title and no heading above', () => {
    const r = parseSession('<Slide>\n\n- x\n\n</Slide>\n');
    expect(r.problems[0]?.message).toMatch(/title/);
  });
  it('joins two notes blocks of one slide', () => {
    const r = parseSession('<Slide title="A">\n- x\n<Notes>\nmột\n</Notes>\n</Slide>\n<Notes>\nhai\n</Notes>\n');
    expect(r.slides[0]!.notes).toBe('một\n\nhai');
  });
});

describe('readingBody', () => {
  it('drops notes blocks and slide tags but keeps slide content', () => {
    const out = readingBody('a\n<Slide title="T">\n\n- ý\n\n</Slide>\n<Notes>\nbí mật\n</Notes>\nb\n');
    expect(out).not.toContain('bí mật');
    expect(out).not.toContain('<Slide');
    expect(out).toContain('- ý');
    expect(out).toContain('b');
  });
});

describe('slugs', () => {
  it.each([
    ['Liên hệ thực tiễn Điện Biên', 'lien-he-thuc-tien-dien-bien'],
    ['Nghị quyết 27-NQ/TW: thông tin cơ bản', 'nghi-quyet-27-nq-tw-thong-tin-co-ban'],
    ['Chuỗi văn bản: 27 → 90 → 52 → 45', 'chuoi-van-ban-27-90-52-45'],
    ['Tổng kết 15 năm', 'tong-ket-15-nam'],
    ['Tu\u0302\u0300 NFD', 'tu-nfd'],
    ['!!!', ''],
  ])('%s → %s', (input, out) => expect(slugifyVi(input)).toBe(out));
  it('deduplicates and falls back', () => {
    const s = new HeadingSlugger();
    expect([s.slug('A b'), s.slug('a B'), s.slug('!!'), s.slug('?')]).toEqual(['a-b', 'a-b-2', 'phan', 'phan-2']);
  });
  it('headingText strips marks and links', () => {
    expect(headingText('**Đậm** và [liên kết](/x/) `mã`')).toBe('Đậm và liên kết mã');
  });
});
