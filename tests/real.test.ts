/**
 * The real reports in data/real/ (crawled page text of the 平潭综合实验区 site)
 * parsed the way the build parses them, against the values of 30 of them read
 * by hand (tests/fixtures/real-truth/, format in ../shared/corpus/README.md):
 *
 * - every real report parses (none failed), and its metadata is right;
 * - no verified cell is wrong, and no `ok` report holds a wrong cell;
 * - every report that is not fully read fails only checks whose cause is the
 *   source (run-together digits, unprinted rows, the report's own sums or text
 *   disagreeing), never the parser — each listed in docs/real-reports.md.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Report } from '../src/lib/types.ts';
import { loadTruths, parseFolder, scoreReport } from '../scripts/lib/real-truth.ts';

let reports: Report[] = [];

beforeAll(async () => { reports = await parseFolder('data/real'); });

const truths = loadTruths();

describe('real reports', () => {
  it('are all there and none fails', () => {
    expect(reports.length).toBe(122);
    expect(reports.filter((r) => r.status === 'failed').map((r) => `${r.source_file}: ${r.error}`)).toEqual([]);
  });

  it('name the agency, year, form and date right (30 read by hand)', () => {
    const wrong = truths.flatMap((t) => {
      const r = reports.find((x) => x.source_file === t.file)!;
      return scoreReport(r, t).meta.map((m) => `${t.file}: ${m}`);
    });
    expect(wrong).toEqual([]);
  });

  it('each names its body as SOURCES.tsv does (all 122, not only the 30 read by hand)', () => {
    // A one-line body runs its last heading into the signature (`六、其他需要报告的事项无XX局`):
    // that is no fuller name of the title's body. SOURCES.tsv notes some bodies' kind in brackets.
    const rows = readFileSync('data/real/SOURCES.tsv', 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
    const named = new Map(rows.map(([file, , , , agency]) => [file, agency.replace(/（[^）]*）$/, '')]));
    const wrong = reports.filter((r) => r.agency !== named.get(r.source_file.replace(/^real\//, '')));
    expect(wrong.map((r) => `${r.source_file}: ${r.agency}`)).toEqual([]);
  });

  it('give no wrong value in any verified cell, and read nearly all of them', () => {
    let right = 0, missing = 0;
    const wrong: string[] = [];
    for (const t of truths) {
      const s = scoreReport(reports.find((x) => x.source_file === t.file)!, t);
      right += s.right; missing += s.missing;
      for (const c of s.cells) if (c.verdict === 'wrong') wrong.push(`${t.file} ${c.table}/${c.cell}: truth ${c.truth}, got ${c.got}`);
    }
    expect(wrong).toEqual([]);
    expect(right + missing).toBe(6299);
    // The one cell left NULL: gwh-2021's 行政规范性文件 issued, which the narrative
    // narrows (发布规范性文件20份) but does not single out (20|1|55 or 20|15|5).
    expect(missing).toBeLessThanOrEqual(1);
  });

  it('the project\'s own hand-read reports (tests/fixtures/real-truth-added/) are read right, cell by cell', () => {
    const added = loadTruths('tests/fixtures/real-truth-added');
    expect(added.length).toBeGreaterThanOrEqual(4);
    const bad: string[] = [];
    for (const t of added) {
      const r = reports.find((x) => x.source_file === t.file);
      if (!r) { bad.push(`${t.file}: not in data/real`); continue; }
      const s = scoreReport(r, t);
      bad.push(...s.meta.map((m) => `${t.file}: ${m}`));
      for (const c of s.cells) if (c.verdict !== 'right') bad.push(`${t.file} ${c.table}/${c.cell}: truth ${c.truth}, got ${c.got} (${c.verdict})`);
    }
    expect(bad).toEqual([]);
  });

  it('an ok report holds no wrong value', () => {
    for (const t of truths) {
      const r = reports.find((x) => x.source_file === t.file)!;
      if (r.status === 'ok') expect(scoreReport(r, t).wrong, t.file).toBe(0);
    }
  });

  it('a report not fully read fails only for reasons of its source', () => {
    const parser = reports.flatMap((r) => r.checks.filter((c) => !c.passed && c.cause !== 'source').map((c) => `${r.source_file} ${c.check}: ${c.detail}`));
    expect(parser).toEqual([]);
  });

  it('every report not fully read is listed in docs/real-reports.md with its reasons', () => {
    const doc = readFileSync('docs/real-reports.md', 'utf8');
    const missing = reports.filter((r) => r.status !== 'ok').filter((r) => {
      const row = doc.split('\n').find((l) => l.includes(`| ${r.source_file.replace(/^real\//, '')} |`));
      return !row || r.checks.some((c) => !c.passed && !row.includes(c.check));
    });
    expect(missing.map((r) => r.source_file)).toEqual([]);
  });
});
