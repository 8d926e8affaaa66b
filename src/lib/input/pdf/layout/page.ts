/**
 * One page → blocks, top to bottom: ruled tables (text inside a grid goes to
 * its cells) and plain lines (cells found by gaps between items), a
 * paragraph's wrapped lines joined.
 */
import { findGrids } from './grid.ts';
import { cellsByGaps, groupLines } from './lines.ts';
import { joinParagraphs } from './paragraphs.ts';
import { contains, fillTable } from './table.ts';
import type { Block, PageContent, TextItem } from './types.ts';

export function layoutPage(page: PageContent): Block[] {
  const grids = findGrids(page.segments);
  const inGrid: TextItem[][] = grids.map(() => []);
  const free: TextItem[] = [];
  for (const it of page.items) {
    const g = grids.findIndex((grid) => contains(grid, it));
    if (g >= 0) inGrid[g].push(it);
    else free.push(it);
  }
  const blocks: Block[] = [];
  grids.forEach((grid, i) => {
    const table = fillTable(grid, inGrid[i]);
    // a grid that is no table's rows: its text is read by gaps, like an unruled table
    if (table) blocks.push({ kind: 'table', top: table.y0, bottom: table.y1, table });
    else free.push(...inGrid[i]);
  });
  for (const line of groupLines(free)) {
    const cells = cellsByGaps(line);
    if (cells.join('') !== '') blocks.push({ kind: 'line', top: line.top, bottom: line.bottom, x0: line.x0, x1: line.x1, size: line.size, cells });
  }
  return joinParagraphs(blocks.sort((a, b) => a.top - b.top));
}
