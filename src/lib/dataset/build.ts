/**
 * The dataset build: corpus folder → parsed reports → cross-year checks →
 * every published file + manifest. Used by `scripts/build-data.ts` and the
 * benchmark. One bad file never stops the build; every input is accounted for.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { TABLES } from '../schema.ts';
import type { Report } from '../types.ts';
import { parseInput, type Parsed } from '../parse/report.ts';
import { applyCrossYearChecks, applyCrossYearEvidence } from './cross-year.ts';
import { applyRenames } from './renames.ts';
import { decideCounting } from './duplicates.ts';
import { buildTime } from './build-time.ts';
import { sortReports, tableRows, countRows } from './rows.ts';
import { writeCsv } from './csv.ts';
import { writeWideCsv } from './wide.ts';
import { writeDuck } from './duckdb.ts';
import { VIEWS } from '../sql/views.ts';
import { listCorpus, readEntry, type CorpusEntry } from './corpus.ts';
import { reportId } from '../parse/ids.ts';
import { sniff } from '../input/index.ts';
import { pageLines, sourceTextFile, tooLarge } from './limits.ts';
import { describeFile, warningsOf, type Manifest, type ManifestFile, type ManifestInput } from './manifest.ts';
import { dataPackage } from './datapackage.ts';
import { datasetVersion } from './about.ts';
import { packageSources, readSources } from './sources.ts';

export interface BuildOptions {
  corpusDir: string;
  dataOut: string;
  log?: (msg: string) => void;
}

export interface BuildResult {
  parsed: Parsed[]; manifest: Manifest; seconds: { parse: number; write: number };
  /** The build time written into the outputs (build-time.ts). */
  builtAt: string;
}

export async function buildDataset({ corpusDir, dataOut, log = () => {} }: BuildOptions): Promise<BuildResult> {
  const entries = listCorpus(corpusDir);
  const files = entries.filter((e) => e.status === 'read');
  const builtAt = buildTime(files.map((e) => e.mtimeMs ?? 0)).toISOString();
  log(`读取语料 ${corpusDir}: ${files.length} 个文件`);
  const t0 = performance.now();
  const parsed: Parsed[] = [];
  const inputs: ManifestInput[] = [];
  const entryOf = new Map<Report, CorpusEntry>();
  const notRead = (e: CorpusEntry, status: 'failed' | 'skipped', why: string) => {
    log(`  ${status === 'failed' ? '✗' : '–'} ${e.file}: ${why}`);
    inputs.push({
      file: e.file, status, report_id: null, agency: null, year: null,
      ...(status === 'failed' ? { error: why } : { reason: why }), ...(e.name_note ? { name_note: e.name_note } : {}),
    });
  };
  for (const e of entries) if (e.status !== 'read') notRead(e, e.status, e.reason!);
  let lastLog = t0;
  for (const [i, e] of files.entries()) {
    const name = e.file;
    const read = readEntry(e, corpusDir, (head, size) => tooLarge(sniff(head, name), size));
    if ('error' in read) { notRead(e, 'failed', read.error); continue; }
    const p = await parseInput(read.bytes, name);
    // The id is the path's: from its bytes when the name is not UTF-8 (ids.ts).
    p.report.report_id = reportId(e.file, e.name_note ? e.raw : undefined);
    parsed.push(p);
    entryOf.set(p.report, e);
    if (p.report.status === 'failed') log(`  ✗ ${name}: ${p.report.error}`);
    const now = performance.now();
    if (now - lastLog > 2000 || i === files.length - 1) {
      lastLog = now;
      const rate = ((i + 1) / ((now - t0) / 1000)).toFixed(0);
      log(`  已解析 ${i + 1}/${files.length} (${rate} 份/秒)`);
    }
  }
  // Ids are unique by construction (ids.ts); should two ever meet (a hash collision), the later
  // file is not published and fails with the reason, instead of stopping the build.
  const ids = new Map<string, string>();
  for (const p of [...parsed]) {
    const other = ids.get(p.report.report_id);
    if (other === undefined) { ids.set(p.report.report_id, p.report.source_file); continue; }
    parsed.splice(parsed.indexOf(p), 1);
    notRead(entryOf.get(p.report)!, 'failed', `报告编号 ${p.report.report_id} 与 ${other} 的相同,未收录`);
  }
  const reports = parsed.map((p) => p.report);
  for (const n of applyRenames(reports)) log(`  更名:${n.from} → ${n.to}(${n.said})`);
  decideCounting(parsed);
  applyCrossYearEvidence(reports);
  applyCrossYearChecks(reports);
  for (const r of reports) {
    const note = entryOf.get(r)?.name_note;
    inputs.push({
      file: r.source_file, status: r.status, report_id: r.report_id, agency: r.agency, year: r.year, ...(r.error ? { error: r.error } : {}),
      ...(note ? { name_note: note } : {}), ...(r.status === 'warnings' ? warningsOf(r.checks) : {}),
      ...(r.duplicate_of ? { duplicate_of: r.duplicate_of, reason: r.checks[0]?.detail } : {}),
      ...(r.superseded_by ? { superseded_by: r.superseded_by } : {}),
    });
  }
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
  const sources = writeSourceTexts(dataOut, parsed);
  const manifest: Manifest = {
    built_at: builtAt,
    generator: 'scripts/build-data.ts',
    reports: reports.length,
    files: files_,
    inputs,
    sources,
  };
  writeFileSync(join(dataOut, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  // The Frictionless Data Package: every file above with its schema (from schema.ts).
  const site = process.env.SITE_URL ? process.env.SITE_URL.replace(/\/+$/, '') + (process.env.SITE_BASE || '/').replace(/^\/?/, '/') : undefined;
  writeFileSync(join(dataOut, 'datapackage.json'), JSON.stringify(dataPackage(manifest, {
    version: datasetVersion(), homepage: site, sources: packageSources(readSources(corpusDir, entries)),
  }), null, 2) + '\n');
  const tWrite = (performance.now() - t1) / 1000;
  return { parsed, manifest, seconds: { parse: tParse, write: tWrite }, builtAt };
}

export type { Report };

/**
 * The whole decoded text of every report too long for its page (limits.ts),
 * as `sources/<report_id>.txt` (UTF-8), which the page links to.
 */
function writeSourceTexts(dataOut: string, parsed: Parsed[]): Manifest['sources'] {
  const dir = join(dataOut, 'sources');
  rmSync(dir, { recursive: true, force: true });
  let files = 0, bytes = 0;
  for (const p of parsed) {
    if (!pageLines(p.lines).capped) continue;
    const path = join(dataOut, sourceTextFile(p.report.report_id));
    mkdirSync(dirname(path), { recursive: true });
    const text = Buffer.from(p.lines.join('\n') + '\n', 'utf8');
    writeFileSync(path, text);
    files++; bytes += text.length;
  }
  return { folder: 'sources/', files, bytes };
}
