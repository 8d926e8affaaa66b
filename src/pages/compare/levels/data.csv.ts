/** Every level nationwide, by year, as CSV (see levelsCsv). */
import type { APIRoute } from 'astro';
import { loadLevels } from '../../../lib/site/load.ts';
import { levelsCsv } from '../../../lib/site/compare-data.ts';

export const GET: APIRoute = () => new Response(levelsCsv(loadLevels()), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
