/**
 * Consistency checks of one report. Each check yields one `checks` row with a
 * Chinese detail naming the numbers. A table that does not add up although
 * every cell was read is the report's own error, and the detail says so.
 */
import { APPLICANTS, APP_GROUPS, APPLICANT_PARTS, type Applicant, type AppRow, type Template } from '../schema.ts';
import type { ApplicationRow, CheckRow, Report, ReviewRow } from '../types.ts';
import type { Fact } from './narrative.ts';
import { causeOf, zh, type Issue } from './issues.ts';
import { mapArray } from './map-array.ts';

/** Values by row code, then by column index (applicant or outcome order); undefined = not in the table. */
type Grid = Map<string, (number | null | undefined)[]>;
const APP_INDEX = new Map<string, number>(mapArray([...APPLICANT_PARTS, 'total'], (c, i) => [c, i]));
const OUTCOME_INDEX = new Map<string, number>(mapArray(['upheld', 'corrected', 'other', 'pending', 'total'], (c, i) => [c, i]));

/** Index rows by their row (or proceeding) code, then by column position. */
function gridOf<T extends { value: number | null }>(rows: T[], rowOf: (r: T) => string, colOf: (r: T) => number): Grid {
  const g: Grid = new Map();
  for (const r of rows) {
    let a = g.get(rowOf(r));
    if (!a) g.set(rowOf(r), (a = []));
    a[colOf(r)] = r.value;
  }
  return g;
}
const appGrid = (rows: ApplicationRow[]) => gridOf(rows, (r) => r.row, (r) => APP_INDEX.get(r.applicant)!);
const reviewGrid = (rows: ReviewRow[]) => gridOf(rows, (r) => r.proceeding, (r) => OUTCOME_INDEX.get(r.outcome)!);

/** The sum of the first `n` values (all by default) in order, rounded; null when one is missing. */
function sum(xs: (number | null | undefined)[], n = xs.length): number | null {
  let s = 0;
  for (let j = 0; j < n; j++) {
    const x = xs[j];
    if (x === null || x === undefined) return null;
    s += x;
  }
  return round(s);
}
const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** `sum` of column `j` of `rows`, in their order, without the array of them. */
function columnSum(rows: (number | null | undefined)[][], j: number): number | null {
  let s = 0;
  for (let i = 0; i < rows.length; i++) {
    const x = rows[i][j];
    if (x === null || x === undefined) return null;
    s += x;
  }
  return round(s);
}
const SOURCE_ERROR = '(各单元格均已读出,属报告原表数据不一致,非解析错误)';

function verdict(name: string, failures: string[], unknown: string[], total: number): CheckRow['detail'] {
  if (failures.length) return `${failures.join(';')}${SOURCE_ERROR}`;
  if (unknown.length === total) return `${name}:相关单元格缺失,无法核对`;
  return `${name}:${total - unknown.length} 项全部相符${unknown.length ? `,${unknown.length} 项因单元格缺失未核对` : ''}`;
}

/** Rows of the handled groups for a form: 2019 prints (六) as one row. */
export function handledRows(template: Template | null, has: (r: AppRow) => boolean): AppRow[] {
  const other: AppRow[] = template === '2019' || (!template && has('other_total') && !has('other_other'))
    ? ['other_total'] : [...APP_GROUPS.other];
  return [...APP_GROUPS.granted, ...APP_GROUPS.partially_granted, ...APP_GROUPS.withheld, ...APP_GROUPS.unavailable, ...APP_GROUPS.rejected, ...other];
}

export function applicationChecks(rows: ApplicationRow[], template: Template | null): CheckRow[] {
  const g = appGrid(rows);
  const cols: Applicant[] = [...APPLICANT_PARTS, 'total'];
  const out: CheckRow[] = [];
  // A row's values by column index (NULL where not printed or not in the table).
  const none: (number | null | undefined)[] = [];
  const row = (r: AppRow) => g.get(r) ?? none;
  const at = (a: (number | null | undefined)[], j: number) => a[j] ?? null;

  // balance: new + carried over = handled total + carried forward, per column.
  {
    const fail: string[] = [], unknown: string[] = [];
    const [nr, co, th, cf] = mapArray(['new_received', 'carried_over', 'total_handled', 'carried_forward'] as const, row);
    for (let j = 0; j < cols.length; j++) {
      const c = cols[j];
      const l = sum([at(nr, j), at(co, j)]);
      const r = sum([at(th, j), at(cf, j)]);
      if (l === null || r === null) unknown.push(c);
      else if (l !== r) fail.push(`${APPLICANTS[c]}列:新收 ${at(nr, j)} + 上年结转 ${at(co, j)} = ${l},但总计 ${at(th, j)} + 结转下年度 ${at(cf, j)} = ${r}`);
    }
    out.push({ check: 'balance', passed: fail.length === 0, detail: verdict('勾稽关系', fail, unknown, cols.length) });
  }
  // row_total: 总计 column = sum of the six applicant columns.
  {
    const fail: string[] = [], unknown: string[] = [];
    const present = [...g.keys()] as AppRow[];
    for (const r of present) {
      const a = row(r);
      const s = sum(a, APPLICANT_PARTS.length), t = at(a, APPLICANT_PARTS.length);
      if (s === null || t === null) unknown.push(r);
      else if (s !== t) fail.push(`「${zh(r)}」行:六类申请人之和 ${mapArray(APPLICANT_PARTS, (_c, j) => at(a, j)).join('+')} = ${s},总计列为 ${t}`);
    }
    out.push({ check: 'row_total', passed: fail.length === 0, detail: verdict('行合计', fail, unknown, present.length) });
  }
  // group_total: (七)总计 = sum of the handled rows, per column.
  {
    const has = (r: AppRow) => (g.get(r) ?? []).some((x) => x !== null && x !== undefined);
    const members = mapArray(handledRows(template, has), row);
    const th = row('total_handled');
    const fail: string[] = [], unknown: string[] = [];
    for (let j = 0; j < cols.length; j++) {
      const c = cols[j];
      const s = columnSum(members, j);
      const t = at(th, j);
      if (s === null || t === null) unknown.push(c);
      else if (s !== t) fail.push(`${APPLICANTS[c]}列:各办理结果之和 ${s},(七)总计为 ${t}`);
    }
    out.push({ check: 'group_total', passed: fail.length === 0, detail: verdict('总计行', fail, unknown, cols.length) });
  }
  return out;
}

