/**
 * Benchmark orchestrator: `npm run bench` (add `-- --quick` to skip the
 * 50,000-report runs). Imports and runs, in order, every module of
 * scripts/bench/ that exists — parse, build, site, sql, then any other — each
 * exporting `run({ quick, workDir })` and printing its own figures. All work
 * happens under bench-out/ (git-ignored), shared by the modules so that a
 * generated corpus or dataset built by one can be reused by the next.
 * A module that throws is reported and the others still run; the exit code is
 * then non-zero.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ORDER = ['parse', 'build', 'site', 'sql'];
const quick = process.argv.includes('--quick');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const workDir = resolve(process.env.BENCH_DIR ?? 'bench-out');
mkdirSync(workDir, { recursive: true });

const dir = resolve('scripts/bench');
const present = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)) : [];
const names = [...ORDER.filter((n) => present.includes(n)), ...present.filter((n) => !ORDER.includes(n)).sort()]
  .filter((n) => !only || only.includes(n));

console.log(`bench: ${names.join(', ') || '(no modules)'}${quick ? ' (quick)' : ''} — work dir ${workDir}`);
console.log(`machine: ${(await import('node:os')).cpus()[0]?.model ?? '?'} × ${(await import('node:os')).cpus().length}, node ${process.version}`);
const summary: { module: string; seconds: number; status: string }[] = [];
let failed = false;
for (const name of names) {
  console.log(`\n=== ${name} ===`);
  const t0 = performance.now();
  try {
    const mod = await import(pathToFileURL(join(dir, `${name}.ts`)).href);
    if (typeof mod.run !== 'function') throw new Error(`scripts/bench/${name}.ts exports no run()`);
    const result = await mod.run({ quick, workDir });
    if (result !== undefined) writeFileSync(join(workDir, `${name}.json`), JSON.stringify(result, null, 2));
    // Modules that print their figures only through a `report` (sql) print them here.
    if (result !== undefined && typeof mod.report === 'function') console.log(mod.report(result));
    const ok = result && typeof result === 'object' && 'ok' in result ? (result.ok ? 'goals met' : 'goal missed') : 'done';
    summary.push({ module: name, seconds: Math.round((performance.now() - t0) / 100) / 10, status: ok });
  } catch (e) {
    failed = true;
    console.error(`bench ${name} failed:`, e);
    summary.push({ module: name, seconds: Math.round((performance.now() - t0) / 100) / 10, status: `error: ${(e as Error).message}` });
  }
}
console.log('\n=== summary ===');
console.table(summary);
process.exit(failed ? 1 : 0);
