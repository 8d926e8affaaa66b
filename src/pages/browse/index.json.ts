/** The compact index the browse page's script filters and sorts (written by writeSiteData). */
import type { APIRoute } from 'astro';
import { loadBrowseIndex } from '../../lib/site/load.ts';

export const GET: APIRoute = () => new Response(loadBrowseIndex(), { headers: { 'content-type': 'application/json' } });
