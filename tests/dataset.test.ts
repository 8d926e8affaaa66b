/**
 * The dataset build end to end on a temporary corpus: every published file,
 * the manifest accounting for every input, CSV with BOM, Parquet and the
 * DuckDB database readable by DuckDB, determinism, and the parse CLI.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { DuckDBInstance } from '@duckdb/node-api';
import { buildDataset } from '../src/lib/dataset/build.ts';
import { TABLES } from '../src/lib/schema.ts';
import type { Manifest } from '../src/lib/dataset/manifest.ts';
import { craft } from './fixtures/craft.ts';

const corpus = mkdtempSync(join(tmpdir(), 'corpus-'));
const out1 = mkdtempSync(join(tmpdir(), 'data1-'));
const out2 = mkdtempSync(join(tmpdir(), 'data2-'));
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

beforeAll(async () => {
  cpSync('data/seeds', corpus, { recursive: true });
  mkdirSync(join(corpus, 'more'));
  writeFileSync(join(corpus, 'more', 'gbk-report.txt'), iconv.encode(craft({ year: 2023 }), 'gb18030'));
  writeFileSync(join(corpus, 'more', 'next-year.txt'), craft({ year: 2024 }));
  writeFileSync(join(corpus, 'picture.txt'), '某某县人民政府2024年政府信息公开工作年度报告(图片版)\n');
  writeFileSync(join(corpus, 'unreadable.txt'), 'x');
  chmodSync(join(corpus, 'unreadable.txt'), 0o000);
  await buildDataset({ corpusDir: corpus, dataOut: out1 });
  await buildDataset({ corpusDir: corpus, dataOut: out2 });
}, 120_000);

describe('published files', () => {
  const manifest = () => JSON.parse(readFileSync(join(out1, 'manifest.json'), 'utf8')) as Manifest;

  it('accounts for every input file, with the reason for each failure', () => {
    const m = manifest();
    const files = m.inputs.map((i) => i.file).sort();
    expect(files).toEqual([
      '000_6694218b40946a51.txt', '001_dab5396a0471019a.txt', '002_98cb17f5974e782f.txt', '003_9110b932e3d5ac2b.txt', '004_9cfe2f3d8c76eac5.txt',
      'more/gbk-report.txt', 'more/next-year.txt', 'picture.txt', 'unreadable.txt',
    ]);
    const picture = m.inputs.find((i) => i.file === 'picture.txt')!;
    expect(picture.status).toBe('failed');
    expect(picture.error).toMatch(/图片版/);
    const unreadable = m.inputs.find((i) => i.file === 'unreadable.txt')!;
    expect(unreadable.status).toBe('failed');
    // root can read a 000 file; then it fails as a report with no tables — either way, with a reason
    expect(unreadable.error).toBeTruthy();
  });

  it('lists every file with rows, bytes and SHA-256 that match the files on disk', () => {
    const m = manifest();
    for (const t of TABLES) for (const ext of ['csv', 'parquet', 'json']) expect(m.files.some((f) => f.file === `${t.name}.${ext}`)).toBe(true);
    for (const f of m.files) {
      expect(f.sha256).toBe(sha(join(out1, f.file)));
      expect(f.bytes).toBe(readFileSync(join(out1, f.file)).length);
      expect(f.description.length).toBeGreaterThan(5);
    }
    expect(m.files.find((f) => f.file === 'dataset.duckdb')).toBeTruthy();
    const parsedInputs = m.inputs.filter((i) => !i.error?.startsWith('无法读取')).length;
    expect(m.files.find((f) => f.file === 'reports_wide.csv')!.rows).toBe(parsedInputs);
    expect(m.files.find((f) => f.file === 'reports.csv')!.rows).toBe(parsedInputs);
  });

  it('writes CSV as UTF-8 with BOM, columns in schema order, NULL as empty', () => {
    for (const t of TABLES) {
      const text = readFileSync(join(out1, `${t.name}.csv`), 'utf8');
      expect(text.charCodeAt(0)).toBe(0xfeff);
      const parsed = Papa.parse<string[]>(text.slice(1).trimEnd());
      expect(parsed.data[0]).toEqual(t.columns.map((c) => c.name));
    }
    const apps = Papa.parse<Record<string, string>>(readFileSync(join(out1, 'applications.csv'), 'utf8').slice(1), { header: true, skipEmptyLines: true }).data;
    const tacheng = apps.find((r) => r.report_id === '004_9cfe2f3d8c76eac5.txt' && r.row === 'new_received' && r.applicant === 'total')!;
    expect(tacheng.value).toBe('');
    const xianan = apps.find((r) => r.report_id === '001_dab5396a0471019a.txt' && r.row === 'new_received' && r.applicant === 'total')!;
    expect(xianan.value).toBe('97');
  });

  it('long tables carry a Chinese label column beside each code column, in CSV and in DuckDB', async () => {
    const labelled = TABLES.flatMap((t) => t.columns.filter((c) => c.label).map((c) => ({ t, c })));
    expect(labelled.map(({ t, c }) => `${t.name}.${c.name}`)).toEqual(expect.arrayContaining(['applications.row_zh', 'applications.applicant_zh', 'reviews.proceeding_zh', 'reviews.outcome_zh', 'active_disclosure.item_zh', 'active_disclosure.metric_zh', 'checks.check_zh']));
    for (const { t, c } of labelled) {
      const rows = Papa.parse<Record<string, string>>(readFileSync(join(out1, `${t.name}.csv`), 'utf8').slice(1), { header: true, skipEmptyLines: true }).data;
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) expect(r[c.name], `${t.name} ${r[c.label!.of]}`).toBe(c.label!.labels[r[c.label!.of]]);
    }
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    await con.run(`ATTACH '${join(out1, 'dataset.duckdb')}' AS d (READ_ONLY)`);
    const zh = (await con.runAndReadAll(`SELECT DISTINCT row_zh, applicant_zh FROM d.applications WHERE "row" = 'withheld_state_secret' AND applicant = 'natural_person'`)).getRowObjects();
    expect(zh).toEqual([{ row_zh: '属于国家秘密', applicant_zh: '自然人' }]);
    con.closeSync();
  });

  it('publishes every table as JSON too, with the same rows as its CSV', () => {
    for (const t of TABLES) {
      const csv = Papa.parse<Record<string, string>>(readFileSync(join(out1, `${t.name}.csv`), 'utf8').slice(1), { header: true, skipEmptyLines: true }).data;
      const json = JSON.parse(readFileSync(join(out1, `${t.name}.json`), 'utf8')) as Record<string, unknown>[];
      expect(json.length, t.name).toBe(csv.length);
      expect(Object.keys(json[0] ?? {}), t.name).toEqual(t.columns.map((c) => c.name));
      json.forEach((o, i) => {
        for (const c of t.columns) {
          const v = o[c.name];
          expect(v === null ? '' : typeof v === 'boolean' ? String(v) : String(v), `${t.name}[${i}].${c.name}`).toBe(c.type === 'BOOLEAN' ? csv[i][c.name] : csv[i][c.name]);
        }
      });
      expect(manifest().files.find((f) => f.file === `${t.name}.json`)?.rows).toBe(csv.length);
    }
  });

  it('describes every published file in a Frictionless datapackage.json generated from the schema', () => {
    const dp = JSON.parse(readFileSync(join(out1, 'datapackage.json'), 'utf8'));
    expect(dp.profile).toBe('tabular-data-package');
    expect(dp.name).toMatch(/^[a-z0-9._-]+$/);
    expect(dp.licenses[0].name).toBe('CC-BY-4.0');
    expect(dp.version).toMatch(/^\d+\.\d+\.\d+/);
    const names = dp.resources.map((r: { name: string }) => r.name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^[a-z0-9._-]+$/);
    // every data file of the manifest is a resource, with its size and hash
    for (const f of manifest().files) {
      const r = dp.resources.find((x: { path: string }) => x.path === f.file);
      expect(r, f.file).toBeTruthy();
      expect(r.bytes).toBe(f.bytes);
      expect(r.hash).toBe(`sha256:${sha(join(out1, f.file))}`);
    }
    const reportIds = new Set(Papa.parse<Record<string, string>>(readFileSync(join(out1, 'reports.csv'), 'utf8').slice(1), { header: true, skipEmptyLines: true }).data.map((r) => r.report_id));
    for (const r of dp.resources.filter((x: { profile?: string; format: string }) => x.profile === 'tabular-data-resource' && x.format === 'csv')) {
      const text = readFileSync(join(out1, r.path), 'utf8').slice(1);
      const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
      const fields = r.schema.fields as { name: string; type: string; constraints?: { enum?: string[] } }[];
      expect(parsed.meta.fields, r.name).toEqual(fields.map((x) => x.name));
      expect(parsed.data.length, r.name).toBe(r.rows);
      for (const fd of fields) {
        expect(['string', 'integer', 'number', 'boolean', 'date']).toContain(fd.type);
        for (const row of parsed.data) {
          const v = row[fd.name];
          if (v === '') continue;
          if (fd.type === 'integer') expect(v, `${r.name}.${fd.name}`).toMatch(/^-?\d+$/);
          if (fd.type === 'number') expect(Number.isFinite(Number(v)), `${r.name}.${fd.name}=${v}`).toBe(true);
          if (fd.type === 'date') expect(v).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          if (fd.type === 'boolean') expect(['true', 'false']).toContain(v);
          if (fd.constraints?.enum) expect(fd.constraints.enum, `${r.name}.${fd.name}`).toContain(v);
        }
      }
      const fk = r.schema.foreignKeys?.[0];
      if (fk) for (const row of parsed.data) expect(reportIds.has(row.report_id), `${r.name} ${row.report_id}`).toBe(true);
    }
    // the three formats of one table share one schema
    const schemas = ['applications', 'applications-parquet', 'applications-json'].map((n) => JSON.stringify(dp.resources.find((x: { name: string }) => x.name === n).schema));
    expect(new Set(schemas).size).toBe(1);
  });

  it('writes a wide CSV with Chinese headers, one row per report', () => {
    const rows = Papa.parse<Record<string, string>>(readFileSync(join(out1, 'reports_wide.csv'), 'utf8').slice(1), { header: true, skipEmptyLines: true }).data;
    const m = manifest();
    expect(rows.length).toBe(m.inputs.filter((i) => !i.error?.startsWith('无法读取')).length);
    const x = rows.find((r) => r['机关'] === '咸安区人民政府')!;
    expect(x['申请-一、本年新收政府信息公开申请数量-总计']).toBe('97');
    expect(x['主动公开-行政许可-本年处理决定数量']).toBe('59113');
  });

  it('writes Parquet and a DuckDB database that DuckDB reads with the same rows and types', async () => {
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    await con.run(`ATTACH '${join(out1, 'dataset.duckdb')}' AS d (READ_ONLY)`);
    const m = manifest();
    for (const t of TABLES) {
      const pq = (await con.runAndReadAll(`SELECT count(*)::INT AS n FROM read_parquet('${join(out1, t.name + '.parquet')}')`)).getRowObjects()[0].n;
      const dbn = (await con.runAndReadAll(`SELECT count(*)::INT AS n FROM d."${t.name}"`)).getRowObjects()[0].n;
      expect(pq).toBe(dbn);
      expect(m.files.find((f) => f.file === `${t.name}.parquet`)!.rows).toBe(pq);
      const types = (await con.runAndReadAll(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('${join(out1, t.name + '.parquet')}'))`)).getRowObjects();
      expect(types.map((x) => x.column_name)).toEqual(t.columns.map((c) => c.name));
      expect(types.map((x) => x.column_type)).toEqual(t.columns.map((c) => c.type));
    }
    const v = (await con.runAndReadAll(`SELECT a.value FROM d.applications a JOIN d.reports r USING (report_id) WHERE r.agency = '咸安区人民政府' AND a."row" = 'granted' AND a.applicant = 'total'`)).getRowObjects();
    expect(v).toEqual([{ value: 41 }]);
    const codec = (await con.runAndReadAll(`SELECT DISTINCT compression FROM parquet_metadata('${join(out1, 'applications.parquet')}')`)).getRowObjects();
    expect(codec.map((c) => c.compression)).toEqual(['ZSTD']);
    // The SQL page's convenience views are stored in the file and bind inside it under any alias.
    const ind = (await con.runAndReadAll(`SELECT new_received FROM d.report_indicators WHERE report_id = '001_dab5396a0471019a.txt'`)).getRowObjects();
    expect(ind).toEqual([{ new_received: 97 }]);
    const comment = (await con.runAndReadAll(`SELECT comment FROM duckdb_columns() WHERE database_name = 'd' AND table_name = 'applications' AND column_name = 'line'`)).getRowObjects();
    expect(String(comment[0].comment)).toContain('行号');
    con.closeSync();
  });

  it('is deterministic: the same corpus gives byte-identical CSV, Parquet and JSON', () => {
    for (const t of TABLES) for (const ext of ['csv', 'parquet', 'json']) expect(sha(join(out2, `${t.name}.${ext}`)), `${t.name}.${ext}`).toBe(sha(join(out1, `${t.name}.${ext}`)));
    expect(sha(join(out2, 'reports_wide.csv'))).toBe(sha(join(out1, 'reports_wide.csv')));
  });

  it('runs the cross-year checks across files of the same agency', () => {
    const checks = Papa.parse<Record<string, string>>(readFileSync(join(out1, 'checks.csv'), 'utf8').slice(1), { header: true, skipEmptyLines: true }).data;
    const cross = checks.filter((c) => c.check === 'carry_over_prev');
    expect(cross.length).toBe(2);
    expect(cross.every((c) => c.passed === 'true')).toBe(true);
  });
});

describe('npm run parse', () => {
  it('prints one JSON line per file, failed files with an error, exit code non-zero only for unreadable files', () => {
    const res = spawnSync(process.execPath, ['scripts/parse.ts', 'data/seeds/001_dab5396a0471019a.txt', join(corpus, 'picture.txt')], { encoding: 'utf8' });
    expect(res.status).toBe(0);
    const lines = res.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0].agency).toBe('咸安区人民政府');
    expect(lines[0].applications.find((a: { row: string; applicant: string }) => a.row === 'new_received' && a.applicant === 'total').value).toBe(97);
    expect(Object.keys(lines[0])).toEqual(expect.arrayContaining(['report_id', 'agency', 'year', 'status', 'active_disclosure', 'applications', 'reviews', 'checks', 'sections']));
    expect(lines[0].applications[0].report_id).toBeUndefined();
    expect(lines[1].status).toBe('failed');
    expect(lines[1].error).toBeTruthy();
    const missing = spawnSync(process.execPath, ['scripts/parse.ts', 'data/seeds/001_dab5396a0471019a.txt', '/nonexistent/file.txt'], { encoding: 'utf8' });
    expect(missing.status).toBe(1);
    const l2 = missing.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(l2[1]).toMatchObject({ status: 'failed', agency: null, year: null, source_file: 'file.txt' });
    expect(Object.keys(l2[1])).toEqual(Object.keys(l2[0]));
    expect(l2[1].error).toContain('ENOENT');
  });
});

