/**
 * Results of earlier queries, kept in the browser (IndexedDB) so that a
 * repeat visit shows its first result before the query engine has started.
 *
 * A result is keyed by the query text and the SHA-256 of dataset.duckdb the
 * page was built with: the published file never changes under a given hash,
 * so a cached result is exactly what the engine would return, never stale.
 * Only single read-only statements without anything time- or chance-dependent
 * (random(), now(), …) are kept, and only results up to MAX_CELLS cells.
 */
import type { QueryResult } from './db.ts';

const DB_NAME = 'nianbao-sql';
const STORE = 'results';
const MAX_ENTRIES = 30;
const MAX_CELLS = 200_000;

interface Entry { key: string; at: number; result: QueryResult }

/** Whether the result of `sql` depends only on the dataset (so it may be reused). */
export function cacheable(sql: string): boolean {
  // Comments and string literals cannot change what the statement does; drop them before looking.
  const code = sql.replace(/--[^\n]*/g, ' ').replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/'(?:[^']|'')*'/g, "''").trim().replace(/;\s*$/, '');
  if (!code || code.includes(';')) return false;
  if (!/^(select|with|from|pivot|unpivot|summarize|describe|show|values|table)\b/i.test(code)) return false;
  return !/\b(random|setseed|uuid|gen_random_uuid|now|current_date|current_time|current_timestamp|today|get_current_time|get_current_timestamp|localtime|localtimestamp|epoch_ms|read_\w+|getvariable|current_setting|pragma)\b/i.test(code);
}

let opened: Promise<IDBDatabase | null> | undefined;
function open(): Promise<IDBDatabase | null> {
  opened ??= new Promise((resolve) => {
    try {
      const req = indexedDB.open(DB_NAME, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'key' });
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => resolve(null);
      req.onblocked = () => resolve(null);
    } catch { resolve(null); }
  });
  return opened;
}

const keyOf = (version: string, sql: string) => `${version}\n${sql.trim()}`;

export async function getCached(version: string, sql: string): Promise<QueryResult | null> {
  if (!version || !cacheable(sql)) return null;
  const db = await open();
  if (!db) return null;
  return new Promise((resolve) => {
    try {
      const req = db.transaction(STORE, 'readonly').objectStore(STORE).get(keyOf(version, sql));
      req.onsuccess = () => resolve((req.result as Entry | undefined)?.result ?? null);
      req.onerror = () => resolve(null);
    } catch { resolve(null); }
  });
}

export async function putCached(version: string, sql: string, result: QueryResult): Promise<void> {
  if (!version || !cacheable(sql) || result.truncated || result.rows.length * Math.max(1, result.columns.length) > MAX_CELLS) return;
  const db = await open();
  if (!db) return;
  await new Promise<void>((resolve) => {
    try {
      const tx = db.transaction(STORE, 'readwrite');
      const store = tx.objectStore(STORE);
      store.put({ key: keyOf(version, sql), at: Date.now(), result } satisfies Entry);
      // Keep the newest entries only (and none for another dataset version).
      const all = store.getAll();
      all.onsuccess = () => {
        const entries = (all.result as Entry[]).sort((a, b) => b.at - a.at);
        entries.forEach((e, i) => { if (i >= MAX_ENTRIES || !e.key.startsWith(version + '\n')) store.delete(e.key); });
      };
      tx.oncomplete = () => resolve();
      tx.onerror = () => resolve();
      tx.onabort = () => resolve();
    } catch { resolve(); }
  });
}
