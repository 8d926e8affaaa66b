/**
 * The wide table for spreadsheet users: one row per report, one column per
 * table cell, Chinese column headers.
 */
import { APPLICANTS, APP_ROWS, ITEMS, METRICS, OUTCOMES, PROCEEDINGS, APP_ROW_CODES, APPLICANT_CODES, OUTCOME_CODES, PROCEEDING_CODES, LEVELS, SCOPES, STATUSES, type Item, type Metric } from '../schema.ts';
import { ACTIVE_FORM as EXPECTED } from '../parse/form.ts';
import type { Report } from '../types.ts';
import { writeCsv } from './csv.ts';
import { sortReports, type Row } from './rows.ts';

/** Every cell of a report by key (`a:item/metric`, `p:row/applicant`, `r:proceeding/outcome`), built once. */
const cellCache = new WeakMap<Report, Map<string, number | null>>();
function cell(r: Report, key: string): number | null {
  let m = cellCache.get(r);
  if (!m) {
    m = new Map();
    for (const a of r.active_disclosure) m.set(`a:${a.item}/${a.metric}`, a.value);
    for (const a of r.applications) m.set(`p:${a.row}/${a.applicant}`, a.value);
    for (const a of r.reviews) m.set(`r:${a.proceeding}/${a.outcome}`, a.value);
    cellCache.set(r, m);
  }
  return m.get(key) ?? null;
}

interface WideColumn { name: string; header: string; get(r: Report): string | number | null }

export function wideColumns(): WideColumn[] {
  const cols: WideColumn[] = [
    { name: 'report_id', header: '报告编号', get: (r) => r.report_id },
    { name: 'agency', header: '机关', get: (r) => r.agency },
    { name: 'year', header: '统计年度', get: (r) => r.year },
    { name: 'published_on', header: '发布日期', get: (r) => r.published_on },
    { name: 'province', header: '省', get: (r) => r.province },
    { name: 'city', header: '市', get: (r) => r.city },
    { name: 'county', header: '县', get: (r) => r.county },
    { name: 'township', header: '乡镇', get: (r) => r.township },
    { name: 'region_code', header: '区划代码', get: (r) => r.region_code },
    { name: 'level', header: '层级', get: (r) => LEVELS[r.level] },
    { name: 'scope', header: '范围', get: (r) => SCOPES[r.scope] },
    { name: 'template', header: '表格样式', get: (r) => r.template },
    { name: 'status', header: '状态', get: (r) => STATUSES[r.status] },
    { name: 'source_file', header: '源文件', get: (r) => r.source_file },
  ];
  const seen = new Set<string>();
  for (const form of ['2021', '2019'] as const) {
    for (const [item, metrics] of Object.entries(EXPECTED[form]) as [Item, Metric[]][]) {
      for (const m of metrics) {
        const k = `${item}/${m}`;
        if (seen.has(k)) continue;
        seen.add(k);
        cols.push({ name: `active_${item}_${m}`, header: `主动公开-${ITEMS[item]}-${METRICS[m]}`, get: (r) => cell(r, `a:${item}/${m}`) });
      }
    }
  }
  for (const row of APP_ROW_CODES) for (const a of APPLICANT_CODES) {
    cols.push({ name: `app_${row}_${a}`, header: `申请-${APP_ROWS[row]}-${APPLICANTS[a]}`, get: (r) => cell(r, `p:${row}/${a}`) });
  }
  for (const p of PROCEEDING_CODES) for (const o of OUTCOME_CODES) {
    cols.push({ name: `review_${p}_${o}`, header: `复议诉讼-${PROCEEDINGS[p]}-${OUTCOMES[o]}`, get: (r) => cell(r, `r:${p}/${o}`) });
  }
  return cols;
}

/** Write the wide CSV; returns its row count. */
export function writeWideCsv(path: string, reports: Report[]): number {
  const cols = wideColumns();
  function* rows(): Generator<Row> {
    for (const r of sortReports(reports)) yield Object.fromEntries(cols.map((c) => [c.name, c.get(r)]));
  }
  return writeCsv(path, cols.map((c) => c.name), rows(), cols.map((c) => c.header));
}
