/**
 * A report as the full-text index record scripts/build-search.ts adds (see
 * there for what goes in and why): build side only.
 */
import { publicPage } from './archive.ts';
import { encodeLines, words } from './search-text.ts';
import type { ReportPageData } from './types.ts';

/** A table-value line longer than this is not just a table row. */
const TABLE_LINE_MAX = 200;

/** One report as the Pagefind record scripts/build-search.ts adds (see there). */
export function searchRecord(d: ReportPageData) {
  const r = d.report;
  const agency = r.agency ?? '未识别机关';
  const year = r.year === null ? '年度未识别' : String(r.year);
  const title = `${agency} ${r.year === null ? '年度未识别' : `${r.year}年度`}报告`;
  const used = new Set(d.used);
  const ws = words(title);
  const starts: [number, number][] = [];
  d.lines.forEach((line, i) => {
    // a short line a table value was read from is a table row (its numbers are in the data); a long one
    // (a page crawled into one line, tables and narrative together) is indexed
    if (!line.trim() || (used.has(i + 1) && line.length <= TABLE_LINE_MAX)) return;
    const before = ws.length;
    words(line, ws);
    if (ws.length > before) starts.push([i + 1, before]);
  });
  const page = publicPage(r.page);
  return {
    url: /^https?:\/\//.test(page) ? page : '/' + page,
    content: ws.join(' '),
    language: 'en',
    meta: {
      title, agency, agency_id: r.agency_id ?? '', year,
      place: [r.province, r.city, r.county, r.township].filter(Boolean).join(' ') || '未识别地区',
      lines: encodeLines(starts),
    },
    filters: { agency: [r.agency_id ?? agency], province: [r.province ?? '未识别地区'], year: [year] },
  };
}
