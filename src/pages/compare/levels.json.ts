/** Every level nationwide, by year (LevelSeries[]): the pick-and-compare page's reference rows. */
import type { APIRoute } from 'astro';
import { loadLevels } from '../../lib/site/load.ts';

export const GET: APIRoute = () => new Response(JSON.stringify(loadLevels()), { headers: { 'content-type': 'application/json' } });
