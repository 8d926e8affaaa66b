/**
 * A table model placed on a grid the way a Word or WPS report prints it:
 * the application table with its note cell over three header rows, the
 * two-level applicant header and the vertical group cells (`三、本年度办理结果`,
 * `（三）不予公开` …); the review table with its three-level header; the
 * Article 20 table with full-width title rows. Shared by the PDF layouts.
 */
import type { Cell, TableModel } from '../tables.ts';

export interface Placed {
  cell: Cell;
  r: number;
  c: number;
  rs: number;
  cs: number;
}

export interface PlacedTable {
  id: TableModel['id'];
  cells: Placed[];
  rows: number;
  /** Relative column widths. */
  widths: number[];
}

const LEVEL0 = new Set(['new_received', 'carried_over', 'carried_forward']);
const LEVEL1 = new Set(['granted', 'partially_granted', 'other_total', 'total_handled']);

/**
 * Rows a group cell spans: as the model says, but never past the rows of its
 * group (a row left out by a trap shortens the group).
 */
function groupSpan(m: TableModel, ri: number, c: Cell): number {
  const top = c === m.rows[ri].cells[0] && m.rows[ri].cells[1]?.kind !== 'group' && LEVEL1.has(m.rows[ri].id);
  let n = 1;
  for (let r = ri + 1; r < m.rows.length && n < (c.rows ?? 1); r++, n++) {
    const row = m.rows[r];
    if (LEVEL0.has(row.id)) break;
    if (!top && (LEVEL1.has(row.id) || row.cells.some((x) => x.kind === 'group'))) break;
  }
  return n;
}

/** Row and column spans the model leaves implicit. */
function spans(m: TableModel, ri: number, cells: Cell[]): { cell: Cell; rs: number; cs: number }[] {
  const row = m.rows[ri];
  if (m.id === 'apps') {
    if (ri === 0) return [{ cell: cells[0], rs: 3, cs: 3 }, { cell: cells[1], rs: 1, cs: 7 }];
    if (ri === 1) {
      const out = cells.map((c) => ({ cell: c, rs: c.cols ? 1 : 2, cs: c.cols ?? 1 }));
      // a header without 总计 still has the column: an empty head cell over it
      if (cells.length === 2) out.push({ cell: { t: '', kind: 'head' }, rs: 2, cs: 1 });
      return out;
    }
    return cells.map((c) => ({
      cell: c,
      rs: c.kind === 'group' ? groupSpan(m, ri, c) : 1,
      cs: c.kind === 'label' ? (LEVEL0.has(row.id) ? 3 : LEVEL1.has(row.id) ? 2 : 1) : 1,
    }));
  }
  if (m.id === 'reviews') {
    if (ri === 1) return cells.map((c) => ({ cell: c, rs: c.cols ? 1 : 2, cs: c.cols ?? 1 }));
    return cells.map((c) => ({ cell: c, rs: 1, cs: c.cols ?? 1 }));
  }
  // Article 20: a row with fewer cells than the table is wide lets its last cell span the rest
  return cells.map((c, i) => ({
    cell: c,
    rs: 1,
    cs: c.cols ?? (i === cells.length - 1 && cells.length < m.width ? m.width - cells.length + 1 : 1),
  }));
}

/** Place every cell in the first free grid position of its row (as an HTML table does). */
export function placeTable(m: TableModel): PlacedTable {
  const width = m.id === 'apps' ? 10 : m.id === 'reviews' ? 15 : m.width;
  const taken: boolean[][] = [];
  const free = (r: number, c: number) => !taken[r]?.[c];
  const cells: Placed[] = [];
  m.rows.forEach((row, r) => {
    let c = 0;
    for (const s of spans(m, r, row.cells)) {
      while (c < width && !free(r, c)) c++;
      if (c >= width) break;
      const cs = Math.min(s.cs, width - c);
      cells.push({ cell: s.cell, r, c, rs: s.rs, cs });
      for (let i = r; i < r + s.rs; i++) for (let j = c; j < c + cs; j++) (taken[i] ??= [])[j] = true;
      c += cs;
    }
  });
  const rows = Math.max(m.rows.length, ...cells.map((p) => p.r + p.rs));
  // a row printing fewer numbers than the table has columns leaves empty cells
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < width; c++) if (free(r, c)) cells.push({ cell: { t: '', kind: 'num' }, r, c, rs: 1, cs: 1 });
  }
  cells.sort((a, b) => a.r - b.r || a.c - b.c);
  const widths = m.id === 'apps' ? [1.7, 4.8, 13, 3.6, 3.6, 3.6, 3.6, 3.6, 3.6, 3.6]
    : m.id === 'reviews' ? Array<number>(15).fill(1)
      : [4, 3, 3, 3];
  return { id: m.id, cells, rows, widths };
}
