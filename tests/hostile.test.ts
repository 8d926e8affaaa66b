/**
 * One corpus folder holding every bad input of issue 8 at once: links out of
 * the corpus and to secrets, loops, dangling links, a FIFO, a socket, a device,
 * files sharing names, names that are not UTF-8, five copies of one report, a
 * correction, oversized files, hidden files, READMEs, SOURCES.tsv, truth files,
 * empty/image/PDF/Word/binary files, UTF-16 without BOM, an HTML page full of
 * unclosed scripts, and formula-like names. The build finishes, its manifest
 * accounts for every entry with its reason, nothing from outside the corpus is
 * published, and every report is counted once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSync, copyFileSync, ftruncateSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { DuckDBInstance } from '@duckdb/node-api';
import { buildDataset } from '../src/lib/dataset/build.ts';
import { writeSiteData } from '../src/lib/site/site-data.ts';
import { listCorpus } from '../src/lib/dataset/corpus.ts';
import type { Manifest } from '../src/lib/dataset/manifest.ts';
import type { RegionData, SiteMeta } from '../src/lib/site/types.ts';
import { consistentApps, craft } from './fixtures/craft.ts';
import { workdir } from './fixtures/workdir.ts';

const SECRET = 'HOSTILE-SECRET-7f3a9c';
const seed = (n: number) => readFileSync(readdirSync('data/seeds').sort().map((f) => join('data/seeds', f))[n]);
const seedText = (n: number) => seed(n).toString('utf8');
const toHtml = (text: string, junk = '') => `<html><head><title>t</title>${junk}</head><body>${text.split('\n').map((l) =>
  (l.includes(' | ') ? `<table><tr>${l.split('|').map((c) => `<td>${c.trim()}</td>`).join('')}</tr></table>` : `<p>${l}</p>`)).join('\n')}</body></html>`;

describe('a build over a corpus of every bad input at once', () => {
  const { work, corpus, out, site } = workdir('hostile-');
  let manifest: Manifest;
  let sock: Server | undefined;
  const at = (...p: string[]) => join(corpus, ...p);

  beforeAll(async () => {
    for (const d of ['2023', '2024', 'copies', 'big']) mkdirSync(at(d), { recursive: true });
    // Outside the corpus: secrets a link could publish.
    writeFileSync(join(work, 'secret.txt'), `${SECRET}\n`);
    mkdirSync(join(work, 'outside'));
    writeFileSync(join(work, 'outside', 'token.txt'), SECRET);
    // 1. Links and special files.
    symlinkSync('/proc/self/environ', at('environ.txt'));
    symlinkSync(join(work, 'secret.txt'), at('secret.txt'));
    symlinkSync(join(work, 'outside'), at('outside'));
    symlinkSync('loop2.txt', at('loop1.txt'));
    symlinkSync('loop1.txt', at('loop2.txt'));
    symlinkSync('gone.txt', at('dangling.txt'));
    expect(spawnSync('mkfifo', [at('fifo.txt')]).status).toBe(0);
    sock = createServer();
    await new Promise<void>((ok) => sock!.listen(at('socket.txt'), ok));
    spawnSync('mknod', [at('zero.txt'), 'c', '1', '5']);
    // 2. Files sharing a name.
    writeFileSync(at('2023', 'report.txt'), seed(2));
    writeFileSync(at('2024', 'report.txt'), seed(3));
    writeFileSync(at('x.txt'), seed(4));
    // 15. …the same stem as HTML, behind 1 MB of unclosed scripts, styles and comments.
    writeFileSync(at('x.html'), toHtml(seedText(0), '<script>x<style>y<!--z'.repeat(45_000)));
    // 3. Names that are not UTF-8; the second is a correction of the first.
    const gbName = (s: string) => Buffer.concat([Buffer.from(corpus + '/'), iconv.encode(s, 'gb18030')]);
    writeFileSync(gbName('仙居.txt'), craft({ year: 2023 }));
    writeFileSync(gbName('仙居-更正.txt'), craft({ year: 2023, apps: consistentApps({ granted: 9, not_held: 2, carried_over: 1, carried_forward: 1 }) }).replace('2024年1月20日', '2024年3月5日'));
    writeFileSync(Buffer.concat([Buffer.from(corpus + '/bad-'), Buffer.from([0xff, 0xfe, 0x80]), Buffer.from('.txt')]), 'x');
    // 4. Five copies of one report (咸安区, 新收 97).
    writeFileSync(at('xianan.txt'), seed(1));
    writeFileSync(at('copies', 'xianan.txt'), seed(1));
    writeFileSync(at('copies', 'xianan-gbk.txt'), iconv.encode(seedText(1), 'gb18030'));
    writeFileSync(at('copies', 'xianan-crlf.txt'), seedText(1).replace(/\n/g, '\r\n'));
    // 12. …one of them UTF-16 without a BOM.
    writeFileSync(at('copies', 'xianan-utf16.txt'), iconv.encode(seedText(1), 'utf-16be'));
    // 5. Too large.
    writeFileSync(at('big', 'huge.txt'), seedText(1) + '\n' + '全年公开政府信息,持续推进政务公开。\n'.repeat(120_000));
    const fd = openSync(at('big', 'huge.pdf'), 'w');
    writeSync(fd, '%PDF-1.7\n');
    ftruncateSync(fd, 31 * 1024 * 1024);
    closeSync(fd);
    // 13. Not reports.
    mkdirSync(at('.git'));
    writeFileSync(at('.git', 'config'), `[remote]\n\turl = https://x-access-token:${SECRET}@github.com/o/r\n`);
    writeFileSync(at('.DS_Store'), randomBytes(100));
    writeFileSync(at('README.md'), '# 说明\n');
    copyFileSync('data/real/SOURCES.tsv', at('SOURCES.tsv'));
    writeFileSync(at('x.truth.json'), '{}');
    // 14. Files that hold no report text.
    writeFileSync(at('empty.txt'), '');
    writeFileSync(at('photo.jpg'), Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(3000)]));
    writeFileSync(at('scan.pdf'), Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(3000)]));
    writeFileSync(at('report.docx'), Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(3000)]));
    writeFileSync(at('random.bin'), randomBytes(5000));
    // 10. A name a spreadsheet would run.
    writeFileSync(at('=HYPERLINK(1).txt'), craft({ year: 2022, agency: '乌恰县人民政府办公室' }));

    const built = await buildDataset({ corpusDir: corpus, dataOut: out });
    manifest = built.manifest;
    await writeSiteData(built.parsed, site, { builtAt: built.builtAt });
  }, 300_000);
  afterAll(() => { sock?.close(); rmSync(work, { recursive: true, force: true }); });

  const input = (f: string) => manifest.inputs.find((i) => i.file === f);

  it('accounts for every entry of the corpus, each not-ok one with its reason', () => {
    const listed = listCorpus(corpus).map((e) => e.file).sort();
    expect(manifest.inputs.map((i) => i.file).sort()).toEqual(listed);
    expect(listed.length).toBeGreaterThan(30);
    for (const i of manifest.inputs) {
      if (i.status === 'ok') continue;
      const why = i.error ?? i.reason ?? i.warnings?.map((w) => w.detail).join(';');
      expect(why, `${i.file} (${i.status})`).toBeTruthy();
      expect(why, i.file).toMatch(/[\u4e00-\u9fff]/);
    }
    const expectStatus: Record<string, [string, RegExp]> = {
      'environ.txt': ['failed', /语料目录之外/], 'secret.txt': ['failed', /语料目录之外/], outside: ['failed', /语料目录之外/],
      'loop1.txt': ['failed', /循环/], 'dangling.txt': ['failed', /不存在/], 'fifo.txt': ['failed', /命名管道/], 'socket.txt': ['failed', /套接字/],
      'big/huge.txt': ['failed', /文件过大/], 'big/huge.pdf': ['failed', /文件过大/],
      '.git': ['skipped', /隐藏/], '.DS_Store': ['skipped', /隐藏/], 'README.md': ['skipped', /README/], 'SOURCES.tsv': ['skipped', /来源清单/],
      'x.truth.json': ['skipped', /真值/], 'empty.txt': ['failed', /空文件/], 'photo.jpg': ['failed', /图片/], 'random.bin': ['failed', /二进制/],
      'scan.pdf': ['failed', /PDF/], 'report.docx': ['failed', /DOCX|Word/],
    };
    for (const [f, [status, re]] of Object.entries(expectStatus)) {
      expect(input(f)?.status, f).toBe(status);
      expect(input(f)?.error ?? input(f)?.reason, f).toMatch(re);
    }
    if (statSync(at('zero.txt'), { throwIfNoEntry: false })) expect(input('zero.txt')?.error).toMatch(/设备文件/);
    for (const f of ['仙居.txt', '仙居-更正.txt']) expect(input(f)?.name_note, f).toMatch(/GB18030/);
    expect(input('bad-%FF%FE%80.txt')?.name_note).toMatch(/%XX/);
  });

  it('reads every report, each under its own id', () => {
    for (const f of ['2023/report.txt', '2024/report.txt', 'x.txt', 'x.html', 'xianan.txt', '仙居.txt', '仙居-更正.txt', '=HYPERLINK(1).txt']) {
      expect(['ok', 'warnings'], `${f}: ${input(f)?.status} ${input(f)?.error ?? ''}`).toContain(input(f)?.status);
    }
    const ids = manifest.inputs.map((i) => i.report_id).filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
    expect(input('copies/xianan-utf16.txt')?.status).toBe('duplicate');
  });

  it('publishes nothing from outside the corpus', () => {
    const env = readFileSync('/proc/self/environ', 'utf8').split('\0').find((kv) => kv.startsWith('PATH='))!;
    const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
    for (const f of [...walk(out), ...walk(site)]) {
      const text = readFileSync(f, 'latin1');
      expect(text.includes(SECRET), f).toBe(false);
      expect(text.includes(env), f).toBe(false);
    }
  });

  it('counts each report once: dataset, SQL view and site roll-ups', async () => {
    const copies = manifest.inputs.filter((i) => i.file === 'xianan.txt' || i.file.startsWith('copies/'));
    expect(copies.filter((i) => i.status !== 'duplicate').map((i) => i.file)).toEqual(['xianan.txt']);
    const inst = await DuckDBInstance.create(':memory:');
    const con = await inst.connect();
    await con.run(`ATTACH '${join(out, 'dataset.duckdb')}' AS d (READ_ONLY); USE d`);
    const q = async (sql: string) => (await con.runAndReadAll(sql)).getRowsJS();
    expect(await q(`SELECT sum(new_received)::INT FROM report_indicators WHERE agency = '咸安区人民政府'`)).toEqual([[97]]);
    const xianju = await q(`SELECT count(*)::INT, sum(granted)::INT FROM report_indicators WHERE agency = '仙居县人民政府办公室' AND year = 2023`);
    expect(xianju).toEqual([[1, 9]]);
    con.closeSync(); inst.closeSync();
    const region = JSON.parse(readFileSync(join(site, 'site', 'region', '42.json'), 'utf8')) as RegionData;
    expect(region.rollups.filter((r) => r.year === 2024).reduce((n, r) => n + (r.indicators.new_received.value ?? 0), 0)).toBe(97);
    const meta = JSON.parse(readFileSync(join(site, 'site', 'meta.json'), 'utf8')) as SiteMeta;
    expect(meta.status.duplicate).toBe(4);
    const counted = manifest.inputs.filter((i) => (i.status === 'ok' || i.status === 'warnings') && !i.superseded_by).length;
    expect(meta.rollups.reduce((n, r) => n + r.reports, 0)).toBe(counted);
  });

  it('bounds what goes into pages', () => {
    for (const f of readdirSync(join(site, 'site', 'report'))) expect(statSync(join(site, 'site', 'report', f)).size, f).toBeLessThan(2_000_000);
  });
});
