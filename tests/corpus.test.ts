/**
 * The corpus folder as inputs, on real filesystem objects: symbolic links
 * (out of the corpus, to a secret, to a folder, inside it, looping, dangling),
 * a FIFO, a socket and a device node are never read, never fatal, and each is
 * a `failed` input with its reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { buildDataset } from '../src/lib/dataset/build.ts';
import { listCorpus } from '../src/lib/dataset/corpus.ts';
import type { Manifest } from '../src/lib/dataset/manifest.ts';
import { workdir } from './fixtures/workdir.ts';

const SECRET = 'TOP-SECRET-TOKEN-8c1f';

describe('special files and links in the corpus', () => {
  const { work, corpus, out } = workdir('corpus-links-');
  let sock: Server | undefined;
  let haveDevice = false;
  let manifest: Manifest;

  beforeAll(async () => {
    mkdirSync(join(corpus, 'sub'), { recursive: true });
    copyFileSync('data/seeds/001_dab5396a0471019a.txt', join(corpus, 'sub', 'xianan.txt'));
    writeFileSync(join(work, 'secret.txt'), `${SECRET}\n`);
    mkdirSync(join(work, 'outside'));
    writeFileSync(join(work, 'outside', 'also-secret.txt'), `${SECRET}\n`);
    symlinkSync('/proc/self/environ', join(corpus, 'environ.txt'));
    symlinkSync(join(work, 'secret.txt'), join(corpus, 'secret.txt'));
    symlinkSync('../secret.txt', join(corpus, 'relative-secret.txt'));
    symlinkSync(join(work, 'outside'), join(corpus, 'outside-dir'));
    symlinkSync('sub/xianan.txt', join(corpus, 'inside.txt'));
    symlinkSync('loop-b.txt', join(corpus, 'loop-a.txt'));
    symlinkSync('loop-a.txt', join(corpus, 'loop-b.txt'));
    symlinkSync('does-not-exist.txt', join(corpus, 'dangling.txt'));
    expect(spawnSync('mkfifo', [join(corpus, 'fifo.txt')]).status).toBe(0);
    sock = createServer();
    await new Promise<void>((ok) => sock!.listen(join(corpus, 'socket.txt'), ok));
    haveDevice = spawnSync('mknod', [join(corpus, 'null.txt'), 'c', '1', '3']).status === 0;
    // The build must finish (a FIFO opened for reading would block it forever).
    ({ manifest } = await buildDataset({ corpusDir: corpus, dataOut: out }));
  }, 120_000);
  afterAll(() => { sock?.close(); rmSync(work, { recursive: true, force: true }); });

  const input = (file: string) => manifest.inputs.find((i) => i.file === file);

  it('reads the regular file and nothing else', () => {
    expect(input('sub/xianan.txt')?.status).toBe('ok');
    expect(manifest.reports).toBe(1);
  });

  it('lists every link and special file as failed, with a reason saying what it is', () => {
    const reasons: Record<string, RegExp> = {
      'environ.txt': /符号链接指向语料目录之外/,
      'secret.txt': /符号链接指向语料目录之外/,
      'relative-secret.txt': /符号链接指向语料目录之外/,
      'outside-dir': /符号链接指向语料目录之外/,
      'inside.txt': /符号链接.*语料目录内.*sub\/xianan\.txt/,
      'loop-a.txt': /循环/,
      'loop-b.txt': /循环/,
      'dangling.txt': /不存在/,
      'fifo.txt': /命名管道/,
      'socket.txt': /套接字/,
      ...(haveDevice ? { 'null.txt': /设备文件/ } : {}),
    };
    for (const [file, re] of Object.entries(reasons)) {
      const i = input(file);
      expect(i, file).toBeTruthy();
      expect(i!.status, file).toBe('failed');
      expect(i!.error, file).toMatch(re);
      expect(i!.report_id, file).toBeNull();
    }
  });

  it('publishes nothing from outside the corpus', () => {
    for (const f of readdirSync(out)) expect(readFileSync(join(out, f)).includes(SECRET), f).toBe(false);
    const env = readFileSync('/proc/self/environ');
    const someVar = env.toString('utf8').split('\0').find((kv) => kv.startsWith('PATH='))!;
    for (const f of readdirSync(out)) expect(readFileSync(join(out, f), 'utf8').includes(someVar), f).toBe(false);
  });

  it('lists a folder link once, without walking into it', () => {
    expect(listCorpus(corpus).filter((e) => e.file.startsWith('outside-dir')).map((e) => e.file)).toEqual(['outside-dir']);
  });
});

describe('files that are not reports', () => {
  const work = mkdtempSync(join(tmpdir(), 'corpus-skip-'));
  const corpus = join(work, 'data');
  let manifest: Manifest;

  beforeAll(async () => {
    mkdirSync(join(corpus, '.git'), { recursive: true });
    writeFileSync(join(corpus, '.git', 'config'), `[remote "origin"]\n\turl = https://x-access-token:${SECRET}@github.com/o/r\n`);
    writeFileSync(join(corpus, '.hidden-report.txt'), readFileSync('data/seeds/001_dab5396a0471019a.txt'));
    writeFileSync(join(corpus, 'README.md'), '# 语料说明\n');
    writeFileSync(join(corpus, 'readme.txt'), '说明\n');
    copyFileSync('data/real/SOURCES.tsv', join(corpus, 'SOURCES.tsv'));
    copyFileSync('data/seeds/002_98cb17f5974e782f.txt', join(corpus, 'r1.txt'));
    writeFileSync(join(corpus, 'r1.truth.json'), '{"agency":"x"}');
    ({ manifest } = await buildDataset({ corpusDir: corpus, dataOut: join(work, 'out') }));
  }, 120_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('lists each as skipped with why, reads none of them, and reads the report', () => {
    const byFile = Object.fromEntries(manifest.inputs.map((i) => [i.file, i]));
    expect(Object.keys(byFile).sort()).toEqual(['.git', '.hidden-report.txt', 'README.md', 'SOURCES.tsv', 'r1.truth.json', 'r1.txt', 'readme.txt']);
    const why: Record<string, RegExp> = {
      '.git': /隐藏文件夹/, '.hidden-report.txt': /隐藏文件/, 'README.md': /README/, 'readme.txt': /README/,
      'SOURCES.tsv': /来源清单/, 'r1.truth.json': /真值文件/,
    };
    for (const [f, re] of Object.entries(why)) {
      expect(byFile[f].status, f).toBe('skipped');
      expect(byFile[f].reason, f).toMatch(re);
    }
    expect(byFile['r1.txt'].status).not.toBe('skipped');
    expect(manifest.reports).toBe(1);
  });

  it('lists data/real/SOURCES.tsv of the embedded corpus as skipped', () => {
    const e = listCorpus('data').find((x) => x.file === 'real/SOURCES.tsv');
    expect(e?.status).toBe('skipped');
    expect(e?.reason).toMatch(/来源清单/);
  });
});

describe('file names that are not UTF-8', () => {
  const work = mkdtempSync(join(tmpdir(), 'corpus-names-'));
  const corpus = join(work, 'data');
  let manifest: Manifest;
  const gbName = iconv.encode('平潭报告.txt', 'gb18030');
  const gbDir = iconv.encode('二〇二三年', 'gb18030');

  beforeAll(async () => {
    mkdirSync(corpus);
    // What unzipping a Chinese Windows archive gives: GB18030 bytes in the names.
    writeFileSync(Buffer.concat([Buffer.from(corpus + '/'), gbName]), readFileSync('data/seeds/001_dab5396a0471019a.txt'));
    mkdirSync(Buffer.concat([Buffer.from(corpus + '/'), gbDir]));
    writeFileSync(Buffer.concat([Buffer.from(corpus + '/'), gbDir, Buffer.from('/'), iconv.encode('咸安报告.txt', 'gb18030')]), readFileSync('data/seeds/002_98cb17f5974e782f.txt'));
    // Bytes that are neither UTF-8 nor GB18030.
    writeFileSync(Buffer.concat([Buffer.from(corpus + '/bad-'), Buffer.from([0xff, 0x80, 0x25]), Buffer.from('.txt')]), readFileSync('data/seeds/003_9110b932e3d5ac2b.txt'));
    ({ manifest } = await buildDataset({ corpusDir: corpus, dataOut: join(work, 'out') }));
  }, 120_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('reads every file and records its name decoded as GB18030, or escaped, with a note', () => {
    const byFile = Object.fromEntries(manifest.inputs.map((i) => [i.file, i]));
    expect(Object.keys(byFile).sort()).toEqual(['bad-%FF%80%25.txt', '二〇二三年/咸安报告.txt', '平潭报告.txt'].sort());
    for (const f of ['平潭报告.txt', '二〇二三年/咸安报告.txt']) {
      expect(byFile[f].status, f).toBe('ok');
      expect(byFile[f].name_note, f).toMatch(/GB18030/);
    }
    expect(byFile['bad-%FF%80%25.txt'].status).not.toBe('failed');
    expect(byFile['bad-%FF%80%25.txt'].name_note).toMatch(/%XX/);
    expect(manifest.reports).toBe(3);
  });
});
