/**
 * Shapes, once at build time, every piece of JSON the Astro pages read, into
 * `<outDir>/site/`:
 *
 *   meta.json                  counts, years, provinces, home-page roll-ups
 *   reports.json               one ReportSummary per report (default browse order)
 *   agencies.json              one AgencySummary per agency
 *   quality.json               every report that is not `ok`, with reasons
 *   browse-index.json          compact columnar index for the browse page's JS
 *   names.json                 agency names, pinyin and places for the search page's and compare picker's JS
 *   agency/<agency_id>.json    one agency: its reports with full tables, checks,
 *                              sections, indicators, flagged cells, peer ranks
 *   report/<report_id>.json    one report page: the report (as above), its decoded
 *                              source lines and its agency's other years
 *   csv/<agency_id>.csv        one agency's rows as CSV (see agency-csv.ts): data, not
 *                              a page; the dataset build may move this folder to
 *                              <DATA_OUT>/agencies/ so it follows DATA_BASE_URL
 *   region/<slug>.json         one province or city: agencies + roll-ups
 *   compare/<key>.json         agencies of one province and level, ranked
 *   series/<agency_id>.json    one agency's headline indicators by year (compare-data.ts)
 *   levels.json                every level nationwide, by year (compare-data.ts)
 *
 * Per-agency and per-report files keep every page's read small at 50,000 reports.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pinyin } from 'pinyin-pro';
import { computeIndicators, HEADLINE, rollupAll, type IndicatorCode, type Indicators } from '../indicators.ts';
import { LEVELS, type Level, type Scope, type Status } from '../schema.ts';
import type { Report } from '../types.ts';
import { flaggedCells } from './check-cells.ts';
import { capSource } from './source-cap.ts';
import { sourceTextFile } from '../dataset/limits.ts';
import { buildTime } from '../dataset/build-time.ts';
import { agencyTrends } from './trends.ts';
import { agencyCsv } from './agency-csv.ts';
import { citySlug, provinceSlug, UNKNOWN_NAME, UNKNOWN_SLUG } from './regions.ts';
import { facetCounts } from './browse.ts';
import { agencySeries, levelRollups } from './compare-data.ts';
import type {
  AgencyData, AgencySummary, CompareGroup, CompareRow, PeerRank, QualityEntry, RegionData, RegionRef,
  ReportPageData, ReportSummary, ReportView, ScopeRollup, SiteMeta,
} from './types.ts';

export const BROWSE_PAGE_SIZE = 100;
export const QUALITY_PAGE_SIZE = 200;

export interface Parsed { report: Report; lines: string[] }

const collator = new Intl.Collator('zh-CN');

function summarize(r: Report, ind: Indicators, page: string): ReportSummary {
  return {
    page,
    id: r.report_id,
    agency_id: r.agency_id,
    agency: r.agency,
    province: r.province,
    city: r.city,
    county: r.county,
    province_slug: provinceSlug(r),
    city_slug: citySlug(r),
    level: r.level,
    scope: r.scope,
    year: r.year,
    status: r.status,
    template: r.template,
    new_received: ind.new_received.value,
    total_handled: ind.granted_rate.denominator,
    granted_rate: ind.granted_rate.value,
  };
}

/**
 * Page of every report, under the base. An agency's latest report (newest
 * year, then lowest report_id) is on the agency page itself,
 * `agencies/<agency_id>/`, so its tables and source text are not stored
 * twice; each older one at `agencies/<agency_id>/<year>/` (a short URL to
 * share; `-2`, `-3` … when an agency has more than one report for a year, in
 * report_id order, the report that counts first; `n` for a year that was not
 * read). A report whose agency was not identified: `reports/<report_id>/`.
 * Duplicates have no page (their entry on the quality page links to the copy kept).
 */
export function reportPages(reports: Pick<Report, 'report_id' | 'agency_id' | 'year' | 'counted'>[]): Map<string, string> {
  const out = new Map<string, string>();
  const seen = new Map<string, number>();
  const latest = new Map<string, Pick<Report, 'report_id' | 'year'>>();
  // The report that counts (lib/dataset/duplicates.ts) first: it gets the year's plain URL and the agency page.
  const sorted = [...reports].sort((a, b) => Number(a.counted === false) - Number(b.counted === false) || (a.report_id < b.report_id ? -1 : a.report_id > b.report_id ? 1 : 0));
  for (const r of sorted) {
    if (!r.agency_id) { out.set(r.report_id, `reports/${r.report_id}/`); continue; }
    const l = latest.get(r.agency_id);
    if (!l || ((r.year ?? 0) > (l.year ?? 0) && r.counted !== false)) latest.set(r.agency_id, r);
    const y = r.year === null ? 'n' : String(r.year);
    const k = `${r.agency_id}/${y}`;
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    out.set(r.report_id, `agencies/${k}${n > 1 ? `-${n}` : ''}/`);
  }
  for (const [id, r] of latest) out.set(r.report_id, `agencies/${id}/`);
  return out;
}

