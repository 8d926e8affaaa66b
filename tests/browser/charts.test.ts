/**
 * The build-time charts as a reader sees them, in Chromium at 1280 and 390 px:
 * text measured at its displayed size, integer ticks in Chinese number style,
 * every chart with title, unit, source and a link to itself, and its data
 * (CSV) and picture (SVG, PNG) downloads. Also the trend charts of several
 * agencies on region and compare pages, and axe at both widths.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Papa from 'papaparse';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { haveChromium, launch, watch } from './browser.ts';

const siteUrl = inject('siteUrl');
const origin = new URL(siteUrl).origin;
const basePath = new URL(siteUrl).pathname;
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
const rel = (href: string) => new URL(href, siteUrl).pathname.slice(basePath.length);

/** Pages with charts: home, the seed agency, a region and a compare group (found by links). */
async function chartPages(page: Page): Promise<string[]> {
  const names = (await (await fetch(new URL('search/names.json', siteUrl))).json()) as string[][];
  const agency = `agencies/${names.find((n) => n[1] === '咸安区人民政府')![0]}/`;
  await page.goto(new URL(agency, siteUrl).href);
  const compare = rel((await page.locator('a', { hasText: '与同省同级机关比较' }).first().getAttribute('href'))!);
  const region = rel((await page.locator('.breadcrumb a').nth(2).getAttribute('href'))!);
  return ['', agency, region, compare];
}

async function readDownload(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  const stream = await dl.createReadStream();
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return { name: dl.suggestedFilename(), bytes: Buffer.concat(chunks) };
}

