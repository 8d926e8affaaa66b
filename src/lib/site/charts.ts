/**
 * Observable Plot charts rendered to SVG markup at build time (Plot's
 * `document` option with linkedom), so pages show them without JavaScript.
 * Each function takes already-shaped rows and returns a ChartSpec: the SVG,
 * its legend (drawn as HTML beside it, in the page's font size) and the data
 * it shows (offered as CSV by the Chart component).
 *
 * Readable at the size it is shown: every chart is drawn WIDTH units wide with
 * 12-unit text, and the page shows it at least that wide (site.css), so its
 * text is never below 12 CSS px on a 390 px phone or on a desktop. Counts get
 * whole-number ticks, numbers are written the Chinese way (1,234 · 3.5万), a
 * bar is never wider than MAX_BAR, and a 0 is printed as 0.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { countTicks, zhNum } from './chart-format.ts';

/** Width of every build-time chart, in SVG units (= CSS px at scale 1); see figure.chart in site.css. */
export const WIDTH = 330;
/** Font size of chart text, in SVG units. */
export const FONT_SIZE = 12;
/** Widest bar, in SVG units. */
const MAX_BAR = 36;

const FONT = 'system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';
let doc: Document | undefined;

export interface LegendItem { label: string; color: string; kind?: 'bar' | 'line' }
export interface ChartData { columns: string[]; rows: (string | number | null)[][] }
export interface ChartSpec {
  svg: string;
  legend: LegendItem[];
  data: ChartData;
  /** Chinese description for assistive technology (the svg's label). */
  label: string;
}

function document(): Document {
  doc ??= parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
  return doc;
}

function render(options: Plot.PlotOptions, label: string): string {
  const node = Plot.plot({
    document: document(),
    width: WIDTH,
    style: { fontFamily: FONT, fontSize: `${FONT_SIZE}px`, background: 'transparent' },
    ariaLabel: label,
    ...options,
  }) as unknown as { outerHTML: string };
  // The whole chart is one image for assistive tech (its label and the caption
  // describe it); Plot's per-mark aria-labels on <g> are not allowed there.
  // Smaller markup (one chart per agency page, 50,000 reports): Plot's
  // per-chart <style> and font style live in site.css instead, coordinates
  // keep one decimal.
  return node.outerHTML
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<svg([^>]*?) style="[^"]*"/g, '<svg$1')
    .replace(/(\d\.\d)\d+/g, '$1')
    .replace(/(\d)\.0(?=\D)/g, '$1')
    .replace(/<g([^>]*?) aria-label="[^"]*"/g, '<g$1')
    .replace(/<svg (?=[^>]*aria-label=)/, '<svg role="img" ');
}

export const OUTCOME_COLORS: Record<string, string> = {
  予以公开: '#2f7d32', 部分公开: '#7cb342', 不予公开: '#c62828', 无法提供: '#f9a825', 不予处理: '#6d4c41', 其他处理: '#90a4ae',
};
/** Observable's tableau10, for series and agencies. */
export const SERIES_COLORS = ['#4e79a7', '#f28e2c', '#e15759', '#76b7b2', '#59a14f', '#edc949', '#af7aa1', '#ff9da7', '#9c755f', '#bab0ab'];

/** Horizontal inset that keeps a bar of `band` units at most MAX_BAR wide. */
function inset(band: number): number {
  return band > MAX_BAR ? (band - MAX_BAR) / 2 : 0;
}

const yearStr = (d: number) => String(d);

export interface YearValue { year: number; value: number | null; series?: string }

/**
 * Bars of a count by year; `series` splits bars side by side (e.g. by scope).
 * `years` fixes the year axis (a year with no value keeps its place and is
 * marked 未填报); a value of 0 is labelled 0.
 */
