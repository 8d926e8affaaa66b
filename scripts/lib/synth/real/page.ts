/**
 * The web page a report was published on, as crawled page text and saved CMS
 * pages state it: the original URL, the 发布机构 field (often empty, sometimes
 * wrong: `1`, `办公室`, the parent government), publication time, 索引号, 文号.
 */
import type { Agency } from '../agency.ts';
import type { Rng } from '../rng.ts';

export interface Page {
  url: string;
  /** As the page prints it; `''` when the field is empty. */
  publisher: string;
  publisherWrong: boolean;
  /** `YYYY-MM-DD HH:MM`, the publication date of the truth. */
  time: string;
  /** 索引号, e.g. `11350128MB1234567X/2025-00012`. */
  index: string;
  docNo: string;
  /** Numeric article id in the URL. */
  id: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A parent body or an abbreviation, as the field is filled in by hand. */
function wrongPublisher(rng: Rng, a: Agency): string {
  const parent = a.county ? `${a.county}人民政府` : `${a.city}人民政府`;
  // a department named by its level only: 县财政局
  const abbr = a.level === 'department' ? a.name.replace(/^.*(市|县|区|旗)(?=[^市县区旗]+$)/, '$1') : parent;
  return rng.pick([parent, abbr, '1', '办公室', '行政科', '桌面', `${a.city}网`, '综合科', a.short[0]]);
}

function url(rng: Rng, a: Agency, d: string, id: number): string {
  const ym = d.slice(0, 7).replace('-', '');
  const ymd = d.replace(/-/g, '');
  const dept = 'abcdefghijklmnopqrstuvwxyz'.slice(rng.int(0, 10)).slice(0, rng.int(3, 6));
  return rng.weighted([
    [`https://${a.site}/zwgk/zfxxgk/bmxxgk/${dept}/zfxxgknb/${ym}/t${ymd}_${id}.htm`, 3],
    [`http://${a.site}/art/${d.slice(0, 4)}/${+d.slice(5, 7)}/${+d.slice(8, 10)}/art_${rng.int(1000, 9999)}_${id}.html`, 2],
    [`https://${a.site}/xxgk/${dept}/${ym}/t${ymd}_${id}.html`, 2],
  ] as const);
}

export function makePage(rng: Rng, a: Agency, published_on: string): Page {
  const id = rng.int(10000, 9999999);
  const time = `${published_on} ${pad(rng.int(8, 19))}:${pad(rng.int(0, 59))}`;
  const w = rng.weighted([['empty', 45], ['name', 35], ['wrong', 20]] as const);
  const publisher = w === 'empty' ? '' : w === 'name' ? a.name : wrongPublisher(rng, a);
  const code = `${rng.int(10000000, 99999999)}${rng.pick(['MB', 'XA', '00'])}${rng.int(1000000, 9999999)}`;
  return {
    url: url(rng, a, published_on, id), publisher, publisherWrong: w === 'wrong', time,
    index: `${code}/${published_on.slice(0, 4)}-${String(rng.int(1, 99999)).padStart(5, '0')}`,
    docNo: rng.chance(0.1) ? `${a.short[0].slice(0, 2)}政信〔${published_on.slice(0, 4)}〕${rng.int(1, 30)}号` : '',
    id,
  };
}
