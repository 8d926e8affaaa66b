/**
 * Parse throughput on one core: reports/s and MB/s of `parseFile` over a
 * generated corpus of mixed layouts and encodings (50,000 reports; 5,000 with
 * `quick`), by layout, and over the embedded corpus data/ (parsed repeatedly).
 * Input is held in memory, so the figures exclude disk I/O. Goal: ≥ 2,000 reports/s.
 *
 *   npx tsx scripts/bench/parse.ts [--quick]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFile } from '../../src/lib/parse/report.ts';
import { generateCorpus } from '../lib/synth/corpus.ts';

export const GOAL_REPORTS_PER_S = 2000;

export interface ParseBenchRow { corpus: string; reports: number; mb: number; seconds: number; reportsPerS: number; mbPerS: number; msPerReport: number }
export interface ParseBenchResult { name: 'parse'; rows: ParseBenchRow[]; goal: number; ok: boolean; statuses: Record<string, number> }

function row(corpus: string, reports: number, bytes: number, ms: number): ParseBenchRow {
  const s = ms / 1000;
  return {
    corpus, reports, mb: +(bytes / 1e6).toFixed(1), seconds: +s.toFixed(2),
    reportsPerS: Math.round(reports / s), mbPerS: +((bytes / 1e6) / s).toFixed(2), msPerReport: +(ms / reports).toFixed(3),
  };
}

export async function run({ quick = false }: { quick?: boolean; workDir?: string } = {}): Promise<ParseBenchResult> {
  const n = quick ? 5000 : 50_000;
  let t = performance.now();
  const corpus = [...generateCorpus({ seed: 1, count: n })].map((r) => ({ file: r.file, bytes: r.bytes, layout: r.truth.layout }));
  const genMs = performance.now() - t;
  const genBytes = corpus.reduce((s, r) => s + r.bytes.length, 0);
  console.log(`generated ${n} reports (${(genBytes / 1e6).toFixed(1)} MB) in memory in ${(genMs / 1000).toFixed(1)} s (${Math.round(n / (genMs / 1000))} reports/s)`);

  // warm-up: let the JIT settle
  for (const r of corpus.slice(0, 300)) parseFile(r.bytes, r.file);

  const byLayout = new Map<string, { n: number; bytes: number; ms: number }>();
  const statuses: Record<string, number> = {};
  const t0 = performance.now();
  for (const r of corpus) {
    const a = performance.now();
    const { report } = parseFile(r.bytes, r.file);
    const dt = performance.now() - a;
    statuses[report.status] = (statuses[report.status] ?? 0) + 1;
    const l = byLayout.get(r.layout) ?? { n: 0, bytes: 0, ms: 0 };
    l.n++; l.bytes += r.bytes.length; l.ms += dt;
    byLayout.set(r.layout, l);
  }
  const totalMs = performance.now() - t0;
  const rows: ParseBenchRow[] = [row(`generated ${n} (all layouts)`, n, genBytes, totalMs)];
  for (const [layout, l] of [...byLayout].sort()) rows.push(row(`  layout ${layout}`, l.n, l.bytes, l.ms));

  // embedded corpus, parsed repeatedly for a stable figure
  const dataDir = 'data';
  const files = readdirSync(dataDir).filter((f) => !f.startsWith('.')).map((f) => ({ file: f, bytes: readFileSync(join(dataDir, f)) }));
  if (files.length) {
    const reps = quick ? 100 : 400;
    for (const f of files) parseFile(f.bytes, f.file);
    t = performance.now();
    for (let i = 0; i < reps; i++) for (const f of files) parseFile(f.bytes, f.file);
    const ms = performance.now() - t;
    rows.push(row(`embedded data/ (${files.length} files × ${reps})`, files.length * reps, files.reduce((s, f) => s + f.bytes.length, 0) * reps, ms));
  }

  console.table(rows);
  const rate = rows[0].reportsPerS;
  const ok = rate >= GOAL_REPORTS_PER_S;
  console.log(`parse throughput: ${rate} reports/s, ${rows[0].mbPerS} MB/s on one core — goal ≥ ${GOAL_REPORTS_PER_S} reports/s: ${ok ? 'met' : 'MISSED'}`);
  console.log(`statuses of the generated corpus: ${JSON.stringify(statuses)}; heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB, rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
  return { name: 'parse', rows, goal: GOAL_REPORTS_PER_S, ok, statuses };
}

if (import.meta.url === `file://${process.argv[1]}`) await run({ quick: process.argv.includes('--quick') });
