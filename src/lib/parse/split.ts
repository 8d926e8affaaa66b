/**
 * Cells that ran together when a page was flattened to text (`217 1 0 0 0 0 218`
 * printed as `21710000218`). A split is accepted only when exactly one way of
 * cutting the digits satisfies the table's own arithmetic; otherwise none is.
 */
import type { Token } from './cells.ts';

export interface SplitResult {
  /** The unique split, or null when there is none or more than one. */
  values: number[] | null;
  /** How many splits satisfied the arithmetic (0, 1, or more). */
  solutions: number;
  /** Every split that satisfied it, when there were a few (for the table-level arithmetic to choose). */
  candidates: number[][];
}

const MAX_CANDIDATES = 64;

const MAX_SOLUTIONS_SCANNED = 20_000;

/**
 * Cut `slots` into exactly `target` numbers. Only plain integer tokens
 * (`digits` set) may be cut; others stay whole. `valid` is the arithmetic the
 * finished row must satisfy. Pieces never have leading zeros (`0218` is not a number).
 */
export function splitRunTogether(slots: Token[], target: number, valid: (v: number[]) => boolean): SplitResult {
  if (slots.length >= target || slots.some((s) => s.kind !== 'num')) return { values: null, solutions: 0, candidates: [] };
  const extra = target - slots.length;
  // Capacity: a token of d digits can become at most d pieces.
  const cap = slots.reduce((a, s) => a + (s.digits ? s.digits.length - 1 : 0), 0);
  if (cap < extra) return { values: null, solutions: 0, candidates: [] };
  const found: number[][] = [];
  let solutions = 0;
  let scanned = 0;
  const acc: number[] = [];

  const rec = (i: number, left: number): void => {
    if (solutions > MAX_CANDIDATES || scanned > MAX_SOLUTIONS_SCANNED) return;
    if (i === slots.length) {
      scanned++;
      if (left === 0 && valid(acc)) { solutions++; found.push(acc.slice()); }
      return;
    }
    const s = slots[i];
    if (!s.digits) { acc.push(s.value!); rec(i + 1, left); acc.pop(); return; }
    const d = s.digits;
    const maxPieces = Math.min(d.length, left + 1);
    for (let pieces = 1; pieces <= maxPieces; pieces++) {
      cuts(d, pieces, (parts) => {
        const n = acc.length;
        for (const p of parts) acc.push(Number(p));
        rec(i + 1, left - (pieces - 1));
        acc.length = n;
      });
    }
  };
  rec(0, extra);
  if (scanned > MAX_SOLUTIONS_SCANNED || solutions > MAX_CANDIDATES) return { values: null, solutions: Math.max(2, solutions), candidates: [] };
  return { values: solutions === 1 ? found[0] : null, solutions, candidates: solutions > 1 ? found : [] };
}

/** Every way to cut `d` into `k` pieces with no leading zeros. */
function cuts(d: string, k: number, emit: (parts: string[]) => void, parts: string[] = []): void {
  if (k === 1) {
    if (d.length === 1 || d[0] !== '0') emit([...parts, d]);
    return;
  }
  for (let len = 1; len <= d.length - (k - 1); len++) {
    const head = d.slice(0, len);
    if (len > 1 && head[0] === '0') break;
    parts.push(head);
    cuts(d.slice(len), k - 1, emit, parts);
    parts.pop();
  }
}
