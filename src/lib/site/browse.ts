/**
 * Pre-rendered browse pages: the whole list, and one list per year, status
 * and province, each cut into pages of BROWSE_PAGE_SIZE rows so no HTML file
 * grows with the corpus. They are what works without JavaScript: a facet
 * link is a GET of a page filtered at build time (none per level: every
 * facet list repeats every report once; with JS the page filters and sorts
 * over the compact index, browse/index.json, on any combination instead).
 * Each facet list also downloads as CSV and JSON (`browseFile`).
 */
import { LEVELS, STATUSES } from '../schema.ts';
import type { ReportSummary, SiteMeta } from './types.ts';
import { csvText } from './csv-text.ts';

export type Facet = 'all' | 'year' | 'status' | 'province';

export interface BrowseList { facet: Facet; value: string; label: string; rows: ReportSummary[] }

export interface BrowsePage {
  facet: Facet;
  value: string;
  label: string;
  page: number;
  pages: number;
  total: number;
  rows: ReportSummary[];
}

/** Path of a browse page under the base, e.g. `browse/`, `browse/all/3/`, `browse/year/2024/2/`. */
export function browsePath(facet: Facet, value: string, page: number): string {
  if (facet === 'all') return page === 1 ? 'browse/' : `browse/all/${page}/`;
  return page === 1 ? `browse/${facet}/${value}/` : `browse/${facet}/${value}/${page}/`;
}

/** A facet list's download under the base: `browse/data/all.csv`, `browse/data/year-2024.json`. */
export function browseFile(facet: Facet, value: string, ext: 'csv' | 'json'): string {
  return `browse/data/${facet === 'all' ? 'all' : `${facet}-${value}`}.${ext}`;
}

/** Every facet list: all reports, then one per year, status and province, in the default order. */
export function browseLists(reports: ReportSummary[]): BrowseList[] {
  const lists: BrowseList[] = [{ facet: 'all', value: '', label: '全部报告', rows: reports }];
  const by = (facet: Facet, key: (r: ReportSummary) => string, label: (v: string, r: ReportSummary) => string) => {
    const m = new Map<string, ReportSummary[]>();
    for (const r of reports) {
      const k = key(r);
      const list = m.get(k);
      if (list) list.push(r); else m.set(k, [r]);
    }
    for (const [value, rows] of m) lists.push({ facet, value, label: label(value, rows[0]), rows });
  };
  by('year', (r) => String(r.year ?? 'unknown'), (v) => (v === 'unknown' ? '年度未识别' : `${v}年`));
  by('status', (r) => r.status, (v) => STATUSES[v as keyof typeof STATUSES] ?? v);
  by('province', (r) => r.province_slug, (_v, r) => r.province ?? '未识别地区');
  return lists;
}

export function browsePages(reports: ReportSummary[], _meta: SiteMeta, size: number): BrowsePage[] {
  const out: BrowsePage[] = [];
  for (const l of browseLists(reports)) {
    const pages = Math.max(1, Math.ceil(l.rows.length / size));
    for (let page = 1; page <= pages; page++) {
      out.push({ facet: l.facet, value: l.value, label: l.label, page, pages, total: l.rows.length, rows: l.rows.slice((page - 1) * size, page * size) });
    }
  }
  return out;
}

/** Reports per value of each facet, for the counts beside facet links and options. */
export function facetCounts(reports: ReportSummary[]): Record<'year' | 'status' | 'province' | 'level', Record<string, number>> {
  const out = { year: {}, status: {}, province: {}, level: {} } as Record<'year' | 'status' | 'province' | 'level', Record<string, number>>;
  const add = (f: keyof typeof out, k: string) => { out[f][k] = (out[f][k] ?? 0) + 1; };
  for (const r of reports) {
    add('year', String(r.year ?? 'unknown'));
    add('status', r.status);
    add('province', r.province_slug);
    add('level', r.level);
  }
  return out;
}

/** Columns of a browse download (CSV and JSON alike): the contract's names, Chinese labels beside codes. */
export const BROWSE_COLUMNS = [
  'report_id', 'agency', 'agency_id', 'province', 'city', 'level', 'level_zh', 'year', 'status', 'status_zh',
  'new_received', 'granted_rate', 'url',
] as const;

export type BrowseRecord = Record<(typeof BROWSE_COLUMNS)[number], string | number | null>;

/** One report as a download row; `url` is its page (absolute: `siteRoot` + page, unless already absolute). */
export function browseRecord(r: ReportSummary, siteRoot: string): BrowseRecord {
  return {
    report_id: r.id, agency: r.agency, agency_id: r.agency_id, province: r.province, city: r.city,
    level: r.level, level_zh: LEVELS[r.level], year: r.year, status: r.status, status_zh: STATUSES[r.status],
    new_received: r.new_received, granted_rate: r.granted_rate === null ? null : Math.round(r.granted_rate * 10000) / 10000,
    url: /^https?:\/\//.test(r.page) ? r.page : siteRoot + r.page,
  };
}

/** Browse rows as CSV (see csv-text.ts). Used by the build and the page's script. */
export function browseCsv(records: BrowseRecord[]): string {
  return csvText(BROWSE_COLUMNS, records.map((r) => BROWSE_COLUMNS.map((c) => r[c])));
}