/** Default order everywhere: province, city, agency (pinyin order), newest year first. */
export function compareSummaries(a: ReportSummary, b: ReportSummary): number {
  return (
    collator.compare(a.province ?? '\uffff', b.province ?? '\uffff') ||
    collator.compare(a.city ?? '\uffff', b.city ?? '\uffff') ||
    collator.compare(a.agency ?? '\uffff', b.agency ?? '\uffff') ||
    (b.year ?? 0) - (a.year ?? 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** Rank (1 = highest) and percentile of every value among its peers. */
export function rankValues(values: { id: string; value: number | null }[]): Map<string, PeerRank> {
  const given = values.filter((v) => v.value !== null) as { id: string; value: number }[];
  const sorted = given.map((v) => v.value).sort((a, b) => a - b);
  const n = sorted.length;
  const out = new Map<string, PeerRank>();
  for (const v of given) {
    // values strictly above → rank; values not above → percentile
    const notAbove = upperBound(sorted, v.value);
    out.set(v.id, { rank: n - notAbove + 1, of: n, percentile: Math.round((notAbove / n) * 100) });
  }
  return out;
}

function upperBound(sorted: number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= x) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** Where each value was read: [line, column], for the marks in the source text. */
function valueSpots(r: Report): [number, number][] {
  const out: [number, number][] = [];
  for (const rows of [r.active_disclosure, r.applications, r.reviews]) for (const x of rows) if (x.line !== null && x.col) out.push([x.line, x.col]);
  return out;
}

function usedLines(r: Report): number[] {
  const s = new Set<number>();
  for (const rows of [r.active_disclosure, r.applications, r.reviews]) for (const x of rows) if (x.line !== null) s.add(x.line);
  return [...s].sort((a, b) => a - b);
}

/** A report page's data: its source text capped for the page (source-cap.ts), the whole text's file named when capped. */
function reportPageData(r: Report, report: ReportView, all: string[], siblings: ReportPageData['siblings']): ReportPageData {
  const used = usedLines(r);
  const shown = capSource(all, used);
  const at = valueSpots(r);
  if (!shown.capped) return { report, lines: all, used, at, siblings };
  return { report, lines: shown.lines, used, at, siblings, more: shown.more, total_lines: shown.total, full_text: sourceTextFile(r.report_id) };
}

function groupBy<T>(xs: T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = m.get(k);
    if (list) list.push(x); else m.set(k, [x]);
  }
  return m;
}

/** Roll-ups by year and scope: aggregate and office reports are never summed together. */
function rollups(items: { summary: ReportSummary; ind: Indicators }[]): ScopeRollup[] {
  const out: ScopeRollup[] = [];
  const groups = groupBy(items.filter((i) => i.summary.year !== null), (i) => `${i.summary.year}|${i.summary.scope}`);
  for (const [k, list] of groups) {
    const [year, scope] = k.split('|');
    out.push({ year: Number(year), scope: scope as Scope, reports: list.length, indicators: rollupAll(list.map((i) => i.ind)) });
  }
  return out.sort((a, b) => b.year - a.year || a.scope.localeCompare(b.scope));
}

const OUTCOME_GROUPS: [string, IndicatorCode | null][] = [
  ['予以公开', 'granted_rate'], ['部分公开', null], ['不予公开', 'withheld_rate'],
  ['无法提供', 'unavailable_rate'], ['不予处理', 'rejected_rate'], ['其他处理', 'other_rate'],
];

function partial(ind: Indicators): number | null {
  const s = ind.substantive_rate.numerator;
  const g = ind.granted_rate.numerator;
  return s === null || g === null ? null : s - g;
}

/** Whether a report's figures enter sums: the one rule, decided by the dataset build (lib/dataset/duplicates.ts). */
const counts = (i: { report: Report }) => i.report.counted !== false;

function json(path: string, data: unknown) {
  writeFileSync(path, JSON.stringify(data));
}

export function pinyinOf(name: string): { pinyin: string; initials: string } {
  const full = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'removed' }) as string[];
  return { pinyin: full.join(''), initials: full.map((s) => s[0] ?? '').join('') };
}

