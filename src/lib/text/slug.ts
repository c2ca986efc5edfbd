/** ASCII slugs of Vietnamese text, shared by document ids, study heading ids and generated corpora. */

/**
 * Lowercase ASCII kebab-case: diacritics dropped, "đ" → "d".
 * @example slugifyVi('Liên hệ thực tiễn Điện Biên') // "lien-he-thuc-tien-dien-bien"
 */
export function slugifyVi(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
