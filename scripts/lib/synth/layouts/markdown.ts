/**
 * Markdown made from a PDF by a converter: headings as `##` or bold, blank
 * lines between paragraphs; the application table cut into one small table
 * per row under generic headers (`| 数据1 | 数据2 | … |` and `|---|`); a cell
 * sometimes moved out of its row onto a line of its own (`Row.stray`,
 * `Row.labelOut`); the Article 20 and review tables as markdown tables, some
 * with generic headers. Or, as MinerU writes them, every table as one line of
 * HTML with its rowspans and colspans (`htmlTables`). Or, as docling writes
 * them, every table as one full grid whose merged cells' text is repeated in
 * every position they cover (`spanCopies`): `| 行政许可 | 315 | 315 | 315 |`.
 */
import type { Doc } from '../doc.ts';
import type { Rng } from '../rng.ts';
import type { Cell, Row, TableModel } from '../tables.ts';
import { Out } from './out.ts';
import { htmlTable } from './html.ts';

export interface MarkdownOpts {
  /** `##` headings, else bold lines. */
  hashHeadings: boolean;
  /** Article 20 and review tables under `数据1…` headers, else under their own first row. */
  generic: boolean;
  /** Each table as one line of `<table>…</table>` (MinerU), else markdown rows. */
  htmlTables: boolean;
  /** Each table as one grid, merged cells copied into every position they cover (docling). */
  spanCopies?: boolean;
}

const md = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
const rule = (n: number) => `|${'---|'.repeat(n)}`;
const generic = (n: number) => md(Array.from({ length: n }, (_, i) => `数据${i + 1}`));
const pad = (cells: string[], n: number) => [...cells, ...Array(Math.max(0, n - cells.length)).fill('')];
const text = (c: Cell) => (c.t === '\u00a0' ? '' : c.t);
const keysOf = (r: Row) => r.cells.map((c) => c.key);

/** A table of rows, under generic headers or under its first row. */
function table(out: Out, rows: Row[], width: number, gen: boolean) {
  const [first, ...rest] = gen ? [null, ...rows] : rows;
  out.push(first ? md(pad(first.cells.map(text), width)) : generic(width), first ? keysOf(first) : undefined);
  out.push(rule(width));
  for (const r of rest) out.push(md(pad(r!.cells.map(text), width)), keysOf(r!));
  out.push('');
}

function appRow(out: Out, row: Row) {
  const heads = row.cells.filter((c) => c.kind !== 'num');
  let nums = row.cells.filter((c) => c.kind === 'num');
  let stray: Cell | null = null;
  if (row.stray !== undefined) {
    stray = nums[row.stray];
    nums = nums.filter((_, i) => i !== row.stray);
  }
  const cells = row.labelOut ? nums : [...heads, ...nums];
  if (row.labelOut) { out.push(heads.map((c) => c.t).join('')); out.push(''); }
  out.push(generic(cells.length));
  out.push(rule(cells.length));
  // a row with a stray cell has no single source line for its values
  out.push(md(cells.map(text)), stray ? undefined : cells.map((c) => c.key));
  out.push('');
  if (stray) { out.push(text(stray)); out.push(''); }
}

function apps(out: Out, m: TableModel) {
  const [h0, h1, h2, ...body] = m.rows;
  table(out, [h0, h1, h2], 7, true);
  for (const row of body) appRow(out, row);
}

/** A table as one line of HTML, without whitespace between tags. */
function oneLine(out: Out, m: TableModel) {
  const t = new Out();
  htmlTable(t, m, { charset: 'utf-8', tdPerLine: false, wrapNumbers: false });
  out.push(t.lines.join(''), [...t.keyLine.keys()]);
  out.push('');
}

/** A table as one full grid under its first row, each merged cell's text in every position it covers. */
function grid(out: Out, m: TableModel) {
  const g: string[][] = [];
  const keys: (string | undefined)[][] = [];
  m.rows.forEach((row, r) => {
    g[r] ??= [];
    keys[r] = row.cells.map((c) => c.key);
    let c = 0;
    for (const cell of row.cells) {
      while (g[r][c] !== undefined) c++;
      for (let dr = 0; dr < (cell.rows ?? 1); dr++) for (let dc = 0; dc < (cell.cols ?? 1); dc++) (g[r + dr] ??= [])[c + dc] = text(cell);
      c += cell.cols ?? 1;
    }
  });
  const row = (cells: string[]) => md(Array.from({ length: m.width }, (_, i) => cells[i] ?? ''));
  g.forEach((cells, r) => {
    out.push(row(cells), keys[r]);
    if (r === 0) out.push(rule(m.width));
  });
  out.push('');
}

export function renderMarkdown(doc: Doc, o: MarkdownOpts, rng: Rng): Out {
  const out = new Out();
  for (const b of doc.blocks) {
    switch (b.t) {
      case 'title': out.push(rng.chance(0.7) ? `# ${b.text}` : b.text); out.push(''); break;
      case 'h': out.push(o.hashHeadings ? `## ${b.text}` : `**${b.text}**`); out.push(''); break;
      case 'p': out.push(b.text); out.push(''); break;
      case 'sign': for (const l of b.lines) { out.push(l.trim()); out.push(''); } break;
      case 'meta': case 'raw': break;
      case 'table':
        if (o.htmlTables) { oneLine(out, b.model); break; }
        if (o.spanCopies) { grid(out, b.model); break; }
        if (b.model.id === 'apps') apps(out, b.model);
        else table(out, b.model.rows, b.model.width, o.generic);
        break;
    }
  }
  if (rng.chance(0.3)) out.push(`![](images/${(rng.next() * 1e16).toString(16).slice(0, 12)}.jpg)`);
  return out;
}
