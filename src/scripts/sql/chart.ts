/**
 * Quick chart of a result with Observable Plot: pick x, y and a mark.
 * Plot is loaded on first use, so it does not delay the first query.
 *
 * Bars keep the query's row order (its ORDER BY), not an alphabetical one;
 * long or many category labels turn the bars sideways so labels never
 * overlap; numbers are written the Chinese way with whole-number ticks when
 * the values are whole. The chart is a figure.chart like the build-time ones:
 * title, source, a link to itself (the shared URL with the chart settings)
 * and CSV/SVG/PNG downloads (chart-export.ts).
 */
import type { QueryResult } from './db.ts';
import { MARKS, type Mark } from '../../lib/sql/chart-marks.ts';
import { csvDataUrl, csvText, niceTicks, zhNum } from '../../lib/site/chart-format.ts';
import type { ChartSettings } from '../../lib/sql/share.ts';
import { setupChartExports } from '../chart-export.ts';

const MAX_POINTS = 5000;
/** Bars drawn at most (the first rows of the result, in its order). */
const MAX_BARS = 120;

export interface ChartHooks {
  /** Called after a chart is drawn with its settings (to put them in the page URL). */
  onDraw?(s: ChartSettings): void;
  /** The URL that opens this query with this chart. */
  linkFor?(s: ChartSettings): string;
}

export function setupChart(form: HTMLFormElement, out: HTMLElement, r: QueryResult, preset: ChartSettings | null = null, hooks: ChartHooks = {}): void {
  const xSel = form.elements.namedItem('x') as HTMLSelectElement;
  const ySel = form.elements.namedItem('y') as HTMLSelectElement;
  const markSel = form.elements.namedItem('mark') as HTMLSelectElement;
  const numeric = r.columns.filter((_, i) => r.rows.some((row) => typeof row[i] === 'number'));
  fill(xSel, r.columns, r.columns[0]);
  fill(ySel, numeric.length ? numeric : r.columns, numeric.find((c) => c !== r.columns[0]) ?? numeric[0] ?? r.columns[0]);
  form.hidden = r.columns.length === 0;
  out.replaceChildren();
  const submit = () => draw(form, out, r, hooks).catch((err) => { out.textContent = `无法绘图:${err instanceof Error ? err.message : String(err)}`; });
  form.onsubmit = (e) => { e.preventDefault(); void submit(); };
  // Settings from a shared link: draw at once when they fit this result.
  if (preset && r.columns.includes(preset.x) && r.columns.includes(preset.y) && preset.chart in MARKS) {
    xSel.value = preset.x;
    ySel.value = preset.y;
    markSel.value = preset.chart;
    void submit();
  }
}

function fill(sel: HTMLSelectElement, options: string[], selected?: string) {
  sel.replaceChildren(...options.map((o) => new Option(o, o, false, o === selected)));
}

/** Approximate width of a label at 12 px (CJK characters are square). */
const labelWidth = (s: string) => [...s].reduce((w, ch) => w + (/[\u2e80-\uffff]/.test(ch) ? 12 : 7), 0);
const shorten = (s: string, max = 18) => ([...s].length > max ? [...s].slice(0, max - 1).join('') + '…' : s);

