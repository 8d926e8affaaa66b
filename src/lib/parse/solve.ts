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

/** Resolve cell names to row and column indexes; cells of rows not in the table are dropped, and the equation with them. */
function compile(eqs: Equation[], rows: RowChoice[]): Compiled[] {
  const rowIndex = new Map(rows.map((r, i) => [r.row, i]));
  const ref = (cell: string): [number, number] | null => {
    const k = cell.indexOf('/');
    const ri = rowIndex.get(cell.slice(0, k));
    if (ri === undefined) return null;
    const ci = rows[ri].cols.indexOf(cell.slice(k + 1));
    return ci < 0 ? null : [ri, ci];
  };
  const out: Compiled[] = [];
  for (const e of eqs) {
    const plus = e.plus.map(ref), minus = e.minus.map(ref);
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
 * Choose among the rows' candidates with `equations`. Rows with one candidate
 * are fixed; the rest are searched together (or one at a time when the search
 * would be too large).
 */
export function solve(rows: RowChoice[], equations: Equation[]): Solution {
  const pick = new Int32Array(rows.length);
  const ambIdx = rows.map((r, i) => (r.cands.length > 1 ? i : -1)).filter((i) => i >= 0);
  if (!ambIdx.length) {
    // Every row can be cut one way only: nothing to choose.
    return {
      values: new Map(rows.map((r) => [r.row, r.cands[0].slice()])),
      winners: new Map(rows.map((r) => [r.row, [0]])),
      broken: 0,
      piecewise: false,
    };
  }
  const isAmb = new Set(ambIdx);
  const relevant = compile(equations, rows).filter((e) => [...e.plus, ...e.minus].some(([r]) => isAmb.has(r)));
  const broken = (eqs: Compiled[]) => { let n = 0; for (const e of eqs) if (holds(e, rows, pick) === false) n++; return n; };
  const winners = new Map<string, number[]>(rows.map((r) => [r.row, r.cands.length === 1 ? [0] : []]));
  let best = Infinity;
  let piecewise = false;
  const combos = ambIdx.reduce((n, i) => n * rows[i].cands.length, 1);
  if (ambIdx.length && combos <= MAX_COMBOS) {
    // Branch and bound over the open rows: each equation's sum is kept as rows are picked,
    // and counted when its last open row is picked; a branch already worse than the best stops.
    const E = relevant.length;
    const order = new Map(ambIdx.map((ri, a) => [ri, a]));
    const sum = new Float64Array(E), nul = new Int32Array(E);
    const completes: number[][] = ambIdx.map(() => []);
    const contrib: { e: number; d: number; n: number }[][][] = ambIdx.map((ri) => rows[ri].cands.map(() => []));
    relevant.forEach((eq, e) => {
      let last = -1;
      const terms = [...eq.plus.map(([r, c]) => [r, c, 1] as const), ...eq.minus.map(([r, c]) => [r, c, -1] as const)];
      for (const [r, c, sign] of terms) {
        const a = order.get(r);
        if (a === undefined) { const v = rows[r].cands[0][c]; if (v === null) nul[e]++; else sum[e] += sign * v; continue; }
        last = Math.max(last, a);
        rows[r].cands.forEach((cand, k) => { const v = cand[c]; contrib[a][k].push({ e, d: v === null ? 0 : sign * v, n: v === null ? 1 : 0 }); });
      }
      if (last >= 0) completes[last].push(e);
    });
    const sets = ambIdx.map(() => new Set<number>());
    const rec = (a: number, broke: number) => {
      if (broke > best) return;
      if (a === ambIdx.length) {
        if (broke < best) { best = broke; for (const s of sets) s.clear(); }
        ambIdx.forEach((ri, i) => sets[i].add(pick[ri]));
        return;
      }
      const ri = ambIdx[a];
      for (let k = 0; k < rows[ri].cands.length; k++) {
        pick[ri] = k;
        for (const t of contrib[a][k]) { sum[t.e] += t.d; nul[t.e] += t.n; }
        let b = broke;
        for (const e of completes[a]) if (nul[e] === 0 && Math.abs(sum[e]) > 1e-6) b++;
        rec(a + 1, b);
        for (const t of contrib[a][k]) { sum[t.e] -= t.d; nul[t.e] -= t.n; }
      }
    };
    rec(0, 0);
    ambIdx.forEach((ri, k) => winners.set(rows[ri].row, [...sets[k]].sort((x, y) => x - y)));
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
    values.set(r.row, r.cols.map((_c, j) => {
      const v = r.cands[w[0]][j];
      return w.every((k) => r.cands[k][j] === v) ? v : null;
    }));
  }
  return { values, winners, broken: Number.isFinite(best) ? best : 0, piecewise };
}
