/**
 * One agency's numbers as a CSV (UTF-8 with BOM, for Excel): one row per
 * value in the long format of the published tables, with the table, the
 * printed labels and the source line. Empty value = 未填报 (NULL), never 0.
 */
import Papa from 'papaparse';
import { APPLICANTS, APP_ROWS, ITEMS, METRICS, OUTCOMES, PROCEEDINGS } from '../schema.ts';
import type { AgencyData } from './types.ts';

export const CSV_COLUMNS = ['report_id', 'agency', 'year', 'table', 'row', 'column', 'row_zh', 'column_zh', 'value', 'line'];

export function agencyCsv(d: AgencyData): string {
  const rows: (string | number | null)[][] = [];
  for (const r of [...d.reports].reverse()) {
    const head = [r.report_id, r.agency, r.year];
    for (const c of r.active_disclosure) rows.push([...head, 'active_disclosure', c.item, c.metric, ITEMS[c.item], METRICS[c.metric], c.value, c.line]);
    for (const c of r.applications) rows.push([...head, 'applications', c.row, c.applicant, APP_ROWS[c.row], APPLICANTS[c.applicant], c.value, c.line]);
    for (const c of r.reviews) rows.push([...head, 'reviews', c.proceeding, c.outcome, PROCEEDINGS[c.proceeding], OUTCOMES[c.outcome], c.value, c.line]);
  }
  return '\ufeff' + Papa.unparse({ fields: CSV_COLUMNS, data: rows }, { newline: '\r\n' });
}