export function reviewChecks(rows: ReviewRow[]): CheckRow[] {
  const g = reviewGrid(rows);
  const fail: string[] = [], unknown: string[] = [];
  for (const p of ['review', 'suit_direct', 'suit_after_review']) {
    const a = g.get(p) ?? [];
    const parts = mapArray([0, 1, 2, 3], (k) => a[k] ?? null);
    const s = sum(parts), t = a[4] ?? null;
    if (s === null || t === null) unknown.push(p);
    else if (s !== t) fail.push(`${zh(p)}:维持+纠正+其他+未审结 = ${parts.join('+')} = ${s},总计为 ${t}`);
  }
  return [{ check: 'review_total', passed: fail.length === 0, detail: verdict('复议诉讼总计', fail, unknown, 3) }];
}

/** missing_cells and run_together rows from what the parser could not read cleanly. */
export function issueChecks(issues: Issue[]): CheckRow[] {
  const out: CheckRow[] = [];
  const missing = issues.filter((i) => ['missing', 'placeholder', 'blank', 'unreadable', 'unsplittable', 'short', 'implausible'].includes(i.kind));
  out.push({
    check: 'missing_cells',
    passed: missing.length === 0,
    detail: missing.length === 0 ? '所有应填单元格均已读出' : `共 ${missing.length} 处未读出数值(记为空,不是 0):${mapArray(missing.slice(0, 12), (i) => i.detail).join(';')}${missing.length > 12 ? ` 等` : ''}`,
  });
  const split = issues.filter((i) => i.kind === 'split' || i.kind === 'unsplittable');
  if (split.length) {
    out.push({ check: 'run_together', passed: split.every((i) => i.kind === 'split'), detail: mapArray(split, (i) => i.detail).join(';') });
  }
  for (const u of issues.filter((i) => i.kind === 'unit')) out.push({ check: 'unit', passed: true, detail: u.detail });
  return out;
}

/**
 * The `narrative` check: numbers the report's text states against its tables.
 * A received count may include the requests carried over; a handled count
 * may be stated as the requests received. Null when the text states nothing
 * the tables can be compared with.
 */
export function narrativeCheck(facts: Fact[], r: Report): CheckRow | null {
  const app = (row: string) => r.applications.find((a) => a.row === row && a.applicant === 'total')?.value ?? null;
  const rev = (p: string) => r.reviews.find((x) => x.proceeding === p && x.outcome === 'total')?.value ?? null;
  const add = (...xs: (number | null)[]) => (xs.some((x) => x === null) ? null : xs.reduce<number>((a, b) => a + (b as number), 0));
  const fail: string[] = [];
  let compared = 0;
  const seen = new Set<string>();
  for (const f of facts) {
    let accept: (number | null)[] = [];
    let what = '';
    if (f.table === 'applications' && f.row === 'new_received') {
      accept = [app('new_received'), add(app('new_received'), app('carried_over'))];
      what = '表中「一、本年新收」总计';
    } else if (f.table === 'applications' && f.row === 'total_handled') {
      accept = [app('total_handled'), app('new_received'), add(app('new_received'), app('carried_over'))];
      what = '表中「(七)总计」';
    } else if (f.table === 'reviews' && f.row === 'review') {
      accept = [rev('review')];
      what = '表中行政复议总计';
    } else if (f.table === 'reviews' && f.row === 'suits') {
      accept = [add(rev('suit_direct'), rev('suit_after_review')), rev('suit_direct'), rev('suit_after_review')];
      what = '表中行政诉讼总计';
    } else continue;
    if (accept[0] === null || accept[0] === undefined) continue;
    const key = `${f.row}:${f.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    compared++;
    if (!accept.includes(f.value)) fail.push(`正文「${f.text}」(第 ${f.line} 行)为 ${f.value},${what}为 ${accept[0]}`);
  }
  if (!compared) return null;
  return {
    check: 'narrative',
    passed: fail.length === 0,
    detail: fail.length ? `正文与表格不一致:${fail.join(';')}` : `正文所述 ${compared} 处数字与表格一致`,
  };
}
