import { mapArray } from './map-array.ts';
import { RADICAL_TO_IDEOGRAPH } from './radicals.ts';
/**
 * Text normalisation used for matching (never for what is shown as printed):
 * full-width ASCII to half-width, odd spaces to plain spaces, zero-width
 * characters removed, CJK radicals and compatibility ideographs that stand
 * for an ideograph made the ideograph. Line count is preserved.
 */

/**
 * Does `splitLines(text).join('\n')` give `text` back? Yes unless it opens
 * with a BOM (dropped) or holds a CR (a line break made LF).
 */
export function joinsBack(text: string): boolean {
  return text.charCodeAt(0) !== 0xfeff && !text.includes('\r');
}

/** Split text into lines (CRLF, CR or LF); text without CR by its LFs (a string split, faster). */
export function splitLines(text: string): string[] {
  const t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return t.includes('\r') ? t.split(/\r\n|\r|\n/) : t.split('\n');
}

/** Characters made others: curly quotes, CJK brackets, dashes. */
const MAP: Record<string, string> = {
  '“': '"', '”': '"', '„': '"', '‟': '"', '″': '"', '‘': "'", '’': "'",
  '〔': '[', '【': '[', '〕': ']', '】': ']', '–': '—', '―': '—',
};
/**
 * Radicals (U+2E80–U+2FDF) → the ideograph they stand for, where it is one
 * code unit: PDF text extracted by any tool (pdftotext, mutool, pdf.js) from a
 * PDF whose ToUnicode map names the radical (Chromium/Skia, some WPS exports)
 * prints `⼀、本年新收…` and `⾏政复议`, which no label would match.
 */
const RADICALS = new Map([...RADICAL_TO_IDEOGRAPH].filter(([, i]) => i.length === 1));
for (const [r, i] of RADICALS) MAP[r] = i;
/**
 * CJK Compatibility Ideographs (U+F900–U+FAFF) → the unified ideograph they
 * are a duplicate of (their NFKC form): some fonts' ToUnicode maps name them,
 * and PDF text then prints `\uf967予公开` for 不予公开 and `\uf98e` for 年.
 */
for (let c = 0xf900; c <= 0xfaff; c++) {
  const k = String.fromCharCode(c), n = k.normalize('NFKC');
  if (n !== k && n.length === 1) MAP[k] = n;
}
/** Code units changed besides MAP's: full-width ASCII, odd spaces, zero-width characters. */
const RANGES: [number, number][] = [
  [0xff01, 0xff5e], [0x00a0, 0x00a0], [0x1680, 0x1680], [0x2000, 0x200d], [0x202f, 0x202f], [0x205f, 0x205f],
  [0x3000, 0x3000], [0x2060, 0x2060], [0xfeff, 0xfeff], [0x00ad, 0x00ad],
];
const CHANGED: [number, number][] = [...RANGES, ...mapArray(Object.keys(MAP), (k) => [k.charCodeAt(0), k.charCodeAt(0)] as [number, number])];
const hex = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;
/** Any character `normalize` changes. */
const SPECIAL = new RegExp(`[${mapArray(CHANGED, ([lo, hi]) => (lo === hi ? hex(lo) : `${hex(lo)}-${hex(hi)}`)).join('')}]`, 'g');

function replace(c: string): string {
  const code = c.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  if (code === 0x200b || code === 0x200c || code === 0x200d || code === 0x2060 || code === 0xfeff || code === 0x00ad) return '';
  return MAP[c] ?? ' ';
}

/** What `replace` makes of each code unit `SPECIAL` matches: KEEP for others, DROP for ''. */
const KEEP = 0xffff, DROP = 0xfffe;
const REPLACEMENT = new Uint16Array(0x10000).fill(KEEP);
for (const [lo, hi] of CHANGED) for (let c = lo; c <= hi; c++) REPLACEMENT[c] = code(replace(String.fromCharCode(c)));

function code(r: string): number {
  return r === '' ? DROP : r.charCodeAt(0);
}

/**
 * Full-width → half-width ASCII, odd spaces → ' ', zero-width removed, curly
 * quotes straightened, dashes unified to `—`. A line with nothing to change
 * is returned as is (one regex test); otherwise the unchanged runs between
 * the characters to change are joined with their replacements (faster than
 * a replace that calls back for each).
 */
export function normalize(s: string): string {
  SPECIAL.lastIndex = 0;
  if (!SPECIAL.test(s)) return s;
  const parts: string[] = [];
  let run = 0;
  for (let i = SPECIAL.lastIndex - 1; i < s.length; i++) {
    const r = REPLACEMENT[s.charCodeAt(i)];
    if (r === KEEP) continue;
    if (run < i) parts.push(s.slice(run, i));
    if (r !== DROP) parts.push(String.fromCharCode(r));
    run = i + 1;
  }
  if (run < s.length) parts.push(s.slice(run));
  return parts.join('');
}

/** Remove all whitespace: labels are matched without spaces (`禁 止公开`). */
export function compact(s: string): string {
  return s.replace(/\s+/g, '');
}

/**
 * The next match of the global `re` in `text` at or after `from`, as
 * `re.exec` from there finds it; the search starts no earlier than `lead`
 * characters before the first of `keys` — words every match of `re` holds
 * within `lead` characters of its start — so a pattern that opens with
 * optional or repeated parts is not tried all over text without them.
 */
export function execNear(re: RegExp, text: string, from: number, keys: readonly string[], lead: number): RegExpExecArray | null {
  let first = -1;
  for (const k of keys) {
    const i = text.indexOf(k, from);
    if (i >= 0 && (first < 0 || i < first)) first = i;
  }
  if (first < 0) return null;
  re.lastIndex = Math.max(from, first - lead);
  return re.exec(text);
}

/**
 * The matches of the global `re` in `s`, as `[...s.matchAll(re)]` gives them
 * from a `re` whose lastIndex is 0 (an exec loop: matchAll copies the regex
 * and iterates, which costs more for the few matches a report has).
 */
export function matchesOf(re: RegExp, s: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    out.push(m);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

/** An ASCII digit (what `\d` matches), by code unit. */
export const isDigitCode = (c: number) => c >= 48 && c <= 57;

/** JavaScript's `\s` (and what `trim()` removes): white space and line terminators, by code unit. */
export function isSpaceCode(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029
    || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
