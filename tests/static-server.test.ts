/**
 * The static server (scripts/lib/static-server.ts) against hostile requests,
 * over raw sockets: malformed paths are 400 and the server goes on, other
 * methods 405, links out of the root are never followed, Range headers are
 * handled as common servers do.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { byteRange, serveStatic, type StaticServer } from '../scripts/lib/static-server.ts';

const SECRET = 'SECRET-OUTSIDE-THE-SITE';
let server: StaticServer;
let port: number;
const work = mkdtempSync(join(tmpdir(), 'static-'));

/** Sends raw bytes, returns the status code and the raw response. */
function raw(request: string): Promise<{ status: number; text: string }> {
  return new Promise((ok, fail) => {
    const s = connect(port, '127.0.0.1');
    let buf = '';
    s.on('data', (d) => { buf += d.toString('latin1'); });
    s.on('end', () => ok({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(buf)?.[1] ?? 0), text: buf }));
    s.on('error', fail);
    s.write(request); // no half-close: the server answers, then closes (Connection: close)
  });
}
const get = (path: string, headers = '', method = 'GET') => raw(`${method} ${path} HTTP/1.1\r\nHost: x\r\n${headers}Connection: close\r\n\r\n`);

beforeAll(async () => {
  const site = join(work, 'site');
  mkdirSync(join(site, 'sub'), { recursive: true });
  writeFileSync(join(site, 'index.html'), '<h1>home</h1>');
  writeFileSync(join(site, 'data.bin'), '0123456789');
  writeFileSync(join(work, 'secret.txt'), SECRET);
  symlinkSync(join(work, 'secret.txt'), join(site, 'leak.txt'));
  symlinkSync(work, join(site, 'up'));
  symlinkSync('index.html', join(site, 'same.html'));
  server = await serveStatic(site, '/base/');
  port = Number(new URL(server.url).port);
});
afterAll(async () => { await server?.close(); rmSync(work, { recursive: true, force: true }); });

describe('malformed requests', () => {
  it('answers 400 and keeps serving', async () => {
    for (const p of ['/base/%', '/base/%zz', '/base/%C0%AF', '/base/%ED%A0%80', '/base/a%00b', '/%', '/base/%E4%B8']) {
      expect((await get(p)).status, p).toBe(400);
      expect((await get('/base/')).status, `after ${p}`).toBe(200);
    }
    expect((await raw('GARBAGE\r\n\r\n')).status).toBe(400);
    expect((await get('/base/')).status).toBe(200);
  });

  it('answers 405 to methods other than GET and HEAD', async () => {
    for (const m of ['POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH']) {
      const r = await get('/base/', 'Content-Length: 0\r\n', m);
      expect(r.status, m).toBe(405);
      expect(r.text).toMatch(/allow: GET, HEAD/i);
    }
    expect((await get('/base/', '', 'HEAD')).status).toBe(200);
  });
});

describe('links', () => {
  it('never serves a file outside the root through a link or ..', async () => {
    for (const p of ['/base/leak.txt', '/base/up/secret.txt', '/base/../secret.txt', '/base/%2E%2E/secret.txt', '/base/..%2Fsecret.txt']) {
      const r = await get(p);
      expect(r.status, p).toBe(404);
      expect(r.text.includes(SECRET), p).toBe(false);
    }
    expect((await get('/base/same.html')).status).toBe(200);
  });
});

describe('ranges', () => {
  it('serves one valid range, 416 for an unsatisfiable one, and ignores a malformed one', async () => {
    const part = await get('/base/data.bin', 'Range: bytes=2-4\r\n');
    expect(part.status).toBe(206);
    expect(part.text.endsWith('234')).toBe(true);
    expect((await get('/base/data.bin', 'Range: bytes=-3\r\n')).text.endsWith('789')).toBe(true);
    expect((await get('/base/data.bin', 'Range: bytes=20-\r\n')).status).toBe(416);
    for (const h of ['bytes=5-2', 'bytes=abc', 'bytes=-', 'items=0-1', 'bytes=0-1,4-5', 'bytes= 1 - 2x']) {
      const r = await get('/base/data.bin', `Range: ${h}\r\n`);
      expect(r.status, h).toBe(200);
      expect(r.text.endsWith('0123456789'), h).toBe(true);
    }
  });

  it('parses as RFC 9110 says', () => {
    expect(byteRange('bytes=0-99999999999999999999', 10)).toEqual([0, 9]);
    expect(byteRange('bytes=-0', 10)).toBe('unsatisfiable');
    expect(byteRange('bytes=0-', 0)).toBe('unsatisfiable');
    expect(byteRange('bytes=9-9', 10)).toEqual([9, 9]);
  });
});
