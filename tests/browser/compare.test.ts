/**
 * Comparisons: no rank among fewer than three peers (同级只有本机关 instead of
 * 1 / 1 · 100%); compare tables sort and download; every level nationwide
 * over the years; any agencies a reader picks, over the years.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Download, Page } from 'playwright-core';
import { haveChromium, launch } from './browser.ts';
import { agencyPath, open, pathOf } from './helpers.ts';

const siteUrl = inject('siteUrl');
let browser: Browser;
beforeAll(async () => { if (haveChromium()) browser = await launch(); });
afterAll(async () => { await browser?.close(); });

const csvLines = (text: string) => text.replace(/^\ufeff/, '').trim().split(/\r\n/);
const decode = (b: ArrayBuffer) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(b);

async function downloaded(page: Page, click: () => Promise<void>): Promise<string> {
  const [d] = await Promise.all([page.waitForEvent('download') as Promise<Download>, click()]);
  return readFileSync((await d.path())!, 'utf8');
}

/** The numbers of a column (data-v), top to bottom, empty ones left out. */
const columnValues = (page: Page, table: string, col: number) =>
  page.locator(`${table} tbody tr`).evaluateAll((trs, c) => trs.map((tr) => (tr as HTMLTableRowElement).cells[c]?.getAttribute('data-v') ?? '').filter((v) => v !== '').map(Number), col);

