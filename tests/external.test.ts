/**
 * Real reports from other sources than the development set (markdown that PDF
 * converters made, saved pages, text pulled out of a PDF), found in public
 * repositories (tests/fixtures/external/SOURCES.tsv), with cells read by hand
 * (expected.json; null = the report leaves the cell blank). No cell may be
 * read wrong; cells left NULL are only those listed below, each for a reason
 * of the source.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFile } from '../src/lib/parse/report.ts';
import { APPLICANT_CODES } from '../src/lib/schema.ts';

const dir = 'tests/fixtures/external';
const expected: Record<string, { active?: Record<string, number | null>; apps?: Record<string, (number | null)[]>; reviews?: (number | null)[] }> =
  JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));

/** Cells the parser leaves NULL, and why (the source's layout leaves no single reading). */
const UNREAD: Record<string, { cells: RegExp; why: string }> = {
  'kewei-2024.md': {
    cells: /^apps (granted|withheld_state_secret|withheld_query)\./,
    why: 'the converter moved rows of numbers away from their labels: which row a row of numbers belongs to is not printed',
  },
  'shanghai-office-2025.md': {
    cells: /^(active (regulation|normative_document)\.|apps (rejected_excessive|other_overdue_correction)\.)/,
    why: '规章 and 规范性文件 print two numbers for three columns; two application rows were moved away from their labels',
  },
};

const PROCS = ['review', 'suit_direct', 'suit_after_review'], OUTS = ['upheld', 'corrected', 'other', 'pending', 'total'];

/** The page as a crawler's text of it: tags gone, nothing between cells, the body on one line. */
function crawled(html: string): Uint8Array {
  const body = html.replace(/^[\s\S]*?<body[^>]*>/i, '').replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<[^>]+>/g, '').replace(/&nbsp;/g, ' ').replace(/&[a-z]+;/g, '').replace(/\s*\n\s*/g, '');
  return new TextEncoder().encode(`标题: 年度报告\n\n======== 正文 ========\n${body}`);
}

describe('real reports from other sources', () => {
  const cases = Object.entries(expected).filter(([k]) => !k.startsWith('_')).flatMap(([file, e]) => [
    { file, e, crawl: false },
    // Saved pages flattened as a crawler does: large numbers run together (`…总计133642520441212913810`).
    ...(/\.html$/.test(file) ? [{ file, e, crawl: true }] : []),
  ]);
  for (const { file, e, crawl } of cases) {
    it(`${file}${crawl ? ' as crawled text' : ''}: no cell wrong, only the listed cells unread`, () => {
      const bytes = new Uint8Array(readFileSync(join(dir, file)));
      const r = (crawl ? parseFile(crawled(new TextDecoder().decode(bytes)), file.replace(/\.html$/, '.txt')) : parseFile(bytes, file)).report;
      const got = new Map<string, number | null>([
        ...r.active_disclosure.map((x) => [`active ${x.item}.${x.metric}`, x.value] as const),
        ...r.applications.map((x) => [`apps ${x.row}.${x.applicant}`, x.value] as const),
        ...r.reviews.map((x) => [`reviews ${x.proceeding}.${x.outcome}`, x.value] as const),
      ]);
      const want = new Map<string, number | null>([
        ...Object.entries(e.active ?? {}).map(([k, v]) => [`active ${k}`, v] as const),
        ...Object.entries(e.apps ?? {}).flatMap(([row, vs]) => vs.map((v, i) => [`apps ${row}.${APPLICANT_CODES[i]}`, v] as const)),
        ...(e.reviews ?? []).map((v, i) => [`reviews ${PROCS[Math.floor(i / 5)]}.${OUTS[i % 5]}`, v] as const),
      ]);
      const wrong: string[] = [], unread: string[] = [];
      for (const [k, v] of want) {
        const g = got.get(k);
        if (v === null) { if (g !== null && g !== undefined) wrong.push(`${k}: ${g}, printed blank`); continue; }
        if (g === null || g === undefined) unread.push(k);
        else if (Math.abs(g - v) > 1e-9) wrong.push(`${k}: ${g}, printed ${v}`);
      }
      expect(wrong).toEqual([]);
      if (r.status === 'ok') expect(unread).toEqual([]);
      if (crawl) {
        // Blank cells vanish from crawled text, so only a page that prints every cell is read far.
        if (file.startsWith('hangzhou')) expect(unread.length).toBeLessThanOrEqual(want.size * 0.05);
        return;
      }
      const allowed = UNREAD[file];
      expect(unread.filter((k) => !allowed?.cells.test(k))).toEqual([]);
    });
  }
});
