/**
 * Self-hosts DuckDB-WASM: copies the eh and mvp bundles (wasm + worker) from
 * node_modules into public/duckdb/ so the SQL page needs no CDN. Files already
 * present with the same size are left alone. Runs as `npm run build:assets`.
 */
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DUCKDB_FILES } from '../src/lib/sql/bundles.ts';

const SRC = 'node_modules/@duckdb/duckdb-wasm/dist';
const OUT = process.env.DUCKDB_OUT || 'public/duckdb';

mkdirSync(OUT, { recursive: true });
let copied = 0;
for (const f of DUCKDB_FILES) {
  const from = join(SRC, f);
  const to = join(OUT, f);
  if (!existsSync(from)) throw new Error(`missing ${from}: is @duckdb/duckdb-wasm installed?`);
  if (existsSync(to) && statSync(to).size === statSync(from).size && statSync(to).mtimeMs >= statSync(from).mtimeMs) continue;
  copyFileSync(from, to);
  copied++;
}
console.log(`[copy-duckdb] ${copied} of ${DUCKDB_FILES.length} files copied to ${OUT}`);
