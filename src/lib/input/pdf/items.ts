/**
 * pdf.js text content items → layout text items in page coordinates.
 *
 * - The item's matrix is taken through the viewport transform (page rotation,
 *   y flipped). Upright text is kept as is; text turned by 90° (a vertical
 *   header in a narrow cell) becomes an item at its centre; text at any other
 *   angle (a diagonal watermark) is dropped.
 * - A run holding wide blanks (pdf.js puts one space where a TJ array moves
 *   far) is split there, each part placed by estimated character widths.
 * - CJK radicals that stand for ideographs are unified (`⾏` → `行`).
 * - Text drawn twice at almost the same place (simulated bold) is kept once.
 */
import { advance } from './layout/chars.ts';
import type { TextItem } from './layout/types.ts';
import { unifyRadicals } from '../../parse/radicals.ts';
import { mul, type Matrix } from './rulings.ts';

/** The fields of a pdf.js `TextItem` used here. */
export interface RawItem { str: string; transform: number[]; width: number }

/** Angle tolerance (as sin) for upright or quarter-turned text. */
const AXIS = 0.05;

/**
 * Split `str` at blanks into parts placed along [x, x + w] by estimated
 * character widths; a part after a blank is marked `sp`. pdf.js joins text on
 * one baseline across table cells with a blank, so every blank may be a cell
 * boundary: the layout decides.
 */
function splitRun(str: string, x: number, y: number, w: number, size: number, out: TextItem[]) {
  const parts = str.match(/\S+|\s+/g) ?? [];
  const isText = (p: string) => /\S/.test(p);
  if (parts.length === 1) {
    if (isText(str)) out.push({ str, x, y, w, size });
    return;
  }
  const ems = (s: string) => Array.from(s).reduce((n, c) => n + advance(c), 0);
  const natural = parts.reduce((n, p) => n + (isText(p) ? ems(p) * size : 0), 0);
  const blanks = parts.reduce((n, p) => n + (isText(p) ? 0 : Array.from(p).length), 0);
  // blanks take the width the text does not; if the estimate overshoots, shrink the text
  const blank = Math.max(0, (w - natural) / blanks);
  const scale = natural > w && natural > 0 ? w / natural : 1;
  let at = x, sp = false;
  for (const p of parts) {
    if (isText(p)) {
      const pw = ems(p) * size * scale;
      out.push(sp ? { str: p, x: at, y, w: pw, size, sp } : { str: p, x: at, y, w: pw, size });
      at += pw;
    } else {
      at += Array.from(p).length * blank;
    }
    sp = !isText(p);
  }
}

/** Layout items of one page; `vt` is the viewport transform, `width`/`height` the page size. */
export function toItems(raw: readonly RawItem[], vt: Matrix, width: number, height: number): TextItem[] {
  const out: TextItem[] = [];
  for (const r of raw) {
    if (!r.str || !/\S/.test(r.str)) continue;
    const m = mul(vt, r.transform as Matrix);
    const size = Math.hypot(m[2], m[3]);
    const scaleX = Math.hypot(m[0], m[1]);
    if (!(size > 0) || !(scaleX > 0)) continue;
    const dx = m[0] / scaleX, dy = m[1] / scaleX;
    const str = unifyRadicals(r.str);
    const w = Math.abs(r.width) * Math.hypot(vt[0], vt[1]);
    if (Math.abs(dy) <= AXIS && dx > 0) {
      splitRun(str, m[4], m[5], w, size, out);
    } else if (Math.abs(dx) <= AXIS) {
      // a quarter turn: the glyphs' up vector is (m[2], m[3]) / size
      const cx = m[4] + (dx * w) / 2 + 0.35 * m[2];
      const cy = m[5] + (dy * w) / 2 + 0.35 * m[3];
      out.push({ str: str.trim(), x: cx - size / 2, y: cy + 0.35 * size, w: size, size });
    }
  }
  return dedupe(out.filter((it) => it.x + it.w > -2 && it.x < width + 2 && it.y > -2 && it.y - it.size < height + 2));
}

/** Drop a run drawn again within a fifth of its size of an earlier, identical run. */
function dedupe(items: TextItem[]): TextItem[] {
  const byStr = new Map<string, TextItem[]>();
  const out: TextItem[] = [];
  for (const it of items) {
    const same = byStr.get(it.str);
    const tol = 0.2 * it.size;
    if (same?.some((o) => Math.abs(o.x - it.x) <= tol && Math.abs(o.y - it.y) <= tol)) continue;
    if (same) same.push(it); else byStr.set(it.str, [it]);
    out.push(it);
  }
  return out;
}

/**
 * The turn (0, 90, 180 or 270 degrees clockwise) that makes most of the
 * page's text upright under viewport transform `vt`: a page whose /Rotate
 * turns its text sideways is read as its text runs.
 */
export function uprightTurn(raw: readonly RawItem[], vt: Matrix): number {
  const votes = [0, 0, 0, 0];
  for (const r of raw) {
    if (!r.str || !/\S/.test(r.str)) continue;
    const m = mul(vt, r.transform as Matrix);
    const n = r.str.length;
    if (Math.abs(m[1]) <= AXIS * Math.abs(m[0])) votes[m[0] > 0 ? 0 : 2] += n;
    else if (Math.abs(m[0]) <= AXIS * Math.abs(m[1])) votes[m[1] > 0 ? 1 : 3] += n;
  }
  // text running down (votes[1]) needs the view turned back a quarter: 270
  const best = votes.indexOf(Math.max(...votes));
  return [0, 270, 180, 90][best];
}
