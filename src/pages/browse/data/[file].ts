/**
 * Each pre-rendered browse list as a download, for readers without
 * JavaScript: `browse/data/all.csv`, `browse/data/year-2024.json`,
 * `browse/data/province-42.csv`… (with JavaScript the page builds the file of
 * whatever filters are set). Columns: BROWSE_COLUMNS.
 */
import type { APIRoute } from 'astro';
import { loadReports } from '../../../lib/site/load.ts';
import { browseCsv, browseFile, browseLists, browseRecord } from '../../../lib/site/browse.ts';
import { siteRoot } from '../../../lib/site/archive.ts';

export function getStaticPaths() {
  return browseLists(loadReports()).flatMap((l) => (['csv', 'json'] as const).map((ext) => ({
    params: { file: browseFile(l.facet, l.value, ext).slice('browse/data/'.length) },
    props: { rows: l.rows, ext },
  })));
}

export const GET: APIRoute = ({ props, site }) => {
  const root = siteRoot(site, import.meta.env.BASE_URL);
  const records = (props.rows as Parameters<typeof browseRecord>[0][]).map((r) => browseRecord(r, root));
  return props.ext === 'csv'
    ? new Response(browseCsv(records), { headers: { 'content-type': 'text/csv; charset=utf-8' } })
    : new Response(JSON.stringify(records), { headers: { 'content-type': 'application/json' } });
};
