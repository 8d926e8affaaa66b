/**
 * Hand-read truth of real reports (tests/fixtures/real-truth/*.json, format in
 * ../shared/corpus/README.md) and how a parsed report scores against it.
 *
 * A cell is `right` when the parsed value equals the truth (NULL = NULL),
 * `missing` when the parser left NULL where the truth has a value (honest, but
 * not read), `wrong` when the parser gives a value that differs from the truth,
 * including a value where the truth is NULL.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APPLICANT_CODES, OUTCOME_CODES, PROCEEDING_CODES } from '../../src/lib/schema.ts';
import type { Report } from '../../src/lib/types.ts';

export interface RealTruth {
  file: string;
  agency_contains: string;
  year: number;
  published_on: string | null;
  template: '2019' | '2021';
  /** row code → 7 values (six applicant columns, then total) */
  applications: Record<string, (number | null)[]>;
  /** 15 values: review, suit_direct, suit_after_review × upheld, corrected, other, pending, total */
  reviews: (number | null)[];
  /** item → metric → value */
  active: Record<string, Record<string, number | null>>;
  notes: string[];
}

export const TRUTH_DIR = 'tests/fixtures/real-truth';

export function loadTruths(dir = TRUTH_DIR): RealTruth[] {
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as RealTruth);
}

export interface CellResult {
  table: 'applications' | 'reviews' | 'active_disclosure';
  cell: string;
  truth: number | null;
  got: number | null;
  verdict: 'right' | 'missing' | 'wrong';
}

export interface Score {
  file: string;
  status: Report['status'];
  cells: CellResult[];
  right: number;
  missing: number;
  wrong: number;
  /** Metadata differences (agency, year, template, published_on), in words. */
  meta: string[];
}

const same = (a: number | null, b: number | null) =>
  a === b || (a !== null && b !== null && Math.abs(a - b) < 1e-6);

function verdict(truth: number | null, got: number | null): CellResult['verdict'] {
  if (same(truth, got)) return 'right';
  return got === null ? 'missing' : 'wrong';
}

/** Score one parsed report against its truth. */
export function scoreReport(report: Report, truth: RealTruth): Score {
  const cells: CellResult[] = [];
  const app = new Map(report.applications.map((a) => [`${a.row}/${a.applicant}`, a.value]));
  for (const [row, values] of Object.entries(truth.applications)) {
    values.forEach((t, i) => {
      const key = `${row}/${APPLICANT_CODES[i]}`;
      const got = app.get(key) ?? null;
      cells.push({ table: 'applications', cell: key, truth: t, got, verdict: verdict(t, got) });
    });
  }
  const rev = new Map(report.reviews.map((r) => [`${r.proceeding}/${r.outcome}`, r.value]));
  truth.reviews.forEach((t, i) => {
    const key = `${PROCEEDING_CODES[Math.floor(i / 5)]}/${OUTCOME_CODES[i % 5]}`;
    const got = rev.get(key) ?? null;
    cells.push({ table: 'reviews', cell: key, truth: t, got, verdict: verdict(t, got) });
  });
  const act = new Map(report.active_disclosure.map((a) => [`${a.item}/${a.metric}`, a.value]));
  for (const [item, metrics] of Object.entries(truth.active)) {
    for (const [metric, t] of Object.entries(metrics)) {
      const key = `${item}/${metric}`;
      const got = act.get(key) ?? null;
      cells.push({ table: 'active_disclosure', cell: key, truth: t, got, verdict: verdict(t, got) });
    }
  }
  const meta: string[] = [];
  if (!report.agency?.includes(truth.agency_contains)) meta.push(`agency ${report.agency} ∌ ${truth.agency_contains}`);
  if (report.year !== truth.year) meta.push(`year ${report.year} ≠ ${truth.year}`);
  if (report.template !== truth.template) meta.push(`template ${report.template} ≠ ${truth.template}`);
  if (report.published_on !== truth.published_on) meta.push(`published_on ${report.published_on} ≠ ${truth.published_on}`);
  const count = (v: CellResult['verdict']) => cells.filter((c) => c.verdict === v).length;
  return { file: truth.file, status: report.status, cells, right: count('right'), missing: count('missing'), wrong: count('wrong'), meta };
}
