/**
 * The review and litigation table: 15 numbers after its header, in the order
 * review(5), suit_direct(5), suit_after_review(5), each upheld, corrected,
 * other, pending, total. Digits that ran together are split by the three
 * group totals.
 */
import type { ReviewRow } from '../types.ts';
import { COUNT, REVIEW_CELLS, REVIEW_HEADER } from './form.ts';
import { compactOf, type Source } from './source.ts';
import { rowTest, solve, type Equation, type RowChoice } from './solve.ts';
import { unsplit, untilText } from './applications.ts';
import { colOf, dropStray, positional, splitZone, zoneTokens, type ZoneToken } from './zone.ts';
import { zh, type Issue } from './issues.ts';
import type { Pending } from './evidence.ts';
import { matchesOf } from './text.ts';
import { mapArray } from './map-array.ts';

export interface ReviewTable { rows: ReviewRow[]; found: boolean; pending: Pending[] }

const COLS = mapArray(REVIEW_CELLS, ([p, o]) => `${p}.${o}`);
const GROUPS: Equation[] = mapArray(['review', 'suit_direct', 'suit_after_review'], (p) => ({
  plus: [`t/${p}.total`], minus: mapArray(['upheld', 'corrected', 'other', 'pending'], (o) => `t/${p}.${o}`),
}));

/** Do the three groups add up (true where a cell is NULL)? */
const GROUPS_HOLD = rowTest(GROUPS, 't', COLS);

/** The group of five values ending before `end` (four outcomes, then their 总计) adds up; true where a cell is NULL. */
function groupHolds(v: readonly (number | null)[], end: number): boolean {
  const a = v[end - 5], b = v[end - 4], c = v[end - 3], d = v[end - 2], t = v[end - 1];
  return a === null || b === null || c === null || d === null || t === null || a + b + c + d === t;
}

/** Five tokens that are a group: four outcome counts, printed as plain numbers, and their 总计, adding up. */
function addsUp(g: ZoneToken[]): boolean {
  return g.length === 5 && g.every((t) => /^\d+$/.test(t.text)) && groupHolds(mapArray(g, (t) => Number(t.text)), 5);
}

/** CJK characters between two words that are none of the header's: prose, not a header. */
const PROSE = 12;

/**
 * The header's words: of the runs of words no PROSE characters apart, the one
 * with the most words (the header prints a dozen; a sentence before or after
 * the table, `收到行政复议共15件`, `七、其他需说明事项`, one or two).
 */
function headerWords(t: string, words: [number, number][]): [number, number][] {
  let best: [number, number] = [0, words.length ? 1 : 0];
  let start = 0;
  for (let n = 1; n <= words.length; n++) {
    let cjk = 0;
    if (n < words.length) {
      for (let k = words[n - 1][1]; k < words[n][0] && cjk < PROSE; k++) {
        const c = t.charCodeAt(k);
        if (c >= 0x4e00 && c <= 0x9fff) cjk++;
      }
    }
    if (n === words.length || cjk >= PROSE) {
      if (n - start > best[1] - best[0]) best = [start, n];
      start = n;
    }
  }
  return best[0] === 0 && best[1] === words.length ? words : words.slice(best[0], best[1]);
}

/**
 * The table printed as three small tables, each under its own header (markdown
 * from a PDF: `### 行政复议` `| 结果维持 | … | 总计 |` `| 27 | 10 | 9 | 15 | 61 |`, then
 * the two lawsuit groups): the numbers between the header words, when the last
 * three such groups have five each; or, the header's words and numbers taken
 * in turn, all the numbers between them when they are fifteen.
 */
function subTables(src: Source, words: [number, number][], to: number): ZoneToken[] | null {
  const groups = mapArray(mapArray(words, ([, end], i) => zoneTokens(src, end, i + 1 < words.length ? words[i + 1][0] : to)), (g, i) => (i + 1 === words.length ? untilText(src, g) : g)).filter((g) => g.length);
  // The last three: the region may begin with the end of the application table.
  const last = groups.slice(-3);
  // Each a group: four outcomes and their 总计, which must add up.
  if (last.length === 3 && last.every(addsUp)) return last.flat();
  // Or the header's words and the numbers of the columns under them taken in turn (pdftotext's
  // default order: the first nine columns' words, their nine numbers, then `复议后起诉` and the
  // last six): fifteen numbers in all, each alone on its line, in three groups that add up.
  const all = groups.flat();
  const turns = all.length === COLS.length && all.every((t) => t.lone) && [0, 5, 10].every((k) => addsUp(all.slice(k, k + 5)));
  return turns ? all : null;
}

