/**
 * `npm run parse -- FILE...`: one line of JSON per file (JSON Lines), the
 * `reports` columns at top level and the long tables as arrays. A bad file
 * gives a `failed` line with an `error`; the exit code is non-zero only when a
 * file could not be read at all.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseFile, parseInput } from '../src/lib/parse/report.ts';
import { TABLES } from '../src/lib/schema.ts';
import type { Report } from '../src/lib/types.ts';

/** A report as the contract prints it: the reports columns, then the five long tables (internal fields left out). */
function line(r: Report, over: Record<string, unknown> = {}): string {
  const out: Record<string, unknown> = {};
  for (const c of TABLES.find((t) => t.name === 'reports')!.columns) out[c.name] = (r as unknown as Record<string, unknown>)[c.name] ?? null;
  for (const t of ['active_disclosure', 'applications', 'reviews', 'checks', 'sections'] as const) out[t] = r[t];
  return JSON.stringify({ ...out, ...over });
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: npm run parse -- FILE...');
  process.exit(2);
}
let unreadable = 0;
for (const f of files) {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(f);
  } catch (e) {
    unreadable++;
    // The same shape as every other line: all reports columns (NULL where unknown), empty tables.
    const error = `无法读取文件:${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
    const { report } = parseFile(new Uint8Array(), basename(f));
    process.stdout.write(line(report, { source_sha256: null, encoding: null, status: 'failed', error, checks: [{ check: 'tables_found', passed: false, detail: error, cause: 'source' }] }) + '\n');
    continue;
  }
  const { report } = await parseInput(bytes, basename(f));
  process.stdout.write(line(report) + '\n');
}
process.exitCode = unreadable ? 1 : 0;
