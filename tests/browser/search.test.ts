/**
 * Search: report text is indexed (hits in many reports, grouped by agency,
 * each with its sentence and a link to the source line that holds it), only
 * whole words match (`不存在的机关` finds nothing), results page and filter by
 * province and year; names match by pinyin initials anywhere and by place.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { haveChromium, launch } from './browser.ts';
import { names, open } from './helpers.ts';

const siteUrl = inject('siteUrl');
let browser: Browser;
beforeAll(async () => { if (haveChromium()) browser = await launch(); });
afterAll(async () => { await browser?.close(); });

async function search(path: string) {
  const r = await open(browser, siteUrl, path);
  await r.page.waitForFunction(() => /没有找到|匹配的机关 \d+ 个/.test(document.getElementById('search-status')?.textContent ?? ''), null, { timeout: 30_000 });
  return r;
}

const groups = (page: Page) => page.locator('#text-results > li:not(.empty)');
const reportCount = async (page: Page) => Number((await page.locator('#search-status').innerText()).match(/正文命中 (\d+) 份报告/)?.[1] ?? 0);

describe.skipIf(!haveChromium())('search', () => {
  for (const q of ['依申请', '行政复议']) {
    it(`finds “${q}” in the text of many reports, grouped by agency, each hit linked to its line`, async () => {
      const { page, w } = await search(`search/?q=${encodeURIComponent(q)}`);
      expect(await reportCount(page)).toBeGreaterThan(20);
      expect(await groups(page).count()).toBeGreaterThan(3);
      // one heading per agency, each linking its agency page
      const heads = await groups(page).locator('h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
      expect(new Set(heads).size).toBe(heads.length);
      // the sentence holds the words, marked; the line link goes to a line that holds them too
      const first = groups(page).first().locator('ul.hits > li').first();
      await expect(first.locator('.excerpt').innerText()).resolves.toContain(q);
      await expect(first.locator('mark').first().innerText()).resolves.toBe(q);
      const line = first.locator('a.line');
      const href = (await line.getAttribute('href'))!;
      expect(href).toMatch(/#L\d+$/);
      await line.click();
      await page.waitForLoadState('load');
      const target = page.locator('ol.source > li:target');
      await expect(target.count()).resolves.toBe(1);
      expect((await target.innerText()).replace(/\s+/g, '')).toContain(q);
      expect(w.errors).toEqual([]);
      await page.close();
    });
  }

  it('finds nothing for words no report has, rather than pages sharing single characters', async () => {
    const { page } = await search(`search/?q=${encodeURIComponent('不存在的机关')}`);
    await expect(page.locator('#search-status').innerText()).resolves.toContain('没有找到');
    expect(await groups(page).count()).toBe(0);
    expect(await page.locator('#name-results a').count()).toBe(0);
    await page.close();
  });

  it('pages through every agency with a hit', async () => {
    const { page } = await search(`search/?q=${encodeURIComponent('政府信息')}`);
    const total = Number((await page.locator('#text-summary').innerText()).match(/(\d+) 个机关/)![1]);
    expect(total).toBeGreaterThan(10);
    const seen = new Set(await groups(page).locator('h3').allInnerTexts());
    expect(seen.size).toBe(10);
    while (await page.locator('#text-pager a[rel=next]').count()) {
      const before = await groups(page).locator('h3').first().innerText();
      await page.locator('#text-pager a[rel=next]').click();
      await page.waitForFunction((b) => { const h = document.querySelector('#text-results > li h3'); return !!h && h.textContent !== b; }, before);
      expect(new URL(page.url()).searchParams.get('page')).toMatch(/^\d+$/);
      for (const h of await groups(page).locator('h3').allInnerTexts()) {
        expect(seen.has(h), h).toBe(false);
        seen.add(h);
      }
    }
    expect(seen.size).toBe(total);
    await page.close();
  });

  it('filters report hits by year and by province', async () => {
    const { page } = await search(`search/?q=${encodeURIComponent('依申请')}`);
    const all = await reportCount(page);
    const yearOpt = page.locator('select[name=year] option').nth(1);
    const year = (await yearOpt.getAttribute('value'))!;
    await page.selectOption('select[name=year]', year);
    await page.waitForFunction((y) => new URLSearchParams(location.search).get('year') === y, year);
    await page.waitForFunction(() => /正文命中/.test(document.getElementById('search-status')!.textContent!));
    const inYear = await reportCount(page);
    expect(inYear).toBeGreaterThan(0);
    expect(inYear).toBeLessThan(all);
    const years = await page.locator('#text-results ul.hits > li > a:first-child').allInnerTexts();
    expect(years.length).toBeGreaterThan(0);
    expect(new Set(years)).toEqual(new Set([`${year}年度`]));
    // the option says how many reports of that year have the words
    expect(await yearOpt.innerText()).toContain(`(${inYear})`);
    // a province: every agency shown is in it
    await page.selectOption('select[name=year]', '');
    const prov = (await page.locator('select[name=province] option').nth(1).getAttribute('value'))!;
    await page.selectOption('select[name=province]', prov);
    await page.waitForFunction((p) => new URLSearchParams(location.search).get('province') === p, prov);
    await page.waitForFunction(() => /正文命中/.test(document.getElementById('search-status')!.textContent!));
    const places = await groups(page).locator('h3 span').allInnerTexts();
    for (const p of places) expect(p.startsWith(prov === '未识别地区' ? '未识别地区' : prov), p).toBe(true);
    // a shared URL keeps the filters
    const again = await search(page.url().slice(siteUrl.length));
    await expect(again.page.inputValue('select[name=province]')).resolves.toBe(prov);
    await again.page.close();
    await page.close();
  });

  it('matches pinyin initials anywhere in a name, and a place finds the agencies there', async () => {
    const all = await names(siteUrl);
    // initials taken from the end of a name, not its start (教育局 → jyj)
    const target = all.find((n) => n[2].length >= 6)!;
    const tail = target[2].slice(-3);
    const { page } = await search(`search/?q=${tail}`);
    const found = await page.locator('#name-results a').allInnerTexts();
    expect(found).toContain(target[1]);
    for (const n of all.filter((x) => found.includes(x[1]))) expect(n[2]).toContain(tail);
    await page.close();
    // a province: every agency in it, by name or not
    const province = all.find((n) => n[4])![4];
    const short = province.slice(0, 2);
    const inProvince = all.filter((n) => n[4] === province).map((n) => n[1]);
    const p2 = await search(`search/?q=${encodeURIComponent(short)}`);
    const hits = await p2.page.locator('#name-results a').allInnerTexts();
    for (const name of inProvince.slice(0, 30)) expect(hits).toContain(name);
    await p2.page.close();
  });
});
