/**
 * What each table row prints, as the split rules see it (`readings.ts`), for
 * the three ways layouts print numbers:
 * - `crawl`: the row's numbers as one run of text (`Row.print`);
 * - `text`: one piece per printed cell, blank cells vanish (PDF text);
 * - `cells`: one piece per cell in its own delimited place (tables, pipes, HTML);
 *   a `run_together` row is one run of text either way.
 * Also the reading the generator meant, to check that the rules admit it.
 */
import type { Override } from '../traps.ts';
import type { TableModel } from '../tables.ts';
import { asciiDigits, PLACEHOLDERS, type CellValue } from './cells.ts';
import type { Piece, RowPrint } from './readings.ts';
import { kindOf } from './rules.ts';

export type Family = 'crawl' | 'text' | 'cells';

export interface Prints {
  rows: RowPrint[];
  /** key → the reading the generator printed. */
  meant: Map<string, CellValue>;
}

const blank = (t: string) => t.trim() === '' || t === '\u00a0';

/** The value a single printed cell shows. */
export function printedValue(t: string): CellValue {
  const s = asciiDigits(t).replace(/万元|元|个|笔/g, '').replace(/,/g, '').trim();
  if (PLACEHOLDERS.has(s)) return 'dash';
  const n = Number(s);
  if (s === '' || !Number.isFinite(n)) throw new Error(`not a printed number: ${JSON.stringify(t)}`);
  return n;
}

/** A cell's own reading: its override decides blanks (0-or-NULL, or NULL), else its text. */
function own(t: string, o: Override | undefined): CellValue {
  if (o) return o.zero_ok ? 'dash' : null;
  return printedValue(t);
}

export function rowPrints(models: TableModel[], family: Family, overrides: Map<string, Override>, value: (key: string) => number): Prints {
  const rows: RowPrint[] = [];
  const meant = new Map<string, CellValue>();
  const mean = (k: string) => {
    const o = overrides.get(k);
    return o ? (o.zero_ok ? 'dash' : null) : value(k);
  };
  for (const m of models) {
    for (const row of m.rows) {
      const nums = row.cells.filter((c) => c.kind === 'num' && c.key);
      if (row.runKeys) {
        const text = row.cells.find((c) => c.kind === 'num' && !c.key)!.t;
        rows.push({ keys: row.runKeys, kinds: row.runKeys.map(kindOf), pieces: [{ text }] });
        for (const k of row.runKeys) meant.set(k, mean(k));
        continue;
      }
      if (!nums.length) continue;
      const keys = nums.map((c) => c.key!);
      let pieces: Piece[];
      let stray: CellValue | undefined;
      if (family === 'crawl') {
        pieces = [{ text: row.print ?? '' }];
        for (const k of keys) meant.set(k, k === row.lost ? null : mean(k));
      } else if (family === 'text') {
        const shown = nums.filter((c) => !blank(c.t));
        pieces = shown.map((c) => ({ fixed: printedValue(c.t) }));
        for (const c of nums) meant.set(c.key!, blank(c.t) ? null : printedValue(c.t));
      } else {
        const vals = nums.map((c) => own(c.t, overrides.get(c.key!)));
        pieces = vals.map((v) => ({ fixed: v }));
        if (row.stray !== undefined) {
          stray = vals[row.stray];
          pieces.splice(row.stray, 1);
        }
        keys.forEach((k, i) => meant.set(k, vals[i]));
      }
      rows.push({ keys, kinds: keys.map(kindOf), pieces, ...(stray === undefined ? {} : { stray }) });
    }
  }
  return { rows, meant };
}
