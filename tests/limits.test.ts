/**
 * Size limits (src/lib/dataset/limits.ts): a text over 2 MB or a PDF over
 * 30 MB fails with the reason and is never parsed; a long report within the
 * limit is parsed, and its page shows a bounded part of its source text (every
 * line a number was read from included), says so and links to the whole text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSync, existsSync, ftruncateSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { buildDataset } from '../src/lib/dataset/build.ts';
import { writeSiteData } from '../src/lib/site/site-data.ts';
import { sourceCap, sourceHtml } from '../src/lib/site/source-html.ts';
import { SOURCE_PAGE_CHARS, SOURCE_PAGE_LINES, SOURCE_LINE_CHARS } from '../src/lib/dataset/limits.ts';
import type { Manifest } from '../src/lib/dataset/manifest.ts';
import type { ReportPageData } from '../src/lib/site/types.ts';
import { workdir } from './fixtures/workdir.ts';

const seed = readFileSync('data/seeds/001_dab5396a0471019a.txt', 'utf8');
const other = readFileSync('data/seeds/002_98cb17f5974e782f.txt', 'utf8');
/** The seed report with `n` narrative lines put in its first section, before the tables. */
function padded(n: number, line = '全年持续推进政务公开标准化规范化建设,完善公开目录,加强政策解读与回应关切工作。') {
  const lines = seed.split('\n');
  const at = lines.findIndex((l) => l.startsWith('一、总体情况')) + 1;
  return [...lines.slice(0, at), ...Array.from({ length: n }, (_, i) => `${i + 1}.${line}`), ...lines.slice(at)].join('\n');
}

describe('size limits', () => {
  const { work, corpus, out, site } = workdir('limits-');
  let manifest: Manifest;

  beforeAll(async () => {
    mkdirSync(corpus);
    // 3 MB of report text: over the 2 MB limit for text.
    writeFileSync(join(corpus, 'huge.txt'), padded(60_000));
    // A 31 MB "PDF" (sparse file): over the 30 MB limit for PDF.
    const fd = openSync(join(corpus, 'huge.pdf'), 'w');
    writeSync(fd, '%PDF-1.7\n');
    ftruncateSync(fd, 31 * 1024 * 1024);
    closeSync(fd);
    // Within the limit, but long: 8,000 narrative lines before the tables, and one very long line.
    writeFileSync(join(corpus, 'long.txt'), padded(8_000).replace('一、总体情况', `一、总体情况\n${'长'.repeat(50_000)}`));
    writeFileSync(join(corpus, 'short.txt'), other);
    const built = await buildDataset({ corpusDir: corpus, dataOut: out });
    manifest = built.manifest;
    await writeSiteData(built.parsed, site);
  }, 120_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const input = (f: string) => manifest.inputs.find((i) => i.file === f)!;

  it('fails a text over 2 MB and a PDF over 30 MB with the reason, and parses neither', () => {
    expect(readFileSync(join(corpus, 'huge.txt')).length).toBeGreaterThan(2 * 1024 * 1024);
    for (const [f, re] of [['huge.txt', /文件过大.*文本报告的上限 2\.0 MB/], ['huge.pdf', /文件过大.*PDF 文件的上限 30 MB/]] as const) {
      expect(input(f).status, f).toBe('failed');
      expect(input(f).error, f).toMatch(re);
      expect(input(f).report_id, f).toBeNull();
    }
    expect(manifest.reports).toBe(2);
  });

  it('parses a long report within the limit', () => {
    expect(input('long.txt').status).not.toBe('failed');
    expect(input('long.txt').agency).toBe('咸安区人民政府');
  });

  it('shows a bounded part of a long source text, every used line included, with a note and a link to the whole text', () => {
    const page = JSON.parse(readFileSync(join(site, 'site', 'report', 'long.txt.json'), 'utf8')) as ReportPageData;
    const all = readFileSync(join(corpus, 'long.txt'), 'utf8').split('\n');
    expect(page.lines.length).toBeLessThanOrEqual(SOURCE_PAGE_LINES);
    expect(page.lines.reduce((n, l) => n + l.length, 0)).toBeLessThanOrEqual(SOURCE_PAGE_CHARS + 100);
    expect(page.total_lines).toBe(all.length);
    // The tables lie past the shown part: their lines come along, with their numbers.
    const shown = new Map<number, string>([...page.lines.map((l, i) => [i + 1, l] as [number, string]), ...(page.more ?? [])]);
    expect(page.used.length).toBeGreaterThan(20);
    for (const n of page.used) expect(shown.get(n), `line ${n}`).toBe(all[n - 1]);
    expect(page.full_text).toBe('sources/long.txt.txt');
    const full = readFileSync(join(out, page.full_text!), 'utf8');
    expect(full.split('\n').slice(0, all.length)).toEqual(all);
    expect(manifest.sources).toEqual({ folder: 'sources/', files: 1, bytes: Buffer.byteLength(full) });

    const html = sourceHtml(page.lines, page.used, page.at, sourceCap(page, (f) => `/data/${f}`));
    expect(html.length).toBeLessThan(3 * (SOURCE_PAGE_CHARS + SOURCE_LINE_CHARS));
    expect(html).toContain('href="/data/sources/long.txt.txt"');
    expect(html).toMatch(/原文较长/);
    for (const n of page.used) expect(html).toContain(`id=L${n} `);
    expect(html).toContain(`<li value=${page.more![0][0]} id=L${page.more![0][0]} class=u>`);
  });

  it('shows a short text whole, with no note', () => {
    const page = JSON.parse(readFileSync(join(site, 'site', 'report', 'short.txt.json'), 'utf8')) as ReportPageData;
    expect(page.full_text).toBeUndefined();
    expect(page.lines.length).toBe(other.split('\n').length);
    expect(existsSync(join(out, 'sources', 'short.txt.txt'))).toBe(false);
  });
});
