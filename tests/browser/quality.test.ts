/**
 * The data-quality pages on the built site (real corpus in data/): every
 * report not fully read is listed with its reasons, and each reason says
 * whose defect it is — for the real reports, always the source's.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch } from './browser.ts';

const siteUrl = inject('siteUrl');
let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

describe('data quality', () => {
  it('lists the real reports not fully read, each reason marked as the source\'s', async () => {
    const page = await browser.newPage();
    const texts: string[] = [];
    for (let n = 1; n <= 20; n++) {
      const res = await page.goto(new URL(n === 1 ? 'quality/' : `quality/${n}/`, siteUrl).href);
      if (!res || res.status() !== 200) break;
      texts.push(await page.locator('main').innerText());
    }
    const all = texts.join('\n');
    expect(texts[0]).toMatch(/份的问题全部属于原文,0 份含解析器未读出的内容/);
    // A report whose Article 20 digits ran together beyond any rule, and one whose text and table disagree.
    expect(all).toContain('pingtan-gyz-2025.txt');
    expect(all).toMatch(/粘连数字的拆分\(原文问题\)/);
    expect(all).toMatch(/正文所述数字与表格一致\(原文问题\):正文与表格不一致/);
    expect(all).not.toContain('(解析未读出)');
    await page.close();
  });

  it('lists the corpus files that are not reports, with why, as the manifest does', async () => {
    const res = await fetch(new URL('data/manifest.json', siteUrl));
    const manifest = await res.json() as { inputs: { file: string; status: string; reason?: string }[] };
    const skipped = manifest.inputs.filter((i) => i.status === 'skipped');
    expect(skipped.map((i) => i.file)).toContain('real/SOURCES.tsv');
    const page = await browser.newPage();
    await page.goto(new URL('quality/', siteUrl).href);
    const items = await page.locator('h2#skipped + ul > li').allInnerTexts();
    expect(items).toEqual(skipped.map((i) => `${i.file}:${i.reason}`));
    await page.close();
  });
});
