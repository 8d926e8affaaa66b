/**
 * Aligning the form's row labels with a report's text. Every occurrence of
 * every row's keys is a candidate; the alignment keeps the largest set of rows
 * whose labels appear in the form's order (ties: the earliest), so a row that
 * is missing, or a key that also appears somewhere else, never shifts the
 * others. Works on the compacted text, so labels broken by spaces, line
 * breaks or cell separators still match.
 */
import type { Compact } from './source.ts';
import type { RowSpec } from './form.ts';
import { mapArray } from './map-array.ts';

/** Where a row's label was found: offsets into the source text. */
export interface Hit<C extends string> { code: C; start: number; end: number }

interface Occ { start: number; end: number }

/**
 * A mention in running text, not a label: a sentence ends right after it, or
 * (with `counted`) a count follows it (`本年新收政府信息公开申请7件,…`).
 */
const stop = (c: number) => c === 0x3002 || c === 0xff1b || c === 0xff01 || c === 0xff1f || c === 59 || c === 33 || c === 63;

/** Offsets of the sentence stops in `s`, in order (tables print few or none). */
function stopsOf(s: string): number[] {
  const out: number[] = [];
  STOPS.lastIndex = 0;
  for (let m = STOPS.exec(s); m; m = STOPS.exec(s)) out.push(m.index);
  return out;
}
/** The characters of `stop`, for a native scan. */
const STOPS = /[\u3002\uff1b\uff01\uff1f;!?]/g;

/** Is there a stop (`stops`, in order) at an offset in [a, b)? */
function stopIn(stops: number[], a: number, b: number): boolean {
  let lo = 0, hi = stops.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (stops[mid] < a) lo = mid + 1; else hi = mid; }
  return lo < stops.length && stops[lo] < b;
}

/** The units of a count in running text: 件条次人份. */
const COUNT_UNITS = mapArray([...'件条次人份'], (c) => c.charCodeAt(0));

function inSentence(s: string, at: number, end: number, counted: boolean, stops: number[]): boolean {
  if (stops.length && (stopIn(stops, end, end + 24) || stopIn(stops, Math.max(0, at - 6), at))) return true;
  if (!counted) return false;
  // A count with its unit soon after (`…申请7件`).
  for (let i = end, e = Math.min(s.length, end + 17); i < e; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      let j = i;
      while (j < s.length && s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) j++;
      // A number that ends the text has no unit.
      return j < s.length && COUNT_UNITS.includes(s.charCodeAt(j));
    }
  }
  return false;
}

const globals = new WeakMap<RegExp, RegExp>();
const PLAIN = /[\\^$.*+?()[\]{}|]/;
/** A regex of literal characters only, some escaped (`\(七\)总计`, `危及\"三`). */
const ESCAPED = /^(?:[^\\^$.*+?()[\]{}|]|\\[^\w\s])*$/;

/** Does a proper prefix of `w` end it too (so that two matches may overlap)? */
function selfOverlaps(w: string): boolean {
  for (let k = 1; k < w.length; k++) if (w.endsWith(w.slice(0, k))) return true;
  return false;
}

/**
 * The keys of some rows, for one pass over the text: their plain words by
 * first character (`first[c]` is 1 + the index in `buckets` of the words
 * starting with `c`, or 0; each word is found at every place, overlapping
 * ones too, as `indexOf` finds them), and each row's regexes (global copies).
 * An escaped literal that cannot overlap itself is a word as well: a regex
 * finds the same places.
 */
interface Keys { first: Uint16Array; buckets: { row: number; word: string }[][]; res: RegExp[][] }

const compiled = new WeakMap<object, Keys>();

/** The keys of `rows` (of its one row: callers pass a new array each time). */
function keysOf(rows: RowSpec<string>[]): Keys {
  const id = rows.length === 1 ? rows[0] : rows;
  let k = compiled.get(id);
  if (k) return k;
  const t: Keys = { first: new Uint16Array(65536), buckets: [], res: mapArray(rows, () => []) };
  const addWord = (row: number, word: string) => {
    const c = word.charCodeAt(0);
    if (!t.first[c]) { t.buckets.push([]); t.first[c] = t.buckets.length; }
    const bucket = t.buckets[t.first[c] - 1];
    // A row's key written twice (two variants that come to the same word) would find each place twice.
    if (!bucket.some((w) => w.row === row && w.word === word)) bucket.push({ row, word });
  };
  rows.forEach((r, row) => {
    for (const key of r.keys) {
      const src = key.source;
      if (!PLAIN.test(src)) { addWord(row, src); continue; }
      const lit = src.replace(/\\(.)/g, '$1');
      if (!key.flags && ESCAPED.test(src) && !selfOverlaps(lit)) { addWord(row, lit); continue; }
      let re = globals.get(key);
      if (!re) globals.set(key, (re = new RegExp(src, key.flags.includes('g') ? key.flags : key.flags + 'g')));
      t.res[row].push(re);
    }
  });
  compiled.set(id, t);
  return t;
}

