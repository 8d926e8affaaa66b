/**
 * The SQL view `report_indicators` and the site's computeIndicators
 * (src/lib/indicators.ts) must agree on every report: random application and
 * review tables, with cells and whole rows missing, go through both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { TABLES, APP_ROW_CODES, APPLICANT_CODES, PROCEEDING_CODES, OUTCOME_CODES } from '../src/lib/schema.ts';
import type { ApplicationRow, ReviewRow } from '../src/lib/types.ts';
import { computeIndicators, type IndicatorCode } from '../src/lib/indicators.ts';
import { createViewStatements } from '../src/lib/sql/views.ts';

/** view column → indicator code */
const PAIRS: [string, IndicatorCode][] = [
  ['new_received', 'new_received'], ['accepted_total', 'accepted'], ['grant_rate', 'granted_rate'],
  ['substantive_rate', 'substantive_rate'], ['withheld_rate', 'withheld_rate'], ['unavailable_rate', 'unavailable_rate'],
  ['rejected_rate', 'rejected_rate'], ['other_rate', 'other_rate'], ['not_held_share', 'not_held_rate'],
  ['carry_forward_rate', 'carry_rate'], ['natural_person_share', 'natural_person_share'],
  ['review_correction_rate', 'review_correction_rate'], ['suit_correction_rate', 'suit_correction_rate'],
  ['dispute_rate', 'dispute_rate'],
];

let instance: DuckDBInstance;
let conn: DuckDBConnection;

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  conn = await instance.connect();
  for (const t of TABLES) await conn.run(`CREATE TABLE ${t.name} (${t.columns.map((c) => `"${c.name}" ${c.type}`).join(', ')})`);
  for (const s of createViewStatements()) await conn.run(s);
});
afterAll(() => { conn?.closeSync(); instance?.closeSync(); });

// Small values, often 0, sometimes missing (NULL) — zero denominators and NULLs are the interesting cases.
const value = fc.oneof({ weight: 2, arbitrary: fc.constant(null) }, { weight: 3, arbitrary: fc.constant(0) }, { weight: 6, arbitrary: fc.integer({ min: 1, max: 40 }) });
/** A cell is absent (row not printed), or present with a value or NULL. */
const maybeCell = fc.option(value, { nil: undefined, freq: 4 });

const reportArb = fc.record({
  // Dense tables most of the time, sparse ones sometimes.
  app: fc.array(fc.array(maybeCell, { minLength: APPLICANT_CODES.length, maxLength: APPLICANT_CODES.length }), { minLength: APP_ROW_CODES.length, maxLength: APP_ROW_CODES.length }),
  rev: fc.array(fc.array(maybeCell, { minLength: OUTCOME_CODES.length, maxLength: OUTCOME_CODES.length }), { minLength: PROCEEDING_CODES.length, maxLength: PROCEEDING_CODES.length }),
});

const lit = (v: number | null) => (v === null ? 'NULL' : String(v));

describe('report_indicators agrees with the site\'s computeIndicators', () => {
  it('on random reports', async () => {
    await fc.assert(fc.asyncProperty(fc.array(reportArb, { minLength: 1, maxLength: 6 }), async (reports) => {
      await conn.run('DELETE FROM reports; DELETE FROM applications; DELETE FROM reviews;');
      const parsed = reports.map((r, i) => {
        const applications: ApplicationRow[] = [];
        r.app.forEach((cells, ri) => cells.forEach((v, ai) => {
          if (v !== undefined) applications.push({ row: APP_ROW_CODES[ri], applicant: APPLICANT_CODES[ai], value: v, line: 1 });
        }));
        const reviews: ReviewRow[] = [];
        r.rev.forEach((cells, pi) => cells.forEach((v, oi) => {
          if (v !== undefined) reviews.push({ proceeding: PROCEEDING_CODES[pi], outcome: OUTCOME_CODES[oi], value: v, line: 1 });
        }));
        return { id: `r${i}`, applications, reviews };
      });
      await conn.run(`INSERT INTO reports (report_id, level, scope, status, source_file, source_sha256, counted) VALUES ${parsed.map((p) => `('${p.id}', 'unknown', 'unknown', 'ok', '${p.id}.txt', 'x', true)`).join(', ')}`);
      const apps = parsed.flatMap((p) => p.applications.map((a) => `('${p.id}', '${a.row}', '${a.applicant}', ${lit(a.value)}, 1)`));
      if (apps.length) await conn.run(`INSERT INTO applications (report_id, row, applicant, value, line) VALUES ${apps.join(', ')}`);
      const revs = parsed.flatMap((p) => p.reviews.map((a) => `('${p.id}', '${a.proceeding}', '${a.outcome}', ${lit(a.value)}, 1)`));
      if (revs.length) await conn.run(`INSERT INTO reviews (report_id, proceeding, outcome, value, line) VALUES ${revs.join(', ')}`);

      const rows = (await conn.runAndReadAll('SELECT * FROM report_indicators ORDER BY report_id')).getRowObjectsJS();
      expect(rows.length).toBe(parsed.length);
      for (const [i, p] of parsed.entries()) {
        const want = computeIndicators(p);
        const got = rows[i] as Record<string, number | null>;
        for (const [col, code] of PAIRS) {
          const w = want[code].value;
          if (w === null) expect(got[col], `${p.id} ${col}`).toBeNull();
          else expect(got[col], `${p.id} ${col}`).toBeCloseTo(w, 9);
        }
        // A figure the site marks as summed from the six applicant columns is flagged in SQL too.
        if (Object.values(want).some((x) => x.note !== undefined)) expect(got.total_column_summed, p.id).toBe(true);
      }
    }), { numRuns: 60 });
  });
});
