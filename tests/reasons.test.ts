/**
 * Honest reasons: a file that holds no report text says what it is and why it
 * was not read (never 未找到表格), and a `warnings` input carries its failed
 * checks in the manifest, bounded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDataset } from '../src/lib/dataset/build.ts';
import { MAX_DETAIL, MAX_WARNINGS, warningsOf, type Manifest } from '../src/lib/dataset/manifest.ts';
import { sniff } from '../src/lib/input/index.ts';
import { craft } from './fixtures/craft.ts';

const bytes = (...xs: (number[] | string)[]) => Buffer.concat(xs.map((x) => (typeof x === 'string' ? Buffer.from(x, 'latin1') : Buffer.from(x))));

describe('reasons for files that hold no report text', () => {
  const work = mkdtempSync(join(tmpdir(), 'reasons-'));
  const corpus = join(work, 'data');
  let manifest: Manifest;
  /** file → what its reason must say */
  const cases: Record<string, [Buffer, RegExp]> = {
    'empty.txt': [Buffer.alloc(0), /空文件/],
    'blank.txt': [bytes([0xef, 0xbb, 0xbf], ' \r\n\t\r\n   \n'), /空白/],
    'photo.jpg': [bytes([0xff, 0xd8, 0xff, 0xe0], randomBytes(2000).toString('latin1')), /图片/],
    'scan.png': [bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], randomBytes(500).toString('latin1')), /图片/],
    'scan.tif': [bytes([0x49, 0x49, 0x2a, 0x00], randomBytes(500).toString('latin1')), /图片/],
    'scan.webp': [bytes('RIFF', [0x10, 0, 0, 0], 'WEBPVP8 ', randomBytes(500).toString('latin1')), /图片/],
    'scan.bmp': [bytes('BM', [0x36, 0x10, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0], randomBytes(500).toString('latin1')), /图片/],
    'report.pdf': [bytes('%PDF-1.4\n', randomBytes(3000).toString('latin1')), /PDF/],
    'report.docx': [bytes([0x50, 0x4b, 0x03, 0x04], randomBytes(1000).toString('latin1')), /DOCX|Word/],
    'report.doc': [bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], randomBytes(1000).toString('latin1')), /DOC|Word/],
    'table.xlsx': [bytes([0x50, 0x4b, 0x03, 0x04], randomBytes(1000).toString('latin1')), /电子表格/],
    'report.ofd': [bytes([0x50, 0x4b, 0x03, 0x04], randomBytes(1000).toString('latin1')), /OFD/],
    'reports.zip': [bytes([0x50, 0x4b, 0x03, 0x04], randomBytes(1000).toString('latin1')), /压缩包/],
    'reports.rar': [bytes('Rar!', [0x1a, 0x07, 0x00], randomBytes(500).toString('latin1')), /压缩包/],
    'report.txt.gz': [gzipSync(craft({ year: 2023 })), /压缩包/],
    'random.txt': [randomBytes(5000), /二进制/],
    'program': [readFileSync(process.execPath).subarray(0, 8192), /二进制/],
  };

  beforeAll(async () => {
    mkdirSync(corpus);
    for (const [f, [b]] of Object.entries(cases)) writeFileSync(join(corpus, f), b);
    execFileSync('tar', ['-cf', join(corpus, 'reports.tar'), '-C', 'data/seeds', '001_dab5396a0471019a.txt']);
    cases['reports.tar'] = [Buffer.alloc(0), /压缩包/];
    ({ manifest } = await buildDataset({ corpusDir: corpus, dataOut: join(work, 'out') }));
  }, 120_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('says what each file is and why it was not read', () => {
    const wrong: string[] = [];
    for (const [f, [, re]] of Object.entries(cases)) {
      const i = manifest.inputs.find((x) => x.file === f);
      if (!i) { wrong.push(`${f}: missing`); continue; }
      if (i.status !== 'failed' || !re.test(i.error ?? '') || /未找到表格/.test(i.error ?? '')) wrong.push(`${f}: ${i.status} ${i.error}`);
    }
    expect(wrong).toEqual([]);
  });

  it('still reads damaged text as text', () => {
    const text = Buffer.from(craft({ year: 2023 }));
    for (let k = 0; k < 10; k++) text[100 + k * 97] = 0x01;
    expect(sniff(text, 'x.txt')).toBe('text');
  });
});

describe('warnings in the manifest', () => {
  it('a warnings input carries its failed checks', async () => {
    const work = mkdtempSync(join(tmpdir(), 'warnings-'));
    mkdirSync(join(work, 'data'));
    // 新收 97 → 98: the balance and row-total checks fail.
    writeFileSync(join(work, 'data', 'w.txt'), readFileSync('data/seeds/001_dab5396a0471019a.txt', 'utf8').replace('| 97 | 0 | 0 | 0 | 0 | 0 | 97 |', '| 98 | 0 | 0 | 0 | 0 | 0 | 97 |'));
    try {
      const { manifest } = await buildDataset({ corpusDir: join(work, 'data'), dataOut: join(work, 'out') });
      const i = manifest.inputs.find((x) => x.file === 'w.txt')!;
      expect(i.status).toBe('warnings');
      expect(i.warnings?.map((w) => w.check)).toEqual(expect.arrayContaining(['row_total']));
      expect(i.warnings!.every((w) => w.detail.length > 0)).toBe(true);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('is bounded', () => {
    const checks = Array.from({ length: 100 }, (_, k) => ({ check: 'row_total', passed: k % 2 === 0, detail: '数'.repeat(5000) }));
    const w = warningsOf(checks);
    expect(w.warnings).toHaveLength(MAX_WARNINGS);
    expect(w.more_warnings).toBe(50 - MAX_WARNINGS);
    expect(Math.max(...w.warnings!.map((x) => x.detail.length))).toBeLessThanOrEqual(MAX_DETAIL + 1);
  });
});
