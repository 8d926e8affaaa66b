/**
 * The full-text index's words (src/lib/site/search-text.ts) and records
 * (search-record.ts): the query is cut as the text was, a hit's word position
 * maps to its line, table rows stay out and a page crawled into one line stays in.
 */
import { describe, expect, it } from 'vitest';
import { decodeLines, encodeLines, joinWords, lineAt, queryWords, words } from '../src/lib/site/search-text.ts';
import { searchRecord } from '../src/lib/site/search-record.ts';
import type { ReportPageData } from '../src/lib/site/types.ts';

describe('search words', () => {
  it('cuts a query into the same words as the text, punctuation left with the words', () => {
    const text = words('(二)依申请公开方面。我局未收到政府信息公开申请。');
    expect(text.every((w) => /[\p{L}\p{N}]/u.test(w))).toBe(true); // no token is punctuation alone
    const q = queryWords('依申请公开');
    const plain = text.map((w) => w.replace(/[^\p{L}\p{N}]/gu, ''));
    const at = plain.indexOf(q[0]);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(plain.slice(at, at + q.length)).toEqual(q);
    expect(joinWords(text)).toBe('(二)依申请公开方面。我局未收到政府信息公开申请。');
  });

  it('maps a word position to its line', () => {
    const starts: [number, number][] = [[3, 5], [4, 9], [120, 400]];
    const back = decodeLines(encodeLines(starts));
    expect(back).toEqual(starts);
    expect([lineAt(back, 0), lineAt(back, 5), lineAt(back, 8), lineAt(back, 9), lineAt(back, 399), lineAt(back, 10_000)]).toEqual([0, 3, 3, 4, 4, 120]);
  });
});

describe('search record', () => {
  const page = (lines: string[], used: number[]) => ({
    report: { report_id: 'r', agency: '咸安区人民政府', agency_id: 'xa', year: 2024, province: '湖北省', city: '咸宁市', county: null, township: null, page: 'agencies/xa/' },
    lines, used, siblings: [],
  }) as unknown as ReportPageData;

  it('indexes the narrative with its lines, leaves table rows out, keeps a long crawled line', () => {
    const long = '一、总体情况 ' + '我局认真贯彻落实条例,'.repeat(30) + '行政许可 59113';
    const r = searchRecord(page(['一、总体情况', '今年收到依申请公开3件。', '行政许可 | 59113', '', long], [3, 5]));
    const ws = r.content.split(' ');
    const starts = decodeLines(r.meta.lines);
    expect(starts.map((s) => s[0])).toEqual([1, 2, 5]); // line 3 is a table row, line 4 is empty
    const at = ws.findIndex((w) => w.startsWith('申请'));
    expect(lineAt(starts, at)).toBe(2);
    expect(r.content).not.toContain('|');
    expect(lineAt(starts, ws.length - 1)).toBe(5);
    expect(r.url).toBe('/agencies/xa/');
    expect(r.filters).toEqual({ agency: ['xa'], province: ['湖北省'], year: ['2024'] });
    expect(r.meta.place).toBe('湖北省 咸宁市');
  });
});
