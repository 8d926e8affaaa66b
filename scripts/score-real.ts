/**
 * `npx node scripts/score-real.ts [DIR]`: parse every real report in DIR
 * (default data/real) the way the build does (cross-year evidence included),
 * score the ones with hand-read truth, and print statuses and cell counts.
 * `-v` lists every cell that is not right.
 */
import { loadTruths, parseFolder, scoreReport } from './lib/real-truth.ts';

const args = process.argv.slice(2);
const verbose = args.includes('-v');
const dir = args.find((a) => !a.startsWith('-')) ?? 'data/real';

const reports = await parseFolder(dir);

const statuses: Record<string, number> = {};
for (const r of reports) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
console.log(`${reports.length} reports:`, statuses);
for (const r of verbose ? reports : []) {
  if (r.status === 'ok') continue;
  const why = r.error ?? r.checks.filter((c) => !c.passed).map((c) => `${c.check}: ${c.detail.slice(0, 160)}`).join(' | ');
  console.log(`  ${r.status.padEnd(8)} ${r.source_file}  ${why}`);
}

let right = 0, missing = 0, wrong = 0, okWrong = 0;
for (const t of loadTruths()) {
  const r = reports.find((x) => x.source_file === t.file);
  if (!r) { console.log(`no report for ${t.file}`); continue; }
  const s = scoreReport(r, t);
  right += s.right; missing += s.missing; wrong += s.wrong;
  if (r.status === 'ok') okWrong += s.wrong;
  const flag = s.wrong ? ' WRONG' : s.missing ? ' missing' : '';
  console.log(`${t.file.padEnd(24)} ${r.status.padEnd(8)} right ${s.right} missing ${s.missing} wrong ${s.wrong}${flag}${s.meta.length ? '  meta: ' + s.meta.join('; ') : ''}`);
  if (verbose) for (const c of s.cells) if (c.verdict !== 'right') console.log(`    ${c.verdict.padEnd(7)} ${c.table}/${c.cell} truth ${c.truth} got ${c.got}`);
}
const total = right + missing + wrong;
console.log(`cells: ${total}, right ${right} (${((100 * right) / total).toFixed(2)}%), missing ${missing}, wrong ${wrong}, wrong in ok reports ${okWrong}`);

