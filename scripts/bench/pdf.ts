/**
 * PDF throughput: pages/s (wall clock and per CPU second of this process) and
 * MB/s of reading generated PDF reports — `extractPdf` (pdf.js + layout) and
 * the whole `parseInput` (extraction + parser). Two producers: pdfkit (the
 * generator's PDF layout, CID fonts; a few hundred pages) and, when Chromium
 * is installed, Chromium's print-to-PDF (Type3 fonts; fewer pages, slower to
 * read). PDFs are generated once into the work dir and reused; the figures
 * exclude generation and disk I/O. Values are compared with the truth, so a
 * fast but wrong reader shows.
 *
 * `msPerPage` is CPU milliseconds per page.
 *
 *   npx node scripts/bench/pdf.ts [--quick]
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { extractPdf } from '../../src/lib/input/pdf/index.ts';
import { loadPdfJs } from '../../src/lib/input/pdf/pdfjs.ts';
import { parseInput } from '../../src/lib/parse/report.ts';
import { compare } from '../lib/synth/compare.ts';
import { generateCorpus } from '../lib/synth/corpus.ts';
import { printHtml } from '../lib/synth/layouts/pdf-html.ts';
import { pdfVariant, renderPdf } from '../lib/synth/layouts/pdf.ts';
import type { Truth } from '../lib/synth/truth.ts';

export interface PdfBenchRow {
  corpus: string; files: number; pages: number; mb: number; seconds: number; cpuSeconds: number;
  pagesPerS: number; pagesPerCpuS: number; mbPerS: number; mbPerCpuS: number; msPerPage: number;
}
export interface PdfBenchResult { name: 'pdf'; rows: PdfBenchRow[]; wrongValues: number; missingValues: number; failed: number }

interface Item { file: string; bytes: Uint8Array; truth: Truth; pages: number }

const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
/** Version of the cached corpus: bump when the generator's PDF output changes. */
const CACHE_VERSION = 1;

/** Generate (or reuse from `dir`) `n` PDFs made by `producer`. */
async function corpus(dir: string, n: number, producer: 'pdfkit' | 'chromium'): Promise<Item[]> {
  const meta = join(dir, 'corpus.json');
  if (existsSync(meta)) {
    const m = JSON.parse(readFileSync(meta, 'utf8')) as { version: number; n: number; items: { file: string; pages: number }[] };
    if (m.version === CACHE_VERSION && m.n === n) {
      return m.items.map((it) => ({
        ...it, bytes: new Uint8Array(readFileSync(join(dir, it.file))),
        truth: JSON.parse(readFileSync(join(dir, it.file.replace(/\.pdf$/, '.truth.json')), 'utf8')) as Truth,
      }));
    }
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const pdfjs = await loadPdfJs();
  const t0 = performance.now();
  const items: Item[] = [];
  let browser: import('playwright-core').Browser | null = null;
  if (producer === 'chromium') {
    const { launch } = await import('../../tests/browser/browser.ts');
    browser = await launch();
  }
  try {
    let i = 0;
    for (const r of generateCorpus({ seed: 31, count: n, force: () => ({ layout: 'tabs', traps: [] }) })) {
      let bytes: Uint8Array;
      if (browser) {
        const page = await browser.newPage();
        await page.setContent(printHtml(r.doc, pdfVariant(i, r.truth.title)), { waitUntil: 'load' });
        bytes = new Uint8Array(await page.pdf({ preferCSSPageSize: true }));
        await page.close();
      } else {
        bytes = (await renderPdf(r.doc, pdfVariant(i, r.truth.title))).bytes;
      }
      const file = r.file.replace(/\.txt$/, '.pdf');
      const task = pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0 });
      const pages = (await task.promise).numPages;
      await task.destroy();
      writeFileSync(join(dir, file), bytes);
      writeFileSync(join(dir, file.replace(/\.pdf$/, '.truth.json')), JSON.stringify(r.truth));
      items.push({ file, bytes, truth: r.truth, pages });
      i++;
    }
  } finally {
    await browser?.close();
  }
  writeFileSync(meta, JSON.stringify({ version: CACHE_VERSION, n, items: items.map(({ file, pages }) => ({ file, pages })) }));
  const pages = items.reduce((s, x) => s + x.pages, 0);
  console.log(`generated ${n} ${producer} PDFs (${pages} pages) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return items;
}

function row(corpus: string, items: Item[], ms: number, cpu: number): PdfBenchRow {
  const pages = items.reduce((s, x) => s + x.pages, 0);
  const bytes = items.reduce((s, x) => s + x.bytes.length, 0);
  const s = ms / 1000, c = cpu / 1000;
  return {
    corpus, files: items.length, pages, mb: +(bytes / 1e6).toFixed(1), seconds: +s.toFixed(2), cpuSeconds: +c.toFixed(2),
    pagesPerS: +(pages / s).toFixed(1), pagesPerCpuS: +(pages / c).toFixed(1), mbPerS: +((bytes / 1e6) / s).toFixed(2),
    mbPerCpuS: +((bytes / 1e6) / c).toFixed(2), msPerPage: +(cpu / pages).toFixed(1),
  };
}

export async function run({ quick = false, workDir = 'bench-out' }: { quick?: boolean; workDir?: string } = {}): Promise<PdfBenchResult> {
  const sets: [string, Item[]][] = [['pdfkit', await corpus(join(workDir, 'pdf', 'pdfkit'), quick ? 25 : 80, 'pdfkit')]];
  if (existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium')) {
    sets.push(['chromium', await corpus(join(workDir, 'pdf', 'chromium'), quick ? 6 : 20, 'chromium')]);
  }
  // warm-up: load pdf.js and let the JIT settle
  for (const [, items] of sets) for (const it of items.slice(0, 2)) await extractPdf(it.bytes);

  const rows: PdfBenchRow[] = [];
  let wrongValues = 0, missingValues = 0, failed = 0;
  for (const [name, items] of sets) {
    let t = performance.now(), c = cpuMs();
    for (const it of items) await extractPdf(it.bytes);
    rows.push(row(`${name}: extractPdf (pdf.js + layout)`, items, performance.now() - t, cpuMs() - c));
    t = performance.now();
    c = cpuMs();
    const reports = [];
    for (const it of items) reports.push((await parseInput(it.bytes, it.file)).report);
    rows.push(row(`${name}: parseInput (+ parser)`, items, performance.now() - t, cpuMs() - c));
    reports.forEach((rep, i) => {
      const cmp = compare(rep, items[i].truth);
      wrongValues += cmp.wrong.length;
      missingValues += cmp.missing.length;
      if (rep.status === 'failed') failed++;
    });
  }
  console.table(rows);
  const main = rows[0];
  console.log(`PDF throughput (pdfkit corpus, ${main.pages} pages): ${main.pagesPerCpuS} pages and ${main.mbPerCpuS} MB per CPU second; wall clock ${main.pagesPerS} pages/s, ${main.mbPerS} MB/s (${cpus()[0]?.model ?? '?'}, load average ${loadavg()[0].toFixed(2)})`);
  console.log(`values against the truth: ${wrongValues} wrong, ${missingValues} missing; ${failed} reports failed`);
  return { name: 'pdf', rows, wrongValues, missingValues, failed };
}

if (import.meta.url === `file://${process.argv[1]}`) await run({ quick: process.argv.includes('--quick') });
