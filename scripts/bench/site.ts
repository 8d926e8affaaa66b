/**
 * Static-site benchmark at 1,000 and 50,000 generated reports (1,000 only with
 * `quick`; `--sizes 50000` to pick): the site is built twice from one dataset
 * build, and the figures are printed next to the budgets:
 *
 *   A. without DATA_BASE_URL: everything on the site's host (site + data files);
 *   B. with DATA_BASE_URL (and SITE_URL): the site part (what GitHub Pages
 *      holds) vs the data-host part (data files, per-agency CSVs and the
 *      archived older report pages, DATA_OUT/pages/, see src/lib/site/archive.ts).
 *
 * Also build times (data, astro, archive move, Pagefind) and the bytes an
 * agency page (with its latest report), an archived report page and the home
 * page transfer (HTML + CSS + JS, gzip; charts are inline SVG).
 *
 * Reuses <workDir>/generated-<n>/{data,generated} from the build benchmark
 * when present, else runs `scripts/build-data.ts` itself (timed).
 *
 * Budgets: agency page < 100 KB transferred; no wasm except the SQL page
 * (Pagefind's is reported apart: it loads on the search page when a query
 * runs); the 50,000-report site on GitHub Pages (B, site part) < 1 GB; data +
 * site built within 10 minutes.
 *
 *   npx node scripts/bench/site.ts [--quick] [--work DIR] [--sizes 1000,50000]
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { ensureCorpus } from './build.ts';

export const BUDGET_AGENCY_KB = 100;
export const BUDGET_SITE_BYTES = 1e9;
export const BUDGET_SECONDS = 600;
const BASE = '/nianbao/';
const SITE_URL = 'https://example.github.io';
const DATA_BASE_URL = 'https://data.example.org/nianbao/';

interface Transfer { page: string; html: number; css: number; js: number; total: number }
interface Build {
  astroSeconds: number; pagesSeconds: number; searchSeconds: number; pages: number;
  siteMb: number; dataMb: number; archiveMb: number; archivePages: number; pagefindMb: number;
  agencyPagesMb: number; reportPagesOnSiteMb: number; duckdbMb: number; otherMb: Record<string, number>;
  agencyMedian: Transfer; agencyMax: Transfer; reportMedian: Transfer | null; home: Transfer; wasmOutsideSql: string[];
}
export interface SiteBenchRow { reports: number; dataSeconds: number | null; local: Build; split: Build }
export interface SiteBenchResult { name: 'site'; rows: SiteBenchRow[]; ok: boolean }

function sh(cmd: string, args: string[], env: NodeJS.ProcessEnv, log: string[]): Promise<number> {
  return new Promise((ok, fail) => {
    const t = performance.now();
    const p = spawn(cmd, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d) => { err = (err + d).slice(-4000); });
    p.on('close', (code) => {
      if (code !== 0) fail(new Error(`${cmd} ${args.join(' ')} exited ${code}\n${err}`));
      else { log.push(err); ok((performance.now() - t) / 1000); }
    });
  });
}

function walk(dir: string, f: (path: string, size: number) => void) {
  if (!existsSync(dir)) return;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, f); else f(p, statSync(p).size);
  }
}
function dirBytes(dir: string, filter: (p: string) => boolean = () => true): number {
  let s = 0;
  walk(dir, (p, n) => { if (filter(p)) s += n; });
  return s;
}
const gz = (buf: Buffer | string) => gzipSync(buf, { level: 6 }).length;
const mb = (n: number) => +(n / 1e6).toFixed(1);

/** Bytes a page transfers (gzip): the HTML and the CSS/JS it links (relative to the base or absolute on SITE_URL). */
function transfer(siteDir: string, htmlPath: string, root: string): Transfer {
  const html = readFileSync(htmlPath, 'utf8');
  const assets = [...html.matchAll(/<(?:link[^>]+rel="?stylesheet"?[^>]+href|script[^>]+src)="?([^"\s>]+)/g)].map((m) => m[1]);
  let css = 0;
  let js = 0;
  for (const a of new Set(assets)) {
    const rel = a.startsWith(SITE_URL + BASE) ? a.slice((SITE_URL + BASE).length) : a.startsWith(BASE) ? a.slice(BASE.length) : a;
    const file = join(siteDir, rel);
    if (!existsSync(file)) continue;
    const n = gz(readFileSync(file));
    if (a.endsWith('.css')) css += n; else js += n;
    // modules the script imports statically
    if (a.endsWith('.js')) for (const m of readFileSync(file, 'utf8').matchAll(/from\s*"\.\/([^"]+\.js)"/g)) js += gz(readFileSync(join(file, '..', m[1])));
  }
  const h = gz(html);
  return { page: htmlPath.slice(root.length + 1), html: h, css, js, total: h + css + js };
}

