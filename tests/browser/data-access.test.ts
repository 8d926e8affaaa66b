/**
 * Data access like Datasette's, in Chromium against the built site under
 * /nianbao/: every published table downloads as CSV and JSON from the
 * downloads page (and they hold the same rows), datapackage.json describes
 * every file and each of its paths resolves, the dataset has a named open
 * licence and a citation with version, date and BibTeX, and the methodology
 * page says where the reports were collected and how complete that is
 * (from the corpus's SOURCES.tsv).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { haveChromium, launch, watch } from './browser.ts';
import { TABLES } from '../../src/lib/schema.ts';
import { readSources } from '../../src/lib/dataset/sources.ts';
import { agencyKey } from '../../src/lib/site/collection.ts';
import { createRequire } from 'node:module';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const siteUrl = inject('siteUrl');
const origin = new URL(siteUrl).origin;
let browser: Browser;
let page: Page;
const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

describe.skipIf(!haveChromium())('data access', () => {
  beforeAll(async () => {
    browser = await launch();
    page = await browser.newPage();
  });
  afterAll(async () => { await browser?.close(); });

  it('offers every table as CSV and JSON (and Parquet), with the same rows', async () => {
    const w = watch(page, origin);
    await page.goto(`${siteUrl}downloads/`);
    const manifest = await (await fetch(new URL('data/manifest.json', siteUrl))).json() as { files: { file: string; rows?: number }[] };
    for (const t of TABLES) {
      const href = async (fmt: string) => page.locator(`#tables a[data-table="${t.name}"][data-format="${fmt}"]`).getAttribute('href');
      const csvRes = await fetch(new URL((await href('csv'))!, siteUrl));
      const jsonRes = await fetch(new URL((await href('json'))!, siteUrl));
      expect(csvRes.status, t.name).toBe(200);
      expect(jsonRes.status, t.name).toBe(200);
      expect((await fetch(new URL((await href('parquet'))!, siteUrl))).status).toBe(200);
      const bytes = Buffer.from(await csvRes.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const csvText = bytes.toString('utf8');
      const csv = Papa.parse<Record<string, string>>(csvText.slice(1), { header: true, skipEmptyLines: true });
      expect(csv.meta.fields).toEqual(t.columns.map((c) => c.name));
      const json = await jsonRes.json() as Record<string, unknown>[];
      expect(json.length, t.name).toBe(csv.data.length);
      expect(json.length).toBe(manifest.files.find((f) => f.file === `${t.name}.csv`)!.rows);
      if (json.length) expect(Object.keys(json[0])).toEqual(t.columns.map((c) => c.name));
    }
    // the long CSVs carry their Chinese labels
    const app = await (await fetch(new URL('data/applications.csv', siteUrl))).text();
    expect(app.split('\n')[0]).toContain('row_zh,applicant_zh');
    expect(app).toContain('本年新收政府信息公开申请数量,自然人');
    expect(w.errors).toEqual([]);
  });

  it('publishes datapackage.json describing every file, each path resolving', async () => {
    await page.goto(`${siteUrl}downloads/`);
    const href = await page.locator('a#datapackage').getAttribute('href');
    const dp = await (await fetch(new URL(href!, siteUrl))).json() as { profile: string; licenses: { name: string }[]; resources: { name: string; path: string; bytes?: number; schema?: { fields: { name: string }[] } }[] };
    expect(dp.profile).toBe('tabular-data-package');
    expect(dp.licenses[0].name).toBe('CC-BY-4.0');
    const dataDir = new URL(href!, siteUrl);
    for (const r of dp.resources) {
      const res = await fetch(new URL(r.path, dataDir), { method: 'HEAD' });
      expect(res.status, r.path).toBe(200);
      if (r.bytes !== undefined) expect(Number(res.headers.get('content-length')), r.path).toBe(r.bytes);
    }
    for (const t of TABLES) {
      const r = dp.resources.find((x) => x.name === t.name)!;
      expect(r.schema!.fields.map((f) => f.name)).toEqual(t.columns.map((c) => c.name));
    }
  });

  it('names an open licence and gives a citation with version, date and BibTeX', async () => {
    await page.goto(`${siteUrl}downloads/`);
    const licence = page.locator('#licence + p a[rel="license"]');
    expect(await licence.getAttribute('href')).toBe('https://creativecommons.org/licenses/by/4.0/');
    expect(await licence.innerText()).toContain('CC BY 4.0');
    const manifest = await (await fetch(new URL('data/manifest.json', siteUrl))).json() as { built_at: string };
    const date = new Date(new Date(manifest.built_at).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    const zh = await page.locator('#cite-zh').innerText();
    expect(zh).toContain(`版本 ${version}`);
    expect(zh).toContain(date);
    // the site's published address (SITE_URL + base), not the test server's
    const published = new URL(siteUrl).pathname;
    expect(zh).toMatch(new RegExp(`https?://\\S+${published}$`));
    const bib = await page.locator('#cite-bibtex').innerText();
    expect(bib).toMatch(/^@misc\{/);
    expect(bib).toContain(`version      = {${version}}`);
    expect(bib).toContain(`date         = {${date}}`);
    expect(bib).toMatch(new RegExp(`url {10}= \\{https?://\\S+${published}\\}`));
    expect(bib.split('{').length).toBe(bib.split('}').length); // braces balance
  });

  it('says on the methodology page where the reports were collected and how complete that is', async () => {
    const sources = readSources('data');
    await page.goto(`${siteUrl}methodology/`);
    const section = await page.locator('main').innerText();
    if (!sources.length) { expect(section).toContain('本站的报告是怎样收集的'); return; }
    const repos = [...new Set(sources.map((s) => s.repository))];
    for (const r of repos) {
      const link = page.locator(`#collection ~ section h3 a[href="https://github.com/${r}"]`);
      await expect(link.count(), r).resolves.toBe(1);
      expect(await link.locator('xpath=..').innerText()).toContain(`${sources.filter((s) => s.repository === r).length} 份报告`);
    }
    const agencies = new Set(sources.map((s) => agencyKey(s.agency)));
    const rows = page.locator('table.collection tbody tr');
    await expect(rows.count()).resolves.toBe(agencies.size);
    const years = [...new Set(sources.map((s) => s.year))].filter((y) => y !== null);
    await expect(page.locator('table.collection thead th').count()).resolves.toBe(years.length + 1);
    // every report of SOURCES.tsv is one cell linking to its page; the others are marked absent
    const links = await page.locator('table.collection tbody td a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links.length).toBe(sources.length);
    expect((await fetch(links[0])).status).toBe(200);
    const absent = await page.locator('table.collection tbody td.nr').count();
    expect(absent).toBe(agencies.size * years.length - sources.length);
  });

  for (const width of [1280, 390]) {
    it(`downloads and methodology have no serious axe violations at ${width} px`, async () => {
      const p = await browser.newPage({ viewport: { width, height: 900 } });
      const found: string[] = [];
      for (const path of ['downloads/', 'methodology/']) {
        await p.goto(`${siteUrl}${path}`);
        await p.addScriptTag({ content: axeSource });
        const r = await p.evaluate(async () => {
          // @ts-expect-error injected
          const res = await axe.run(document, { resultTypes: ['violations'] });
          return res.violations.filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical')
            .map((v: { id: string; nodes: { target: string[] }[] }) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
        });
        for (const v of r) found.push(`${path} ${v}`);
        expect(await p.evaluate(() => document.documentElement.scrollWidth - innerWidth), `${path} wider than ${width}`).toBeLessThanOrEqual(0);
      }
      expect(found).toEqual([]);
      await p.close();
    });
  }
});
