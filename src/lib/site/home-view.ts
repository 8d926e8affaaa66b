/** Chart SVGs for the home page, from the roll-ups in meta.json. */
import { SCOPES, PROCEEDINGS } from '../schema.ts';
import type { SiteMeta } from './types.ts';
import { barsByYear, outcomeShares } from './charts.ts';

export function homeCharts(meta: SiteMeta) {
  const received = meta.rollups
    .filter((r) => r.indicators.new_received.value !== null)
    .map((r) => ({ year: r.year, value: r.indicators.new_received.value!, series: SCOPES[r.scope] }));
  // Outcomes of office reports only (aggregate reports already include their offices).
  const officeOutcomes = meta.outcomes.filter((o) => o.scope !== 'aggregate');
  const byYear = new Map<string, number>();
  for (const o of officeOutcomes) byYear.set(`${o.year}|${o.group}`, (byYear.get(`${o.year}|${o.group}`) ?? 0) + o.value);
  const outcomes = [...byYear].map(([k, value]) => ({ year: Number(k.split('|')[0]), group: k.split('|')[1], value }));
  const disputes = meta.disputes
    .filter((d) => d.outcome === 'total' && d.scope !== 'aggregate')
    .reduce((m, d) => {
      const k = `${d.year}|${d.proceeding}`;
      m.set(k, (m.get(k) ?? 0) + d.value);
      return m;
    }, new Map<string, number>());
  const disputeRows = [...disputes].map(([k, value]) => {
    const [year, p] = k.split('|');
    return { year: Number(year), value, series: PROCEEDINGS[p as keyof typeof PROCEEDINGS] };
  });
  return {
    received: received.length ? barsByYear(received, { label: '各年度新收申请数量,按报告范围分列', unit: '件' }) : null,
    outcomes: outcomes.some((o) => o.value > 0) ? outcomeShares(outcomes, '各年度办理结果构成(单一机关及范围未知的报告)') : null,
    disputes: disputeRows.some((d) => d.value > 0) ? barsByYear(disputeRows, { label: '各年度行政复议与行政诉讼数量', unit: '件' }) : null,
  };
}