export async function draw(form: HTMLFormElement, out: HTMLElement, r: QueryResult, hooks: ChartHooks = {}): Promise<void> {
  const Plot = await import('@observablehq/plot');
  const x = (form.elements.namedItem('x') as HTMLSelectElement).value;
  const y = (form.elements.namedItem('y') as HTMLSelectElement).value;
  const mark = (form.elements.namedItem('mark') as HTMLSelectElement).value as Mark;
  const xi = r.columns.indexOf(x), yi = r.columns.indexOf(y);
  let data = r.rows.slice(0, MAX_POINTS).map((row) => ({ x: row[xi], y: row[yi] }));
  // Drawn at the width it is shown (a pixel less, so rounding never scales its text below 12 px).
  const width = Math.max(320, Math.min(960, Math.floor(out.getBoundingClientRect().width || 961) - 1));
  const ys = data.map((d) => d.y).filter((v): v is number => typeof v === 'number');
  const integers = ys.every(Number.isInteger);
  const numTicks = (lo: number, hi: number) => niceTicks(Math.min(0, lo), Math.max(0, hi), 6, integers);
  const yTicks = numTicks(Math.min(...ys), Math.max(...ys));
  let note = '';
  let fig: SVGSVGElement | HTMLElement;
  const label = `${MARKS[mark]}:${y} 对 ${x}`;
  const style = { fontFamily: 'inherit', fontSize: '12px', overflow: 'visible' };
  if (mark === 'barY') {
    if (data.length > MAX_BARS) { note = `只画出前 ${MAX_BARS} 行(共 ${data.length} 行),按查询结果的顺序。`; data = data.slice(0, MAX_BARS); }
    // Categories in the result's own order (its ORDER BY); a repeated category keeps its first place.
    const domain = [...new Set(data.map((d) => String(d.x)))];
    const rows = data.map((d) => ({ ...d, x: String(d.x) }));
    const longest = Math.max(0, ...domain.map((s) => labelWidth(shorten(s))));
    const step = (width - 70) / Math.max(1, domain.length);
    if (longest + 6 > step) {
      // Labels would collide under the bars: bars sideways, one label per line.
      fig = Plot.plot({
        width, height: 30 + domain.length * 22, marginLeft: Math.min(260, longest + 14), marginRight: 40, style, ariaLabel: label,
        x: { label: y, grid: true, ticks: numTicks(Math.min(...ys), Math.max(...ys)), tickFormat: zhNum },
        y: { label: null, domain, tickFormat: (d: string) => shorten(d) },
        marks: [
          Plot.barX(rows, { x: 'y', y: 'x', fill: '#0b5cad', title: (d: { x: string; y: unknown }) => `${d.x}:${typeof d.y === 'number' ? zhNum(d.y) : d.y}` }),
          Plot.text(rows, { x: 'y', y: 'x', text: (d: { y: unknown }) => (typeof d.y === 'number' ? zhNum(d.y) : ''), dx: 4, textAnchor: 'start' }),
          Plot.ruleX([0]),
        ],
      });
    } else {
      fig = Plot.plot({
        width, height: 320, marginLeft: 60, style, ariaLabel: label,
        x: { label: x, domain, tickFormat: (d: string) => shorten(d) },
        y: { label: y, grid: true, ticks: yTicks, tickFormat: zhNum },
        marks: [
          Plot.barY(rows, { x: 'x', y: 'y', fill: '#0b5cad', insetLeft: Math.max(0, (step * 0.9 - 48) / 2), insetRight: Math.max(0, (step * 0.9 - 48) / 2), tip: true }),
          Plot.ruleY([0]),
        ],
      });
    }
  } else {
    const xNumeric = data.every((d) => typeof d.x === 'number' || d.x === null);
    const xs = data.map((d) => d.x).filter((v): v is number => typeof v === 'number');
    const xTicks = xNumeric ? niceTicks(Math.min(...xs), Math.max(...xs), 8, xs.every(Number.isInteger)) : undefined;
    // A year-like axis (whole numbers between 1900 and 2100) is printed without separators.
    const yearly = xNumeric && xs.every((v) => Number.isInteger(v) && v > 1900 && v < 2100);
    const m = mark === 'line'
      ? Plot.line(data, { x: 'x', y: 'y', sort: xNumeric ? 'x' : undefined, marker: true })
      : Plot.dot(data, { x: 'x', y: 'y', tip: true });
    fig = Plot.plot({
      width, height: 320, marginLeft: 60, style, ariaLabel: label,
      x: xNumeric ? { label: x, ticks: yearly ? [...new Set(xs)].sort((a, b) => a - b).slice(0, 30) : xTicks, tickFormat: yearly ? String : zhNum }
        : { label: x, type: 'point', domain: [...new Set(data.map((d) => String(d.x)))], tickFormat: (d: string) => shorten(d, 8), tickRotate: data.length > 8 ? -30 : 0 },
      marginBottom: !xNumeric && data.length > 8 ? 70 : 40,
      y: { label: y, grid: true, ticks: yTicks, tickFormat: zhNum },
      marks: [m, Plot.ruleY([0])],
    });
  }
  // One labelled image for assistive technology; Plot's inner group labels are not allowed on plain <g>.
  const svg = (fig instanceof SVGSVGElement ? fig : fig.querySelector('svg'))!;
  svg.setAttribute('role', 'img');
  for (const g of svg.querySelectorAll('[aria-label]')) if (g !== svg) g.removeAttribute('aria-label');
  svg.setAttribute('aria-label', label);

  const settings: ChartSettings = { chart: mark, x, y };
  const figure = document.createElement('figure');
  figure.className = 'chart sql-quick-chart';
  figure.id = 'sql-chart-figure';
  const title = `${y} 对 ${x}(${MARKS[mark]})`;
  figure.dataset.title = title;
  figure.dataset.file = 'query-chart';
  figure.setAttribute('aria-labelledby', 'sql-chart-figure-t');
  const cap = document.createElement('figcaption');
  cap.id = 'sql-chart-figure-t';
  const link = document.createElement('a');
  link.className = 'chart-title';
  link.href = hooks.linkFor ? hooks.linkFor(settings) : '#sql-chart-figure';
  link.title = '本图的链接(含查询与图表设置)';
  link.textContent = title;
  cap.append(link);
  const plotBox = document.createElement('div');
  plotBox.className = 'chart-plot';
  plotBox.append(svg);
  const parts: HTMLElement[] = [cap, plotBox];
  const p = (cls: string, text: string) => { const e = document.createElement('p'); e.className = cls; e.textContent = text; return e; };
  if (note) parts.push(p('note', note));
  const source = p('chart-source', '数据来源:');
  const st = document.createElement('span');
  st.className = 'chart-source-text';
  st.textContent = '本站数据集上的 SQL 查询结果。';
  source.append(st);
  parts.push(source);
  const tools = p('chart-tools', '下载:');
  const csv = document.createElement('a');
  csv.href = csvDataUrl(csvText([x, y], data.map((d) => [d.x as string | number | null, d.y as string | number | null])));
  csv.download = 'query-chart.csv';
  csv.textContent = '数据(CSV)';
  csv.dataset.chartCsv = '';
  tools.append(csv);
  for (const kind of ['svg', 'png']) {
    const b = document.createElement('button');
    b.type = 'button';
    b.dataset.chartExport = kind;
    b.textContent = `图片(${kind.toUpperCase()})`;
    tools.append(' ', b);
  }
  parts.push(tools);
  figure.append(...parts);
  out.replaceChildren(figure);
  setupChartExports(document);
  hooks.onDraw?.(settings);
}
