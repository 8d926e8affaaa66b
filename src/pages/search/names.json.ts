/** Agency names with pinyin and initials, for the search page's name matching. */
import type { APIRoute } from 'astro';
import { loadRaw } from '../../lib/site/load.ts';

export const GET: APIRoute = () => new Response(loadRaw('names.json'), { headers: { 'content-type': 'application/json' } });
