/**
 * Reporting bodies built from real divisions: township governments and street
 * offices, county and city governments (single-office or aggregate reports),
 * government offices and departments. Each carries the truth for the
 * `reports` metadata columns.
 */
import type { Level, Scope } from '../../../src/lib/schema.ts';
import { divisions, type City, type County, type Town } from './regions.ts';
import type { Rng } from './rng.ts';

export type AgencyKind =
  | 'township' | 'county_gov' | 'county_agg' | 'city_gov' | 'city_agg' | 'county_office' | 'county_dept' | 'city_office' | 'city_dept';

export interface Agency {
  kind: AgencyKind;
  /** Full normalised name, e.g. 奇台县大泉塔塔尔族乡人民政府. */
  name: string;
  /** Forms that may appear in a title, e.g. 大泉塔塔尔族乡 / 奇台县大泉塔塔尔族乡. */
  short: string[];
  level: Level;
  scope: Scope;
  province: string;
  city: string;
  county: string | null;
  township: string | null;
  region_code: string;
  /** The region can be resolved from names alone (county name unique nationwide). */
  region_unique: boolean;
  /** 全县 / 全市 / 全区 / 全旗 / 全镇 / 全乡 … used in narrative. */
  area: string;
  /** Rough activity scale: mean number of applications per year. */
  scale: number;
  /** Can issue 规章 (only governments of cities). */
  makesRegulations: boolean;
  /** Host web site, used in narrative. */
  site: string;
}

const DEPTS = [
  '教育局', '财政局', '民政局', '人力资源和社会保障局', '自然资源局', '住房和城乡建设局', '交通运输局',
  '农业农村局', '卫生健康委员会', '市场监督管理局', '应急管理局', '司法局', '水利局', '统计局',
  '医疗保障局', '退役军人事务局', '发展和改革委员会', '文化体育广播电视和旅游局', '审计局', '林业和草原局',
] as const;

function areaWord(name: string): string {
  return '全' + name.slice(-1);
}

function cityGovName(c: City): string | null {
  // 喀什地区行政公署, 锡林郭勒盟行政公署: the prefecture's full name before 行政公署.
  if (c.name.endsWith('地区') || c.name.endsWith('盟')) return c.name + '行政公署';
  return c.name + '人民政府';
}

function townAgency(t: Town): string {
  return t.county.name + t.name + (t.name.endsWith('街道') ? '办事处' : '人民政府');
}

function site(rng: Rng): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let s = 'www.';
  for (let i = rng.int(3, 7); i > 0; i--) s += rng.pick(letters.split(''));
  return s + '.gov.cn';
}

export function pickAgency(rng: Rng): Agency {
  const d = divisions();
  const kind = rng.weighted<AgencyKind>([
    ['township', 40], ['county_gov', 10], ['county_agg', 8], ['city_gov', 3], ['city_agg', 4],
    ['county_office', 6], ['county_dept', 20], ['city_office', 3], ['city_dept', 6],
  ]);
  let county: County = rng.pick(d.counties);
  if (kind === 'township') {
    while (county.towns.length === 0) county = rng.pick(d.counties);
  }
  const city = county.city;
  const province = city.province.name;
  const base = { province, city: city.name, site: site(rng), makesRegulations: false };
  switch (kind) {
    case 'township': {
      const t = rng.pick(county.towns);
      return {
        ...base, kind, name: townAgency(t), short: [t.name, county.name + t.name], level: 'township', scope: 'office',
        county: county.name, township: t.name, region_code: t.code, region_unique: county.unique,
        area: areaWord(t.name.replace(/街道$/, '街')), scale: 3,
      };
    }
    case 'county_gov':
    case 'county_agg':
      return {
        ...base, kind, name: county.name + '人民政府', short: kind === 'county_agg' ? [county.name] : [county.name + '人民政府'],
        level: 'county', scope: kind === 'county_agg' ? 'aggregate' : 'office', county: county.name, township: null,
        region_code: county.code, region_unique: county.unique, area: areaWord(county.name), scale: kind === 'county_agg' ? 80 : 30,
      };
    case 'county_office':
      return {
        ...base, kind, name: county.name + '人民政府办公室', short: [county.name + '人民政府办公室'], level: 'department', scope: 'office',
        county: county.name, township: null, region_code: county.code, region_unique: county.unique, area: areaWord(county.name), scale: 6,
      };
    case 'county_dept': {
      const dept = rng.pick(DEPTS);
      return {
        ...base, kind, name: county.name + dept, short: [county.name + dept], level: 'department', scope: 'office',
        county: county.name, township: null, region_code: county.code, region_unique: county.unique, area: areaWord(county.name), scale: 8,
      };
    }
    case 'city_gov':
    case 'city_agg': {
      const gov = cityGovName(city)!;
      return {
        ...base, kind, name: gov, short: kind === 'city_agg' ? [city.name] : [gov], level: 'city',
        scope: kind === 'city_agg' ? 'aggregate' : 'office', county: null, township: null, region_code: city.code,
        region_unique: true, area: areaWord(city.name), scale: kind === 'city_agg' ? 600 : 120, makesRegulations: city.name.endsWith('市'),
      };
    }
    case 'city_office':
      return {
        ...base, kind, name: cityGovName(city)! + '办公室', short: [cityGovName(city)! + '办公室'], level: 'department', scope: 'office',
        county: null, township: null, region_code: city.code, region_unique: true, area: areaWord(city.name), scale: 20,
      };
    case 'city_dept': {
      const dept = rng.pick(DEPTS);
      return {
        ...base, kind, name: city.name + dept, short: [city.name + dept], level: 'department', scope: 'office',
        county: null, township: null, region_code: city.code, region_unique: true, area: areaWord(city.name), scale: 25,
      };
    }
  }
}
