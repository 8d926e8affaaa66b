/**
 * The SQL page in headless Chromium, against the built test site under
 * /nianbao/: shared URLs run, errors are shown and the page keeps working,
 * exports match the result, views work, cancel works, and no request leaves
 * the site's own host. Expected values come from DuckDB (node) run over the
 * same dataset.duckdb the page reads.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import axe from 'axe-core';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { haveChromium, launch, watch } from './browser.ts';
import { runInEditor as runIn, runs as runsOf } from './sql-page.ts';
import { createViewStatements } from '../../src/lib/sql/views.ts';
import { EXAMPLES } from '../../src/lib/sql/examples.ts';

const siteUrl = inject('siteUrl');
const siteDir = inject('siteDir');
const origin = new URL(siteUrl).origin;
const XIANAN_NEW = `select value from applications a join reports r using(report_id) where r.agency='咸安区人民政府' and row='new_received' and applicant='total'`;

let browser: Browser;
let page: Page;
let seen: ReturnType<typeof watch>;
let node: DuckDBConnection;
let instance: DuckDBInstance;

/** Ground truth: the same SQL in DuckDB (node) over the site's dataset.duckdb. */
async function truth(sql: string): Promise<{ columns: string[]; rows: unknown[][] }> {
  const r = await node.runAndReadAll(sql);
  return { columns: r.columnNames(), rows: r.getRowsJS() as unknown[][] };
}

const runs = () => runsOf(page);
const runInEditor = (sql: string) => runIn(page, sql);

