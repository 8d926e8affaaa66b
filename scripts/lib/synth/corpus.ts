/**
 * A deterministic corpus: agencies drawn from real divisions, each reporting
 * for one to five consecutive years with the year-to-year carry rules.
 * Report k of seed s is always the same bytes.
 */
import type { Template } from '../../../src/lib/schema.ts';
import { pickAgency } from './agency.ts';
import { buildReport, type ReportSpec, type SynthReport } from './report.ts';
import { hashSeed, Rng } from './rng.ts';
import { generateValues, type Carry } from './values.ts';

export interface CorpusOpts {
  seed: number;
  count: number;
  /**
   * File name prefix; by default names start with the index (`000136-synth-<seed>`),
   * so report ids differ in their first bytes and DuckDB's per-block min/max on
   * report_id (which keeps 8 bytes of a string) can skip blocks.
   */
  prefix?: string;
  /** Force fields of every report (tests cycle layouts/encodings themselves). */
  force?: (index: number) => Partial<Pick<ReportSpec, 'layout' | 'encoding' | 'crlf' | 'web' | 'traps'>>;
}

/**
 * Share of bodies with large numbers (a large city's or a province's requests in the
 * thousands a year), whose digits run together have far more ways to be cut. Drawn
 * from a stream of their own, so the other bodies' reports stay the same bytes.
 */
const LARGE_SHARE = 0.02;
const LARGE_SCALES = [2000, 8000, 30000] as const;

export function* generateCorpus(o: CorpusOpts): Generator<SynthReport> {
  const name = (index: number) => (o.prefix !== undefined ? o.prefix + String(index).padStart(6, '0') : `${String(index).padStart(6, '0')}-synth-${o.seed}`);
  let index = 0;
  for (let a = 0; index < o.count; a++) {
    const rng = new Rng(hashSeed(o.seed, 'agency', a));
    const agency = pickAgency(rng);
    const large = new Rng(hashSeed(o.seed, 'large', a));
    if (large.chance(LARGE_SHARE)) agency.scale = large.pick(LARGE_SCALES);
    const years = rng.weighted([[1, 3], [2, 2], [3, 3], [4, 2], [5, 2]] as const);
    const first = rng.int(2019, 2025 - years);
    // some bodies keep printing the 2019 form after 2021
    const keeps2019 = rng.chance(0.08);
    let carry: Carry | null = null;
    for (let y = first; y < first + years && index < o.count; y++, index++) {
      const template: Template = y <= 2020 || keeps2019 ? '2019' : '2021';
      const { values, carry: next } = generateValues(rng, agency, template, carry);
      carry = next;
      const spec: ReportSpec = { name: name(index), agency, year: y, values, ...(o.force?.(index) ?? {}) };
      try {
        yield buildReport(rng, spec);
      } catch (e) {
        // PDF text of large numbers: the truth cannot enumerate every reading of its runs.
        if (!/too many readings/.test((e as Error).message)) throw e;
        yield buildReport(rng, { ...spec, layout: 'crawl' });
      }
    }
  }
}
