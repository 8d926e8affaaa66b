/** Stable ids: the same source file, the same report id; the same agency, the same agency id. */
import { createHash } from 'node:crypto';

const h = (s: string, n: number) => createHash('sha256').update(s).digest('hex').slice(0, n);

/** `000_6694218b40946a51.txt` → `000_6694218b40946a51`; non-ASCII names → `r` + hash of the name. */
export function reportId(sourceFile: string): string {
  const name = sourceFile.split(/[\\/]/).pop() ?? sourceFile;
  const stem = name.replace(/\.(?:txt|html?|text)$/i, '');
  return /^[A-Za-z0-9_.-]{1,80}$/.test(stem) ? stem : `r${h(name, 16)}`;
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
