// Writes one DuckDB database file from a list of SQL statements, in a process
// of its own (see duckdb.ts, writeDatabaseFile): `node duckdb-file.mjs < job.json`
// with job = { file, statements }. Plain JavaScript so any Node can run it.
import { DuckDBInstance } from '@duckdb/node-api';

const chunks = [];
for await (const c of process.stdin) chunks.push(c);
const { file, statements } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const inst = await DuckDBInstance.create(file, { threads: '1', storage_compatibility_version: 'v1.0.0' });
const con = await inst.connect();
try {
  for (const sql of statements) await con.run(sql);
  await con.run('CHECKPOINT');
} finally {
  con.closeSync();
  inst.closeSync();
}
