/**
 * Text items → lines: items whose baselines lie within a fraction of the font
 * size are one line, ordered left to right; a line's items are joined into
 * text, and split into cells where the gap between two items is wider than
 * about one character.
 */
import { isDigit, isLetter, isWide } from './chars.ts';
import type { Line, TextItem } from './types.ts';

/** Baselines closer than this (× the smaller font size) are the same line. */
const BASELINE_TOL = 0.3;
/** A gap wider than this (× font size) separates two cells of an unruled table. */
export const CELL_GAP = 1.0;

/** Group items into lines, top to bottom, each left to right. */
export function groupLines(items: readonly TextItem[]): Line[] {
  const sorted = [...items].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: Line[] = [];
  let cur: TextItem[] = [];
  let y = 0, size = 0;
  for (const it of sorted) {
    if (cur.length && Math.abs(it.y - y) <= BASELINE_TOL * Math.min(it.size, size)) {
      cur.push(it);
      continue;
    }
    if (cur.length) lines.push(makeLine(cur));
    cur = [it];
    y = it.y;
    size = it.size;
  }
  if (cur.length) lines.push(makeLine(cur));
  return lines;
}

function makeLine(items: TextItem[]): Line {
  items.sort((a, b) => a.x - b.x);
  let top = Infinity, bottom = -Infinity, x1 = -Infinity, size = 0;
  for (const it of items) {
    top = Math.min(top, it.y - 0.85 * it.size);
    bottom = Math.max(bottom, it.y + 0.15 * it.size);
    x1 = Math.max(x1, it.x + it.w);
    size = Math.max(size, it.size);
  }
  return { items, y: items[0].y, top, bottom, x0: items[0].x, x1, size };
}

/**
 * What goes between two neighbouring items: a space where the PDF had one,
 * nothing when they touch (or are CJK text set a little apart), a space for a
 * word gap, and always one between two digits that do not touch, so numbers
 * never run together.
 */
function separator(a: TextItem, b: TextItem): string {
  if (b.sp) return ' ';
  const gap = b.x - (a.x + a.w);
  const size = Math.min(a.size, b.size);
  const l = a.str[a.str.length - 1], r = b.str[0];
  if (isDigit(l) && isDigit(r)) return gap > 0.1 * size ? ' ' : '';
  if (isWide(l) || isWide(r)) return gap > 0.5 * size ? ' ' : '';
  if ((isLetter(l) || isDigit(l)) && (isLetter(r) || isDigit(r))) return gap > 0.15 * size ? ' ' : '';
  return gap > 0.3 * size ? ' ' : '';
}

/** Join items (left to right) into one string. */
export function joinItems(items: readonly TextItem[]): string {
  let s = '';
  for (let i = 0; i < items.length; i++) {
    if (i > 0) s += separator(items[i - 1], items[i]);
    s += items[i].str;
  }
  return s.replace(/\s+/g, ' ').trim();
}

/** Split a line into cells at gaps wider than `CELL_GAP` characters. */
export function cellsByGaps(line: Line): string[] {
  const cells: string[] = [];
  let run: TextItem[] = [];
  for (const it of line.items) {
    const prev = run[run.length - 1];
    if (prev && it.x - (prev.x + prev.w) > CELL_GAP * Math.min(prev.size, it.size)) {
      cells.push(joinItems(run));
      run = [];
    }
    run.push(it);
  }
  if (run.length) cells.push(joinItems(run));
  return cells;
}

/**
 * Lines of one cell → its text: wrapped lines are joined without a space
 * (Chinese), with one between two Latin letters (a wrapped word gap).
 */
export function joinWrapped(lines: readonly string[]): string {
  let s = '';
  for (const t of lines) {
    if (!t) continue;
    if (s && isLetter(s[s.length - 1]) && isLetter(t[0])) s += ' ';
    s += t;
  }
  return s;
}
