/**
 * The SQL page for people who are not programmers, in Chromium against the
 * built site under /nianbao/: errors in Chinese with the spot marked in the
 * editor, Chinese label columns, links from report_id / agency_id / line to
 * the site's pages and source lines, sorting by column, thousands separators,
 * and the quick chart (query order kept, settings in the shared URL, long
 * labels not overlapping). Expected values come from DuckDB (node) over the
 * same dataset.duckdb the page reads.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { haveChromium, launch, watch } from './browser.ts';
import { runInEditor as runIn, runs as runsOf } from './sql-page.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const siteUrl = inject('siteUrl');
const siteDir = inject('siteDir');
const origin = new URL(siteUrl).origin;

let browser: Browser;
let page: Page;
let seen: ReturnType<typeof watch>;
let node: DuckDBConnection;
let instance: DuckDBInstance;

async function truth(sql: string): Promise<unknown[][]> {
  return (await node.runAndReadAll(sql)).getRowsJS() as unknown[][];
}

const runs = () => runsOf(page);
const runInEditor = (sql: string) => runIn(page, sql);

async function openShared(query: string) {
  await page.goto(`${siteUrl}sql/?${query}`);
  await page.waitForFunction(() => document.getElementById('sql-app')!.dataset.runs === '1', null, { timeout: 60_000 });
}

const column = (i: number) => page.locator('#sql-result tbody tr').evaluateAll((trs, k) => trs.map((tr) => tr.querySelectorAll('td')[k]?.textContent ?? ''), i);

describe.skipIf(!haveChromium())('SQL page for people who are not programmers', () => {
  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
    node = await instance.connect();
    await node.run(`ATTACH '${join(siteDir, 'data', 'dataset.duckdb').replace(/'/g, "''")}' AS ds (READ_ONLY)`);
    await node.run('USE ds');
    browser = await launch();
    page = await (await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } })).newPage();
    seen = watch(page, origin);
    await openShared('sql=' + encodeURIComponent('SELECT 1'));
  });
  afterAll(async () => {
    await browser?.close();
    node?.closeSync();
    instance?.closeSync();
  });

  it('explains a syntax error in Chinese, not JSON, and marks the wrong word in the editor', async () => {
    await runInEditor('-- 中文注释\nSELECT agency FORM reports');
    const box = page.locator('#sql-error');
    await expect(box.isVisible()).resolves.toBe(true);
    const text = await box.innerText();
    expect(text).toContain('语法错误');
    expect(text).toContain('“reports” 附近有语法错误');
    expect(text).toContain('第 2 行第 20 列');
    expect(text).not.toMatch(/exception_type|\{"/);
    const marked = page.locator('.cm-content .cm-sql-error');
    await expect(marked.innerText()).resolves.toBe('reports');
    await expect(page.locator('.cm-content .cm-sql-error-line').innerText()).resolves.toBe('SELECT agency FORM reports');
    // the button puts the cursor there
    await page.click('#sql-error button');
    const sel = await page.evaluate(() => { const s = getSelection()!; return s.anchorNode?.textContent?.slice(s.anchorOffset, s.anchorOffset + 7); });
    expect(sel).toBe('reports');
    // editing clears the mark
    await page.keyboard.insertText(' ');
    await expect(page.locator('.cm-content .cm-sql-error').count()).resolves.toBe(0);
  });

  it('explains an unknown column in Chinese, with the columns one can use, marked on its own line', async () => {
    await runInEditor('-- 年度统计\nSELECT year,\n  nope FROM reports');
    const text = await page.locator('#sql-error').innerText();
    expect(text).toContain('FROM 中的表没有名为 “nope” 的列');
    expect(text).toMatch(/可用的列有:.*report_id|可用的列有/);
    expect(text).toContain('第 3 行第 3 列');
    await expect(page.locator('.cm-content .cm-sql-error').innerText()).resolves.toBe('nope');
    await runInEditor('SELECT * FROM reportz');
    expect(await page.locator('#sql-error').innerText()).toContain('没有名为 “reportz” 的表或视图');
    expect(await page.locator('#sql-error').innerText()).toContain('你是不是想写 “reports”');
    await expect(page.locator('.cm-content .cm-sql-error').innerText()).resolves.toBe('reportz');
    // DuckDB's own words are there for those who want them
    expect(await page.locator('#sql-error details pre').textContent()).toContain('Catalog Error');
  });

  it('shows codes with their Chinese labels (label columns)', async () => {
    const sql = `SELECT DISTINCT "row", row_zh, applicant, applicant_zh FROM applications WHERE "row" = 'withheld_state_secret' AND applicant = 'natural_person'`;
    await runInEditor(sql);
    expect(await page.isVisible('#sql-error')).toBe(false);
    const cells = await page.locator('#sql-result tbody tr').first().locator('td').allInnerTexts();
    expect(cells).toEqual(['withheld_state_secret', '属于国家秘密', 'natural_person', '自然人']);
    await runInEditor(`SELECT DISTINCT proceeding_zh, outcome_zh FROM reviews WHERE proceeding = 'review' AND outcome = 'corrected'`);
    expect(await page.locator('#sql-result tbody td').allInnerTexts()).toEqual(['行政复议', '结果纠正']);
  });

  it('links report_id, agency_id and line to the report page, the agency page and the source line', async () => {
    const sql = `SELECT a.report_id, r.agency_id, a.line, a.value FROM applications a JOIN reports r USING (report_id)
      WHERE r.agency = '咸安区人民政府' AND a.row = 'new_received' AND a.applicant = 'total'`;
    await runInEditor(sql);
    await page.waitForFunction(() => Number(document.getElementById('sql-result')!.dataset.linked ?? 0) > 0);
    const [[rid, aid, line]] = await truth(sql);
    const [[pagePath]] = await truth(`SELECT page FROM report_pages WHERE report_id = '${rid}'`);
    const row = page.locator('#sql-result tbody tr').first();
    const href = (i: number) => row.locator('td').nth(i).locator('a').getAttribute('href');
    expect(await href(0)).toBe(new URL(siteUrl).pathname + pagePath);
    expect(await href(1)).toBe(new URL(siteUrl).pathname + `agencies/${aid}/`);
    expect(await href(2)).toBe(new URL(siteUrl).pathname + pagePath + `#L${line}`);
    // the line link lands on that source line, which holds the number
    const target = await browser.newPage();
    await target.goto(new URL((await href(2))!, siteUrl).href);
    const li = target.locator(`[id="L${line}"]`);
    await expect(li.count()).resolves.toBe(1);
    expect(await li.innerText()).toContain('97');
    await target.close();
  });

  it('sorts by a column when its header is clicked: ascending, descending, then the query\'s order', async () => {
    const sql = `SELECT agency, year, new_received FROM report_indicators WHERE new_received IS NOT NULL ORDER BY report_id LIMIT 40`;
    await runInEditor(sql);
    const original = await column(0);
    const th = page.locator('#sql-result thead th').nth(2);
    await th.locator('button').click();
    await expect(th.getAttribute('aria-sort')).resolves.toBe('ascending');
    const asc = (await page.locator('#sql-result tbody tr td:nth-child(3)').evaluateAll((tds) => tds.map((td) => Number((td as HTMLElement).title))));
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    expect(asc).toEqual((await truth(`SELECT new_received FROM (${sql}) ORDER BY new_received`)).map((r) => r[0]));
    await page.locator('#sql-result thead th').nth(2).locator('button').click();
    await expect(page.locator('#sql-result thead th').nth(2).getAttribute('aria-sort')).resolves.toBe('descending');
    const desc = (await page.locator('#sql-result tbody tr td:nth-child(3)').evaluateAll((tds) => tds.map((td) => Number((td as HTMLElement).title))));
    expect(desc).toEqual([...asc].reverse().sort((a, b) => b - a));
    // the focus stays on the header button (keyboard users can press again)
    expect(await page.evaluate(() => document.activeElement?.closest('th')?.cellIndex)).toBe(2);
    await page.keyboard.press('Enter');
    await expect(page.locator('#sql-result thead th').nth(2).getAttribute('aria-sort')).resolves.toBe('none');
    expect(await column(0)).toEqual(original);
    // text columns sort in Chinese (pinyin) order
    await page.locator('#sql-result thead th').nth(0).locator('button').click();
    const names = await column(0);
    expect(names).toEqual([...names].sort(new Intl.Collator('zh-CN', { numeric: true }).compare));
  });

  it('prints numbers with thousands separators, but not years, ids or line numbers', async () => {
    await runInEditor('SELECT 1234567 AS n, 2024 AS year, 12345 AS line, 0.125 AS share, 123456 AS 年度, NULL AS missing');
    expect(await page.locator('#sql-result tbody td').allInnerTexts()).toEqual(['1,234,567', '2024', '12345', '0.125', '123456', 'NULL']);
  });

  it('keeps the query\'s ORDER BY in the quick chart, keeps its settings in the URL, and does not overlap long labels', async () => {
    const sql = `SELECT a.row_zh AS 理由, sum(a.value) AS 件数 FROM applications a WHERE a.applicant = 'total' AND a.row LIKE 'withheld_%'
GROUP BY a.row, a.row_zh ORDER BY 件数 DESC NULLS LAST, a.row`;
    await runInEditor(sql);
    const expected = (await truth(sql)).map((r) => String(r[0]));
    await page.selectOption('#sql-chart select[name=x]', '理由');
    await page.selectOption('#sql-chart select[name=y]', '件数');
    await page.selectOption('#sql-chart select[name=mark]', 'barY');
    await page.click('#sql-chart button[type=submit]');
    await page.waitForSelector('#sql-chart-out svg');
    const check = async () => {
      const r = await page.evaluate(() => {
        const svg = document.querySelector('#sql-chart-out svg')!;
        // category labels: the tick texts of the band axis, top to bottom or left to right
        const texts = [...svg.querySelectorAll('text')].filter((t) => /[\u4e00-\u9fff]/.test(t.textContent ?? '') && !/^(理由|件数)\W*$/.test(t.textContent!.trim()));
        const boxes = texts.map((t) => t.getBoundingClientRect());
        let overlaps = 0;
        for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i], b = boxes[j];
          if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) overlaps++;
        }
        const order = texts.map((t, i) => ({ t: t.textContent ?? '', y: boxes[i].top, x: boxes[i].left }));
        const minFont = Math.min(...[...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * (t.getScreenCTM()?.a ?? 1)));
        return { overlaps, order, minFont };
      });
      expect(r.overlaps).toBe(0);
      expect(r.minFont).toBeGreaterThanOrEqual(12);
      const shown = [...r.order].sort((a, b) => a.y - b.y || a.x - b.x).map((o) => o.t.replace(/…$/, ''));
      expect(shown.length).toBe(expected.length);
      shown.forEach((s, i) => expect(expected[i].startsWith(s)).toBe(true));
    };
    await check();
    const url = new URL(page.url());
    expect(url.searchParams.get('chart')).toBe('barY');
    expect(url.searchParams.get('x')).toBe('理由');
    expect(url.searchParams.get('y')).toBe('件数');
    expect(url.searchParams.get('sql')).toBe(sql);
    // the chart's own link is that URL
    expect(new URL((await page.locator('#sql-chart-figure .chart-title').getAttribute('href'))!, siteUrl).search).toBe(url.search);
    // opened from the shared URL, the same chart is drawn without a click
    const again = await browser.newPage();
    await again.goto(url.href);
    await again.waitForSelector('#sql-chart-out svg', { timeout: 60_000 });
    expect(await again.inputValue('#sql-chart select[name=x]')).toBe('理由');
    expect(await again.inputValue('#sql-chart select[name=mark]')).toBe('barY');
    await again.close();
    // and it downloads like the site's other charts
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#sql-chart-figure [data-chart-export="svg"]')]);
    expect(dl.suggestedFilename()).toBe('query-chart.svg');
  });

  it('has no serious axe violations on a 390 px phone, with an error and with a result and chart', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 800 } });
    const check = async () => {
      await phone.addScriptTag({ content: axeSource });
      return phone.evaluate(async () => {
        // @ts-expect-error injected
        const r = await axe.run(document, { resultTypes: ['violations'] });
        return r.violations.filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical').map((v: { id: string }) => v.id);
      });
    };
    await phone.goto(`${siteUrl}sql/?sql=${encodeURIComponent('SELECT agency FORM reports')}`);
    await phone.waitForFunction(() => document.getElementById('sql-app')!.dataset.runs === '1', null, { timeout: 60_000 });
    expect(await phone.isVisible('#sql-error')).toBe(true);
    expect(await check()).toEqual([]);
    const q = 'SELECT year AS 年度, count(*) AS 报告数 FROM reports GROUP BY year ORDER BY year';
    await phone.goto(`${siteUrl}sql/?sql=${encodeURIComponent(q)}&chart=barY&x=${encodeURIComponent('年度')}&y=${encodeURIComponent('报告数')}`);
    await phone.waitForSelector('#sql-chart-out svg', { timeout: 60_000 });
    expect(await check()).toEqual([]);
    // the quick chart's text is at least 12 px on the phone too, and the page is no wider than the phone
    const min = await phone.evaluate(() => Math.min(...[...document.querySelectorAll('#sql-chart-out svg text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * ((t as SVGTextElement).getScreenCTM()?.a ?? 1))));
    expect(min).toBeGreaterThanOrEqual(12);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);
    await phone.close();
  });

  it('sent no request off the site and logged no errors', () => {
    expect(seen.offsite).toEqual([]);
    expect(seen.errors).toEqual([]);
  });
});
