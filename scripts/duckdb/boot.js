/*
 * Starts the SQL page's DuckDB worker as soon as the page's <head> is read
 * (template: scripts/copy-duckdb.ts writes it into the site's duckdb/ folder),
 * so the engine downloads and compiles while the page's main script loads.
 * src/scripts/sql/db.ts takes the worker from `self.nianbaoDuckdb`. Picks the
 * bundle the way DuckDB-WASM's selectBundle does: `eh` when the browser has
 * WebAssembly exception handling, else `mvp`. The worker is a `blob:` one that
 * loads ours, so it inherits the page's Content-Security-Policy (its
 * connect-src then holds for the engine's requests too; src/lib/csp.ts).
 */
(() => {
  try {
    const eh = WebAssembly.validate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 8, 1, 6, 0, 6, 64, 25, 11, 11]));
    const bundle = eh ? 'eh' : 'mvp';
    const here = document.currentScript && document.currentScript.src;
    const files = __FILES__;
    const url = new URL(files[bundle], here || location.href).href;
    const src = `self.nianbaoBase=${JSON.stringify(url)};importScripts(${JSON.stringify(url)});`;
    const blob = URL.createObjectURL(new Blob([src], { type: 'text/javascript' }));
    const worker = new Worker(blob);
    URL.revokeObjectURL(blob);
    self.nianbaoDuckdb = { bundle, url, worker, startedAt: performance.now() };
  } catch (e) {
    // The page's own script starts DuckDB instead.
  }
})();
