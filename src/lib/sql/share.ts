/**
 * Shareable links to the SQL page: `sql/?sql=<url-encoded query>` opens the
 * page with that query and runs it. Other pages (e.g. an agency page) use
 * `sqlPageUrl` to link to a query about themselves.
 */
import { joinBase } from '../url.ts';

export const SQL_PARAM = 'sql';
/** The quick chart's settings: `chart=<mark>&x=<column>&y=<column>`. */
export const CHART_PARAMS = ['chart', 'x', 'y'] as const;
export interface ChartSettings { chart: string; x: string; y: string }

/** Link to the SQL page under `base` that opens and runs `sql` (and draws its quick chart with `chart`). */
export function sqlPageUrl(base: string, sql?: string, chart?: ChartSettings | null): string {
  const page = joinBase(base, 'sql/');
  if (!sql) return page;
  let url = `${page}?${SQL_PARAM}=${encodeURIComponent(sql)}`;
  if (chart) for (const k of CHART_PARAMS) url += `&${k}=${encodeURIComponent(chart[k])}`;
  return url;
}

/** The quick-chart settings carried by a page URL's search string, if complete. */
export function chartFromSearch(search: string): ChartSettings | null {
  const p = new URLSearchParams(search);
  const [chart, x, y] = CHART_PARAMS.map((k) => p.get(k));
  return chart && x && y ? { chart, x, y } : null;
}

/** The query carried by a page URL's search string, if any. */
export function sqlFromSearch(search: string): string | null {
  const v = new URLSearchParams(search).get(SQL_PARAM);
  return v && v.trim() ? v : null;
}
