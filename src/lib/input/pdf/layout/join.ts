/**
 * Tables across page breaks. When a page ends with a ruled table and the next
 * page starts with one of the same width, the second continues the first: a
 * header repeated at the top of the new page is dropped, and a cell cut by
 * the break (no ruling closes it at the foot of one page nor at the head of
 * the next — a row that broke, or a tall merged cell such as the vertical
 * `三、本年度办理结果`) becomes one cell again, on the page where it began.
 */
import { joinWrapped } from './lines.ts';
import type { Block, Cell, Table } from './types.ts';

/** Edges of two tables this close (pt) are the same. */
const ALIGN = 4;

const rowText = (r: Cell[]) => r.map((c) => c.text).join('\t');

function aligned(a: Table, b: Table): boolean {
  return Math.abs(a.x0 - b.x0) <= ALIGN && Math.abs(a.x1 - b.x1) <= ALIGN;
}

/** Rows at the top of `next` that repeat the first rows of `head` (its header). */
function dropRepeatedHeader(head: Table, next: Table) {
  const hr = head.rows.filter((r) => r.length), nr = next.rows.filter((r) => r.length);
  let k = 0;
  while (k < nr.length - 1 && k < hr.length && rowText(nr[k]).trim() !== '' && rowText(nr[k]) === rowText(hr[k])) k++;
  for (const r of nr.slice(0, k)) for (const c of r) { c.cont = true; c.text = ''; }
}

/** Mutates the tables of `pages`: repeated headers and continued cells are marked `cont`. */
export function joinTables(pages: readonly Block[][]): void {
  const headOf = new Map<Table, Table>();
  const rootOf = new Map<Cell, Cell>();
  for (let p = 0; p + 1 < pages.length; p++) {
    const a = pages[p][pages[p].length - 1], b = pages[p + 1][0];
    if (!a || !b || a.kind !== 'table' || b.kind !== 'table' || !aligned(a.table, b.table)) continue;
    const head = headOf.get(a.table) ?? a.table;
    headOf.set(b.table, head);
    dropRepeatedHeader(head, b.table);
    const open = a.table.rows.flat().filter((c) => c.openBottom);
    for (const t of b.table.rows.flat()) {
      if (!t.openTop || t.cont) continue;
      const c = open.find((o) => Math.abs(o.x0 - t.x0) <= ALIGN && Math.abs(o.x1 - t.x1) <= ALIGN);
      if (!c) continue;
      const root = rootOf.get(c) ?? c;
      root.text = joinWrapped([root.text, t.text]);
      rootOf.set(t, root);
      t.cont = true;
      t.text = '';
    }
  }
}
