/**
 * Parse throughput on one core: reports/s and MB/s of `parseFile` over a
 * generated corpus of mixed layouts (the imagined ones and those seen in real
 * reports: crawl, pdftext, markdown, cms) and encodings (50,000 reports; 5,000
 * with `quick`), by layout, and over the embedded corpus data/ (parsed repeatedly).
 * Input is held in memory, so the figures exclude disk I/O. Goal: ≥ 2,000 reports/s.
 *
 *   npx node scripts/bench/parse.ts [--quick]
 */
import { readFileSync } from 'node:fs';
import { parseFile } from '../../src/lib/parse/report.ts';
import { generateCorpus } from '../lib/synth/corpus.ts';
import { listCorpus } from '../../src/lib/dataset/corpus.ts';

export const GOAL_REPORTS_PER_S = 2000;

export interface ParseBenchRow {
  corpus: string; reports: number; mb: number; seconds: number; cpuSeconds: number;
  /** Throughput per CPU second (user+system of this process): robust when other jobs share the machine. */
  reportsPerCpuS: number; mbPerCpuS: number; reportsPerS: number; msPerReport: number;
}
export interface ParseBenchResult { name: 'parse'; rows: ParseBenchRow[]; goal: number; ok: boolean; statuses: Record<string, number> }

function row(corpus: string, reports: number, bytes: number, ms: number, cpuMs: number): ParseBenchRow {
  const s = ms / 1000, c = cpuMs / 1000;
  return {
    corpus, reports, mb: +(bytes / 1e6).toFixed(1), seconds: +s.toFixed(2), cpuSeconds: +c.toFixed(2),
    reportsPerCpuS: Math.round(reports / c), mbPerCpuS: +((bytes / 1e6) / c).toFixed(2),
    reportsPerS: Math.round(reports / s), msPerReport: +(cpuMs / reports).toFixed(3),
  };
}

/** CPU milliseconds (user + system) used by this process so far. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

export async function run({ quick = false }: { quick?: boolean; workDir?: string } = {}): Promise<ParseBenchResult> {
  const n = quick ? 5000 : 50_000;
  let t = performance.now();
  // keep only what parsing needs (not the truth or the text), so the heap stays small
  const corpus: { file: string; bytes: Uint8Array; layout: string }[] = [];
  for (const r of generateCorpus({ seed: 1, count: n })) corpus.push({ file: r.file, bytes: r.bytes, layout: r.truth.layout });
  const genMs = performance.now() - t;
  const genBytes = corpus.reduce((s, r) => s + r.bytes.length, 0);
  console.log(`generated ${n} reports (${(genBytes / 1e6).toFixed(1)} MB) in memory in ${(genMs / 1000).toFixed(1)} s (${Math.round(n / (genMs / 1000))} reports/s)`);

  // warm-up: let the JIT settle
  for (const r of corpus.slice(0, 300)) parseFile(r.bytes, r.file);

  const statuses: Record<string, number> = {};
  const t0 = performance.now(), c0 = cpuMs();
  for (const r of corpus) {
    const { report } = parseFile(r.bytes, r.file);
    statuses[report.status] = (statuses[report.status] ?? 0) + 1;
  }
  const rows: ParseBenchRow[] = [row(`generated ${n} (all layouts)`, n, genBytes, performance.now() - t0, cpuMs() - c0)];
  // by layout: each layout's reports in one timed pass
  const layouts = [...new Set(corpus.map((r) => r.layout))].sort();
  for (const layout of layouts) {
    const part = corpus.filter((r) => r.layout === layout);
    const t = performance.now(), c = cpuMs();
    for (const r of part) parseFile(r.bytes, r.file);
    rows.push(row(`  layout ${layout}`, part.length, part.reduce((s, r) => s + r.bytes.length, 0), performance.now() - t, cpuMs() - c));
  }

  // embedded corpus, parsed repeatedly for a stable figure
  const dataDir = 'data';
  // The files the build reads (sub-folders included; SOURCES.tsv, READMEs… skipped as the build skips them).
  const files = listCorpus(dataDir).filter((e) => e.status === 'read').map((e) => ({ file: e.file, bytes: readFileSync(e.abs) }));
  if (files.length) {
    const reps = quick ? 100 : 400;
    for (const f of files) parseFile(f.bytes, f.file);
    t = performance.now();
    const c = cpuMs();
    for (let i = 0; i < reps; i++) for (const f of files) parseFile(f.bytes, f.file);
    rows.push(row(`embedded data/ (${files.length} files × ${reps})`, files.length * reps, files.reduce((s, f) => s + f.bytes.length, 0) * reps, performance.now() - t, cpuMs() - c));
  }

  console.table(rows);
  const rate = rows[0].reportsPerCpuS;
  const ok = rate >= GOAL_REPORTS_PER_S;
  console.log(`parse throughput: ${rate} reports per CPU second, ${rows[0].mbPerCpuS} MB/s on one core (wall clock: ${rows[0].reportsPerS} reports/s; load average ${(await import('node:os')).loadavg()[0].toFixed(2)}) — goal ≥ ${GOAL_REPORTS_PER_S} reports/s: ${ok ? 'met' : 'MISSED'}`);
  console.log(`statuses of the generated corpus: ${JSON.stringify(statuses)}; heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB, rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
  return { name: 'parse', rows, goal: GOAL_REPORTS_PER_S, ok, statuses };
}

if (import.meta.url === `file://${process.argv[1]}`) await run({ quick: process.argv.includes('--quick') });
