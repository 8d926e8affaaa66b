/** Stable ids: the same source file, the same report id; the same agency, the same agency id. */
import { hash } from 'node:crypto';
import { mapArray } from './map-array.ts';

/** The first `n` hex digits of the SHA-256 of `s` (one-shot `hash`: no Hash object per call). */
const h = (s: string, n: number) => hash('sha256', s, 'hex').slice(0, n);

const SAFE_SEGMENT = /^[a-z0-9][a-z0-9_-]*$/;
const REPORT_EXT = /^(?:txt|text|html?|pdf|docx?)$/;

/**
 * Report id from the file's path in the corpus (`/`-separated, relative to the
 * corpus folder): unique by construction, the same path always the same id,
 * and readable in URLs.
 *
 * - A path of lower-case ASCII segments (`a-z 0-9 _ -`) and a report extension
 *   reads as itself, with `.` for `/`: `seeds/001_dab5396a0471019a.txt` →
 *   `seeds.001_dab5396a0471019a.txt`, `2023/report.txt` → `2023.report.txt`,
 *   `x.html` → `x.html`. No segment holds a dot and the last piece is always
 *   the extension, so two such paths never meet.
 * - Any other path (Chinese, spaces, upper case, dots, another extension, a
 *   name that is not UTF-8): its ASCII letters and digits as a readable hint,
 *   then `~` and 12 hex digits of the SHA-256 of the path's bytes, e.g.
 *   `2023.txt~3f9a…`; `~` never occurs in the first form. `raw` are the
 *   path's bytes when they are not the UTF-8 of `path` (see dataset/names.ts).
 */
export function reportId(path: string, raw?: Uint8Array): string {
  const p = path;
  const segs = p.split('/');
  const last = segs.pop() ?? '';
  const dot = last.lastIndexOf('.');
  const stem = last.slice(0, dot), ext = last.slice(dot + 1);
  if (!raw && p.length <= 160 && dot > 0 && REPORT_EXT.test(ext) && SAFE_SEGMENT.test(stem) && segs.every((s) => SAFE_SEGMENT.test(s))) {
    return [...segs, stem].join('.') + '.' + ext;
  }
  const hint = mapArray(p.toLowerCase().split('/'), (s) => s.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, ''))
    .filter(Boolean).join('.').slice(0, 48).replace(/[.-]+$/, '');
  return `${hint || 'r'}~${hash('sha256', raw ?? p, 'hex').slice(0, 12)}`;
}

/** The resolved place of an agency, as far as known. */
export interface Place { province: string | null; city: string | null; county: string | null; township: string | null; alias?: string }

/**
 * The kind of body once its resolved place is taken off the name:
 * `仙居县下各镇人民政府` (township 下各镇) → `人民政府`, `乌恰县人民政府办公室` → `人民政府办公室`,
 * `仙居县新兴镇人民政府` with only the county resolved → `新兴镇人民政府`.
 */
export function agencyRole(agency: string, place: Place): string {
  let rest = agency;
  const strip = (name: string | null): boolean => {
    if (!name) return false;
    const k = rest.indexOf(name);
    if (k >= 0) { rest = rest.slice(k + name.length); return true; }
    const short = name.replace(/(?:省|市|自治区|地区|盟|自治州|县|区|旗)$/, '');
    if (short.length >= 2 && rest.startsWith(short)) { rest = rest.slice(short.length); return true; }
    return false;
  };
  // A body named after a non-division area (`平潭综合实验区…`): the area's name is its place.
  if (place.alias && strip(place.alias)) return rest || agency;
  strip(place.province); strip(place.city); strip(place.county);
  // A township resolved under another spelling (`大泉塔塔尔族乡` ~ `塔塔尔乡`): drop the name up to its suffix.
  if (place.township && !strip(place.township)) rest = rest.replace(/^[\u4e00-\u9fa5]{1,14}?(?:乡|镇|街道|苏木)(?=人民政府|办事处)/, '');
  return rest || agency;
}

/**
 * URL-safe agency id, stable across years: the resolved region code plus the
 * kind of body, so `下各镇人民政府` and `仙居县下各镇人民政府` are one agency;
 * without a region, a hash of the full name (`x-…`).
 */
export function agencyId(agency: string, regionCode: string | null, place?: Place): string {
  return regionCode ? `${regionCode}-${h(agencyRole(agency, place ?? { province: null, city: null, county: null, township: null }), 8)}` : `x-${h(agency, 12)}`;
}
