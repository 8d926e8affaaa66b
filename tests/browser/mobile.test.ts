/**
 * A 390 px phone: no page is wider than the screen, every wide table scrolls
 * inside a named, keyboard-focusable region with its row labels in view and at
 * least 6 characters wide; and axe finds nothing serious on every kind of page
 * at 390 and at 1280 px.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { haveChromium, launch } from './browser.ts';
import { agencyPath, axeSerious, names, open, pathOf } from './helpers.ts';

const siteUrl = inject('siteUrl');
let browser: Browser;
let phone: BrowserContext;
let pages: string[] = [];

beforeAll(async () => {
  if (!haveChromium()) return;
  browser = await launch();
  phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
  // One page of every kind, with the longest agency name (its pinyin line is the longest unbroken word).
  const all = await names(siteUrl);
  const longest = all.reduce((a, b) => (b[1].length > a[1].length ? b : a));
  const agency = await agencyPath(siteUrl, '咸安区人民政府');
  pages = ['', 'browse/', 'regions/', 'compare/', 'compare/levels/', `compare/agencies/?a=${all.slice(0, 3).map((n) => n[0]).join(',')}`,
    'downloads/', 'quality/', 'methodology/', 'search/?q=政府', 'sql/', '404.html', agency, `agencies/${longest[0]}/`];
  const { page } = await open(phone, siteUrl, agency);
  const follow = async (sel: string) => {
    const href = await page.locator(sel).first().getAttribute('href');
    if (href) pages.push(pathOf(siteUrl, href, page.url()));
  };
  await follow('a:has-text("与同省同级机关比较")');
  await follow('nav.breadcrumb a[href*="regions/"] >> nth=-1');
  await page.goto(new URL('regions/', siteUrl).href);
  await follow('main h2 a');
  await page.goto(new URL(`agencies/${all.find((n) => n[0] !== agency)![0]}/`, siteUrl).href);
  await follow('ul.years a:not([href*="#"])');
  await page.close();
});
afterAll(async () => { await browser?.close(); });

/** Characters on the first line of an element's text (a label squeezed to one character per line gives 1). */
function firstLineChars(page: Page, sel: string) {
  return page.locator(sel).evaluateAll((els) => els.map((el) => {
    const text = (el.textContent ?? '').replace(/\s+/g, '');
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let top: number | null = null;
    let n = 0;
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      for (let i = 0; i < node.length; i++) {
        if (/\s/.test(node.data[i])) continue;
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const r = range.getClientRects()[0];
        if (!r) continue;
        if (top === null) top = r.top;
        else if (r.top > top + 2) return { text, n };
        n++;
      }
    }
    return { text, n };
  }));
}

describe.skipIf(!haveChromium())('390 px phone', () => {
  it('no page is wider than the screen', async () => {
    expect(pages.length).toBeGreaterThan(13);
    const wide: string[] = [];
    for (const p of pages) {
      const { page, status } = await open(phone, siteUrl, p);
      expect(status, p).toBeLessThan(400);
      const w = await page.evaluate(() => document.documentElement.scrollWidth);
      if (w > 390) wide.push(`${p}: ${w} px`);
      await page.close();
    }
    expect(wide).toEqual([]);
  });

  it('every wide table scrolls in a named, focusable region, its row labels in view and at least 6 characters wide', async () => {
    const problems: string[] = [];
    let scrolled = 0;
    for (const p of pages) {
      const { page } = await open(phone, siteUrl, p);
      // every table wider than the page sits in a region of its own
      const loose = await page.locator('main table').evaluateAll((ts) => ts.filter((t) => {
        const r = t.getBoundingClientRect();
        return r.width > 0 && r.right > innerWidth + 1 && !t.closest('.scroll');
      }).length);
      if (loose) problems.push(`${p}: ${loose} table(s) overflow outside a scroll region`);
      const regions = await page.locator('.scroll').evaluateAll((els) => els.filter((e) => e.getClientRects().length > 0).map((e) => ({
        role: e.getAttribute('role'), tab: e.getAttribute('tabindex'), label: e.getAttribute('aria-label') ?? '',
        scrolls: e.scrollWidth > e.clientWidth,
      })));
      for (const r of regions) {
        if (r.role !== 'region' || r.tab !== '0' || !r.label.trim()) problems.push(`${p}: scroll region ${JSON.stringify(r)}`);
        if (r.scrolls) scrolled++;
      }
      // row labels: at least 6 characters on their first line (or the whole label when shorter)
      const labels = await firstLineChars(page, 'main table tbody tr > th[scope="row"], main table.data tbody tr > td:first-child');
      for (const l of labels) if (l.text && l.n < Math.min(6, l.text.length)) problems.push(`${p}: label "${l.text}" shows ${l.n} character(s) per line`);
      // the label column stays in view when the region is scrolled to its end
      const stuck = await page.locator('.scroll').evaluateAll((els) => els.filter((e) => e.getClientRects().length > 0 && e.scrollWidth > e.clientWidth).map((e) => {
        e.scrollLeft = e.scrollWidth;
        const cell = e.querySelector('tbody tr > :first-child');
        const left = cell ? cell.getBoundingClientRect().left - e.getBoundingClientRect().left : 0;
        e.scrollLeft = 0;
        return Math.abs(left) < 2;
      }));
      stuck.forEach((ok, i) => { if (!ok) problems.push(`${p}: region ${i}: label column scrolls away`); });
      await page.close();
    }
    expect(problems).toEqual([]);
    expect(scrolled).toBeGreaterThan(3);
  });

  it('has no serious or critical axe violations at 390 px and at 1280 px', async () => {
    const report: string[] = [];
    const desktop = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    for (const [ctx, width] of [[phone, 390], [desktop, 1280]] as const) {
      for (const p of pages) {
        const { page } = await open(ctx, siteUrl, p);
        for (const v of await axeSerious(page)) report.push(`${width} ${p}: ${v}`);
        await page.close();
      }
    }
    await desktop.close();
    expect(report).toEqual([]);
  }, 400_000);
});
