/** Per-agency CSV download, generated at build time. */
import type { APIRoute } from 'astro';
import { loadAgencies, loadAgency } from '../../../lib/site/load.ts';
import { agencyCsv } from '../../../lib/site/agency-csv.ts';

export function getStaticPaths() {
  return loadAgencies().map((a) => ({ params: { id: a.id } }));
}

export const GET: APIRoute = ({ params }) =>
  new Response(agencyCsv(loadAgency(params.id!)), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