/** Occurrences of each row's keys in compact text (compact indexes). */
function occurrences(s: string, rows: RowSpec<string>[], counted: boolean): Occ[][] {
  const { first, buckets, res } = keysOf(rows);
  const out: Occ[][] = [];
  const stops = stopsOf(s);
  for (let r = 0; r < rows.length; r++) out.push([]);
  for (let i = 0; i < s.length; i++) {
    const b = first[s.charCodeAt(i)];
    if (!b) continue;
    for (const { row, word } of buckets[b - 1]) {
      const end = i + word.length;
      if (s.startsWith(word, i) && !inSentence(s, i, end, counted, stops)) out[row].push({ start: i, end });
    }
  }
  for (let r = 0; r < rows.length; r++) {
    const o = out[r];
    for (const re of res[r]) {
      re.lastIndex = 0;
      for (let m = re.exec(s); m; m = re.exec(s)) {
        if (!inSentence(s, m.index, m.index + m[0].length, counted, stops)) o.push({ start: m.index, end: m.index + m[0].length });
        if (m[0].length === 0) re.lastIndex++;
      }
    }
    out[r] = longestAtEach(o);
  }
  return out;
}

/** One place once: the longest match at each start, in order of start. */
function longestAtEach(o: Occ[]): Occ[] {
  let ordered = true;
  for (let i = 1; i < o.length && ordered; i++) ordered = o[i - 1].start < o[i].start;
  if (ordered) return o;
  // By start, the longest first (an insertion sort: a row has a few places).
  for (let i = 1; i < o.length; i++) {
    const x = o[i];
    let j = i - 1;
    while (j >= 0 && (o[j].start > x.start || (o[j].start === x.start && o[j].end < x.end))) { o[j + 1] = o[j]; j--; }
    o[j + 1] = x;
  }
  return o.filter((x, i) => i === 0 || x.start !== o[i - 1].start);
}

/**
 * Align `rows` (in printed order) with `view`. Returns a hit per row, or null
 * for rows not found. `counted`: a label followed by a count with its unit
 * (`…7件`) is a sentence (tables of counts print no units). Offsets are mapped back to the source text.
 */
export function alignRows<C extends string>(view: Compact, rows: RowSpec<C>[], counted = false): (Hit<C> | null)[] {
  return align(view, rows, occurrences(view.s, rows, counted));
}

/**
 * `alignRows`, and each row's first place on its own (what `alignRows` of
 * that row alone finds), from one search of the text: for a table whose
 * parts may be printed out of the form's order.
 */
export function alignEach<C extends string>(view: Compact, rows: RowSpec<C>[]): { inOrder: (Hit<C> | null)[]; first: (Hit<C> | null)[] } {
  const occ = occurrences(view.s, rows, false);
  const first = mapArray(occ, (o, i) => (o.length ? hitOf(view, rows[i].code, o[0]) : null));
  return { inOrder: align(view, rows, occ), first };
}

/** A row's place in compact indexes as a hit in the source text's offsets. */
function hitOf<C extends string>(view: Compact, code: C, o: Occ): Hit<C> {
  return { code, start: view.at[o.start], end: view.at[o.end - 1] + 1 };
}

function align<C extends string>(view: Compact, rows: RowSpec<C>[], occ: Occ[][]): (Hit<C> | null)[] {
  // best[i][k]: the most rows that can be matched among rows[i..] when row i
  // takes occurrence k (k = occ[i].length means row i is skipped) and the
  // previous match ended at or before that occurrence's start.
  const n = rows.length;
  // Common case: every row that is printed at all found in order, each at its first place
  // after the previous one. Then no alignment matches more rows, and the search below would
  // choose the same places (the earliest of the best).
  const greedy: (Hit<C> | null)[] = [];
  let at = 0, all = true;
  for (let i = 0; i < n && all; i++) {
    if (!occ[i].length) { greedy.push(null); continue; }
    const o = occ[i].find((x) => x.start >= at);
    if (!o) { all = false; break; }
    greedy.push(hitOf(view, rows[i].code, o));
    at = o.end;
  }
  if (all) return greedy;
  const memo = new Map<number, number>();
  const stride = view.s.length + 1;
  const solve = (i: number, pos: number): number => {
    if (i === n) return 0;
    const key = i * stride + pos;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    let best = solve(i + 1, pos);
    for (const o of occ[i]) if (o.start >= pos) best = Math.max(best, 1 + solve(i + 1, o.end));
    memo.set(key, best);
    return best;
  };
  const out: (Hit<C> | null)[] = [];
  let pos = 0;
  for (let i = 0; i < n; i++) {
    const target = solve(i, pos);
    let chosen: Occ | null = null;
    for (const o of occ[i]) {
      if (o.start >= pos && 1 + solve(i + 1, o.end) === target) { chosen = o; break; }
    }
    if (!chosen) { out.push(null); continue; }
    out.push(hitOf(view, rows[i].code, chosen));
    pos = chosen.end;
  }
  return out;
}
