/**
 * SQL page benchmark: time from navigation to the first result, and bytes
 * transferred, on the embedded corpus and on a generated corpus (50,000
 * reports; 2,000 with `quick`). For each query:
 *
 *   cold       a first visit (empty profile) on localhost;
 *   repeat     the same URL again in a new tab of the same browser (a returning
 *              visitor: HTTP cache, code cache, and the page's own store of
 *              earlier results, see src/scripts/sql/result-cache.ts);
 *   repeat-new a new query on a repeat visit (nothing but the engine and the
 *              caches of the files: what the engine start itself costs).
 *
 * Repeat visits are measured REPEATS times; the median is reported (the
 * machine may be shared). Once per corpus, a first visit over a throttled
 * connection (THROTTLE_MBIT Mbit/s down, 40 ms latency, Chromium's
 * Network.emulateNetworkConditions): what a reader on a phone waits for.
 * Also shows how many bytes of dataset.duckdb a selective and an aggregate
 * query fetch.
 *
 *   npx node scripts/bench/sql.ts [--quick] [--work DIR]
 *   SQL_BENCH_SITE=DIR   reuse a built site (base /nianbao/) instead of building one
 *   SQL_BENCH_DATASETS=name=path.duckdb,...   measure these files instead of building corpora
 *
 * Served by a small GitHub-Pages-like server (ETag, Last-Modified,
 * Cache-Control max-age=600, range requests, gzip for text and wasm as GitHub
 * Pages does, never for byte ranges) so "repeat" means what it means for a
 * visitor of the published site. Goals: cold ≤ 3 s, repeat ≤ 0.5 s on localhost.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { CHROMIUM, CHROMIUM_FLAGS } from '../../tests/browser/browser.ts';
import { sqlPageUrl } from '../../src/lib/sql/share.ts';

const BASE = '/nianbao/';
const GOAL_COLD_MS = 3000;
const GOAL_WARM_MS = 500;
const REPEATS = Number(process.env.SQL_BENCH_REPEATS ?? 5);
const THROTTLE_MBIT = Number(process.env.SQL_BENCH_MBIT ?? 20);
/** Time spent on the page after a first visit, before the next one (env SQL_BENCH_DWELL_MS); 500 ms after a repeat visit. */
const DWELL_MS = Number(process.env.SQL_BENCH_DWELL_MS ?? 3000);

export interface SqlBenchRow {
  corpus: string; reports: number | null; datasetBytes: number; query: string; cache: 'cold' | 'repeat' | 'repeat-new' | 'throttled';
  firstResultMs: number; engineReadyMs: number; queryMs: number; marks: Record<string, number>; totalBytes: number; datasetBytesFetched: number; datasetRequests: number;
  /** The first result came from the page's store of earlier results. */
  fromCache: boolean;
  /** Repeat visits: every measurement (the row holds the median). */
  samples?: number[];
}
export interface SqlBenchResult { name: 'sql'; rows: SqlBenchRow[]; goals: { coldMs: number; warmMs: number }; ok: boolean }

/**
 * one_report: one report's application table (report_id is the sort key: zone maps skip other blocks);
 * one_agency: one agency's number across its years (its reports are spread over the table);
 * columns: an aggregate over a few reports columns; full: indicators over every application row.
 */
type Facts = { reports: number; agency: string; reportId: string };
const QUERIES: Record<string, (f: Facts) => string> = {
  one_report: (f) => `SELECT row, applicant, value FROM applications WHERE report_id = '${f.reportId.replace(/'/g, "''")}' ORDER BY row, applicant`,
  one_agency: (f) => `SELECT r.agency, r.year, a.value FROM applications a JOIN reports r USING (report_id) WHERE r.agency = '${f.agency.replace(/'/g, "''")}' AND a.row = 'new_received' AND a.applicant = 'total'`,
  columns: () => `SELECT year, status, count(*) AS reports FROM reports GROUP BY ALL ORDER BY ALL`,
  full: () => `SELECT year, count(*) AS reports, sum(new_received) AS new_received, sum(granted) / sum(total_handled) AS grant_share FROM report_indicators GROUP BY year ORDER BY year`,
};

// ---------------------------------------------------------------------------
// A GitHub-Pages-like static server that counts the bytes it sends.

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.json': 'application/json' };

