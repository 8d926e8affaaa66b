/**
 * Headline indicators from ../shared/spec/indicators.md, computed from one
 * report's application and review tables. Every indicator keeps its numerator
 * and denominator so pages can show both; a ratio whose denominator is 0 or
 * NULL is NULL, never 0.
 *
 * Cells: the application table is read from its 总计 column. When a report
 * leaves 总计 unprinted but prints all six applicant columns, the sum of the
 * six is used and the indicator carries a note saying so.
 *
 * Roll-ups (`rollup`) sum numerators and denominators over reports whose pair
 * is complete, and must only be given reports of one `scope` (an aggregate
 * report already contains its offices' numbers).
 */
import { APP_GROUPS, APPLICANT_PARTS, type AppRow, type Proceeding } from './schema.ts';
import type { ApplicationRow, ReviewRow } from './types.ts';

export type IndicatorCode =
  | 'new_received' | 'accepted' | 'granted_rate' | 'substantive_rate'
  | 'withheld_rate' | 'unavailable_rate' | 'rejected_rate' | 'other_rate'
  | 'not_held_rate' | 'carry_rate' | 'natural_person_share'
  | 'review_correction_rate' | 'suit_correction_rate' | 'dispute_rate';

export interface Indicator {
  code: IndicatorCode;
  zh: string;
  /** 'count' indicators have no denominator; 'ratio' ones do. */
  kind: 'count' | 'ratio';
  numeratorZh: string;
  denominatorZh: string | null;
}

export interface Ratio {
  numerator: number | null;
  denominator: number | null;
  /** count: the numerator; ratio: numerator / denominator, NULL when the denominator is 0 or NULL. */
  value: number | null;
  /** Set when a 总计 cell was unprinted and the six applicant columns were summed instead. */
  note?: string;
}

export const INDICATORS: Indicator[] = [
  { code: 'new_received', zh: '新收申请', kind: 'count', numeratorZh: '本年新收', denominatorZh: null },
  { code: 'accepted', zh: '受理合计', kind: 'count', numeratorZh: '本年新收+上年结转', denominatorZh: null },
  { code: 'granted_rate', zh: '予以公开率', kind: 'ratio', numeratorZh: '予以公开', denominatorZh: '办理总计' },
  { code: 'substantive_rate', zh: '实质公开率', kind: 'ratio', numeratorZh: '予以公开+部分公开', denominatorZh: '办理总计' },
  { code: 'withheld_rate', zh: '不予公开率', kind: 'ratio', numeratorZh: '不予公开(8项之和)', denominatorZh: '办理总计' },
  { code: 'unavailable_rate', zh: '无法提供率', kind: 'ratio', numeratorZh: '无法提供(3项之和)', denominatorZh: '办理总计' },
  { code: 'rejected_rate', zh: '不予处理率', kind: 'ratio', numeratorZh: '不予处理(5项之和)', denominatorZh: '办理总计' },
  { code: 'other_rate', zh: '其他处理率', kind: 'ratio', numeratorZh: '其他处理', denominatorZh: '办理总计' },
  { code: 'not_held_rate', zh: '本机关不掌握占比', kind: 'ratio', numeratorZh: '本机关不掌握相关政府信息', denominatorZh: '办理总计' },
  { code: 'carry_rate', zh: '结转率', kind: 'ratio', numeratorZh: '结转下年度继续办理', denominatorZh: '本年新收+上年结转' },
  { code: 'natural_person_share', zh: '自然人申请占比', kind: 'ratio', numeratorZh: '自然人新收', denominatorZh: '新收总计' },
  { code: 'review_correction_rate', zh: '复议纠错率', kind: 'ratio', numeratorZh: '复议结果纠正', denominatorZh: '复议总计−尚未审结' },
  { code: 'suit_correction_rate', zh: '诉讼纠错率', kind: 'ratio', numeratorZh: '诉讼结果纠正', denominatorZh: '诉讼总计−尚未审结' },
  { code: 'dispute_rate', zh: '争议转化率', kind: 'ratio', numeratorZh: '复议+诉讼总计', denominatorZh: '本年新收' },
];

/** The indicators shown first and ranked on compare views. */
export const HEADLINE: IndicatorCode[] = [
  'new_received', 'granted_rate', 'substantive_rate', 'not_held_rate', 'carry_rate',
  'natural_person_share', 'review_correction_rate', 'suit_correction_rate', 'dispute_rate',
];

export const INDICATOR_BY_CODE = Object.fromEntries(INDICATORS.map((i) => [i.code, i])) as Record<IndicatorCode, Indicator>;

export type Indicators = Record<IndicatorCode, Ratio>;

const SUMMED_NOTE = '总计列未填报,按六类申请人相加';

interface Num { v: number | null; derived: boolean }

function add(...xs: Num[]): Num {
  let s = 0;
  let derived = false;
  for (const x of xs) {
    if (x.v === null) return { v: null, derived: false };
    s += x.v;
    derived ||= x.derived;
  }
  return { v: round(s), derived };
}

/** Guard against binary float noise in sums of decimal figures (1087.31 + …). */
function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

