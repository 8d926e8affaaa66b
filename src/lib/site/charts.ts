/**
 * Observable Plot charts rendered to SVG markup at build time (Plot's
 * `document` option with linkedom), so pages show them without JavaScript.
 * Each function takes already-shaped rows and returns an HTML string.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

const FONT = 'system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';
let doc: Document | undefined;

function document(): Document {
  doc ??= parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
  return doc;
}

function render(options: Plot.PlotOptions, label: string): string {
  const node = Plot.plot({
    document: document(),
    style: { fontFamily: FONT, fontSize: '12px', background: 'transparent' },
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
    .replace(/<svg (?=[^>]*aria-label=)/, '<svg role="img" ')
    .replace(/<svg (?![^>]*aria-label=)/g, '<svg aria-hidden="true" '); // legend swatches: the text beside them says it
}

export const OUTCOME_COLORS: Record<string, string> = {
  予以公开: '#2f7d32', 部分公开: '#7cb342', 不予公开: '#c62828', 无法提供: '#f9a825', 不予处理: '#6d4c41', 其他处理: '#90a4ae',
};

/** Bars of a count by year; `series` splits bars side by side (e.g. by scope). */
export function barsByYear(rows: { year: number; value: number; series?: string }[], opts: { label: string; y: string }): string {
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const split = rows.some((r) => r.series);
  return render({
    width: 560, height: 260, marginLeft: 56,
    x: split ? { axis: null, paddingOuter: 0.1 } : { type: 'band', domain: years, label: '年度', tickFormat: (d: number) => String(d) },
    fx: split ? { domain: years, label: '年度', tickFormat: (d: number) => String(d) } : undefined,
    // All zeros would give the scale an empty domain and a NaN tick: show 0…1 instead.
    y: { grid: true, label: opts.y, tickFormat: '~s', ...(rows.every((r) => !(r.value > 0)) ? { domain: [0, 1] } : {}) },
    color: split ? { legend: true, scheme: 'tableau10' } : undefined,
    marks: [
      Plot.barY(rows, {
        x: split ? 'series' : 'year', fx: split ? 'year' : undefined, y: 'value',
        fill: split ? 'series' : '#0b5cad', title: (d: { year: number; value: number; series?: string }) => `${d.year}${d.series ? ' ' + d.series : ''}: ${d.value}`,
      }),
      Plot.ruleY([0]),
    ],
  }, opts.label);
}

/** 100% stacked horizontal bars of handling outcomes, one bar per year. */
export function outcomeShares(rows: { year: number; group: string; value: number }[], label: string): string {
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => b - a);
  const groups = Object.keys(OUTCOME_COLORS);
  return render({
    width: 560, height: 70 + years.length * 34, marginLeft: 48,
    x: { percent: true, label: '占办理总数 (%)' },
    y: { domain: years.map(String), label: null },
    color: { legend: true, domain: groups, range: groups.map((g) => OUTCOME_COLORS[g]) },
    marks: [
      Plot.barX(rows.filter((r) => r.value > 0).map((r) => ({ ...r, y: String(r.year) })), Plot.stackX({
        offset: 'normalize', order: groups, x: 'value', y: 'y', fill: 'group',
        title: (d: { year: number; group: string; value: number }) => `${d.year} ${d.group}: ${d.value}`,
      })),
    ],
  }, label);
}
