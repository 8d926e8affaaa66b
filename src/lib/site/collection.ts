/**
 * How the corpus was collected and how complete it is, for the methodology
 * page: every SOURCES.tsv row (dataset/sources.ts) joined to the report read
 * from that file, as a grid of agencies × years (present and how it read, or
 * absent from the archive), written once at build time to
 * `<SITE_DATA_OUT>/site/collection.json`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Status } from '../schema.ts';
import { readSources, repositoryUrl, type SourceRow } from '../dataset/sources.ts';
import { reportPages } from './site-data.ts';

/** What is known about an archive beyond SOURCES.tsv (from the archive's own README). */
export const ARCHIVE_NOTES: Record<string, { site: string; note: string }> = {
  'changwu/pingtan-gov-zwgk-archive': {
    site: 'https://www.pingtan.gov.cn/zwgk/',
    note: '平潭综合实验区政府门户网站“政务公开”栏目的网络存档(爬虫抓取的网页正文 page.txt)。存档的说明记载其更新于 2026 年 9 月 10 日;'
      + '抓取当时,该栏目枚举到的 72,744 篇文档中已存档 17,519 篇,其余尚待抓取。所以存档并不完整:存档里没有的报告,不等于机关没有发布。',
  },
};

export interface CollectionCell { year: number; status: Status | null; file: string | null; page: string | null; published: string | null }
export interface Collection {
  repositories: { repo: string; url: string; site: string | null; note: string | null; files: number; commits: { commit: string; files: number }[] }[];
  years: number[];
  /** One row per agency named in SOURCES.tsv, its years in `years` order. */
  grid: { agency: string; cells: CollectionCell[] }[];
  counts: { sourced: number; ok: number; warnings: number; failed: number; slots: number; absent: number; unsourced: number };
}

interface ReportLike { report_id: string; agency_id: string | null; year: number | null; source_file: string; status: Status }

/** 2020-01 from an archive path like `…/zfxxgknb/202001/80560_…/page.txt` (the month the page was published). */
function publishedMonth(path: string): string | null {
  const m = path.match(/\/(20\d{2})(0[1-9]|1[0-2])\//);
  return m ? `${m[1]}-${m[2]}` : null;
}

/** An agency as the archive names it, without a trailing note such as (乡镇级片区), so its years share one row. */
export const agencyKey = (name: string) => name.replace(/\s*[((][^()()]*[))]\s*$/, '').trim();

export function collection(sourceRows: SourceRow[], reports: ReportLike[]): Collection {
  const sources = sourceRows.map((s) => ({ ...s, agency: agencyKey(s.agency) }));
  const byFile = new Map(reports.map((r) => [r.source_file, r]));
  const pages = reportPages(reports);
  const years = [...new Set(sources.map((s) => s.year).filter((y): y is number => y !== null))].sort((a, b) => a - b);
  const agencies = [...new Set(sources.map((s) => s.agency))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const grid = agencies.map((agency) => ({
    agency,
    cells: years.map((year): CollectionCell => {
      const s = sources.find((x) => x.agency === agency && x.year === year);
      const r = s ? byFile.get(s.file) : undefined;
      return { year, status: r?.status ?? null, file: s?.file ?? null, page: r ? pages.get(r.report_id) ?? null : null, published: s ? publishedMonth(s.path) : null };
    }),
  }));
  const repos = new Map<string, SourceRow[]>();
  for (const s of sources) repos.set(s.repository, [...(repos.get(s.repository) ?? []), s]);
  const sourced = sources.filter((s) => byFile.has(s.file));
  const count = (st: Status) => sourced.filter((s) => byFile.get(s.file)!.status === st).length;
  const sourcedFiles = new Set(sources.map((s) => s.file));
  return {
    repositories: [...repos].map(([repo, rows]) => {
      const commits = new Map<string, number>();
      for (const r of rows) commits.set(r.commit, (commits.get(r.commit) ?? 0) + 1);
      return {
        repo, url: repositoryUrl(repo), site: ARCHIVE_NOTES[repo]?.site ?? null, note: ARCHIVE_NOTES[repo]?.note ?? null,
        files: rows.length, commits: [...commits].map(([commit, files]) => ({ commit, files })).sort((a, b) => b.files - a.files),
      };
    }),
    years,
    grid,
    counts: {
      sourced: sourced.length, ok: count('ok'), warnings: count('warnings'), failed: count('failed'),
      slots: agencies.length * years.length, absent: grid.reduce((n, g) => n + g.cells.filter((c) => !c.file).length, 0),
      unsourced: reports.filter((r) => !sourcedFiles.has(r.source_file) && !/(^|\/)SOURCES\.tsv$/.test(r.source_file)).length,
    },
  };
}

export function writeCollection(corpusDir: string, reports: ReportLike[], siteDataOut: string): void {
  writeFileSync(join(siteDataOut, 'site', 'collection.json'), JSON.stringify(collection(readSources(corpusDir), reports)));
}
