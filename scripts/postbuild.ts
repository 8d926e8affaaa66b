/**
 * After `astro build`, before the search index: when DATA_BASE_URL is set,
 * moves the archived report pages (every older report page,
 * `SITE_OUT/agencies/<agency_id>/<year>/`, see src/lib/site/archive.ts) to
 * `DATA_OUT/pages/agencies/<agency_id>/<year>/`, to be uploaded with the data
 * files. Without DATA_BASE_URL it removes a stale `DATA_OUT/pages/` left
 * by an earlier archive build and, when DATA_OUT is not public/data, publishes
 * DATA_OUT as the site's data/ (Astro only copies public/). Env: SITE_OUT (default dist), DATA_OUT (default
 * public/data), DATA_BASE_URL.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const siteDir = resolve(process.env.SITE_OUT || 'dist');
const dataDir = resolve(process.env.DATA_OUT || 'public/data');
const pagesDir = join(dataDir, 'pages');
const t0 = performance.now();

function move(from: string, to: string) {
  try {
    renameSync(from, to);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}

rmSync(pagesDir, { recursive: true, force: true });
if (!process.env.DATA_BASE_URL) {
  console.error('归档页面:未设置 DATA_BASE_URL,所有报告页面留在网站上');
  // The site serves its data at data/: Astro copied public/data; when the dataset was
  // built elsewhere (DATA_OUT), publish that one instead, so pages and files agree.
  const publicData = resolve('public/data');
  if (dataDir !== publicData && existsSync(join(dataDir, 'manifest.json'))) {
    rmSync(join(siteDir, 'data'), { recursive: true, force: true });
    cpSync(dataDir, join(siteDir, 'data'), { recursive: true });
    console.error(`数据文件:已把 ${dataDir} 发布到 ${join(siteDir, 'data')}`);
  }
} else {
  const agencies = join(siteDir, 'agencies');
  let n = 0;
  if (existsSync(agencies)) {
    for (const a of readdirSync(agencies, { withFileTypes: true })) {
      if (!a.isDirectory()) continue;
      const sub = readdirSync(join(agencies, a.name), { withFileTypes: true }).filter((d) => d.isDirectory());
      if (!sub.length) continue;
      const to = join(pagesDir, 'agencies', a.name);
      mkdirSync(to, { recursive: true });
      for (const d of sub) { move(join(agencies, a.name, d.name), join(to, d.name)); n++; }
    }
  }
  console.error(`归档页面:${n} 个较早年度的报告页面移到 ${pagesDir}(${((performance.now() - t0) / 1000).toFixed(1)} 秒),发布地址 ${process.env.DATA_BASE_URL.replace(/\/?$/, '/')}pages/`);
}
