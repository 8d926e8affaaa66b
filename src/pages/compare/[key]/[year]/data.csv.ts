/** A compare group's year as CSV (see compareCsv): `compare/<key>/<year>/data.csv`. */
import type { APIRoute } from 'astro';
import { loadCompare, loadMeta } from '../../../../lib/site/load.ts';
import { compareCsv } from '../../../../lib/site/compare-data.ts';
import { siteRoot } from '../../../../lib/site/archive.ts';

export function getStaticPaths() {
  return loadMeta().compare_groups.flatMap((g) => loadCompare(g.key).years.map((y) => ({ params: { key: g.key, year: String(y.year) } })));
}

export const GET: APIRoute = ({ params, site }) => {
  const g = loadCompare(params.key!);
  const y = g.years.find((x) => String(x.year) === params.year)!;
  return new Response(compareCsv(y.rows, y.year, siteRoot(site, import.meta.env.BASE_URL)), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
