/**
 * One table of the pdfkit layout: cells on the form's grid (`pdf-grid.ts`),
 * each cell's text wrapped in its column, row heights from the text, rows
 * that do not fit moved to the next page. A cell spanning rows cut by a page
 * break is drawn as one fragment per page, open at the break, its text
 * flowing on; header rows are repeated on a continuation page if asked.
 */
import type { TableModel } from '../tables.ts';
import { CONTENT_W, current, newPage, PAGE, type Ctx } from './pdf-page.ts';
import { placeTable, type Placed, type PlacedTable } from './pdf-grid.ts';
import { wrap } from './pdf-text.ts';

const LINE = 1.3;

export function drawTable(ctx: Ctx, model: TableModel) {
  const { kit } = ctx;
  const t: PlacedTable = placeTable(model);
  const TABLE_SIZE = ctx.o.table?.size ?? 10.5, PAD = ctx.o.table?.pad ?? 3;
  kit.font('table').fontSize(TABLE_SIZE);
  const unit = CONTENT_W / t.widths.reduce((a, b) => a + b, 0);
  const colX = [PAGE.left];
  for (const w of t.widths) colX.push(colX[colX.length - 1] + w * unit);
  const lh = TABLE_SIZE * LINE;
  const lines = new Map<Placed, string[]>();
  for (const p of t.cells) lines.set(p, p.cell.t ? wrap(kit, 'table', TABLE_SIZE, p.cell.t, colX[p.c + p.cs] - colX[p.c] - 2 * PAD) : []);
  // row heights: single-row cells first, then rows grow for cells spanning several
  const hs = Array<number>(t.rows).fill(lh + 2 * PAD);
  for (const p of t.cells) if (p.rs === 1) hs[p.r] = Math.max(hs[p.r], lines.get(p)!.length * lh + 2 * PAD);
  for (const p of t.cells) {
    if (p.rs === 1) continue;
    const need = lines.get(p)!.length * lh + 2 * PAD;
    const have = hs.slice(p.r, p.r + p.rs).reduce((a, b) => a + b, 0);
    if (need > have) hs[p.r + p.rs - 1] += need - have;
  }
  // pagination: rows never break; a header repeated on a continuation page
  const headRows = model.id === 'apps' ? 3 : model.id === 'reviews' ? 3 : 0;
  const rowPage: number[] = [], rowY: number[] = [];
  let y = kit.y, page = current(kit);
  const repeats: { page: number; y: number }[] = [];
  for (let r = 0; r < t.rows; r++) {
    if (y + hs[r] > PAGE.h - PAGE.bottom && y > PAGE.top + 1) {
      newPage(ctx);
      page = current(kit);
      y = PAGE.top;
      if (ctx.o.repeatHeader && headRows && r >= headRows) {
        repeats.push({ page, y });
        y += hs.slice(0, headRows).reduce((a, b) => a + b, 0);
      }
    }
    rowPage.push(page);
    rowY.push(y);
    y += hs[r];
  }
  const lastPage = page;
  // draw each cell, fragment by fragment (one per page it crosses)
  const drawFragment = (p: Placed, rows: number[], text: string[], page: number, dy = 0, header = false) => {
    kit.switchToPage(page - 1);
    const x0 = colX[p.c], x1 = colX[p.c + p.cs];
    const y0 = rowY[rows[0]] + dy, y1 = rowY[rows[rows.length - 1]] + hs[rows[rows.length - 1]] + dy;
    kit.lineWidth(0.5);
    kit.moveTo(x0, y0).lineTo(x0, y1).moveTo(x1, y0).lineTo(x1, y1);
    if (header || rows[0] === p.r) kit.moveTo(x0, y0).lineTo(x1, y0);
    if (header || rows[rows.length - 1] === p.r + p.rs - 1) kit.moveTo(x0, y1).lineTo(x1, y1);
    kit.stroke();
    if (!text.length) return;
    kit.font('table').fontSize(TABLE_SIZE);
    const block = text.length * lh;
    const ty = text.length * lh <= y1 - y0 - 2 * PAD && text === lines.get(p) ? y0 + (y1 - y0 - block) / 2 : y0 + PAD;
    text.forEach((l, i) => {
      const w = kit.widthOfString(l);
      const ly = ty + i * lh + (lh - TABLE_SIZE) / 2;
      // Word's distributed alignment (分散对齐): a word cell's characters spread over its width, each placed on its own
      if (ctx.o.distribute && p.cell.kind !== 'num' && [...l].length > 1) {
        const chars = [...l], gap = (x1 - x0 - 2 * PAD - w) / (chars.length - 1);
        let cx = x0 + PAD;
        for (const ch of chars) { kit.text(ch, cx, ly, { lineBreak: false }); cx += kit.widthOfString(ch) + gap; }
        return;
      }
      const tx = p.cell.kind === 'label' ? x0 + PAD : x0 + (x1 - x0 - w) / 2;
      kit.text(l, tx, ly, { lineBreak: false });
    });
  };
  for (const p of t.cells) {
    const rows = Array.from({ length: p.rs }, (_, k) => p.r + k);
    const byPage = new Map<number, number[]>();
    for (const r of rows) {
      if (!byPage.has(rowPage[r])) byPage.set(rowPage[r], []);
      byPage.get(rowPage[r])!.push(r);
    }
    let left = lines.get(p)!;
    const frags = [...byPage];
    frags.forEach(([page, rs], i) => {
      const h = rs.reduce((a, r) => a + hs[r], 0);
      const fit = i === frags.length - 1 ? left.length : Math.max(0, Math.floor((h - 2 * PAD) / lh));
      const here = left.length * lh <= h - 2 * PAD ? left : left.slice(0, fit);
      drawFragment(p, rs, here, page);
      left = left.slice(here.length);
    });
    if (p.cell.key) ctx.keyPage.set(p.cell.key, rowPage[p.r]);
  }
  for (const rep of repeats) {
    const dy = rep.y - rowY[0];
    for (const p of t.cells.filter((c) => c.r < headRows)) {
      const rows = Array.from({ length: p.rs }, (_, k) => p.r + k);
      drawFragment(p, rows, lines.get(p)!, rep.page, dy, true);
    }
  }
  kit.switchToPage(lastPage - 1);
  kit.x = PAGE.left;
  kit.y = y + 12;
}
