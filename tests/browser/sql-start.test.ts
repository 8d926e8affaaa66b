/**
 * How the SQL page starts, in Chromium against the built site: the engine's
 * worker is started from the page's <head> (our early-start worker, see
 * src/lib/sql/bundles.ts), and a repeat visit shows the result the page kept
 * from last time (same query, same dataset file) while the engine starts,
 * identical to what the engine returns. Timings are the bench's business
 * (`npm run bench`, sql module), not this file's.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { haveChromium, launch, watch } from './browser.ts';

const siteUrl = inject('siteUrl');
const origin = new URL(siteUrl).origin;
let browser: Browser;
let ctx: BrowserContext;

async function visit(sql: string): Promise<{ page: Page; cached: boolean; rows: string[][] }> {
  const page = await ctx.newPage();
  await page.goto(`${siteUrl}sql/?sql=${encodeURIComponent(sql)}`);
  await page.waitForFunction(() => document.getElementById('sql-app')!.dataset.runs === '1', null, { timeout: 60_000 });
  const cached = (await page.getAttribute('#sql-app', 'data-cached')) === 'true';
  const rows = await page.locator('#sql-result tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
  return { page, cached, rows };
}

describe.skipIf(!haveChromium())('SQL page start', () => {
  beforeAll(async () => { browser = await launch(); ctx = await browser.newContext(); });
  afterAll(async () => { await browser?.close(); });

  it('starts the engine from the page head with the early-start worker', async () => {
    const page = await ctx.newPage();
    const w = watch(page, origin);
    const workers: string[] = [];
    page.on('worker', (wk) => workers.push(wk.url()));
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${siteUrl}sql/`);
    await page.waitForFunction(() => document.getElementById('sql-app')!.dataset.engine === 'ready', null, { timeout: 60_000 });
    expect(await page.locator('head script[src$="duckdb/nianbao-boot.js"]').count()).toBe(1);
    // A blob: worker (it keeps the page's CSP) that loads our early-start worker script.
    expect(workers.length).toBe(1);
    expect(workers[0]).toMatch(/^blob:/);
    expect(requests.some((u) => u.endsWith('/duckdb/nianbao-eh.worker.js'))).toBe(true);
    const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));
    expect(marks).toContain('sql:boot-worker');
    // the engine was requested once, by the early-start worker
    const wasm = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wasm')).length);
    expect(wasm).toBeLessThanOrEqual(1);
    expect(w.errors).toEqual([]);
    await page.close();
  });

  it('shows a repeat visit the result it kept, the same as the engine\'s, then runs new queries with the engine', async () => {
    const sql = `SELECT year, status, count(*) AS n FROM reports GROUP BY ALL ORDER BY ALL`;
    const first = await visit(sql);
    expect(first.cached).toBe(false);
    expect(first.rows.length).toBeGreaterThan(0);
    await first.page.waitForTimeout(300); // the result is stored after it is shown
    await first.page.close();
    const again = await visit(sql);
    expect(again.cached).toBe(true);
    expect(again.rows).toEqual(first.rows);
    expect(await again.page.textContent('.sql-meta')).toContain('本机保存的上次结果');
    // the engine still starts, and answers the next query
    await again.page.waitForFunction(() => document.getElementById('sql-app')!.dataset.engine === 'ready', null, { timeout: 60_000 });
    await again.page.click('#sql-run');
    await again.page.waitForFunction(() => document.getElementById('sql-app')!.dataset.runs === '2', null, { timeout: 30_000 });
    expect(await again.page.getAttribute('#sql-app', 'data-cached')).toBe('false');
    const rerun = await again.page.locator('#sql-result tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    expect(rerun).toEqual(first.rows);
    await again.page.close();
  });

  it('never reuses the result of a query that changes between runs', async () => {
    for (let i = 0; i < 2; i++) {
      const v = await visit('SELECT random() AS r');
      expect(v.cached).toBe(false);
      await v.page.close();
    }
  });
});
