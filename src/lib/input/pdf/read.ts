/**
 * One PDF page through pdf.js → the layout layer's `PageContent`: text items
 * from `getTextContent`, ruling segments and the share of the page that
 * images cover from `getOperatorList` (only for pages that have text: a
 * scanned page's images are never decoded). A page
 * is read the way its text runs, even if its /Rotate shows it sideways.
 */
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { toItems, uprightTurn, type RawItem } from './items.ts';
import type { PageContent } from './layout/types.ts';
import type { PdfJs } from './pdfjs.ts';
import { pictureArea, rulings, type Matrix } from './rulings.ts';

export async function readPage(pdfjs: typeof PdfJs, page: PDFPageProxy): Promise<PageContent> {
  const tc = await page.getTextContent();
  const raw = tc.items.filter((i): i is RawItem & typeof i => 'str' in i);
  // as displayed, unless that turns most text sideways: then as the text runs
  let vp = page.getViewport({ scale: 1 });
  const turn = uprightTurn(raw, vp.transform as Matrix);
  if (turn) vp = page.getViewport({ scale: 1, rotation: (page.rotate + turn) % 360 });
  const vt = vp.transform as Matrix;
  const items = toItems(raw, vt, vp.width, vp.height);
  let segments: PageContent['segments'] = [];
  let pictures = 0;
  if (items.length) {
    const ol = await page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE });
    segments = rulings(ol.fnArray, ol.argsArray, pdfjs.OPS, vt);
    pictures = pictureArea(ol.fnArray, ol.argsArray, pdfjs.OPS, vt) / (vp.width * vp.height);
  }
  page.cleanup();
  return { width: vp.width, height: vp.height, items, segments, pictures };
}