async function buildSite(env: NodeJS.ProcessEnv, siteDir: string, dataDir: string, log: string[]): Promise<Build> {
  rmSync(siteDir, { recursive: true, force: true });
  const siteEnv = { ...env, SITE_OUT: siteDir, SITE_BASE: BASE };
  const astroSeconds = await sh('npx', ['astro', 'build'], siteEnv, log);
  const pagesSeconds = await sh(process.execPath, ['scripts/postbuild.ts'], siteEnv, log);
  const searchSeconds = await sh(process.execPath, ['scripts/build-search.ts'], siteEnv, log);

  // public/data in the repo (whatever was built last) is copied by Astro: count the benchmark's own data dir instead.
  const notData = (p: string) => !p.startsWith(join(siteDir, 'data') + '/');
  let pages = 0;
  walk(siteDir, (p) => { if (p.endsWith('.html')) pages++; });
  // agencies/<id>/index.html = agency page (with its latest report); agencies/<id>/<year>/index.html = older report pages
  const agencyFiles: { path: string; size: number }[] = [];
  const reportFiles: { path: string; root: string; size: number }[] = [];
  walk(join(siteDir, 'agencies'), (p, size) => {
    if (!p.endsWith('index.html')) return;
    if (p.slice(siteDir.length + 1).split('/').length === 3) agencyFiles.push({ path: p, size });
    else reportFiles.push({ path: p, root: siteDir, size });
  });
  const archiveDir = join(dataDir, 'pages');
  let archivePages = 0;
  walk(archiveDir, (p, size) => { if (p.endsWith('index.html')) { archivePages++; reportFiles.push({ path: p, root: dataDir, size }); } });
  agencyFiles.sort((a, b) => a.size - b.size);
  reportFiles.sort((a, b) => a.size - b.size);
  const otherMb: Record<string, number> = {};
  for (const d of ['browse', 'compare', 'regions', 'quality', 'reports', 'search', '_astro']) otherMb[d] = mb(dirBytes(join(siteDir, d)));
  const wasmOutsideSql: string[] = [];
  walk(siteDir, (p) => {
    const rel = p.slice(siteDir.length + 1);
    if (!notData(p)) return;
    if (rel.endsWith('.wasm') && !rel.startsWith('duckdb/')) wasmOutsideSql.push(rel);
    if (rel.endsWith('.html') && !rel.startsWith('sql/') && /\.wasm|duckdb-wasm|duckdb-browser/.test(readFileSync(p, 'utf8'))) wasmOutsideSql.push(rel);
  });
  const median = reportFiles[Math.floor(reportFiles.length / 2)];
  return {
    astroSeconds: +astroSeconds.toFixed(1), pagesSeconds: +pagesSeconds.toFixed(1), searchSeconds: +searchSeconds.toFixed(1), pages,
    siteMb: mb(dirBytes(siteDir, notData)),
    dataMb: mb(dirBytes(dataDir)),
    archiveMb: mb(dirBytes(archiveDir)),
    archivePages,
    pagefindMb: mb(dirBytes(join(siteDir, 'pagefind'))),
    agencyPagesMb: mb(agencyFiles.reduce((t, f) => t + f.size, 0)),
    reportPagesOnSiteMb: mb(reportFiles.filter((f) => f.root === siteDir).reduce((t, f) => t + f.size, 0)),
    duckdbMb: mb(dirBytes(join(siteDir, 'duckdb'))),
    otherMb,
    agencyMedian: transfer(siteDir, agencyFiles[Math.floor(agencyFiles.length / 2)].path, siteDir),
    agencyMax: transfer(siteDir, agencyFiles[agencyFiles.length - 1].path, siteDir),
    reportMedian: median ? transfer(siteDir, median.path, median.root) : null,
    home: transfer(siteDir, join(siteDir, 'index.html'), siteDir),
    wasmOutsideSql,
  };
}

async function one(workDir: string, n: number): Promise<SiteBenchRow> {
  const log: string[] = [];
  const gen = join(workDir, `generated-${n}`);
  const dataDir = join(gen, 'data');
  const siteData = join(gen, 'generated');
  const env: NodeJS.ProcessEnv = { ...process.env, CORPUS_DIR: '', DATA_OUT: dataDir, SITE_DATA_OUT: siteData, ASTRO_TELEMETRY_DISABLED: '1' };
  delete env.DATA_BASE_URL;
  let dataSeconds: number | null = null;
  if (!existsSync(join(siteData, 'site', 'meta.json')) || !existsSync(join(dataDir, 'manifest.json'))) {
    env.CORPUS_DIR = ensureCorpus(workDir, n);
    dataSeconds = await sh(process.execPath, ['scripts/build-data.ts'], env, log);
  } else {
    const prev = join(workDir, 'build.json');
    if (existsSync(prev)) dataSeconds = JSON.parse(readFileSync(prev, 'utf8')).rows?.find((r: { reports: number }) => r.reports === n)?.seconds ?? null;
  }
  const local = await buildSite(env, resolve(workDir, `site-${n}`), dataDir, log);
  const split = await buildSite({ ...env, SITE_URL, DATA_BASE_URL }, resolve(workDir, `site-${n}-split`), dataDir, log);
  return { reports: n, dataSeconds: dataSeconds === null ? null : +dataSeconds.toFixed(1), local, split };
}