/** `builtAt`: the build time shown on the pages (the dataset build's, see lib/dataset/build-time.ts). */
export async function writeSiteData(parsed: Parsed[], outDir: string, opts: { builtAt?: string } = {}): Promise<void> {
  const root = join(outDir, 'site');
  rmSync(root, { recursive: true, force: true });
  for (const d of ['agency', 'report', 'csv', 'region', 'compare', 'series']) mkdirSync(join(root, d), { recursive: true });

  // 1. Per report: page, indicators, summaries (source lines are written with the report page in 3).
  // Duplicates have no page and are listed on the quality page only (6). What is summed — roll-ups,
  // home figures, peer ranks, compare groups — is `counted` only: the one rule, lib/dataset/duplicates.ts.
  const duplicates = parsed.filter((p) => p.report.status === 'duplicate').map((p) => p.report);
  const pages = reportPages(parsed.filter((p) => p.report.status !== 'duplicate').map((p) => p.report));
  const items = parsed.filter((p) => p.report.status !== 'duplicate').map(({ report, lines }) => {
    const ind = computeIndicators(report);
    const summary = summarize(report, ind, pages.get(report.report_id)!);
    return { report, ind, summary, lines };
  });
  items.sort((a, b) => compareSummaries(a.summary, b.summary));
  const counted = items.filter(counts);

  // 2. Peer ranks: same province, level and year.
  const peerKey = (s: ReportSummary) => `${s.province_slug}-${s.level}`;
  const ranks = new Map<string, { key: string; n: number; ranks: Partial<Record<IndicatorCode, PeerRank>> }>();
  const byPeers = groupBy(counted.filter((i) => i.summary.agency_id && i.summary.year !== null), (i) => `${peerKey(i.summary)}|${i.summary.year}`);
  for (const [k, list] of byPeers) {
    const key = k.split('|')[0];
    for (const i of list) ranks.set(i.summary.id, { key, n: list.length, ranks: {} });
    for (const code of HEADLINE) {
      const r = rankValues(list.map((i) => ({ id: i.summary.id, value: i.ind[code].value })));
      for (const [id, pr] of r) ranks.get(id)!.ranks[code] = pr;
    }
  }

  const view = (i: (typeof items)[number]): ReportView => ({
    ...i.report, page: i.summary.page, indicators: i.ind, flags: flaggedCells(i.report), peers: ranks.get(i.report.report_id) ?? null,
  });
  const writeReportPage = (i: (typeof items)[number], report: ReportView, siblings: ReportPageData['siblings']) =>
    json(join(root, 'report', `${i.report.report_id}.json`), reportPageData(i.report, report, i.lines, siblings));

  // 3. Agencies and report pages.
  const agencies: AgencySummary[] = [];
  for (const [id, list] of groupBy(items.filter((i) => i.report.agency_id), (i) => i.report.agency_id!)) {
    // Newest first; within a year the report that counts first, so the latest is one that counts.
    list.sort((a, b) => (b.report.year ?? 0) - (a.report.year ?? 0) || Number(a.report.counted === false) - Number(b.report.counted === false) ||
      (a.report.report_id < b.report.report_id ? -1 : 1));
    const latest = list[0];
    const r = latest.report;
    const name = r.agency ?? id;
    const summary: AgencySummary = {
      id, name, ...pinyinOf(name),
      province: r.province, city: r.city, county: r.county, township: r.township,
      province_slug: latest.summary.province_slug, city_slug: latest.summary.city_slug,
      level: r.level, scope: r.scope,
      years: [...new Set(list.map((i) => i.report.year).filter((y): y is number => y !== null))].sort((a, b) => b - a),
      report_ids: list.map((i) => i.report.report_id),
      latest_status: r.status, latest_new_received: latest.ind.new_received.value,
    };
    agencies.push(summary);
    const reports = list.map((i) => view(i));
    const data: AgencyData = { agency: summary, reports };
    json(join(root, 'agency', `${id}.json`), data);
    writeFileSync(join(root, 'csv', `${id}.csv`), agencyCsv(data));
    json(join(root, 'series', `${id}.json`), agencySeries(summary, list.map((i) => ({ year: i.report.year, page: i.summary.page, status: i.report.status, indicators: i.ind }))));
    const siblings = reports.map((r) => ({ year: r.year, page: r.page, status: r.status }));
    list.forEach((i, k) => writeReportPage(i, reports[k], siblings));
  }
  for (const i of items) if (!i.report.agency_id) writeReportPage(i, view(i), []);
  agencies.sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1));

  // 4. Regions: a page per province and per city.
  const summaries = items.map((i) => i.summary);
  const agencyById = new Map(agencies.map((a) => [a.id, a]));
  const regionAgencies = (list: typeof items) => {
    const ids = [...new Set(list.map((i) => i.summary.agency_id).filter((x): x is string => !!x))];
    return ids.map((id) => agencyById.get(id)!).sort((a, b) => collator.compare(a.name, b.name)).map((a) => ({
      id: a.id, name: a.name, level: a.level, scope: a.scope, years: a.years, county: a.county, city: a.city,
      latest_status: a.latest_status, latest_new_received: a.latest_new_received,
    }));
  };
  // Trend lines of a region's agencies: new requests by year (counted reports only).
  const regionTrends = (list: typeof items) => agencyTrends(list.map((i) => ({ ...i.summary, value: i.summary.new_received })));
  const provinces: RegionRef[] = [];
  for (const [pslug, plist] of groupBy(items, (i) => i.summary.province_slug)) {
    const pname = pslug === UNKNOWN_SLUG ? UNKNOWN_NAME : plist.find((i) => i.summary.province)?.summary.province ?? UNKNOWN_NAME;
    const cities: RegionRef[] = [];
    for (const [cslug, clist] of groupBy(plist.filter((i) => i.summary.city_slug), (i) => i.summary.city_slug!)) {
      const cname = clist[0].summary.city!;
      const ag = regionAgencies(clist);
      const ccounted = clist.filter(counts);
      cities.push({ slug: cslug, name: cname, agencies: ag.length, reports: ccounted.length });
      json(join(root, 'region', `${cslug}.json`), {
        slug: cslug, name: cname, kind: 'city', parent: { slug: pslug, name: pname }, cities: [],
        agencies: ag, rollups: rollups(ccounted), trends: regionTrends(ccounted),
      } satisfies RegionData);
    }
    cities.sort((a, b) => collator.compare(a.name, b.name));
    const ag = regionAgencies(plist);
    const pcounted = plist.filter(counts);
    provinces.push({ slug: pslug, name: pname, agencies: ag.length, reports: pcounted.length });
    json(join(root, 'region', `${pslug}.json`), {
      slug: pslug, name: pname, kind: 'province', parent: null, cities, agencies: ag,
      rollups: rollups(pcounted), trends: regionTrends(pcounted),
    } satisfies RegionData);
  }
  provinces.sort((a, b) => (a.slug === UNKNOWN_SLUG ? 1 : b.slug === UNKNOWN_SLUG ? -1 : a.slug.localeCompare(b.slug)));

  // 5. Compare groups: agencies of one province and level, per year.
  const compareGroups: SiteMeta['compare_groups'] = [];
  for (const [key, list] of groupBy(counted.filter((i) => i.summary.agency_id && i.summary.year !== null), (i) => peerKey(i.summary))) {
    const years = [...groupBy(list, (i) => String(i.summary.year))].map(([y, ylist]) => ({
      year: Number(y),
      rows: ylist.map((i): CompareRow => ({
        agency_id: i.summary.agency_id!, agency: i.summary.agency ?? i.summary.agency_id!, report_id: i.summary.id, page: i.summary.page, scope: i.summary.scope,
        values: Object.fromEntries(HEADLINE.map((c) => [c, { value: i.ind[c].value, numerator: i.ind[c].numerator, denominator: i.ind[c].denominator }])),
        ranks: ranks.get(i.summary.id)?.ranks ?? {},
      })).sort((a, b) => collator.compare(a.agency, b.agency)),
    })).sort((a, b) => b.year - a.year);
    const s = list[0].summary;
    const group: CompareGroup = {
      key, province: s.province_slug === UNKNOWN_SLUG ? UNKNOWN_NAME : s.province ?? UNKNOWN_NAME,
      province_slug: s.province_slug, level: s.level, years,
    };
    json(join(root, 'compare', `${key}.json`), group);
    compareGroups.push({ key, province: group.province, level: s.level, agencies: new Set(list.map((i) => i.summary.agency_id)).size });
  }
  compareGroups.sort((a, b) => a.key.localeCompare(b.key));

  // 6. Quality: every report that is not ok; a duplicate links to the copy kept.
  const statusRank: Record<Status, number> = { failed: 0, warnings: 1, duplicate: 2, ok: 3 };
  const pageOf = new Map(items.map((i) => [i.report.report_id, i.summary.page]));
  const quality: QualityEntry[] = [
    ...items.filter((i) => i.report.status !== 'ok').map(({ report, summary }) => ({ report, summary, page: summary.page })),
    ...duplicates.map((report) => ({ report, summary: null, page: pageOf.get(report.duplicate_of!) ?? '' })),
  ]
    .sort((a, b) => statusRank[a.report.status] - statusRank[b.report.status] ||
      (a.summary && b.summary ? compareSummaries(a.summary, b.summary) : a.report.report_id < b.report.report_id ? -1 : 1))
    .map(({ report: r, page }) => ({
      id: r.report_id, page, agency: r.agency, agency_id: r.agency_id, year: r.year, status: r.status,
      source_file: r.source_file, error: r.error,
      failed: r.checks.filter((c) => !c.passed).map((c) => ({ check: c.check, detail: c.detail, cause: c.cause ?? null })),
    }));

  // 7. Home-page figures: reports that count only.
  const status: Record<Status, number> = { ok: 0, warnings: 0, failed: 0, duplicate: duplicates.length };
  for (const s of summaries) status[s.status]++;
  const outcomes: SiteMeta['outcomes'] = [];
  const disputes: SiteMeta['disputes'] = [];
  for (const [k, list] of groupBy(counted.filter((i) => i.summary.year !== null), (i) => `${i.summary.year}|${i.summary.scope}`)) {
    const [y, scope] = k.split('|');
    const year = Number(y);
    for (const [group, code] of OUTCOME_GROUPS) {
      let v = 0;
      for (const i of list) v += (code ? i.ind[code].numerator : partial(i.ind)) ?? 0;
      outcomes.push({ year, scope: scope as Scope, group, value: v });
    }
    const sums = new Map<string, number>();
    for (const i of list) for (const r of i.report.reviews) if (r.value !== null) {
      const key = `${r.proceeding}|${r.outcome}`;
      sums.set(key, (sums.get(key) ?? 0) + r.value);
    }
    for (const [key, value] of sums) {
      const [proceeding, outcome] = key.split('|');
      disputes.push({ year, scope: scope as Scope, proceeding, outcome, value });
    }
  }
  const meta: SiteMeta = {
    built_at: opts.builtAt ?? buildTime([]).toISOString(),
    reports: items.length,
    agencies: agencies.length,
    status,
    years: [...new Set(summaries.map((s) => s.year).filter((y): y is number => y !== null))].sort((a, b) => b - a),
    levels: (Object.keys(LEVELS) as Level[]).filter((l) => summaries.some((s) => s.level === l)),
    provinces,
    rollups: rollups(counted),
    outcomes,
    disputes,
    compare_groups: compareGroups,
    quality_pages: Math.max(1, Math.ceil(quality.length / QUALITY_PAGE_SIZE)),
    browse_page_size: BROWSE_PAGE_SIZE,
    facets: facetCounts(summaries),
  };

  json(join(root, 'meta.json'), meta);
  json(join(root, 'levels.json'), levelRollups(items.map((i) => ({ level: i.summary.level, scope: i.summary.scope, year: i.summary.year, ind: i.ind }))));
  json(join(root, 'reports.json'), summaries);
  json(join(root, 'agencies.json'), agencies);
  json(join(root, 'quality.json'), quality);
  json(join(root, 'browse-index.json'), browseIndex(summaries));
  json(join(root, 'names.json'), agencies.map((a) => [a.id, a.name, a.initials, a.pinyin, a.province ?? '', a.city ?? '', a.county ?? '']));
}

/**
 * The browse page's JS index: strings dictionary-encoded, one array per
 * report: [page (its report page under the base), agency_id, agency#, province_slug#, province#, city#, level#,
 * year, status#, new_received, granted_rate×10000 (integer), report_id].
 */
export function browseIndex(summaries: ReportSummary[]) {
  const dict: string[] = [];
  const pos = new Map<string, number>();
  const d = (s: string | null) => {
    const k = s ?? '';
    let i = pos.get(k);
    if (i === undefined) { i = dict.length; dict.push(k); pos.set(k, i); }
    return i;
  };
  const rows = summaries.map((s) => [
    s.page, s.agency_id ?? '', d(s.agency), d(s.province_slug), d(s.province), d(s.city), d(s.level),
    s.year, d(s.status), s.new_received, s.granted_rate === null ? null : Math.round(s.granted_rate * 10000), s.id,
  ]);
  return { dict, rows };
}
