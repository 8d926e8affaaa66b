/**
 * Byte-identical builds: the same corpus gives the same files, every one —
 * the dataset (Parquet, CSV, dataset.duckdb, manifest.json, per-agency CSVs),
 * the JSON the pages are made from, and the built site itself. The build time
 * is an input (SOURCE_DATE_EPOCH, else the newest input's mtime).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { buildTime } from '../src/lib/dataset/build-time.ts';
import { craft } from './fixtures/craft.ts';

/** Every file under `dir` → its SHA-256. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

/** vitest sets BASE_URL/MODE/… in process.env, which would override Astro's import.meta.env. */
const inherited = () => Object.fromEntries(Object.entries(process.env).filter(([k]) => !['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'SOURCE_DATE_EPOCH'].includes(k) && !k.startsWith('VITEST')));

describe('build time', () => {
  it('is SOURCE_DATE_EPOCH when set, else the newest input mtime, else 1970', () => {
    expect(buildTime([5000, 2_000_500], { SOURCE_DATE_EPOCH: '1700000000' }).toISOString()).toBe('2023-11-14T22:13:20.000Z');
    expect(buildTime([5000, 2_000_500], {}).toISOString()).toBe('1970-01-01T00:33:20.000Z');
    expect(buildTime([], {}).toISOString()).toBe('1970-01-01T00:00:00.000Z');
    expect(() => buildTime([], { SOURCE_DATE_EPOCH: 'yesterday' })).toThrow(/SOURCE_DATE_EPOCH/);
  });
});

describe('two builds of the same corpus', () => {
  const work = mkdtempSync(join(tmpdir(), 'repro-'));
  const corpus = join(work, 'corpus');
  const run = (n: number, extra: Record<string, string> = {}) => {
    const env = {
      ...inherited(), CORPUS_DIR: corpus, DATA_OUT: join(work, `data${n}`), SITE_DATA_OUT: join(work, `gen${n}`),
      SITE_OUT: join(work, `site${n}`), SITE_BASE: '/nianbao/', ASTRO_TELEMETRY_DISABLED: '1', ...extra,
    };
    execFileSync(process.execPath, ['scripts/build-data.ts'], { env, stdio: 'ignore' });
    return env;
  };

  beforeAll(() => {
    cpSync('data/seeds', join(corpus, 'seeds'), { recursive: true });
    mkdirSync(join(corpus, 'more'));
    for (const year of [2023, 2024]) writeFileSync(join(corpus, 'more', `x-${year}.txt`), craft({ year, agency: '仙居县人民政府办公室' }));
    const t = new Date('2025-02-03T04:05:06Z');
    for (const f of readdirSync(corpus, { recursive: true }) as string[]) utimesSync(join(corpus, f), t, t);
    run(1);
    run(2);
    run(3, { SOURCE_DATE_EPOCH: '1700000000' });
  }, 300_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('writes byte-identical data files, file by file', () => {
    const a = tree(join(work, 'data1')), b = tree(join(work, 'data2'));
    expect(Object.keys(a)).toEqual(expect.arrayContaining(['dataset.duckdb', 'manifest.json', 'reports.parquet', 'reports.csv', 'reports_wide.csv']));
    expect(b).toEqual(a);
  });

  it('writes byte-identical page data, file by file', () => {
    expect(tree(join(work, 'gen2'))).toEqual(tree(join(work, 'gen1')));
  });

  it('takes the build time from the newest input, or from SOURCE_DATE_EPOCH', () => {
    const m1 = JSON.parse(readFileSync(join(work, 'data1', 'manifest.json'), 'utf8'));
    const m3 = JSON.parse(readFileSync(join(work, 'data3', 'manifest.json'), 'utf8'));
    expect(m1.built_at).toBe('2025-02-03T04:05:06.000Z');
    expect(m3.built_at).toBe('2023-11-14T22:13:20.000Z');
    expect(JSON.parse(readFileSync(join(work, 'gen3', 'site', 'meta.json'), 'utf8')).built_at).toBe(m3.built_at);
  });

  it('builds a byte-identical site, file by file', () => {
    for (const n of [1, 2]) {
      const env = { ...inherited(), CORPUS_DIR: corpus, DATA_OUT: join(work, `data${n}`), SITE_DATA_OUT: join(work, `gen${n}`), SITE_OUT: join(work, `site${n}`), SITE_BASE: '/nianbao/', ASTRO_TELEMETRY_DISABLED: '1' };
      execFileSync('npm', ['run', '--silent', 'build:site'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    }
    const a = tree(join(work, 'site1')), b = tree(join(work, 'site2'));
    expect(Object.keys(a).length).toBeGreaterThan(20);
    expect(Object.keys(a)).toEqual(expect.arrayContaining(['index.html', 'downloads/index.html', 'data/dataset.duckdb', 'data/manifest.json']));
    const differ = Object.keys(a).filter((k) => a[k] !== b[k]);
    expect(differ).toEqual([]);
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
  }, 300_000);
});
