/**
 * Self-hosts DuckDB-WASM: copies the eh and mvp bundles (wasm + worker) from
 * node_modules into public/duckdb/ so the SQL page needs no CDN, and writes
 * our early-start worker for each bundle and the page's boot script from the
 * templates in scripts/duckdb/ (see src/lib/sql/bundles.ts). Files already
 * present with the same content are left alone (their dates, and so their
 * HTTP validators, do not change). Runs as `npm run build:assets`.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BOOT_FILE, BUNDLE_FILES, DUCKDB_FILES } from '../src/lib/sql/bundles.ts';

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

let written = 0;
const put = (name: string, text: string) => {
  const to = join(OUT, name);
  if (existsSync(to) && readFileSync(to, 'utf8') === text) return;
  writeFileSync(to, text);
  written++;
};
const workerTemplate = readFileSync('scripts/duckdb/worker.js', 'utf8');
for (const b of Object.values(BUNDLE_FILES)) {
  put(b.worker, workerTemplate
    .replaceAll('__WASM__', b.mainModule)
    .replaceAll('__WORKER__', b.mainWorker)
    .replaceAll('__WASM_BYTES__', String(statSync(join(SRC, b.mainModule)).size)));
}
put(BOOT_FILE, readFileSync('scripts/duckdb/boot.js', 'utf8')
  .replaceAll('__FILES__', JSON.stringify({ eh: BUNDLE_FILES.eh.worker, mvp: BUNDLE_FILES.mvp.worker })));
console.log(`[copy-duckdb] ${copied} of ${DUCKDB_FILES.length} files copied, ${written} of 3 written, to ${OUT}`);
