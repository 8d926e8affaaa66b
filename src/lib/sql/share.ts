/**
 * Shareable links to the SQL page: `sql/?sql=<url-encoded query>` opens the
 * page with that query and runs it. Other pages (e.g. an agency page) use
 * `sqlPageUrl` to link to a query about themselves.
 */
import { joinBase } from '../url.ts';

export const SQL_PARAM = 'sql';

/** Link to the SQL page under `base` that opens and runs `sql`. */
export function sqlPageUrl(base: string, sql?: string): string {
  const page = joinBase(base, 'sql/');
  return sql ? `${page}?${SQL_PARAM}=${encodeURIComponent(sql)}` : page;
}

/** The query carried by a page URL's search string, if any. */
export function sqlFromSearch(search: string): string | null {
  const v = new URLSearchParams(search).get(SQL_PARAM);
  return v && v.trim() ? v : null;
}
