/**
 * Pages → text lines with their page numbers: each page laid out into
 * blocks, page furniture dropped, tables joined across page breaks, then one
 * line per plain line and per table row, cells joined by tabs.
 */
import { dropFurniture } from './furniture.ts';
import { joinTables } from './join.ts';
import { layoutPage } from './page.ts';
import type { Block, PageContent } from './types.ts';

export interface DocumentText {
  lines: string[];
  /** 1-based page of each line. */
  pages: number[];
}

/** Tabs and line breaks inside a cell would break the line/cell structure. */
const clean = (s: string) => s.replace(/[\t\r\n\u2028\u2029\v\f\u0085]+/g, ' ');

function emit(blocks: Block[], page: number, out: DocumentText) {
  for (const b of blocks) {
    if (b.kind === 'line') {
      out.lines.push(b.cells.map(clean).join('\t'));
      out.pages.push(page);
      continue;
    }
    for (const row of b.table.rows) {
      const cells = row.filter((c) => !c.cont);
      if (!cells.some((c) => c.text !== '')) continue;
      out.lines.push(cells.map((c) => clean(c.text)).join('\t'));
      out.pages.push(page);
    }
  }
}

export function layoutDocument(pages: readonly PageContent[]): DocumentText {
  const blocks = dropFurniture(pages.map(layoutPage), pages.map((p) => p.height));
  joinTables(blocks);
  const out: DocumentText = { lines: [], pages: [] };
  blocks.forEach((b, i) => emit(b, i + 1, out));
  return out;
}
