/**
 * Merged cells repeated by a markdown converter. A pipe table has no merged
 * cells, so converters such as docling write a merged cell's text into every
 * column it covers: the 2021 form's `本年处理决定数量`, one cell over three
 * columns, comes out as
 *
 *   | 信息内容 | 本年处理决定数量 | 本年处理决定数量 | 本年处理决定数量 |
 *   | 行政许可 | 315 | 315 | 315 |
 *
 * Read as printed, that row holds three numbers for one cell. A run of equal
 * header cells marks the span; under it, a value row whose cells are all the
 * same number (or placeholder) printed that number once. The copies are
 * blanked with spaces, so offsets stay valid and the row reads `315` then
 * empty cells, as a converter that leaves covered cells empty writes it.
 * Values that differ under a repeated header are left alone: they are not a
 * copy, and the checks judge them.
 */
import { classify } from './cells.ts';

interface Cell { text: string; start: number; end: number }

/** The cells of a pipe row (`| a | b |`), with their offsets in `text`; null if the line is not one. */
function pipeCells(text: string, from: number, to: number): Cell[] | null {
  let a = from, b = to;
  while (a < b && text.charCodeAt(a) === 32) a++;
  while (b > a && text.charCodeAt(b - 1) === 32) b--;
  if (text.charCodeAt(a) !== 124) return null;
  const cells: Cell[] = [];
  let start = a + 1;
  for (let i = a + 1; i <= b; i++) {
    if (i < b && text.charCodeAt(i) !== 124) continue;
    if (i === b && i === start) break; // the closing `|`
    cells.push({ text: text.slice(start, i).trim(), start, end: i });
    start = i + 1;
  }
  return cells;
}

/** A cell that holds a value: a number or a placeholder (`—`, `/`, `无`). */
const isValue = (s: string) => { const k = classify(s, 0, true).kind; return k === 'num' || k === 'placeholder'; };

const RULE = /^:?-{3,}:?$/;

/** A row of values, a header (words, no value), or neither (a `|---|` rule, empty cells). */
function kindOf(cells: Cell[]): 'header' | 'values' | 'other' {
  if (cells.every((c) => c.text === '' || RULE.test(c.text))) return 'other';
  if (cells.some((c) => isValue(c.text))) return 'values';
  return 'header';
}

/** Two neighbouring cells print the same text. */
function repeats(cells: Cell[]): boolean {
  for (let j = 1; j < cells.length; j++) if (cells[j].text !== '' && cells[j].text === cells[j - 1].text) return true;
  return false;
}

/** `text` with the repeated copies of merged value cells blanked (same length). */
export function blankSpanRepeats(text: string): string {
  if (!text.includes('|')) return text;
  let out: string[] | null = null;
  // Header rows of the current pipe table, by cell count.
  let headers = new Map<number, Cell[]>();
  for (let from = 0; from <= text.length;) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    const cells = pipeCells(text, from, to);
    if (!cells) { if (headers.size) headers = new Map(); }
    // Only a row with equal neighbours can mark a span or be a copy; another row matters only
    // as a header that ends the spans of one before it.
    else if (repeats(cells) || headers.has(cells.length)) {
      const kind = kindOf(cells);
      if (kind === 'header') {
        if (repeats(cells)) headers.set(cells.length, cells);
        else headers.delete(cells.length);
      } else if (kind === 'values') {
        const head = headers.get(cells.length);
        if (head) {
          for (let j = 0; j < cells.length;) {
            let k = j + 1;
            while (k < cells.length && head[k].text !== '' && head[k].text === head[j].text) k++;
            const run = cells.slice(j, k);
            if (k - j > 1 && isValue(run[0].text) && run.every((c) => c.text === run[0].text)) {
              out ??= text.split('');
              for (const c of run.slice(1)) for (let i = c.start; i < c.end; i++) out[i] = ' ';
            }
            j = k;
          }
        }
      }
    }
    from = to + 1;
  }
  return out ? out.join('') : text;
}
