/**
 * PDF files end to end, through real pdf.js and real producers: the 30 real
 * reports with hand-read truth (narrative from data/real, tables from the
 * truth) written by pdfkit with Noto CJK, synthetic reports from the
 * generator, a hand-written PDF whose Chinese needs the predefined CMaps, and
 * files that cannot be read (a scan, encrypted, truncated, damaged, too long,
 * too slow). Chromium's PDFs: pdf-chromium.test.ts. Every PDF is made here,
 * in memory.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import PDFDocument from 'pdfkit';
import { extractPdf, NO_TEXT } from '../src/lib/input/pdf/index.ts';
import { loadPdfJs } from '../src/lib/input/pdf/pdfjs.ts';
import { parseInput } from '../src/lib/parse/report.ts';
import { compare } from '../scripts/lib/synth/compare.ts';
import { generateCorpus } from '../scripts/lib/synth/corpus.ts';
import { printHtml } from '../scripts/lib/synth/layouts/pdf-html.ts';
import { pdfVariant, renderPdf } from '../scripts/lib/synth/layouts/pdf.ts';
import { haveChromium, launch } from './browser/browser.ts';
import { keyPageDiffs, make, NAMES, realReportTests, type Made } from './fixtures/pdf/check.ts';
import { cidPdf } from './fixtures/pdf/cid.ts';
import { realReport } from './fixtures/pdf/real-report.ts';

describe('predefined CJK CMaps (no ToUnicode, font not embedded)', () => {
  const texts = [
    { text: '政府信息公开工作年度报告', x: 150, y: 780, size: 16 },
    { text: '行政许可', x: 80, y: 706 }, { text: '1234', x: 250, y: 706 },
    { text: '行政处罚', x: 80, y: 686 }, { text: '56', x: 250, y: 686 },
  ];
  const rects: [number, number, number, number][] = [[72, 700, 150, 20], [222, 700, 80, 20], [72, 680, 150, 20], [222, 680, 80, 20]];

  for (const enc of ['UniGB-UCS2-H', 'GBK-EUC-H'] as const) {
    it(`${enc}: characters come through the CMap, the stroked table gives tab-separated rows`, async () => {
      const ex = await extractPdf(cidPdf(enc, texts, rects));
      expect(ex.text.split('\n')).toEqual(['政府信息公开工作年度报告', '行政许可\t1234', '行政处罚\t56']);
      expect(ex.pages).toEqual([1, 1, 1]);
    });
  }

  it('a page whose /Rotate shows its text sideways is read as the text runs', async () => {
    for (const rotate of [90, 270]) {
      const ex = await extractPdf(cidPdf('UniGB-UCS2-H', texts, rects, rotate));
      expect(ex.text.split('\n'), `Rotate ${rotate}`).toEqual(['政府信息公开工作年度报告', '行政许可\t1234', '行政处罚\t56']);
    }
  });

  it('without the CMaps pdf.js finds no text in the same file (so the wiring is what reads it)', async () => {
    const pdfjs = await loadPdfJs();
    const task = pdfjs.getDocument({ data: cidPdf('UniGB-UCS2-H', texts), verbosity: 0 });
    const page = await (await task.promise).getPage(1);
    const items = (await page.getTextContent()).items.filter((i) => 'str' in i && i.str.trim());
    await task.destroy();
    expect(items).toEqual([]);
  });
});

describe('real reports written by pdfkit', () => {
  const made = new Map<string, Made>();
  beforeAll(async () => {
    for (const [i, name] of NAMES.entries()) {
      const r = realReport(name);
      // a roomy table that starts on a new page: the application table always breaks
      const o = { ...pdfVariant(i, r.title), newPageBefore: [3], repeatHeader: i % 2 === 0, table: { size: 11, pad: 5 } };
      const { bytes, keyPage } = await renderPdf(r.doc, o);
      made.set(name, await make(r, bytes, keyPage));
    }
  });
  realReportTests('pdfkit', NAMES, () => made);

  it('a header repeated on the continuation page is read once', () => {
    const repeated = NAMES.filter((_, i) => i % 2 === 0).map((n) => made.get(n)!);
    // (spaces taken out: a PDF in distributed alignment prints `申 请 人 情 况`)
    const has = (s: string) => s.replace(/\s+/g, '').includes('申请人情况');
    for (const m of repeated) {
      expect(m.raw.filter(has).length).toBe(2);
      expect(m.lines.filter(has).length).toBe(1);
    }
  });
});

describe('synthetic reports written by the generator (pdfkit)', () => {
  it('never a wrong number; every value right without traps; pages as printed', async () => {
    let i = 0;
    for (const r of generateCorpus({ seed: 21, count: 12, force: (k) => ({ layout: 'tabs', traps: k % 3 === 0 ? undefined : [] }) })) {
      const { bytes, keyPage } = await renderPdf(r.doc, pdfVariant(i++, r.truth.title));
      const { report } = await parseInput(bytes, r.file.replace(/\.txt$/, '.pdf'));
      const c = compare(report, r.truth);
      expect(c.wrong, r.file).toEqual([]);
      if (!r.truth.traps.length && !r.truth.damaged) expect(c.missing, r.file).toEqual([]);
      expect(keyPageDiffs(report, keyPage), r.file).toEqual([]);
    }
  });
});

describe('files that cannot be read', () => {
  let good: Uint8Array;
  let browser: Browser | null = null;
  const r = realReport(NAMES.find((n) => n.endsWith('2023')) ?? NAMES[0]);
  beforeAll(async () => {
    good = (await renderPdf(r.doc, { header: r.title })).bytes;
    if (!haveChromium()) throw new Error('Chromium not found at /usr/bin/chromium');
    browser = await launch();
  });
  afterAll(async () => { await browser?.close(); });

  const reason = async (bytes: Uint8Array) => (await parseInput(bytes, 'x.pdf')).report;

  it('a scan (a page image, no text layer) fails with the OCR reason', async () => {
    // a real raster of the report: Chromium's screenshot of its first page, placed in a PDF by pdfkit
    const png = await raster();
    const rep = await reason(await pdfkit(0, (kit) => kit.image(png, 0, 0, { width: 595.28 })));
    expect(rep.status).toBe('failed');
    expect(rep.error).toBe(NO_TEXT);
    expect(NO_TEXT).toBe('图片版 PDF，没有文字层，需要 OCR');
  });

  /** Chromium's screenshot of the report's first page, as a PNG. */
  async function raster(): Promise<Buffer> {
    const page = await browser!.newPage({ viewport: { width: 794, height: 1123 } });
    await page.setContent(printHtml(r.doc));
    const png = await page.screenshot({ type: 'png' });
    await page.close();
    return png;
  }

  /** A PDF pdfkit writes on A4 with `margin`, drawn by `draw`. */
  async function pdfkit(margin: number, draw: (kit: PDFKit.PDFDocument) => void): Promise<Uint8Array> {
    const kit = new PDFDocument({ size: 'A4', margin });
    const chunks: Buffer[] = [];
    kit.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise((res) => kit.on('end', res));
    draw(kit);
    kit.end();
    await done;
    return new Uint8Array(Buffer.concat(chunks));
  }

  /** A PDF by pdfkit: the report's title and first paragraph as text, then `draw` (a picture, a page). */
  async function textThen(draw: (kit: PDFKit.PDFDocument, png: Buffer) => void): Promise<Uint8Array> {
    const png = await raster();
    return pdfkit(72, (kit) => {
      kit.font('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', 'NotoSansCJKsc-Regular').fontSize(12);
      kit.text(r.title ?? '', 72, 72, { lineBreak: false });
      kit.text('一、总体情况', 72, 100, { lineBreak: false });
      kit.text('本机关认真贯彻落实《条例》，主动公开政府信息。', 72, 124, { lineBreak: false });
      draw(kit, png);
    });
  }

  it('tables printed as a picture: not found, and the reason says which pages are pictures and that they need OCR', async () => {
    // the tables on a page of their own with no text layer (a scanned annex)
    const annex = await reason(await textThen((kit, png) => { kit.addPage({ margin: 0 }); kit.image(png, 0, 0, { width: 595.28 }); }));
    expect(annex.status).toBe('failed');
    expect(annex.error).toMatch(/^未找到表格/);
    expect(annex.error).toContain('表格可能印在图片中（PDF 第 2 页没有文字层），需要 OCR');
    const found = annex.checks.find((c) => c.check === 'tables_found');
    expect(found?.detail).toContain('第 2 页没有文字层');
    expect(found?.cause).toBe('source');
    // a screenshot of the tables pasted under the text, on the same page
    const pasted = await reason(await textThen((kit, png) => { kit.image(png, 72, 150, { width: 450 }); }));
    expect(pasted.status).toBe('failed');
    expect(pasted.error).toContain('（PDF 第 1 页大半是图片）');
    // a seal-sized picture is no table: the reason stays the tables' own
    const seal = await reason(await textThen((kit, png) => { kit.image(png, 400, 600, { width: 60 }); }));
    expect(seal.status).toBe('failed');
    expect(seal.error).toMatch(/^未找到表格/);
    expect(seal.error).not.toContain('OCR');
  });

  it('a PDF that needs a password to open fails as encrypted', async () => {
    const { bytes } = await renderPdf(r.doc, { encrypt: { userPassword: 'secret', ownerPassword: 'owner' } });
    const rep = await reason(bytes);
    expect(rep.status).toBe('failed');
    expect(rep.error).toMatch(/^PDF 已加密，无法读取：需要打开密码/);
  });

  it('a PDF encrypted only against copying and printing is read', async () => {
    const { bytes } = await renderPdf(r.doc, { encrypt: { ownerPassword: 'owner' } });
    const rep = await reason(bytes);
    expect(rep.status).not.toBe('failed');
    expect(rep.applications.find((a) => a.row === 'new_received' && a.applicant === 'total')?.value)
      .toBe(r.truth.applications.new_received?.[6]);
  });

  it('a truncated PDF (half a download) fails as damaged', async () => {
    const rep = await reason(good.slice(0, Math.floor(good.length / 2)));
    expect(rep.status).toBe('failed');
    expect(rep.error).toMatch(/^PDF 文件损坏，无法读取：/);
  });

  it('a damaged PDF (no structure, but an end marker) fails as damaged, with pdf.js\'s message', async () => {
    const junk = new TextEncoder().encode(`%PDF-1.7\n${'垃圾数据 '.repeat(400)}\n%%EOF\n`);
    const rep = await reason(junk);
    expect(rep.status).toBe('failed');
    expect(rep.error).toMatch(/^PDF 文件损坏，无法读取：\S/);
  });

  it('a PDF over the page limit, or over the time budget, is given up with the reason', async () => {
    await expect(extractPdf(good, { maxPages: 2 })).rejects.toMatchObject({ reason: expect.stringMatching(/^PDF 页数过多（\d+ 页，上限 2 页）/) });
    await expect(extractPdf(good, { timeoutMs: 0 })).rejects.toMatchObject({ reason: expect.stringMatching(/^PDF 读取超时/) });
  });

  it('a Node Buffer is read like a Uint8Array, and the caller\'s bytes are left intact', async () => {
    const buf = Buffer.from(good);
    const before = Buffer.from(buf);
    const ex = await extractPdf(buf);
    expect(ex.text).toContain('申请人情况');
    expect(buf.equals(before)).toBe(true);
  });
});
