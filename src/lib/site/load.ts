/**
 * Reads the JSON written by `writeSiteData` (and the dataset manifest) for the
 * pages. Paths follow the same environment the build uses:
 *   SITE_DATA_OUT (default src/generated) and DATA_OUT (default public/data).
 * Small shared files are cached for the whole build; per-agency and per-report
 * files are read by the one page that needs them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { archiveBase, publicPage } from './archive.ts';
import type { Collection } from './collection.ts';
import type { AgencySeries, LevelSeries } from './compare-data.ts';
import type {
  AgencyData, AgencySummary, CompareGroup, QualityEntry, RegionData, ReportPageData, ReportSummary, SiteMeta,
} from './types.ts';

export const siteDataDir = () => resolve(process.env.SITE_DATA_OUT || 'src/generated', 'site');
export const dataOutDir = () => resolve(process.env.DATA_OUT || 'public/data');

const cache = new Map<string, unknown>();

function read<T>(file: string, keep = false): T {
  if (keep && cache.has(file)) return cache.get(file) as T;
  const path = resolve(siteDataDir(), file);
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build:data\` first`);
  const v = JSON.parse(readFileSync(path, 'utf8')) as T;
  if (keep) cache.set(file, v);
  return v;
}

export const loadMeta = () => read<SiteMeta>('meta.json', true);
export const loadAgencies = () => read<AgencySummary[]>('agencies.json', true);

/*
 * Every `page` below is where the report page is published (see archive.ts):
 * the path under the base, or its absolute URL on the data host when
 * DATA_BASE_URL is set and it is an older report page.
 */
const pub = <T extends { page: string }>(x: T): T => {
  const page = publicPage(x.page);
  return page === x.page ? x : { ...x, page };
};
const pubAll = <T extends { page: string }>(xs: T[]): T[] => (archiveBase() ? xs.map(pub) : xs);

let reports: ReportSummary[] | null = null;
export const loadReports = () => (reports ??= pubAll(read<ReportSummary[]>('reports.json')));
let quality: QualityEntry[] | null = null;
export const loadQuality = () => (quality ??= pubAll(read<QualityEntry[]>('quality.json')));
export const loadAgency = (id: string): AgencyData => {
  const d = read<AgencyData>(`agency/${id}.json`);
  return { ...d, reports: pubAll(d.reports) };
};
export const loadReportPage = (id: string): ReportPageData => {
  const d = read<ReportPageData>(`report/${id}.json`);
  return { ...d, report: pub(d.report), siblings: pubAll(d.siblings) };
};
export const loadRegion = (slug: string) => read<RegionData>(`region/${slug}.json`);
export const loadCompare = (key: string): CompareGroup => {
  const g = read<CompareGroup>(`compare/${key}.json`);
  return { ...g, years: g.years.map((y) => ({ ...y, rows: pubAll(y.rows) })) };
};
/** How the corpus was collected (collection.ts); null when the data build wrote none. */
export const loadCollection = (): Collection | null => (existsSync(resolve(siteDataDir(), 'collection.json')) ? read<Collection>('collection.json', true) : null);
export const loadRaw = (file: 'names.json') => readFileSync(resolve(siteDataDir(), file), 'utf8');
export const loadLevels = () => read<LevelSeries[]>('levels.json', true);
/** One agency's series for the pick-and-compare page, its pages as published. */
export const loadSeries = (id: string): AgencySeries => {
  const s = read<AgencySeries>(`series/${id}.json`);
  return archiveBase() ? { ...s, years: s.years.map(pub) } : s;
};

/** The browse page's JS index (see browseIndex in site-data.ts), its page column as published. */
export function loadBrowseIndex(): string {
  const raw = readFileSync(resolve(siteDataDir(), 'browse-index.json'), 'utf8');
  if (!archiveBase()) return raw;
  const idx = JSON.parse(raw) as { dict: string[]; rows: unknown[][] };
  for (const r of idx.rows) r[0] = publicPage(r[0] as string);
  return JSON.stringify(idx);
}

/**
 * Per-agency CSVs: on the data host (`<DATA_OUT>/agencies/<id>.csv`, moved
 * there by the dataset build, so they follow DATA_BASE_URL and do not count
 * against the site's size) when that folder exists; otherwise the site emits
 * them itself at `agencies/<id>/data.csv` from `<SITE_DATA_OUT>/site/csv/`.
 */
export const agencyCsvOnDataHost = () => existsSync(resolve(dataOutDir(), 'agencies'));
export const loadAgencyCsv = (id: string) => readFileSync(resolve(siteDataDir(), 'csv', `${id}.csv`));

export interface ManifestFile { file: string; table?: string; rows?: number; bytes: number; sha256: string; description: string }
export interface ManifestInput { file: string; status: string; error?: string | null; report_id?: string | null }
export interface Manifest { built_at: string; files: ManifestFile[]; inputs: ManifestInput[] }

/** The dataset manifest, or null when the data build has not written one. */
export function loadManifest(): Manifest | null {
  const key = 'manifest';
  if (cache.has(key)) return cache.get(key) as Manifest | null;
  const path = resolve(dataOutDir(), 'manifest.json');
  const m = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Manifest) : null;
  cache.set(key, m);
  return m;
}
