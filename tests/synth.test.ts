/**
 * Synthetic corpus against the parser: a few hundred generated reports across
 * every layout, encoding, line ending and template, each compared value by
 * value with the truth the generator wrote. The imagined layouts and the
 * layouts seen in real reports (crawl, pdftext, markdown, cms) are two
 * corpora, so that adding layouts leaves the first one as it was.
 *
 * - A parsed value that differs from the truth fails (never a wrong number).
 * - A value the parser could not read must be NULL, and then the report must
 *   not be `ok`; damaged reports are never `ok`; picture-only reports `failed`.
 * - Accuracy (right / total) is printed per layout and encoding.
 * - Where the print leaves a cell open (digits run together that every rule
 *   splits more than one way, a lost or moved cell), the truth is NULL and a
 *   number there is a guess, hence wrong.
 * SYNTH_N sets the imagined corpus size (default 300), SYNTH_REAL_N the real
 * layouts' (default 400: 100 a layout, enough to meet their rarer traps),
 * SYNTH_SEED the seed; SYNTH_VIOLATIONS=FILE writes every rule violation
 * (wrong value, status, metadata) to FILE as JSON lines.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APPLICANT_CODES, APPLICANT_PARTS } from '../src/lib/schema.ts';
import { parseFile } from '../src/lib/parse/report.ts';
import type { Report } from '../src/lib/types.ts';
import { compare, type Comparison } from '../scripts/lib/synth/compare.ts';
import { generateCorpus } from '../scripts/lib/synth/corpus.ts';
import { ENCODINGS, IMAGINED_LAYOUTS, LAYOUTS, REAL_LAYOUTS, REPORT_FILE } from '../scripts/lib/synth/report.ts';
import { solve } from '../scripts/lib/synth/split/solve.ts';
import { appRules, kindOf, reviewRules } from '../scripts/lib/synth/split/rules.ts';
import type { Truth } from '../scripts/lib/synth/truth.ts';

const N = Number(process.env.SYNTH_N ?? 300);
const N_REAL = Number(process.env.SYNTH_REAL_N ?? 400);
const SEED = Number(process.env.SYNTH_SEED ?? 20240131);

interface Case { truth: Truth; report: Report; cmp: Comparison }
let dir = '';
const cases: Case[] = [];

/** Imagined layouts: cycle layouts × encodings × line endings × web chrome so that every combination appears. */
function force(i: number) {
  const L = IMAGINED_LAYOUTS;
  const layout = L[i % L.length];
  let encoding = ENCODINGS[Math.floor(i / L.length) % ENCODINGS.length];
  if (layout === 'html' && encoding === 'utf-16le') encoding = 'utf-8-bom';
  const crlf = Math.floor(i / (L.length * ENCODINGS.length)) % 2 === 1;
  const web = layout !== 'tabs' && i % 3 === 0;
  return { layout, encoding, crlf, web };
}

/** HTML has no line provenance. */
const HTML = new Set(['html', 'cms']);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'synth-test-'));
  // the real layouts take the encodings and line ends their tools write
  const corpora = [
    generateCorpus({ seed: SEED, count: N, force }),
    generateCorpus({ seed: SEED, count: N_REAL, prefix: 'real-', force: (i) => ({ layout: REAL_LAYOUTS[i % REAL_LAYOUTS.length] }) }),
  ];
  for (const corpus of corpora) {
    for (const r of corpus) {
      writeFileSync(join(dir, r.file), r.bytes);
      writeFileSync(join(dir, r.file.replace(REPORT_FILE, '.truth.json')), JSON.stringify(r.truth));
    }
  }
  for (const f of readdirSync(dir).filter((f) => REPORT_FILE.test(f)).sort()) {
    const truth = JSON.parse(readFileSync(join(dir, f.replace(REPORT_FILE, '.truth.json')), 'utf8')) as Truth;
    const { report } = parseFile(readFileSync(join(dir, f)), f);
    cases.push({ truth, report, cmp: compare(report, truth, { checkLines: !HTML.has(truth.layout) }) });
  }
});

