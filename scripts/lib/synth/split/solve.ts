/**
 * Which cells a printed table singles out. Each row has its readings
 * (`readings.ts`); the table's rules are linear equations over cells (row
 * total, column balance, 总计 row, review totals, and numbers the report's
 * own text states). A rule that involves a NULL cell is not evaluated, the
 * way a reader cannot evaluate it; a placeholder counts as 0.
 *
 * Every combination of row readings that keeps every rule is a solution; a
 * cell is settled when it reads the same in all of them, otherwise open.
 * `cap` bounds the partial states kept (null past it).
 */
import type { CellValue } from './cells.ts';
import { readings, TooMany, type RowPrint } from './readings.ts';

/** Σ coef·cell = value. */
export interface Rule { terms: [key: string, coef: number][]; value: number }

export type Verdict =
  | { kind: 'value'; value: number }
  | { kind: 'zero_ok' }
  | { kind: 'null' }
  | { kind: 'open'; values: CellValue[] };

const num = (v: CellValue) => (v === 'dash' ? 0 : v);

/** `rows` with their readings; `known` holds cells outside any row (not printed: NULL). */
export function solve(rows: RowPrint[], rules: Rule[], known: Map<string, CellValue>, cap = 200000): Map<string, Verdict> | null {
  let cand: CellValue[][][];
  try {
    cand = rows.map((r) => readings(r));
  } catch (e) {
    if (e instanceof TooMany) return null;
    throw e;
  }
  const rowOf = new Map<string, [number, number]>();
  rows.forEach((r, i) => r.keys.forEach((k, j) => rowOf.set(k, [i, j])));
  // rules that can be evaluated: every cell printed in some row or known non-NULL
  const live = rules.filter((r) => r.terms.every(([k]) => rowOf.has(k) || (known.get(k) ?? null) !== null));
  const holds = (rule: Rule, pick: (i: number) => CellValue[]) => {
    let s = 0;
    for (const [k, c] of rule.terms) {
      const at = rowOf.get(k);
      const v = at ? pick(at[0])[at[1]] : known.get(k)!;
      if (v === null) return true;
      s += c * num(v)!;
    }
    return Math.abs(s - rule.value) < 1e-6;
  };
  // rules within one row filter that row's readings first
  const rowsOf = (rule: Rule) => [...new Set(rule.terms.flatMap(([k]) => (rowOf.has(k) ? [rowOf.get(k)![0]] : [])))];
  const cross: Rule[] = [];
  for (const rule of live) {
    const rs = rowsOf(rule);
    if (rs.length === 1) cand[rs[0]] = cand[rs[0]].filter((c) => holds(rule, () => c));
    else cross.push(rule);
  }
  const part = participating(rows, cand, cross, rowOf, known, cap);
  if (!part) return null;
  const out = new Map<string, Verdict>();
  rows.forEach((r, i) => r.keys.forEach((k, j) => {
    const vs = new Map(part[i].map((c) => [String(c[j]), c[j]] as const));
    out.set(k, verdict([...vs.values()]));
  }));
  return out;
}

const WILD = NaN;

/**
 * The readings of each row that take part in at least one solution. Rows are
 * taken in order; what the rows so far leave for the rest is the partial sum
 * of each rule not yet complete (NaN once a NULL cell took part), so readings
 * that leave the same sums merge: forward, the states reachable; backward,
 * the states from which the remaining rows can keep every rule.
 */
function participating(
  rows: RowPrint[], cand: CellValue[][][], cross: Rule[], rowOf: Map<string, [number, number]>,
  known: Map<string, CellValue>, cap: number,
): CellValue[][][] | null {
  const last = cross.map((rule) => Math.max(...rule.terms.flatMap(([k]) => (rowOf.has(k) ? [rowOf.get(k)![0]] : []))));
  const start = cross.map((rule) => rule.terms.reduce((s, [k, c]) => (rowOf.has(k) ? s : s + c * num(known.get(k)!)!), 0));
  // per row: which rule each of its cells adds to, and which rules it completes
  const adds: [rule: number, cell: number, coef: number][][] = rows.map(() => []);
  cross.forEach((rule, q) => {
    for (const [k, coef] of rule.terms) {
      const at = rowOf.get(k);
      if (at) adds[at[0]].push([q, at[1], coef]);
    }
  });
  const due: number[][] = rows.map((_, r) => cross.map((_, q) => q).filter((q) => last[q] === r));
  const step = (state: number[], r: number, c: CellValue[]): number[] | null => {
    const next = [...state];
    for (const [q, j, coef] of adds[r]) {
      const v = c[j];
      next[q] = v === null ? WILD : next[q] + coef * num(v)!;
    }
    for (const q of due[r]) {
      if (!Number.isNaN(next[q]) && Math.abs(next[q] - cross[q].value) > 1e-6) return null;
      next[q] = 0;
    }
    return next;
  };
  const key = (s: number[]) => s.join(',');
  const reach: Map<string, number[]>[] = [new Map([[key(start), start]])];
  let states = 1;
  for (let r = 0; r < rows.length; r++) {
    const m = new Map<string, number[]>();
    for (const s of reach[r].values()) {
      for (const c of cand[r]) {
        const n = step(s, r, c);
        if (n) m.set(key(n), n);
      }
    }
    states += m.size;
    if (states > cap) return null;
    reach.push(m);
  }
  let alive = new Set(reach[rows.length].keys());
  const out: CellValue[][][] = rows.map(() => []);
  for (let r = rows.length - 1; r >= 0; r--) {
    const now = new Set<string>();
    const used = new Set<CellValue[]>();
    for (const [k, s] of reach[r]) {
      for (const c of cand[r]) {
        const n = step(s, r, c);
        if (n && alive.has(key(n))) { now.add(k); used.add(c); }
      }
    }
    out[r] = cand[r].filter((c) => used.has(c));
    alive = now;
  }
  return out;
}

function verdict(values: CellValue[]): Verdict {
  if (values.length === 1) {
    const v = values[0];
    if (v === null) return { kind: 'null' };
    if (v === 'dash') return { kind: 'zero_ok' };
    return { kind: 'value', value: v };
  }
  if (values.length === 2 && values.every((v) => v === 0 || v === 'dash')) return { kind: 'zero_ok' };
  return { kind: 'open', values };
}
