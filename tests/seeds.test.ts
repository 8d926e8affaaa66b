/**
 * Every cell of every seed report against values read by hand
 * (fixtures/seeds-expected.ts), plus provenance: each value's `line` points
 * at a source line that prints that number.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseFile } from '../src/lib/parse/report.ts';
import { APPLICANT_CODES, OUTCOME_CODES, PROCEEDING_CODES } from '../src/lib/schema.ts';
import { SEEDS } from './fixtures/seeds-expected.ts';

for (const seed of SEEDS) {
  describe(seed.file, () => {
    const { report, lines } = parseFile(readFileSync(`data/seeds/${seed.file}`), seed.file);

    it('reads the metadata', () => {
      const got = Object.fromEntries(Object.keys(seed.meta).map((k) => [k, (report as unknown as Record<string, unknown>)[k]]));
      expect(got).toEqual(seed.meta);
      expect(report.agency_id).toMatch(/^[A-Za-z0-9-]+$/);
    });

    it('reads every Article 20 cell', () => {
      const got: Record<string, Record<string, number | null>> = {};
      for (const a of report.active_disclosure) (got[a.item] ??= {})[a.metric] = a.value;
      expect(got).toEqual(seed.active);
    });

    it('reads every application-table cell, unprinted cells as NULL', () => {
      const got: Record<string, (number | null)[]> = {};
      for (const a of report.applications) (got[a.row] ??= Array(7).fill('absent'))[APPLICANT_CODES.indexOf(a.applicant)] = a.value;
      expect(got).toEqual(seed.applications);
    });

    it('reads the 15 review and litigation numbers in order', () => {
      const got = PROCEEDING_CODES.flatMap((p) => OUTCOME_CODES.map((o) => report.reviews.find((r) => r.proceeding === p && r.outcome === o)?.value));
      expect(got).toEqual(seed.reviews);
    });

    it('points every value at a source line that prints it', () => {
      const all = [...report.active_disclosure, ...report.applications, ...report.reviews].filter((v) => v.value !== null);
      expect(all.length).toBeGreaterThan(0);
      for (const v of all) {
        expect(v.line, JSON.stringify(v)).toBeGreaterThan(0);
        const text = lines[v.line! - 1].replace(/[,\uff0c]/g, '');
        expect(text, `line ${v.line} for ${JSON.stringify(v)}`).toContain(String(v.value));
      }
    });

    it('finds the six parts', () => {
      expect(report.sections.map((s) => s.section)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(report.sections.find((s) => s.section === 5)!.text.length).toBeGreaterThan(50);
    });
  });
}

describe('seed checks', () => {
  const parse = (f: string) => parseFile(readFileSync(`data/seeds/${f}`), f).report;
  it('flags the missing (六) rows of the 奇台 report and still balances', () => {
    const r = parse('000_6694218b40946a51.txt');
    const missing = r.checks.find((c) => c.check === 'missing_cells')!;
    expect(missing.passed).toBe(false);
    expect(missing.detail).toContain('(六)3.其他');
    expect(r.checks.find((c) => c.check === 'balance')!.passed).toBe(true);
  });
  it('does not read the mangled signature date 20251月14 as a date', () => {
    const r = parse('000_6694218b40946a51.txt');
    expect(r.published_on).toBe('2025-01-23'); // from the 发文日期 header field
  });
  it('records the unprinted 总计 cells of the 塔城 report as missing, not zero', () => {
    const r = parse('004_9cfe2f3d8c76eac5.txt');
    const cell = r.applications.find((a) => a.row === 'new_received' && a.applicant === 'total')!;
    expect(cell.value).toBeNull();
    expect(r.checks.find((c) => c.check === 'missing_cells')!.detail).toContain('总计');
  });
});
