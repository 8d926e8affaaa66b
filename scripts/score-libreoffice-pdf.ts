/**
 * The 30 hand-read real reports typed into Word (tests/fixtures/word/real-report.ts),
 * exported to PDF by LibreOffice Writer, read back by `parseInput`: every hand-read
 * cell compared. A PDF producer with Word's table geometry that CI does not install
 * (needs `soffice`, Debian's libreoffice-writer-nogui); PDFs are cached in /tmp/lo30.
 * With `--text`, the same PDFs are also read as the text other tools extract from
 * them (poppler's pdftotext in its default order, -layout and -raw; mupdf's mutool;
 * needs poppler-utils and mupdf-tools), each text parsed as a `.txt`.
 *
 *   npx node scripts/score-libreoffice-pdf.ts [plain|split] [--text]   (split: the application table in two Word tables)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { parseFile, parseInput } from '../src/lib/parse/report.ts';
import type { Report } from '../src/lib/types.ts';
import { loadTruth, reportDocx, TRUTH_DIR } from '../tests/fixtures/word/real-report.ts';

const CODES = ['natural_person', 'commercial', 'research', 'social_org', 'legal_service', 'other_org', 'total'];
const PROCS = ['review', 'suit_direct', 'suit_after_review'], OUTS = ['upheld', 'corrected', 'other', 'pending', 'total'];

function reportCells(r: Report): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of r.applications) if (a.value !== null) out[`applications.${a.row}.${a.applicant}`] = a.value;
  for (const v of r.reviews) if (v.value !== null) out[`reviews.${v.proceeding}.${v.outcome}`] = v.value;
  for (const a of r.active_disclosure) if (a.value !== null) out[`active.${a.item}.${a.metric}`] = a.value;
  return out;
}

function truthCells(name: string): Record<string, number> {
  const t = loadTruth(name);
  const want: Record<string, number> = {};
  for (const [row, vals] of Object.entries(t.applications)) (vals as (number | null)[]).forEach((v, i) => { if (v !== null) want[`applications.${row}.${CODES[i]}`] = v; });
  t.reviews.forEach((v: number | null, i: number) => { if (v !== null) want[`reviews.${PROCS[Math.floor(i / 5)]}.${OUTS[i % 5]}`] = v; });
  for (const [item, ms] of Object.entries(t.active)) for (const [m, v] of Object.entries(ms as Record<string, number | null>)) if (v !== null) want[`active.${item}.${m}`] = v;
  return want;
}

/** Text extractors: the command that writes `pdf`'s text to `txt`. */
const EXTRACTORS: Record<string, (pdf: string, txt: string) => string[]> = {
  'pdftotext': (p, t) => ['pdftotext', p, t],
  'pdftotext -layout': (p, t) => ['pdftotext', '-layout', p, t],
  'pdftotext -raw': (p, t) => ['pdftotext', '-raw', p, t],
  'mutool': (p, t) => ['mutool', 'draw', '-q', '-F', 'txt', '-o', t, p],
};

const dir = '/tmp/lo30'; mkdirSync(dir, { recursive: true });
const names = readdirSync(TRUTH_DIR).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
const tag = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'plain';
const opts = tag === 'split' ? { splitApplications: true } : {};
for (const n of names) if (!existsSync(`${dir}/${n}-${tag}.pdf`)) writeFileSync(`${dir}/${n}-${tag}.docx`, await reportDocx(n, opts as any));
const todo = names.filter((n) => !existsSync(`${dir}/${n}-${tag}.pdf`)).map((n) => `${dir}/${n}-${tag}.docx`);
if (todo.length) execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, ...todo], { stdio: 'ignore' });

const readers: Record<string, (n: string) => Promise<Report>> = {
  'pdf.js': async (n) => (await parseInput(new Uint8Array(readFileSync(`${dir}/${n}-${tag}.pdf`)), `${n}.pdf`)).report,
};
if (process.argv.includes('--text')) {
  for (const [tool, cmd] of Object.entries(EXTRACTORS)) {
    readers[tool] = async (n) => {
      const txt = `${dir}/${n}-${tag}.${tool.replace(/\W+/g, '')}.txt`;
      const [c, ...args] = cmd(`${dir}/${n}-${tag}.pdf`, txt);
      execFileSync(c, args, { stdio: 'ignore' });
      return parseFile(new Uint8Array(readFileSync(txt)), `${n}.txt`).report;
    };
  }
}
for (const [reader, read] of Object.entries(readers)) {
  let right = 0, total = 0, wrong = 0;
  const statuses: Record<string, number> = {};
  for (const n of names) {
    const r = await read(n);
    statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    const got = reportCells(r), want = truthCells(n);
    const bad: string[] = [];
    for (const [k, v] of Object.entries(want)) { total++; if (got[k] === v) right++; else if (got[k] === undefined) bad.push(`miss ${k}`); else { wrong++; bad.push(`WRONG ${k} ${got[k]}≠${v}`); } }
    for (const k of Object.keys(got)) if (!(k in want)) { wrong++; bad.push(`EXTRA ${k}=${got[k]}`); }
    if (bad.length && (reader === 'pdf.js' || process.env.VERBOSE)) console.log(' ', reader, n, r.status, bad.length, bad.slice(0, 4).join('; '));
  }
  console.log(JSON.stringify({ reader, tag, total, right, wrong, pct: +(100 * right / total).toFixed(2), statuses }));
}