const GZIP = new Set(['.html', '.js', '.css', '.json', '.svg', '.wasm']);
const gzCache = new Map<string, { mtime: number; body: Buffer }>();
function gzipped(file: string, mtime: number): Buffer {
  const c = gzCache.get(file);
  if (c && c.mtime === mtime) return c.body;
  const body = gzipSync(readFileSync(file), { level: 6 });
  gzCache.set(file, { mtime, body });
  return body;
}

interface Served { url: string; bytes: Map<string, { bytes: number; requests: number }>; reset(): void; close(): Promise<void> }

/** Serves `siteDir` under BASE; `overrides` maps URL paths below BASE to other files. */
async function pagesServer(siteDir: string, overrides: Record<string, string>): Promise<Served> {
  const bytes = new Map<string, { bytes: number; requests: number }>();
  const count = (p: string, n: number) => { const e = bytes.get(p) ?? { bytes: 0, requests: 0 }; e.bytes += n; e.requests++; bytes.set(p, e); };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let rel = decodeURIComponent(url.pathname);
    if (!rel.startsWith(BASE)) { res.writeHead(404); res.end(); return; }
    rel = normalize(rel.slice(BASE.length)).replace(/^(\.\.[/\\])+/, '');
    let file = overrides[rel] ?? join(siteDir, rel);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) { res.writeHead(404); res.end(); count(rel, 0); return; }
    const st = statSync(file);
    // A strong validator, as GitHub Pages sends: Chromium caches byte ranges only with one.
    const etag = `"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"`;
    const headers: Record<string, string | number> = {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'accept-ranges': 'bytes', etag,
      'last-modified': st.mtime.toUTCString(), 'cache-control': 'max-age=600', 'access-control-allow-origin': '*',
    };
    if (req.headers['if-none-match'] === etag) { res.writeHead(304, headers); res.end(); count(rel, 0); return; }
    // Like GitHub Pages: whole text and wasm responses gzip-encoded when the browser asks; byte ranges never.
    if (!req.headers.range && GZIP.has(extname(file)) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      const body = gzipped(file, st.mtimeMs);
      res.writeHead(200, { ...headers, 'content-encoding': 'gzip', 'content-length': body.length, vary: 'Accept-Encoding' });
      if (req.method === 'HEAD') { res.end(); count(rel, 0); return; }
      count(rel, body.length);
      res.end(body);
      return;
    }
    const m = req.headers.range?.match(/^bytes=(\d*)-(\d*)$/);
    let start = 0, end = st.size - 1, status = 200;
    if (m) {
      start = m[1] ? Number(m[1]) : Math.max(0, st.size - Number(m[2]));
      end = m[1] && m[2] ? Math.min(Number(m[2]), st.size - 1) : st.size - 1;
      if (start >= st.size || start > end) { res.writeHead(416, { 'content-range': `bytes */${st.size}` }); res.end(); return; }
      status = 206;
      headers['content-range'] = `bytes ${start}-${end}/${st.size}`;
    }
    headers['content-length'] = end - start + 1;
    res.writeHead(status, headers);
    if (req.method === 'HEAD') { res.end(); count(rel, 0); return; }
    count(rel, end - start + 1);
    createReadStream(file, { start, end }).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}${BASE}`,
    bytes,
    reset: () => bytes.clear(),
    close: () => new Promise<void>((ok) => { server.closeAllConnections(); server.close(() => ok()); }),
  };
}

// ---------------------------------------------------------------------------

function sh(cmd: string, args: string[], env: Record<string, string> = {}) {
  execFileSync(cmd, args, { env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
}

function ensureSite(workDir: string): string {
  const given = process.env.SQL_BENCH_SITE;
  if (given) return resolve(given);
  const site = join(workDir, 'site');
  if (!existsSync(join(site, 'sql/index.html'))) {
    // The pages are built from the embedded corpus's site data: on a fresh clone, build it first.
    if (!existsSync('src/generated/site/agencies.json')) sh(process.execPath, ['scripts/build-data.ts']);
    sh(process.execPath, ['scripts/copy-duckdb.ts']);
    sh('npx', ['astro', 'build'], { SITE_BASE: BASE, SITE_OUT: site });
  }
  return site;
}

/** Builds dataset.duckdb for a corpus (the lead's build-data) and returns its path. */
function buildDataset(workDir: string, name: string, corpusDir: string): string {
  const out = join(workDir, name);
  const file = join(out, 'data', 'dataset.duckdb');
  if (!existsSync(file)) {
    mkdirSync(out, { recursive: true });
    sh(process.execPath, ['scripts/build-data.ts'], { CORPUS_DIR: corpusDir, DATA_OUT: join(out, 'data'), SITE_DATA_OUT: join(out, 'generated') });
  }
  return file;
}

function datasets(workDir: string, quick: boolean): Record<string, string> {
  if (process.env.SQL_BENCH_DATASETS) {
    return Object.fromEntries(process.env.SQL_BENCH_DATASETS.split(',').map((kv) => kv.split('=') as [string, string]));
  }
  const n = quick ? 2000 : 50_000;
  const gen = join(workDir, `corpus-${n}`);
  if (!existsSync(gen)) sh(process.execPath, ['scripts/generate.ts', '--count', String(n), '--out', gen, '--no-truth']);
  return { embedded: buildDataset(workDir, 'embedded', 'data'), [`generated-${n}`]: buildDataset(workDir, `generated-${n}`, gen) };
}

/** Facts about a dataset file: report count, one agency and one report to query (from node DuckDB). */
async function facts(file: string): Promise<Facts> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const inst = await DuckDBInstance.create(':memory:');
  const c = await inst.connect();
  await c.run(`ATTACH '${file.replace(/'/g, "''")}' AS ds (READ_ONLY)`);
  const r = (await c.runAndReadAll(`SELECT (SELECT count(*) FROM ds.reports) AS n,
      (SELECT agency FROM ds.reports WHERE agency IS NOT NULL ORDER BY agency = '咸安区人民政府' DESC, report_id LIMIT 1) AS agency,
      (SELECT report_id FROM ds.reports ORDER BY report_id LIMIT 1 OFFSET (SELECT count(*) // 2 FROM ds.reports)) AS rid`)).getRowObjectsJS()[0];
  c.closeSync(); inst.closeSync();
  return { reports: Number(r.n), agency: String(r.agency), reportId: String(r.rid) };
}

