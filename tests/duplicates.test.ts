/**
 * Duplicates and corrections (src/lib/dataset/duplicates.ts): five copies of
 * one report count once everywhere — dataset, SQL view, the site's region and
 * home roll-ups — and the copies point to the one kept; two different reports
 * for one agency and year are both kept and flagged, the later one counts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { DuckDBInstance } from '@duckdb/node-api';
import { buildDataset } from '../src/lib/dataset/build.ts';
import { writeSiteData } from '../src/lib/site/site-data.ts';
import type { Manifest } from '../src/lib/dataset/manifest.ts';
import type { RegionData, SiteMeta, AgencyData } from '../src/lib/site/types.ts';
import { workdir } from './fixtures/workdir.ts';

const SEED = 'data/seeds/001_dab5396a0471019a.txt';
const text = readFileSync(SEED, 'utf8');

async function sql(db: string, q: string) {
  const inst = await DuckDBInstance.create(':memory:');
  const con = await inst.connect();
  try {
    await con.run(`ATTACH '${db}' AS d (READ_ONLY); USE d`);
    return (await con.runAndReadAll(q)).getRowObjectsJS();
  } finally { con.closeSync(); inst.closeSync(); }
}

describe('five copies of one report', () => {
  const { work, corpus, out, site } = workdir('dups-');
  let manifest: Manifest;

  beforeAll(async () => {
    mkdirSync(join(corpus, 'sub'), { recursive: true });
    copyFileSync(SEED, join(corpus, 'a.txt'));
    copyFileSync(SEED, join(corpus, 'b-copy.txt'));
    copyFileSync(SEED, join(corpus, 'sub', 'a.txt'));
    writeFileSync(join(corpus, 'c-gb18030.txt'), iconv.encode(text, 'gb18030'));
    writeFileSync(join(corpus, 'd-crlf.txt'), '\ufeff' + text.replace(/\n/g, '\r\n').replace(/ \| /g, '  |  '));
    writeFileSync(join(corpus, 'e-utf16.txt'), iconv.encode(text, 'utf-16le', { addBOM: true }));
    copyFileSync('data/seeds/002_98cb17f5974e782f.txt', join(corpus, 'other.txt'));
    const built = await buildDataset({ corpusDir: corpus, dataOut: out });
    manifest = built.manifest;
    await writeSiteData(built.parsed, site);
  }, 120_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('keeps one and marks the others duplicate, each pointing to the one kept', () => {
    const copies = manifest.inputs.filter((i) => i.file !== 'other.txt');
    expect(copies).toHaveLength(6);
    const kept = copies.filter((i) => i.status !== 'duplicate');
    expect(kept.map((i) => i.file)).toEqual(['a.txt']);
    for (const d of copies.filter((i) => i.status === 'duplicate')) {
      expect(d.duplicate_of, d.file).toBe(kept[0].report_id);
      expect(d.reason, d.file).toMatch(/重复/);
    }
    expect(manifest.inputs.find((i) => i.file === 'other.txt')!.status).not.toBe('duplicate');
  });

  it('publishes the duplicates\' table values nowhere, and the SQL view sums the report once', async () => {
    const db = join(out, 'dataset.duckdb');
    const [{ n }] = await sql(db, `SELECT count(DISTINCT report_id)::INT AS n FROM applications WHERE row = 'new_received' AND applicant = 'total' AND value = 97`);
    expect(n).toBe(1);
    const [{ s }] = await sql(db, `SELECT sum(new_received)::INT AS s FROM report_indicators WHERE agency = '咸安区人民政府'`);
    expect(s).toBe(97);
    const reports = await sql(db, `SELECT report_id, status, duplicate_of, counted FROM reports ORDER BY report_id`);
    expect(reports.filter((r) => r.status === 'duplicate').every((r) => r.counted === false && r.duplicate_of === 'a.txt')).toBe(true);
    expect(reports.filter((r) => r.counted).length).toBe(2);
  });

  it('sums the report once on the site: region and home roll-ups', () => {
    const region = JSON.parse(readFileSync(join(site, 'site', 'region', '42.json'), 'utf8')) as RegionData;
    const office = region.rollups.filter((r) => r.year === 2024);
    expect(office.reduce((n, r) => n + (r.indicators.new_received.value ?? 0), 0)).toBe(97);
    const meta = JSON.parse(readFileSync(join(site, 'site', 'meta.json'), 'utf8')) as SiteMeta;
    expect(meta.rollups.filter((r) => r.year === 2024).reduce((n, r) => n + r.reports, 0)).toBe(1);
    expect(meta.status.duplicate).toBe(5);
    const quality = JSON.parse(readFileSync(join(site, 'site', 'quality.json'), 'utf8')) as { status: string; page: string }[];
    const dups = quality.filter((q) => q.status === 'duplicate');
    expect(dups).toHaveLength(5);
    const agencyId = manifest.inputs.find((i) => i.file === 'a.txt')!;
    const agency = JSON.parse(readFileSync(join(site, 'site', 'agency', `${(JSON.parse(readFileSync(join(site, 'site', 'agencies.json'), 'utf8')) as { id: string; name: string }[]).find((a) => a.name === agencyId.agency)!.id}.json`), 'utf8')) as AgencyData;
    expect(agency.reports).toHaveLength(1);
    expect(dups.every((q) => q.page === agency.reports[0].page)).toBe(true);
  });
});

describe('a correction: two different reports for one agency and year', () => {
  const { work, corpus, out, site } = workdir('correction-');
  let manifest: Manifest;

  beforeAll(async () => {
    mkdirSync(corpus);
    copyFileSync(SEED, join(corpus, 'xianan.txt'));
    // The corrected report, published later: 新收 97 → 99 (and 予以公开 41 → 43, so its checks still pass).
    writeFileSync(join(corpus, 'xianan-corrected.txt'), text
      .replace('| 97 | 0 | 0 | 0 | 0 | 0 | 97 |', '| 99 | 0 | 0 | 0 | 0 | 0 | 99 |')
      .replace('| 41 | 0 | 0 | 0 | 0 | 0 | 41 |', '| 43 | 0 | 0 | 0 | 0 | 0 | 43 |')
      .replace(/(\(七\)总计[^\n]*?)\| (\d+) \| 0 \| 0 \| 0 \| 0 \| 0 \| (\d+) \|/, (_m, a, x, y) => `${a}| ${Number(x) + 2} | 0 | 0 | 0 | 0 | 0 | ${Number(y) + 2} |`)
      .replace('2025年1月15日', '2025年3月1日'));
    const built = await buildDataset({ corpusDir: corpus, dataOut: out });
    manifest = built.manifest;
    await writeSiteData(built.parsed, site);
  }, 120_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('keeps both, flags both, and counts the later one', async () => {
    const a = manifest.inputs.find((i) => i.file === 'xianan.txt')!;
    const b = manifest.inputs.find((i) => i.file === 'xianan-corrected.txt')!;
    for (const i of [a, b]) {
      expect(i.status, i.file).toBe('warnings');
      expect(i.warnings?.map((w) => w.check), i.file).toContain('correction');
    }
    expect(a.superseded_by).toBe(b.report_id);
    expect(b.superseded_by).toBeUndefined();
    const db = join(out, 'dataset.duckdb');
    expect(await sql(db, `SELECT new_received FROM report_indicators WHERE agency = '咸安区人民政府'`)).toEqual([{ new_received: 99 }]);
    const rows = await sql(db, `SELECT report_id, counted, superseded_by FROM reports ORDER BY report_id`);
    expect(rows).toEqual([
      { report_id: b.report_id, counted: true, superseded_by: null },
      { report_id: a.report_id, counted: false, superseded_by: b.report_id },
    ]);
    const wide = Papa.parse<Record<string, string>>(readFileSync(join(out, 'reports_wide.csv'), 'utf8').slice(1), { header: true, skipEmptyLines: true }).data;
    expect(wide.map((r) => [r['报告编号'], r['计入汇总'], r['被更正版取代(报告编号)']])).toEqual([[b.report_id, '是', ''], [a.report_id, '否', b.report_id]]);
    const region = JSON.parse(readFileSync(join(site, 'site', 'region', '42.json'), 'utf8')) as RegionData;
    expect(region.rollups.filter((r) => r.year === 2024).reduce((n, r) => n + (r.indicators.new_received.value ?? 0), 0)).toBe(99);
    const agencies = JSON.parse(readFileSync(join(site, 'site', 'agencies.json'), 'utf8')) as { id: string }[];
    const agency = JSON.parse(readFileSync(join(site, 'site', 'agency', `${agencies[0].id}.json`), 'utf8')) as AgencyData;
    expect(agency.reports.map((r) => r.report_id)).toEqual([b.report_id, a.report_id]);
    expect(agency.reports[0].page).toBe(`agencies/${agencies[0].id}/`);
  });
});
