/**
 * Compare a parsed report with its truth. A value is
 * - `right`: equal to the truth (or 0/NULL where the cell printed a dash/blank for 0),
 * - `missing`: the parser gave NULL where the truth has a number,
 * - `wrong`: the parser gave a number that differs from the truth (incl. a number where the truth is NULL;
 *   `open` marks a cell the print leaves open, where any number is a guess).
 */
import type { Report } from '../../../src/lib/types.ts';
import type { Truth } from './truth.ts';

export interface ValueIssue { file: string; key: string; expected: number | null; got: number | null; kind: 'missing' | 'wrong'; open?: true }
export interface MetaIssue { file: string; field: string; expected: unknown; got: unknown; kind: 'missing' | 'wrong' }

export interface Comparison {
  file: string;
  total: number;
  right: number;
  missing: ValueIssue[];
  wrong: ValueIssue[];
  /** Values whose provenance line matched (of those with a truth line). */
  linesRight: number;
  linesTotal: number;
  /** Values read right but attributed to another line: key, truth line, parsed line. */
  lineIssues: { key: string; expected: number; got: number | null }[];
  meta: MetaIssue[];
  metaRight: number;
  metaTotal: number;
  /** Fields reported for accuracy only (level, scope, published_on, title): field → right? */
  soft: { field: string; expected: unknown; got: unknown; right: boolean }[];
  status: string;
  /** Status rule violations: damaged but ok, expected failed but not, missing values but ok. */
  statusIssues: string[];
}

const eq = (a: number, b: number) => Math.abs(a - b) < 1e-6 * Math.max(1, Math.abs(a));

export function compare(report: Report, truth: Truth, opts: { checkLines?: boolean } = {}): Comparison {
  const file = truth.file;
  const got = new Map<string, { value: number | null; line: number | null }>();
  for (const r of report.active_disclosure) got.set(`a.${r.item}.${r.metric}`, r);
  for (const r of report.applications) got.set(`p.${r.row}.${r.applicant}`, r);
  for (const r of report.reviews) got.set(`r.${r.proceeding}.${r.outcome}`, r);
  const c: Comparison = {
    file, total: 0, right: 0, missing: [], wrong: [], linesRight: 0, linesTotal: 0, lineIssues: [],
    meta: [], metaRight: 0, metaTotal: 0, soft: [], status: report.status, statusIssues: [],
  };
  const expect = [
    ...truth.active_disclosure.map((t) => [`a.${t.item}.${t.metric}`, t] as const),
    ...truth.applications.map((t) => [`p.${t.row}.${t.applicant}`, t] as const),
    ...truth.reviews.map((t) => [`r.${t.proceeding}.${t.outcome}`, t] as const),
  ];
  for (const [key, t] of expect) {
    c.total++;
    const g = got.get(key);
    const v = g?.value ?? null;
    if (t.value === null) {
      if (v === null || (t.zero_ok && v === 0)) c.right++;
      else c.wrong.push({ file, key, expected: null, got: v, kind: 'wrong', ...(t.open ? { open: true as const } : {}) });
    } else if (v === null) {
      c.missing.push({ file, key, expected: t.value, got: null, kind: 'missing' });
    } else if (eq(v, t.value)) {
      c.right++;
      if (opts.checkLines && t.line !== null) {
        c.linesTotal++;
        if (g?.line === t.line) c.linesRight++;
        else c.lineIssues.push({ key, expected: t.line, got: g?.line ?? null });
      }
    } else {
      c.wrong.push({ file, key, expected: t.value, got: v, kind: 'wrong' });
    }
  }
  // metadata: a NULL is `missing`, a different non-null value is `wrong`
  const metaFields: [string, unknown, unknown][] = [
    ['agency', truth.agency, report.agency],
    ['year', truth.year, report.year],
    ['template', truth.template, report.template],
  ];
  if (truth.region_unique) {
    metaFields.push(['province', truth.province, report.province], ['city', truth.city, report.city]);
    if (truth.county) metaFields.push(['county', truth.county, report.county]);
    if (truth.township) metaFields.push(['township', truth.township, report.township]);
  }
  if (truth.expect_status === null) {
    for (const [field, e, g] of metaFields) {
      c.metaTotal++;
      if (g === null || g === undefined) c.meta.push({ file, field, expected: e, got: null, kind: 'missing' });
      else if (g !== e) c.meta.push({ file, field, expected: e, got: g, kind: 'wrong' });
      else c.metaRight++;
    }
  }
  if (truth.expect_status === null) {
    for (const [field, e, g] of [
      ['level', truth.level, report.level], ['scope', truth.scope, report.scope],
      ['published_on', truth.published_on, report.published_on], ['title', truth.title, report.title],
      ...(truth.source_url === undefined ? [] : [['source_url', truth.source_url, report.source_url] as const]),
    ] as const) c.soft.push({ field, expected: e, got: g, right: e === g });
  }
  if (truth.expect_status === 'failed' && report.status !== 'failed') c.statusIssues.push(`picture-only report has status ${report.status}, expected failed`);
  if (truth.damaged && report.status === 'ok') c.statusIssues.push('damaged table but status ok');
  if (c.missing.length > 0 && report.status === 'ok') c.statusIssues.push(`${c.missing.length} values unread (NULL) but status ok`);
  return c;
}
