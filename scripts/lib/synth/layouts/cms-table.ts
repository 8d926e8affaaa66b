/**
 * A table as Word pastes it into a CMS editor: `MsoNormalTable`, every cell a
 * `<p class=MsoNormal>` with a `<span style=…>` around its text, empty cells
 * `<o:p> </o:p>` or `&nbsp;`, `rowspan`/`colspan` for the merged cells, and
 * Word's hidden `supportMisalignedColumns` row of empty cells at the end.
 */
import type { Rng } from '../rng.ts';
import type { Cell, Row, TableModel } from '../tables.ts';
import type { Out } from './out.ts';

const LEVEL0 = new Set(['new_received', 'carried_over', 'carried_forward']);
const LEVEL1 = new Set(['granted', 'partially_granted', 'other_total', 'total_handled']);

export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const BORDER = 'border:solid windowtext 1.0pt;padding:0cm 5.4pt';

function body(c: Cell, rng: Rng): string {
  const t = c.t === '\u00a0' ? '' : c.t;
  if (t === '') return `<span lang="EN-US" style="font-size:10.5pt">${rng.chance(0.5) ? '<o:p> </o:p>' : '<o:p>&nbsp;</o:p>'}</span>`;
  if (c.kind === 'num') return `<span lang="EN-US" style="font-size:10.5pt">${esc(t)}<o:p></o:p></span>`;
  return `<span style="font-size:10.5pt;font-family:宋体">${esc(t)}</span>`;
}

function td(c: Cell, rng: Rng, rows = c.rows, cols = c.cols): string {
  const span = (rows && rows > 1 ? ` rowspan="${rows}"` : '') + (cols && cols > 1 ? ` colspan="${cols}"` : '');
  const w = 40 * (cols ?? 1) + rng.int(0, 30);
  return `  <td width="${w}"${span} style="width:${(w * 0.75).toFixed(1)}pt;${BORDER}">` +
    `<p class="MsoNormal" align="center">${body(c, rng)}</p></td>`;
}

/** Cells of one printed row with their spans, as the Word table lays them out. */
function laidOut(m: TableModel, row: Row, ri: number): [Cell, number | undefined, number | undefined][] {
  const cells = row.cells;
  if (m.id === 'apps' && ri === 0) return [[cells[0], 3, 3], [cells[1], undefined, 7]];
  if (m.id === 'apps' && ri === 1) return cells.map((c) => [c, c.cols ? undefined : 2, c.cols]);
  if (m.id === 'reviews' && ri === 1) return cells.map((c) => [c, c.cols ? undefined : 2, c.cols]);
  if (m.id === 'apps') {
    const lab = LEVEL0.has(row.id) ? 3 : LEVEL1.has(row.id) ? 2 : 1;
    return cells.map((c) => [c, c.rows, c.kind === 'label' ? lab : undefined]);
  }
  if (m.id === 'active' && cells.length < m.width) {
    return cells.map((c, i) => [c, undefined, i === cells.length - 1 ? m.width - cells.length + 1 : c.cols]);
  }
  return cells.map((c) => [c, c.rows, c.cols]);
}

export function wordTable(out: Out, m: TableModel, rng: Rng): void {
  out.push('<div align="center">');
  out.push('<table class="MsoNormalTable" border="1" cellspacing="0" cellpadding="0" '
    + 'style="border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184">');
  out.push(' <tbody>');
  m.rows.forEach((row, ri) => {
    out.push(` <tr style="mso-yfti-irow:${ri};height:${rng.int(18, 30)}.0pt">`);
    for (const [c, rows, cols] of laidOut(m, row, ri)) out.push(td(c, rng, rows, cols), [c.key]);
    out.push(' </tr>');
  });
  if (rng.chance(0.5)) {
    out.push(' <![if !supportMisalignedColumns]>');
    out.push(' <tr height="0">');
    for (let i = 0; i < m.width; i++) out.push(`  <td width="${rng.int(30, 90)}" style="border:none"></td>`);
    out.push(' </tr>');
    out.push(' <![endif]>');
  }
  out.push(' </tbody>');
  out.push('</table>');
  out.push('</div>');
}
