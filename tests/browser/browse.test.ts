/**
 * The browse page: 清除筛选, zero results in words, option counts, downloads
 * of the filtered view (CSV and JSON), and the page without JavaScript (no
 * dead form; year, status and province pages filtered at build time, each
 * with its own downloads).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Download, Page } from 'playwright-core';
import { haveChromium, launch } from './browser.ts';
import { open } from './helpers.ts';

const siteUrl = inject('siteUrl');
let browser: Browser;
beforeAll(async () => { if (haveChromium()) browser = await launch(); });
afterAll(async () => { await browser?.close(); });

const rows = (page: Page) => page.locator('#browse-table tbody tr');

async function downloaded(page: Page, click: () => Promise<void>): Promise<string> {
  const [d] = await Promise.all([page.waitForEvent('download') as Promise<Download>, click()]);
  return readFileSync((await d.path())!, 'utf8');
}

/** CSV text → rows of cells (the files hold no quoted line breaks). */
function csvRows(text: string): string[][] {
  expect(text.startsWith('\ufeff')).toBe(true);
  return text.slice(1).trim().split(/\r\n/).map((l) => l.split(','));
}

describe.skipIf(!haveChromium())('browse', () => {
  it('清除筛选 clears every filter without an error', async () => {
    const { page, w } = await open(browser, siteUrl, 'browse/');
    const all = await rows(page).count();
    await page.selectOption('select[name=year]', { index: 1 });
    await page.fill('#filters input[name=q]', '人民政府');
    await page.waitForFunction(() => /year=/.test(location.search) && /q=/.test(location.search));
    expect(await rows(page).count()).toBeLessThan(all);
    await page.getByRole('button', { name: '清除筛选' }).first().click();
    await page.waitForFunction(() => location.search === '');
    expect(await page.inputValue('select[name=year]')).toBe('');
    expect(await page.inputValue('#filters input[name=q]')).toBe('');
    expect(await rows(page).count()).toBe(all);
    expect(w.errors).toEqual([]);
    await page.close();
  });

  it('says so in words when no report matches, and offers to clear', async () => {
    const { page, w } = await open(browser, siteUrl, 'browse/');
    await page.fill('#filters input[name=q]', '不存在的机关名称');
    await page.waitForFunction(() => /q=/.test(location.search));
    await expect(page.locator('#browse-empty').isVisible()).resolves.toBe(true);
    await expect(page.locator('#browse-empty').innerText()).resolves.toContain('没有符合条件的报告');
    await expect(page.locator('#browse-table').isVisible()).resolves.toBe(false);
    await expect(page.locator('#browse-status').innerText()).resolves.toContain('没有符合条件的报告');
    await page.locator('#empty-reset').click();
    await page.waitForFunction(() => location.search === '');
    expect(await rows(page).count()).toBeGreaterThan(0);
    expect(w.errors).toEqual([]);
    await page.close();
  });

  it('each option counts the reports it leaves given the other filters', async () => {
    const { page } = await open(browser, siteUrl, 'browse/');
    const yearOpt = page.locator('select[name=year] option').nth(1);
    const year = await yearOpt.getAttribute('value');
    await page.selectOption('select[name=year]', year!);
    await page.waitForFunction(() => /筛选出/.test(document.getElementById('browse-status')!.textContent!));
    const total = Number((await page.locator('#browse-status').innerText()).match(/筛选出 (\d+)/)![1]);
    // the year's own option says how many it has; the status options split those reports among them
    expect(await yearOpt.innerText()).toMatch(new RegExp(`\\(${total}\\)$`));
    const statusCounts = (await page.locator('select[name=status] option').allInnerTexts()).slice(1).map((t) => Number(t.match(/\((\d+)\)$/)![1]));
    expect(statusCounts.reduce((a, b) => a + b, 0)).toBe(total);
    await page.close();
  });

  it('downloads the filtered rows as CSV and JSON', async () => {
    const { page } = await open(browser, siteUrl, 'browse/');
    const province = await page.locator('select[name=province] option').nth(1).getAttribute('value');
    await page.selectOption('select[name=province]', province!);
    await page.waitForFunction(() => /筛选出/.test(document.getElementById('browse-status')!.textContent!));
    const total = Number((await page.locator('#browse-status').innerText()).match(/筛选出 (\d+)/)![1]);
    const provinceName = (await page.locator('select[name=province] option').nth(1).getAttribute('data-label'))!;
    const csv = csvRows(await downloaded(page, () => page.locator('#dl-csv').click()));
    const head = csv[0];
    expect(head.slice(0, 3)).toEqual(['report_id', 'agency', 'agency_id']);
    expect(csv.length - 1).toBe(total);
    for (const r of csv.slice(1)) expect(r[head.indexOf('province')] || '未识别地区').toBe(provinceName);
    const json = JSON.parse(await downloaded(page, () => page.locator('#dl-json').click())) as Record<string, unknown>[];
    expect(json.length).toBe(total);
    expect(json.map((r) => r.report_id)).toEqual(csv.slice(1).map((r) => r[0]));
    // each row links to its report page on this site
    const url = String(json[0].url);
    expect(url.startsWith('http')).toBe(true);
    await page.close();
  });

  it('without JavaScript: no dead form, and year, status and province pages filter with their own downloads', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false, acceptDownloads: true });
    const page = await ctx.newPage();
    await page.goto(new URL('browse/', siteUrl).href);
    await expect(page.locator('#filters').isVisible()).resolves.toBe(false);
    // a province link, with its count
    const item = page.locator('#facet-links div', { hasText: '省份' }).locator('li').first();
    const name = await item.locator('a').innerText();
    const count = Number(await item.locator('span').innerText());
    await item.locator('a').click();
    await page.waitForLoadState('load');
    expect(page.url()).toMatch(/\/browse\/province\/[^/]+\/$/);
    await expect(page.locator('main p').first().innerText()).resolves.toContain(`共 ${count} 份报告`);
    const places = await rows(page).locator('td:nth-child(2)').allInnerTexts();
    expect(places.length).toBe(Math.min(count, 100));
    for (const p of places) expect(p.startsWith(name) || (name === '未识别地区' && p === '未识别'), `${p} in ${name}`).toBe(true);
    // its CSV holds that province's reports, all of them
    const href = (await page.locator('#dl-csv').getAttribute('href'))!;
    const res = await fetch(new URL(href, page.url()));
    expect(res.status).toBe(200);
    const csv = csvRows(new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer()));
    expect(csv.length - 1).toBe(count);
    const json = (await (await fetch(new URL((await page.locator('#dl-json').getAttribute('href'))!, page.url()))).json()) as unknown[];
    expect(json.length).toBe(count);
    await ctx.close();
  });
});
