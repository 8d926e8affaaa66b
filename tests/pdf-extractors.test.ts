/**
 * The text other tools extract from PDFs of real reports (tests/fixtures/pdftext, made by
 * its make.ts): the reports of CHROMIUM_NAMES printed by Chromium and written by pdfkit,
 * run through poppler's pdftotext (its default order, -layout, -raw) and mupdf's
 * `mutool draw -F txt`. Held-out "PDF text" may come from any of them.
 *
 * Whatever the tool, no cell may be read wrong. How much is read depends on the order the
 * tool prints: -layout keeps rows, so everything; -raw and mutool print a row's cells in
 * content order, nearly everything; pdftotext's default prints a page's labels, then its
 * numbers by column blocks, where only what the form's equations single out is read.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseFile } from '../src/lib/parse/report.ts';
import { CHROMIUM_NAMES, valueDiffs } from './fixtures/pdf/check.ts';
import { expectedCells, realReport } from './fixtures/pdf/real-report.ts';

const PRODUCERS = ['pdfkit', 'chromium'] as const;
/**
 * Share of the hand-read cells each tool's text of each producer's PDFs must give, over all
 * its files: what it gave when this test was written (1,594 cells), rounded down.
 */
const FLOOR: Record<string, Record<(typeof PRODUCERS)[number], number>> = {
  layout: { pdfkit: 1, chromium: 1 },
  raw: { pdfkit: 0.999, chromium: 0.999 },
  mutool: { pdfkit: 0.999, chromium: 0.999 },
  pdftotext: { pdfkit: 0.969, chromium: 0.76 },
};

interface Read { name: string; cells: number; missing: string[]; wrong: string[]; status: string }

function read(name: string, producer: string, tool: string): Read {
  const file = `${name}.${producer}.${tool}.txt`;
  const bytes = new Uint8Array(readFileSync(new URL(`./fixtures/pdftext/${file}`, import.meta.url)));
  const r = realReport(name);
  const { report } = parseFile(bytes, file);
  const e = expectedCells(r.truth);
  const diffs = valueDiffs({ r, report, bytes, lines: [], pages: [], raw: [] });
  return {
    name, status: report.status,
    cells: e.applications.length + e.reviews.length + e.active.length,
    missing: diffs.filter((d) => d.endsWith('≠null')),
    wrong: diffs.filter((d) => !d.endsWith('≠null')),
  };
}

for (const producer of PRODUCERS) {
  for (const tool of Object.keys(FLOOR)) {
    describe(`${tool} text of ${producer} PDFs`, () => {
      const all = CHROMIUM_NAMES.map((name) => read(name, producer, tool));
      for (const r of all) {
        it(`${r.name}: no cell read wrong; a report with a cell not read is not ok`, () => {
          expect(r.wrong).toEqual([]);
          if (r.missing.length) expect(r.status).not.toBe('ok');
        });
      }
      const cells = all.reduce((s, r) => s + r.cells, 0);
      const right = cells - all.reduce((s, r) => s + r.missing.length, 0);
      const floor = FLOOR[tool][producer];
      it(`gives ${right} of ${cells} hand-read cells, at least ${(floor * 100).toFixed(1)}%`, () => {
        expect(right / cells).toBeGreaterThanOrEqual(floor);
      });
    });
  }
}
