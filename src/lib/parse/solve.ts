import { mapArray } from './map-array.ts';
/**
 * Numbers assigned to cells by solving a whole table at once. Each row has one
 * or more candidate splits (zone.ts); the table's equations (row totals, the
 * balance in every column, the 总计 row against the handled rows, review group
 * totals) are checked on every combination of candidates. The combinations
 * that break the fewest equations win; a cell takes a value only when every
 * winning combination agrees on it, else it is NULL. A table whose digits can
 * be cut only one way is thereby read as printed, equations or not.
 */

/** Σ plus − Σ minus = 0 over cells `row/col`. */
export interface Equation { plus: string[]; minus: string[] }

export interface RowChoice {
  row: string;
  /** Candidate value vectors, one value per column. */
  cands: (number | null)[][];
  /** Column codes, in order. */
  cols: string[];
}

export interface Solution {
  /** Chosen values per row (NULL where the winners disagree). */
  values: Map<string, (number | null)[]>;
  /** The winning candidate indexes per row (all winners). */
  winners: Map<string, number[]>;
  /** Equations broken by the winners (the smallest number). */
  broken: number;
  /** The search was too large and rows were solved one at a time. */
  piecewise: boolean;
}

const MAX_COMBOS = 200_000;

/** An equation over the rows' columns: [row index, column index] pairs. */
interface Compiled { plus: [number, number][]; minus: [number, number][] }

/** An equation's cells as [row, column] names. */
interface Named { plus: [string, string][]; minus: [string, string][] }

const named = new WeakMap<Equation, Named>();

/** The cell names of an equation, split at their `/` once. */
function namesOf(e: Equation): Named {
  let n = named.get(e);
  if (!n) {
    const split = (cell: string): [string, string] => { const k = cell.indexOf('/'); return [cell.slice(0, k), cell.slice(k + 1)]; };
    named.set(e, (n = { plus: mapArray(e.plus, split), minus: mapArray(e.minus, split) }));
  }
  return n;
}

/** Resolve cell names to row and column indexes; cells of rows not in the table are dropped, and the equation with them. */
function compile(eqs: Equation[], rows: RowChoice[]): Compiled[] {
  const rowIndex = new Map(mapArray(rows, (r, i) => [r.row, i]));
  const ref = ([row, col]: [string, string]): [number, number] | null => {
    const ri = rowIndex.get(row);
    if (ri === undefined) return null;
    const ci = rows[ri].cols.indexOf(col);
    return ci < 0 ? null : [ri, ci];
  };
  const out: Compiled[] = [];
  for (const e of eqs) {
    const n = namesOf(e);
    const plus = mapArray(n.plus, ref), minus = mapArray(n.minus, ref);
    if (plus.some((x) => !x) || minus.some((x) => !x)) continue; // a cell not in the table: never evaluable
    out.push({ plus: plus as [number, number][], minus: minus as [number, number][] });
  }
  return out;
}

/** Does a compiled equation hold for the picked candidates? null when a cell is NULL. */
function holds(eq: Compiled, rows: RowChoice[], pick: Int32Array): boolean | null {
  let s = 0;
  for (const [r, c] of eq.plus) { const v = rows[r].cands[pick[r]][c]; if (v === null) return null; s += v; }
  for (const [r, c] of eq.minus) { const v = rows[r].cands[pick[r]][c]; if (v === null) return null; s -= v; }
  return Math.abs(s) < 1e-6;
}

/**
 * A test for one row's candidate vectors: do the equations that involve only
 * this row (e.g. its total) hold? Compiled once per row.
 */
export function rowTest(eqs: Equation[], row: string, cols: string[]): (vals: (number | null)[]) => boolean {
  const own = eqs.filter((e) => [...e.plus, ...e.minus].every((c) => c.startsWith(row + '/')));
  const slot: RowChoice[] = [{ row, cols, cands: [[]] }];
  const compiled = compile(own, slot);
  const pick = new Int32Array(1);
  return (vals) => {
    slot[0].cands[0] = vals;
    return compiled.every((e) => holds(e, slot, pick) !== false);
  };
}

