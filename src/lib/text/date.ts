/** Vietnamese date formatting, the way official documents write dates. */

/**
 * "ngày 27 tháng 8 năm 2019" from `2019-08-27` (no time zone games: the date is a calendar date).
 * @example formatDateLong('2019-08-27') // "ngày 27 tháng 8 năm 2019"
 */
export function formatDateLong(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `ngày ${d} tháng ${m} năm ${y}`;
}

/** "27/8/2019", the short form used in running text. */
export function formatDateShort(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${String(d).padStart(2, '0')}/${m}/${y}`;
}
