/**
 * Bodies that are not administrative divisions — 综合实验区, 新区, 开发区 and
 * their 片区 — and the division they lie in, so that their governments and
 * departments get a region. Data, with its source; add an entry when a
 * report names such a body.
 */

export interface RegionAlias {
  /** The name as reports print it (the longest spelling first). */
  names: string[];
  /** GB/T 2260 code of the division the body lies in (county, or city/province padded). */
  code: string;
  /** Its own government (管委会): the level it acts at. */
  level: 'county' | 'city' | 'province';
  /** Township-level parts (片区), named in agency names: their bodies are township level. */
  townships?: string[];
  source: string;
}

export const REGION_ALIASES: RegionAlias[] = [
  {
    names: ['平潭综合实验区', '平潭综合试验区', '平潭实验区'],
    code: '350128',
    level: 'county',
    townships: ['海坛片区', '金井片区', '苏平片区', '君山片区', '澳前片区'],
    source: '国务院《关于平潭综合实验区总体发展规划的批复》(国函〔2011〕142号):实验区范围为福州市平潭县全境(GB/T 2260 代码 350128);实验区管委会与平潭县合署。2019 年机构改革设海坛、金井、苏平、君山等乡镇级片区管理局(www.pingtan.gov.cn 机构设置)。',
  },
  {
    names: ['雄安新区'],
    code: '130600',
    level: 'city',
    source: '中共中央、国务院决定设立河北雄安新区(2017-04-01):涉及保定市雄县、容城、安新三县;归入保定市(130600)。',
  },
  {
    names: ['贵安新区'],
    code: '520000',
    level: 'province',
    source: '国务院《关于同意设立贵州贵安新区的批复》(国函〔2014〕3号):跨贵阳、安顺两市;归入贵州省(520000)。',
  },
  {
    names: ['两江新区'],
    code: '500000',
    level: 'province',
    source: '国务院《关于同意设立重庆两江新区的批复》(国函〔2010〕36号):跨江北、渝北、北碚三区;归入重庆市(500000)。',
  },
  {
    names: ['兰州新区'],
    code: '620100',
    level: 'city',
    source: '国务院《关于同意设立兰州新区的批复》(国函〔2012〕104号):位于兰州市永登县、皋兰县;归入兰州市(620100)。',
  },
  {
    names: ['西咸新区'],
    code: '610000',
    level: 'province',
    source: '国务院《关于同意设立陕西西咸新区的批复》(国函〔2014〕2号):跨西安、咸阳两市;归入陕西省(610000)。',
  },
];

/** The alias a name contains, if any, with the spelling found. */
export function findAlias(name: string): { alias: RegionAlias; spelling: string } | null {
  for (const alias of REGION_ALIASES) {
    for (const spelling of alias.names) if (name.includes(spelling)) return { alias, spelling };
  }
  return null;
}
