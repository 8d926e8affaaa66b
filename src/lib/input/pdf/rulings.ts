/**
 * A page's operator list (pdf.js `getOperatorList`) → ruling segments in page
 * coordinates (top-down). Rulings are straight horizontal or vertical pieces
 * of stroked paths (`re S`, `m l S`) and thin filled rectangles (how Word,
 * WPS and Chromium draw cell borders). The current transformation matrix is
 * followed through save/restore, `cm` and form XObjects.
 *
 * Path data (pdf.js ≥ 5): `constructPath` args are `[paintOp, [Float32Array], minMax]`,
 * the array holding DrawOPS codes (moveTo 0, lineTo 1, curveTo 2, quadraticCurveTo 3,
 * closePath 4) followed by their coordinates, in the user space current at the op.
 */
import type { Segment } from './layout/types.ts';

export type Matrix = [number, number, number, number, number, number];

export const mul = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5],
];

/** The pdf.js operator codes this module reads (`OPS` of pdfjs-dist). */
export interface Ops {
  save: number; restore: number; transform: number;
  paintFormXObjectBegin: number; paintFormXObjectEnd: number;
  constructPath: number;
  stroke: number; closeStroke: number; fill: number; eoFill: number;
  fillStroke: number; eoFillStroke: number; closeFillStroke: number; closeEOFillStroke: number;
  paintImageXObject: number; paintInlineImageXObject: number; paintImageMaskXObject: number;
}

/** A filled rectangle thinner than this (pt) is a ruling. */
const THIN = 3;
/** Pieces off the axis by less than this (pt) are straight. */
const SKEW = 1;

type Pt = [number, number];

/** Sub-paths of straight pieces; a curve ends the straight run. */
function subpaths(buf: ArrayLike<number>, m: Matrix): { pts: Pt[]; closed: boolean; curved: boolean }[] {
  const out: { pts: Pt[]; closed: boolean; curved: boolean }[] = [];
  let cur: { pts: Pt[]; closed: boolean; curved: boolean } | null = null;
  const at = (x: number, y: number): Pt => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
  for (let k = 0; k < buf.length;) {
    const op = buf[k++];
    if (op === 0) {
      cur = { pts: [at(buf[k], buf[k + 1])], closed: false, curved: false };
      out.push(cur);
      k += 2;
    } else if (op === 1) {
      const p = at(buf[k], buf[k + 1]);
      if (cur) cur.pts.push(p); else out.push((cur = { pts: [p], closed: false, curved: false }));
      k += 2;
    } else if (op === 2 || op === 3) {
      const n = op === 2 ? 6 : 4;
      if (cur) cur.curved = true;
      // the curve's end point starts the next straight run
      cur = { pts: [at(buf[k + n - 2], buf[k + n - 1])], closed: false, curved: false };
      out.push(cur);
      k += n;
    } else if (op === 4) {
      if (cur) cur.closed = true;
    } else {
      break; // unknown code: stop rather than misread coordinates
    }
  }
  return out;
}

function straight(a: Pt, b: Pt): Segment | null {
  if (Math.abs(a[1] - b[1]) <= SKEW && Math.abs(a[0] - b[0]) > SKEW) {
    const y = (a[1] + b[1]) / 2;
    return { x0: Math.min(a[0], b[0]), y0: y, x1: Math.max(a[0], b[0]), y1: y };
  }
  if (Math.abs(a[0] - b[0]) <= SKEW && Math.abs(a[1] - b[1]) > SKEW) {
    const x = (a[0] + b[0]) / 2;
    return { x0: x, y0: Math.min(a[1], b[1]), x1: x, y1: Math.max(a[1], b[1]) };
  }
  return null;
}

