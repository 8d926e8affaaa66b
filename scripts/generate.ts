/**
 * Synthetic report generator.
 *
 *   npx node scripts/generate.ts --count N --out DIR [--seed S] [--layout L] [--truth-out DIR2] [--no-truth] [--pdf]
 *
 * Writes N reports (`.txt` / `.html` / `.htm` / `.md`, mixed layouts and
 * encodings) to DIR and, for each, `<name>.truth.json` (the expected parse) to
 * DIR2 (default DIR). `--layout L` writes only that layout (e.g. a small sample
 * to inspect: `--layout crawl --count 5 --out /tmp/x`). With `--pdf` each
 * report is written as a PDF instead (`layouts/pdf.ts`; its truth gives the
 * page of every value, and no line). Refuses to write into the embedded corpus `data/`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { generateCorpus } from './lib/synth/corpus.ts';
import type { LayoutName } from './lib/synth/layouts/out.ts';
import { LAYOUTS, REPORT_FILE, type SynthReport } from './lib/synth/report.ts';
import { pdfVariant, renderPdf } from './lib/synth/layouts/pdf.ts';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const usage = `usage: generate.ts --count N --out DIR [--seed S] [--layout ${LAYOUTS.join('|')}] [--truth-out DIR] [--no-truth]`;
const count = Number(arg('--count') ?? 100);
const out = arg('--out');
const seed = Number(arg('--seed') ?? 1);
const layout = arg('--layout') as LayoutName | undefined;
const noTruth = process.argv.includes('--no-truth');
const asPdf = process.argv.includes('--pdf');
if (!out || !Number.isFinite(count) || count < 0 || !Number.isFinite(seed) || (layout !== undefined && !LAYOUTS.includes(layout))) {
  console.error(usage);
  process.exit(2);
}
const outDir = resolve(out);
const truthDir = resolve(arg('--truth-out') ?? out);
const dataDir = resolve('data');
for (const d of [outDir, truthDir]) {
  if (d === dataDir || d.startsWith(dataDir + '/')) {
    console.error(`refusing to write synthetic reports into the embedded corpus (${dataDir})`);
    process.exit(2);
  }
}
mkdirSync(outDir, { recursive: true });
mkdirSync(truthDir, { recursive: true });

const t0 = performance.now();
let bytes = 0;
let n = 0;
/** The report as a PDF: its text layout's truth, with pages instead of lines. */
async function pdfOf(r: SynthReport, i: number): Promise<SynthReport> {
  const { bytes, keyPage } = await renderPdf(r.doc, pdfVariant(i, r.truth.title));
  const file = r.file.replace(REPORT_FILE, '.pdf');
  const paged = <T extends { value: number | null; line: number | null }>(rows: T[], key: (t: T) => string) =>
    rows.map((t) => ({ ...t, line: null, page: keyPage.get(key(t)) ?? null }));
  const t = r.truth;
  const truth = {
    ...t, file,
    active_disclosure: paged(t.active_disclosure, (x) => `a.${x.item}.${x.metric}`),
    applications: paged(t.applications, (x) => `p.${x.row}.${x.applicant}`),
    reviews: paged(t.reviews, (x) => `r.${x.proceeding}.${x.outcome}`),
  };
  return { ...r, file, bytes, truth };
}

const force = asPdf ? () => ({ layout: 'tabs' as LayoutName }) : layout ? () => ({ layout }) : undefined;
for (const g of generateCorpus({ seed, count, ...(force ? { force } : {}) })) {
  const r = asPdf ? await pdfOf(g, n) : g;
  writeFileSync(join(outDir, r.file), r.bytes);
  if (!noTruth) writeFileSync(join(truthDir, r.file.replace(/\.(txt|html?|md|pdf)$/, '.truth.json')), JSON.stringify(r.truth));
  bytes += r.bytes.length;
  n++;
}
const s = (performance.now() - t0) / 1000;
console.log(`generated ${n} reports (${(bytes / 1e6).toFixed(1)} MB) into ${outDir} in ${s.toFixed(1)} s (${Math.round(n / s)} reports/s)`);
