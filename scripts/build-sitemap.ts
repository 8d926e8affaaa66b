/**
 * sitemap.xml for the built site: `npm run build:sitemap`, after the archive
 * move (scripts/postbuild.ts). Lists every page (each `index.html` under
 * SITE_OUT, so nothing is forgotten and nothing listed is missing) as an
 * absolute URL (SITE_URL + SITE_BASE), with the build date as lastmod.
 * Older report pages moved to the data host (DATA_BASE_URL) are not listed:
 * a sitemap names pages of its own host. Over 50,000 URLs (the protocol's
 * limit per file), sitemap.xml is an index of sitemap-1.xml, sitemap-2.xml…
 * Env: SITE_OUT (default dist), SITE_URL, SITE_BASE.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { siteRoot } from '../src/lib/site/archive.ts';
import { siteDataDir } from '../src/lib/site/load.ts';
import { dateBeijing } from '../src/lib/site/format.ts';

const LIMIT = 50_000;
const siteDir = resolve(process.env.SITE_OUT || 'dist');
const root = siteRoot(process.env.SITE_URL || 'http://localhost:4321', process.env.SITE_BASE || '/');
const metaPath = join(siteDataDir(), 'meta.json');
const lastmod = dateBeijing(existsSync(metaPath) ? (JSON.parse(readFileSync(metaPath, 'utf8')) as { built_at: string }).built_at : new Date().toISOString());
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

const urls: string[] = [];
const walk = (dir: string) => {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) { if (!['_astro', 'pagefind', 'data', 'duckdb'].includes(e.name) || dir !== siteDir) walk(p); }
    else if (e.name === 'index.html') urls.push(root + relative(siteDir, dir).split('\\').join('/').replace(/([^/])$/, '$1/'));
  }
};
walk(siteDir);
urls.sort((a, b) => a.length - b.length || (a < b ? -1 : 1)); // home first, then shallow pages

const urlset = (list: string[]) => '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
  list.map((u) => `<url><loc>${esc(u)}</loc><lastmod>${lastmod}</lastmod></url>`).join('\n') + '\n</urlset>\n';

for (const f of readdirSync(siteDir)) if (/^sitemap(-\d+)?\.xml$/.test(f)) rmSync(join(siteDir, f));
if (urls.length <= LIMIT) {
  writeFileSync(join(siteDir, 'sitemap.xml'), urlset(urls));
} else {
  const parts = Math.ceil(urls.length / LIMIT);
  for (let i = 0; i < parts; i++) writeFileSync(join(siteDir, `sitemap-${i + 1}.xml`), urlset(urls.slice(i * LIMIT, (i + 1) * LIMIT)));
  writeFileSync(join(siteDir, 'sitemap.xml'), '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
    Array.from({ length: parts }, (_, i) => `<sitemap><loc>${root}sitemap-${i + 1}.xml</loc><lastmod>${lastmod}</lastmod></sitemap>`).join('\n') + '\n</sitemapindex>\n');
}
console.error(`网站地图:${urls.length} 个页面,写入 ${join(siteDir, 'sitemap.xml')}`);