/** Every violation of the hard rules, one object per value, status or metadata field. */
function violations(): object[] {
  return cases.flatMap(({ truth: t, cmp }) => [
    ...cmp.wrong.map((w) => ({ file: t.file, layout: t.layout, cell: w.key, expected: w.expected, got: w.got, ...(w.open ? { open: true } : {}) })),
    ...cmp.statusIssues.map((s) => ({ file: t.file, layout: t.layout, status: cmp.status, issue: s })),
    ...cmp.meta.filter((m) => m.kind === 'wrong').map((m) => ({ file: t.file, layout: t.layout, field: m.field, expected: m.expected, got: m.got })),
  ]);
}

afterAll(() => {
  if (process.env.SYNTH_VIOLATIONS && cases.length) {
    writeFileSync(process.env.SYNTH_VIOLATIONS, violations().map((v) => JSON.stringify(v)).join('\n') + '\n');
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
  if (!cases.length) return;
  const rows: Record<string, { reports: number; values: number; open: number; right: string; missing: number; wrong: number; lines: string; ok: number }> = {};
  const add = (k: string, c: Case) => {
    const a = (rows[k] ??= { reports: 0, values: 0, open: 0, right: '', missing: 0, wrong: 0, lines: '', ok: 0 }) as typeof rows[string] & { r?: number; lr?: number; lt?: number };
    a.reports++; a.values += c.cmp.total; a.r = (a.r ?? 0) + c.cmp.right; a.missing += c.cmp.missing.length; a.wrong += c.cmp.wrong.length;
    a.open += [...c.truth.active_disclosure, ...c.truth.applications, ...c.truth.reviews].filter((x) => x.open).length;
    a.lr = (a.lr ?? 0) + c.cmp.linesRight; a.lt = (a.lt ?? 0) + c.cmp.linesTotal; a.ok += c.report.status === 'ok' ? 1 : 0;
    a.right = `${((100 * a.r) / a.values).toFixed(2)}%`;
    a.lines = a.lt ? `${((100 * a.lr) / a.lt).toFixed(1)}%` : '-';
  };
  for (const c of cases) {
    add(`layout ${c.truth.layout}${c.truth.web_chrome ? '+web' : ''}`, c);
    add(`enc ${c.truth.encoding}${c.truth.crlf ? '+crlf' : ''}`, c);
    add(`template ${c.truth.template}`, c);
    add(c.truth.traps.length ? 'with traps' : 'no traps', c);
    add(IMAGINED_LAYOUTS.includes(c.truth.layout) ? 'ALL imagined' : 'ALL real', c);
  }
  const table = Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, { reports: v.reports, values: v.values, open: v.open, right: v.right, missing: v.missing, wrong: v.wrong, line_ok: v.lines, status_ok: v.ok }]));
  console.log(`synthetic corpus: ${cases.length} reports, seed ${SEED} (open: values the print leaves open, truth NULL)`);
  console.table(table);
  const meta = cases.flatMap((c) => c.cmp.meta);
  const mt = cases.reduce((s, c) => s + c.cmp.metaTotal, 0), mr = cases.reduce((s, c) => s + c.cmp.metaRight, 0);
  console.log(`metadata fields right: ${mr}/${mt}; missing ${meta.filter((m) => m.kind === 'missing').length}, wrong ${meta.filter((m) => m.kind === 'wrong').length}`);
  const soft: Record<string, string> = {};
  for (const f of ['level', 'scope', 'published_on', 'title', 'source_url']) {
    const xs = cases.flatMap((c) => c.cmp.soft.filter((s) => s.field === f));
    soft[f] = `${xs.filter((x) => x.right).length}/${xs.length}`;
  }
  console.log(`informational fields right: ${JSON.stringify(soft)}`);
});

const show = (xs: unknown[]) => JSON.stringify(xs.slice(0, 15), null, 1);