/** An axis-aligned rectangle's bounds, or null. */
function rect(pts: Pt[]): [number, number, number, number] | null {
  const p = pts.length === 5 && Math.abs(pts[0][0] - pts[4][0]) <= SKEW && Math.abs(pts[0][1] - pts[4][1]) <= SKEW ? pts.slice(0, 4) : pts;
  if (p.length !== 4) return null;
  for (let i = 0; i < 4; i++) if (!straight(p[i], p[(i + 1) % 4]) && !sameish(p[i], p[(i + 1) % 4])) return null;
  const xs = p.map((q) => q[0]), ys = p.map((q) => q[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}
const sameish = (a: Pt, b: Pt) => Math.abs(a[0] - b[0]) <= SKEW && Math.abs(a[1] - b[1]) <= SKEW;

/** Segments of one painted path. */
function pathSegments(buf: ArrayLike<number>, m: Matrix, stroked: boolean, filled: boolean, out: Segment[]) {
  for (const sp of subpaths(buf, m)) {
    if (stroked) {
      const pts = sp.closed && sp.pts.length > 2 ? [...sp.pts, sp.pts[0]] : sp.pts;
      for (let i = 0; i + 1 < pts.length; i++) {
        const s = straight(pts[i], pts[i + 1]);
        if (s) out.push(s);
      }
    }
    if (filled && !sp.curved) {
      const r = rect(sp.pts);
      if (!r) continue;
      const [x0, y0, x1, y1] = r, w = x1 - x0, h = y1 - y0;
      if (h <= THIN && w > THIN) out.push({ x0, y0: (y0 + y1) / 2, x1, y1: (y0 + y1) / 2 });
      else if (w <= THIN && h > THIN) out.push({ x0: (x0 + x1) / 2, y0, x1: (x0 + x1) / 2, y1 });
    }
  }
}

/**
 * Each operator of a page's list with the transformation current at it, from
 * user space to page coordinates (`base`, the pdf.js viewport transform at
 * scale 1), followed through save/restore, `cm` and form XObjects.
 */
function eachOp(fnArray: ArrayLike<number>, argsArray: ArrayLike<unknown>, ops: Ops, base: Matrix,
  visit: (fn: number, args: unknown[] | null, ctm: Matrix) => void) {
  const stack: Matrix[] = [];
  let ctm = base;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform && args) ctm = mul(ctm, args as Matrix);
    else if (fn === ops.paintFormXObjectBegin) {
      stack.push(ctm);
      const m = args?.[0] as Matrix | null | undefined;
      if (m && m.length === 6) ctm = mul(ctm, Array.from(m) as Matrix);
    } else if (fn === ops.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else visit(fn, args, ctm);
  }
}

/** Ruling segments of a page. */
export function rulings(fnArray: ArrayLike<number>, argsArray: ArrayLike<unknown>, ops: Ops, base: Matrix): Segment[] {
  const strokeOps = new Set([ops.stroke, ops.closeStroke, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  const fillOps = new Set([ops.fill, ops.eoFill, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  const out: Segment[] = [];
  eachOp(fnArray, argsArray, ops, base, (fn, args, ctm) => {
    if (fn !== ops.constructPath || !args) return;
    const paint = args[0] as number;
    const buf = (args[1] as (ArrayLike<number> | null)[] | undefined)?.[0];
    if (!buf) return;
    const stroked = strokeOps.has(paint), filled = fillOps.has(paint);
    if (stroked || filled) pathSegments(buf, ctm, stroked, filled, out);
  });
  return out;
}

/**
 * The area (pt²) of the page that images cover, summed: an image is painted
 * on the unit square, so its area is the transformation's determinant.
 */
export function pictureArea(fnArray: ArrayLike<number>, argsArray: ArrayLike<unknown>, ops: Ops, base: Matrix): number {
  const paints = new Set([ops.paintImageXObject, ops.paintInlineImageXObject, ops.paintImageMaskXObject]);
  let area = 0;
  eachOp(fnArray, argsArray, ops, base, (fn, _args, m) => {
    if (paints.has(fn)) area += Math.abs(m[0] * m[3] - m[1] * m[2]);
  });
  return area;
}
