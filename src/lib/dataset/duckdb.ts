/**
 * Parquet (zstd), JSON and the DuckDB database, written with @duckdb/node-api from
 * the one schema definition. The database uses STORAGE_VERSION 'v1.0.0' so that
 * DuckDB-WASM 1.32 can ATTACH it over HTTP; table and column comments carry the
 * data dictionary into it.
 */
import { DuckDBInstance, dateValue, type DuckDBAppender } from '@duckdb/node-api';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
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
 * output), then COPY each to Parquet and JSON and copy all into `dataset.duckdb`.
 */
export async function writeDuck(outDir: string, sorted: Report[], extraSql: string[] = []): Promise<DuckOutputs> {
  const inst = await DuckDBInstance.create(':memory:', { threads: '1' });
  const con = await inst.connect();
  try {
    for (const t of TABLES) {
      await con.run(`CREATE TABLE ${q(t.name)} (${t.columns.map((c) => `${q(c.name)} ${c.type}`).join(', ')})`);
      const app = await con.createAppender(t.name);
      for (const row of tableRows(t, sorted)) {
        for (const c of t.columns) append(app, c, row[c.name]);
        app.endRow();
      }
      app.closeSync();
    }
    const parquet: Record<string, string> = {};
    for (const t of TABLES) {
      const file = join(outDir, `${t.name}.parquet`);
      await con.run(`COPY ${q(t.name)} TO ${lit(file)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)`);
      parquet[t.name] = file;
    }
    // JSON for those who read neither CSV nor Parquet: an array of objects, one per line, NULL as null.
    const json: Record<string, string> = {};
    for (const t of TABLES) {
      const file = join(outDir, `${t.name}.json`);
      await con.run(`COPY ${q(t.name)} TO ${lit(file)} (FORMAT json, ARRAY true)`);
      json[t.name] = file;
    }
    const db = join(outDir, 'dataset.duckdb');
    const tmp = db + '.tmp';
    for (const f of [tmp, tmp + '.wal']) if (existsSync(f)) rmSync(f);
    await con.run(`ATTACH ${lit(tmp)} AS ds (STORAGE_VERSION 'v1.0.0')`);
    for (const t of TABLES) {
      await con.run(`CREATE TABLE ds.${q(t.name)} AS SELECT * FROM ${q(t.name)}`);
      await con.run(`COMMENT ON TABLE ds.${q(t.name)} IS ${lit(`${t.zh} — ${t.en}`)}`);
      for (const c of t.columns) await con.run(`COMMENT ON COLUMN ds.${q(t.name)}.${q(c.name)} IS ${lit(`${c.zh} — ${c.en}`)}`);
    }
    // Views bind their unqualified table names inside the database, whatever name it is attached under.
    if (extraSql.length) {
      await con.run('USE ds');
      for (const sql of extraSql) await con.run(sql.replaceAll('{{db}}', 'ds'));
      await con.run('USE memory');
    }
    await con.run('CHECKPOINT ds');
    await con.run('DETACH ds');
    renameSync(tmp, db);
    return { parquet, json, database: db };
  } finally {
    con.closeSync();
    inst.closeSync();
  }
}

export type { Table };
