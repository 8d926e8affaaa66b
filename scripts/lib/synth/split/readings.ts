/**
 * Every way one printed table row can be read as its cells.
 *
 * A row prints pieces: a `fixed` piece is one cell whose reading is known (a
 * delimited cell); a `text` piece is digits that may hold several cells (cells
 * run together, spaces between some of them). Whitespace, a unit (`元`, `个`)
 * and a placeholder (`—`) end a cell; inside a run any split is tried and each
 * cell must have the shape its column allows (`cells.ts`).
 *
 * A row that cannot be read with all its cells lost some: then the readings
 * are those with as many cells as the print allows, the lost cells (NULL) in
 * every possible place. A `stray` cell printed away from its row may belong in
 * any place.
 */
import { asciiDigits, cellValue, fits, type CellValue, type Kind } from './cells.ts';

export type Piece = { fixed: CellValue } | { text: string };

export interface RowPrint {
  /** The row's cells (truth keys), in print order. */
  keys: string[];
  kinds: Kind[];
  pieces: Piece[];
  /** One cell printed on a line of its own, its place in the row unknown. */
  stray?: CellValue;
}

type Seg = { t: 'fixed'; v: CellValue } | { t: 'num'; s: string; unit?: string };

const TOKEN = /(万元|元|笔|个|件|项)|([—/／无])|([0-9.,+-]+)|(\S)/g;

function segments(pieces: Piece[]): Seg[] {
  const out: Seg[] = [];
  for (const p of pieces) {
    if ('fixed' in p) { out.push({ t: 'fixed', v: p.fixed }); continue; }
    for (const chunk of asciiDigits(p.text).split(/[\s\u3000\u00a0]+/).filter(Boolean)) {
      for (const m of chunk.matchAll(TOKEN)) {
        const last = out[out.length - 1];
        if (m[1] && last?.t === 'num' && !last.unit) last.unit = m[1];
        else if (m[2]) out.push({ t: 'fixed', v: 'dash' });
        else if (m[3]) out.push({ t: 'num', s: m[3] });
        else throw new Error(`not a number cell: ${JSON.stringify(p.text)}`);
      }
    }
  }
  return out;
}

export class TooMany extends Error {}

/** Readings of `segs` as exactly `kinds.length` cells. */
function readAs(segs: Seg[], kinds: Kind[], cap: number, out: CellValue[][]): void {
  const acc: CellValue[] = [];
  const go = (si: number, pos: number, cell: number) => {
    if (si === segs.length) {
      if (cell === kinds.length) {
        out.push([...acc]);
        if (out.length > cap) throw new TooMany();
      }
      return;
    }
    if (kinds.length - cell < segs.length - si) return;
    const seg = segs[si];
    if (seg.t === 'fixed') {
      if (!fits(seg.v, kinds[cell])) return;
      acc.push(seg.v);
      go(si + 1, 0, cell + 1);
      acc.pop();
      return;
    }
    for (let end = pos + 1; end <= seg.s.length; end++) {
      const last = end === seg.s.length;
      const v = cellValue(seg.s.slice(pos, end), kinds[cell], last ? seg.unit : undefined);
      if (v === undefined) continue;
      acc.push(v);
      go(last ? si + 1 : si, last ? 0 : end, cell + 1);
      acc.pop();
    }
  };
  go(0, 0, 0);
}

/** All ways to choose `k` of `n` places, in order. */
function choose(n: number, k: number): number[][] {
  const out: number[][] = [];
  const acc: number[] = [];
  const go = (from: number) => {
    if (acc.length === k) { out.push([...acc]); return; }
    for (let i = from; i <= n - (k - acc.length); i++) { acc.push(i); go(i + 1); acc.pop(); }
  };
  go(0);
  return out;
}

/** Readings with the cells at `gaps` lost (NULL) and, if given, the stray cell at `at`. */
function readWith(segs: Seg[], kinds: Kind[], gaps: number[], stray: CellValue | undefined, cap: number, out: CellValue[][]) {
  const places = kinds.map((_, i) => i).filter((i) => !gaps.includes(i));
  const strayAt = stray === undefined ? [-1] : places;
  for (const at of strayAt) {
    if (at >= 0 && !fits(stray!, kinds[at])) continue;
    const read = places.filter((i) => i !== at);
    const part: CellValue[][] = [];
    readAs(segs, read.map((i) => kinds[i]), cap, part);
    for (const r of part) {
      const row: CellValue[] = kinds.map(() => null);
      read.forEach((i, j) => { row[i] = r[j]; });
      if (at >= 0) row[at] = stray!;
      out.push(row);
      if (out.length > cap) throw new TooMany();
    }
  }
}

/** Every reading of the row (each a value per key), full rows first; throws TooMany past `cap`. */
export function readings(row: RowPrint, cap = 50000): CellValue[][] {
  const segs = segments(row.pieces);
  const n = row.keys.length;
  const out: CellValue[][] = [];
  const extra = row.stray === undefined ? 0 : 1;
  for (let lost = 0; lost <= n - extra; lost++) {
    for (const gaps of choose(n, lost)) readWith(segs, row.kinds, gaps, row.stray, cap, out);
    if (out.length) return out;
  }
  return out;
}

