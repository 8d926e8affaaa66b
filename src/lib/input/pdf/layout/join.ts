/**
 * Tables across page breaks. When a page ends with a ruled table and the next
 * page starts with one of the same width, the second continues the first: a
 * header repeated at the top of the new page is dropped, and a cell cut by
 * the break (no ruling closes it at the foot of one page nor at the head of
 * the next — a row that broke, or a tall merged cell such as the vertical
 * `三、本年度办理结果`) becomes one cell again, on the page where it began.
 */
import { startsItem } from './chars.ts';
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

const digit = /\d/;

/**
 * Cells of `b`'s first row that go on from `a`'s last row. Open cells (no
 * ruling at the break on either side) always do. Where the producer closed
 * the cells at the break (LibreOffice does), a cell does only if the row
 * holds no number at all, the fragment starts no item (`1.`, `（三）`), and
 * the cell above is text whose last line ran to its right edge.
 */
function continued(a: Table, b: Table): [Cell, Cell][] {
  const last = a.ys.length - 2;
  const bottom = a.rows.flat().filter((c) => c.r1 === last);
  const first = (b.rows[0] ?? []).filter((c) => !c.cont);
  const above = (t: Cell) => bottom.find((o) => Math.abs(o.x0 - t.x0) <= ALIGN && Math.abs(o.x1 - t.x1) <= ALIGN);
  const out: [Cell, Cell][] = [];
  const textOnly = !first.some((t) => digit.test(t.text));
  for (const t of first) {
    const c = above(t);
    if (!c) continue;
    if (t.openTop && c.openBottom) out.push([c, t]);
    else if (textOnly && t.text && !startsItem(t.text) && c.wrapped && c.text && !/^[\d\s.,]+$/.test(c.text)) out.push([c, t]);
  }
  return out;
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
    for (const [c, t] of continued(a.table, b.table)) {
      const root = rootOf.get(c) ?? c;
      root.text = joinWrapped([root.text, t.text]);
      rootOf.set(t, root);
      t.cont = true;
      t.text = '';
    }
  }
}
