/**
 * A grid and the text items inside it → a table of cells. Each item goes to
 * the cell under its centre; a cell's items are grouped into lines and its
 * wrapped lines joined, so a label that wraps is one cell. A cell spanning
 * several grid rows belongs to the first row it spans.
 */
import { advance } from './chars.ts';
import type { Grid } from './grid.ts';
import { groupLines, joinItems, joinWrapped } from './lines.ts';
import type { Cell, Line, Table, TextItem } from './types.ts';

/** Where an item's centre lies (its glyphs sit above the baseline). */
export const centreX = (it: TextItem) => it.x + it.w / 2;
export const centreY = (it: TextItem) => it.y - 0.35 * it.size;

/** Index i with a[i] <= v < a[i + 1], clamped to the grid. */
function bandOf(a: readonly number[], v: number): number {
  let lo = 0, hi = a.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (a[mid] <= v) lo = mid; else hi = mid - 1;
  }
  return lo;
}

/** A last line ending within this many characters of the cell's right edge may go on. */
const WRAP_ROOM = 2;

/** Margin (pt) around a grid within which an item still belongs to it. */
const MARGIN = 1;

export function contains(g: Grid, it: TextItem): boolean {
  const x = centreX(it), y = centreY(it);
  return x >= g.xs[0] - MARGIN && x <= g.xs[g.xs.length - 1] + MARGIN && y >= g.ys[0] - MARGIN && y <= g.ys[g.ys.length - 1] + MARGIN;
}

/**
 * Cut a run where a vertical grid line crosses it (a PDF may draw one row's
 * cells as one run), at the character boundary nearest the line.
 */
export function splitAtLines(it: TextItem, xs: readonly number[]): TextItem[] {
  const pad = 0.2 * it.size;
  const lines = xs.filter((x) => x > it.x + pad && x < it.x + it.w - pad);
  const chars = Array.from(it.str);
  if (!lines.length || chars.length < 2) return [it];
  const adv = chars.map(advance);
  const k = it.w / adv.reduce((a, b) => a + b, 0);
  const ends: number[] = [];
  adv.reduce((x, a) => (ends.push(x + a * k), x + a * k), it.x);
  const cuts = new Set<number>();
  for (const x of lines) {
    let best = 0;
    for (let b = 1; b < chars.length; b++) if (Math.abs(ends[b - 1] - x) < Math.abs(ends[best] - x)) best = b - 1;
    cuts.add(best + 1);
  }
  const out: TextItem[] = [];
  let from = 0;
  for (const c of [...cuts].sort((a, b) => a - b).concat(chars.length)) {
    if (c <= from) continue;
    const x0 = from ? ends[from - 1] : it.x;
    const str = chars.slice(from, c).join('');
    if (str.trim()) out.push({ str: str.trim(), x: x0, y: it.y, w: ends[c - 1] - x0, size: it.size, ...(from === 0 && it.sp ? { sp: true } : {}) });
    from = c;
  }
  return out;
}

const NUMERIC = /^[\d\s.,，%+\-—–/／]*\d[\d\s.,，%+\-—–/／]*$/;

/**
 * Lines of one cell that are separate numbers, not one number wrapped: two or
 * more numeric lines, one of which (before the last) does not fill the cell
 * (a wrapped number spans most of its width and runs to its right edge). The
 * grid then lacks the rulings between its rows.
 */
function stackedNumbers(lines: Line[], left: number, right: number): boolean {
  const numeric = lines.map((l) => NUMERIC.test(joinItems(l.items)));
  if (numeric.filter(Boolean).length < 2) return false;
  const fills = (l: Line) => l.x1 - l.x0 >= 0.6 * (right - left) && l.x1 >= right - l.size;
  return lines.some((l, i) => numeric[i] && i < lines.length - 1 && !fills(l));
}

/**
 * Fill the grid's cells with the items inside it. Null when the grid cannot
 * be a table's rows: a cell holds numbers stacked on separate lines (rows
 * without rulings between them), which joined would run together.
 */
export function fillTable(g: Grid, items: readonly TextItem[]): Table | null {
  const nx = g.xs.length - 1;
  const byCell: TextItem[][] = g.cells.map(() => []);
  for (const it of items.flatMap((i) => splitAtLines(i, g.xs))) {
    const box = bandOf(g.ys, centreY(it)) * nx + bandOf(g.xs, centreX(it));
    byCell[g.boxCell[box]].push(it);
  }
  const rows: Cell[][] = Array.from({ length: g.ys.length - 1 }, () => []);
  for (const [k, c] of g.cells.entries()) {
    const lines = groupLines(byCell[k]);
    const x0 = g.xs[c.c0], x1 = g.xs[c.c1 + 1];
    if (stackedNumbers(lines, x0, x1)) return null;
    const text = joinWrapped(lines.map((l) => joinItems(l.items)));
    const last = lines[lines.length - 1];
    rows[c.r0].push({ ...c, text, x0, x1, ...(last && last.x1 >= x1 - WRAP_ROOM * last.size ? { wrapped: true } : {}) });
    // A value cell merged down over rows (a number, or nothing, not in the first column) leaves an
    // empty cell in each row below, so that their other cells keep their columns (as Word has it).
    if (c.r1 > c.r0 && c.c0 > 0 && (text === '' || NUMERIC.test(text))) {
      for (let r = c.r0 + 1; r <= c.r1; r++) rows[r].push({ ...c, r0: r, text: '', x0, x1 });
    }
  }
  for (const r of rows) r.sort((a, b) => a.c0 - b.c0);
  const ys = g.ys, xs = g.xs;
  return { x0: xs[0], x1: xs[xs.length - 1], y0: ys[0], y1: ys[ys.length - 1], xs, ys, rows };
}
