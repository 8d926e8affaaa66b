/**
 * Quick chart of a result with Observable Plot: pick x, y and a mark.
 * Plot is loaded on first use, so it does not delay the first query.
 */
import type { QueryResult } from './db.ts';

import { MARKS, type Mark } from '../../lib/sql/chart-marks.ts';
const MAX_POINTS = 5000;

export function setupChart(form: HTMLFormElement, out: HTMLElement, r: QueryResult): void {
  const xSel = form.elements.namedItem('x') as HTMLSelectElement;
  const ySel = form.elements.namedItem('y') as HTMLSelectElement;
  const numeric = r.columns.filter((_, i) => r.rows.some((row) => typeof row[i] === 'number'));
  fill(xSel, r.columns, r.columns[0]);
  fill(ySel, numeric.length ? numeric : r.columns, numeric.find((c) => c !== r.columns[0]) ?? numeric[0] ?? r.columns[0]);
  form.hidden = r.columns.length === 0;
  out.replaceChildren();
  form.onsubmit = (e) => {
    e.preventDefault();
    draw(form, out, r).catch((err) => { out.textContent = `无法绘图:${err instanceof Error ? err.message : String(err)}`; });
  };
}

function fill(sel: HTMLSelectElement, options: string[], selected?: string) {
  sel.replaceChildren(...options.map((o) => new Option(o, o, false, o === selected)));
}

export async function draw(form: HTMLFormElement, out: HTMLElement, r: QueryResult): Promise<void> {
  const Plot = await import('@observablehq/plot');
  const x = (form.elements.namedItem('x') as HTMLSelectElement).value;
  const y = (form.elements.namedItem('y') as HTMLSelectElement).value;
  const mark = (form.elements.namedItem('mark') as HTMLSelectElement).value as Mark;
  const xi = r.columns.indexOf(x), yi = r.columns.indexOf(y);
  const data = r.rows.slice(0, MAX_POINTS).map((row) => ({ x: row[xi], y: row[yi] }));
  const m = mark === 'line' ? Plot.line(data, { x: 'x', y: 'y', sort: 'x', marker: true })
    : mark === 'dot' ? Plot.dot(data, { x: 'x', y: 'y', tip: true })
    : Plot.barY(data, { x: 'x', y: 'y', tip: true });
  const fig = Plot.plot({
    marks: [m, Plot.ruleY([0])],
    x: { label: x, ...(mark === 'barY' ? { tickRotate: data.length > 12 ? -45 : 0 } : {}) },
    y: { label: y, grid: true },
    marginBottom: mark === 'barY' && data.length > 12 ? 80 : 40,
    marginLeft: 60,
    width: Math.min(960, out.clientWidth || 960),
    style: { fontFamily: 'inherit', fontSize: '12px' },
    ariaLabel: `${MARKS[mark]}:${y} 对 ${x}`,
  });
  // One labelled image for assistive technology; Plot's inner group labels are not allowed on plain <g>.
  fig.setAttribute('role', 'img');
  for (const g of fig.querySelectorAll('[aria-label]')) if (g !== fig) g.removeAttribute('aria-label');
  out.replaceChildren(fig);
}
