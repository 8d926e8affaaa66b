/** The expected parse of a synthetic report, written next to it as `<name>.truth.json`. */
import type { Applicant, AppRow, Item, Level, Metric, Outcome, Proceeding, Scope, Template } from '../../../src/lib/schema.ts';
import type { Encoding } from './encode.ts';
import type { LayoutName } from './layouts/out.ts';
import type { TrapName } from './traps.ts';

export interface TruthValue {
  value: number | null;
  /** 1-based line of the decoded source where the value is printed (null when not printed). */
  line: number | null;
  /** The cell printed `—`, `/`, `无` or blank where the value was 0: 0 and NULL are both right. */
  zero_ok?: boolean;
  /**
   * The print can be read more than one way by every rule of the template (digits
   * run together, a lost or moved cell): `value` is NULL, and a number there is a guess.
   */
  open?: boolean;
  /** For a cell NULL because of how it printed (open, lost): the number the generator meant, for inspection only. */
  actual?: number;
  /** 1-based page where the value is printed, for reports written as PDF (`generate --pdf`). */
  page?: number | null;
}

export interface Truth {
  file: string;
  layout: LayoutName;
  web_chrome: boolean;
  encoding: Encoding;
  crlf: boolean;
  traps: TrapName[];
  /** A table was damaged (values missing): the report must not be `ok`. */
  damaged: boolean;
  /** `failed` when the report has no table text at all. */
  expect_status: 'failed' | null;

  agency: string;
  agency_kind: string;
  year: number;
  template: Template;
  level: Level;
  scope: Scope;
  province: string;
  city: string;
  county: string | null;
  township: string | null;
  region_code: string;
  /** The region can be resolved from names alone. */
  region_unique: boolean;
  published_on: string;
  title: string | null;

  active_disclosure: ({ item: Item; metric: Metric } & TruthValue)[];
  applications: ({ row: AppRow; applicant: Applicant } & TruthValue)[];
  reviews: ({ proceeding: Proceeding; outcome: Outcome } & TruthValue)[];
  /** Rows the template does not print (2021: other_total; 2019: the three (六) sub-rows): not compared. */
  not_printed: AppRow[];
  /** Real layouts: what the layout did beyond `traps` (`numbers_run`, `lost_cells`, `covering_letter` …). */
  layout_traps?: string[];
  /** Real layouts: the original publication URL the input states (crawl 原文链接, CMS canonical), or null. */
  source_url?: string | null;
}
