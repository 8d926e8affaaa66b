/**
 * A small static file server for the built site, mounted under the site's base
 * path, with HTTP range requests (DuckDB-WASM reads dataset.duckdb lazily with
 * them). Used by `npm run serve` and by the browser tests.
 *
 * Hostile requests get an answer and the server goes on: a path that does not
 * decode (`/%`, `/%zz`, overlong UTF-8, a NUL) or an unparsable request is 400;
 * methods other than GET and HEAD are 405; nothing outside the root is served,
 * through `..` or through a symbolic link (404); a Range header that is not one
 * valid `bytes=` range is ignored (200, the whole file), an unsatisfiable one
 * is 416, as common servers do (RFC 9110 §14.2).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createReadStream, realpathSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.parquet': 'application/vnd.apache.parquet',
  '.duckdb': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
};

export interface StaticServer { server: Server; url: string; close(): Promise<void> }

/** Serve `root` at `http://127.0.0.1:<port><base>`. `base` must start and end with `/`. */
export async function serveStatic(root: string, base = '/', port = 0): Promise<StaticServer> {
  const rootAbs = resolve(root);
  if (!base.startsWith('/')) base = '/' + base;
  if (!base.endsWith('/')) base += '/';
  const server = createServer((req, res) => {
    try {
      handle(req, res, rootAbs, base);
    } catch {
      if (!res.headersSent) plain(res, 500, 'Internal Server Error'); else res.destroy();
    }
  });
  // A request the HTTP parser rejects (bad request line, header…): 400, and the server goes on.
  server.on('clientError', (_e, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  const addr = server.address();
  const p = typeof addr === 'object' && addr ? addr.port : port;
  return {
    server,
    url: `http://127.0.0.1:${p}${base}`,
    close: () => new Promise<void>((ok) => { server.closeAllConnections(); server.close(() => ok()); }),
  };
}

function plain(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** The decoded path of a request, or null when it does not decode to text without NULs. */
function decodedPath(rawUrl: string): { path: string; pathname: string; search: string } | null {
  let url: URL;
  try { url = new URL(rawUrl, 'http://x'); } catch { return null; }
  let path: string;
  try { path = decodeURIComponent(url.pathname); } catch { return null; }
  if (path.includes('\0')) return null;
  return { path, pathname: url.pathname, search: url.search };
}

function handle(req: IncomingMessage, res: ServerResponse, rootAbs: string, base: string) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'Method Not Allowed', { allow: 'GET, HEAD' });
  const d = decodedPath(req.url ?? '/');
  if (!d) return plain(res, 400, 'Bad Request');
  let path = d.path;
  if (path === base.slice(0, -1)) { res.writeHead(301, { location: base }); res.end(); return; }
  if (!path.startsWith(base)) return notFound(res, rootAbs);
  path = normalize(path.slice(base.length)).replace(/^(\.\.[/\\])+/, '');
  let file = join(rootAbs, path);
  let st = stat(file);
  if (st?.isDirectory()) {
    if (!d.pathname.endsWith('/')) { res.writeHead(301, { location: d.pathname + '/' + d.search }); res.end(); return; }
    file = join(file, 'index.html');
    st = stat(file);
  }
  if (!st || !st.isFile() || !inside(file, rootAbs)) return notFound(res, rootAbs);
  // A strong validator, like GitHub Pages: revisits (and DuckDB's byte ranges) are answered 304.
  const etag = `"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"`;
  const headers: Record<string, string | number> = {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'accept-ranges': 'bytes',
    'access-control-allow-origin': '*',
    'access-control-expose-headers': 'Content-Range, Content-Length, Accept-Ranges, ETag',
    'cache-control': 'no-cache',
    etag,
  };
  if (req.headers['if-none-match'] === etag) { res.writeHead(304, headers); res.end(); return; }
  const range = req.headers.range === undefined ? null : byteRange(req.headers.range, st.size);
  if (range === 'unsatisfiable') {
    res.writeHead(416, { 'content-range': `bytes */${st.size}`, 'content-length': 0 }); res.end(); return;
  }
  if (range) {
    const [start, end] = range;
    res.writeHead(206, { ...headers, 'content-range': `bytes ${start}-${end}/${st.size}`, 'content-length': end - start + 1 });
    if (req.method === 'HEAD') { res.end(); return; }
    send(file, res, { start, end });
    return;
  }
  res.writeHead(200, { ...headers, 'content-length': st.size });
  if (req.method === 'HEAD') { res.end(); return; }
  send(file, res);
}

/**
 * One `bytes=first-last` or `bytes=-suffix` range → [start, end]; 'unsatisfiable'
 * when it starts past the end (or asks for the last 0 bytes); null — ignore the
 * header and send the whole file — when it is not one valid range.
 */
export function byteRange(header: string, size: number): [number, number] | 'unsatisfiable' | null {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (!m[1] && !m[2])) return null;
  if (!m[1]) {
    const n = Number(m[2]);
    if (n === 0 || size === 0) return 'unsatisfiable';
    return [Math.max(0, size - n), size - 1];
  }
  const start = Number(m[1]);
  if (m[2] && Number(m[2]) < start) return null;
  if (start >= size) return 'unsatisfiable';
  return [start, m[2] ? Math.min(Number(m[2]), size - 1) : size - 1];
}

function send(file: string, res: ServerResponse, opts?: { start: number; end: number }) {
  createReadStream(file, opts).on('error', () => res.destroy()).pipe(res);
}

/** Whether the real path of `file` (links followed) lies within the real root. */
function inside(file: string, rootAbs: string): boolean {
  try {
    const real = realpathSync(file), root = realpathSync(rootAbs);
    return real === root || real.startsWith(root + sep);
  } catch {
    return false;
  }
}

function stat(file: string) {
  try { return statSync(file); } catch { return undefined; }
}

function notFound(res: ServerResponse, root: string) {
  const page = join(root, '404.html');
  const st = stat(page);
  res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
  if (st && inside(page, root)) send(page, res); else res.end('404 Not Found');
}
