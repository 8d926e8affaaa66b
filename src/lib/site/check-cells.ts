/**
 * Which table cells a failed check is about, so the agency page can highlight
 * them with the check's detail. The checks table only says which rule failed;
 * here the rule is re-applied to find the columns/rows that break it. When
 * that cannot pin anything down (e.g. values missing), every cell the rule
 * reads is flagged.
 */
import { APP_GROUPS, APPLICANT_CODES, APPLICANT_PARTS, OUTCOME_CODES, PROCEEDING_CODES, type AppRow, type CheckCode } from '../schema.ts';
import type { Report } from '../types.ts';
import type { CellKey } from './types.ts';

export const appKey = (row: string, applicant: string): CellKey => `p:${row}:${applicant}`;
export const activeKey = (item: string, metric: string): CellKey => `a:${item}:${metric}`;
export const reviewKey = (proceeding: string, outcome: string): CellKey => `r:${proceeding}:${outcome}`;

const eq = (a: number, b: number) => Math.abs(a - b) < 1e-6;

export function flaggedCells(report: Pick<Report, 'checks' | 'applications' | 'reviews' | 'active_disclosure'>): Record<CellKey, CheckCode[]> {
  const flags: Record<CellKey, CheckCode[]> = {};
  const failed = new Set(report.checks.filter((c) => !c.passed).map((c) => c.check));
  if (failed.size === 0) return flags;
  const mark = (key: CellKey, code: CheckCode) => {
    const list = (flags[key] ??= []);
    if (!list.includes(code)) list.push(code);
  };
  const app = new Map<string, number | null>();
  for (const r of report.applications) app.set(appKey(r.row, r.applicant), r.value);
  const v = (row: AppRow, a: string) => app.get(appKey(row, a)) ?? null;
  const rev = new Map<string, number | null>();
  for (const r of report.reviews) rev.set(reviewKey(r.proceeding, r.outcome), r.value);

  /** Flag `rows` in each column where `broken(col)` is true; all columns when none is provably broken. */
  const byColumn = (code: CheckCode, rows: AppRow[], broken: (a: string) => boolean, cols = APPLICANT_CODES as string[]) => {
    const bad = cols.filter(broken);
    for (const a of bad.length ? bad : cols) for (const row of rows) mark(appKey(row, a), code);
  };
  const sum = (xs: (number | null)[]) => (xs.some((x) => x === null) ? null : xs.reduce((s: number, x) => s + (x as number), 0));

  for (const code of failed) {
    switch (code) {
      case 'balance': {
        const rows: AppRow[] = ['new_received', 'carried_over', 'total_handled', 'carried_forward'];
        byColumn(code, rows, (a) => {
          const [n, c, t, f] = rows.map((r) => v(r, a));
          return n !== null && c !== null && t !== null && f !== null && !eq(n + c, t + f);
        });
        break;
      }
      case 'row_total': {
        const rows = [...new Set(report.applications.map((r) => r.row))];
        const bad = rows.filter((row) => {
          const t = v(row, 'total');
          const s = sum(APPLICANT_PARTS.map((a) => v(row, a)));
          return t !== null && s !== null && !eq(t, s);
        });
        if (bad.length) for (const row of bad) for (const a of APPLICANT_CODES) mark(appKey(row, a), code);
        else for (const row of rows) mark(appKey(row, 'total'), code);
        break;
      }
      case 'group_total': {
        const members: AppRow[] = [
          ...APP_GROUPS.granted, ...APP_GROUPS.partially_granted, ...APP_GROUPS.withheld,
          ...APP_GROUPS.unavailable, ...APP_GROUPS.rejected,
        ];
        byColumn(code, ['total_handled'], (a) => {
          const t = v('total_handled', a);
          const other = v('other_total', a) ?? sum(APP_GROUPS.other.map((r) => v(r, a)));
          const s = sum([...members.map((r) => v(r, a)), other]);
          return t !== null && s !== null && !eq(t, s);
        });
        break;
      }
      case 'other_total': {
        const rows: AppRow[] = ['other_total', ...APP_GROUPS.other];
        byColumn(code, rows, (a) => {
          const t = v('other_total', a);
          const s = sum(APP_GROUPS.other.map((r) => v(r, a)));
          return t !== null && s !== null && !eq(t, s);
        });
        break;
      }
      case 'review_total': {
        const bad = PROCEEDING_CODES.filter((p) => {
          const t = rev.get(reviewKey(p, 'total')) ?? null;
          const s = sum(['upheld', 'corrected', 'other', 'pending'].map((o) => rev.get(reviewKey(p, o)) ?? null));
          return t !== null && s !== null && !eq(t, s);
        });
        for (const p of bad.length ? bad : PROCEEDING_CODES) for (const o of OUTCOME_CODES) mark(reviewKey(p, o), code);
        break;
      }
      case 'missing_cells': {
        for (const r of report.applications) if (r.value === null) mark(appKey(r.row, r.applicant), code);
        for (const r of report.reviews) if (r.value === null) mark(reviewKey(r.proceeding, r.outcome), code);
        for (const r of report.active_disclosure) if (r.value === null) mark(activeKey(r.item, r.metric), code);
        break;
      }
      case 'carry_over_prev':
        for (const a of APPLICANT_CODES) if (app.has(appKey('carried_over', a))) mark(appKey('carried_over', a), code);
        break;
      case 'in_force_prev':
        for (const r of report.active_disclosure) if (r.metric === 'in_force') mark(activeKey(r.item, r.metric), code);
        break;
      default:
        // tables_found, run_together: no single cell; shown in the check list only.
        break;
    }
  }
  return flags;
}
