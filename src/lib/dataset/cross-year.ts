/**
 * Checks across an agency's consecutive years: this year's 上年结转 equals last
 * year's 结转下年度 (a mismatch flags both reports), and, softer, last year's
 * 现行有效 + this year's 制发 − 废止 = this year's 现行有效 (also flagged on
 * both reports; its detail notes that documents can also expire on their own).
 */
import { APPLICANTS } from '../schema.ts';
import type { Report } from '../types.ts';

const app = (r: Report, row: string, col: string) => r.applications.find((a) => a.row === row && a.applicant === col)?.value ?? null;
const act = (r: Report, item: string, metric: string) => r.active_disclosure.find((a) => a.item === item && a.metric === metric)?.value ?? null;

export function applyCrossYearChecks(reports: Report[]): void {
  const byAgency = new Map<string, Report[]>();
  for (const r of reports) {
    // Without a resolved region, same-named bodies (鼓楼区人民政府…) cannot be told apart: no cross-year checks.
    // Only the reports that count (no duplicate, no superseded correction: duplicates.ts) are compared.
    if (!r.agency_id || r.agency_id.startsWith('x-') || r.year === null || r.status === 'failed' || r.counted === false) continue;
    const list = byAgency.get(r.agency_id);
    if (list) list.push(r); else byAgency.set(r.agency_id, [r]);
  }
  for (const list of byAgency.values()) {
    if (list.length < 2) continue;
    const byYear = new Map<number, Report>();
    for (const r of list) if (!byYear.has(r.year!)) byYear.set(r.year!, r);
    for (const [year, cur] of byYear) {
      const prev = byYear.get(year - 1);
      if (!prev) continue;
      carryOver(prev, cur);
      inForce(prev, cur);
    }
  }
}

function carryOver(prev: Report, cur: Report) {
  const fail: string[] = [];
  let compared = 0;
  for (const col of Object.keys(APPLICANTS)) {
    const a = app(prev, 'carried_forward', col), b = app(cur, 'carried_over', col);
    if (a === null || b === null) continue;
    compared++;
    if (a !== b) fail.push(`${APPLICANTS[col as keyof typeof APPLICANTS]}列:${prev.year} 年结转下年度 ${a},${cur.year} 年上年结转 ${b}`);
  }
  if (compared === 0) return;
  const passed = fail.length === 0;
  const detail = passed
    ? `${prev.year} 年结转下年度与 ${cur.year} 年上年结转一致(${compared} 列)`
    : `跨年度不一致:${fail.join(';')}`;
  for (const r of [prev, cur]) {
    r.checks.push({ check: 'carry_over_prev', passed, detail });
    if (!passed && r.status === 'ok') r.status = 'warnings';
  }
}

function inForce(prev: Report, cur: Report) {
  const fail: string[] = [];
  let compared = 0;
  for (const item of ['regulation', 'normative_document']) {
    const before = act(prev, item, 'in_force'), issued = act(cur, item, 'issued'), repealed = act(cur, item, 'repealed'), now = act(cur, item, 'in_force');
    if ([before, issued, repealed, now].some((x) => x === null)) continue;
    compared++;
    const expect = before! + issued! - repealed!;
    if (expect !== now) fail.push(`${item === 'regulation' ? '规章' : '规范性文件'}:${prev.year} 年现行有效 ${before} + ${cur.year} 年制发 ${issued} − 废止 ${repealed} = ${expect},但 ${cur.year} 年现行有效为 ${now}`);
  }
  if (compared === 0) return;
  const passed = fail.length === 0;
  const detail = passed ? `现行有效件数与上年衔接一致` : `${fail.join(';')}(软性检查:文件也可能因到期自然失效,请核对原文)`;
  for (const r of [prev, cur]) {
    r.checks.push({ check: 'in_force_prev', passed, detail });
    if (!passed && r.status === 'ok') r.status = 'warnings';
  }
}