describe('generator', () => {
  it('writes every layout, encoding and template', () => {
    const seen = (f: (t: Truth) => string) => new Set(cases.map((c) => f(c.truth)));
    expect([...seen((t) => t.layout)].sort()).toEqual([...LAYOUTS].sort());
    expect([...seen((t) => t.encoding)].sort()).toEqual([...ENCODINGS].sort());
    expect(seen((t) => t.template)).toEqual(new Set(['2019', '2021']));
    expect(seen((t) => String(t.crlf))).toEqual(new Set(['true', 'false']));
    expect(seen((t) => t.level).size).toBeGreaterThanOrEqual(4);
    expect(cases.some((c) => c.truth.template === '2019' && c.truth.year >= 2021)).toBe(true);
  });

  it('is deterministic for a seed', () => {
    const a = [...generateCorpus({ seed: 5, count: 25 })];
    const b = [...generateCorpus({ seed: 5, count: 25 })];
    const c = [...generateCorpus({ seed: 6, count: 25 })];
    expect(a.map((r) => Buffer.from(r.bytes).toString('base64'))).toEqual(b.map((r) => Buffer.from(r.bytes).toString('base64')));
    expect(a.map((r) => Buffer.from(r.bytes).toString('base64'))).not.toEqual(c.map((r) => Buffer.from(r.bytes).toString('base64')));
  });

  it('prints tables that satisfy the template rules (balance, 总计 column, (七)总计, review totals)', () => {
    const bad: string[] = [];
    for (const r of generateCorpus({ seed: 11, count: 400, force: () => ({ traps: [] }) })) {
      const t = r.truth;
      // open and lost cells are NULL in the truth; the generated number is kept as `actual`
      const v = new Map(t.applications.map((a) => [`${a.row}.${a.applicant}`, a.value ?? a.actual ?? null]));
      const g = (row: string, a: string) => v.get(`${row}.${a}`) as number;
      // a NULL (a total the PDF header left out) cannot be checked
      const known = (...xs: (number | null)[]) => xs.every((x) => x !== null);
      for (const a of APPLICANT_CODES) {
        if (!known(g('new_received', a), g('carried_over', a), g('total_handled', a), g('carried_forward', a))) continue;
        if (g('new_received', a) + g('carried_over', a) !== g('total_handled', a) + g('carried_forward', a)) bad.push(`${t.file} balance ${a}`);
      }
      for (const row of new Set(t.applications.map((a) => a.row))) {
        const tot = g(row, 'total');
        if (tot !== null && APPLICANT_PARTS.reduce((s, a) => s + g(row, a), 0) !== tot) bad.push(`${t.file} row_total ${row}`);
      }
      const handled = [...new Set(t.applications.map((a) => a.row))].filter((x) => !['new_received', 'carried_over', 'total_handled', 'carried_forward'].includes(x));
      for (const a of APPLICANT_CODES) {
        if (!known(g('total_handled', a), ...handled.map((row) => g(row, a)))) continue;
        if (handled.reduce((s, row) => s + g(row, a), 0) !== g('total_handled', a)) bad.push(`${t.file} group_total ${a}`);
      }
      for (const p of ['review', 'suit_direct', 'suit_after_review']) {
        const rv = new Map(t.reviews.filter((x) => x.proceeding === p).map((x) => [x.outcome, (x.value ?? x.actual) as number]));
        if (rv.get('upheld')! + rv.get('corrected')! + rv.get('other')! + rv.get('pending')! !== rv.get('total')) bad.push(`${t.file} review ${p}`);
      }
      // a 2021 report may print the 2019 (六) row (mixed_form)
      const form = t.layout_traps?.includes('mixed_form') ? '2019' : t.template;
      if (form === '2021' ? t.not_printed.join() !== 'other_total' : t.not_printed.length !== 3) bad.push(`${t.file} not_printed`);
    }
    expect(bad, show(bad)).toEqual([]);
  });

  it('carries figures from one year to the next for the same agency', () => {
    const all = [...generateCorpus({ seed: 12, count: 400, force: () => ({ traps: [] }) })].map((r) => r.truth);
    let pairs = 0, inForce = 0;
    const bad: string[] = [];
    for (let i = 1; i < all.length; i++) {
      const [a, b] = [all[i - 1], all[i]];
      if (a.agency !== b.agency || b.year !== a.year + 1) continue;
      pairs++;
      const va = new Map(a.applications.map((x) => [`${x.row}.${x.applicant}`, x.value]));
      for (const x of b.applications.filter((x) => x.row === 'carried_over')) {
        const prev = va.get(`carried_forward.${x.applicant}`);
        if (prev === null || x.value === null) continue;
        if (prev !== x.value) bad.push(`${b.file} carried_over.${x.applicant}`);
      }
      if (a.template === '2021' && b.template === '2021') {
        const ga = new Map(a.active_disclosure.map((x) => [`${x.item}.${x.metric}`, (x.value ?? x.actual) as number]));
        const gb = new Map(b.active_disclosure.map((x) => [`${x.item}.${x.metric}`, (x.value ?? x.actual) as number]));
        for (const item of ['regulation', 'normative_document']) {
          inForce++;
          if (ga.get(`${item}.in_force`)! + gb.get(`${item}.issued`)! - gb.get(`${item}.repealed`)! !== gb.get(`${item}.in_force`)) bad.push(`${b.file} in_force ${item}`);
        }
      }
    }
    expect(pairs).toBeGreaterThan(50);
    expect(inForce).toBeGreaterThan(20);
    expect(bad, show(bad)).toEqual([]);
  });

  it('never prints a run_together row from cells another trap left blank (generation threw on seed 4243, report 5,880)', () => {
    let n = 0;
    for (const r of generateCorpus({ seed: 4243, count: 5900 })) {
      n++;
      if (r.file.startsWith('005880')) expect(r.truth.traps).toEqual(expect.arrayContaining(['blank_cell', 'run_together']));
    }
    expect(n).toBe(5900);
  }, 60_000);
  it('refuses to write into the embedded corpus data/', () => {
    let code = 0;
    try {
      execFileSync(process.execPath, ['scripts/generate.ts', '--count', '1', '--out', 'data/synth-should-not-exist'], { stdio: 'pipe' });
    } catch (e) {
      code = (e as { status: number }).status;
    }
    expect(code).toBe(2);
    expect(readdirSync('data').some((f) => f.startsWith('synth'))).toBe(false);
  });
});

