/**
 * The numbers of one report, generated consistently:
 * - applications: new + carried_over = total_handled + carried_forward in every
 *   applicant column; the 总计 column is the sum of the six applicant columns;
 *   (七)总计 is the sum of the handled rows; (六)其他处理 the sum of its sub-rows;
 * - reviews: total = upheld + corrected + other + pending;
 * - across years: carried_over(N+1) = carried_forward(N);
 *   in_force(N) = in_force(N-1) + issued(N) - repealed(N) (2021 form);
 *   prior_count(N+1) = prior_count(N) + change(N) (2019 form).
 */
import {
  APP_GROUPS, APP_ROW_CODES, APPLICANT_PARTS, OUTCOME_CODES, PROCEEDING_CODES,
  type Applicant, type AppRow, type Item, type Metric, type Outcome, type Proceeding, type Template,
} from '../../../src/lib/schema.ts';
import type { Agency } from './agency.ts';
import type { Rng } from './rng.ts';

export type AppTable = Record<AppRow, Record<Applicant, number>>;
export type ReviewTable = Record<Proceeding, Record<Outcome, number>>;

export interface Values {
  template: Template;
  /** key `${item}.${metric}` → value */
  active: Map<string, number>;
  apps: AppTable;
  reviews: ReviewTable;
}

/** What one year hands over to the next. */
export interface Carry {
  carried_forward: Record<Applicant, number>;
  in_force: { regulation: number; normative_document: number } | null;
  prior: Map<string, number> | null;
}

const HANDLED: AppRow[] = [
  ...APP_GROUPS.granted, ...APP_GROUPS.partially_granted, ...APP_GROUPS.withheld,
  ...APP_GROUPS.unavailable, ...APP_GROUPS.rejected, ...APP_GROUPS.other,
];
const ROW_WEIGHT: Partial<Record<AppRow, number>> = {
  granted: 45, partially_granted: 10, withheld_state_secret: 0.3, withheld_law: 1, withheld_security: 0.5,
  withheld_third_party: 1, withheld_internal: 2, withheld_process: 2, withheld_enforcement: 0.8, withheld_query: 2,
  unavailable_not_held: 20, unavailable_need_create: 3, unavailable_unclear: 3, rejected_complaint: 3,
  rejected_duplicate: 2, rejected_publication: 0.5, rejected_excessive: 0.5, rejected_confirm: 1,
  other_overdue_correction: 1, other_overdue_fee: 0.2, other_other: 4,
};
const COL_WEIGHT: Record<Exclude<Applicant, 'total'>, number> = {
  natural_person: 1, commercial: 0.2, research: 0.01, social_org: 0.02, legal_service: 0.05, other_org: 0.06,
};

function zeroRow(): Record<Applicant, number> {
  return { natural_person: 0, commercial: 0, research: 0, social_org: 0, legal_service: 0, other_org: 0, total: 0 };
}

/** Split n into the handled rows by random weights (exact integer sum). */
function distribute(rng: Rng, n: number): Map<AppRow, number> {
  const out = new Map<AppRow, number>();
  if (n === 0) return out;
  const w = HANDLED.map((r) => (ROW_WEIGHT[r] ?? 1) * (rng.chance(0.5) ? rng.next() * 2 : 0.05));
  const sum = w.reduce((a, b) => a + b, 0);
  let left = n;
  const parts = w.map((x) => Math.floor((n * x) / sum));
  for (const p of parts) left -= p;
  // hand the remainder to random rows, weighted
  while (left > 0) {
    const i = rng.weighted(w.map((x, j) => [j, x + 0.01] as const));
    parts[i]++;
    left--;
  }
  HANDLED.forEach((r, i) => out.set(r, parts[i]));
  return out;
}

function applications(rng: Rng, agency: Agency, prev: Carry | null): AppTable {
  const t = Object.fromEntries(APP_ROW_CODES.map((r) => [r, zeroRow()])) as AppTable;
  const quiet = rng.chance(agency.scale < 10 ? 0.45 : 0.1);
  for (const col of APPLICANT_PARTS as Exclude<Applicant, 'total'>[]) {
    const mean = quiet ? 0 : agency.scale * COL_WEIGHT[col];
    const nw = mean < 1 ? (rng.chance(mean) ? rng.int(1, 2) : 0) : rng.count(mean);
    const over = prev ? prev.carried_forward[col] : (rng.chance(0.2) ? rng.count(Math.max(0.5, mean * 0.05)) : 0);
    const avail = nw + over;
    const fwd = avail > 0 && rng.chance(0.3) ? Math.min(avail, rng.count(Math.max(0.5, avail * 0.05))) : 0;
    const handled = avail - fwd;
    t.new_received[col] = nw;
    t.carried_over[col] = over;
    t.carried_forward[col] = fwd;
    t.total_handled[col] = handled;
    for (const [r, v] of distribute(rng, handled)) t[r][col] = v;
    t.other_total[col] = APP_GROUPS.other.reduce((s, r) => s + t[r][col], 0);
  }
  for (const r of APP_ROW_CODES) {
    t[r].total = APPLICANT_PARTS.reduce((s, a) => s + t[r][a], 0);
  }
  return t;
}

