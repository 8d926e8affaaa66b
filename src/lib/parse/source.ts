/**
 * A report's text as one string with line provenance. Readers work on offsets
 * into `text` — the decoded lines, normalised (full-width → half-width, odd
 * spaces → ' ') and joined by '\n' — so that reading never depends on where
 * the input happens to break its lines. `lineOf(offset)` gives the 1-based
 * source line of any offset.
 *
 * Noise that layouts drop into tables (page footers `- 3 -`, markdown rules
 * `|---|`, generic markdown headers `数据1`) is blanked out with spaces of the
 * same length, so offsets stay valid and the noise separates like a space.
 */
import { isDigitCode, isSpaceCode, normalize } from './text.ts';
import { blankSpanRepeats } from './pipe-spans.ts';

export interface Source {
  /** Decoded source lines, as printed (for display and the sections). */
  lines: string[];
  /** Normalised lines joined by '\n', noise blanked. */
  text: string;
  /** The lines as printed, joined like `text` (same offsets). */
  raw: string;
  /** Offset in `text` where each line starts. */
  lineStarts: number[];
}

/** Characters `text` cannot match a pattern without: a pass over text without any is skipped. */
const holdsAny = (chars: string[]) => (text: string) => chars.some((c) => text.includes(c));

/**
 * Could `^\s*\d{1,3}\s*\/\s*\d{1,3}\s*$` (multi-line) match? Only at a `/`
 * with, on each side across spaces, one to three digits, and beyond them
 * spaces that hold a line break or reach the end of the text (where `^` and
 * `$` can stand; `\s` crosses lines). Dates (`2024/01/24`) and a table's `/`
 * placeholders between separators have neither.
 */
export function slashBetweenDigits(text: string): boolean {
  const n = text.length;
  for (let i = text.indexOf('/'); i >= 0; i = text.indexOf('/', i + 1)) {
    let a = i - 1;
    while (a >= 0 && isSpaceCode(text.charCodeAt(a))) a--;
    let d = 0;
    while (a >= 0 && isDigitCode(text.charCodeAt(a))) { a--; d++; }
    if (d < 1 || d > 3) continue;
    // Then spaces back to a line's end or the text's start (where `^` stands).
    while (a >= 0 && isSpaceCode(text.charCodeAt(a)) && !isLineEnd(text.charCodeAt(a))) a--;
    if (a >= 0 && !isLineEnd(text.charCodeAt(a))) continue;
    let b = i + 1;
    while (b < n && isSpaceCode(text.charCodeAt(b))) b++;
    d = 0;
    while (b < n && isDigitCode(text.charCodeAt(b))) { b++; d++; }
    if (d < 1 || d > 3) continue;
    // Then spaces on to a line's end or the text's end (where `$` stands).
    while (b < n && isSpaceCode(text.charCodeAt(b)) && !isLineEnd(text.charCodeAt(b))) b++;
    if (b >= n || isLineEnd(text.charCodeAt(b))) return true;
  }
  return false;
}

/** What `^` and `$` stand next to in a multi-line pattern: LF, CR, U+2028, U+2029. */
const isLineEnd = (c: number) => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;

/**
 * Page footers and running page marks, on their own or inline between spaces;
 * each with a test that text it can match passes (to skip a pass over text that cannot).
 */
const PAGE_MARKS: [RegExp, (text: string) => boolean][] = [
  [/(?<=^|[\s|])[-—–]\s{0,2}\d{1,3}\s{0,2}[-—–](?=[\s|]|$)/gm, holdsAny(['-', '—', '–'])],
  [/第\s{0,2}\d{1,3}\s{0,2}页(?:\s{0,2}[,，/]?\s{0,2}共\s{0,2}\d{1,3}\s{0,2}页)?/g, holdsAny(['页'])],
  [/共\s{0,2}\d{1,3}\s{0,2}页\s{0,2}第\s{0,2}\d{1,3}\s{0,2}页/g, holdsAny(['页'])],
  [/^\s*\d{1,3}\s*\/\s*\d{1,3}\s*$/gm, slashBetweenDigits],
];

/** A line holding only a number of up to three digits. */
const BARE_NUMBER = /^[ \t]*(\d{1,3})[ \t]*$/;

/**
 * Bare page numbers: pdftotext and mutool end each page with a form feed, and a
 * page's last line may be its number alone. So may a table's last value on the
 * page (`0`, in a PDF without page numbers, or above a footer `- 4 -`): a number
 * counts as the page's only where it runs with the pages — never 0, and page
 * index plus one offset shared by most such numbers (a lone one from two below
 * its index to one above: a cover or contents page unnumbered). Where two or
 * more pages agree, a page whose number is not its last line (pdftotext's
 * default order may print a header word after it) has it among its last three
 * lines, the only one there that is that number. Run before the other marks
 * are blanked, so that a number above a footer is not the page's last line.
 */
