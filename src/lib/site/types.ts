/**
 * Shapes of the JSON that `writeSiteData` writes for the Astro pages
 * (under `<SITE_DATA_OUT>/site/`). Pages only read and render these.
 */
import type { IndicatorCode, Indicators, Rollup } from '../indicators.ts';
import type { CheckCode, Level, Scope, Status } from '../schema.ts';
import type { Report } from '../types.ts';
import type { Trends } from './trends.ts';

/** One report in a line: browse, quality, regions, compare. */
export interface ReportSummary {
  id: string;
  agency_id: string | null;
  agency: string | null;
  province: string | null;
  city: string | null;
  county: string | null;
  province_slug: string;
  city_slug: string | null;
  level: Level;
  scope: Scope;
  year: number | null;
  status: Status;
  template: string | null;
  new_received: number | null;
  total_handled: number | null;
  granted_rate: number | null;
  /** The report's page under the base, e.g. `agencies/<agency_id>/2024/` (see reportPage). */
  page: string;
}

export interface AgencySummary {
  id: string;
  name: string;
  pinyin: string;
  initials: string;
  province: string | null;
  city: string | null;
  county: string | null;
  township: string | null;
  province_slug: string;
  city_slug: string | null;
  level: Level;
  scope: Scope;
  years: number[];
  report_ids: string[];
  /** Latest year's status and 新收. */
  latest_status: Status;
  latest_new_received: number | null;
}

/** A cell of one of the three tables: `a:item:metric`, `p:row:applicant`, `r:proceeding:outcome`. */
export type CellKey = string;

export interface PeerRank {
  rank: number;
  of: number;
  /** Share of peers whose value is not higher, 0..100. */
  percentile: number;
}

export interface ReportView extends Report {
  /** The report's page under the base (see reportPage). */
  page: string;
  indicators: Indicators;
  /** Cells involved in a failed check → codes of those checks. */
  flags: Record<CellKey, CheckCode[]>;
  /** Rank among reports of the same province, level and year. */
  peers: { key: string; n: number; ranks: Partial<Record<IndicatorCode, PeerRank>> } | null;
}

export interface AgencyData {
  agency: AgencySummary;
  /** Newest year first. */
  reports: ReportView[];
}

/** One report page: the report's tables and its source text, so every number links within the page. */
export interface ReportPageData {
  report: ReportView;
  /** Decoded source lines (line n = lines[n-1]); only the leading part when the text is capped (see `full_text`). */
  lines: string[];
  /** Capped text: later lines a value was read from, [line number, text]. */
  more?: [number, string][];
  /** Capped text: lines in the whole text. */
  total_lines?: number;
  /** Capped text: the whole decoded text, under the data folder (`sources/<report_id>.txt`). */
  full_text?: string;
  /** Lines a value of the tables was read from. */
  used: number[];
  /** [line, column] of each value read, for the marks in the source text. */
  at: [number, number][];
  /** The agency's other reports, newest first (for the year links). */
  siblings: { year: number | null; page: string; status: Status }[];
}

export interface ScopeRollup {
  year: number;
  scope: Scope;
  reports: number;
  indicators: Record<IndicatorCode, Rollup>;
}

export interface RegionRef { slug: string; name: string; agencies: number; reports: number }

export interface RegionData {
  slug: string;
  name: string;
  kind: 'province' | 'city';
  parent: { slug: string; name: string } | null;
  cities: RegionRef[];
  agencies: Pick<AgencySummary, 'id' | 'name' | 'level' | 'scope' | 'years' | 'county' | 'city' | 'latest_status' | 'latest_new_received'>[];
  rollups: ScopeRollup[];
  /** 本年新收申请 of the region's largest agencies over the years (trends.ts). */
  trends: Trends;
}

export interface CompareRow {
  agency_id: string;
  agency: string;
  report_id: string;
  page: string;
  scope: Scope;
  values: Partial<Record<IndicatorCode, { value: number | null; numerator: number | null; denominator: number | null }>>;
  ranks: Partial<Record<IndicatorCode, PeerRank>>;
}

export interface CompareGroup {
  key: string;
  province: string;
  province_slug: string;
  level: Level;
  years: { year: number; rows: CompareRow[] }[];
}

export interface QualityEntry {
  id: string;
  page: string;
  agency: string | null;
  agency_id: string | null;
  year: number | null;
  status: Status;
  source_file: string;
  error: string | null;
  failed: { check: CheckCode; detail: string; cause: 'source' | 'parser' | null }[];
}

export interface SiteMeta {
  built_at: string;
  reports: number;
  agencies: number;
  status: Record<Status, number>;
  years: number[];
  levels: Level[];
  provinces: RegionRef[];
  /** Rolled-up figures by year and scope, for the home page. */
  rollups: ScopeRollup[];
  /** Handling outcomes summed by year and scope (总计 column), for charts. */
  outcomes: { year: number; scope: Scope; group: string; value: number }[];
  /** Review / litigation totals by year and scope. */
  disputes: { year: number; scope: Scope; proceeding: string; outcome: string; value: number }[];
  compare_groups: { key: string; province: string; level: Level; agencies: number }[];
  quality_pages: number;
  browse_page_size: number;
  /** Reports per year, status, province slug and level (counts beside facet links and options). */
  facets: Record<'year' | 'status' | 'province' | 'level', Record<string, number>>;
}
