/**
 * Full-text search index of the report texts: `npm run build:search`, after
 * `astro build`. One Pagefind record per report (so older years are found,
 * not only each agency's latest), built from the shaped site data
 * (SITE_DATA_OUT/site/report/<id>.json) rather than by crawling HTML:
 *
 *  - content: the report's title line and every source line that is not a
 *    table row (a short line a table value was read from: the numbers are in
 *    the data; the narrative is what people search; a long line, e.g. a page
 *    crawled into one line, is kept), cut into words with src/lib/site/search-text.ts, the same
 *    Chinese segmentation the search page applies to a query, so a quoted query
 *    matches whole words exactly. The record's language is `en`, which makes
 *    Pagefind split on the spaces only (its own Chinese segmenter would cut the
 *    text differently from the query, and is slower).
 *  - meta: title, agency, agency_id, place, year, and `lines` (which word each
 *    line starts at), so a hit links to its source line `#L<n>`.
 *  - filters: agency (grouping hits by agency), province, year.
 *
 * URL: the report's page under the base (Pagefind's `baseUrl` adds the base in
 * the browser), or its absolute URL on the data host when DATA_BASE_URL moves
 * older report pages there (src/lib/site/archive.ts).
 *
 * Writes SITE_OUT/pagefind/; with DATA_BASE_URL set, DATA_OUT/pagefind/
 * instead, published with the data files (at 50,000 reports the index is a
 * few hundred MB; the search page loads it from DATA_BASE_URL, which sends
 * CORS headers already, see docs/deployment.md).
 * SEARCH_REPORTS=latest indexes only each agency's latest report (a knob for
 * very large corpora; default: all).
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as pagefind from 'pagefind';
import { siteDataDir } from '../src/lib/site/load.ts';
import { searchRecord } from '../src/lib/site/search-record.ts';
import type { ReportPageData } from '../src/lib/site/types.ts';

const siteDir = resolve(process.env.SITE_OUT || 'dist');
const reportDir = join(siteDataDir(), 'report');
const dataOut = resolve(process.env.DATA_OUT || 'public/data');
const outDir = process.env.DATA_BASE_URL ? join(dataOut, 'pagefind') : join(siteDir, 'pagefind');
const latestOnly = process.env.SEARCH_REPORTS === 'latest';
if (!existsSync(join(siteDir, 'index.html'))) {
  console.error(`no built site in ${siteDir}: run astro build first`);
  process.exit(1);
}
const t0 = performance.now();
const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);

let pages = 0;
const files = existsSync(reportDir) ? readdirSync(reportDir).filter((f) => f.endsWith('.json')).sort() : [];
for (const f of files) {
  const d = JSON.parse(readFileSync(join(reportDir, f), 'utf8')) as ReportPageData;
  if (latestOnly && d.report.agency_id && d.report.page !== `agencies/${d.report.agency_id}/`) continue;
  const res = await index.addCustomRecord(searchRecord(d));
  if (res.errors.length) console.error(`${f}: ${res.errors.join('; ')}`); else pages++;
}
const tAdded = performance.now();
// no stale bundle where this build does not write one (public/data/ is copied into the site)
for (const d of [join(siteDir, 'pagefind'), join(dataOut, 'pagefind')]) rmSync(d, { recursive: true, force: true });
const written = await index.writeFiles({ outputPath: outDir });
if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
await pagefind.close();
console.error(`搜索索引:${pages} 份报告的正文,${((performance.now() - t0) / 1000).toFixed(1)} 秒(读入 ${((tAdded - t0) / 1000).toFixed(1)} 秒),写入 ${outDir}`);