export function barsByYear(rows: YearValue[], opts: { label: string; unit: string; years?: number[] }): ChartSpec {
  const years = [...new Set([...(opts.years ?? []), ...rows.map((r) => r.year)])].sort((a, b) => a - b);
  const series = [...new Set(rows.map((r) => r.series).filter((s): s is string => !!s))];
  const split = series.length > 0;
  const given = rows.filter((r) => r.value !== null) as (YearValue & { value: number })[];
  const positive = given.some((r) => r.value > 0);
  const { ticks, top } = positive ? countTicks(Math.max(...given.map((r) => r.value))) : { ticks: [0], top: 1 };
  const marginLeft = 8 + 7 * Math.max(...ticks.map((t) => zhNum(t).length)) + 8;
  const marginRight = 8;
  const area = WIDTH - marginLeft - marginRight;
  const step = area / Math.max(1, years.length);
  const color = (s?: string) => (s ? SERIES_COLORS[series.indexOf(s) % SERIES_COLORS.length] : '#0b5cad');
  // Band widths as Plot lays them out (padding 0.1 on each band scale).
  const bar = split ? (step * 0.9) / series.length * 0.9 : step * 0.9;
  const ins = inset(bar);
  // Value labels where they fit (≈7 units per character); a 0 is always labelled.
  const fits = (d: { value: number }) => d.value === 0 || zhNum(d.value).length * 7 <= (split ? (step * 0.9) / series.length : step);
  const labelled = given.filter(fits);
  const missingYears = years.filter((y) => !rows.some((r) => r.year === y && r.value !== null));
  const xOpt = split ? { x: 'series', fx: 'year' } : { x: 'year' };
  const marks: Plot.Markish[] = [
    Plot.ruleY([0]),
    Plot.barY(given, {
      ...xOpt, y: 'value', fill: split ? (d: YearValue) => color(d.series) : '#0b5cad', insetLeft: ins, insetRight: ins,
      title: (d: YearValue) => `${d.year}年${d.series ? ' ' + d.series : ''}:${zhNum(d.value)} ${opts.unit}`,
    }),
    Plot.text(labelled, { ...xOpt, y: 'value', text: (d: YearValue) => zhNum(d.value), dy: -3, lineAnchor: 'bottom', fill: 'currentColor' }),
  ];
  if (missingYears.length) {
    marks.push(Plot.text(missingYears.map((year) => ({ year, series: series[0] })), {
      ...(split ? { fx: 'year', frameAnchor: 'bottom' } : { x: 'year', y: 0 }), text: () => (step >= 40 ? '未填报' : '—'),
      dy: -3, lineAnchor: 'bottom', fill: '#57606a',
    }));
  }
  const svg = render({
    // Nothing but zeros (or nothing reported): a low strip of 0 labels, not a tall empty frame.
    height: positive ? 230 : 110, marginLeft, marginRight, marginTop: 20, marginBottom: 28,
    x: split ? { axis: null, domain: series, paddingInner: 0.1, paddingOuter: 0.05 } : { type: 'band', domain: years, label: null, tickFormat: yearStr, tickSize: 0 },
    fx: split ? { domain: years, label: null, tickFormat: yearStr, padding: 0.1 } : undefined,
    y: { domain: [0, top], ticks, tickFormat: zhNum, grid: true, label: null },
    color: { type: 'identity' },
    marks,
  }, opts.label);
  const data: ChartData = split
    ? { columns: ['年度', '系列', `数值(${opts.unit})`], rows: years.flatMap((y) => series.map((s) => [y, s, rows.find((r) => r.year === y && r.series === s)?.value ?? null])) }
    : { columns: ['年度', `数值(${opts.unit})`], rows: years.map((y) => [y, rows.find((r) => r.year === y)?.value ?? null]) };
  return { svg, legend: series.map((s) => ({ label: s, color: color(s) })), data, label: opts.label };
}

