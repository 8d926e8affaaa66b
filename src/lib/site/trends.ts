/**
 * Several agencies over the years (a region's bodies, a peer group): one
 * series of 本年新收申请 per agency, the agencies with the largest numbers
 * first, for charts.ts `trendLines`.
 */
import { trendLines, type ChartSpec, type TrendSeries } from './charts.ts';
import type { CompareGroup } from './types.ts';

export interface TrendInput { agency_id: string | null; agency: string | null; year: number | null; value: number | null }

/** Agencies shown in one trend chart; the others are counted and reachable in the data. */
export const TREND_LIMIT = 8;

export interface Trends {
  /** The TREND_LIMIT agencies with the largest single-year value, largest first. */
  series: TrendSeries[];
  /** Agencies with at least one reported value (shown or not). */
  agencies: number;
  years: number[];
}

export function agencyTrends(rows: TrendInput[], limit = TREND_LIMIT): Trends {
  const by = new Map<string, TrendSeries & { max: number; names: Map<string, number> }>();
  for (const r of rows) {
    if (!r.agency_id || r.year === null) continue;
    let s = by.get(r.agency_id);
    if (!s) { s = { id: r.agency_id, name: r.agency_id, points: [], max: -1, names: new Map() }; by.set(r.agency_id, s); }
    if (r.agency) s.names.set(r.agency, (s.names.get(r.agency) ?? 0) + 1);
    // Two reports of one agency for one year: keep the larger (they are rare, and flagged elsewhere).
    const p = s.points.find((x) => x.year === r.year);
    if (p) { if (r.value !== null && (p.value === null || r.value > p.value)) p.value = r.value; } else s.points.push({ year: r.year, value: r.value });
    if (r.value !== null) s.max = Math.max(s.max, r.value);
  }
  // The name most of the agency's reports give (one badly read title does not rename the line).
  for (const s of by.values()) s.name = [...s.names].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length)[0]?.[0] ?? s.id;
  const withValues = [...by.values()].filter((s) => s.max >= 0);
  withValues.sort((a, b) => b.max - a.max || a.name.localeCompare(b.name, 'zh-CN'));
  const years = [...new Set(rows.map((r) => r.year).filter((y): y is number => y !== null))].sort((a, b) => a - b);
  return {
    series: withValues.slice(0, limit).map(({ max: _max, names: _names, ...s }) => ({ ...s, points: s.points.sort((a, b) => a.year - b.year) })),
    agencies: withValues.length,
    years,
  };
}

/** The trend chart of a Trends (charts.ts trendLines), or null when no agency has a value. */
export function trendChart(t: Trends, label: string): ChartSpec | null {
  return t.series.length ? trendLines(t.series, { label, unit: '件' }) : null;
}

/** A compare group's agencies over its years (from the group's per-year rows). */
export function compareTrends(g: Pick<CompareGroup, 'years'>): Trends {
  return agencyTrends(g.years.flatMap((y) => y.rows.map((r) => ({ agency_id: r.agency_id, agency: r.agency, year: y.year, value: r.values.new_received?.value ?? null }))));
}
