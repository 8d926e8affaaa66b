/**
 * Word tables as mammoth writes them → tables the HTML reader reads row by row.
 *
 * mammoth keeps a merge as `colspan` (w:gridSpan) and `rowspan` (w:vMerge) on the
 * first cell and drops the cells it covers. Two things then go wrong for a reader
 * that turns each `<tr>` into one tab-separated line:
 *
 * - rows under a `rowspan` cell have fewer cells, so a value after it would move
 *   one column left: the covered places come back here as empty cells;
 * - a cell of several paragraphs (`商业<p>企业`, a label wrapped with Enter) makes
 *   the reader print that row one cell per line and drop its empty cells: the
 *   paragraphs of a cell are joined into one line here.
 */
import { parseHTML } from 'linkedom';

type El = Element;

const isTag = (n: Node, ...names: string[]): boolean =>
  n.nodeType === 1 && names.includes((n as El).tagName);

/** The rows of one table (directly, or in its thead/tbody/tfoot), not of tables inside it. */
function rowsOf(table: El): El[] {
  const rows: El[] = [];
  for (const c of Array.from(table.children)) {
    if (isTag(c, 'TR')) rows.push(c);
    else if (isTag(c, 'THEAD', 'TBODY', 'TFOOT')) {
      for (const r of Array.from(c.children)) if (isTag(r, 'TR')) rows.push(r);
    }
  }
  return rows;
}

const span = (cell: El, attr: string) => Math.max(1, Math.min(Number(cell.getAttribute(attr)) || 1, 1000));

/** Give back the places a `rowspan` cell covers in the rows below it, as empty cells. */
export function expandRowSpans(table: El): void {
  const doc = table.ownerDocument;
  /** Grid column → the merged cell still covering it: rows left, columns wide. */
  const covering = new Map<number, { rows: number; cols: number }>();
  for (const row of rowsOf(table)) {
    let col = 0;
    // Empty cells for the covered columns from `col` on, in front of `before` (null: at the end).
    const covered = (before: El | null) => {
      for (let cov = covering.get(col); cov; cov = covering.get(col)) {
        const empty = doc.createElement('td');
        if (cov.cols > 1) empty.setAttribute('colspan', String(cov.cols));
        row.insertBefore(empty, before);
        if (--cov.rows === 0) covering.delete(col);
        col += cov.cols;
      }
    };
    for (const cell of Array.from(row.children)) {
      if (!isTag(cell, 'TD', 'TH')) continue;
      covered(cell);
      const cols = span(cell, 'colspan');
      const rows = span(cell, 'rowspan');
      if (rows > 1) covering.set(col, { rows: rows - 1, cols });
      cell.removeAttribute('rowspan');
      col += cols;
    }
    // Merged cells to the right of a row's last cell.
    for (const k of [...covering.keys()].sort((a, b) => a - b)) {
      if (k < col) continue;
      col = k;
      covered(null);
    }
  }
}

const WORDISH = /[0-9A-Za-z]/;

/** Join a cell's paragraphs: CJK text runs on; two ASCII words or numbers keep a space. */
export function joinParts(parts: string[]): string {
  let out = '';
  for (const p of parts) {
    const t = p.replace(/\s+/g, ' ').trim();
    if (!t) continue;
    out += out && WORDISH.test(out.at(-1)!) && WORDISH.test(t[0]) ? ' ' + t : t;
  }
  return out;
}

const BLOCKS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'DIV', 'BLOCKQUOTE', 'PRE']);

/** Text of a node split at its block elements and `<br>`s. */
function blockTexts(node: Node, out: string[]): void {
  for (const c of Array.from(node.childNodes)) {
    if (c.nodeType === 3) { out[out.length - 1] += c.textContent ?? ''; continue; }
    if (c.nodeType !== 1) continue;
    const tag = (c as El).tagName;
    if (tag === 'BR') { out.push(''); continue; }
    if (BLOCKS.has(tag) || tag === 'UL' || tag === 'OL') { out.push(''); blockTexts(c, out); out.push(''); continue; }
    blockTexts(c, out);
  }
}

/** A cell's paragraphs as one line of text (cells holding a table are left alone). */
export function flattenCell(cell: El): void {
  if (cell.querySelector('table')) return;
  const parts = [''];
  blockTexts(cell, parts);
  cell.textContent = joinParts(parts);
}

/** mammoth's HTML with every table made row-per-line readable (see the top of this file). */
export function normalizeWordHtml(html: string): string {
  if (!html.includes('<table')) return html;
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  for (const table of Array.from(document.querySelectorAll('table'))) {
    expandRowSpans(table);
    for (const row of rowsOf(table)) {
      for (const cell of Array.from(row.children)) if (isTag(cell, 'TD', 'TH')) flattenCell(cell);
    }
  }
  return document.body.innerHTML;
}
