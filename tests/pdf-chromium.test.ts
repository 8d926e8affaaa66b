/**
 * Real reports (narrative from data/real, tables from the hand-read truth)
 * printed to PDF by Debian's Chromium (`page.pdf()`, with its running header
 * and page-number footer), read back through pdf.js and the parser: every
 * cell must equal the truth and carry the page it is printed on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { loadPdfJs, resourceDirs } from '../src/lib/input/pdf/pdfjs.ts';
import { printHtml } from '../scripts/lib/synth/layouts/pdf-html.ts';
import { haveChromium, launch } from './browser/browser.ts';
import { CHROMIUM_NAMES, make, realReportTests, type Made } from './fixtures/pdf/check.ts';
import { printPdf } from './fixtures/pdf/chromium.ts';
import { realReport } from './fixtures/pdf/real-report.ts';

describe('real reports printed by Chromium', () => {
  const made = new Map<string, Made>();
  let browser: Browser | null = null;
  beforeAll(async () => {
    if (!haveChromium()) throw new Error('Chromium not found at /usr/bin/chromium (apt-get install chromium)');
    browser = await launch();
    for (const name of CHROMIUM_NAMES) {
      const r = realReport(name);
      // roomy rows and the application table on a new page: it always breaks
      const html = printHtml(r.doc, { newPageBefore: [3], cellPadding: 5 });
      made.set(name, await make(r, await printPdf(browser, html, r.title)));
    }
  });
  afterAll(async () => { await browser?.close(); });
  realReportTests('Chromium', CHROMIUM_NAMES, () => made);

  it('a label wrapped over lines in its cell is one cell of its row', async () => {
    const label = '（二）部分公开（区分处理的，只计这一情形，不计其他情形）';
    for (const m of made.values()) {
      // wrapped in the PDF: pdf.js gives it as runs on two or more baselines
      const pdfjs = await loadPdfJs();
      const task = pdfjs.getDocument({ data: new Uint8Array(m.bytes), ...resourceDirs(), verbosity: 0 });
      const doc = await task.promise;
      const ys = new Set<number>();
      for (let n = 1; n <= doc.numPages; n++) {
        for (const i of (await (await doc.getPage(n)).getTextContent()).items) {
          if ('str' in i && i.str.trim() && label.includes(i.str.trim()) && i.str.trim().length > 3) ys.add(Math.round(i.transform[5]));
        }
      }
      await task.destroy();
      expect(ys.size, m.r.name).toBeGreaterThanOrEqual(2);
      expect(m.lines.some((l) => l.split('\t')[0] === label), m.r.name).toBe(true);
    }
  });

  it('drops Chromium\'s running header and page-number footer', () => {
    for (const m of made.values()) {
      expect(m.lines.filter((l) => /^— \d+ —$/.test(l))).toEqual([]);
      expect(m.lines.filter((l) => l === m.r.title).length).toBe(1);
    }
  });
});