type Ctx = Awaited<ReturnType<typeof chromium.launchPersistentContext>>;

/** One visit in a new tab: navigation → first result, with the page's milestones and the bytes served. */
async function visit(ctx: Ctx, srv: Served, url: string, label: string, setup?: (page: import('playwright-core').Page) => Promise<void>, dwell = DWELL_MS) {
  const page = await ctx.newPage();
  try {
    await setup?.(page);
    srv.reset();
    await page.goto(url);
    await page.waitForFunction(() => document.getElementById('sql-app')?.dataset.runs === '1', null, { timeout: 180_000 });
    const err = await page.textContent('#sql-error');
    if (err?.trim()) throw new Error(`${label}: ${err}`);
    const firstResultMs = Number(await page.getAttribute('#sql-app', 'data-first-result-ms'));
    const fromCache = (await page.getAttribute('#sql-app', 'data-cached')) === 'true';
    // The engine may still be starting behind a result from the page's store: wait for it too.
    await page.waitForFunction(() => document.getElementById('sql-app')?.dataset.engine === 'ready', null, { timeout: 180_000 });
    const engineReadyMs = Number(await page.getAttribute('#sql-app', 'data-ready-ms'));
    const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark')
      .filter((m) => m.name.startsWith('sql:')).map((m) => [m.name.slice(4), Math.round(m.startTime)])));
    const queryMs = Math.round(Number(await page.getAttribute('.sql-meta', 'data-ms')));
    const ds = srv.bytes.get('data/dataset.duckdb') ?? { bytes: 0, requests: 0 };
    const totalBytes = [...srv.bytes.values()].reduce((a, e) => a + e.bytes, 0);
    // A visitor stays a moment: lets V8 finish compiling and write its code cache.
    await page.waitForTimeout(dwell);
    return { firstResultMs, engineReadyMs, queryMs, marks, totalBytes, datasetBytesFetched: ds.bytes, datasetRequests: ds.requests, fromCache };
  } finally {
    await page.close();
  }
}

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };

export async function run({ quick = false, workDir = 'bench-out/sql' }: { quick?: boolean; workDir?: string } = {}): Promise<SqlBenchResult> {
  workDir = resolve(workDir);
  mkdirSync(workDir, { recursive: true });
  const site = ensureSite(workDir);
  const rows: SqlBenchRow[] = [];
  for (const [corpus, file] of Object.entries(datasets(workDir, quick))) {
    const f = await facts(file);
    const srv = await pagesServer(site, { 'data/dataset.duckdb': file });
    const base = { corpus, reports: f.reports, datasetBytes: statSync(file).size };
    try {
      for (const [qname, q] of Object.entries(QUERIES)) {
        // A fresh on-disk profile per query: cold = empty HTTP cache; then new tabs of the same
        // browser, as for a visitor coming back.
        const profile = mkdtempSync(join(workDir, 'profile-'));
        const ctx = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true });
        try {
          const url = (sql: string) => new URL(sqlPageUrl(BASE, sql), srv.url).href;
          rows.push({ ...base, query: qname, cache: 'cold', ...await visit(ctx, srv, url(q(f)), `${corpus}/${qname}/cold`) });
          for (const cache of ['repeat', 'repeat-new'] as const) {
            const got = [];
            for (let i = 0; i < REPEATS; i++) {
              // repeat-new: the same question in words never asked before (a new comment), so no stored result.
              const sql = cache === 'repeat' ? q(f) : `-- ${cache} ${i}\n${q(f)}`;
              got.push(await visit(ctx, srv, url(sql), `${corpus}/${qname}/${cache}`, undefined, 500));
            }
            const m = median(got.map((g) => g.firstResultMs));
            const mid = got.find((g) => g.firstResultMs === m)!;
            rows.push({ ...base, query: qname, cache, ...mid, samples: got.map((g) => g.firstResultMs) });
          }
        } finally {
          await ctx.close();
          rmSync(profile, { recursive: true, force: true });
        }
      }
      // A first visit over a throttled connection (what a reader on a phone waits for).
      const profile = mkdtempSync(join(workDir, 'profile-'));
      const ctx = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true });
      try {
        const qname = 'columns';
        const throttle = async (page: import('playwright-core').Page) => {
          const cdp = await ctx.newCDPSession(page);
          await cdp.send('Network.enable');
          await cdp.send('Network.emulateNetworkConditions', {
            offline: false, latency: 40, downloadThroughput: (THROTTLE_MBIT * 1e6) / 8, uploadThroughput: (5 * 1e6) / 8,
          });
        };
        rows.push({ ...base, query: qname, cache: 'throttled', ...await visit(ctx, srv, new URL(sqlPageUrl(BASE, QUERIES[qname](f)), srv.url).href, `${corpus}/throttled`, throttle) });
      } finally {
        await ctx.close();
        rmSync(profile, { recursive: true, force: true });
      }
    } finally { await srv.close(); }
  }
  const ok = rows.every((r) => r.cache === 'throttled' || r.cache === 'repeat-new' || r.firstResultMs <= (r.cache === 'cold' ? GOAL_COLD_MS : GOAL_WARM_MS));
  return { name: 'sql', rows, goals: { coldMs: GOAL_COLD_MS, warmMs: GOAL_WARM_MS }, ok };
}

export function report(r: SqlBenchResult): string {
  const mb = (n: number) => (n / 1048576).toFixed(2) + ' MB';
  const lines = [`SQL 页面:从导航到首个结果(目标:冷缓存 ≤ ${r.goals.coldMs / 1000} 秒,再次访问 ≤ ${r.goals.warmMs / 1000} 秒;再次访问为 ${REPEATS} 次的中位数;throttled = ${THROTTLE_MBIT} Mbit/s、40 ms 的首次访问)`,
    'corpus | reports | dataset.duckdb | query | visit | first result | engine ready | query | from stored result | transferred | of dataset.duckdb (requests) | samples'];
  for (const x of r.rows) {
    lines.push(`${x.corpus} | ${x.reports} | ${mb(x.datasetBytes)} | ${x.query} | ${x.cache} | ${x.firstResultMs} ms | ${x.engineReadyMs} ms | ${x.queryMs} ms | ${x.fromCache ? 'yes' : 'no'} | ${mb(x.totalBytes)} | ${mb(x.datasetBytesFetched)} = ${(100 * x.datasetBytesFetched / x.datasetBytes).toFixed(1)} % (${x.datasetRequests}) | ${x.samples?.join(' ') ?? ''}`);
  }
  lines.push('', 'milestones (ms since navigation): ' + r.rows.map((x) => `${x.corpus}/${x.query}/${x.cache}: ${Object.entries(x.marks).map(([k, v]) => `${k} ${v}`).join(', ')}`).join('; '));
  lines.push(r.ok ? 'all within goals' : 'SOME ABOVE GOAL');
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('scripts/bench/sql.ts')) {
  const i = process.argv.indexOf('--work');
  const res = await run({ quick: process.argv.includes('--quick'), workDir: i > 0 ? process.argv[i + 1] : undefined });
  console.log(report(res));
}