function ratio(num: Num, den: Num): Ratio {
  const value = num.v === null || den.v === null || den.v === 0 ? null : num.v / den.v;
  const r: Ratio = { numerator: num.v, denominator: den.v, value };
  if (num.derived || den.derived) r.note = SUMMED_NOTE;
  return r;
}

function count(n: Num): Ratio {
  const r: Ratio = { numerator: n.v, denominator: null, value: n.v };
  if (n.derived) r.note = SUMMED_NOTE;
  return r;
}

/** Lookup of application cells: row → applicant → value. */
function appCells(rows: ApplicationRow[]) {
  const m = new Map<string, number | null>();
  for (const r of rows) m.set(r.row + '|' + r.applicant, r.value);
  const get = (row: AppRow, applicant: string): number | null => m.get(row + '|' + applicant) ?? null;
  /** 总计 column of a row, or the sum of its six applicant columns when 总计 is unprinted. */
  const total = (row: AppRow): Num => {
    const t = get(row, 'total');
    if (t !== null) return { v: t, derived: false };
    const parts = APPLICANT_PARTS.map((a) => get(row, a));
    if (parts.every((p) => p !== null)) return { v: round(parts.reduce((s, p) => s + (p as number), 0)), derived: true };
    return { v: null, derived: false };
  };
  return { get, total };
}

function reviewCells(rows: ReviewRow[]) {
  const m = new Map<string, number | null>();
  for (const r of rows) m.set(r.proceeding + '|' + r.outcome, r.value);
  return (p: Proceeding, o: string): Num => ({ v: m.get(p + '|' + o) ?? null, derived: false });
}

/** The group's rows summed (2019 form: `other_total` printed as one row stands for group (六)). */
function group(total: (row: AppRow) => Num, name: keyof typeof APP_GROUPS): Num {
  if (name === 'other') {
    const printed = total('other_total');
    if (printed.v !== null) return printed;
  }
  return add(...APP_GROUPS[name].map((r) => total(r)));
}

/** All indicators for one report. */
export function computeIndicators(r: { applications: ApplicationRow[]; reviews: ReviewRow[] }): Indicators {
  const { get, total } = appCells(r.applications);
  const rev = reviewCells(r.reviews);
  const handled = total('total_handled');
  const newR = total('new_received');
  const accepted = add(newR, total('carried_over'));
  const decided = (p: Proceeding): Num => {
    const t = rev(p, 'total');
    const pending = rev(p, 'pending');
    return t.v === null || pending.v === null ? { v: null, derived: false } : { v: t.v - pending.v, derived: false };
  };
  return {
    new_received: count(newR),
    accepted: count(accepted),
    granted_rate: ratio(total('granted'), handled),
    substantive_rate: ratio(add(total('granted'), total('partially_granted')), handled),
    withheld_rate: ratio(group(total, 'withheld'), handled),
    unavailable_rate: ratio(group(total, 'unavailable'), handled),
    rejected_rate: ratio(group(total, 'rejected'), handled),
    other_rate: ratio(group(total, 'other'), handled),
    not_held_rate: ratio(total('unavailable_not_held'), handled),
    carry_rate: ratio(total('carried_forward'), accepted),
    natural_person_share: ratio({ v: get('new_received', 'natural_person'), derived: false }, newR),
    review_correction_rate: ratio(rev('review', 'corrected'), decided('review')),
    suit_correction_rate: ratio(
      add(rev('suit_direct', 'corrected'), rev('suit_after_review', 'corrected')),
      add(decided('suit_direct'), decided('suit_after_review')),
    ),
    dispute_rate: ratio(add(rev('review', 'total'), rev('suit_direct', 'total'), rev('suit_after_review', 'total')), newR),
  };
}

export interface Rollup extends Ratio {
  /** How many reports had both numerator and denominator (counts: a value). */
  reports: number;
}

/**
 * Sum one indicator over many reports of ONE scope: Σ numerators / Σ
 * denominators, using only reports where both are given.
 */
export function rollup(code: IndicatorCode, items: Indicators[]): Rollup {
  const kind = INDICATOR_BY_CODE[code].kind;
  let num = 0;
  let den = 0;
  let n = 0;
  for (const it of items) {
    const r = it[code];
    if (r.numerator === null) continue;
    if (kind === 'ratio' && (r.denominator === null)) continue;
    num += r.numerator;
    den += r.denominator ?? 0;
    n++;
  }
  if (n === 0) return { numerator: null, denominator: null, value: null, reports: 0 };
  num = round(num);
  den = round(den);
  if (kind === 'count') return { numerator: num, denominator: null, value: num, reports: n };
  return { numerator: num, denominator: den, value: den === 0 ? null : num / den, reports: n };
}

export function rollupAll(items: Indicators[]): Record<IndicatorCode, Rollup> {
  return Object.fromEntries(INDICATORS.map((i) => [i.code, rollup(i.code, items)])) as Record<IndicatorCode, Rollup>;
}

/** 予以公开率 as printed on pages: "43.2%", or null. */
export function formatRatio(v: number | null, digits = 1): string | null {
  return v === null ? null : (v * 100).toFixed(digits) + '%';
}
