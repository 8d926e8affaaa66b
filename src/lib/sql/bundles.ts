/**
 * The self-hosted DuckDB-WASM bundles: file names under the site's `duckdb/`
 * folder (copied there by scripts/copy-duckdb.ts). `eh` needs WebAssembly
 * exceptions; `mvp` is the fallback. No COI bundle: GitHub Pages sends no
 * cross-origin isolation headers.
 *
 * The page starts each bundle through a small worker of ours (`worker`,
 * written from scripts/duckdb/worker.js) that begins the engine's download
 * and a code-cacheable compilation at once, then runs DuckDB's own worker
 * script (`mainWorker`); BOOT_FILE (from scripts/duckdb/boot.js) starts that
 * worker from the page's <head>, before the page's main script has loaded.
 */
import { joinBase } from '../url.ts';

export const BUNDLE_FILES = {
  eh: { mainModule: 'duckdb-eh.wasm', mainWorker: 'duckdb-browser-eh.worker.js', worker: 'nianbao-eh.worker.js' },
  mvp: { mainModule: 'duckdb-mvp.wasm', mainWorker: 'duckdb-browser-mvp.worker.js', worker: 'nianbao-mvp.worker.js' },
} as const;

export const BOOT_FILE = 'nianbao-boot.js';

/** Files copied from the @duckdb/duckdb-wasm package. */
export const DUCKDB_FILES: string[] = Object.values(BUNDLE_FILES).flatMap((b) => [b.mainModule, b.mainWorker]);

/** Bundle URLs under the site's base path, in the shape `selectBundle` expects (the worker is ours). */
export function bundleUrls(base: string) {
  const u = (f: string) => joinBase(base, 'duckdb/' + f);
  return {
    eh: { mainModule: u(BUNDLE_FILES.eh.mainModule), mainWorker: u(BUNDLE_FILES.eh.worker) },
    mvp: { mainModule: u(BUNDLE_FILES.mvp.mainModule), mainWorker: u(BUNDLE_FILES.mvp.worker) },
  };
}

export const bootUrl = (base: string) => joinBase(base, 'duckdb/' + BOOT_FILE);
