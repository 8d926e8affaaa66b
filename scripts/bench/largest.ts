/**
 * The largest inputs the build accepts (2 MB of text or HTML, see
 * src/lib/dataset/limits): parse time and memory of one such report.
 *
 *   npx node scripts/bench/largest.ts
 *
 * Three cases, each a real report padded to just under the limit: text with
 * running paragraphs, HTML with nested markup, and one 1.9 MB line of digits
 * and spaces inside the application table (the tokenizer must stay linear on
 * long lines). A fourth is small but the hardest to split: a page of a city's
 * large numbers as crawled text, every row's digits run together (the review
 * row's 33 digits into 15 cells took 200 s before splits were bounded).
 */
import { readFileSync } from 'node:fs';
import { parseFile } from '../../src/lib/parse/report.ts';

const LIMIT = 2 * 1024 * 1024;
const base = readFileSync('data/real/pingtan-czj-2019.txt', 'utf8');
const filler = '本机关认真贯彻落实政府信息公开条例,持续推进政务公开工作,';

/** `head`, then `unit` repeated up to just under the limit, then `tail` (sizes in UTF-8 bytes). */
function padded(head: string, unit: string, tail = ''): string {
  const room = LIMIT - 1024 - Buffer.byteLength(head) - Buffer.byteLength(tail);
  return head + unit.repeat(Math.floor(room / Buffer.byteLength(unit))) + tail;
}
const text = () => padded(base + '\n', filler + '\n');
const html = () => padded(`<html><body>${base.split('\n').map((l) => `<p>${l}</p>`).join('\n')}`,
  `<div><span style="x">${filler}</span></div>\n`, '</body></html>');
function digitsLine(): string {
  const seed = readFileSync('data/seeds/001_dab5396a0471019a.txt', 'utf8');
  const n = Math.floor((LIMIT - 1024 - Buffer.byteLength(seed)) / 2);
  const nums = Array.from({ length: n }, (_, i) => String(i % 10)).join(' ');
  return seed.replace('三、本年度办理结果', `三、本年度办理结果 ${nums}`);
}

/** A saved page with large numbers, as a crawler's text of it: tags gone, nothing between cells. */
function largeNumbersCrawled(): string {
  const page = readFileSync('tests/fixtures/external/hangzhou-style-fixture-2025.html', 'utf8');
  const body = page.replace(/^[\s\S]*?<body[^>]*>/i, '').replace(/<[^>]+>/g, '').replace(/&nbsp;/g, ' ').replace(/\s*\n\s*/g, '');
  return `标题: 年度报告\n\n======== 正文 ========\n${body}`;
}

export interface LargestRow { name: string; mb: number; status: string; ms: number; rssMb: number }

/** Run every case once (the same with or without `quick`). */
export async function run(_opts: { quick?: boolean; workDir?: string } = {}): Promise<{ name: 'largest'; rows: LargestRow[] }> {
  const rows: LargestRow[] = [];
  for (const [name, file, make] of [['text', 'big.txt', text], ['html', 'big.html', html], ['digits line', 'line.txt', digitsLine],
    ['large numbers run together', 'crawl.txt', largeNumbersCrawled]] as const) {
    const bytes = Buffer.from(make(), 'utf8');
    const t = performance.now();
    const { report } = parseFile(bytes, file);
    const ms = performance.now() - t;
    const rss = process.memoryUsage().rss / 1048576;
    console.log(`${name}: ${(bytes.length / 1048576).toFixed(2)} MB, ${report.status}, ${ms.toFixed(0)} ms, process RSS ${rss.toFixed(0)} MB`);
    rows.push({ name, mb: +(bytes.length / 1048576).toFixed(2), status: report.status, ms: Math.round(ms), rssMb: Math.round(rss) });
  }
  return { name: 'largest', rows };
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
