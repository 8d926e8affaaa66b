/**
 * One PDF page through pdf.js → the layout layer's `PageContent`: text items
 * from `getTextContent`, ruling segments from `getOperatorList` (only for
 * pages that have text: a scanned page's images are never decoded).
 */
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { toItems, type RawItem } from './items.ts';
import type { PageContent } from './layout/types.ts';
import type { PdfJs } from './pdfjs.ts';
import { rulings, type Matrix } from './rulings.ts';

export async function readPage(pdfjs: typeof PdfJs, page: PDFPageProxy): Promise<PageContent> {
  const vp = page.getViewport({ scale: 1 });
  const vt = vp.transform as Matrix;
  const tc = await page.getTextContent();
  const raw = tc.items.filter((i): i is RawItem & typeof i => 'str' in i);
  const items = toItems(raw, vt, vp.width, vp.height);
  let segments: PageContent['segments'] = [];
  if (items.length) {
    const ol = await page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE });
    segments = rulings(ol.fnArray, ol.argsArray, pdfjs.OPS, vt);
  }
  page.cleanup();
  return { width: vp.width, height: vp.height, items, segments };
}
