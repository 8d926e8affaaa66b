/**
 * Ruling segments → table grids. Like pdfplumber's lattice: snap and join
 * collinear rulings, group rulings that meet into one table, take every
 * distinct ruling position as a grid line, and merge neighbouring grid boxes
 * that no ruling separates — so a merged (row- or column-spanning) cell is one
 * cell. A table edge that no ruling closes is open: the table goes on across a
 * page break there.
 */
import type { Segment } from './types.ts';

/** Rulings closer than this (pt) are one line. */
const SNAP = 2;
/** A vertical and a horizontal ruling this close (pt) meet. */
const TOUCH = 2.5;
/** An outer edge closer than this (pt) to a ruling is that ruling (overshooting ends). */
const EDGE = 4;
/** A boundary counts as ruled when rulings cover this share of it. */
const COVER = 0.5;

interface H { y: number; x0: number; x1: number }
interface V { x: number; y0: number; y1: number }

/** One cell of a grid: the boxes it covers and its span. */
export interface GridCell {
  r0: number; r1: number; c0: number; c1: number;
  openTop: boolean; openBottom: boolean;
}

export interface Grid {
  xs: number[];
  ys: number[];
  cells: GridCell[];
  /** Cell index of grid box (row i, column j) at `i * (xs.length - 1) + j`. */
  boxCell: Int32Array;
}

function split(segs: readonly Segment[]): { hs: H[]; vs: V[] } {
  const hs: H[] = [], vs: V[] = [];
  for (const s of segs) {
    const w = Math.abs(s.x1 - s.x0), h = Math.abs(s.y1 - s.y0);
    if (w >= h && w >= 1 && h <= SNAP) hs.push({ y: (s.y0 + s.y1) / 2, x0: Math.min(s.x0, s.x1), x1: Math.max(s.x0, s.x1) });
    else if (h > w && h >= 1 && w <= SNAP) vs.push({ x: (s.x0 + s.x1) / 2, y0: Math.min(s.y0, s.y1), y1: Math.max(s.y0, s.y1) });
  }
  return { hs, vs };
}

/** Join collinear rulings (same position within SNAP, overlapping or touching). */
function joinCollinear<T>(items: T[], pos: (t: T) => number, lo: (t: T) => number, hi: (t: T) => number,
  make: (p: number, a: number, b: number) => T): T[] {
  const sorted = [...items].sort((a, b) => pos(a) - pos(b));
  const out: T[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i, sum = 0;
    while (j < sorted.length && pos(sorted[j]) - pos(sorted[i]) <= SNAP) sum += pos(sorted[j++]);
    const p = sum / (j - i);
    const group = sorted.slice(i, j).sort((a, b) => lo(a) - lo(b));
    let a = lo(group[0]), b = hi(group[0]);
    for (const g of group.slice(1)) {
      if (lo(g) <= b + SNAP) b = Math.max(b, hi(g));
      else { out.push(make(p, a, b)); a = lo(g); b = hi(g); }
    }
    out.push(make(p, a, b));
    i = j;
  }
  return out;
}

class UnionFind {
  readonly parent: Int32Array;
  constructor(n: number) { this.parent = Int32Array.from({ length: n }, (_, i) => i); }
  find(i: number): number {
    while (this.parent[i] !== i) { this.parent[i] = this.parent[this.parent[i]]; i = this.parent[i]; }
    return i;
  }
  union(a: number, b: number) { this.parent[this.find(a)] = this.find(b); }
}

/** Cluster positions within SNAP; add the outer edges unless a ruling is within EDGE of them. */
function gridLines(pos: number[], lo: number, hi: number): number[] {
  pos.sort((a, b) => a - b);
  const out: number[] = [];
  for (let i = 0; i < pos.length;) {
    let j = i, sum = 0;
    while (j < pos.length && pos[j] - pos[i] <= SNAP) sum += pos[j++];
    out.push(sum / (j - i));
    i = j;
  }
  if (!out.length || out[0] - lo > EDGE) out.unshift(lo);
  if (hi - out[out.length - 1] > EDGE) out.push(hi);
  return out;
}

/** Share of [a, b] covered by the given intervals. */
function coverage(ivs: [number, number][], a: number, b: number): number {
  let covered = 0;
  const parts = ivs.map(([x, y]) => [Math.max(a, x), Math.min(b, y)] as const).filter(([x, y]) => y > x).sort((p, q) => p[0] - q[0]);
  let end = a;
  for (const [x, y] of parts) {
    if (y <= end) continue;
    covered += y - Math.max(x, end);
    end = y;
  }
  return b > a ? covered / (b - a) : 1;
}