export function blankPageNumbers(text: string): string {
  if (!text.includes('\f')) return text;
  // Each page's last lines (up to three that are not blank), last first: [start, end, number].
  const pages: [number, number, number | null][][] = [];
  for (let ff = text.indexOf('\f'); ff >= 0; ff = text.indexOf('\f', ff + 1)) {
    const lines: [number, number, number | null][] = [];
    let end = ff;
    while (lines.length < 3 && end > 0) {
      const start = text.lastIndexOf('\n', end - 1) + 1;
      const line = text.slice(start, end);
      if (line.includes('\f')) break;
      if (line.trim()) {
        const m = BARE_NUMBER.exec(line);
        lines.push([start, end, m ? Number(m[1]) : null]);
      }
      if (start === 0) break;
      end = start - 1;
    }
    pages.push(lines);
  }
  const tally = new Map<number, number>();
  pages.forEach((lines, p) => {
    const n = lines[0]?.[2];
    if (n) tally.set(n - p - 1, (tally.get(n - p - 1) ?? 0) + 1);
  });
  if (!tally.size) return text;
  const [offset, times] = [...tally].sort((a, b) => b[1] - a[1] || Math.abs(a[0]) - Math.abs(b[0]))[0];
  if (times < 2 && (offset < -2 || offset > 1)) return text;
  const blanks: [number, number][] = [];
  pages.forEach((lines, p) => {
    const want = p + 1 + offset;
    if (lines[0]?.[2] === want) blanks.push([lines[0][0], lines[0][1]]);
    else if (times >= 2) {
      const at = lines.filter((l) => l[2] === want);
      if (at.length === 1) blanks.push([at[0][0], at[0][1]]);
    }
  });
  let out = '';
  let from = 0;
  for (const [a, b] of blanks) {
    out += text.slice(from, a) + ' '.repeat(b - a);
    from = b;
  }
  return out + text.slice(from);
}

/**
 * Markdown table rules and the generic headers converters write (`| 数据1 | 数据2 |`);
 * each with a cheaper test that text without a match fails (to skip the pass).
 */
const MARKDOWN_NOISE: [RegExp, RegExp][] = [
  [/^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/gm, /---/],
  [/(?<=\|)\s*(?:数据|列|栏|Col(?:umn)?\s?)\d{1,2}\s*(?=\|)/gi, /(?:数据|列|栏)\d|col/i],
];

/** Spaces of a match's length, its line breaks kept. */
const blank = (m: string) => (m.includes('\n') ? m.replace(/[^\n]/g, ' ') : ' '.repeat(m.length));

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

/**
 * The source of `lines`; `joined`, when the caller has it, is `lines.join('\n')`
 * (the text the lines were split from, with no CR or BOM), so it need not be
 * built again.
 */
export function makeSource(lines: string[], joined?: string): Source {
  const full = joined ?? lines.join('\n');
  const raw = full.replace(ZERO_WIDTH, '');
  let text = blankPageNumbers(blankSpanRepeats(normalize(raw)));
  for (const [re, may] of PAGE_MARKS) if (may(text)) text = text.replace(re, blank);
  if (text.includes('|')) for (const [re, needs] of MARKDOWN_NOISE) if (needs.test(text)) text = text.replace(re, blank);
  // Markdown emphasis (`**五、存在的主要问题**`): the marks, not the words.
  if (text.includes('**')) text = text.replace(/\*\*([^*\n]+?)\*\*/g, (_m, inner: string) => `  ${inner}  `);
  return { lines, text, raw, lineStarts: lineStartsOf(lines, text, raw.length === full.length) };
}

/**
 * Where each line starts in `text`. Every pass above keeps the length and the
 * line breaks, so when no zero-width character was removed (`whole`) the
 * starts follow from the lines' lengths, without a search of the text.
 */
function lineStartsOf(lines: string[], text: string, whole: boolean): number[] {
  if (whole) {
    const starts = new Array<number>(lines.length);
    let at = 0;
    for (let k = 0; k < lines.length; k++) { starts[k] = at; at += lines[k].length + 1; }
    return starts;
  }
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The text of a 1-based line of `src.text`, without its line break. */
export function lineText(src: Source, line: number): string {
  const ls = src.lineStarts[line - 1];
  return src.text.slice(ls, line < src.lineStarts.length ? src.lineStarts[line] - 1 : src.text.length);
}

/** 1-based line of an offset. */
export function lineOf(src: Source, offset: number): number {
  const a = src.lineStarts;
  let lo = 0, hi = a.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (a[mid] <= offset) lo = mid; else hi = mid - 1;
  }
  return lo + 1;
}

/**
 * The text of [from, to) without whitespace and cell separators, for matching
 * labels that layouts break (`禁 止公开`, a label over two cells or lines);
 * `at[i]` is the offset in `text` of the i-th compact character.
 */
export interface Compact { s: string; at: Int32Array }

const views = new WeakMap<Source, Compact>();

export function compactOf(src: Source, from = 0, to = src.text.length): Compact {
  let whole = views.get(src);
  if (!whole) views.set(src, (whole = compactRange(src, 0, src.text.length)));
  if (from === 0 && to === src.text.length) return whole;
  // A range of the whole view: the compact characters whose offsets lie in [from, to).
  const first = (offset: number) => {
    let lo = 0, hi = whole!.at.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (whole!.at[mid] < offset) lo = mid + 1; else hi = mid; }
    return lo;
  };
  const i = first(from), j = first(to);
  return { s: whole.s.slice(i, j), at: whole.at.subarray(i, j) };
}

function compactRange(src: Source, from: number, to: number): Compact {
  const t = src.text;
  const at = new Int32Array(Math.max(0, to - from));
  let s = '';
  let n = 0;
  let run = from;
  for (let i = from; i < to; i++) {
    const c = t.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13 || c === 124) {
      if (run < i) s += t.slice(run, i);
      run = i + 1;
      continue;
    }
    at[n++] = i;
  }
  if (run < to) s += t.slice(run, to);
  return { s, at: at.subarray(0, n) };
}