export function readReviews(src: Source, from: number, to: number, issues: Issue[]): ReviewTable {
  const view = compactOf(src, from, to);
  // The header words, as [start, end) offsets of the source text.
  const words = mapArray(matchesOf(REVIEW_HEADER, view.s), (m): [number, number] => [view.at[m.index], view.at[m.index + m[0].length - 1] + 1]);
  const heads = mapArray(headerWords(src.text, words), ([, end]) => end);
  if (!heads.length) return { rows: [], found: false, pending: [] };
  // Its outcome words, unless the header is printed a character per line (narrow columns of a
  // PDF: 结/果/维/持) or not at all: then fifteen numbers in three groups that add up.
  const worded = /维持|纠正|审结/.test(view.s);
  // The numbers follow the last header word that has numbers after it (none: no header word has).
  let tokens: ZoneToken[] = [];
  for (let h = heads.length - 1; h >= 0; h--) {
    const after = zoneTokens(src, heads[h], to);
    if (after.length) { tokens = after; break; }
  }
  tokens = untilText(src, tokens);
  if (tokens.length < COLS.length) tokens = subTables(src, words, to) ?? tokens;
  const line = tokens[0]?.line ?? null;
  const nulls = (): ReviewRow[] => mapArray(REVIEW_CELLS, ([proceeding, outcome]) => ({ proceeding, outcome, value: null, line, col: undefined }));
  const printed = mapArray(tokens, (t) => t.text || '空白').join(' ');
  const none = { rows: [], found: false, pending: [] };
  if (!worded && !tokens.length) return none;
  if (!tokens.length) {
    issues.push({ kind: 'missing', table: 'reviews', detail: '行政复议、行政诉讼表没有印出数字' });
    return { rows: nulls(), found: true, pending: [] };
  }
  tokens = dropStray(tokens, COLS.length);
  tokens = positional(src, tokens, COLS.length, () => true) ?? tokens;
  // The splits whose groups add up, each group checked as soon as its five cells are cut (large
  // numbers run together have too many splits to try them all); else every split.
  let s = splitZone(tokens, mapArray(COLS, () => COUNT), undefined, (vals) => vals.length === 0 || vals.length % 5 !== 0 || groupHolds(vals, vals.length));
  if (!s.splits.length) s = splitZone(tokens, mapArray(COLS, () => COUNT));
  if (!worded && !s.splits.length) return none;
  if (!s.splits.length) {
    const i = unsplit('reviews', 't', '复议诉讼表', tokens, mapArray(COLS, () => COUNT), s.overflow);
    issues.push({ ...i, row: undefined });
    return { rows: nulls(), found: true, pending: [] };
  }
  let splits = s.splits;
  const own = splits.filter((sp) => GROUPS_HOLD(mapArray(sp.cells, (c) => c.value)));
  // Without its outcome words, only numbers that make the three groups one way are the table.
  if (!worded && !(splits.length === 1 && own.length === 1)) return none;
  if (own.length && own.length < splits.length) splits = own;
  const choice: RowChoice = { row: 't', cols: COLS, cands: mapArray(splits, (sp) => mapArray(sp.cells, (c) => c.value)) };
  const sol = solve([choice], GROUPS);
  const winners = sol.winners.get('t')!;
  const values = sol.values.get('t')!;
  const first = splits[winners[0]];
  const rows: ReviewRow[] = mapArray(REVIEW_CELLS, ([proceeding, outcome], j) => {
    const c = first.cells[j];
    if (values[j] === null && winners.every((k) => splits[k].cells[j].value === null)) {
      issues.push({ kind: c.kind === 'blank' ? 'blank' : 'placeholder', table: 'reviews', row: proceeding, col: outcome, detail: `「${zh(proceeding)}」「${zh(outcome)}」为「${c.text || '空白'}」` });
    }
    return { proceeding, outcome, value: values[j], line: c.line, col: colOf(src, c) };
  });
  const pending: Pending[] = [];
  if (first.cells.length > tokens.length || splits.length > 1) {
    if (winners.length === 1) {
      issues.push({ kind: 'split', table: 'reviews', detail: `复议诉讼表的数字粘连为「${printed}」,${splits.length > 1 ? `按各组总计` : ''}唯一拆分为 ${mapArray(first.cells, (c) => c.text).join(' ')}` });
    } else {
      issues.push({ kind: 'unsplittable', table: 'reviews', detail: `复议诉讼表的数字「${printed}」有 ${winners.length} 种同样符合各组总计的拆分,不一致的格记为空` });
      pending.push({ table: 'reviews', row: 't', cols: COLS, cands: mapArray(winners, (k) => mapArray(splits[k].cells, (c) => c.value)), lines: mapArray(first.cells, (c) => c.line) });
    }
  }
  return { rows, found: true, pending };
}
