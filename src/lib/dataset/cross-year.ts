/**
 * Checks across an agency's consecutive years: this year's 上年结转 equals last
 * year's 结转下年度 (a mismatch flags both reports), and, softer, last year's
 * 现行有效 + this year's 制发 − 废止 = this year's 现行有效 (also flagged on
 * both reports; its detail notes that documents can also expire on their own).
 */
import { APPLICANTS } from '../schema.ts';
import type { Report } from '../types.ts';
import type { Pending } from '../parse/evidence.ts';
import { notePending } from '../parse/report.ts';

const app = (r: Report | undefined, row: string, col: string) => r?.applications.find((a) => a.row === row && a.applicant === col)?.value ?? null;
const act = (r: Report | undefined, item: string, metric: string) => r?.active_disclosure.find((a) => a.item === item && a.metric === metric)?.value ?? null;

/** Reports of one agency by statistics year (agencies with a resolved region only). */
function byAgencyYear(reports: Report[]): Map<number, Report>[] {
  const byAgency = new Map<string, Map<number, Report>>();
  for (const r of reports) {
    if (!r.agency_id || r.agency_id.startsWith('x-') || r.year === null || r.status === 'failed') continue;
    let years = byAgency.get(r.agency_id);
    if (!years) byAgency.set(r.agency_id, (years = new Map()));
    if (!years.has(r.year)) years.set(r.year, r);
  }
  return [...byAgency.values()];
}

/**
 * Evidence from the same agency's neighbouring years for rows the report's
 * own arithmetic left open: this year's 上年结转 is last year's 结转下年度 (and
 * the other way round); last year's 现行有效 + this year's 制发 − 废止 is this
 * year's 现行有效. Where it singles out one split, the split is noted in the
 * row's `run_together` detail for review; the cells stay NULL (see
 * `notePending`). Returns how many rows got a note.
 */
export function applyCrossYearEvidence(reports: Report[]): number {
  let noted = 0;
  for (const years of byAgencyYear(reports)) {
    for (const [year, cur] of years) {
      for (const p of cur.pending ?? []) {
        const found = fromNeighbours(p, years.get(year - 1), years.get(year + 1));
        if (!found) continue;
        notePending(cur, p, found.values, found.why);
        noted++;
      }
    }
  }
  return noted;
}

/** The one candidate of `p` the neighbouring years agree with, if exactly one. */
function fromNeighbours(p: Pending, prev: Report | undefined, next: Report | undefined): { values: (number | null)[]; why: string } | null {
  const tests: ((c: (number | null)[]) => boolean)[] = [];
  const why: string[] = [];
  const v = (c: (number | null)[], col: string) => c[p.cols.indexOf(col)];
  if (p.table === 'applications' && (p.row === 'carried_over' || p.row === 'carried_forward')) {
    const other = p.row === 'carried_over' ? prev : next;
    const row = p.row === 'carried_over' ? 'carried_forward' : 'carried_over';
    const known = p.cols.filter((col) => app(other, row, col) !== null);
    if (other && known.length) {
      tests.push((c) => known.every((col) => v(c, col) === app(other, row, col)));
      why.push(`与 ${other.year} 年报告的「${row === 'carried_forward' ? '结转下年度' : '上年结转'}」一致`);
    }
  }
  if (p.table === 'active_disclosure' && ['issued', 'repealed', 'in_force'].every((m) => p.cols.includes(m))) {
    const before = act(prev, p.row, 'in_force');
    if (before !== null) {
      tests.push((c) => before + (v(c, 'issued') ?? NaN) - (v(c, 'repealed') ?? NaN) === v(c, 'in_force'));
      why.push(`${prev!.year} 年现行有效 ${before} 件加本年制发减废止等于本年现行有效`);
    }
    const [ni, nr, nf] = ['issued', 'repealed', 'in_force'].map((m) => act(next, p.row, m));
    if (ni !== null && nr !== null && nf !== null) {
      tests.push((c) => (v(c, 'in_force') ?? NaN) + ni - nr === nf);
      why.push(`加上 ${next!.year} 年制发 ${ni} 件、减去废止 ${nr} 件等于该年现行有效 ${nf} 件`);
    }
  }
  if (!tests.length) return null;
  const ok = p.cands.filter((c) => tests.every((t) => t(c)));
  return ok.length === 1 ? { values: ok[0], why: `按同一机关相邻年度报告(${why.join(';')})` } : null;
}

export function applyCrossYearChecks(reports: Report[]): void {
  const byAgency = new Map<string, Report[]>();
  for (const r of reports) {
    // Without a resolved region, same-named bodies (鼓楼区人民政府…) cannot be told apart: no cross-year checks.
    if (!r.agency_id || r.agency_id.startsWith('x-') || r.year === null || r.status === 'failed') continue;
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
    r.checks.push({ check: 'carry_over_prev', passed, detail, cause: passed ? null : 'source' });
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
    r.checks.push({ check: 'in_force_prev', passed, detail, cause: passed ? null : 'source' });
    if (!passed && r.status === 'ok') r.status = 'warnings';
  }
}
