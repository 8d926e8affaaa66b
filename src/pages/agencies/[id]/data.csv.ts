/**
 * Per-agency CSV on the site, written once by site-data (csv/<id>.csv); only
 * when the dataset build has not moved those files to the data host.
 */
import type { APIRoute } from 'astro';
import { agencyCsvOnDataHost, loadAgencies, loadAgencyCsv } from '../../../lib/site/load.ts';

export function getStaticPaths() {
  return agencyCsvOnDataHost() ? [] : loadAgencies().map((a) => ({ params: { id: a.id } }));
}

export const GET: APIRoute = ({ params }) =>
  new Response(loadAgencyCsv(params.id!), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
