/**
 * Word reports end to end: real reports typed into Word documents (made here
 * with the `docx` package, see tests/fixtures/word/real-report.ts) read by
 * `parseInput` give exactly their hand-read values.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { parseFile, parseInput } from '../src/lib/parse/report.ts';
import type { Report } from '../src/lib/types.ts';
import { APPLICANT_CODES, OUTCOME_CODES, PROCEEDING_CODES } from '../src/lib/schema.ts';
import { editedTruth, loadTruth, reportDocx, TRUTH_DIR, type Truth } from './fixtures/word/real-report.ts';
import { DOC_FIXTURES, TYPED_CELLS } from './fixtures/word/doc-fixtures.ts';
import { reportMarkdown } from './fixtures/word/markdown.ts';
import { plumberText } from './fixtures/word/pdf-lines.ts';

const NAMES = readdirSync(TRUTH_DIR).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();

/** Every cell the truth gives a number for, keyed `table.row.column`. */
function truthCells(t: Truth): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [row, vals] of Object.entries(t.applications)) {
    vals!.forEach((v, i) => { if (v !== null) out[`applications.${row}.${APPLICANT_CODES[i]}`] = v; });
  }
  t.reviews.forEach((v, i) => {
    if (v !== null) out[`reviews.${PROCEEDING_CODES[Math.floor(i / 5)]}.${OUTCOME_CODES[i % 5]}`] = v;
  });
  for (const [item, metrics] of Object.entries(t.active)) {
    for (const [m, v] of Object.entries(metrics)) if (v !== null) out[`active.${item}.${m}`] = v;
  }
  return out;
}

/** Every cell the parser read a number for, keyed the same way. */
export function reportCells(r: Report): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of r.applications) if (a.value !== null) out[`applications.${a.row}.${a.applicant}`] = a.value;
  for (const v of r.reviews) if (v.value !== null) out[`reviews.${v.proceeding}.${v.outcome}`] = v.value;
  for (const a of r.active_disclosure) if (a.value !== null) out[`active.${a.item}.${a.metric}`] = a.value;
  return out;
}

/** Reading `bytes` as `file` gives the report's hand-read values (`t`), every cell. */
async function expectTruth(name: string, bytes: Uint8Array, file: string, encoding: string, t = loadTruth(name)) {
  const { report: r } = await parseInput(bytes, file);
  expect(r.error).toBeNull();
  expect(r.encoding).toBe(encoding);
  expect(r.agency).toContain(t.agency_contains);
  expect(r.year).toBe(t.year);
  expect(r.template).toBe(t.template);
  // Exactly the hand-read numbers: none missing, none changed, none invented (nulls stay NULL).
  expect(reportCells(r)).toEqual(truthCells(t));
}

describe('real reports as .docx (Word tables with merged cells)', () => {
  it('covers the 30 hand-read reports', () => expect(NAMES).toHaveLength(30));
  for (const name of NAMES) {
    it(name, async () => expectTruth(name, await reportDocx(name), `${name}.docx`, 'docx'));
  }
});

describe('the text pdfplumber\'s extract_text() gives of those PDFs (emulated with pdf.js: lines by top, words by gaps)', () => {
  // Cells a word apart, wrapped labels' second lines after the row's numbers, empty cells gone:
  // the report's values, except where an empty cell vanished (those rows are short, hence NULL).
  for (const { name, file, layout } of DOC_FIXTURES) {
    const pdf = file.replace(/\.doc$/, '.pdf');
    it(pdf, async () => {
      const text = await plumberText(new Uint8Array(readFileSync(new URL(`./fixtures/word/${pdf}`, import.meta.url))));
      const { report: r } = parseFile(new TextEncoder().encode(text), pdf.replace(/\.pdf$/, '.txt'));
      const t = editedTruth(loadTruth(name), layout.cells ?? {});
      expect(r.agency).toContain(t.agency_contains);
      expect(r.year).toBe(t.year);
      const want = truthCells(t), got = reportCells(r);
      if (!layout.cells) expect(got).toEqual(want);
      const differ = Object.entries(got).filter(([k, v]) => want[k] !== v).map(([k, v]) => `${k}: ${v}, truth ${want[k] ?? 'NULL'}`);
      expect(differ).toEqual([]);
    });
  }
});