function reviews(rng: Rng, agency: Agency): ReviewTable {
  const out = {} as ReviewTable;
  const m = agency.scale / 40;
  for (const p of PROCEEDING_CODES) {
    const row = {} as Record<Outcome, number>;
    const f = p === 'review' ? 1 : p === 'suit_direct' ? 0.5 : 0.3;
    row.upheld = rng.count(m * f * 0.6);
    row.corrected = rng.count(m * f * 0.15);
    row.other = rng.count(m * f * 0.15);
    row.pending = rng.count(m * f * 0.1);
    row.total = row.upheld + row.corrected + row.other + row.pending;
    out[p] = row;
  }
  void OUTCOME_CODES;
  return out;
}

function amount(rng: Rng, mean: number): number {
  if (rng.chance(0.3)) return 0;
  const v = rng.count(mean * 100) / 100;
  return Math.round(v * 100) / 100;
}

function set(m: Map<string, number>, item: Item, metric: Metric, v: number) {
  m.set(`${item}.${metric}`, v);
}

function active2021(rng: Rng, agency: Agency, prev: Carry | null): { m: Map<string, number>; in_force: Carry['in_force'] } {
  const m = new Map<string, number>();
  const s = agency.scale;
  const in_force = { regulation: 0, normative_document: 0 };
  for (const item of ['regulation', 'normative_document'] as const) {
    const can = item === 'normative_document' ? agency.level !== 'township' || rng.chance(0.3) : agency.makesRegulations;
    const before = prev?.in_force?.[item] ?? (can ? rng.count(item === 'regulation' ? 20 : s / 2 + 5) : 0);
    const issued = can ? rng.count(item === 'regulation' ? 2 : s / 20 + 1) : 0;
    const repealed = can ? Math.min(before + issued, rng.count(item === 'regulation' ? 1 : s / 40 + 0.5)) : 0;
    const now = before + issued - repealed;
    set(m, item, 'issued', issued);
    set(m, item, 'repealed', repealed);
    set(m, item, 'in_force', now);
    in_force[item] = now;
  }
  set(m, 'license', 'decisions', rng.count(s * 30));
  set(m, 'punishment', 'decisions', rng.count(s * 4));
  set(m, 'coercion', 'decisions', rng.count(s / 3));
  set(m, 'fee', 'fee_amount', agency.level === 'township' ? 0 : amount(rng, s * 5));
  return { m, in_force };
}

function active2019(rng: Rng, agency: Agency, prev: Carry | null): { m: Map<string, number>; prior: Map<string, number> } {
  const m = new Map<string, number>();
  const s = agency.scale;
  for (const item of ['regulation', 'normative_document'] as const) {
    const can = item === 'normative_document' || agency.makesRegulations;
    const made = can ? rng.count(item === 'regulation' ? 2 : s / 20 + 1) : 0;
    const published = Math.min(made, can ? made - (rng.chance(0.2) ? rng.int(0, made) : 0) : 0);
    const total = published + (can ? rng.count(item === 'regulation' ? 20 : s / 2 + 5) : 0);
    set(m, item, 'made', made);
    set(m, item, 'published', published);
    set(m, item, 'published_total', total);
  }
  const prior = new Map<string, number>();
  for (const [item, mean] of [['license', s * 2 + 3], ['other_service', s + 2], ['punishment', s * 3 + 5], ['coercion', s / 2 + 1], ['fee', s / 10 + 1]] as const) {
    const p = prev?.prior?.get(item) ?? rng.count(mean);
    const change = rng.chance(0.5) ? 0 : Math.max(-p, rng.int(-Math.ceil(mean / 4), Math.ceil(mean / 3)));
    set(m, item, 'prior_count', p);
    set(m, item, 'change', change);
    if (item !== 'fee') set(m, item, 'decisions', rng.count(item === 'license' ? s * 30 : item === 'punishment' ? s * 4 : s / 2));
    prior.set(item, p + change);
  }
  set(m, 'procurement', 'procurement_projects', rng.count(s / 2 + 1));
  set(m, 'procurement', 'procurement_amount', amount(rng, s * 200));
  return { m, prior };
}

export function generateValues(rng: Rng, agency: Agency, template: Template, prev: Carry | null): { values: Values; carry: Carry } {
  const apps = applications(rng, agency, prev);
  const rev = reviews(rng, agency);
  let active: Map<string, number>;
  let in_force: Carry['in_force'] = null;
  let prior: Carry['prior'] = null;
  if (template === '2021') {
    const r = active2021(rng, agency, prev);
    active = r.m;
    in_force = r.in_force;
  } else {
    const r = active2019(rng, agency, prev);
    active = r.m;
    prior = r.prior;
  }
  return {
    values: { template, active, apps, reviews: rev },
    carry: { carried_forward: { ...apps.carried_forward }, in_force, prior },
  };
}
