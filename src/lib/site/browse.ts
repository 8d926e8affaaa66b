/**
 * Pre-rendered browse pages: the whole list, and one list per year and per
 * status, each cut into pages of BROWSE_PAGE_SIZE rows so no HTML file grows
 * with the corpus. Every facet list repeats every report once, so there are
 * none per province (the region pages list a province's agencies) or level:
 * with JS the page filters and sorts over the compact index
 * (browse/index.json) on any combination instead.
 */
import { STATUSES } from '../schema.ts';
import type { ReportSummary, SiteMeta } from './types.ts';

export type Facet = 'all' | 'year' | 'status';

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

export function browsePages(reports: ReportSummary[], _meta: SiteMeta, size: number): BrowsePage[] {
  const lists: { facet: Facet; value: string; label: string; rows: ReportSummary[] }[] = [
    { facet: 'all', value: '', label: '全部报告', rows: reports },
  ];
  const by = (facet: Facet, key: (r: ReportSummary) => string, label: (v: string) => string) => {
    const m = new Map<string, ReportSummary[]>();
    for (const r of reports) {
      const k = key(r);
      const list = m.get(k);
      if (list) list.push(r); else m.set(k, [r]);
    }
    for (const [value, rows] of m) lists.push({ facet, value, label: label(value), rows });
  };
  by('year', (r) => String(r.year ?? 'unknown'), (v) => (v === 'unknown' ? '年度未识别' : `${v}年`));
  by('status', (r) => r.status, (v) => STATUSES[v as keyof typeof STATUSES] ?? v);
  const out: BrowsePage[] = [];
  for (const l of lists) {
    const pages = Math.max(1, Math.ceil(l.rows.length / size));
    for (let page = 1; page <= pages; page++) {
      out.push({ facet: l.facet, value: l.value, label: l.label, page, pages, total: l.rows.length, rows: l.rows.slice((page - 1) * size, page * size) });
    }
  }
  return out;
}
