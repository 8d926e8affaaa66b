/**
 * Parquet (zstd), JSON and the DuckDB database, written with @duckdb/node-api from
 * the one schema definition. The database uses storage version v1.0.0 so that
 * DuckDB-WASM 1.32 can ATTACH it over HTTP; table and column comments carry the
 * data dictionary into it.
 *
 * Byte-identical builds: DuckDB writes leftover heap memory into the unused
 * parts of its blocks and its FSST string compression does not give the same
 * bytes twice (duckdb/duckdb#23382). So the database file is written by a
 * process of its own (duckdb-file.mjs) that opens it directly, with DuckDB's
 * allocator zero-filling memory (jemalloc `zero:true`, Linux builds) and FSST
 * disabled (strings are stored with dictionary or no compression: at 5,000
 * reports 19.7 MB instead of 14.2 MB), from the Parquet files written first.
 */
import { DuckDBInstance, dateValue, type DuckDBAppender } from '@duckdb/node-api';
import { spawnSync } from 'node:child_process';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TABLES, type Column, type Table } from '../schema.ts';
import type { Report } from '../types.ts';
import { tableRows, type Row } from './rows.ts';

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

function append(app: DuckDBAppender, col: Column, v: Row[string]) {
  if (v === null || v === undefined) { app.appendNull(); return; }
  switch (col.type) {
    case 'VARCHAR': app.appendVarchar(String(v)); break;
    case 'INTEGER': app.appendInteger(Number(v)); break;
    case 'DOUBLE': app.appendDouble(Number(v)); break;
    case 'BOOLEAN': app.appendBoolean(Boolean(v)); break;
    case 'DATE': {
      const [y, m, d] = String(v).split('-').map(Number);
      app.appendDate(dateValue({ year: y, month: m, day: d }));
      break;
    }
  }
}

export interface DuckOutputs { parquet: Record<string, string>; json: Record<string, string>; database: string }

/**
 * Load every table into an in-memory DuckDB (single thread: deterministic
 * output), COPY each to Parquet and JSON, then write `dataset.duckdb` from
 * the Parquet files (writeDatabaseFile).
 */
export async function writeDuck(outDir: string, sorted: Report[], extraSql: string[] = []): Promise<DuckOutputs> {
  const inst = await DuckDBInstance.create(':memory:', { threads: '1' });
  const con = await inst.connect();
  const parquet: Record<string, string> = {};
  const json: Record<string, string> = {};
  try {
    for (const t of TABLES) {
      await con.run(`CREATE TABLE ${q(t.name)} (${columnsSql(t)})`);
      const app = await con.createAppender(t.name);
      for (const row of tableRows(t, sorted)) {
        for (const c of t.columns) append(app, c, row[c.name]);
        app.endRow();
      }
      app.closeSync();
    }
    for (const t of TABLES) {
      const file = join(outDir, `${t.name}.parquet`);
      await con.run(`COPY ${q(t.name)} TO ${lit(file)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)`);
      parquet[t.name] = file;
    }
    // JSON for those who read neither CSV nor Parquet: an array of objects, NULL as null.
    for (const t of TABLES) {
      const file = join(outDir, `${t.name}.json`);
      await con.run(`COPY ${q(t.name)} TO ${lit(file)} (FORMAT json, ARRAY true)`);
      json[t.name] = file;
    }
  } finally {
    con.closeSync();
    inst.closeSync();
  }
  const statements: string[] = [];
  for (const t of TABLES) {
    statements.push(`CREATE TABLE ${q(t.name)} (${columnsSql(t)})`);
    statements.push(`INSERT INTO ${q(t.name)} SELECT * FROM read_parquet(${lit(parquet[t.name])})`);
    statements.push(`COMMENT ON TABLE ${q(t.name)} IS ${lit(`${t.zh} — ${t.en}`)}`);
    for (const c of t.columns) statements.push(`COMMENT ON COLUMN ${q(t.name)}.${q(c.name)} IS ${lit(`${c.zh} — ${c.en}`)}`);
  }
  // Views bind their unqualified table names inside the database, whatever name it is attached under.
  for (const sql of extraSql) statements.push(sql.replaceAll('{{db}}.', ''));
  const database = join(outDir, 'dataset.duckdb');
  writeDatabaseFile(database, statements);
  return { parquet, json, database };
}

const columnsSql = (t: Table) => t.columns.map((c) => `${q(c.name)} ${c.type}`).join(', ');

const WRITER = fileURLToPath(new URL('./duckdb-file.mjs', import.meta.url));

/**
 * Runs `statements` against a new database file at `path`, in a child
 * process (see the top of this file for why), then moves it into place. The
 * file is written under a fixed name in a scratch folder, since DuckDB stores
 * the database name, taken from the file name, in the file.
 */
export function writeDatabaseFile(path: string, statements: string[]): void {
  const scratch = join(path + '.d');
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  const tmp = join(scratch, 'dataset.duckdb');
  try {
    const r = spawnSync(process.execPath, [WRITER], {
      input: JSON.stringify({ file: tmp, statements: ["SET disabled_compression_methods = 'fsst,bitpacking'", ...statements] }),
      env: { ...process.env, DUCKDB_JE_MALLOC_CONF: 'zero:true' },
      stdio: ['pipe', 'inherit', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
    if (r.status !== 0) throw new Error(`writing ${path} failed: ${r.error?.message ?? r.stderr?.toString().trim()}`);
    renameSync(tmp, path);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export type { Table };
