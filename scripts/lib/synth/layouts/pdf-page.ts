/** Page geometry and the writing context shared by the pdfkit layout's parts. */
import type { PdfOpts } from './pdf.ts';
import type { Kit } from './pdf-text.ts';

export const PAGE = { w: 595.28, h: 841.89, top: 72, bottom: 72, left: 70, right: 70 };
export const CONTENT_W = PAGE.w - PAGE.left - PAGE.right;

export interface Ctx { kit: Kit; keyPage: Map<string, number>; o: PdfOpts }

/** 1-based number of the page being written (always the last one). */
export const current = (kit: Kit) => kit.bufferedPageRange().count;

export function newPage(ctx: Ctx) {
  ctx.kit.addPage();
  ctx.kit.y = PAGE.top;
}
