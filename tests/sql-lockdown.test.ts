/**
 * The SQL page's lockdown (LOCKDOWN in src/scripts/sql/db.ts) in DuckDB
 * itself, without the browser's CSP: after it, only the attached dataset can
 * be read — no file, no URL, no ATTACH, no COPY, no extension — and no query
 * can switch that back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCKDOWN } from '../src/scripts/sql/db.ts';

const work = mkdtempSync(join(tmpdir(), 'lockdown-'));
let inst: DuckDBInstance;
let con: DuckDBConnection;

beforeAll(async () => {
  writeFileSync(join(work, 'secret.csv'), 'a,b\n1,2\n');
  const make = await DuckDBInstance.create(join(work, 'ds.duckdb'));
  const c = await make.connect();
  await c.run('CREATE TABLE reports AS SELECT 1 AS n');
  c.closeSync(); make.closeSync();
  inst = await DuckDBInstance.create(':memory:');
  con = await inst.connect();
  await con.run(`ATTACH '${join(work, 'ds.duckdb')}' AS ds (READ_ONLY); USE ds`);
  for (const s of LOCKDOWN) await con.run(s);
});
afterAll(() => { con?.closeSync(); inst?.closeSync(); rmSync(work, { recursive: true, force: true }); });

describe('after the lockdown', () => {
  it('still reads the attached dataset', async () => {
    expect((await con.runAndReadAll('SELECT n FROM reports')).getRowsJS()).toEqual([[1]]);
  });

  const secret = () => join(work, 'secret.csv');
  const refused = [
    () => `SELECT * FROM read_csv('${secret()}')`,
    () => `SELECT * FROM '${secret()}'`,
    () => `SELECT * FROM read_text('${secret()}')`,
    () => `SELECT * FROM glob('${work}/*')`,
    () => `ATTACH '${join(work, 'other.duckdb')}' AS other`,
    () => `COPY (SELECT 1) TO '${join(work, 'out.csv')}'`,
    () => `SELECT * FROM read_csv('http://127.0.0.1:9/x.csv')`,
    () => `LOAD httpfs`,
    () => `INSTALL spatial`,
    () => `SET enable_external_access = true`,
    () => `SET lock_configuration = false`,
    () => `RESET lock_configuration`,
    () => `SET custom_extension_repository = 'http://127.0.0.1:9/'`,
    () => `SET autoinstall_known_extensions = true`,
    () => `SET allow_community_extensions = true`,
  ];
  for (const q of refused) {
    it(`refuses ${q().replace(work, '…')}`, async () => {
      await expect(con.run(q())).rejects.toThrow();
    });
  }
});
