/**
 * A report as an HTML page meant for printing (Chromium `page.pdf()`): A4,
 * Noto CJK, ruled tables with the same grid as the pdfkit layout (rowspan and
 * colspan from `placeTable`), narrow group columns so `三、本年度办理结果`
 * stands one character per line, and tables left to break across pages.
 */
import type { Doc } from '../doc.ts';
import { placeTable } from './pdf-grid.ts';
import type { TableModel } from '../tables.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const CSS = `
@page { size: A4; margin: 25mm 24mm 22mm 24mm; }
body { font-family: "Noto Serif CJK SC", serif; font-size: 12pt; line-height: 1.6; margin: 0; }
h1 { font-family: "Noto Sans CJK SC", sans-serif; font-size: 18pt; text-align: center; font-weight: bold; }
h2 { font-family: "Noto Sans CJK SC", sans-serif; font-size: 14pt; margin: 10pt 0 4pt; }
p { text-indent: 2em; margin: 0 0 4pt; }
p.plain { text-indent: 0; font-size: 10.5pt; }
p.sign { text-align: right; text-indent: 0; }
table { border-collapse: collapse; width: 100%; margin: 6pt 0 10pt; font-family: "Noto Sans CJK SC", sans-serif;
  font-size: 10.5pt; line-height: 1.3; }
td { border: 0.75pt solid #000; padding: 2pt 3pt; text-align: center; vertical-align: middle; }
td.label { text-align: left; }
.break { break-before: page; }
`;

function table(m: TableModel): string {
  const t = placeTable(m);
  const sum = t.widths.reduce((a, b) => a + b, 0);
  const cols = t.widths.map((w) => `<col style="width:${((100 * w) / sum).toFixed(2)}%">`).join('');
  const rows: string[] = [];
  for (let r = 0; r < t.rows; r++) {
    const cells = t.cells.filter((p) => p.r === r).map((p) => {
      const span = (p.rs > 1 ? ` rowspan="${p.rs}"` : '') + (p.cs > 1 ? ` colspan="${p.cs}"` : '');
      const cls = p.cell.kind === 'label' ? ' class="label"' : '';
      return `<td${span}${cls}>${esc(p.cell.t)}</td>`;
    });
    rows.push(`<tr>${cells.join('')}</tr>`);
  }
  return `<table><colgroup>${cols}</colgroup><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

export interface PrintOpts {
  /** Start these sections (1..6) on a new page. */
  newPageBefore?: number[];
  /** Vertical cell padding (pt), default 2. */
  cellPadding?: number;
}

export function printHtml(doc: Doc, o: PrintOpts = {}): string {
  const out: string[] = [];
  let section = 0;
  for (const b of doc.blocks) {
    switch (b.t) {
      case 'title': out.push(`<h1>${esc(b.text)}</h1>`); break;
      case 'h': section++; out.push(`<h2${o.newPageBefore?.includes(section) ? ' class="break"' : ''}>${esc(b.text)}</h2>`); break;
      case 'p': out.push(`<p>${esc(b.text)}</p>`); break;
      case 'meta': for (const r of b.rows) out.push(`<p class="plain">${r.map(esc).join('&emsp;&emsp;')}</p>`); break;
      case 'raw': for (const l of b.lines) if (l.trim()) out.push(`<p class="plain">${esc(l)}</p>`); break;
      case 'sign': for (const l of b.lines) out.push(`<p class="sign">${esc(l.trim())}</p>`); break;
      case 'table': out.push(table(b.model)); break;
    }
  }
  const pad = o.cellPadding === undefined ? '' : `td { padding-top: ${o.cellPadding}pt; padding-bottom: ${o.cellPadding}pt; }`;
  return `<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><style>${CSS}${pad}</style></head>\n<body>\n${out.join('\n')}\n</body></html>\n`;
}
