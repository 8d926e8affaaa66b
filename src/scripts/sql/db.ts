/**
 * The in-browser DuckDB session: self-hosted DuckDB-WASM in a worker, the
 * dataset attached read-only over HTTP (range requests, only the blocks a
 * query needs), contract tables and the convenience views (stored in the
 * file) reachable by name (`USE ds`). No extension is ever downloaded. The
 * worker is usually already running, started from the page's <head> (see
 * lib/sql/bundles.ts), with the engine compiled in a code-cacheable way.
 *
 * Only the site's own dataset can be read, whatever SQL runs (a shared `?sql=`
 * link runs on load): after attaching, external access (ATTACH, read_csv,
 * COPY … TO, any URL or file) is switched off, so are extension install and
 * autoload and community extensions, and the configuration is locked, so no
 * query can switch any of it back (SET custom_extension_repository …). The
 * worker is started from a `blob:` URL, so it inherits the page's
 * Content-Security-Policy (src/lib/csp.ts): its connect-src holds for the
 * engine's own requests too. The boot script (scripts/duckdb/boot.js) starts
 * it the same way.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import { bundleUrls } from '../../lib/sql/bundles.ts';
import type { Cell, ResultData } from '../../lib/sql/export.ts';

export interface LoadProgress { phase: 'wasm' | 'attach' | 'ready'; loaded?: number; total?: number }
export interface QueryResult extends ResultData {
  ms: number; truncated: boolean; types: string[];
  /** Shown from the browser's store of earlier results (result-cache.ts), not run now. */
  cached?: boolean;
}

const DATASET_FILE = 'dataset.duckdb';

/** After attaching: nothing but the attached dataset can be read, and no query can change that. */
export const LOCKDOWN = [
  'SET allow_community_extensions = false',
  'SET enable_external_access = false',
  'SET lock_configuration = true',
];
/**
 * A worker running `url` (ours, see scripts/duckdb/worker.js) from a `blob:`
 * URL: a blob worker inherits the page's CSP, a same-origin worker URL would
 * get its own (none on Pages). `nianbaoBase` tells it where its files are.
 */
function blobWorker(url: string): Worker {
  const src = `self.nianbaoBase=${JSON.stringify(url)};importScripts(${JSON.stringify(url)});`;
  const blob = URL.createObjectURL(new Blob([src], { type: 'text/javascript' }));
  const worker = new Worker(blob);
  URL.revokeObjectURL(blob);
  return worker;
}

const mark = (name: string) => { try { performance.mark(name); } catch { /* no User Timing */ } };

/** Rows kept in memory for display and export; the rest is counted as truncated. */
export const MAX_ROWS = 200_000;

export class CancelledError extends Error { constructor() { super('查询已取消'); } }

export interface SessionOptions { base: string; datasetUrl: string; onProgress?: (p: LoadProgress) => void }

export class SqlSession {
  private db?: duckdb.AsyncDuckDB;
  private worker?: Worker;
  private conn?: duckdb.AsyncDuckDBConnection;
  private ready?: Promise<void>;
  private running = false;
  private cancelled = false;
  private abortRun?: (e: unknown) => void;

  constructor(private opts: SessionOptions) {}

  /** Starts (or restarts) DuckDB; resolves when the dataset is attached. */
  start(): Promise<void> {
    this.ready = this.init();
    return this.ready;
  }

