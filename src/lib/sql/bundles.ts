/**
 * The self-hosted DuckDB-WASM bundles: file names under the site's `duckdb/`
 * folder (copied there by scripts/copy-duckdb.ts). `eh` needs WebAssembly
 * exceptions; `mvp` is the fallback. No COI bundle: GitHub Pages sends no
 * cross-origin isolation headers.
 */
import { joinBase } from '../url.ts';

export const BUNDLE_FILES = {
  eh: { mainModule: 'duckdb-eh.wasm', mainWorker: 'duckdb-browser-eh.worker.js' },
  mvp: { mainModule: 'duckdb-mvp.wasm', mainWorker: 'duckdb-browser-mvp.worker.js' },
} as const;

export const DUCKDB_FILES: string[] = Object.values(BUNDLE_FILES).flatMap((b) => [b.mainModule, b.mainWorker]);

/** Bundle URLs under the site's base path, in the shape `selectBundle` expects. */
export function bundleUrls(base: string) {
  const u = (f: string) => joinBase(base, 'duckdb/' + f);
  return {
    eh: { mainModule: u(BUNDLE_FILES.eh.mainModule), mainWorker: u(BUNDLE_FILES.eh.mainWorker) },
    mvp: { mainModule: u(BUNDLE_FILES.mvp.mainModule), mainWorker: u(BUNDLE_FILES.mvp.mainWorker) },
  };
}
