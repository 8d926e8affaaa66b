/** A saved web page with real `<table>` markup (rowspan/colspan), one `<tr>` or one `<td>` per line. */
import type { Cell, Row, TableModel } from '../tables.ts';
import type { Doc } from '../doc.ts';
import type { Rng } from '../rng.ts';
import { Out } from './out.ts';

export interface HtmlOpts { charset: string; tdPerLine: boolean; wrapNumbers: boolean }

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const LEVEL0 = new Set(['new_received', 'carried_over', 'carried_forward']);
const LEVEL1 = new Set(['granted', 'partially_granted', 'other_total', 'total_handled']);

function td(c: Cell, o: HtmlOpts, extra = ''): string {
  const attrs = (c.rows && c.rows > 1 ? ` rowspan="${c.rows}"` : '') + (c.cols && c.cols > 1 ? ` colspan="${c.cols}"` : '') + extra;
  let body = c.t === '' ? '&nbsp;' : esc(c.t);
  if (c.kind === 'num' && o.wrapNumbers && c.t !== '') body = `<p style="text-align:center"><span>${body}</span></p>`;
  return `<td${attrs}>${body}</td>`;
}

function labelColspan(model: TableModel, row: Row): number {
  if (model.id !== 'apps') return 1;
  if (LEVEL0.has(row.id)) return 3;
  if (LEVEL1.has(row.id)) return 2;
  return 1;
}

/** A table with rowspans and colspans as a page prints it. */
export function htmlTable(out: Out, m: TableModel, o: HtmlOpts) {
  out.push('<table border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse">');
  out.push('<tbody>');
  m.rows.forEach((row, ri) => {
    let cells = row.cells;
    let lead = '';
    if (m.id === 'apps' && ri === 0) lead = td({ ...cells[0], rows: 3, cols: 3 }, o);
    if (m.id === 'apps' && ri === 0) cells = cells.slice(1);
    if (m.id === 'apps' && ri === 1) cells = cells.map((c) => (c.t === '自然人' || c.t === '总计' ? { ...c, rows: 2 } : c));
    if (m.id === 'reviews' && ri === 1) cells = cells.map((c) => (c.cols ? c : { ...c, rows: 2 }));
    if (m.id === 'reviews' && ri === 2) cells = cells.slice(5);
    if (m.id === 'active' && cells.length > 1 && cells.length < m.width) {
      cells = cells.map((c, i) => (i === cells.length - 1 ? { ...c, cols: m.width - cells.length + 1 } : c));
    }
    const parts = cells.map((c) => (c.kind === 'label' ? td({ ...c, cols: labelColspan(m, row) }, o) : td(c, o)));
    if (lead) parts.unshift(lead);
    if (o.tdPerLine) {
      out.push('<tr>');
      if (lead) out.push(lead);
      cells.forEach((c, i) => out.push(parts[i + (lead ? 1 : 0)], [c.key]));
      out.push('</tr>');
    } else {
      out.push(`<tr>${parts.join('')}</tr>`, cells.map((c) => c.key));
    }
  });
  out.push('</tbody>');
  out.push('</table>');
}

export function renderHtml(doc: Doc, o: HtmlOpts, rng: Rng): Out {
  const out = new Out();
  const title = doc.blocks.find((b) => b.t === 'title');
  out.push('<!DOCTYPE html>');
  out.push('<html lang="zh-CN">');
  out.push('<head>');
  out.push(rng.chance(0.5) ? `<meta charset="${o.charset}">` : `<meta http-equiv="Content-Type" content="text/html; charset=${o.charset}">`);
  out.push(`<title>${title && title.t === 'title' ? esc(title.text) : '政府信息公开工作年度报告'}</title>`);
  out.push('<style>td{padding:4px;text-align:center}</style>');
  out.push('</head>');
  out.push('<body>');
  out.push('<div class="article">');
  for (const b of doc.blocks) {
    switch (b.t) {
      case 'title': out.push(`<h1>${esc(b.text)}</h1>`); break;
      case 'h': out.push(`<h3>${esc(b.text)}</h3>`); break;
      case 'p': out.push(`<p style="text-indent:2em">${esc(b.text)}</p>`); break;
      case 'meta':
        out.push('<table class="meta">');
        for (const r of b.rows) out.push(`<tr>${r.map((x) => `<td>${esc(x)}</td>`).join('')}</tr>`);
        out.push('</table>');
        break;
      case 'raw': out.push('<div class="nav">'); for (const l of b.lines) out.push(`<span>${esc(l)}</span><br>`); out.push('</div>'); break;
      case 'sign': for (const l of b.lines) out.push(`<p style="text-align:right">${esc(l.trim())}</p>`); break;
      case 'table': htmlTable(out, b.model, o); break;
    }
  }
  out.push('</div>');
  out.push('</body>');
  out.push('</html>');
  return out;
}
