import { describe, expect, it } from 'vitest';
import { computeIndicators, rollup, INDICATORS } from '../src/lib/indicators.ts';
import { sampleReport } from '../src/lib/site/sample.ts';
import type { Report } from '../src/lib/types.ts';

function setCell(r: Report, row: string, applicant: string, value: number | null) {
  const c = r.applications.find((x) => x.row === row && x.applicant === applicant);
  if (!c) throw new Error(`no cell ${row}/${applicant}`);
  c.value = value;
}

describe('indicators', () => {
  it('computes each ratio with numerator and denominator from the 总计 column', () => {
    const r = sampleReport({ id: 'a', granted: 41, partially: 7, notHeld: 29, carriedOver: 0, carriedForward: 2 });
    const ind = computeIndicators(r);
    const handled = 41 + 7 + 29;
    expect(ind.granted_rate).toEqual({ numerator: 41, denominator: handled, value: 41 / handled });
    expect(ind.substantive_rate.numerator).toBe(48);
    expect(ind.not_held_rate.numerator).toBe(29);
    expect(ind.unavailable_rate.numerator).toBe(29);
    expect(ind.withheld_rate).toEqual({ numerator: 0, denominator: handled, value: 0 });
    expect(ind.new_received.value).toBe(handled + 2);
    expect(ind.accepted.value).toBe(handled + 2);
    expect(ind.carry_rate).toEqual({ numerator: 2, denominator: handled + 2, value: 2 / (handled + 2) });
    expect(ind.natural_person_share.value).toBe(1);
  });

  it('is NULL, never 0, when the denominator is 0 or NULL', () => {
    const zero = sampleReport({ id: 'z', granted: 0, partially: 0, notHeld: 0, carriedOver: 0, carriedForward: 0, review: [0, 0, 0, 0] });
    const ind = computeIndicators(zero);
    for (const i of INDICATORS.filter((i) => i.kind === 'ratio')) expect(ind[i.code].value, i.code).toBeNull();
    expect(ind.new_received.value).toBe(0);

    const missing = sampleReport({ id: 'm' });
    for (const a of ['natural_person', 'commercial', 'total']) setCell(missing, 'total_handled', a, null);
    const m = computeIndicators(missing);
    expect(m.granted_rate.denominator).toBeNull();
    expect(m.granted_rate.value).toBeNull();
    expect(m.granted_rate.numerator).toBe(10);
  });

  it('sums the six applicant columns when 总计 is unprinted, and says so', () => {
    const r = sampleReport({ id: 't' });
    setCell(r, 'new_received', 'total', null);
    setCell(r, 'new_received', 'commercial', 3);
    const np = r.applications.find((x) => x.row === 'new_received' && x.applicant === 'natural_person')!.value!;
    const ind = computeIndicators(r);
    expect(ind.new_received.value).toBe(np + 3);
    expect(ind.new_received.note).toMatch(/六类申请人/);
    expect(ind.granted_rate.note).toBeUndefined();
    // a missing part as well: no sum can be made
    setCell(r, 'new_received', 'research', null);
    expect(computeIndicators(r).new_received.value).toBeNull();
  });

  it('reads (六)其他处理 from the printed 2019 row or from its three sub-rows', () => {
    const r = sampleReport({ id: 'o' });
    setCell(r, 'other_other', 'total', 4);
    expect(computeIndicators(r).other_rate.numerator).toBe(4);
    r.applications.push({ row: 'other_total', applicant: 'total', value: 5, line: 1 });
    expect(computeIndicators(r).other_rate.numerator).toBe(5);
  });

  it('computes review and litigation correction rates over decided cases', () => {
    const r = sampleReport({ id: 'r', review: [9, 2, 3, 1] });
    const ind = computeIndicators(r);
    expect(ind.review_correction_rate).toEqual({ numerator: 2, denominator: 14, value: 2 / 14 });
    expect(ind.suit_correction_rate.value).toBeNull(); // 0 decided suits
    expect(ind.dispute_rate.numerator).toBe(15);
  });

  it('rolls up only complete pairs', () => {
    const a = computeIndicators(sampleReport({ id: 'a', granted: 10, partially: 0, notHeld: 0 }));
    const b = computeIndicators(sampleReport({ id: 'b', granted: 5, partially: 5, notHeld: 0 }));
    const c = sampleReport({ id: 'c' });
    for (const x of c.applications.filter((x) => x.row === 'total_handled')) x.value = null;
    const ci = computeIndicators(c);
    const ru = rollup('granted_rate', [a, b, ci]);
    expect(ru).toEqual({ numerator: 15, denominator: 20, value: 0.75, reports: 2 });
    expect(rollup('new_received', [a, b, ci]).reports).toBe(3);
    expect(rollup('granted_rate', []).value).toBeNull();
  });
});
