/** One agency's headline indicators by year (AgencySeries), for the pick-and-compare page. */
import type { APIRoute } from 'astro';
import { loadAgencies, loadSeries } from '../../../lib/site/load.ts';

export function getStaticPaths() {
  return loadAgencies().map((a) => ({ params: { id: a.id } }));
}

export const GET: APIRoute = ({ params }) => new Response(JSON.stringify(loadSeries(params.id!)), { headers: { 'content-type': 'application/json' } });
