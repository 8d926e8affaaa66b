/**
 * Records produced by the parser. A `Report` is exactly one line of
 * `npm run parse` output: the `reports` columns at top level, and each long
 * table as an array of its rows without `report_id`.
 */
import type {
  Applicant, AppRow, CheckCode, Item, Level, Metric, Outcome, Proceeding, Scope, Status, Template,
} from './schema.ts';
import type { Pending } from './parse/evidence.ts';

export interface ActiveRow { item: Item; metric: Metric; value: number | null; line: number | null; col?: number | null; page?: number | null }
export interface ApplicationRow { row: AppRow; applicant: Applicant; value: number | null; line: number | null; col?: number | null; page?: number | null }
export interface ReviewRow { proceeding: Proceeding; outcome: Outcome; value: number | null; line: number | null; col?: number | null; page?: number | null }
export interface CheckRow {
  check: CheckCode;
  passed: boolean;
  detail: string;
  /** Whose defect a failed check is: `source` (the report's own) or `parser` (not read); null when passed. */
  cause?: 'source' | 'parser' | null;
}
export interface SectionRow { section: number; heading: string; text: string }

export interface ReportMeta {
  report_id: string;
  agency: string | null;
  agency_id: string | null;
  year: number | null;
  /** ISO date YYYY-MM-DD */
  published_on: string | null;
  province: string | null;
  city: string | null;
  county: string | null;
  township: string | null;
  region_code: string | null;
  level: Level;
  scope: Scope;
  template: Template | null;
  status: Status;
  source_file: string;
  source_sha256: string;
  title: string | null;
  /** URL of the original publication, where the input says it (crawler header, canonical link). */
  source_url: string | null;
  /** Detected source encoding, e.g. `utf-8`, `utf-8-bom`, `gb18030`, `utf-16le`. */
  encoding: string | null;
  /** Why the report failed; null unless status is `failed`. */
  error: string | null;
}

export interface Report extends ReportMeta {
  active_disclosure: ActiveRow[];
  applications: ApplicationRow[];
  reviews: ReviewRow[];
  checks: CheckRow[];
  sections: SectionRow[];
  /** The place part of the agency's name (`平潭综合实验区` of `平潭综合实验区投资促进局`); not published. */
  agency_place?: string;
  /** Rows left partly NULL with the splits still possible (not published; for cross-year evidence). */
  pending?: Pending[];
  /** Number of source lines (after decoding), for the source-text page. */
  line_count?: number;
}
