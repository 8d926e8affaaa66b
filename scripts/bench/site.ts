/**
 * Static-site benchmark: build time and size of the site for 1,000 and 50,000
 * generated reports (1,000 only with `quick`), and the bytes an agency page
 * (with its latest report), an older report page and the home page transfer
 * (HTML + CSS + JS, gzip; charts are inline SVG), and the site's size with and
 * without the data files (DATA_BASE_URL moves them, and the per-agency CSVs
 * once the dataset build puts them in <DATA_OUT>/agencies/).
 *
 * Reuses <workDir>/generated-<n>/{data,generated} from the build benchmark
 * when present, else runs `scripts/build-data.ts` itself (timed). The site is
 * built into <workDir>/site-<n> (astro build + Pagefind).
 *
 * Budgets: agency page < 100 KB transferred; no wasm except the SQL page
 * (Pagefind's is reported apart: it loads on the search page when a query
 * runs); 50,000-report site < 1 GB and data + site built within 10 minutes.
 *
 *   npx tsx scripts/bench/site.ts [--quick] [--work DIR]
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

interface Transfer { page: string; html: number; css: number; js: number; total: number }
export interface SiteBenchRow {
  reports: number; dataSeconds: number | null; astroSeconds: number; searchSeconds: number; totalSeconds: number | null;
  pages: number; siteMb: number; dataMb: number; pagefindMb: number; reportPagesMb: number; agencyPagesMb: number;
  csvOnSiteMb: number; duckdbMb: number; otherMb: Record<string, number>;
  agencyMedian: Transfer; agencyMax: Transfer; reportMedian: Transfer | null; home: Transfer; wasmOutsideSql: string[];
}
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
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, f); else f(p, statSync(p).size);
  }
}
function dirBytes(dir: string, filter: (p: string) => boolean = () => true): number {
  let s = 0;
  if (existsSync(dir)) walk(dir, (p, n) => { if (filter(p)) s += n; });
  return s;
}
const gz = (buf: Buffer | string) => gzipSync(buf, { level: 6 }).length;

/** Bytes a page transfers (gzip): the HTML and the CSS/JS it links. Charts are inline SVG in the HTML. */
function transfer(siteDir: string, htmlPath: string): Transfer {
  const html = readFileSync(htmlPath, 'utf8');
  const assets = [...html.matchAll(/<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"/g)].map((m) => m[1]);
  let css = 0;
  let js = 0;
  for (const a of new Set(assets)) {
    const file = join(siteDir, a.startsWith(BASE) ? a.slice(BASE.length) : a);
    if (!existsSync(file)) continue;
    const n = gz(readFileSync(file));
    if (a.endsWith('.css')) css += n; else js += n;
    // modules the script imports statically
    if (a.endsWith('.js')) for (const m of readFileSync(file, 'utf8').matchAll(/from\s*"\.\/([^"]+\.js)"/g)) js += gz(readFileSync(join(file, '..', m[1])));
  }
  const h = gz(html);
  return { page: htmlPath.slice(siteDir.length + 1), html: h, css, js, total: h + css + js };
}

async function one(workDir: string, n: number): Promise<SiteBenchRow> {
  const log: string[] = [];
  const gen = join(workDir, `generated-${n}`);
  const dataDir = join(gen, 'data');
  const siteData = join(gen, 'generated');
  const env = { ...process.env, CORPUS_DIR: '', DATA_OUT: dataDir, SITE_DATA_OUT: siteData, ASTRO_TELEMETRY_DISABLED: '1' };
  let dataSeconds: number | null = null;
  if (!existsSync(join(siteData, 'site', 'meta.json')) || !existsSync(join(dataDir, 'manifest.json'))) {
    env.CORPUS_DIR = ensureCorpus(workDir, n);
    dataSeconds = await sh('npx', ['tsx', 'scripts/build-data.ts'], env, log);
  } else {
    const prev = join(workDir, 'build.json');
    if (existsSync(prev)) dataSeconds = JSON.parse(readFileSync(prev, 'utf8')).rows?.find((r: { reports: number }) => r.reports === n)?.seconds ?? null;
  }
  const siteDir = resolve(workDir, `site-${n}`);
  rmSync(siteDir, { recursive: true, force: true });
  const siteEnv = { ...env, SITE_OUT: siteDir, SITE_BASE: BASE };
  const astroSeconds = await sh('npx', ['astro', 'build'], siteEnv, log);
  const searchSeconds = await sh('npx', ['tsx', 'scripts/build-search.ts'], siteEnv, log);

  // Sizes. public/data in the repo (whatever was built last) is copied by Astro: count the benchmark's own data dir instead.
  const notData = (p: string) => !p.startsWith(join(siteDir, 'data') + '/');
  let pages = 0;
  walk(siteDir, (p) => { if (p.endsWith('.html')) pages++; });
  // agencies/<id>/index.html = agency page (with its latest report); agencies/<id>/<year>/index.html = older report pages
  const agencyFiles: { path: string; size: number }[] = [];
  const reportFiles: { path: string; size: number }[] = [];
  let csvOnSite = 0;
  walk(join(siteDir, 'agencies'), (p, size) => {
    const depth = p.slice(siteDir.length + 1).split('/').length;
    if (p.endsWith('.csv')) csvOnSite += size;
    else if (p.endsWith('index.html')) (depth === 3 ? agencyFiles : reportFiles).push({ path: p, size });
  });
  walk(join(siteDir, 'reports'), (p, size) => { if (p.endsWith('index.html')) reportFiles.push({ path: p, size }); });
  agencyFiles.sort((a, b) => a.size - b.size);
  reportFiles.sort((a, b) => a.size - b.size);
  const otherMb: Record<string, number> = {};
  for (const d of ['browse', 'compare', 'regions', 'quality', 'search', '_astro']) otherMb[d] = +(dirBytes(join(siteDir, d)) / 1e6).toFixed(1);
  const wasmOutsideSql: string[] = [];
  walk(siteDir, (p) => {
    const rel = p.slice(siteDir.length + 1);
    if (rel.endsWith('.wasm') && !rel.startsWith('duckdb/')) wasmOutsideSql.push(rel);
    if (rel.endsWith('.html') && !rel.startsWith('sql/') && /\.wasm|duckdb-wasm|duckdb-browser/.test(readFileSync(p, 'utf8'))) wasmOutsideSql.push(rel);
  });
  return {
    reports: n,
    dataSeconds: dataSeconds === null ? null : +dataSeconds.toFixed(1),
    astroSeconds: +astroSeconds.toFixed(1),
    searchSeconds: +searchSeconds.toFixed(1),
    totalSeconds: dataSeconds === null ? null : +(dataSeconds + astroSeconds + searchSeconds).toFixed(1),
    pages,
    siteMb: +(dirBytes(siteDir, notData) / 1e6).toFixed(1),
    dataMb: +(dirBytes(dataDir) / 1e6).toFixed(1),
    pagefindMb: +(dirBytes(join(siteDir, 'pagefind')) / 1e6).toFixed(1),
    reportPagesMb: +(reportFiles.reduce((t, f) => t + f.size, 0) / 1e6).toFixed(1),
    agencyPagesMb: +(agencyFiles.reduce((t, f) => t + f.size, 0) / 1e6).toFixed(1),
    csvOnSiteMb: +(csvOnSite / 1e6).toFixed(1),
    duckdbMb: +(dirBytes(join(siteDir, 'duckdb')) / 1e6).toFixed(1),
    otherMb,
    agencyMedian: transfer(siteDir, agencyFiles[Math.floor(agencyFiles.length / 2)].path),
    reportMedian: reportFiles.length ? transfer(siteDir, reportFiles[Math.floor(reportFiles.length / 2)].path) : null,
    agencyMax: transfer(siteDir, agencyFiles[agencyFiles.length - 1].path),
    home: transfer(siteDir, join(siteDir, 'index.html')),
    wasmOutsideSql,
  };
}

const kb = (n: number) => (n / 1024).toFixed(1) + ' KB';

export async function run({ quick = false, workDir = 'bench-out' }: { quick?: boolean; workDir?: string } = {}): Promise<SiteBenchResult> {
  const rows: SiteBenchRow[] = [];
  let ok = true;
  for (const n of quick ? [1000] : [1000, 50000]) {
    const r = await one(resolve(workDir), n);
    rows.push(r);
    // Without data: the site as built (data/ on DATA_BASE_URL); per-agency CSVs count as data only once
    // the dataset build moves them to <DATA_OUT>/agencies/ (then they are no longer on the site).
    const withoutData = r.siteMb - r.csvOnSiteMb;
    const withData = r.siteMb + r.dataMb;
    const checks = [
      [`agency page (median) ${kb(r.agencyMedian.total)} = html ${kb(r.agencyMedian.html)} + css ${kb(r.agencyMedian.css)} + js ${kb(r.agencyMedian.js)}`, `< ${BUDGET_AGENCY_KB} KB`, r.agencyMedian.total < BUDGET_AGENCY_KB * 1024],
      [`agency page (largest, ${r.agencyMax.page}) ${kb(r.agencyMax.total)}`, `< ${BUDGET_AGENCY_KB} KB`, r.agencyMax.total < BUDGET_AGENCY_KB * 1024],
      [`report page (median) ${r.reportMedian ? kb(r.reportMedian.total) : 'none'}`, '(reported)', true],
      [`home page ${kb(r.home.total)} = html ${kb(r.home.html)} + css ${kb(r.home.css)} + js ${kb(r.home.js)}`, '(reported)', true],
      [`wasm outside the SQL page: ${r.wasmOutsideSql.length ? r.wasmOutsideSql.join(', ') : 'none'}`, 'none (Pagefind wasm on search, on query, reported)', r.wasmOutsideSql.every((p) => p.startsWith('pagefind/'))],
      [`site ${r.siteMb} MB = agency pages ${r.agencyPagesMb} + report pages ${r.reportPagesMb} + CSV ${r.csvOnSiteMb} + duckdb ${r.duckdbMb} + pagefind ${r.pagefindMb} + ${Object.entries(r.otherMb).map(([k, v]) => `${k} ${v}`).join(' + ')} + rest`, '(reported)', true],
      [`site with data files (${r.dataMb} MB) ${withData.toFixed(1)} MB`, '< 1000 MB', n < 50000 || withData * 1e6 < BUDGET_SITE_BYTES],
      [`site without data files and CSVs (DATA_BASE_URL) ${withoutData.toFixed(1)} MB`, '< 1000 MB', n < 50000 || withoutData * 1e6 < BUDGET_SITE_BYTES],
      [`build: data ${r.dataSeconds ?? '?'} s + astro ${r.astroSeconds} s + search ${r.searchSeconds} s = ${r.totalSeconds ?? '?'} s (${r.pages} pages)`, `< ${BUDGET_SECONDS} s`, n < 50000 || (r.totalSeconds ?? 0) < BUDGET_SECONDS],
    ] as const;
    console.log(`\n${n} reports:`);
    for (const [what, budget, pass] of checks) {
      console.log(`  ${pass ? 'ok  ' : 'MISS'} ${what}   budget ${budget}`);
      ok &&= pass;
    }
  }
  return { name: 'site', rows, ok };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const w = process.argv.indexOf('--work');
  const res = await run({ quick: process.argv.includes('--quick'), workDir: w > 0 ? process.argv[w + 1] : 'bench-out' });
  process.exitCode = res.ok ? 0 : 1;
}