/**
 * The equations that some choice of candidates can break: none of their
 * cells is NULL in a fixed row, or in every candidate of an open row.
 */
function breakable(eqs: Compiled[], rows: RowChoice[], isAmb: Set<number>): Compiled[] {
  const known = ([r, c]: [number, number]) => (isAmb.has(r) ? rows[r].cands.some((v) => v[c] !== null) : rows[r].cands[0][c] !== null);
  return eqs.filter((e) => e.plus.every(known) && e.minus.every(known));
}

/**
 * The open rows (`amb`, ascending) in parts that no equation joins, each with
 * its equations (in their order); parts in order of their first row.
 */
function parts(amb: number[], eqs: Compiled[]): { rows: number[]; eqs: Compiled[] }[] {
  const root = new Map(mapArray(amb, (r) => [r, r]));
  const find = (r: number): number => { while (root.get(r)! !== r) r = root.get(r)!; return r; };
  const join = (x: number, y: number) => { const a = find(x), b = find(y); if (a !== b) root.set(Math.max(a, b), Math.min(a, b)); };
  const open = (e: Compiled) => mapArray([...e.plus, ...e.minus], ([r]) => r).filter((r) => root.has(r));
  for (const e of eqs) { const rs = open(e); for (const r of rs) join(rs[0], r); }
  const byRoot = new Map<number, { rows: number[]; eqs: Compiled[] }>();
  for (const r of amb) {
    const k = find(r);
    if (!byRoot.has(k)) byRoot.set(k, { rows: [], eqs: [] });
    byRoot.get(k)!.rows.push(r);
  }
  for (const e of eqs) byRoot.get(find(open(e)[0]))!.eqs.push(e);
  return [...byRoot.values()];
}

/**
 * Branch and bound over the open rows `amb` (ascending) with `eqs`, the
 * equations among them and fixed rows: each equation's sum is kept as rows
 * are picked, and counted when its last open row is picked; a branch already
 * worse than the best stops. Sets the rows' winners (ascending); returns the fewest broken.
 */
function search(rows: RowChoice[], amb: number[], eqs: Compiled[], winners: Map<string, number[]>): number {
  const n = amb.length;
  const order = new Map(mapArray(amb, (ri, a) => [ri, a]));
  const sum = new Float64Array(eqs.length), nul = new Int32Array(eqs.length);
  // What picking candidate k of open row a adds to each equation (flat: terms[a][k] are
  // at offsets from[a][k] .. from[a][k + 1]), and the equations complete once a is picked.
  const terms: { e: number; d: number; n: number }[][][] = mapArray(amb, (ri) => mapArray(rows[ri].cands, () => []));
  const completes: number[][] = mapArray(amb, () => []);
  eqs.forEach((eq, e) => {
    let last = -1;
    const cells = [...mapArray(eq.plus, ([r, c]) => [r, c, 1] as const), ...mapArray(eq.minus, ([r, c]) => [r, c, -1] as const)];
    for (const [r, c, sign] of cells) {
      const a = order.get(r);
      if (a === undefined) { const v = rows[r].cands[0][c]; if (v === null) nul[e]++; else sum[e] += sign * v; continue; }
      last = Math.max(last, a);
      rows[r].cands.forEach((cand, k) => { const v = cand[c]; terms[a][k].push({ e, d: v === null ? 0 : sign * v, n: v === null ? 1 : 0 }); });
    }
    if (last >= 0) completes[last].push(e);
  });
  const from = mapArray(terms, (ks) => {
    const f = new Int32Array(ks.length + 1);
    ks.forEach((t, k) => { f[k + 1] = f[k] + t.length; });
    return f;
  });
  const flat = terms.flatMap((ks) => ks.flat());
  const te = Int32Array.from(flat, (t) => t.e), td = Float64Array.from(flat, (t) => t.d), tn = Int32Array.from(flat, (t) => t.n);
  const base = new Int32Array(n + 1);
  for (let a = 0; a < n; a++) base[a + 1] = base[a] + from[a][from[a].length - 1];
  const done = mapArray(completes, (es) => Int32Array.from(es));
  const size = mapArray(amb, (ri) => rows[ri].cands.length);
  // The candidates of each row in some best combination so far.
  const won = mapArray(size, (k) => new Uint8Array(k));
  const picked = new Int32Array(n);
  let best = Infinity;
  const rec = (a: number, broke: number) => {
    if (broke > best) return;
    if (a === n) {
      if (broke < best) { best = broke; for (const w of won) w.fill(0); }
      for (let i = 0; i < n; i++) won[i][picked[i]] = 1;
      return;
    }
    const f = from[a], at = base[a], es = done[a];
    for (let k = 0; k < size[a]; k++) {
      picked[a] = k;
      const lo = at + f[k], hi = at + f[k + 1];
      for (let t = lo; t < hi; t++) { sum[te[t]] += td[t]; nul[te[t]] += tn[t]; }
      let b = broke;
      for (let i = 0; i < es.length; i++) { const e = es[i]; if (nul[e] === 0 && Math.abs(sum[e]) > 1e-6) b++; }
      rec(a + 1, b);
      for (let t = lo; t < hi; t++) { sum[te[t]] -= td[t]; nul[te[t]] -= tn[t]; }
    }
  };
  rec(0, 0);
  amb.forEach((ri, a) => winners.set(rows[ri].row, [...won[a].keys()].filter((k) => won[a][k])));
  return best;
}

