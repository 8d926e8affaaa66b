/**
 * Crawled page text, as data/real holds it: the crawler's metadata header
 * (标题 … 本地目录), a `==== 正文 ====` line, then the whole body on one line.
 * Headings run into their text (`一、总体情况2021年，我局…`); tables are
 * flattened: header labels glued together, each row label followed by its
 * numbers as `Row.print` spells them (real/flatten.ts).
 */
import type { Doc } from '../doc.ts';
import type { Page } from '../real/page.ts';
import type { Rng } from '../rng.ts';
import type { TableModel } from '../tables.ts';
import { Out } from './out.ts';

export interface CrawlOpts {
  page: Page;
  title: string;
  /** The body repeats the title (most pages); else it starts with the preamble. */
  bodyTitle: boolean;
  /** Word list residue `<!--[if !supportLists]-->（三）<!--[endif]-->` before sub-headings. */
  residue: boolean;
  /** The page's breadcrumb left at the start of the body and `附件下载` at its end. */
  chrome: boolean;
}

function flatTable(m: TableModel, keys: string[]): string {
  let s = '';
  for (const row of m.rows) {
    s += row.cells.filter((c) => c.kind !== 'num').map((c) => c.t).join('');
    if (row.print !== undefined) s += row.print;
    for (const c of row.cells) if (c.key) keys.push(c.key);
    if (row.runKeys) keys.push(...row.runKeys);
  }
  return s;
}

function localDir(p: Page, title: string): string {
  const path = p.url.replace(/^https?:\/\/[^/]+\//, '').replace(/\/[^/]*$/, '');
  return `${path}/${p.id}_${title}`;
}

export function renderCrawl(doc: Doc, o: CrawlOpts, rng: Rng): Out {
  const out = new Out();
  const p = o.page;
  out.push(`标题: ${o.title}`);
  out.push(`发布时间: ${p.time}`);
  out.push(`文号: ${p.docNo}`);
  out.push(`发布机构: ${p.publisher}`);
  out.push('栏目: 政府信息公开年报');
  out.push(`原文链接: ${p.url}`);
  out.push(`本地目录: ${localDir(p, o.title)}`);
  out.push('页面链接与图片详见 links.tsv(同目录)');
  out.push('==================== 正文 ====================');
  const parts: string[] = [];
  const keys: string[] = [];
  if (o.chrome) parts.push(`当前位置： 首页政务公开政府信息公开${o.title.slice(0, 12)}政府信息公开年报 `);
  for (const b of doc.blocks) {
    switch (b.t) {
      case 'title': if (o.bodyTitle) parts.push(b.text + (rng.chance(0.8) ? ' ' : '')); break;
      case 'h': parts.push(b.text); break;
      case 'p': {
        const m = o.residue && rng.chance(0.3) ? /^([（(][一二三四五六七][）)])(.*)$/s.exec(b.text) : null;
        parts.push(m ? `<!--[if !supportLists]-->${m[1]}<!--[endif]-->${m[2]}` : b.text);
        break;
      }
      case 'table': parts.push((rng.chance(0.3) ? ' ' : '') + flatTable(b.model, keys)); break;
      case 'sign': parts.push(' ' + b.lines.map((l) => l.trim()).join(rng.chance(0.7) ? ' ' : '')); break;
      case 'meta': case 'raw': break;
    }
  }
  if (o.chrome) parts.push(' 附件下载');
  let body = '';
  for (const x of parts) body += (body && rng.chance(0.15) && !x.startsWith(' ') ? ' ' : '') + x;
  out.push(body, keys);
  return out;
}