describe('parser against the synthetic truth', () => {
  const of = (layout: string) => cases.filter((c) => c.truth.layout === layout);
  for (const layout of LAYOUTS) {
    it(`${layout}: no parsed table value differs from the truth`, () => {
      const wrong = of(layout).flatMap((c) => c.cmp.wrong);
      expect(wrong, show(wrong)).toEqual([]);
    });
    it(`${layout}: unread values are NULL and such reports, damaged and picture-only ones are not ok`, () => {
      const bad = of(layout).filter((c) => c.cmp.statusIssues.length).map((c) => `${c.truth.file} [${c.truth.traps}] ${c.cmp.statusIssues.join('; ')}`);
      expect(bad, show(bad)).toEqual([]);
    });
  }

  for (const layout of LAYOUTS.filter((l) => !HTML.has(l))) {
    it(`${layout}: the provenance line of every value read is the source line that prints it`, () => {
      // Lines are those of the text as read; a markdown file's HTML tables are converted first,
      // as a page's are (HTML layouts are left out for the same reason).
      const bad = of(layout).filter((c) => !c.truth.layout_traps?.includes('html_tables')).flatMap((c) => c.cmp.lineIssues.map((x) => `${c.truth.file} ${x.key}: line ${x.got}, printed on ${x.expected}`));
      expect(bad, show(bad)).toEqual([]);
    });
  }

  it('reads most values of the imagined layouts: at least 90% of their table values right', () => {
    const mine = cases.filter((c) => IMAGINED_LAYOUTS.includes(c.truth.layout));
    const total = mine.reduce((s, c) => s + c.cmp.total, 0);
    const right = mine.reduce((s, c) => s + c.cmp.right, 0);
    expect(right / total).toBeGreaterThan(0.9);
  });

  for (const layout of LAYOUTS) {
    const meta = (f: (m: Comparison['meta'][number]) => boolean) => of(layout).flatMap((c) => c.cmp.meta).filter((m) => m.kind === 'wrong' && f(m));
    it(`${layout} metadata: year and template are never wrong`, () => {
      const wrong = meta((m) => m.field === 'year' || m.field === 'template');
      expect(wrong, show(wrong)).toEqual([]);
    });
    it(`${layout} metadata: detected encoding matches the source encoding`, () => {
      const wrong = of(layout).filter((c) => c.report.encoding !== c.truth.encoding).map((c) => `${c.truth.file}: ${c.truth.encoding} read as ${c.report.encoding}`);
      expect(wrong, show(wrong)).toEqual([]);
    });
    it(`${layout} metadata: agency is the full normalised name (township bodies keep the county prefix)`, () => {
      const wrong = meta((m) => m.field === 'agency');
      expect(wrong, show(wrong)).toEqual([]);
    });
    it(`${layout} metadata: province/city/county/township are never wrong where the county name is unique`, () => {
      const wrong = meta((m) => !['agency', 'year', 'template'].includes(m.field));
      expect(wrong, show(wrong)).toEqual([]);
    });
  }
});

