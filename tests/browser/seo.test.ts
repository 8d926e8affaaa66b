/**
 * Found by search engines and share cards: every page has a canonical link and
 * Open Graph tags (title, description, a self-hosted 1200 × 630 image);
 * sitemap.xml lists every page and robots.txt names it; times are shown in
 * Beijing time.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { haveChromium, launch } from './browser.ts';
import { agencyPath, open } from './helpers.ts';

const siteUrl = inject('siteUrl');
const siteDir = inject('siteDir');
let browser: Browser;
let root = ''; // the published site root the pages name (SITE_URL + base)
beforeAll(async () => {
  if (!haveChromium()) return;
  browser = await launch();
  const { page } = await open(browser, siteUrl, '');
  root = (await page.locator('link[rel=canonical]').getAttribute('href'))!;
  await page.close();
});
afterAll(async () => { await browser?.close(); });

/** A published URL → the same file on the test server. */
const local = (u: string) => { expect(u.startsWith(root), u).toBe(true); return siteUrl + u.slice(root.length); };

function pagesOnDisk(dir: string, rel = ''): string[] {
  return readdirSync(join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) return rel === '' && ['_astro', 'pagefind', 'data', 'duckdb'].includes(e.name) ? [] : pagesOnDisk(dir, r);
    return e.name === 'index.html' ? [rel ? rel + '/' : ''] : [];
  });
}

describe.skipIf(!haveChromium())('search engines and share cards', () => {
  it('every kind of page has a canonical URL and Open Graph tags with the site’s own image', async () => {
    expect(root).toMatch(/^https?:\/\/.+\/$/);
    const xa = await agencyPath(siteUrl, '咸安区人民政府');
    const idx = (await (await fetch(new URL('browse/index.json', siteUrl))).json()) as { rows: string[][] };
    const older = idx.rows.map((r) => r[0]).find((p) => /^agencies\/[^/]+\/[^/]+\/$/.test(p))!;
    const paths = ['', 'browse/', 'browse/year/2024/', 'regions/', 'compare/', 'compare/levels/', 'downloads/', 'quality/', 'methodology/', 'search/', 'sql/', xa, older];
    for (const p of paths) {
      const { page } = await open(browser, siteUrl, p);
      const head = await page.evaluate(() => {
        const m = (k: string) => document.querySelector(`meta[property="${k}"], meta[name="${k}"]`)?.getAttribute('content') ?? null;
        return {
          title: document.title, description: m('description'), canonical: document.querySelector('link[rel=canonical]')?.getAttribute('href'),
          ogTitle: m('og:title'), ogDescription: m('og:description'), ogImage: m('og:image'), ogUrl: m('og:url'), card: m('twitter:card'),
        };
      });
      expect(head.canonical, p).toBe(root + p);
      expect(head.ogUrl, p).toBe(head.canonical);
      expect(head.ogTitle, p).toBe(head.title);
      expect(head.ogDescription, p).toBe(head.description);
      expect(head.description!.length, p).toBeGreaterThan(5);
      expect(head.ogImage, p).toBe(root + 'og.png');
      expect(head.card).toBe('summary_large_image');
      await page.close();
    }
    // the image is served by the site itself: a 1200 × 630 PNG
    const res = await fetch(local(root + 'og.png'));
    expect(res.status).toBe(200);
    const png = Buffer.from(await res.arrayBuffer());
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  });

  it('sitemap.xml lists every page, and robots.txt names it', async () => {
    const robots = await (await fetch(new URL('robots.txt', siteUrl))).text();
    expect(robots).toContain(`Sitemap: ${root}sitemap.xml`);
    const xml = await (await fetch(new URL('sitemap.xml', siteUrl))).text();
    expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    const onDisk = pagesOnDisk(siteDir).map((p) => root + p);
    expect(new Set(locs)).toEqual(new Set(onDisk));
    expect(locs.length).toBeGreaterThan(50);
    expect([...xml.matchAll(/<lastmod>(\d{4}-\d\d-\d\d)<\/lastmod>/g)].length).toBe(locs.length);
    // a sample of them load
    for (const u of locs.filter((_, i) => i % Math.ceil(locs.length / 15) === 0)) expect((await fetch(local(u))).status, u).toBe(200);
  });

  it('shows times in Beijing time', async () => {
    for (const p of ['', 'downloads/']) {
      const { page } = await open(browser, siteUrl, p);
      const times = await page.locator('main time[datetime]').evaluateAll((ts) => ts.map((t) => [t.getAttribute('datetime')!, t.textContent!]));
      expect(times.length, p).toBeGreaterThan(0);
      for (const [iso, text] of times) {
        const bj = new Date(new Date(iso).getTime() + 8 * 3600_000);
        const hh = String(bj.getUTCHours()).padStart(2, '0');
        const mm = String(bj.getUTCMinutes()).padStart(2, '0');
        expect(text).toBe(`${bj.getUTCFullYear()}年${bj.getUTCMonth() + 1}月${bj.getUTCDate()}日 ${hh}:${mm}(北京时间)`);
      }
      await page.close();
    }
  });
});