/**
 * Choose among the rows' candidates with `equations`. Rows with one candidate
 * are fixed; the rest are searched together (or one at a time when the search
 * would be too large).
 */
export function solve(rows: RowChoice[], equations: Equation[]): Solution {
  const pick = new Int32Array(rows.length);
  const ambIdx = mapArray(rows, (r, i) => (r.cands.length > 1 ? i : -1)).filter((i) => i >= 0);
  if (!ambIdx.length) {
    // Every row can be cut one way only: nothing to choose.
    return {
      values: new Map(mapArray(rows, (r) => [r.row, r.cands[0].slice()])),
      winners: new Map(mapArray(rows, (r) => [r.row, [0]])),
      broken: 0,
      piecewise: false,
    };
  }
  const isAmb = new Set(ambIdx);
  const relevant = compile(equations, rows).filter((e) => [...e.plus, ...e.minus].some(([r]) => isAmb.has(r)));
  const broken = (eqs: Compiled[]) => { let n = 0; for (const e of eqs) if (holds(e, rows, pick) === false) n++; return n; };
  const winners = new Map<string, number[]>(mapArray(rows, (r) => [r.row, r.cands.length === 1 ? [0] : []]));
  let best = Infinity;
  let piecewise = false;
  const combos = ambIdx.reduce((n, i) => n * rows[i].cands.length, 1);
  if (ambIdx.length && combos <= MAX_COMBOS) {
    // Rows that share no equation that can break are chosen apart: the fewest broken in all is
    // the fewest in each part, and a row's winners are those of its part.
    best = 0;
    for (const part of parts(ambIdx, breakable(relevant, rows, isAmb))) best += search(rows, part.rows, part.eqs, winners);
  } else if (ambIdx.length) {
    // Too many combinations: each ambiguous row alone, the others' cells unknown.
    piecewise = true;
    best = 0;
    for (const ri of ambIdx) {
      const own = relevant.filter((e) => [...e.plus, ...e.minus].every(([r]) => r === ri || !isAmb.has(r)));
      let low = Infinity;
      let win: number[] = [];
      for (let k = 0; k < rows[ri].cands.length; k++) {
        pick[ri] = k;
        const b = broken(own);
        if (b < low) { low = b; win = []; }
        if (b === low) win.push(k);
      }
      pick[ri] = 0;
      winners.set(rows[ri].row, win);
    }
  }
  const values = new Map<string, (number | null)[]>();
  for (const r of rows) {
    const w = winners.get(r.row)!;
    values.set(r.row, mapArray(r.cols, (_c, j) => {
      const v = r.cands[w[0]][j];
      return w.every((k) => r.cands[k][j] === v) ? v : null;
    }));
  }
  return { values, winners, broken: Number.isFinite(best) ? best : 0, piecewise };
}
