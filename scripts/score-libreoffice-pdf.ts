/**
 * The 30 hand-read real reports typed into Word (tests/fixtures/word/real-report.ts),
 * exported to PDF by LibreOffice Writer, read back by `parseInput`: every hand-read
 * cell compared. A PDF producer with Word's table geometry that CI does not install
 * (needs `soffice`, Debian's libreoffice-writer-nogui); PDFs are cached in /tmp/lo30.
 *
 *   npx node scripts/score-libreoffice-pdf.ts [plain|split]   (split: the application table in two Word tables)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { parseInput } from '../src/lib/parse/report.ts';
import { loadTruth, reportDocx, TRUTH_DIR } from '../tests/fixtures/word/real-report.ts';
function reportCells(r: any): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of r.applications) if (a.value !== null) out[`applications.${a.row}.${a.applicant}`] = a.value;
  for (const v of r.reviews) if (v.value !== null) out[`reviews.${v.proceeding}.${v.outcome}`] = v.value;
  for (const a of r.active_disclosure) if (a.value !== null) out[`active.${a.item}.${a.metric}`] = a.value;
  return out;
}
const dir = '/tmp/lo30'; mkdirSync(dir, { recursive: true });
const names = readdirSync(TRUTH_DIR).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
const opts = process.argv[2] === 'split' ? { splitApplications: true } : {};
const tag = process.argv[2] ?? 'plain';
const CODES = ['natural_person', 'commercial', 'research', 'social_org', 'legal_service', 'other_org', 'total'];
for (const n of names) if (!existsSync(`${dir}/${n}-${tag}.pdf`)) writeFileSync(`${dir}/${n}-${tag}.docx`, await reportDocx(n, opts as any));
const todo = names.filter((n) => !existsSync(`${dir}/${n}-${tag}.pdf`)).map((n) => `${dir}/${n}-${tag}.docx`);
if (todo.length) execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, ...todo], { stdio: 'ignore' });
let right = 0, total = 0, wrong = 0;
for (const n of names) {
  const t = loadTruth(n);
  const { report: r } = await parseInput(new Uint8Array(readFileSync(`${dir}/${n}-${tag}.pdf`)), `${n}.pdf`);
  const got = reportCells(r);
  const want: Record<string, number> = {};
  for (const [row, vals] of Object.entries(t.applications)) (vals as any[]).forEach((v, i) => { if (v !== null) want[`applications.${row}.${CODES[i]}`] = v; });
  t.reviews.forEach((v: any, i: number) => { if (v !== null) want[`reviews.${['review','suit_direct','suit_after_review'][Math.floor(i/5)]}.${['upheld','corrected','other','pending','total'][i%5]}`] = v; });
  for (const [item, ms] of Object.entries(t.active)) for (const [m, v] of Object.entries(ms as any)) if (v !== null) want[`active.${item}.${m}`] = v as number;
  let bad: string[] = [];
  for (const [k, v] of Object.entries(want)) { total++; if (got[k] === v) right++; else if (got[k] === undefined) bad.push(`miss ${k}`); else { wrong++; bad.push(`WRONG ${k} ${got[k]}≠${v}`); } }
  for (const k of Object.keys(got)) if (!(k in want)) { wrong++; bad.push(`EXTRA ${k}=${got[k]}`); }
  if (bad.length) console.log(n, r.status, bad.slice(0, 6).join('; '));
}
console.log({ tag, total, right, wrong, pct: (100 * right / total).toFixed(2) });