/** 100% stacked horizontal bars of handling outcomes, one bar per year. */
export function outcomeShares(rows: { year: number; group: string; value: number | null }[], label: string): ChartSpec {
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => b - a);
  const groups = Object.keys(OUTCOME_COLORS);
  const totals = new Map<number, number>();
  for (const r of rows) if (r.value !== null) totals.set(r.year, (totals.get(r.year) ?? 0) + r.value);
  // A year with no outcome at all cannot be a 100% bar: it says why instead (0 handled, or not reported).
  const empty = years.filter((y) => !(totals.get(y)! > 0)).map((y) => ({ y: String(y), text: totals.has(y) ? '办理总数为 0' : '未填报' }));
  const svg = render({
    height: 40 + years.length * 30, marginLeft: 40, marginRight: 16, marginTop: 8, marginBottom: 24,
    x: { percent: true, label: null, ticks: [0, 25, 50, 75, 100], tickFormat: (d: number) => `${d}%` },
    y: { domain: years.map(String), label: null, tickSize: 0 },
    color: { domain: groups, range: groups.map((g) => OUTCOME_COLORS[g]) },
    marks: [
      Plot.text(empty, { x: 0, y: 'y', text: 'text', textAnchor: 'start', dx: 6, fill: '#57606a' }),
      Plot.barX(rows.filter((r) => r.value !== null && r.value > 0).map((r) => ({ ...r, y: String(r.year) })), Plot.stackX({
        offset: 'normalize', order: groups, x: 'value', y: 'y', fill: 'group',
        title: (d: { year: number; group: string; value: number }) =>
          `${d.year}年 ${d.group}:${zhNum(d.value)} 件(${((100 * d.value) / (totals.get(d.year) || 1)).toFixed(1)}%)`,
      })),
      Plot.ruleX([0]),
    ],
  }, label);
  const data: ChartData = {
    columns: ['年度', '办理结果', '件数', '占比(%)'],
    rows: [...years].reverse().flatMap((y) => groups.map((g) => {
      const v = rows.find((r) => r.year === y && r.group === g)?.value ?? null;
      const t = totals.get(y) ?? 0;
      return [y, g, v, v === null || !t ? null : Number(((100 * v) / t).toFixed(2))];
    })),
  };
  return { svg, legend: groups.map((g) => ({ label: g, color: OUTCOME_COLORS[g] })), data, label };
}

export interface TrendSeries { id: string; name: string; points: { year: number; value: number | null }[] }

/**
 * Several agencies over the years: one coloured line (with a dot per year, so
 * a single year still shows) per agency, at most SERIES_COLORS.length of them.
 */
export function trendLines(series: TrendSeries[], opts: { label: string; unit: string }): ChartSpec {
  const shown = series.slice(0, SERIES_COLORS.length);
  const years = [...new Set(series.flatMap((s) => s.points.map((p) => p.year)))].sort((a, b) => a - b);
  const pts = shown.flatMap((s, i) => s.points.filter((p) => p.value !== null).map((p) => ({ ...p, name: s.name, color: SERIES_COLORS[i] })));
  const { ticks, top } = countTicks(Math.max(0, ...pts.map((p) => p.value!)));
  const marginLeft = 8 + 7 * Math.max(...ticks.map((t) => zhNum(t).length)) + 8;
  // Lines break where a year is not reported: every agency gets every year, NULL where missing.
  const full = shown.flatMap((s, i) => years.map((year) => ({ year, value: s.points.find((p) => p.year === year)?.value ?? null, name: s.name, color: SERIES_COLORS[i] })));
  const svg = render({
    height: 250, marginLeft, marginRight: 14, marginTop: 16, marginBottom: 28,
    x: { type: 'point', domain: years, label: null, tickFormat: yearStr, padding: 0.3 },
    y: { domain: [0, top], ticks, tickFormat: zhNum, grid: true, label: null },
    color: { type: 'identity' },
    marks: [
      Plot.ruleY([0]),
      Plot.line(full, { x: 'year', y: 'value', z: 'name', stroke: 'color', strokeWidth: 2 }),
      Plot.dot(pts, { x: 'year', y: 'value', fill: 'color', r: 3, title: (d: { year: number; value: number; name: string }) => `${d.name} ${d.year}年:${zhNum(d.value)} ${opts.unit}` }),
    ],
  }, opts.label);
  const data: ChartData = {
    columns: ['机关', '机关编号', '年度', `数值(${opts.unit})`],
    rows: series.flatMap((s) => years.map((y) => [s.name, s.id, y, s.points.find((p) => p.year === y)?.value ?? null])),
  };
  return { svg, legend: shown.map((s, i) => ({ label: s.name, color: SERIES_COLORS[i], kind: 'line' as const })), data, label: opts.label };
}
