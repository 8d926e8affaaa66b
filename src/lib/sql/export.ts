/**
 * Export of a query result: CSV (UTF-8 with BOM, so Excel on a Chinese-locale
 * Windows opens it correctly; NULL is an empty cell) and JSON (an array of
 * objects, NULL as null).
 */
import Papa from 'papaparse';

export type Cell = string | number | boolean | null;
export interface ResultData { columns: string[]; rows: Cell[][] }

export const BOM = '\uFEFF';

export function toCsv(r: ResultData): string {
  return BOM + Papa.unparse({ fields: r.columns, data: r.rows.map((row) => row.map((v) => (v === null ? '' : v))) }, { newline: '\r\n' });
}

export function toJson(r: ResultData): string {
  return JSON.stringify(r.rows.map((row) => Object.fromEntries(r.columns.map((c, i) => [c, row[i]]))), null, 2);
}
