/**
 * Building blocks shared by the content schemas. Messages are in Vietnamese because content
 * editors read them; they always name what is expected.
 */
import { z } from 'astro/zod';

/** A calendar date written `YYYY-MM-DD` in front matter, validated as a real date and kept as a string. */
export const isoDate = z.preprocess(
  // Astro parses front matter with js-yaml, which turns unquoted dates into Date objects.
  (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v),
  z
  .string({ error: 'cần một ngày dạng YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'ngày phải có dạng YYYY-MM-DD, ví dụ 2019-08-27' })
  .refine(
    (s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
    },
    { message: 'ngày không tồn tại trên lịch' },
  ),
);

/** An ASCII kebab-case id (content slug), e.g. `ke-hoach-83-kh-tu`. */
export const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    message: 'định danh chỉ gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ ke-hoach-83-kh-tu',
  });

/** A provision anchor inside a document, e.g. `phan-ii-muc-3`. */
export const anchor = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'neo phải là chuỗi ASCII, ví dụ phan-ii-muc-3' });

/** Non-empty trimmed text. */
export const text = z.string().trim().min(1, { message: 'không được để trống' });

/** An absolute http(s) URL. */
export const httpUrl = z.url({ protocol: /^https?$/, message: 'cần một địa chỉ http(s) đầy đủ' });