describe.skipIf(!haveChromium())('compare', () => {
  it('says 同级只有本机关 rather than ranking an agency alone among its peers', async () => {
    // 咸安区人民政府 is the only 湖北 county body in the corpus
    const { page } = await open(browser, siteUrl, await agencyPath(siteUrl, '咸安区人民政府'));
    const peers = page.locator('#peers + *');
    await expect(peers.innerText()).resolves.toContain('同级只有本机关');
    const section = await page.locator('main').innerText();
    expect(section).not.toMatch(/1 \/ 1/);
    const href = (await page.locator('a', { hasText: '与同省同级机关比较' }).first().getAttribute('href'))!;
    await page.goto(new URL(href, page.url()).href);
    await expect(page.locator('main').innerText()).resolves.toContain('同级只有本机关');
    expect(await page.locator('main table').innerText()).not.toMatch(/1\/1 ·/);
    await page.close();
  });

  it('a compare table sorts by any column and downloads as CSV', async () => {
    const { page } = await open(browser, siteUrl, 'compare/');
    // the group with the most agencies
    const groups = await page.locator('main h3 + ul a').evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href')!, n: Number(a.nextElementSibling?.textContent?.match(/\d+/)?.[0] ?? 0) })));
    const g = groups.sort((a, b) => b.n - a.n)[0];
    await page.goto(new URL(g.href, page.url()).href);
    const table = 'main table[data-sortable]';
    const n = await page.locator(`${table} tbody tr`).count();
    expect(n).toBe(Number((await page.locator('main p').first().innerText()).match(/(\d+) 份报告/)![1]));
    // 新收申请 (third column): most first, then the other way
    const header = page.locator(`${table} thead th`).nth(2);
    await header.locator('button').click();
    await expect(header.getAttribute('aria-sort')).resolves.toBe('descending');
    const desc = await columnValues(page, table, 2);
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    await header.locator('button').click();
    await expect(header.getAttribute('aria-sort')).resolves.toBe('ascending');
    const asc = await columnValues(page, table, 2);
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    // agency names sort too
    await page.locator(`${table} thead th`).first().locator('button').click();
    const agencies = await page.locator(`${table} tbody th`).allInnerTexts();
    expect(agencies).toEqual([...agencies].sort(new Intl.Collator('zh-CN').compare));
    // the CSV holds the same rows
    const csvHref = (await page.locator('a', { hasText: 'CSV' }).first().getAttribute('href'))!;
    const res = await fetch(new URL(csvHref, page.url()));
    expect(res.status).toBe(200);
    const lines = csvLines(decode(await res.arrayBuffer()));
    expect(lines[0].split(',').slice(0, 3)).toEqual(['agency', 'agency_id', 'report_id']);
    expect(lines.length - 1).toBe(n);
    expect(new Set(lines.slice(1).map((l) => l.split(',')[0]))).toEqual(new Set(agencies));
    await page.close();
  });

  it('compares every level nationwide over the years, sortable and downloadable', async () => {
    const { page, w } = await open(browser, siteUrl, 'compare/levels/');
    const tables = page.locator('main table[data-sortable]');
    expect(await tables.count()).toBe(9);
    const first = tables.first();
    const levels = await first.locator('tbody th').allInnerTexts();
    expect(levels).toContain('县级');
    const years = (await first.locator('thead th').allInnerTexts()).slice(1).map(Number);
    expect(years.length).toBeGreaterThan(0);
    expect(years.every((y) => y > 2000)).toBe(true);
    await first.locator('thead th').nth(1).locator('button').click();
    await expect(first.locator('thead th').nth(1).getAttribute('aria-sort')).resolves.toBe('descending');
    const res = await fetch(new URL((await page.locator('a', { hasText: 'CSV' }).first().getAttribute('href'))!, page.url()));
    const lines = csvLines(decode(await res.arrayBuffer()));
    expect(lines[0]).toBe('level,level_zh,year,reports,indicator,value,numerator,denominator,reports_counted');
    expect(lines.length - 1).toBeGreaterThan(9);
    expect(w.errors).toEqual([]);
    await page.close();
  });

  it('compares any agencies a reader picks, over the years, beside their level nationwide', async () => {
    const { page, w } = await open(browser, siteUrl, 'compare/agencies/');
    await page.fill('#pick-q', 'xaq'); // pinyin initials of 咸安区
    await page.locator('#pick-hits li', { hasText: '咸安区人民政府' }).locator('button').click();
    await page.fill('#pick-q', '新疆'); // a place: the agencies there
    const hit = page.locator('#pick-hits li').first();
    await expect(hit.innerText()).resolves.toMatch(/新疆/);
    const second = (await hit.innerText()).replace(/^添加\s*/, '').split(/\s/)[0];
    await hit.locator('button').click();
    await page.waitForFunction(() => (new URLSearchParams(location.search).get('a') ?? '').split(',').length === 2);
    const table = page.locator('#pick-result table');
    await expect(table.locator('tbody tr:not(.ref) th').allInnerTexts()).resolves.toEqual(['咸安区人民政府', second]);
    expect(await table.locator('tbody tr.ref').count()).toBeGreaterThan(0);
    await expect(table.locator('caption').innerText()).resolves.toContain('新收申请');
    // 咸安区 2024: 97 new requests, linked to that report
    const years = (await table.locator('thead th').allInnerTexts()).slice(2);
    const cell = table.locator('tbody tr').first().locator('td').nth(1 + years.indexOf('2024'));
    await expect(cell.innerText()).resolves.toBe('97');
    // another indicator; the URL keeps it
    await page.selectOption('#pick-indicator', 'granted_rate');
    await expect(table.locator('caption').innerText()).resolves.toContain('予以公开率');
    expect(new URL(page.url()).searchParams.get('i')).toBe('granted_rate');
    // the shared URL gives the same table
    const again = await open(browser, siteUrl, pathOf(siteUrl, page.url()));
    await again.page.locator('#pick-result table').waitFor();
    await expect(again.page.locator('#pick-result table tbody tr:not(.ref) th').allInnerTexts()).resolves.toEqual(['咸安区人民政府', second]);
    await again.page.close();
    // every indicator of both agencies downloads
    const lines = csvLines(await downloaded(page, () => page.locator('#pick-csv').click()));
    expect(lines[0]).toBe('agency,agency_id,year,indicator,indicator_zh,value,numerator,denominator,url');
    expect(lines.some((l) => l.startsWith('咸安区人民政府,') && l.includes(',2024,new_received,') && l.includes(',97,'))).toBe(true);
    // removing one leaves the other
    await page.getByRole('button', { name: `移除 ${second}` }).click();
    await expect(table.locator('tbody tr:not(.ref) th').allInnerTexts()).resolves.toEqual(['咸安区人民政府']);
    expect(w.errors).toEqual([]);
    await page.close();
  });

  it('without JavaScript the picker page says what to use instead', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(new URL('compare/agencies/', siteUrl).href);
    await expect(page.locator('#pick').isVisible()).resolves.toBe(false);
    await expect(page.locator('main').innerText()).resolves.toContain('需要 JavaScript');
    expect(await page.locator('main a[href$="compare/levels/"]').count()).toBeGreaterThan(0);
    await ctx.close();
  });
});