async function resultCells(): Promise<{ columns: string[]; rows: string[][] }> {
  return page.evaluate(() => {
    const columns = [...document.querySelectorAll('#sql-result thead th')].map((th) => th.textContent ?? '');
    const rows = [...document.querySelectorAll('#sql-result tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => (td.classList.contains('null') ? '' : td.classList.contains('num') ? td.title : td.textContent ?? '')));
    return { columns, rows };
  });
}

const cell = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'bigint' ? v.toString() : String(v));

describe.skipIf(!haveChromium())('SQL page', () => {
  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
    node = await instance.connect();
    await node.run(`ATTACH '${join(siteDir, 'data', 'dataset.duckdb').replace(/'/g, "''")}' AS ds (READ_ONLY)`);
    await node.run('USE ds');
    for (const s of createViewStatements()) await node.run(s);
    browser = await launch();
    const ctx = await browser.newContext({ acceptDownloads: true });
    page = await ctx.newPage();
    seen = watch(page, origin);
  });
  afterAll(async () => {
    await browser?.close();
    node?.closeSync();
    instance?.closeSync();
  });

  it('runs a shared URL and shows the seed agency\'s number', async () => {
    const [[expected]] = (await truth(XIANAN_NEW)).rows;
    expect(expected).toBe(97);
    await page.goto(`${siteUrl}sql/?sql=${encodeURIComponent(XIANAN_NEW)}`);
    await page.waitForFunction(() => document.getElementById('sql-app')!.dataset.runs === '1', null, { timeout: 30_000 });
    expect(await page.isVisible('#sql-error')).toBe(false);
    const got = await resultCells();
    expect(got.columns).toEqual(['value']);
    expect(got.rows).toEqual([[String(expected)]]);
    expect(await page.getAttribute('.sql-meta', 'data-rows')).toBe('1');
    expect(await page.textContent('.cm-content')).toContain("r.agency='咸安区人民政府'");
  });

  it('shows DuckDB\'s error for a syntax error, then runs the next query', async () => {
    await runInEditor('SELEC agency FROM reports');
    const err = await page.textContent('#sql-error');
    expect(await page.isVisible('#sql-error')).toBe(true);
    expect(err).toMatch(/Parser Error|syntax error/i);
    await runInEditor('SELECT count(*) AS n FROM reports');
    expect(await page.isVisible('#sql-error')).toBe(false);
    const [[n]] = (await truth('SELECT count(*) AS n FROM reports')).rows;
    expect((await resultCells()).rows).toEqual([[cell(n)]]);
  });

  it('keeps the URL in sync with the query', async () => {
    const sql = 'SELECT year, count(*) AS n FROM reports GROUP BY year ORDER BY year';
    await runInEditor(sql);
    expect(new URL(page.url()).searchParams.get('sql')).toBe(sql);
    expect(new URL(page.url()).pathname).toBe(new URL(siteUrl).pathname + 'sql/');
  });

  it('exports CSV (UTF-8 with BOM, formulas neutralised) and JSON that match the result', async () => {
    // LIMIT: the page shows up to 100 rows, and the embedded corpus now has more reports than that
    const sql = `SELECT agency, year, scope, new_received, grant_rate, 'a,"b"' AS tricky, '=HYPERLINK("http://evil.example","x")' AS formula, '-1' AS minus_text, CAST(-1.5 AS DOUBLE) AS minus FROM report_indicators ORDER BY report_id LIMIT 100`;
    await runInEditor(sql);
    const expected = await truth(sql);
    const shown = await resultCells();
    expect(shown.columns).toEqual(expected.columns);

    const [csvDl] = await Promise.all([page.waitForEvent('download'), page.click('#sql-export-csv')]);
    const bytes = readFileSync((await csvDl.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = Papa.parse<string[]>(bytes.toString('utf8').slice(1), { skipEmptyLines: true });
    expect(parsed.data[0]).toEqual(expected.columns);
    // Text a spreadsheet would run as a formula starts with ' (OWASP); numbers stay numbers.
    const excel = (v: unknown) => (typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : cell(v));
    expect(parsed.data.slice(1)).toEqual(expected.rows.map((r) => r.map(excel)));
    expect(parsed.data[1].slice(-3)).toEqual(['\'=HYPERLINK("http://evil.example","x")', "'-1", '-1.5']);
    // The page shows the first page of the result, exact text.
    expect(shown.rows).toEqual(expected.rows.slice(0, shown.rows.length).map((r) => r.map(cell)));

    const [jsonDl] = await Promise.all([page.waitForEvent('download'), page.click('#sql-export-json')]);
    const json = JSON.parse(readFileSync((await jsonDl.path())!, 'utf8')) as Record<string, unknown>[];
    expect(json.length).toBe(expected.rows.length);
    expect(json.map((o) => expected.columns.map((c) => o[c]))).toEqual(expected.rows.map((r) => r.map((v) => (typeof v === 'bigint' ? Number(v) : v ?? null))));
  });

  it('queries the convenience views like tables', async () => {
    const sql = `SELECT agency, new_received, total_handled, grant_rate FROM report_indicators WHERE agency = '咸安区人民政府'`;
    await runInEditor(sql);
    expect(await page.isVisible('#sql-error')).toBe(false);
    const expected = await truth(sql);
    expect(expected.rows.length).toBeGreaterThan(0);
    expect((await resultCells()).rows).toEqual(expected.rows.map((r) => r.map(cell)));
    expect((await resultCells()).rows[0][1]).toBe('97');
  });

  it('runs every example query with one click', async () => {
    for (const e of EXAMPLES) {
      const before = await runs();
      await page.click(`[data-example="${e.id}"]`);
      await page.waitForFunction((n) => Number(document.getElementById('sql-app')!.dataset.runs ?? 0) > n, before, { timeout: 30_000 });
      expect(await page.isVisible('#sql-error'), `${e.id}: ${await page.textContent('#sql-error')}`).toBe(false);
      const expected = await truth(e.sql);
      expect(await page.getAttribute('.sql-meta', 'data-rows'), e.id).toBe(String(expected.rows.length));
    }
  });

  it('inserts a table name from the schema panel at the cursor', async () => {
    await page.click('.cm-content');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText('SELECT count(*) FROM ');
    await page.click('.sql-tables button[data-insert="checks"]');
    expect(await page.textContent('.cm-content')).toBe('SELECT count(*) FROM checks');
    await page.keyboard.press('Home');
    await page.keyboard.press('End');
    await page.keyboard.insertText(' WHERE NOT ');
    await page.click('.sql-tables li:has(> button[data-insert="checks"]) > details > summary');
    await page.click('.sql-tables li:has(> button[data-insert="checks"]) button[data-insert="passed"]');
    expect(await page.textContent('.cm-content')).toBe('SELECT count(*) FROM checks WHERE NOT passed');
  });

  it('cancels a long query and keeps working', async () => {
    const before = await runs();
    await page.click('.cm-content');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText('SELECT sum(hash(a.range * b.range)) FROM range(100000) a, range(1000000) b');
    await page.keyboard.press('Control+Enter');
    await page.waitForSelector('#sql-cancel:not([disabled])');
    await page.waitForTimeout(300);
    await page.click('#sql-cancel');
    await page.waitForFunction((n) => Number(document.getElementById('sql-app')!.dataset.runs ?? 0) > n, before, { timeout: 30_000 });
    expect(await page.textContent('#sql-status-text')).toContain('已取消');
    await runInEditor(XIANAN_NEW);
    expect((await resultCells()).rows).toEqual([['97']]);
  });

  it('has no serious accessibility violations with a result and a chart on screen', async () => {
    await runInEditor('SELECT year, count(*) AS n FROM reports GROUP BY year ORDER BY year');
    await page.click('#sql-chart button[type=submit]');
    await page.waitForSelector('#sql-chart-out svg');
    await page.addScriptTag({ content: axe.source });
    const result = await page.evaluate(async () => {
      const r = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] });
      return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    expect(result).toEqual([]);
  });

  it('sent no request off the site and logged no errors', () => {
    expect(seen.offsite).toEqual([]);
    expect(seen.errors).toEqual([]);
    expect(seen.failed).toEqual([]);
  });
});
