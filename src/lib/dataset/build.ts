/**
 * The dataset build: corpus folder → parsed reports → cross-year checks →
 * every published file + manifest. Used by `scripts/build-data.ts` and the
 * benchmark. One bad file never stops the build; every input is accounted for.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { TABLES } from '../schema.ts';
import type { Report } from '../types.ts';
import { parseInput, type Parsed } from '../parse/report.ts';
import { reportId } from '../parse/ids.ts';
import { applyCrossYearChecks, applyCrossYearEvidence } from './cross-year.ts';
import { applyRenames } from './renames.ts';
import { sortReports, tableRows, countRows } from './rows.ts';
import { writeCsv } from './csv.ts';
import { writeWideCsv } from './wide.ts';
import { writeDuck } from './duckdb.ts';
import { VIEWS } from '../sql/views.ts';
import { describeFile, type Manifest, type ManifestFile, type ManifestInput } from './manifest.ts';
import { dataPackage } from './datapackage.ts';
import { datasetVersion } from './about.ts';
import { packageSources, readSources } from './sources.ts';

/** Every regular file under `dir` (recursive), skipping hidden files, READMEs and SOURCES.tsv (where the reports came from, see sources.ts), sorted. */
export function listCorpus(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      if (name.startsWith('.') || /^readme/i.test(name) || name === 'SOURCES.tsv') continue;
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p); else if (st.isFile()) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

export interface BuildOptions {
  corpusDir: string;
  dataOut: string;
  log?: (msg: string) => void;
}

export interface BuildResult { parsed: Parsed[]; manifest: Manifest; seconds: { parse: number; write: number } }

export async function buildDataset({ corpusDir, dataOut, log = () => {} }: BuildOptions): Promise<BuildResult> {
  const files = listCorpus(corpusDir);
  log(`读取语料 ${corpusDir}: ${files.length} 个文件`);
  const t0 = performance.now();
  const parsed: Parsed[] = [];
  const inputs: ManifestInput[] = [];
  let lastLog = t0;
  for (const [i, path] of files.entries()) {
    const name = relative(corpusDir, path).split('\\').join('/');
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(path);
    } catch (e) {
      const error = `无法读取文件:${(e as Error).message}`;
      log(`  ✗ ${name}: ${error}`);
      inputs.push({ file: name, status: 'failed', report_id: reportId(name), agency: null, year: null, error });
      continue;
    }
    const p = await parseInput(bytes, name);
    parsed.push(p);
    if (p.report.status === 'failed') log(`  ✗ ${name}: ${p.report.error}`);
    const now = performance.now();
    if (now - lastLog > 2000 || i === files.length - 1) {
      lastLog = now;
      const rate = ((i + 1) / ((now - t0) / 1000)).toFixed(0);
      log(`  已解析 ${i + 1}/${files.length} (${rate} 份/秒)`);
    }
  }
  const ids = new Map<string, string>();
  for (const p of parsed) {
    const other = ids.get(p.report.report_id);
    if (other) throw new Error(`两个文件得到相同的报告编号 ${p.report.report_id}: ${other} 与 ${p.report.source_file}`);
    ids.set(p.report.report_id, p.report.source_file);
  }
  const reports = parsed.map((p) => p.report);
  for (const n of applyRenames(reports)) log(`  更名:${n.from} → ${n.to}(${n.said})`);
  applyCrossYearEvidence(reports);
  applyCrossYearChecks(reports);
  for (const r of reports) inputs.push({ file: r.source_file, status: r.status, report_id: r.report_id, agency: r.agency, year: r.year, ...(r.error ? { error: r.error } : {}) });
  inputs.sort((a, b) => (a.file < b.file ? -1 : 1));
  const tParse = (performance.now() - t0) / 1000;

  const t1 = performance.now();
  mkdirSync(dataOut, { recursive: true });
  const sorted = sortReports(reports);
  const files_: ManifestFile[] = [];
  for (const t of TABLES) {
    const path = join(dataOut, `${t.name}.csv`);
    const rows = writeCsv(path, t.columns.map((c) => c.name), tableRows(t, sorted));
    files_.push(describeFile(path, 'csv', `${t.zh}(CSV,UTF-8 带 BOM,Excel 可直接打开)`, rows, t.name));
  }
  log(`  已写出 CSV`);
  // The SQL page's convenience views also live in the file, for those who download or ATTACH it.
  const duck = await writeDuck(dataOut, sorted, VIEWS.map((v) => `CREATE VIEW {{db}}.${v.name} AS ${v.sql.trim()}`));
  for (const t of TABLES) files_.push(describeFile(duck.parquet[t.name], 'parquet', `${t.zh}(Parquet,zstd 压缩)`, countRows(t, sorted), t.name));
  for (const t of TABLES) files_.push(describeFile(duck.json[t.name], 'json', `${t.zh}(JSON:对象数组,空值为 null)`, countRows(t, sorted), t.name));
  files_.push(describeFile(duck.database, 'duckdb', '包含全部表格的 DuckDB 数据库(SQL 页面直接挂载;也可下载或在 DuckDB 中 ATTACH 其网址)'));
  log(`  已写出 Parquet 与 dataset.duckdb`);
  const widePath = join(dataOut, 'reports_wide.csv');
  const wideRows = writeWideCsv(widePath, reports);
  files_.push(describeFile(widePath, 'csv', '宽表:每份报告一行,每个表格单元格一列,中文列名,供电子表格使用', wideRows));
  const manifest: Manifest = {
    built_at: new Date().toISOString(),
    generator: 'scripts/build-data.ts',
    reports: reports.length,
    files: files_,
    inputs,
  };
  writeFileSync(join(dataOut, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  // The Frictionless Data Package: every file above with its schema (from schema.ts).
  const site = process.env.SITE_URL ? process.env.SITE_URL.replace(/\/+$/, '') + (process.env.SITE_BASE || '/').replace(/^\/?/, '/') : undefined;
  writeFileSync(join(dataOut, 'datapackage.json'), JSON.stringify(dataPackage(manifest, {
    version: datasetVersion(), homepage: site, sources: packageSources(readSources(corpusDir)),
  }), null, 2) + '\n');
  const tWrite = (performance.now() - t1) / 1000;
  return { parsed, manifest, seconds: { parse: tParse, write: tWrite } };
}

export type { Report };