describe('real layouts', () => {
  const real = () => cases.filter((c) => REAL_LAYOUTS.includes(c.truth.layout));

  it('record what they did: layout traps, and the source URL where the input states one', () => {
    const bad: string[] = [];
    for (const { truth: t } of real()) {
      if (!Array.isArray(t.layout_traps)) bad.push(`${t.file} no layout_traps`);
      const page = t.layout === 'crawl' || t.layout === 'cms';
      if (page !== (typeof t.source_url === 'string' && t.source_url.startsWith('http'))) bad.push(`${t.file} source_url ${t.source_url}`);
    }
    expect(bad, show(bad)).toEqual([]);
    const traps = new Set(real().flatMap((c) => c.truth.layout_traps ?? []));
    for (const t of ['numbers_run', 'numbers_mixed', 'lost_cells', 'stray_cell', 'html_tables', 'span_copies']) expect(traps, t).toContain(t);
  });

  it('a crawled page is the crawler header, the 正文 line, then the whole body on one line', () => {
    for (const c of real().filter((x) => x.truth.layout === 'crawl' && x.truth.expect_status === null)) {
      const text = readFileSync(join(dir, c.truth.file), 'utf8').replace(/^\ufeff/, '');
      const lines = text.split('\n');
      expect(lines.length, c.truth.file).toBe(10);
      expect(lines[0]).toBe(`标题: ${c.truth.title}`);
      expect(lines[8]).toMatch(/^=+ 正文 =+$/);
      expect(lines[9]).toMatch(/第二十 ?条/);
    }
  });

  it('open cells are NULL, keep the generated number for inspection, and mark the report damaged', () => {
    const bad: string[] = [];
    let open = 0;
    for (const { truth: t } of cases) {
      for (const x of [...t.active_disclosure, ...t.applications, ...t.reviews]) {
        if (!x.open) continue;
        open++;
        if (x.value !== null || typeof x.actual !== 'number' || !t.damaged) bad.push(`${t.file} ${JSON.stringify(x)}`);
      }
    }
    expect(open).toBeGreaterThan(0);
    expect(bad, show(bad)).toEqual([]);
  });

  it('the sample writer writes the layout asked for', () => {
    const out = mkdtempSync(join(tmpdir(), 'synth-sample-'));
    try {
      execFileSync(process.execPath, ['scripts/generate.ts', '--layout', 'markdown', '--count', '3', '--out', out], { stdio: 'pipe' });
      const files = readdirSync(out).filter((f) => REPORT_FILE.test(f));
      expect(files.length).toBe(3);
      for (const f of files) {
        const t = JSON.parse(readFileSync(join(out, f.replace(REPORT_FILE, '.truth.json')), 'utf8')) as Truth;
        expect(t.layout).toBe('markdown');
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

/**
 * The split rules against rows of the real pages (data/real), as the hand-read
 * truth in tests/fixtures/real-truth records them (its notes quote each row).
 */
describe('split rules on real rows', () => {
  const row = (keys: string[], text: string) => ({ keys, kinds: keys.map(kindOf), pieces: [{ text }] });
  const read = (keys: string[], text: string, rules = [] as ReturnType<typeof appRules>) => {
    const v = solve([row(keys, text)], rules, new Map())!;
    return keys.map((k) => { const x = v.get(k)!; return x.kind === 'value' ? x.value : x.kind === 'open' ? 'open' : x.kind; });
  };
  const a20 = (item: string, ms: string[]) => ms.map((m) => `a.${item}.${m}`);
  const trio = ['prior_count', 'change', 'decisions'];
  const apps = (r: string) => ['natural_person', 'commercial', 'research', 'social_org', 'legal_service', 'other_org', 'total'].map((a) => `p.${r}.${a}`);
  const reviews = ['review', 'suit_direct', 'suit_after_review'].flatMap((p) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((o) => `r.${p}.${o}`));

  it('Article 20 rows: one split or NULL (gwh-2020, lyy-2019, hzs-2019, scj-2019, jtj-2020, shs-2019)', () => {
    expect(read(a20('normative_document', ['made', 'published', 'published_total']), '3336')).toEqual(['open', 'open', 'open']);
    expect(read(a20('license', trio), '1-10')).toEqual([1, 'open', 'open']);
    expect(read(a20('procurement', ['procurement_projects', 'procurement_amount']), '1973601627.4元')).toEqual(['open', 'open']);
    expect(read(a20('procurement', ['procurement_projects', 'procurement_amount']), '1个246900元')).toEqual([1, 246900]);
    expect(read(a20('procurement', ['procurement_projects', 'procurement_amount']), ' 2 45.82万元')).toEqual([2, 45.82]);
    expect(read(a20('punishment', trio), '3000')).toEqual([30, 0, 0]);
    expect(read(a20('license', trio), '00126')).toEqual([0, 0, 126]);
    expect(read(a20('coercion', trio), '3100')).toEqual(['open', 'open', 0]);
    expect(read(a20('fee', ['prior_count', 'change']), '15-15')).toEqual([15, -15]);
    expect(read(a20('license', trio), '88-720')).toEqual([88, 'open', 'open']);
  });

  it('application rows: seven cells, the row total decides; six numbers for seven cells leave every cell open (hzs-2019, gwh-2021, jjf-2021, jjp-2024)', () => {
    const rules = appRules('2021');
    expect(read(apps('new_received'), ' 10 0 00 0 1', rules)).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(read(apps('new_received'), '230000023', rules)).toEqual([23, 0, 0, 0, 0, 0, 23]);
    expect(read(apps('granted'), ' 0 0 0 0 0 0 ', rules)).toEqual(Array(7).fill('open'));
    expect(read(apps('carried_forward'), '000000', rules)).toEqual(Array(7).fill('open'));
  });

  it('review row: fifteen cells, each group total decides (shs-2025)', () => {
    expect(read(reviews, '210033300620002', reviewRules())).toEqual([2, 1, 0, 0, 3, 3, 3, 0, 0, 6, 2, 0, 0, 0, 2]);
  });

  it('the column arithmetic settles what a row total leaves open', () => {
    const rules = appRules('2021');
    // 010120013: 0|1|0|12|0|0|13 and 0|10|1|2|0|0|13 both add up
    expect(read(apps('new_received'), '010120013', rules)).toEqual([0, 'open', 'open', 'open', 0, 0, 13]);
    const rows = [
      row(apps('new_received'), '010120013'), row(apps('carried_over'), '0 0 0 0 0 0 0'),
      row(apps('total_handled'), '0 10 1 2 0 0 13'), row(apps('carried_forward'), '0 0 0 0 0 0 0'),
    ];
    const v = solve(rows, rules, new Map())!;
    // 一 + 二 = (七) + 四 in every column picks the second
    expect(apps('new_received').map((k) => (v.get(k) as { value: number }).value)).toEqual([0, 10, 1, 2, 0, 0, 13]);
  });
});