const kb = (n: number) => (n / 1024).toFixed(1) + ' KB';
const secs = (b: Build) => b.astroSeconds + b.pagesSeconds + b.searchSeconds;

export async function run({ quick = false, workDir = 'bench-out', sizes }: { quick?: boolean; workDir?: string; sizes?: number[] } = {}): Promise<SiteBenchResult> {
  const rows: SiteBenchRow[] = [];
  let ok = true;
  for (const n of sizes ?? (quick ? [1000] : [1000, 50000])) {
    const r = await one(resolve(workDir), n);
    rows.push(r);
    const { local: a, split: b } = r;
    const big = n >= 50000;
    const everything = a.siteMb + a.dataMb;
    const total = r.dataSeconds === null ? null : r.dataSeconds + secs(b);
    const checks: [string, string, boolean, boolean?][] = [
      [`A. no DATA_BASE_URL, everything on the site: ${everything.toFixed(1)} MB = site ${a.siteMb} (agency pages ${a.agencyPagesMb} + report pages ${a.reportPagesOnSiteMb} + duckdb ${a.duckdbMb} + pagefind ${a.pagefindMb} + ${Object.entries(a.otherMb).map(([k, v]) => `${k} ${v}`).join(' + ')} + rest) + data files ${a.dataMb}`,
        'GitHub Pages < 1000 MB (informational: set DATA_BASE_URL beyond it)', everything * 1e6 < BUDGET_SITE_BYTES, true],
      [`B. DATA_BASE_URL, site part (GitHub Pages): ${b.siteMb} MB = agency pages ${b.agencyPagesMb} + duckdb ${b.duckdbMb} + pagefind ${b.pagefindMb} + ${Object.entries(b.otherMb).map(([k, v]) => `${k} ${v}`).join(' + ')} + rest`,
        '< 1000 MB', !big || b.siteMb * 1e6 < BUDGET_SITE_BYTES],
      [`B. DATA_BASE_URL, data-host part: ${b.dataMb} MB = data files ${(b.dataMb - b.archiveMb).toFixed(1)} + ${b.archivePages} archived report pages ${b.archiveMb}`, '(reported: object storage)', true],
      [`agency page (median) ${kb(b.agencyMedian.total)} = html ${kb(b.agencyMedian.html)} + css ${kb(b.agencyMedian.css)} + js ${kb(b.agencyMedian.js)}`, `< ${BUDGET_AGENCY_KB} KB`, b.agencyMedian.total < BUDGET_AGENCY_KB * 1024],
      [`agency page (largest, ${b.agencyMax.page}) ${kb(b.agencyMax.total)}`, `< ${BUDGET_AGENCY_KB} KB`, b.agencyMax.total < BUDGET_AGENCY_KB * 1024],
      [`archived report page (median, ${b.reportMedian?.page ?? 'none'}) ${b.reportMedian ? kb(b.reportMedian.total) : '-'}`, '(reported)', true],
      [`home page ${kb(b.home.total)} = html ${kb(b.home.html)} + css ${kb(b.home.css)} + js ${kb(b.home.js)}`, '(reported)', true],
      [`wasm outside the SQL page: ${[...new Set([...a.wasmOutsideSql, ...b.wasmOutsideSql])].join(', ') || 'none'}`, 'none (Pagefind wasm on search, on query, reported)',
        [...a.wasmOutsideSql, ...b.wasmOutsideSql].every((p) => p.startsWith('pagefind/'))],
      [`build A: astro ${a.astroSeconds} s + pages ${a.pagesSeconds} s + search ${a.searchSeconds} s (${a.pages} pages)`, '(reported)', true],
      [`build B: data ${r.dataSeconds ?? '?'} s + astro ${b.astroSeconds} s + archive move ${b.pagesSeconds} s + search ${b.searchSeconds} s = ${total?.toFixed(1) ?? '?'} s (${b.pages} pages on the site)`,
        `< ${BUDGET_SECONDS} s`, !big || (total ?? 0) < BUDGET_SECONDS],
    ];
    console.log(`\n${n} reports:`);
    for (const [what, budget, pass, info] of checks) {
      console.log(`  ${pass ? 'ok  ' : info ? 'over' : 'MISS'} ${what}   budget ${budget}`);
      if (!info) ok &&= pass;
    }
  }
  return { name: 'site', rows, ok };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const w = process.argv.indexOf('--work');
  const z = process.argv.indexOf('--sizes');
  const sizes = z > 0 ? process.argv[z + 1].split(',').map(Number) : undefined;
  const res = await run({ quick: process.argv.includes('--quick'), workDir: w > 0 ? process.argv[w + 1] : 'bench-out', sizes });
  process.exitCode = res.ok ? 0 : 1;
}
