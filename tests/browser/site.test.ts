/**
 * The built site under a non-root base path, in Debian's Chromium: crawl from
 * home, seed-agency numbers, browse filters/sorting, accessibility (axe-core).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { haveChromium, launch, watch } from './browser.ts';

const siteUrl = inject('siteUrl');
const origin = new URL(siteUrl).origin;
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

async function open(path: string) {
  const page = await browser.newPage();
  const w = watch(page, origin);
  const res = await page.goto(new URL(path, siteUrl).href, { waitUntil: 'networkidle' });
  return { page, w, status: res?.status() ?? 0 };
}

/** Find the agency page whose h1 is `name`, via the search names index. */
async function agencyPath(name: string): Promise<string> {
  const res = await fetch(new URL('search/names.json', siteUrl));
  const names = (await res.json()) as string[][];
  const hit = names.find((n) => n[1] === name);
  if (!hit) throw new Error(`agency ${name} not in names.json`);
  return `agencies/${hit[0]}/`;
}

/** Text of the application-table cell in the row whose header is `row` and column `col` (0 = 自然人 … 6 = 总计). */
async function appCell(page: Page, reportSel: string, row: string, col: number) {
  return page.locator(`${reportSel} table.form`).nth(1).locator('tr', { has: page.locator('th', { hasText: row }) }).first()
    .locator('td').nth(col).innerText();
}

