/**
 * Report ids: unique by construction from the path in the corpus, stable,
 * readable in URLs; and a build over files that share a name in different
 * folders, or a stem with different extensions, publishes every one.
 */
import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { reportId } from '../src/lib/parse/ids.ts';
import { buildDataset } from '../src/lib/dataset/build.ts';

describe('reportId', () => {
  it('reads as the path for plain lower-case ASCII paths, extension included', () => {
    expect(reportId('seeds/001_dab5396a0471019a.txt')).toBe('seeds.001_dab5396a0471019a.txt');
    expect(reportId('real/pingtan-czj-2019.txt')).toBe('real.pingtan-czj-2019.txt');
    expect(reportId('2023/report.txt')).not.toBe(reportId('2024/report.txt'));
    expect(reportId('x.txt')).not.toBe(reportId('x.html'));
  });

  it('gives other paths a readable hint and a hash of the path', () => {
    const id = reportId('2023/平潭 报告.TXT');
    expect(id).toMatch(/^2023\.txt~[0-9a-f]{12}$/);
    expect(reportId('平潭报告.txt')).toMatch(/^txt~[0-9a-f]{12}$/);
    expect(reportId('a.b.txt')).not.toBe(reportId('a/b.txt'));
  });

  it('is URL-safe, stable and never the same for two paths', () => {
    const seg = fc.stringMatching(/^[a-zA-Z0-9_.\- 平潭~%]{1,8}$/);
    const path = fc.array(seg, { minLength: 1, maxLength: 4 }).chain((segs) =>
      fc.constantFrom('txt', 'html', 'htm', 'pdf', 'TXT', 'md', '').map((ext) => segs.join('/') + (ext ? '.' + ext : '')));
    fc.assert(fc.property(path, path, (a, b) => {
      const ia = reportId(a), ib = reportId(b);
      expect(ia).toMatch(/^[a-z0-9_.~-]+$/);
      expect(reportId(a)).toBe(ia);
      if (a !== b) expect(ia).not.toBe(ib);
    }), { numRuns: 3000 });
  });

  it('tells apart names that are not UTF-8 by their bytes', () => {
    const a = iconv.encode('报告.txt', 'gb18030');
    const b = iconv.encode('报告.txt', 'big5');
    expect(reportId('报告.txt', a)).not.toBe(reportId('报告.txt', b));
    expect(reportId('报告.txt', a)).not.toBe(reportId('报告.txt'));
  });
});

describe('a build over files that share a name', () => {
  it('publishes each, with its own id, and stops for none', async () => {
    const work = mkdtempSync(join(tmpdir(), 'ids-'));
    const corpus = join(work, 'data');
    for (const d of ['2023', '2024']) mkdirSync(join(corpus, d), { recursive: true });
    copyFileSync('data/seeds/001_dab5396a0471019a.txt', join(corpus, '2023', 'report.txt'));
    copyFileSync('data/seeds/002_98cb17f5974e782f.txt', join(corpus, '2024', 'report.txt'));
    copyFileSync('data/seeds/003_9110b932e3d5ac2b.txt', join(corpus, 'x.txt'));
    const html = readFileSync('data/seeds/004_9cfe2f3d8c76eac5.txt', 'utf8').split('\n').map((l) => `<p>${l}</p>`).join('\n');
    writeFileSync(join(corpus, 'x.html'), `<html><body>${html}</body></html>`);
    try {
      const { manifest } = await buildDataset({ corpusDir: corpus, dataOut: join(work, 'out') });
      const ids = manifest.inputs.map((i) => i.report_id);
      expect(manifest.inputs.map((i) => i.file)).toEqual(['2023/report.txt', '2024/report.txt', 'x.html', 'x.txt']);
      expect(ids).toEqual(['2023.report.txt', '2024.report.txt', 'x.html', 'x.txt']);
      expect(manifest.reports).toBe(4);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