function buildGrid(hs: H[], vs: V[]): Grid | null {
  const minX = Math.min(...hs.map((h) => h.x0), ...vs.map((v) => v.x));
  const maxX = Math.max(...hs.map((h) => h.x1), ...vs.map((v) => v.x));
  const minY = Math.min(...vs.map((v) => v.y0), ...hs.map((h) => h.y));
  const maxY = Math.max(...vs.map((v) => v.y1), ...hs.map((h) => h.y));
  const xs = gridLines(vs.map((v) => v.x), minX, maxX);
  const ys = gridLines(hs.map((h) => h.y), minY, maxY);
  const nx = xs.length - 1, ny = ys.length - 1;
  if (nx < 1 || ny < 1) return null;
  // rulings on each grid line, as intervals along it
  const near = (p: number, q: number) => Math.abs(p - q) <= SNAP;
  const hOn = ys.map((y) => hs.filter((h) => near(h.y, y)).map((h) => [h.x0, h.x1] as [number, number]));
  const vOn = xs.map((x) => vs.filter((v) => near(v.x, x)).map((v) => [v.y0, v.y1] as [number, number]));
  const ruledH = (i: number, j: number) => coverage(hOn[i], xs[j], xs[j + 1]) >= COVER;
  const ruledV = (i: number, j: number) => coverage(vOn[j], ys[i], ys[i + 1]) >= COVER;

  const uf = new UnionFind(nx * ny);
  for (let i = 0; i < ny; i++) {
    for (let j = 0; j < nx; j++) {
      if (j + 1 < nx && !ruledV(i, j + 1)) uf.union(i * nx + j, i * nx + j + 1);
      if (i + 1 < ny && !ruledH(i + 1, j)) uf.union(i * nx + j, (i + 1) * nx + j);
    }
  }
  const index = new Map<number, number>();
  const cells: GridCell[] = [];
  const boxCell = new Int32Array(nx * ny);
  for (let i = 0; i < ny; i++) {
    for (let j = 0; j < nx; j++) {
      const root = uf.find(i * nx + j);
      let k = index.get(root);
      if (k === undefined) {
        k = cells.length;
        index.set(root, k);
        cells.push({ r0: i, r1: i, c0: j, c1: j, openTop: false, openBottom: false });
      }
      const c = cells[k];
      c.r0 = Math.min(c.r0, i); c.r1 = Math.max(c.r1, i);
      c.c0 = Math.min(c.c0, j); c.c1 = Math.max(c.c1, j);
      if (i === 0 && !ruledH(0, j)) c.openTop = true;
      if (i === ny - 1 && !ruledH(ny, j)) c.openBottom = true;
      boxCell[i * nx + j] = k;
    }
  }
  // a lone frame (one box) is a border around text, not a table
  if (cells.length < 2) return null;
  return { xs, ys, cells, boxCell };
}

/** Find the ruled tables among a page's segments. */
export function findGrids(segments: readonly Segment[]): Grid[] {
  const raw = split(segments);
  const hs = joinCollinear(raw.hs, (h) => h.y, (h) => h.x0, (h) => h.x1, (y, x0, x1) => ({ y, x0, x1 }));
  const vs = joinCollinear(raw.vs, (v) => v.x, (v) => v.y0, (v) => v.y1, (x, y0, y1) => ({ x, y0, y1 }));
  // rulings that meet belong to one table
  const uf = new UnionFind(hs.length + vs.length);
  for (let a = 0; a < hs.length; a++) {
    const h = hs[a];
    for (let b = 0; b < vs.length; b++) {
      const v = vs[b];
      if (v.x >= h.x0 - TOUCH && v.x <= h.x1 + TOUCH && h.y >= v.y0 - TOUCH && h.y <= v.y1 + TOUCH) uf.union(a, hs.length + b);
    }
  }
  const groups = new Map<number, { hs: H[]; vs: V[] }>();
  const group = (i: number) => {
    const r = uf.find(i);
    let g = groups.get(r);
    if (!g) groups.set(r, (g = { hs: [], vs: [] }));
    return g;
  };
  hs.forEach((h, i) => group(i).hs.push(h));
  vs.forEach((v, i) => group(hs.length + i).vs.push(v));
  const grids: Grid[] = [];
  for (const g of groups.values()) {
    if (!g.hs.length || g.vs.length < 2) continue;
    const grid = buildGrid(g.hs, g.vs);
    if (grid) grids.push(grid);
  }
  return grids.sort((a, b) => a.ys[0] - b.ys[0]);
}
