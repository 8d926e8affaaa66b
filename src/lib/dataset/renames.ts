/**
 * One body keeps one agency_id across a renaming — but only where a report
 * says so: `投资促进局（原国有资产管理局）`, `国有资产管理局更名为投资促进局`.
 * The earlier name's reports (same region) take the later name's id; their
 * agency name stays as printed. Without such a statement two names are two
 * agencies, even when a crawl archive files them under one folder.
 */
import type { Report } from '../types.ts';

export interface Rename { from: string; to: string; region: string; said: string; report: string }

const BODY = '[\\u4e00-\\u9fa5]{2,24}?(?:局|委员会|委|办公室|中心|厅|署|管委会|管理委员会)';
const FORMER = new RegExp(`(${BODY})[（(](?:原|前身为|原名为?)(${BODY})[）)]`, 'g');
const RENAMED = new RegExp(`(?:由|原)?(${BODY})(?:已)?(?:更名|改名|整合组建|调整)为(${BODY})`, 'g');

/** Renamings the report states about its own agency. */
export function statedRenames(r: Report): Rename[] {
  if (!r.agency || !r.region_code) return [];
  const text = [r.title ?? '', ...r.sections.map((s) => s.text)].join('\n').replace(/\s+/g, '');
  const out: Rename[] = [];
  const place = r.agency_place ?? '';
  const add = (newer: string, older: string, said: string) => {
    // The newer name is this agency (in full, or without its place); the older one is in the same place.
    if (newer !== r.agency && place + newer !== r.agency) return;
    const from = older.startsWith(place) ? older : place + older;
    if (from !== r.agency) out.push({ from, to: r.agency!, region: r.region_code!, said, report: r.report_id });
  };
  for (const m of text.matchAll(FORMER)) add(m[1], m[2], m[0]);
  for (const m of text.matchAll(RENAMED)) add(m[2], m[1], m[0]);
  return out;
}

/**
 * Give the reports of an earlier name the agency_id of the name a report says
 * it became. Returns the renamings applied.
 */
export function applyRenames(reports: Report[]): Rename[] {
  const applied: Rename[] = [];
  for (const rename of reports.flatMap(statedRenames)) {
    const target = reports.find((r) => r.agency === rename.to && r.region_code === rename.region)?.agency_id;
    if (!target) continue;
    const earlier = reports.filter((r) => r.agency === rename.from && r.region_code === rename.region && r.agency_id !== target);
    if (!earlier.length) continue;
    for (const r of earlier) r.agency_id = target;
    applied.push(rename);
  }
  return applied;
}
