/**
 * End-to-end dataset build (`scripts/build-data.ts`) on generated corpora of
 * 1,000 and 50,000 reports (1,000 only with `quick`): wall time and peak
 * memory of the child process tree (summed VmRSS polled from /proc, and the
 * largest single process's max RSS from /usr/bin/time -v when present).
 * Goal: 50,000 reports in under 10 minutes.
 *
 * Corpora go to <workDir>/corpus-<n> (seed 1, no truth files) and the output to
 * <workDir>/generated-<n>/{data,generated}, the layout the SQL benchmark reuses.
 *
 *   npx node scripts/bench/build.ts [--quick] [--work DIR]
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REPORT_FILE } from '../lib/synth/report.ts';

export const GOAL_50K_SECONDS = 600;

export interface BuildBenchRow {
  reports: number; corpusMb: number; seconds: number; reportsPerS: number;
  peakTreeRssMb: number | null; peakProcessRssMb: number | null; outputMb: number; exitCode: number | null;
}
export interface BuildBenchResult { name: 'build'; rows: BuildBenchRow[]; goalSeconds50k: number; ok: boolean }

const TIME = '/usr/bin/time';

function dirBytes(d: string): number {
  let s = 0;
  for (const f of readdirSync(d)) {
    const p = join(d, f);
    const st = statSync(p);
    s += st.isDirectory() ? dirBytes(p) : st.size;
  }
  return s;
}

/** A generated corpus of n reports, made once with the generator CLI. */
export function ensureCorpus(workDir: string, n: number): string {
  const dir = join(workDir, `corpus-${n}`);
  // count the report files of every layout (.txt, .html, .htm, .md)
  const complete = existsSync(dir) && readdirSync(dir).filter((f) => REPORT_FILE.test(f)).length === n;
  if (!complete) {
    rmSync(dir, { recursive: true, force: true });
    const r = spawnSync(process.execPath, ['scripts/generate.ts', '--count', String(n), '--out', dir, '--seed', '1', '--no-truth'], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`generate ${n} failed`);
  }
  return dir;
}

/** Sum of VmRSS over pid and its descendants, in kB. */
function treeRssKb(root: number): number {
  const parent = new Map<number, number>();
  for (const p of readdirSync('/proc')) {
    if (!/^\d+$/.test(p)) continue;
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parent.set(Number(p), ppid);
    } catch { /* gone */ }
  }
  const inTree = (pid: number) => { for (let x = pid, i = 0; x > 1 && i < 64; x = parent.get(x) ?? 0, i++) if (x === root) return true; return false; };
  let kb = 0;
  for (const pid of parent.keys()) {
    if (!inTree(pid)) continue;
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) kb += Number(m[1]);
    } catch { /* gone */ }
  }
  return kb;
}

async function timedBuild(corpus: string, out: string, log: string): Promise<{ seconds: number; treeKb: number; maxRssKb: number | null; code: number | null; tail: string }> {
  rmSync(out, { recursive: true, force: true });
  const env = { ...process.env, CORPUS_DIR: corpus, DATA_OUT: join(out, 'data'), SITE_DATA_OUT: join(out, 'generated'), ASTRO_TELEMETRY_DISABLED: '1' };
  const timeFile = `${log}.time`;
  const useTime = existsSync(TIME);
  // As `npm run build:data` runs it: this Node, its type stripping (no tsx).
  const cmd = useTime ? TIME : process.execPath;
  const args = useTime ? ['-v', '-o', timeFile, process.execPath, 'scripts/build-data.ts'] : ['scripts/build-data.ts'];
  const fd = openSync(log, 'w');
  const t0 = performance.now();
  const child = spawn(cmd, args, { env, stdio: ['ignore', fd, fd] });
  let peak = 0;
  const poll = setInterval(() => { if (child.pid) peak = Math.max(peak, treeRssKb(child.pid)); }, 250);
  const code: number | null = await new Promise((res) => child.on('close', res));
  clearInterval(poll);
  closeSync(fd);
  const seconds = (performance.now() - t0) / 1000;
  const m = useTime && existsSync(timeFile) ? /Maximum resident set size \(kbytes\): (\d+)/.exec(readFileSync(timeFile, 'utf8')) : null;
  const tail = readFileSync(log, 'utf8').split('\n').filter((l) => l && !l.includes('npm warn')).slice(-4).join('\n');
  return { seconds, treeKb: peak, maxRssKb: m ? Number(m[1]) : null, code, tail };
}

export async function run({ quick = false, workDir = 'bench-out' }: { quick?: boolean; workDir?: string } = {}): Promise<BuildBenchResult> {
  workDir = resolve(workDir);
  const sizes = quick ? [1000] : [1000, 50_000];
  const rows: BuildBenchRow[] = [];
  for (const n of sizes) {
    const corpus = ensureCorpus(workDir, n);
    const out = join(workDir, `generated-${n}`);
    console.log(`build:data on ${n} generated reports …`);
    const log = join(workDir, `build-${n}.log`);
    const r = await timedBuild(corpus, out, log);
    console.log(`${r.tail}\n(full log: ${log})`);
    rows.push({
      reports: n, corpusMb: +(dirBytes(corpus) / 1e6).toFixed(1), seconds: +r.seconds.toFixed(1), reportsPerS: Math.round(n / r.seconds),
      peakTreeRssMb: r.treeKb ? Math.round(r.treeKb / 1024) : null, peakProcessRssMb: r.maxRssKb ? Math.round(r.maxRssKb / 1024) : null,
      outputMb: existsSync(out) ? +(dirBytes(out) / 1e6).toFixed(1) : 0, exitCode: r.code,
    });
    if (r.code !== 0) console.error(`build-data exited with ${r.code}`);
  }
  console.table(rows);
  const big = rows.find((r) => r.reports === 50_000);
  const ok = rows.every((r) => r.exitCode === 0) && (!big || big.seconds < GOAL_50K_SECONDS);
  if (big) console.log(`50,000-report build: ${big.seconds} s, peak RSS ${big.peakTreeRssMb} MB (tree) / ${big.peakProcessRssMb} MB (largest process) — goal < ${GOAL_50K_SECONDS / 60} min: ${big.seconds < GOAL_50K_SECONDS ? 'met' : 'MISSED'}`);
  else console.log(`(quick: 50,000-report build skipped; goal < ${GOAL_50K_SECONDS / 60} min)`);
  return { name: 'build', rows, goalSeconds50k: GOAL_50K_SECONDS, ok };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--work');
  await run({ quick: process.argv.includes('--quick'), workDir: i > 0 ? process.argv[i + 1] : 'bench-out' });
}