describe('the text pdftotext gives of those PDFs in its default order, by column blocks (committed)', () => {
  // Labels of a page, then its numbers; rows whose numbers stand before their labels. Little is
  // read, but nothing read may differ from the hand-read value, and such a report is never ok.
  for (const { name, file, layout } of DOC_FIXTURES) {
    const made = file.replace(/\.doc$/, '.pdftotext.txt');
    it(made, () => {
      const { report: r } = parseFile(readFileSync(new URL(`./fixtures/word/${made}`, import.meta.url)), made);
      const want = truthCells(editedTruth(loadTruth(name), layout.cells ?? {}));
      const got = reportCells(r);
      const differ = Object.entries(got).filter(([k, v]) => want[k] !== v).map(([k, v]) => `${k}: ${v}, truth ${want[k] ?? 'NULL'}`);
      expect(differ).toEqual([]);
      expect(Object.keys(got).filter((k) => k.startsWith('reviews.'))).toHaveLength(15);
      expect(r.status).toBe('warnings');
    });
  }
});

// What PDF-to-markdown converters make of the same tables: merged cells copied into every
// position they cover (docling: `| 行政许可 | 315 | 315 | 315 |`), or written once (marker).
for (const spans of ['copies', 'empty'] as const) {
  describe(`real reports as converter markdown, merged cells ${spans === 'copies' ? 'copied (docling)' : 'written once (marker)'}`, () => {
    for (const name of NAMES) {
      it(name, async () => expectTruth(name, new TextEncoder().encode(await reportMarkdown(name, spans)), `${name}.md`, 'utf-8'));
    }
  });
}

describe('the application table split in two Word tables (at a page break)', () => {
  // Reports with numbers in rows on both sides of the cut.
  for (const name of ['pingtan-hzs-2025', 'pingtan-jjp-2024', 'pingtan-scj-2022', 'pingtan-zrz-2023']) {
    it(name, async () => expectTruth(name, await reportDocx(name, { splitApplications: true }), `${name}.docx`, 'docx'));
  }
});

describe('cells as authors type them: Enter after a number, an empty cell beside it, a cell merged down', () => {
  // Only these cells change: the emptied and the covered one are NULL, the rest as hand-read.
  it('.docx (the empty cell keeps its column; the row under the merged cell keeps its numbers in theirs)', async () => {
    const name = 'pingtan-zrz-2023';
    const bytes = await reportDocx(name, { cells: TYPED_CELLS });
    await expectTruth(name, bytes, `${name}.docx`, 'docx', editedTruth(loadTruth(name), TYPED_CELLS));
  });
});

/**
 * The committed files made from each Word fixture, and the encoding each is read as: the
 * .doc LibreOffice saved; that .doc exported to PDF by LibreOffice (a third PDF producer, with
 * Word's ruled cells, group cells and one value cell merged down — the row under it keeps its
 * other numbers in their columns, the covered cell is NULL); and the text `pdftotext -layout`
 * gives of that PDF (columns set by spaces, headers wrapped in their cells, the review header
 * a character per line).
 */
const COMMITTED = [
  { title: 'real reports as Word 97-2003 .doc (saved by LibreOffice, committed)', ext: '.doc', encoding: 'doc' },
  { title: 'the same .doc files exported to PDF by LibreOffice (committed; a third PDF producer)', ext: '.pdf', encoding: 'pdf' },
  { title: 'the text pdftotext -layout gives of those PDFs (committed)', ext: '.pdftotext-layout.txt', encoding: 'utf-8' },
];

for (const { title, ext, encoding } of COMMITTED) {
  describe(title, () => {
    for (const { name, file, layout } of DOC_FIXTURES) {
      const made = file.replace(/\.doc$/, ext);
      it(made, async () => {
        const bytes = readFileSync(new URL(`./fixtures/word/${made}`, import.meta.url));
        await expectTruth(name, bytes, made, encoding, editedTruth(loadTruth(name), layout.cells ?? {}));
      });
    }
  });
}
