/**
 * The SQL page's views and example queries, run in DuckDB (node) over a small
 * fixture built from the contract schema. Checks the indicator arithmetic and
 * that a zero or missing denominator gives NULL, never 0.
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { TABLES } from '../src/lib/schema.ts';
import { VIEWS, createViewStatements } from '../src/lib/sql/views.ts';
import { EXAMPLES, agencyYearsSql } from '../src/lib/sql/examples.ts';

let conn: DuckDBConnection;
let instance: DuckDBInstance;

type Row = Record<string, unknown>;
async function all(sql: string): Promise<Row[]> {
  const r = await conn.runAndReadAll(sql);
  return r.getRowObjectsJS() as Row[];
}

const lit = (v: unknown) => (v === null ? 'NULL' : typeof v === 'string' ? `'${v.replace(/'/g, "''")}'` : String(v));
async function insert(table: string, rows: Row[]) {
  const cols = TABLES.find((t) => t.name === table)!.columns.map((c) => c.name);
  // Reports count unless a row says otherwise (reports.counted, set by the dataset build).
  if (table === 'reports') rows = rows.map((r) => ({ counted: true, ...r }));
  for (const r of rows) {
    await conn.run(`INSERT INTO ${table} (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map((c) => lit(r[c] ?? null)).join(', ')})`);
  }
}

const A = { new_received: 97, natural: 90, carried_over: 3, granted: 40, partially: 10, secret: 2, process: 3,
  not_held: 5, need_create: 1, duplicate: 4, other_other: 2, total_handled: 67, carried_forward: 33 };

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  conn = await instance.connect();
  for (const t of TABLES) {
    await conn.run(`CREATE TABLE ${t.name} (${t.columns.map((c) => `"${c.name}" ${c.type}`).join(', ')})`);
  }
  await insert('reports', [
    { report_id: 'a', agency: '咸安区人民政府', year: 2023, scope: 'office', level: 'county', status: 'ok', source_file: 'a.txt', source_sha256: 'x' },
    { report_id: 'b', agency: "O'Neil 乡人民政府", year: 2023, scope: 'office', level: 'township', status: 'warnings', source_file: 'b.txt', source_sha256: 'y' },
    { report_id: 'c', agency: '咸安区人民政府', year: 2024, scope: 'aggregate', level: 'county', status: 'failed', source_file: 'c.txt', source_sha256: 'z' },
    { report_id: 'd', agency: '乙镇人民政府', year: 2024, scope: 'office', level: 'township', status: 'ok', source_file: 'd.txt', source_sha256: 'w' },
  ]);
  const app = (report_id: string, row: string, applicant: string, value: number | null) => ({ report_id, row, applicant, value, line: 1 });
  await insert('applications', [
    app('a', 'new_received', 'total', A.new_received), app('a', 'new_received', 'natural_person', A.natural),
    app('a', 'carried_over', 'total', A.carried_over), app('a', 'granted', 'total', A.granted),
    app('a', 'partially_granted', 'total', A.partially), app('a', 'withheld_state_secret', 'total', A.secret),
    app('a', 'withheld_process', 'total', A.process), app('a', 'withheld_law', 'total', null),
    app('a', 'unavailable_not_held', 'total', A.not_held), app('a', 'unavailable_need_create', 'total', A.need_create),
    app('a', 'unavailable_unclear', 'total', 0),
    app('a', 'rejected_duplicate', 'total', A.duplicate), app('a', 'other_other', 'total', A.other_other),
    ...['rejected_complaint', 'rejected_publication', 'rejected_excessive', 'rejected_confirm', 'other_overdue_correction', 'other_overdue_fee']
      .map((r) => app('a', r, 'total', 0)),
    app('a', 'total_handled', 'total', A.total_handled), app('a', 'carried_forward', 'total', A.carried_forward),
    // b: everything reported as zero, natural person not reported
    app('b', 'new_received', 'total', 0), app('b', 'new_received', 'natural_person', null),
    app('b', 'granted', 'total', 0), app('b', 'total_handled', 'total', 0), app('b', 'carried_over', 'total', 0),
    app('b', 'other_total', 'total', 7), app('b', 'other_other', 'total', 1),
    // d: 总计 of new_received unprinted, the six applicant columns given
    ...[3, 1, 0, 0, 2, 1].map((v, i) => app('d', 'new_received', ['natural_person', 'commercial', 'research', 'social_org', 'legal_service', 'other_org'][i], v)),
    app('d', 'carried_over', 'total', 2),
  ]);
  const rv = (proceeding: string, outcome: string, value: number | null) => ({ report_id: 'a', proceeding, outcome, value, line: 2 });
  await insert('reviews', [
    rv('review', 'corrected', 1), rv('review', 'pending', 1), rv('review', 'total', 5),
    rv('suit_direct', 'corrected', 0), rv('suit_direct', 'pending', 2), rv('suit_direct', 'total', 2),
    rv('suit_after_review', 'corrected', null), rv('suit_after_review', 'total', 0), rv('suit_after_review', 'pending', 0),
  ]);
  await insert('checks', [
    { report_id: 'b', check: 'balance', passed: false, detail: '0+0≠0+?' },
    { report_id: 'a', check: 'balance', passed: true, detail: 'ok' },
  ]);
  for (const s of createViewStatements()) await conn.run(s);
});

afterAll(() => { conn?.closeSync(); instance?.closeSync(); });

describe('report_indicators', () => {
  it('computes counts and ratios from the application and review tables', async () => {
    const [a] = await all(`SELECT * FROM report_indicators WHERE report_id = 'a'`);
    expect(a.new_received).toBe(A.new_received);
    expect(a.accepted_total).toBe(A.new_received + A.carried_over);
    // withheld_law is NULL and five withheld rows are missing: the group sum is unknown, not 5
    expect(a.withheld).toBeNull();
    expect(a.withheld_rate).toBeNull();
    expect(a.unavailable).toBe(A.not_held + A.need_create);
    expect(a.rejected).toBe(A.duplicate);
    expect(a.other).toBe(A.other_other);
    expect(a.grant_rate).toBeCloseTo(A.granted / A.total_handled, 12);
    expect(a.substantive_rate).toBeCloseTo((A.granted + A.partially) / A.total_handled, 12);
    expect(a.not_held_share).toBeCloseTo(A.not_held / A.total_handled, 12);
    expect(a.carry_forward_rate).toBeCloseTo(A.carried_forward / (A.new_received + A.carried_over), 12);
    expect(a.natural_person_share).toBeCloseTo(A.natural / A.new_received, 12);
    expect(a.review_correction_rate).toBeCloseTo(1 / (5 - 1), 12);
    // suits: corrected 0 (+ NULL), total 2, pending 2 → denominator 0 → NULL
    expect(a.suit_correction_rate).toBeNull();
    expect(a.dispute_rate).toBeCloseTo((5 + 2) / A.new_received, 12);
  });

  it('gives NULL, not 0, when a denominator is 0 or missing', async () => {
    const [b] = await all(`SELECT * FROM report_indicators WHERE report_id = 'b'`);
    expect(b.total_handled).toBe(0);
    expect(b.grant_rate).toBeNull();
    expect(b.carry_forward_rate).toBeNull();
    expect(b.natural_person_share).toBeNull();
    expect(b.not_held).toBeNull();
    // the printed (六) total wins over its sub-rows
    expect(b.other).toBe(7);
    const [c] = await all(`SELECT * FROM report_indicators WHERE report_id = 'c'`);
    expect(c.new_received).toBeNull();
    expect(c.grant_rate).toBeNull();
  });

  it('has one row per report and the documented columns', async () => {
    const rows = await all(`SELECT report_id FROM report_indicators ORDER BY report_id`);
    expect(rows.map((r) => r.report_id)).toEqual(['a', 'b', 'c', 'd']);
    for (const v of VIEWS) {
      const cols = (await all(`DESCRIBE ${v.name}`)).map((r) => r.column_name);
      expect(cols).toEqual(v.columns.map((c) => c.name));
    }
  });
});

describe('report_indicators: unprinted 总计', () => {
  it('sums the six applicant columns when 总计 is unprinted, and flags it', async () => {
    const [d] = await all(`SELECT * FROM report_indicators WHERE report_id = 'd'`);
    expect(d.new_received).toBe(3 + 1 + 0 + 0 + 2 + 1);
    expect(d.accepted_total).toBe(7 + 2);
    expect(d.natural_person_share).toBeCloseTo(3 / 7, 12);
    expect(d.total_column_summed).toBe(true);
    const [a] = await all(`SELECT total_column_summed FROM report_indicators WHERE report_id = 'a'`);
    expect(a.total_column_summed).toBe(false);
  });
});

describe('applications_wide and failed_checks', () => {
  it('pivots application rows into columns', async () => {
    const [w] = await all(`SELECT * FROM applications_wide WHERE report_id = 'a' AND applicant = 'total'`);
    expect(w.new_received).toBe(A.new_received);
    expect(w.withheld_law).toBeNull();
    expect(w.rejected_excessive).toBe(0);
    expect(w.withheld_security).toBeNull(); // not printed at all
  });
  it('lists only failed checks', async () => {
    const rows = await all(`SELECT * FROM failed_checks`);
    expect(rows.map((r) => [r.report_id, r.check])).toEqual([['b', 'balance']]);
  });
});

describe('example queries', () => {
  it.each(EXAMPLES.map((e) => [e.id, e] as const))('%s runs', async (_id, e) => {
    await expect(all(e.sql)).resolves.toBeInstanceOf(Array);
  });
  it('puts an agency\'s years side by side, escaping quotes', async () => {
    const rows = await all(agencyYearsSql('咸安区人民政府'));
    const nr = rows.find((r) => r.row === 'new_received')!;
    expect(nr['2023']).toBe(A.new_received);
    expect(rows[0].row).toBe('new_received');
    const q = await all(agencyYearsSql("O'Neil 乡人民政府"));
    expect(q.find((r) => r.row === 'other_total')!['2023']).toBe(7);
  });
});

describe('report_pages', () => {
  it('gives every report the page the site publishes it on (same rule as reportPages)', async () => {
    const { reportPages } = await import('../src/lib/site/site-data.ts');
    const inst = await DuckDBInstance.create(':memory:');
    const c = await inst.connect();
    await c.run(`CREATE TABLE reports (report_id VARCHAR, agency_id VARCHAR, year INTEGER)`);
    const reports = [
      { report_id: 'r5', agency_id: 'x', year: 2023 }, { report_id: 'r1', agency_id: 'x', year: 2023 },
      { report_id: 'r2', agency_id: 'x', year: 2022 }, { report_id: 'r3', agency_id: 'x', year: null },
      { report_id: 'r4', agency_id: 'x', year: 2023 }, { report_id: 'r6', agency_id: 'y', year: null },
      { report_id: 'r7', agency_id: 'y', year: null }, { report_id: 'r8', agency_id: null, year: 2024 },
      { report_id: 'r9', agency_id: 'z', year: 2021 },
    ];
    for (const r of reports) await c.run(`INSERT INTO reports VALUES (${lit(r.report_id)}, ${lit(r.agency_id)}, ${lit(r.year)})`);
    await c.run(`CREATE VIEW report_pages AS ${VIEWS.find((v) => v.name === 'report_pages')!.sql}`);
    const got = Object.fromEntries((await c.runAndReadAll('SELECT report_id, page FROM report_pages')).getRowObjectsJS().map((r) => [r.report_id, r.page]));
    expect(got).toEqual(Object.fromEntries(reportPages(reports)));
    expect(got.r1).toBe('agencies/x/');
    expect(got.r4).toBe('agencies/x/2023-2/');
    c.closeSync(); inst.closeSync();
  });
});
