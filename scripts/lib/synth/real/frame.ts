/**
 * What the real layouts change in a report's frame: the encoding their tools
 * write, a title sent as a covering letter (`关于报送2020年度…的函`) or with a
 * space before the year, the signing date a few days before publication, and
 * (rarely) a 2021 report whose application table kept the 2019 (六) row.
 */
import type { Agency } from '../agency.ts';
import type { Encoding } from '../encode.ts';
import type { LayoutName } from '../layouts/out.ts';
import type { Rng } from '../rng.ts';

export const REAL_LAYOUTS: LayoutName[] = ['crawl', 'pdftext', 'markdown', 'cms'];
export const isReal = (l: LayoutName) => REAL_LAYOUTS.includes(l);

export function realEncoding(rng: Rng, layout: LayoutName): Encoding {
  switch (layout) {
    case 'crawl': return rng.weighted<Encoding>([['utf-8', 95], ['utf-8-bom', 5]]);
    case 'cms': return rng.weighted<Encoding>([['gb18030', 45], ['utf-8', 55]]);
    default: return rng.weighted<Encoding>([['utf-8', 80], ['utf-8-bom', 10], ['gb18030', 10]]);
  }
}

/** The title as the page prints it, and the trap names it carries. */
export function realTitle(rng: Rng, agency: Agency, year: number, title: string | null): { title: string; traps: string[] } {
  const letter = `${agency.name}关于报送${year}年度政府信息公开工作年度报告的函`;
  if (rng.chance(0.08)) return { title: letter, traps: ['covering_letter'] };
  const t = title ?? `${agency.name}${year}年度政府信息公开工作年度报告`;
  // 平潭综合实验区国有资产管理局 2019年…: a space between the name and the year
  if (rng.chance(0.1) && t.indexOf(`${year}年`) > 0) return { title: t.replace(`${year}年`, ` ${year}年`), traps: ['title_space'] };
  return { title: t, traps: [] };
}

/** `YYYY年M月D日`, 0–20 days before `published_on`. */
export function signDate(rng: Rng, published_on: string, spaced: boolean): string {
  const d = new Date(`${published_on}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - rng.weighted([[0, 4], [rng.int(1, 5), 4], [rng.int(6, 20), 2]] as const));
  const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  return spaced ? `${y} 年 ${m} 月 ${day} 日` : `${y}年${m}月${day}日`;
}
