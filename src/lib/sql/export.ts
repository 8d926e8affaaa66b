/**
 * Export of a query result: CSV (UTF-8 with BOM, so Excel on a Chinese-locale
 * Windows opens it correctly; NULL is an empty cell; text a spreadsheet would
 * run as a formula neutralised, see csv-excel.ts) and JSON (an array of
 * objects, NULL as null, exact text).
 */
import Papa from 'papaparse';
import { EXCEL_SAFE } from '../csv-excel.ts';

export type Cell = string | number | boolean | null;
export interface ResultData { columns: string[]; rows: Cell[][] }

export const BOM = '\uFEFF';

export function toCsv(r: ResultData): string {
  return BOM + Papa.unparse({ fields: r.columns, data: r.rows.map((row) => row.map((v) => (v === null ? '' : v))) }, { newline: '\r\n', ...EXCEL_SAFE });
}

export function toJson(r: ResultData): string {
  return JSON.stringify(r.rows.map((row) => Object.fromEntries(r.columns.map((c, i) => [c, row[i]]))), null, 2);
}
