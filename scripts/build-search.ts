/**
 * Full-text search index for the built site: `npm run build:search`.
 * Runs Pagefind over the agency pages of SITE_OUT (default dist; older report
 * pages are not indexed: the agency page holds the latest report). Only agency pages mark their
 * content with data-pagefind-body, so only they are indexed (names, places,
 * pinyin, narrative text); Pagefind segments Chinese itself.
 * Writes SITE_OUT/pagefind/.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as pagefind from 'pagefind';

const siteDir = resolve(process.env.SITE_OUT || 'dist');
if (!existsSync(join(siteDir, 'index.html'))) {
  console.error(`no built site in ${siteDir}: run astro build first`);
  process.exit(1);
}
const t0 = performance.now();
const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
const added = await index.addDirectory({ path: siteDir, glob: 'agencies/*/index.html' });
if (added.errors.length) console.error(added.errors.join('\n'));
const written = await index.writeFiles({ outputPath: join(siteDir, 'pagefind') });
if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
await pagefind.close();
console.error(`搜索索引:${added.page_count} 个页面,${((performance.now() - t0) / 1000).toFixed(1)} 秒,写入 ${join(siteDir, 'pagefind')}`);
