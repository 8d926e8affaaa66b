/**
 * Bodies with large numbers (a city's or a province's requests in the thousands),
 * which the corpus generator never draws: digits of large numbers run together
 * have many more ways to be cut. Generated reports of such bodies, in the layouts
 * where cells run together or stand apart, are read with no wrong value.
 * (The pdftext layout is left out: the generator's own truth cannot enumerate
 * its readings at this scale.)
 */
import { describe, expect, it } from 'vitest';
import { pickAgency } from '../scripts/lib/synth/agency.ts';
import { buildReport } from '../scripts/lib/synth/report.ts';
import { hashSeed, Rng } from '../scripts/lib/synth/rng.ts';
import { generateValues } from '../scripts/lib/synth/values.ts';
import { compare } from '../scripts/lib/synth/compare.ts';
import type { LayoutName } from '../scripts/lib/synth/layouts/out.ts';
import { parseFile } from '../src/lib/parse/report.ts';

describe('bodies with large numbers', () => {
  for (const layout of ['crawl', 'markdown', 'tabs', 'pipe'] as LayoutName[]) {
    it(`${layout}: no value wrong, nearly every value read`, () => {
      let total = 0, right = 0;
      const wrong: string[] = [];
      for (let i = 0; i < 20; i++) {
        const rng = new Rng(hashSeed(77, `large-${layout}`, i));
        // Mean requests per year: a large city's to a province's.
        const agency = { ...pickAgency(rng), scale: rng.pick([2000, 8000, 30000]) };
        const { values } = generateValues(rng, agency, '2021', null);
        const r = buildReport(rng, { name: `large-${i}`, agency, year: rng.int(2021, 2025), values, layout });
        const c = compare(parseFile(r.bytes, r.file).report, r.truth);
        total += c.total; right += c.right;
        wrong.push(...c.wrong.map((w) => `${r.file} ${w.key}: ${w.got} ≠ ${w.expected}`));
      }
      expect(wrong).toEqual([]);
      expect(right / total).toBeGreaterThan(0.995);
    });
  }
});
