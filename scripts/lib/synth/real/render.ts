/** Render a document in one of the real layouts, drawing the layout's own options. */
import type { Agency } from '../agency.ts';
import type { Doc } from '../doc.ts';
import type { Encoding } from '../encode.ts';
import { renderCms } from '../layouts/cms.ts';
import { renderCrawl } from '../layouts/crawl.ts';
import { renderMarkdown } from '../layouts/markdown.ts';
import type { LayoutName, Out } from '../layouts/out.ts';
import { renderPdfText } from '../layouts/pdftext.ts';
import type { Rng } from '../rng.ts';
import type { Page } from './page.ts';

export interface RealContext { agency: Agency; year: number; title: string; page: Page | null; encoding: Encoding;
  /** Markdown: tables as one line of HTML each. */
  htmlTables?: boolean;
  /** Markdown: tables as full grids with merged cells copied (docling). */
  spanCopies?: boolean }

export function renderReal(layout: LayoutName, doc: Doc, c: RealContext, rng: Rng): Out {
  switch (layout) {
    case 'crawl':
      return renderCrawl(doc, { page: c.page!, title: c.title, bodyTitle: rng.chance(0.8), residue: rng.chance(0.2), chrome: rng.chance(0.05) }, rng);
    case 'pdftext':
      return renderPdfText(doc, {
        width: rng.int(32, 40), pageLines: rng.int(38, 48), mergeVertical: rng.chance(0.5), labelSpaces: rng.chance(0.6),
        runningHead: rng.chance(0.4) ? `${c.agency.name}${c.year}年政府信息公开工作年度报告` : null,
      }, rng);
    case 'markdown':
      return renderMarkdown(doc, { hashHeadings: rng.chance(0.6), generic: rng.chance(0.5), htmlTables: c.htmlTables ?? false, spanCopies: c.spanCopies ?? false }, rng);
    case 'cms':
      return renderCms(doc, {
        charset: c.encoding === 'gb18030' ? rng.pick(['gb2312', 'gbk', 'GB18030']) : 'utf-8', page: c.page!, title: c.title,
        site: `${c.agency.county ?? c.agency.city}人民政府`, kind: rng.chance(0.5) ? 'trs' : 'ucap',
      }, rng);
    default:
      throw new Error(`not a real layout: ${layout}`);
  }
}
