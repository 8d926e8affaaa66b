/**
 * Parse throughput of the working tree against another commit, measured at
 * the same time: one run of the machine's bench swings by ±10% here, so two
 * versions timed one after the other cannot be told apart by less.
 *
 *   npx node scripts/bench-compare.ts <rev> [rounds=2] [--quick]
 *
 * Checks `rev` out in a temporary worktree (sharing node_modules), then runs
 * `scripts/bench/parse.ts` of both trees at once, each pinned to one core
 * (`taskset`), and swaps the cores each round. Prints each round's reports
 * per CPU second for the mixed corpus, each layout and the embedded data/,
 * and the ratio; the logs stay in bench-out/compare/.
 */
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const [rev, roundsArg] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (!rev) {
  console.error('usage: npx node scripts/bench-compare.ts <rev> [rounds] [--quick]');
  process.exit(2);
}
const rounds = Number(roundsArg ?? 2);
const quick = process.argv.includes('--quick');
const here = resolve('.');
const logs = join(here, 'bench-out', 'compare');
mkdirSync(logs, { recursive: true });
const base = mkdtempSync(join(tmpdir(), 'bench-base-'));
execFileSync('git', ['worktree', 'add', '--detach', '-f', base, rev], { stdio: 'ignore' });
symlinkSync(join(here, 'node_modules'), join(base, 'node_modules'));

/** One parse bench in `dir` on core `core`; its log's text. */
function bench(dir: string, core: number, log: string): Promise<string> {
  return new Promise((done, fail) => {
    const args = ['-c', String(core), process.execPath, 'scripts/bench/parse.ts', ...(quick ? ['--quick'] : [])];
    const child = spawn('taskset', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { out += d; });
    child.on('error', fail);
    child.on('close', (code) => {
      writeFileSync(log, out);
      if (code === 0) done(out); else fail(new Error(`bench in ${dir} exited ${code}: see ${log}`));
    });
  });
}

/** reports per CPU second by corpus row of the bench's table. */
function rates(out: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const line of out.split('\n')) {
    const cells = line.split('│').map((c) => c.trim());
    if (cells.length < 9 || !/^\d+$/.test(cells[1])) continue;
    m.set(cells[2].replace(/^'|'$/g, '').trim(), Number(cells[7]));
  }
  return m;
}

try {
  for (let r = 1; r <= rounds; r++) {
    const [coreBase, coreHere] = r % 2 ? [0, 1] : [1, 0];
    const [a, b] = await Promise.all([
      bench(base, coreBase, join(logs, `round${r}-${rev.replace(/\W/g, '_')}.txt`)),
      bench(here, coreHere, join(logs, `round${r}-worktree.txt`)),
    ]);
    const ra = rates(a), rb = rates(b);
    console.log(`round ${r} (${rev} on core ${coreBase}, working tree on core ${coreHere}):`);
    for (const [name, x] of ra) {
      const y = rb.get(name);
      if (y) console.log(`  ${name.padEnd(36)} ${String(x).padStart(5)} → ${String(y).padStart(5)}  ×${(y / x).toFixed(3)}`);
    }
  }
} finally {
  execFileSync('git', ['worktree', 'remove', '--force', base], { stdio: 'ignore' });
  rmSync(base, { recursive: true, force: true });
  execFileSync('git', ['worktree', 'prune'], { stdio: 'ignore' });
}