describe.skipIf(!haveChromium())('charts', () => {
  let pages: string[];
  beforeAll(async () => {
    browser = await launch();
    const p = await browser.newPage();
    pages = await chartPages(p);
    await p.close();
  });
  afterAll(async () => { await browser?.close(); });

  for (const width of [1280, 390]) {
    it(`chart text is at least 12 CSS px as displayed, at ${width} px, with no page wider than the screen`, async () => {
      const ctx = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await ctx.newPage();
      const small: string[] = [];
      let measured = 0;
      for (const p of pages) {
        await page.goto(new URL(p, siteUrl).href);
        const r = await page.evaluate(() => {
          const out: { text: string; px: number }[] = [];
          for (const t of document.querySelectorAll<SVGTextElement>('figure.chart .chart-plot svg text')) {
            if (!t.textContent?.trim()) continue;
            const m = t.getScreenCTM();
            const size = parseFloat(getComputedStyle(t).fontSize);
            // Displayed size: the computed size times the SVG's scale on screen.
            out.push({ text: t.textContent.trim(), px: size * (m ? Math.hypot(m.a, m.b) : 1) });
          }
          // HTML text of the figure (title, legend, source, buttons) too.
          for (const el of document.querySelectorAll<HTMLElement>('figure.chart figcaption, figure.chart .chart-legend li, figure.chart p, figure.chart button')) {
            out.push({ text: el.textContent?.trim().slice(0, 20) ?? '', px: parseFloat(getComputedStyle(el).fontSize) });
          }
          return { out, overflow: document.documentElement.scrollWidth - window.innerWidth };
        });
        measured += r.out.length;
        for (const x of r.out) if (x.px < 12 - 1e-6) small.push(`${p}: "${x.text}" ${x.px.toFixed(1)} px`);
        expect(r.overflow, `${p} is wider than ${width} px`).toBeLessThanOrEqual(0);
      }
      expect(measured).toBeGreaterThan(40);
      expect(small.slice(0, 20)).toEqual([]);
      await ctx.close();
    });
  }

  it('counts have whole-number ticks written the Chinese way, and a 0 is shown as 0', async () => {
    const page = await browser.newPage();
    for (const p of pages) {
      await page.goto(new URL(p, siteUrl).href);
      const ticks = await page.locator('figure.chart .chart-plot svg text').allTextContents();
      for (const t of ticks) {
        expect(t, `${p}: tick "${t}"`).not.toMatch(/^\d+(\.\d+)?[kMG]$/); // no SI suffix
        expect(t, `${p}: tick "${t}"`).not.toMatch(/^\d+\.\d+$/); // no fractional count (0.5 件)
      }
    }
    // The seed agency's review/litigation chart: every bar's number is printed, 0 included.
    await page.goto(new URL(pages[1], siteUrl).href);
    const labels = await page.locator('#chart-disputes .chart-plot svg text').allTextContents();
    expect(labels).toContain('0');
    await page.close();
  });

  it('every chart has a title linking to itself, a unit, a source and downloads', async () => {
    const page = await browser.newPage();
    let n = 0;
    for (const p of pages) {
      await page.goto(new URL(p, siteUrl).href);
      for (const fig of await page.locator('figure.chart').all()) {
        n++;
        const id = await fig.getAttribute('id');
        expect(id).toBeTruthy();
        expect(await fig.locator('figcaption a.chart-title').getAttribute('href')).toBe(`#${id}`);
        expect(await fig.locator('.chart-unit').innerText()).toMatch(/单位:.+/);
        expect(await fig.locator('.chart-source').innerText()).toMatch(/^数据来源:.+/);
        expect(await fig.locator('[data-chart-csv]').getAttribute('download')).toMatch(/\.csv$/);
        await expect(fig.locator('[data-chart-export="svg"]').isVisible()).resolves.toBe(true);
        await expect(fig.locator('[data-chart-export="png"]').isVisible()).resolves.toBe(true);
        expect(await fig.locator('svg[role="img"]').getAttribute('aria-label')).toBeTruthy();
      }
    }
    expect(n).toBeGreaterThanOrEqual(6);
    await page.close();
  });

  it('downloads a chart\'s data as CSV and its picture as SVG and PNG', async () => {
    const ctx: BrowserContext = await browser.newContext({ acceptDownloads: true });
    const page = await ctx.newPage();
    const w = watch(page, origin);
    await page.goto(new URL(pages[1], siteUrl).href);
    const fig = page.locator('#chart-received');
    const csv = await readDownload(page, () => fig.locator('[data-chart-csv]').click());
    expect(csv.name).toMatch(/-received\.csv$/);
    const text = csv.bytes.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<string[]>(text.slice(1).trim()).data;
    expect(parsed[0]).toEqual(['年度', '数值(件)']);
    // The page's own numbers: the bar labels of the chart are the CSV's values.
    const shown = await fig.locator('.chart-plot svg text').allTextContents();
    for (const [, v] of parsed.slice(1)) if (v !== '') expect(shown).toContain(Number(v).toLocaleString('zh-CN'));

    const svg = await readDownload(page, () => fig.locator('[data-chart-export="svg"]').click());
    expect(svg.name).toMatch(/-received\.svg$/);
    const svgText = svg.bytes.toString('utf8');
    expect(svgText).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svgText).toContain('本年新收申请(件)');
    expect(svgText).toContain('数据来源');
    // Well-formed, and drawable as an image on its own.
    const ok = await page.evaluate(async (s) => {
      const doc = new DOMParser().parseFromString(s, 'image/svg+xml');
      if (doc.querySelector('parsererror')) return 'parse error';
      const img = new Image();
      img.src = URL.createObjectURL(new Blob([s], { type: 'image/svg+xml' }));
      await img.decode();
      return `${img.naturalWidth}x${img.naturalHeight}`;
    }, svgText);
    expect(ok).toMatch(/^\d+x\d+$/);

    const png = await readDownload(page, () => fig.locator('[data-chart-export="png"]').click());
    expect(png.name).toMatch(/-received\.png$/);
    expect(png.bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    const pngWidth = png.bytes.readUInt32BE(16);
    expect(pngWidth).toBe(2 * Number(ok.split('x')[0]));
    expect(w.errors).toEqual([]);
    expect(w.offsite).toEqual([]);
    await ctx.close();
  });

  it('region and compare pages chart several agencies over the years', async () => {
    const page = await browser.newPage();
    // The province page with the most agencies in its trend chart.
    await page.goto(new URL('regions/', siteUrl).href);
    const provinces = (await page.locator('main a[href*="/regions/"]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href)))
      .filter((h) => /\/regions\/[^/]+\/$/.test(h));
    let best = { href: '', n: 0 };
    for (const h of provinces) {
      await page.goto(h);
      const n = await page.locator('#chart-trend .chart-legend li').count();
      if (n > best.n) best = { href: h, n };
    }
    expect(best.n, 'a province with several agencies').toBeGreaterThanOrEqual(2);
    for (const p of [rel(best.href), pages[3]]) {
      await page.goto(new URL(p, siteUrl).href);
      const fig = page.locator('#chart-trend');
      await expect(fig.count(), p).resolves.toBe(1);
      const legend = await fig.locator('.chart-legend li').allInnerTexts();
      expect(legend.length, p).toBeGreaterThanOrEqual(1);
      // one line per agency in the legend, and every agency of the legend in the chart's data
      const lines = await fig.locator('.chart-plot svg path[stroke]').count();
      expect(lines).toBeGreaterThanOrEqual(legend.length);
      const csv = decodeURIComponent((await fig.locator('[data-chart-csv]').getAttribute('href'))!.replace(/^data:[^,]*,/, ''));
      for (const name of legend) expect(csv).toContain(name.trim());
    }
    await page.close();
  });

  for (const width of [1280, 390]) {
    it(`charts have no serious axe violations at ${width} px`, async () => {
      const ctx = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await ctx.newPage();
      const report: string[] = [];
      for (const p of pages) {
        await page.goto(new URL(p, siteUrl).href);
        await page.addScriptTag({ content: axeSource });
        const found = await page.evaluate(async () => {
          // @ts-expect-error injected
          const r = await axe.run({ include: [['figure.chart']] }, { resultTypes: ['violations'] });
          return r.violations.filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical')
            .map((v: { id: string; nodes: { target: string[] }[] }) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
        });
        for (const f of found) report.push(`${p}: ${f}`);
      }
      expect(report).toEqual([]);
      await ctx.close();
    });
  }
});