  private async init() {
    const abs = (u: string) => new URL(u, location.href).href;
    const urls = bundleUrls(this.opts.base);
    const bundle = await duckdb.selectBundle({
      eh: { mainModule: abs(urls.eh.mainModule), mainWorker: abs(urls.eh.mainWorker) },
      mvp: { mainModule: abs(urls.mvp.mainModule), mainWorker: abs(urls.mvp.mainWorker) },
    });
    mark('sql:start');
    // The worker the page's boot script started from <head> (engine already downloading), once.
    const boot = (self as { nianbaoDuckdb?: { url: string; worker: Worker } }).nianbaoDuckdb;
    delete (self as { nianbaoDuckdb?: unknown }).nianbaoDuckdb;
    if (boot && boot.url === bundle.mainWorker) {
      this.worker = boot.worker;
      mark('sql:boot-worker');
    } else {
      boot?.worker.terminate();
      this.worker = blobWorker(bundle.mainWorker!);
    }
    this.db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), this.worker);
    await this.db.instantiate(bundle.mainModule, bundle.pthreadWorker, (p) => {
      this.opts.onProgress?.({ phase: 'wasm', loaded: p.bytesLoaded, total: p.bytesTotal });
    });
    mark('sql:wasm');
    await this.db.open({
      query: { castBigIntToDouble: true, castDecimalToDouble: true, castTimestampToDate: true },
      // Read only the blocks a query needs, with range requests. Without an explicit
      // forceFullHTTPReads: false, DuckDB-WASM 1.32 downloads the whole file on ATTACH.
      // Full reads stay allowed as a fallback for servers without range support.
      filesystem: { forceFullHTTPReads: false, allowFullHTTPReads: true },
    });
    this.opts.onProgress?.({ phase: 'attach' });
    mark('sql:instantiated');
    this.conn = await this.db.connect();
    // Registered as an HTTP file: DuckDB-WASM's own file system then reads it with range requests.
    await this.db.registerFileURL(DATASET_FILE, abs(this.opts.datasetUrl), duckdb.DuckDBDataProtocol.HTTP, false);
    // One round trip: never fetch extensions from the internet (a query needing one fails with
    // DuckDB's message), attach the dataset, make its tables and views the default (the views
    // are stored in the file by src/lib/dataset/build.ts, so nothing is created here), then lock down.
    await this.conn.query([
      'SET autoinstall_known_extensions = false',
      'SET autoload_known_extensions = false',
      `ATTACH '${DATASET_FILE}' AS ds (READ_ONLY)`,
      'USE ds',
      ...LOCKDOWN,
    ].join(';\n'));
    mark('sql:attached');
    this.opts.onProgress?.({ phase: 'ready' });
  }

  get busy() { return this.running; }

  private side?: Promise<duckdb.AsyncDuckDBConnection>;

  /**
   * A small query on a second connection, beside the user's (e.g. the pages of
   * the report ids on screen); never cancelled, never counted as a run.
   */
  async lookup(sql: string): Promise<Cell[][]> {
    await this.ready;
    const db = this.db!;
    // Names resolve in the dataset, as on the user's connection (USE is per connection).
    this.side ??= db.connect().then(async (c) => { await c.query('USE ds'); return c; });
    const table = await (await this.side).query(sql);
    const types = table.schema.fields.map((f) => String(f.type));
    return table.toArray().map((row) => table.schema.fields.map((f, i) => plain((row as Record<string, unknown>)[f.name], types[i])));
  }

  /** Runs one SQL text (several statements allowed; DuckDB returns the last one's result). */
  async run(sql: string): Promise<QueryResult> {
    if (!this.ready) this.start();
    await this.ready;
    this.running = true;
    this.cancelled = false;
    // Settles the run even if the worker is terminated under it (see restart()).
    const aborted = new Promise<never>((_, reject) => { this.abortRun = reject; });
    try {
      return await Promise.race([this.execute(sql), aborted]);
    } catch (e) {
      // DuckDB reports an interrupted query as an error; after cancel() that is expected.
      if (this.cancelled) throw new CancelledError();
      if (isFatal(e)) {
        // The wasm instance is unusable (e.g. out of memory): start a fresh one for the next query.
        this.running = false;
        void this.restart().catch(() => { /* reported by the next run */ });
        throw new Error(`${e instanceof Error ? e.message : String(e)}\n查询引擎已崩溃并正在重新启动,可以再次运行。`);
      }
      throw e;
    } finally {
      this.running = false;
      this.abortRun = undefined;
    }
  }

  private async execute(sql: string): Promise<QueryResult> {
    const t0 = performance.now();
    const reader = await this.conn!.send(sql, true);
    let columns: string[] = [];
    let types: string[] = [];
    const rows: Cell[][] = [];
    let truncated = false;
    for await (const batch of reader) {
      if (this.cancelled) throw new CancelledError();
      if (!columns.length) {
        columns = batch.schema.fields.map((f) => f.name);
        types = batch.schema.fields.map((f) => String(f.type));
      }
      if (rows.length >= MAX_ROWS) { truncated = true; continue; }
      const cols = batch.schema.fields.map((_, i) => batch.getChildAt(i)!);
      for (let r = 0; r < batch.numRows && rows.length < MAX_ROWS; r++) {
        rows.push(cols.map((c, i) => plain(c.get(r), types[i])));
      }
      if (rows.length >= MAX_ROWS && batch.numRows) truncated = true;
    }
    if (this.cancelled) throw new CancelledError();
    if (!columns.length) columns = reader.schema?.fields.map((f) => f.name) ?? [];
    return { columns, rows, types, ms: performance.now() - t0, truncated };
  }

  /**
   * Cancels the running query. Asks DuckDB first; if the worker does not
   * answer in time it is terminated and the session restarted.
   */
  async cancel(): Promise<void> {
    if (!this.running) return;
    this.cancelled = true;
    const asked = this.conn?.cancelSent().catch(() => false) ?? Promise.resolve(false);
    const ok = await Promise.race([asked, new Promise<false>((r) => setTimeout(() => r(false), 1500))]);
    if (!ok && this.running) await this.restart();
  }

  /** Terminates the worker and starts afresh (wasm comes from the HTTP cache). */
  async restart(): Promise<void> {
    try { this.worker?.terminate(); } catch { /* already gone */ }
    this.abortRun?.(new CancelledError());
    this.running = false;
    this.db = undefined; this.conn = undefined; this.side = undefined;
    await this.start();
  }
}

/** Errors after which the wasm instance cannot be trusted. */
function isFatal(e: unknown): boolean {
  const m = e instanceof Error ? `${e.name} ${e.message}` : String(e);
  return /RuntimeError|memory access out of bounds|unreachable executed|Aborted\(/i.test(m);
}

/** Arrow value → plain JSON-able cell. */
export function plain(v: unknown, type: string): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') {
    if (type.startsWith('Date')) return new Date(v).toISOString().slice(0, 10);
    if (type.startsWith('Timestamp')) return new Date(v).toISOString().replace('T', ' ').replace(/\.000Z$|Z$/, '');
    return Number.isFinite(v) ? v : String(v);
  }
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (v instanceof Date) return v.toISOString();
  if (v instanceof Uint8Array) return Array.from(v, (b) => b.toString(16).padStart(2, '0')).join('');
  const j = (v as { toJSON?: () => unknown }).toJSON ? (v as { toJSON: () => unknown }).toJSON() : v;
  return JSON.stringify(j, (_k, x) => (typeof x === 'bigint' ? x.toString() : x));
}
