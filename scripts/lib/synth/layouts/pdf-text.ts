/** Measuring and breaking text for the pdfkit layout (pdfkit measures by shaping, which is slow: widths are cached). */

export type Kit = PDFKit.PDFDocument;

/** Token widths at 1 pt per font, measured once (pdfkit measures by shaping, which is slow). */
const widths = new Map<string, number>();
export function widthOf(kit: Kit, font: string, size: number, t: string): number {
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
export function wrap(kit: Kit, font: string, size: number, text: string, width: number, indent = 0): string[] {
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
