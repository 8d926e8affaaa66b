/**
 * Provenance a journalist can cite: every source line has an anchor and a
 * line-number link to itself, every table cell links to a line that exists,
 * and a report page shows the file it was read from and links its original
 * publication (reports.source_url) when the file recorded one.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import Papa from 'papaparse';
import type { Browser } from 'playwright-core';
import { haveChromium, launch } from './browser.ts';
import { agencyPath, open, pathOf } from './helpers.ts';

const siteUrl = inject('siteUrl');
let browser: Browser;
beforeAll(async () => { if (haveChromium()) browser = await launch(); });
afterAll(async () => { await browser?.close(); });

interface ReportRow { report_id: string; source_url: string; source_file: string; agency: string }

async function reportsCsv(): Promise<ReportRow[]> {
  const text = await (await fetch(new URL('data/reports.csv', siteUrl))).text();
  return Papa.parse<ReportRow>(text.replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true }).data;
}

/** report_id → its page under the base, from the browse index (column 11 is the report id, 0 the page). */
async function reportPages(): Promise<Map<string, string>> {
  const idx = (await (await fetch(new URL('browse/index.json', siteUrl))).json()) as { rows: unknown[][] };
  return new Map(idx.rows.map((r) => [r[11] as string, r[0] as string]));
}

describe.skipIf(!haveChromium())('provenance', () => {
  it('every source line has an anchor and its number links to it', async () => {
    // an agency page (its latest report) and an older report's own page
    const older = [...(await reportPages()).values()].find((p) => /^agencies\/[^/]+\/[^/]+\/$/.test(p));
    expect(older).toBeTruthy();
    const { page } = await open(browser, siteUrl, await agencyPath(siteUrl, '咸安区人民政府'));
    for (const p of [pathOf(siteUrl, page.url()), older!]) {
      await page.goto(new URL(p, siteUrl).href);
      const lines = await page.locator('ol.source > li').evaluateAll((lis) => lis.map((li, i) => {
        const a = li.firstElementChild as HTMLAnchorElement | null;
        return li.id === `L${i + 1}` && a?.tagName === 'A' && a.getAttribute('href') === `#L${i + 1}` && a.textContent === String(i + 1);
      }));
      expect(lines.length, p).toBeGreaterThan(5);
      expect(lines.every(Boolean), p).toBe(true);
    }
    // a line that no table cell uses is still a link target, and clicking its number marks it
    await page.goto(new URL(await agencyPath(siteUrl, '咸安区人民政府'), siteUrl).href);
    const plain = page.locator('ol.source > li:not(.u)').nth(2);
    const id = (await plain.getAttribute('id'))!;
    await plain.locator('a').first().click();
    expect(new URL(page.url()).hash).toBe(`#${id}`);
    await expect(page.locator('ol.source > li:target').getAttribute('id')).resolves.toBe(id);
    await page.close();
  });

  it('every table cell links to the spot in its source line where the number stands', async () => {
    const { page } = await open(browser, siteUrl, await agencyPath(siteUrl, '咸安区人民政府'));
    const cells = await page.locator('.report table.form td a').evaluateAll((as) => as.map((a) => {
      const at = document.getElementById(a.getAttribute('href')!.slice(1));
      return { href: a.getAttribute('href'), text: a.textContent, found: !!at && at.matches('ol.source > li mark'), holds: !!at && at.textContent!.includes(a.textContent!) };
    }));
    expect(cells.length).toBeGreaterThan(100);
    expect(cells.filter((c) => !c.found)).toEqual([]);
    expect(cells.filter((c) => !c.holds)).toEqual([]);
    await page.close();
  });

  it('in a crawled report whose whole body is one line, each cell still links to its own digits', async () => {
    const { page } = await open(browser, siteUrl, await agencyPath(siteUrl, '平潭综合实验区管委会办公室'));
    const cells = await page.locator('.report table.form td a').evaluateAll((as) => as.map((a) => {
      const at = document.getElementById(a.getAttribute('href')!.slice(1));
      return { href: a.getAttribute('href'), text: a.textContent!.replace(/,/g, ''), mark: at?.tagName === 'MARK' ? at.textContent : null };
    }));
    expect(cells.length).toBeGreaterThan(100);
    // One line holds every table, yet the links go to as many places as there are cells.
    expect(new Set(cells.map((c) => (c.href ?? '').replace(/c\d+$/, ''))).size).toBeLessThanOrEqual(2);
    expect(new Set(cells.map((c) => c.href)).size).toBeGreaterThan(100);
    expect(cells.filter((c) => c.mark === null || !c.mark.replace(/,/g, '').startsWith(c.text))).toEqual([]);
    await page.close();
  });

  it('shows the file each report was read from and links its original publication', async () => {
    const rows = await reportsCsv();
    const pages = await reportPages();
    const withUrl = rows.filter((r) => r.source_url);
    const without = rows.filter((r) => !r.source_url);
    // the embedded corpus (real reports) records where each was published
    expect(withUrl.length).toBeGreaterThan(0);
    for (const r of [...withUrl.slice(0, 4), ...without.slice(0, 2)]) {
      const { page } = await open(browser, siteUrl, pages.get(r.report_id)!);
      // an agency page shows its latest report's provenance; an older one its own page
      const prov = page.locator('dl.provenance').first();
      await expect(prov.locator('code.source-file').innerText()).resolves.toBe(r.source_file);
      if (r.source_url) {
        await expect(prov.locator('a.source-url').getAttribute('href')).resolves.toBe(r.source_url);
        await expect(prov.locator('a.source-url').getAttribute('rel')).resolves.toContain('external');
      } else {
        await expect(prov.innerText()).resolves.toContain('未记录');
      }
      await page.close();
    }
  });
});
