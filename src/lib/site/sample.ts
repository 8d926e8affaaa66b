/**
 * Builds well-formed `Report` records for unit tests and for working on the
 * pages without a corpus. Numbers are consistent (every check would pass)
 * unless a test overrides cells. Not used by the production build.
 */
import { APPLICANT_PARTS, OUTCOME_CODES, PROCEEDING_CODES, type AppRow } from '../schema.ts';
import type { ApplicationRow, Report, ReviewRow } from '../types.ts';

export interface SampleOptions {
  id: string;
  agency?: string;
  agency_id?: string;
  year?: number;
  province?: string | null;
  city?: string | null;
  level?: Report['level'];
  scope?: Report['scope'];
  status?: Report['status'];
  /** natural-person counts for each handled row; other applicants get 0. */
  granted?: number;
  partially?: number;
  notHeld?: number;
  carriedOver?: number;
  carriedForward?: number;
  review?: [number, number, number, number];
}

export function sampleReport(o: SampleOptions): Report {
  const granted = o.granted ?? 10;
  const partially = o.partially ?? 2;
  const notHeld = o.notHeld ?? 3;
  const carriedOver = o.carriedOver ?? 1;
  const carriedForward = o.carriedForward ?? 1;
  const handled = granted + partially + notHeld;
  const newReceived = handled + carriedForward - carriedOver;
  const np: Partial<Record<AppRow, number>> = {
    new_received: newReceived, carried_over: carriedOver, granted, partially_granted: partially,
    unavailable_not_held: notHeld, total_handled: handled, carried_forward: carriedForward,
  };
  const rows: AppRow[] = [
    'new_received', 'carried_over', 'granted', 'partially_granted',
    'withheld_state_secret', 'withheld_law', 'withheld_security', 'withheld_third_party',
    'withheld_internal', 'withheld_process', 'withheld_enforcement', 'withheld_query',
    'unavailable_not_held', 'unavailable_need_create', 'unavailable_unclear',
    'rejected_complaint', 'rejected_duplicate', 'rejected_publication', 'rejected_excessive', 'rejected_confirm',
    'other_overdue_correction', 'other_overdue_fee', 'other_other', 'total_handled', 'carried_forward',
  ];
  const applications: ApplicationRow[] = [];
  rows.forEach((row, i) => {
    const v = np[row] ?? 0;
    for (const a of APPLICANT_PARTS) applications.push({ row, applicant: a, value: a === 'natural_person' ? v : 0, line: 40 + i });
    applications.push({ row, applicant: 'total', value: v, line: 40 + i });
  });
  const [up, corr, oth, pend] = o.review ?? [1, 1, 0, 0];
  const reviews: ReviewRow[] = [];
  for (const p of PROCEEDING_CODES) for (const out of OUTCOME_CODES) {
    const vals = { upheld: up, corrected: corr, other: oth, pending: pend, total: up + corr + oth + pend };
    reviews.push({ proceeding: p, outcome: out, value: p === 'review' ? vals[out] : 0, line: 70 });
  }
  return {
    report_id: o.id,
    agency: o.agency ?? '示例县人民政府',
    agency_id: o.agency_id ?? 'sample-agency',
    year: o.year ?? 2024,
    published_on: null,
    province: o.province === undefined ? '湖北省' : o.province,
    city: o.city === undefined ? '咸宁市' : o.city,
    county: null,
    township: null,
    region_code: null,
    level: o.level ?? 'county',
    scope: o.scope ?? 'office',
    template: '2021',
    status: o.status ?? 'ok',
    source_file: `${o.id}.txt`,
    source_sha256: '0'.repeat(64),
    title: null,
    source_url: null,
    encoding: 'utf-8',
    error: null,
    active_disclosure: [
      { item: 'regulation', metric: 'issued', value: 0, line: 30 },
      { item: 'license', metric: 'decisions', value: 100, line: 33 },
      { item: 'fee', metric: 'fee_amount', value: 12.5, line: 36 },
    ],
    applications,
    reviews,
    checks: [{ check: 'balance', passed: true, detail: '' }],
    sections: [{ section: 1, heading: '一、总体情况', text: '示例正文。' }],
    line_count: 80,
  };
}
