/**
 * Comparisons beyond one province and level, shaped at build time:
 *
 *  - `levelRollups`: every level nationwide, year by year (the headline
 *    indicators rolled up over that level's reports). Aggregate reports (a
 *    government with its departments) are left out, so no body is counted twice.
 *  - `agencySeries`: one agency's headline indicators over the years, small,
 *    published as `compare/a/<agency_id>.json` for the page that compares any
 *    agencies a reader picks.
 */
import { HEADLINE, rollupAll, type IndicatorCode, type Indicators, type Rollup } from '../indicators.ts';
import { LEVELS, type Level, type Scope, type Status } from '../schema.ts';
import { csvText, type CsvValue } from './csv-text.ts';
import type { CompareRow } from './types.ts';

export interface LevelYear { year: number; reports: number; indicators: Partial<Record<IndicatorCode, Rollup>> }
export interface LevelSeries { level: Level; years: LevelYear[] }

/** `[value, numerator, denominator]` of one indicator (value NULL when not computable). */
export type Triple = [number | null, number | null, number | null];

export interface AgencySeries {
  id: string;
  name: string;
  province: string | null;
  level: Level;
  scope: Scope;
  /** Newest first. */
  years: { year: number; page: string; status: Status; values: Partial<Record<IndicatorCode, Triple>> }[];
}

interface Item { level: Level; scope: Scope; year: number | null; ind: Indicators }

export function levelRollups(items: Item[]): LevelSeries[] {
  const by = new Map<string, Indicators[]>();
  for (const i of items) {
    if (i.year === null || i.scope === 'aggregate') continue;
    const k = `${i.level}|${i.year}`;
    const list = by.get(k);
    if (list) list.push(i.ind); else by.set(k, [i.ind]);
  }
  const out: LevelSeries[] = [];
  for (const level of Object.keys(LEVELS) as Level[]) {
    const years: LevelYear[] = [];
    for (const [k, list] of by) {
      const [l, y] = k.split('|');
      if (l !== level) continue;
      const all = rollupAll(list);
      years.push({ year: Number(y), reports: list.length, indicators: Object.fromEntries(HEADLINE.map((c) => [c, all[c]])) });
    }
    if (years.length) out.push({ level, years: years.sort((a, b) => b.year - a.year) });
  }
  return out;
}

export function agencySeries(
  a: { id: string; name: string; province: string | null; level: Level; scope: Scope },
  reports: { year: number | null; page: string; status: Status; indicators: Indicators }[],
): AgencySeries {
  return {
    id: a.id, name: a.name, province: a.province, level: a.level, scope: a.scope,
    years: reports.filter((r) => r.year !== null).map((r) => ({
      year: r.year!, page: r.page, status: r.status,
      values: Object.fromEntries(HEADLINE.map((c) => {
        const x = r.indicators[c];
        return [c, [x.value, x.numerator, x.denominator] as Triple];
      })),
    })),
  };
}

/** Fewer reports than this in a peer group: no ranks (a rank of 1 / 1 says nothing). */
export const MIN_PEERS = 3;

/** What a rank cell says instead when too few peers are ranked (`of`: how many were). */
export const fewPeers = (of: number) => (of <= 1 ? '同级只有本机关' : `同级只有 ${of} 个机关,不排位次`);

/** One compare group's year as CSV: a row per agency, each headline indicator with its numerator, denominator and rank. */
export function compareCsv(rows: CompareRow[], year: number, siteRoot: string): string {
  const cols = ['agency', 'agency_id', 'report_id', 'year', 'scope', 'url'];
  for (const c of HEADLINE) cols.push(c, `${c}_numerator`, `${c}_denominator`, `${c}_rank`, `${c}_ranked_of`);
  return csvText(cols, rows.map((r) => {
    const out: CsvValue[] = [r.agency, r.agency_id, r.report_id, year, r.scope, /^https?:\/\//.test(r.page) ? r.page : siteRoot + r.page];
    for (const c of HEADLINE) {
      const v = r.values[c];
      const k = r.ranks[c];
      const ranked = k && k.of >= MIN_PEERS;
      out.push(v?.value ?? null, v?.numerator ?? null, v?.denominator ?? null, ranked ? k.rank : null, k?.of ?? null);
    }
    return out;
  }));
}

/** Every level nationwide, by year, as CSV (long: a row per level, year and indicator). */
export function levelsCsv(levels: LevelSeries[]): string {
  const rows: CsvValue[][] = [];
  for (const l of levels) for (const y of l.years) for (const c of HEADLINE) {
    const x = y.indicators[c];
    rows.push([l.level, LEVELS[l.level], y.year, y.reports, c, x?.value ?? null, x?.numerator ?? null, x?.denominator ?? null, x?.reports ?? null]);
  }
  return csvText(['level', 'level_zh', 'year', 'reports', 'indicator', 'value', 'numerator', 'denominator', 'reports_counted'], rows);
}
