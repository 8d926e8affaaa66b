/*
 * DuckDB-WASM worker, started early and with a cacheable engine (template:
 * scripts/copy-duckdb.ts writes one per bundle into the site's duckdb/ folder,
 * filling in the file names and the wasm's size).
 *
 * 1. The engine download and its compilation start as soon as this worker
 *    starts, before the page's main script has loaded and asked for them.
 * 2. It is compiled with WebAssembly.compileStreaming straight from the
 *    network Response, so the browser may keep the compiled code in its code
 *    cache (V8 writes it once ~1 MB of optimised code exists; lazy compilation
 *    already makes this step cheap, see docs/deployment.md). (DuckDB-WASM's own
 *    loader pipes the response through a TransformStream for its progress
 *    events; that Response is synthetic and is never code-cached.)
 * 3. Download progress is reported with DuckDB's own INSTANTIATE_PROGRESS
 *    message, read from a clone of the response.
 * Then DuckDB's worker script runs unchanged; its fetch of the wasm and its
 * instantiateStreaming call are answered from the above.
 *
 * The page starts this script inside a `blob:` worker (so the worker keeps the
 * page's Content-Security-Policy, see src/lib/csp.ts), which sets
 * `self.nianbaoBase` to this script's own URL: file names resolve against it.
 */
const nianbaoBase = self.nianbaoBase || self.location.href;
(() => {
  const wasmUrl = new URL('__WASM__', nianbaoBase).href;
  const wasmBytes = __WASM_BYTES__;
  const early = fetch(wasmUrl, { credentials: 'same-origin' });
  const compiled = WebAssembly.compileStreaming(early);
  compiled.catch(() => { /* reported when DuckDB instantiates */ });
  const startedAt = new Date();
  early.then(async (res) => {
    if (!res.ok || !res.body) return;
    const reader = res.clone().body.getReader();
    let loaded = 0;
    let last = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      loaded += value.byteLength;
      const now = Date.now();
      if (now - last < 50) continue;
      last = now;
      // bytesLoaded counts decoded bytes, so the total is the file's own size (not a gzip Content-Length).
      self.postMessage({ messageId: -1, requestId: -1, type: 'INSTANTIATE_PROGRESS',
        data: { startedAt, updatedAt: new Date(), bytesTotal: wasmBytes, bytesLoaded: Math.min(loaded, wasmBytes) } });
    }
  }).catch(() => {});
  const realFetch = self.fetch.bind(self);
  self.fetch = (input, init) => {
    const url = typeof input === 'string' ? new URL(input, nianbaoBase).href : input instanceof URL ? input.href : input.url;
    // DuckDB's own request for the engine: an empty stand-in (the real one is being compiled above).
    if (url === wasmUrl) return Promise.resolve(new Response(null, { status: 200, headers: { 'content-type': 'application/wasm' } }));
    return realFetch(input, init);
  };
  WebAssembly.instantiateStreaming = async (_source, imports) => {
    const module = await compiled;
    const instance = await WebAssembly.instantiate(module, imports);
    return { module, instance };
  };
})();
importScripts(new URL('__WORKER__', nianbaoBase).href);
