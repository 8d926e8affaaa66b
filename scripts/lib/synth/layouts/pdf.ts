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
import { CONTENT_W, newPage, PAGE, type Ctx } from './pdf-page.ts';
import { drawTable } from './pdf-table.ts';
import { widthOf, wrap } from './pdf-text.ts';

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
   * Word cells in Word's distributed alignment (分散对齐): each character placed on its own, spread
   * over the cell's width (`4 . 保 护 第 三 方 合 法 权 益` in the text).
   */
  distribute?: boolean;
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
    distribute: i % 5 === 3,
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
