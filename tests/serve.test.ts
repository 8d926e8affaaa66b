/**
 * Stopping `npm run serve` stops the server (scripts/serve.ts,
 * scripts/lib/stop-with-parent.ts), with real child processes: Ctrl+C (SIGINT
 * to the job's process group), and SIGTERM to npm alone, each leave no process
 * behind and the port free.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const site = mkdtempSync(join(tmpdir(), 'serve-'));
mkdirSync(site, { recursive: true });
writeFileSync(join(site, 'index.html'), '<h1>ok</h1>');

/** A free port, found by binding to port 0. */
function freePort(): Promise<number> {
  return new Promise((ok) => { const s = createServer(); s.listen(0, '127.0.0.1', () => { const p = (s.address() as { port: number }).port; s.close(() => ok(p)); }); });
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Pids of the processes in group `pgid` (Linux /proc). */
function group(pgid: number): number[] {
  const out: number[] = [];
  for (const p of readdirSync('/proc')) {
    if (!/^\d+$/.test(p)) continue;
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(f[2]) === pgid && f[0] !== 'Z') out.push(Number(p));
    } catch { /* gone */ }
  }
  return out;
}

async function portAnswers(port: number): Promise<boolean> {
  try { return (await fetch(`http://127.0.0.1:${port}/`)).status === 200; } catch { return false; }
}

let child: ChildProcess | undefined;
afterEach(() => {
  // Whatever is left of the job started by this test, by its group id.
  if (child?.pid) { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* all gone */ } }
  child = undefined;
});

async function startServe(): Promise<{ pid: number; port: number }> {
  const port = await freePort();
  child = spawn('npm', ['run', '--silent', 'serve'], { env: { ...process.env, PORT: String(port), SITE_OUT: site, SITE_BASE: '/' }, detached: true, stdio: 'ignore' });
  for (let i = 0; i < 300 && !(await portAnswers(port)); i++) await sleep(100);
  expect(await portAnswers(port)).toBe(true);
  return { pid: child.pid!, port };
}

/** Polls until the job's processes are gone (at most 100 times). */
async function gone(pgid: number): Promise<number[]> {
  for (let i = 0; i < 100 && group(pgid).length; i++) await sleep(100);
  return group(pgid);
}

describe('stopping npm run serve', () => {
  it('Ctrl+C (SIGINT to the job) stops everything and frees the port', async () => {
    const { pid, port } = await startServe();
    process.kill(-pid, 'SIGINT');
    expect(await gone(pid)).toEqual([]);
    expect(await portAnswers(port)).toBe(false);
  }, 60_000);

  it('SIGTERM to npm alone stops the server too (no orphan holding the port)', async () => {
    const { pid, port } = await startServe();
    process.kill(pid, 'SIGTERM');
    expect(await gone(pid)).toEqual([]);
    expect(await portAnswers(port)).toBe(false);
  }, 60_000);
});

process.on('exit', () => rmSync(site, { recursive: true, force: true }));
