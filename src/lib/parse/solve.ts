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

/** Evaluate an equation; null when a cell is NULL or not in the table. */
function holds(eq: Equation, get: (cell: string) => number | null | undefined): boolean | null {
  let s = 0;
  for (const c of eq.plus) { const v = get(c); if (v === null || v === undefined) return null; s += v; }
  for (const c of eq.minus) { const v = get(c); if (v === null || v === undefined) return null; s -= v; }
  return Math.abs(s) < 1e-6;
}

/** Equations that hold within one candidate vector (e.g. its row total), as a filter. */
export function satisfies(eqs: Equation[], row: string, cols: string[], vals: (number | null)[]): boolean {
  const get = (cell: string) => {
    const [r, c] = cell.split('/');
    return r === row ? vals[cols.indexOf(c)] : undefined;
  };
  return eqs.every((e) => holds(e, get) !== false);
}

/**
 * Choose among the rows' candidates with `equations`. Rows with one candidate
 * are fixed; the rest are searched together (or one at a time when the search
 * would be too large).
 */
export function solve(rows: RowChoice[], equations: Equation[]): Solution {
  const byRow = new Map(rows.map((r) => [r.row, r]));
  const pick = new Map<string, number>(rows.map((r) => [r.row, 0]));
  const get = (cell: string) => {
    const k = cell.indexOf('/');
    const r = byRow.get(cell.slice(0, k));
    if (!r) return undefined;
    return r.cands[pick.get(r.row)!][r.cols.indexOf(cell.slice(k + 1))];
  };
  const amb = rows.filter((r) => r.cands.length > 1);
  const relevant = equations.filter((e) => [...e.plus, ...e.minus].some((c) => amb.some((r) => c.startsWith(r.row + '/'))));
  const broken = () => relevant.reduce((n, e) => n + (holds(e, get) === false ? 1 : 0), 0);
  const winners = new Map<string, number[]>(rows.map((r) => [r.row, r.cands.length === 1 ? [0] : []]));
  let best = Infinity;
  let piecewise = false;
  const combos = amb.reduce((n, r) => n * r.cands.length, 1);
  if (amb.length && combos <= MAX_COMBOS) {
    const sets = new Map<string, Set<number>>(amb.map((r) => [r.row, new Set()]));
    const rec = (i: number) => {
      if (i === amb.length) {
        const b = broken();
        if (b < best) { best = b; for (const s of sets.values()) s.clear(); }
        if (b === best) for (const r of amb) sets.get(r.row)!.add(pick.get(r.row)!);
        return;
      }
      for (let k = 0; k < amb[i].cands.length; k++) { pick.set(amb[i].row, k); rec(i + 1); }
    };
    rec(0);
    for (const r of amb) winners.set(r.row, [...sets.get(r.row)!].sort((a, b) => a - b));
  } else if (amb.length) {
    // Too many combinations: each ambiguous row alone, the others' cells unknown.
    piecewise = true;
    best = 0;
    const unknown = new Set(amb.map((r) => r.row));
    for (const r of amb) {
      const own = relevant.filter((e) => [...e.plus, ...e.minus].every((c) => {
        const row = c.slice(0, c.indexOf('/'));
        return row === r.row || !unknown.has(row);
      }));
      let low = Infinity;
      let win: number[] = [];
      for (let k = 0; k < r.cands.length; k++) {
        pick.set(r.row, k);
        const b = own.reduce((n, e) => n + (holds(e, get) === false ? 1 : 0), 0);
        if (b < low) { low = b; win = []; }
        if (b === low) win.push(k);
      }
      winners.set(r.row, win);
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