describe.skipIf(!haveChromium())('static site', () => {
  it('every page reachable from home loads, with no broken link, console error or offsite request', async () => {
    const seen = new Set<string>();
    const queue = [siteUrl];
    const perPrefix = new Map<string, number>();
    const broken: string[] = [];
    const problems: string[] = [];
    const CAP_PER_SECTION = 12;
    while (queue.length && seen.size < 160) {
      const url = queue.shift()!;
      const page = await browser.newPage();
      const w = watch(page, origin);
      const res = await page.goto(url, { waitUntil: 'load' });
      if (!res || res.status() >= 400) broken.push(`${url} → ${res?.status()}`);
      // Links marked rel="external" or rel="license" (a licence, a spec, a source archive) may leave the site; no other may.
      const links = await page.$$eval('a[href]:not([rel~="external"]):not([rel~="license"])', (as) => as.map((a) => (a as HTMLAnchorElement).href));
      await page.waitForLoadState('networkidle').catch(() => {});
      if (w.errors.length) problems.push(`${url}: console ${w.errors.join(' | ')}`);
      if (w.offsite.length) problems.push(`${url}: offsite ${w.offsite.join(' ')}`);
      if (w.failed.length) problems.push(`${url}: failed ${w.failed.join(' ')}`);
      await page.close();
      for (const href of links) {
        const u = new URL(href);
        // a chart's CSV download is a data: link (works without JavaScript): nothing to fetch
        if (u.protocol === 'data:') continue;
        u.hash = '';
        const s = u.href;
        if (u.origin !== origin) { problems.push(`${url}: link to other host ${s}`); continue; }
        if (!s.startsWith(siteUrl)) { broken.push(`${url}: link outside base ${s}`); continue; }
        if (seen.has(s) || queue.includes(s)) continue;
        const rest = s.slice(siteUrl.length);
        // files (csv, duckdb, json): check they exist without crawling them
        if (/\.[a-z]+$/i.test(u.pathname) || u.search) {
          seen.add(s);
          const r = await fetch(s, { method: 'HEAD' });
          if (r.status >= 400) broken.push(`${url}: ${s} → ${r.status}`);
          continue;
        }
        const section = rest.split('/').slice(0, 2).join('/');
        const n = perPrefix.get(section) ?? 0;
        if (n >= CAP_PER_SECTION) {
          seen.add(s);
          const r = await fetch(s, { method: 'HEAD' });
          if (r.status >= 400) broken.push(`${url}: ${s} → ${r.status}`);
          continue;
        }
        perPrefix.set(section, n + 1);
        queue.push(s);
      }
      seen.add(url);
    }
    expect(broken).toEqual([]);
    expect(problems).toEqual([]);
    // every page type was reached
    const kinds = ['browse/', 'regions/', 'compare/', 'downloads/', 'quality/', 'methodology/', 'search/', 'agencies/', 'sql/'];
    for (const k of kinds) expect([...seen].some((u) => u.startsWith(siteUrl + k)), k).toBe(true);
  }, 400_000); // 160+ pages at up to ~1 s each (networkidle): bounded by the page count, not by time

  it('shows 咸安区人民政府 2024 numbers, each linked to its source line on the same page', async () => {
    const { page } = await open(await agencyPath('咸安区人民政府'));
    await expect(page.locator('h1').innerText()).resolves.toBe('咸安区人民政府');
    const rep = '.report';
    expect(await appCell(page, rep, '一、本年新收', 6)).toBe('97');
    expect(await appCell(page, rep, '(一)予以公开', 6)).toBe('41');
    expect(await appCell(page, rep, '1.本机关不掌握相关政府信息', 6)).toBe('29');
    const active = page.locator(`${rep} table.form`).first();
    await expect(active.locator('tr', { hasText: '行政许可' }).locator('td').first().innerText()).resolves.toBe('59113');
    await expect(active.locator('tr', { hasText: '行政事业性收费' }).locator('td').first().innerText()).resolves.toBe('1087.31');
    // the number links to the source line that holds it
    const a = active.locator('tr', { hasText: '行政许可' }).locator('td a').first();
    const href = await a.getAttribute('href');
    // the line (#L34), or the value's own mark in it (#L34c8, line 34 column 8)
    expect(href).toMatch(/^#L\d+(c\d+)?$/);
    // every number in the three tables links to a line, or a mark in a line, that exists on the page
    const hrefs = await page.locator(`${rep} table.form td a`).evaluateAll((as) => as.map((x) => x.getAttribute('href')!));
    expect(hrefs.length).toBeGreaterThan(100);
    for (const h of new Set(hrefs)) expect(await page.locator(`ol.source li[id="${h.slice(1)}"], ol.source li mark[id="${h.slice(1)}"]`).count(), h).toBe(1);
    await a.click();
    await page.waitForLoadState('load');
    const target = page.locator(':target');
    await expect(target.innerText()).resolves.toContain('59113');
    await page.close();
  });

  it('shows 塔城市人民政府 2024 unprinted 总计 cells as 未填报, flagged', async () => {
    const { page } = await open(await agencyPath('塔城市人民政府'));
    const rep = '.report';
    expect(await appCell(page, rep, '一、本年新收', 0)).toBe('9');
    for (const row of ['一、本年新收', '二、上年结转', '(一)予以公开', '(二)部分公开']) {
      expect(await appCell(page, rep, row, 6), row).toBe('未填报');
    }
    const flagged = page.locator(`${rep} table.form td.flag`).first();
    await expect(flagged.getAttribute('title')).resolves.toContain('检查未通过');
    const describedBy = (await flagged.getAttribute('aria-describedby'))!;
    await expect(page.locator(`[id="${describedBy.split(' ')[0]}"]`).innerText()).resolves.toContain('未填报');
    // the indicator derived from the six columns says so
    await expect(page.locator('.cards').first().innerText()).resolves.toContain('按六类申请人相加');
    await page.close();
  });

  it('browse filters and sorts with the state in the URL', async () => {
    const { page, w } = await open('browse/');
    const rows = page.locator('#browse-table tbody tr');
    await page.selectOption('select[name=year]', '2024');
    await page.waitForFunction(() => /year=2024/.test(location.search));
    const years = await rows.locator('td:nth-child(4)').allInnerTexts();
    expect(years.length).toBeGreaterThan(0);
    expect(new Set(years)).toEqual(new Set(['2024']));
    await page.selectOption('select[name=sort]', '-new');
    await page.waitForFunction(() => /sort=-new/.test(location.search));
    const nums = (await rows.locator('td:nth-child(5)').allInnerTexts()).filter((t) => t !== '未填报').map((t) => Number(t.replace(/,/g, '')));
    expect(nums).toEqual([...nums].sort((a, b) => b - a));
    // a shared URL reproduces the view
    const shared = page.url();
    const again = await open(shared.slice(siteUrl.length));
    await again.page.waitForFunction(() => /筛选出/.test(document.getElementById('browse-status')?.textContent ?? ''));
    expect(await again.page.locator('#browse-table tbody tr td:nth-child(4)').allInnerTexts()).toEqual(years.length ? await rows.locator('td:nth-child(4)').allInnerTexts() : []);
    expect(await again.page.inputValue('select[name=sort]')).toBe('-new');
    // province filter: every row is in that province
    await page.selectOption('select[name=year]', '');
    const province = (await page.locator('select[name=province] option').nth(1).getAttribute('data-label'))!; // the text adds its count
    await page.selectOption('select[name=province]', { index: 1 });
    await page.waitForFunction(() => /province=/.test(location.search));
    const places = await rows.locator('td:nth-child(2)').allInnerTexts();
    expect(places.every((p) => p.startsWith(province))).toBe(true);
    expect(w.errors).toEqual([]);
    await page.close();
    await again.page.close();
  });

  it('browse works without JavaScript through facet pages', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(new URL('browse/', siteUrl).href);
    await page.getByRole('link', { name: '有警告' }).first().click();
    await page.waitForLoadState('load');
    expect(page.url()).toContain('/browse/status/warnings/');
    const statuses = await page.locator('#browse-table tbody tr td:nth-child(7)').allInnerTexts();
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(['有警告']));
    await ctx.close();
  });

  it('has no serious or critical axe violations on each page type', async () => {
    const pages = ['', 'browse/', 'regions/', 'compare/', 'downloads/', 'quality/', 'methodology/', 'search/', '404.html',
      await agencyPath('咸安区人民政府'), await agencyPath('塔城市人民政府')];
    // one region and one compare group, found by following links (the report with its source text is on the agency page)
    const home = await open('regions/');
    pages.push(new URL((await home.page.locator('main h2 a').first().getAttribute('href'))!, siteUrl).pathname.slice(new URL(siteUrl).pathname.length));
    await home.page.close();
    const ag = await open(pages[9]);
    pages.push(new URL((await ag.page.locator('a', { hasText: '与同省同级机关比较' }).first().getAttribute('href'))!, siteUrl).pathname.slice(new URL(siteUrl).pathname.length));
    await ag.page.close();
    const report: string[] = [];
    for (const p of pages) {
      const { page } = await open(p);
      await page.addScriptTag({ content: axeSource });
      const result = await page.evaluate(async () => {
        // @ts-expect-error axe is injected
        const r = await axe.run(document, { resultTypes: ['violations'] });
        return r.violations.filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical')
          .map((v: { id: string; nodes: { target: string[] }[] }) => `${v.id} (${v.nodes.length}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
      });
      for (const v of result) report.push(`${p}: ${v}`);
      await page.close();
    }
    expect(report).toEqual([]);
  });
});
