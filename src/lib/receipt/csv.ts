/**
 * CSV for the trainer roster: RFC 4180 quoting, CRLF line ends and a UTF-8 byte-order mark so
 * Excel opens Vietnamese text correctly. Cells that Excel would run as formulas are prefixed
 * with an apostrophe, and the apostrophe is removed again when the file is read back.
 */

/** UTF-8 byte-order mark, as a string prefix. */
export const BOM = '\uFEFF';

// A cell starting like a formula, or already apostrophes followed by one, gets one more apostrophe;
// reading removes exactly one, so every text round-trips.
const NEEDS_GUARD = /^'*[=+\-@\t\r]/;

function cell(value: string | number): string {
  let s = String(value);
  if (typeof value === 'string' && NEEDS_GUARD.test(s)) s = `'${s}`;
  return /[",\r\n;]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Writes rows (first row = header) as CSV text starting with a BOM. */
export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  return BOM + rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** Parses CSV text (BOM, quotes, CRLF or LF, comma or semicolon chosen from the first line). */
export function parseCsv(text: string): string[][] {
  const src = text.startsWith(BOM) ? text.slice(1) : text;
  const firstLine = src.split(/\r?\n/, 1)[0] ?? '';
  const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(/^'+[=+\-@\t\r]/.test(field) ? field.slice(1) : field);
    field = '';
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') {
      quoted = true;
    } else if (ch === sep) endField();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      endField();
      if (row.some((c) => c !== '')) rows.push(row);
      row = [];
    } else field += ch;
  }
  endField();
  if (row.some((c) => c !== '')) rows.push(row);
  return rows;
}
