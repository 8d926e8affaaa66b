/**
 * One agency's numbers as a CSV (UTF-8 with BOM, for Excel), laid out like
 * the form: one row per table cell (table, row and column codes and printed
 * labels), one column per year's report. Empty = 未填报 (NULL), never 0.
 * Codes match the published long tables; report ids are in the header row's
 * column names when a year has more than one report (a superseded one is
 * marked: it does not count, see lib/dataset/duplicates.ts).
 */
import Papa from 'papaparse';
import { APPLICANTS, APP_ROWS, ITEMS, METRICS, OUTCOMES, PROCEEDINGS } from '../schema.ts';
import type { AgencyData } from './types.ts';
import { EXCEL_SAFE } from '../csv-excel.ts';

export function agencyCsv(d: AgencyData): string {
  const reports = [...d.reports].reverse(); // oldest first
  const years = reports.map((r) => String(r.year ?? '年度未识别'));
  const header = ['table', 'row', 'column', '项目', '列', ...reports.map((r, i) =>
    years.filter((y) => y === years[i]).length > 1 ? `${years[i]} (${r.report_id}${r.counted === false ? ',已被更正版取代,不计入汇总' : ''})` : years[i])];
  const rows = new Map<string, (string | number | null)[]>();
  const put = (i: number, key: [string, string, string, string, string], value: number | null) => {
    const k = key.slice(0, 3).join('|');
    let row = rows.get(k);
    if (!row) { row = [...key, ...reports.map(() => null)]; rows.set(k, row); }
    row[5 + i] = value;
  };
  reports.forEach((r, i) => {
    for (const c of r.active_disclosure) put(i, ['active_disclosure', c.item, c.metric, ITEMS[c.item], METRICS[c.metric]], c.value);
    for (const c of r.applications) put(i, ['applications', c.row, c.applicant, APP_ROWS[c.row], APPLICANTS[c.applicant]], c.value);
    for (const c of r.reviews) put(i, ['reviews', c.proceeding, c.outcome, PROCEEDINGS[c.proceeding], OUTCOMES[c.outcome]], c.value);
  });
  return '\ufeff' + Papa.unparse({ fields: header, data: [...rows.values()] }, { newline: '\r\n', ...EXCEL_SAFE });
}
