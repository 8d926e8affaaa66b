/**
 * CSV text for the site's downloads (browse lists, comparison tables), built
 * the same way at build time and in the browser: UTF-8 with BOM (Excel on a
 * Chinese-locale Windows opens it as is), CRLF, NULL as an empty cell.
 */
export type CsvValue = string | number | null | undefined;

/**
 * A cell: quoted when it holds a comma, quote or line break; a text that a
 * spreadsheet would run as a formula (= + - @ tab CR at the start) is
 * prefixed with an apostrophe.
 */
export function csvCell(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const s = /^[=+\-@\t\r]/.test(v) ? "'" + v : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvText(columns: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return '\ufeff' + [columns.map(csvCell).join(','), ...rows.map((r) => r.map(csvCell).join(','))].join('\r\n') + '\r\n';
}
