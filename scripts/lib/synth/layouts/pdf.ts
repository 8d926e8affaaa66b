/**
 * A synthetic report written as a PDF with pdfkit and a CJK font from
 * fonts-noto-cjk, laid out like a report exported from Word or WPS: A4, ruled
 * tables (stroked lines, one rectangle per cell), label cells that wrap,
 * merged group cells, tables that break across pages (a merged cell cut by
 * the break stays open there; its text flows on), optionally the header rows
 * repeated on the next page, a running header with a rule and page numbers.
 *
 *   const { bytes, keyPage } = await renderPdf(doc, { pageNumbers: 'dash' });
 *
 * `keyPage` gives the page on which each truth key's value is printed.
 */
import { existsSync, readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { Doc } from '../doc.ts';
import { placeTable, type Placed, type PlacedTable } from './pdf-grid.ts';
import type { TableModel } from '../tables.ts';

export type PageNumberStyle = 'dash' | 'emdash' | 'di' | 'fraction' | 'plain' | 'none';

export interface PdfOpts {
  pageNumbers?: PageNumberStyle;
  /** Running header printed on every page (with a rule under it). */
  header?: string | null;
  /** Repeat a table's header rows at the top of a page it continues on. */
  repeatHeader?: boolean;
  /** Start these sections (1..6) on a new page. */
  newPageBefore?: number[];
  /** Table font size and cell padding (pt); default 10.5 and 3. */
  table?: { size?: number; pad?: number };
  /**
   * Encryption (pdfkit): with a user password the file cannot be opened
   * without it; with only an owner password it opens, and copying and
   * printing are marked as not allowed (as many published reports are).
   */
  encrypt?: { userPassword?: string; ownerPassword: string };
}

export interface PdfOut { bytes: Uint8Array; keyPage: Map<string, number>; pages: number }

const STYLES: PageNumberStyle[] = ['dash', 'emdash', 'di', 'fraction', 'plain', 'none'];

/** Furniture for the i-th PDF of a corpus: page number styles, running headers and repeated table headers vary. */
export function pdfVariant(i: number, title: string | null): PdfOpts {
  return {
    pageNumbers: STYLES[i % STYLES.length],
    header: i % 3 === 0 ? null : title,
    repeatHeader: i % 4 === 1,
    newPageBefore: i % 2 === 0 ? [3] : [],
  };
}

const FONT_DIR = '/usr/share/fonts/opentype/noto';
const FONTS = {
  body: ['NotoSerifCJK-Regular.ttc', 'NotoSerifCJKsc-Regular'],
  bold: ['NotoSansCJK-Bold.ttc', 'NotoSansCJKsc-Bold'],
  table: ['NotoSansCJK-Regular.ttc', 'NotoSansCJKsc-Regular'],
} as const;

let fontData: Record<keyof typeof FONTS, Buffer> | null = null;
function fonts(): Record<keyof typeof FONTS, Buffer> {
  if (!fontData) {
    const read = (f: string) => {
      const p = `${FONT_DIR}/${f}`;
      if (!existsSync(p)) throw new Error(`CJK font missing: ${p} (apt-get install fonts-noto-cjk)`);
      return readFileSync(p);
    };
    fontData = { body: read(FONTS.body[0]), bold: read(FONTS.bold[0]), table: read(FONTS.table[0]) };
  }
  return fontData;
}

const PAGE = { w: 595.28, h: 841.89, top: 72, bottom: 72, left: 70, right: 70 };
const CONTENT_W = PAGE.w - PAGE.left - PAGE.right;
const LINE = 1.3;

type Kit = PDFKit.PDFDocument;

/** Token widths at 1 pt per font, measured once (pdfkit measures by shaping, which is slow). */
const widths = new Map<string, number>();
function widthOf(kit: Kit, font: string, size: number, t: string): number {
  const k = font + '\u0000' + t;
  let w = widths.get(k);
  if (w === undefined) {
    w = kit.font(font).fontSize(1).widthOfString(t);
    widths.set(k, w);
  }
  kit.fontSize(size);
  return w * size;
}

/**
 * Break `text` into lines no wider than `width` (the first `indent` narrower):
 * CJK characters one by one, Latin runs and numbers whole.
 */
function wrap(kit: Kit, font: string, size: number, text: string, width: number, indent = 0): string[] {
  const tokens = text.match(/[A-Za-z0-9.,:%+\-/()]+|\s+|./gu) ?? [];
  const lines: string[] = [];
  let cur = '', w = 0;
  for (const t of tokens) {
    const tw = widthOf(kit, font, size, t);
    const room = width - (lines.length ? 0 : indent);
    if (cur && w + tw > room) {
      lines.push(cur.trimEnd());
      cur = /^\s+$/.test(t) ? '' : t;
      w = cur ? tw : 0;
    } else {
      cur += t;
      w += tw;
    }
  }
  if (cur.trim()) lines.push(cur.trimEnd());
  kit.font(font).fontSize(size);
  return lines;
}

interface Ctx { kit: Kit; keyPage: Map<string, number>; o: PdfOpts }

/** 1-based number of the page being written (always the last one). */
const current = (kit: Kit) => kit.bufferedPageRange().count;

function newPage(ctx: Ctx) {
  ctx.kit.addPage();
  ctx.kit.y = PAGE.top;
}

function drawTable(ctx: Ctx, model: TableModel) {
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
      const tx = p.cell.kind === 'label' ? x0 + PAD : x0 + (x1 - x0 - w) / 2;
      kit.text(l, tx, ty + i * lh + (lh - TABLE_SIZE) / 2, { lineBreak: false });
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

/** Lines of text, each placed by hand, on to the next page when the page is full. */
function flow(ctx: Ctx, text: string, font: string, size: number, o: { align?: 'left' | 'right' | 'center'; indent?: number; gap?: number }) {
  const { kit } = ctx;
  const indent = o.indent ?? 0;
  const lh = size * 1.25 + (o.gap ?? 5);
  wrap(kit, font, size, text, CONTENT_W, indent).forEach((line, i) => {
    if (kit.y + lh > PAGE.h - PAGE.bottom) newPage(ctx);
    const w = widthOf(kit, font, size, line);
    const x = o.align === 'right' ? PAGE.left + CONTENT_W - w
      : o.align === 'center' ? PAGE.left + (CONTENT_W - w) / 2
        : PAGE.left + (i === 0 ? indent : 0);
    kit.text(line, x, kit.y, { lineBreak: false });
    kit.y += lh;
  });
}

function heading(ctx: Ctx, text: string, size: number, align: 'left' | 'center') {
  const { kit } = ctx;
  if (kit.y + size * 3 > PAGE.h - PAGE.bottom) newPage(ctx);
  kit.y += size * 0.3;
  flow(ctx, text, 'bold', size, { align, gap: 4 });
  kit.y += size * 0.3;
}

function paragraph(ctx: Ctx, text: string, o: { align?: 'left' | 'right'; indent?: number; size?: number } = {}) {
  flow(ctx, text, 'body', o.size ?? 12, { align: o.align, indent: o.indent ?? 24 });
  ctx.kit.y += 3;
}

function pageNumber(style: PageNumberStyle, n: number, total: number): string | null {
  switch (style) {
    case 'dash': return `- ${n} -`;
    case 'emdash': return `— ${n} —`;
    case 'di': return `第 ${n} 页`;
    case 'fraction': return `${n}/${total}`;
    case 'plain': return String(n);
    case 'none': return null;
  }
}

export async function renderPdf(doc: Doc, o: PdfOpts = {}): Promise<PdfOut> {
  const f = fonts();
  const kit = new PDFDocument({
    size: 'A4', margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
    bufferPages: true, autoFirstPage: true,
    info: { Title: '政府信息公开工作年度报告', Producer: 'pdfkit', CreationDate: new Date(Date.UTC(2025, 0, 15)) },
    ...(o.encrypt ? {
      ...o.encrypt, pdfVersion: '1.7' as const,
      permissions: { printing: 'lowResolution' as const, copying: false, modifying: false },
    } : {}),
  });
  kit.registerFont('body', f.body, FONTS.body[1]);
  kit.registerFont('bold', f.bold, FONTS.bold[1]);
  kit.registerFont('table', f.table, FONTS.table[1]);
  const chunks: Buffer[] = [];
  kit.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve) => kit.on('end', () => resolve()));
  const ctx: Ctx = { kit, keyPage: new Map(), o };
  let section = 0;
  for (const b of doc.blocks) {
    switch (b.t) {
      case 'title': heading(ctx, b.text, 18, 'center'); kit.moveDown(0.5); break;
      case 'h':
        section++;
        if (o.newPageBefore?.includes(section) && kit.y > PAGE.top + 1) newPage(ctx);
        heading(ctx, b.text, 14, 'left');
        break;
      case 'p': paragraph(ctx, b.text); break;
      case 'meta': for (const r of b.rows) paragraph(ctx, r.join('    '), { indent: 0, size: 10.5 }); break;
      case 'raw': for (const l of b.lines) if (l.trim()) paragraph(ctx, l, { indent: 0, size: 10.5 }); break;
      case 'sign': for (const l of b.lines) paragraph(ctx, l.trim(), { align: 'right', indent: 0 }); break;
      case 'table': drawTable(ctx, b.model); break;
    }
  }
  const total = kit.bufferedPageRange().count;
  for (let i = 0; i < total; i++) {
    kit.switchToPage(i);
    kit.page.margins.bottom = 0;
    kit.page.margins.top = 0;
    if (o.header) {
      kit.font('body').fontSize(9);
      const w = kit.widthOfString(o.header);
      kit.text(o.header, PAGE.left + (CONTENT_W - w) / 2, 40, { lineBreak: false });
      kit.lineWidth(0.5).moveTo(PAGE.left, 54).lineTo(PAGE.w - PAGE.right, 54).stroke();
    }
    const n = pageNumber(o.pageNumbers ?? 'dash', i + 1, total);
    if (n) {
      kit.font('body').fontSize(10.5);
      const w = kit.widthOfString(n);
      kit.text(n, (PAGE.w - w) / 2, PAGE.h - 48, { lineBreak: false });
    }
  }
  kit.end();
  await ended;
  return { bytes: new Uint8Array(Buffer.concat(chunks)), keyPage: ctx.keyPage, pages: total };
}
