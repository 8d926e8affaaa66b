/**
 * Synthetic report generator.
 *
 *   npx tsx scripts/generate.ts --count N --out DIR [--seed S] [--truth-out DIR2] [--no-truth] [--pdf]
 *
 * Writes N reports (`.txt` / `.html`, mixed layouts and encodings) to DIR and,
 * for each, `<name>.truth.json` (the expected parse) to DIR2 (default DIR).
 * With `--pdf` each report is written as a PDF instead (`layouts/pdf.ts`; its
 * truth gives the page of every value, and no line).
 * Refuses to write into the embedded corpus `data/`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { generateCorpus } from './lib/synth/corpus.ts';
import { pdfVariant, renderPdf } from './lib/synth/layouts/pdf.ts';
import type { SynthReport } from './lib/synth/report.ts';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const count = Number(arg('--count') ?? 100);
const out = arg('--out');
const seed = Number(arg('--seed') ?? 1);
const noTruth = process.argv.includes('--no-truth');
const asPdf = process.argv.includes('--pdf');
if (!out || !Number.isFinite(count) || count < 0 || !Number.isFinite(seed)) {
  console.error('usage: generate.ts --count N --out DIR [--seed S] [--truth-out DIR] [--no-truth]');
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
  const file = r.file.replace(/\.(txt|html)$/, '.pdf');
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

for (const g of generateCorpus({ seed, count, force: asPdf ? () => ({ layout: 'tabs' }) : undefined })) {
  const r = asPdf ? await pdfOf(g, n) : g;
  writeFileSync(join(outDir, r.file), r.bytes);
  if (!noTruth) writeFileSync(join(truthDir, r.file.replace(/\.(txt|html|pdf)$/, '.truth.json')), JSON.stringify(r.truth));
  bytes += r.bytes.length;
  n++;
}
const s = (performance.now() - t0) / 1000;
console.log(`generated ${n} reports (${(bytes / 1e6).toFixed(1)} MB) into ${outDir} in ${s.toFixed(1)} s (${Math.round(n / s)} reports/s)`);
