/** The compact index the browse page's script filters and sorts (written by writeSiteData). */
import type { APIRoute } from 'astro';
import { loadRaw } from '../../lib/site/load.ts';

export const GET: APIRoute = () => new Response(loadRaw('browse-index.json'), { headers: { 'content-type': 'application/json' } });
