/** Chart data and SVGs for one agency page, from its already-shaped reports. */
import type { ReportView } from './types.ts';
import { barsByYear, outcomeShares } from './charts.ts';

const GROUPS: [string, (r: ReportView) => number | null][] = [
  ['予以公开', (r) => r.indicators.granted_rate.numerator],
  ['部分公开', (r) => {
    const s = r.indicators.substantive_rate.numerator;
    const g = r.indicators.granted_rate.numerator;
    return s === null || g === null ? null : s - g;
  }],
  ['不予公开', (r) => r.indicators.withheld_rate.numerator],
  ['无法提供', (r) => r.indicators.unavailable_rate.numerator],
  ['不予处理', (r) => r.indicators.rejected_rate.numerator],
  ['其他处理', (r) => r.indicators.other_rate.numerator],
];

export function agencyCharts(reports: ReportView[]) {
  const withYear = reports.filter((r) => r.year !== null);
  const years = [...new Set(withYear.map((r) => r.year!))];
  const received = withYear.filter((r) => r.indicators.new_received.value !== null)
    .map((r) => ({ year: r.year!, value: r.indicators.new_received.value! }));
  const missing = [...new Set(withYear.filter((r) => r.indicators.new_received.value === null).map((r) => r.year))].sort();
  const outcomes = withYear.flatMap((r) => GROUPS.map(([group, f]) => ({ year: r.year!, group, value: f(r) })));
  const disputes = withYear.flatMap((r) => {
    const get = (p: string) => r.reviews.find((x) => x.proceeding === p && x.outcome === 'total')?.value ?? null;
    const review = get('review');
    const suits = [get('suit_direct'), get('suit_after_review')];
    const out: { year: number; value: number; series: string }[] = [];
    if (review !== null) out.push({ year: r.year!, value: review, series: '行政复议' });
    if (suits.every((s) => s !== null)) out.push({ year: r.year!, value: suits[0]! + suits[1]!, series: '行政诉讼' });
    return out;
  });
  return {
    received: barsByYear(received, { label: '历年本年新收申请数量', unit: '件', years }),
    receivedNote: missing.length ? `${missing.join('、')}年未填报,未画出。` : undefined,
    outcomes: outcomes.some((o) => o.value !== null && o.value > 0) ? outcomeShares(outcomes, '历年办理结果构成') : null,
    disputes: disputes.some((d) => d.value !== null) ? barsByYear(disputes, { label: '历年行政复议与行政诉讼数量', unit: '件', years }) : null,
  };
}

/**
 * A short excerpt of a report (its first narrative section, whitespace
 * collapsed, up to `max` characters): shown under the agency's name and the
 * only report text the search index holds (the full text is on the page).
 */
export function reportExcerpt(r: Pick<ReportView, 'sections'>, max = 160): string {
  const s = [...r.sections].sort((a, b) => a.section - b.section).find((x) => x.text.trim());
  if (!s) return '';
  const t = s.text.replace(/\s+/g, ' ').trim();
  return t.length > max ? t.slice(0, max) + '…' : t;
}
