/**
 * HTML → text lines. Table rows become one line each with cells separated by
 * tabs (so the table reader sees the same shape as PDF text); block elements
 * become line breaks; navigation, scripts and styles are dropped.
 *
 * Linear in the size of the page, whatever it holds: comments and dropped
 * elements are found by a scanner that never looks at a part of the page
 * twice (an unclosed `<script>`, `<style>` or `<!--` is left in place, as
 * before, without rescanning the rest of the page for each one); tables are
 * paired with a stack in one pass; and a `<` that no later `>` closes is
 * hidden from the tag patterns, which would otherwise rescan to the end from
 * every such `<`.
 */

import { isSpaceCode } from './text.ts';
import { mapArray } from './map-array.ts';

const DROP_NAMES = ['script', 'style', 'noscript', 'nav', 'header', 'footer', 'iframe', 'svg', 'select', 'button', 'form'];
/** Tags that end a line. */
const BLOCK_NAMES = 'p|div|br|li|ul|ol|h[1-6]|table|thead|tbody|tfoot|section|article|blockquote|pre|dd|dt|dl|center|hr';
const BLOCK = new RegExp(`<\\/?(?:${BLOCK_NAMES})\\b[^>]*>`, 'gi');
/** BLOCK_NAMES' names (lower case) by their length (see nameAt). */
const BLOCK_BY_LENGTH = byLength(BLOCK_NAMES.replace('h[1-6]', 'h1|h2|h3|h4|h5|h6').split('|'));

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', mdash: '—', ndash: '–', middot: '·', hellip: '…', emsp: ' ', ensp: ' ', thinsp: ' ', times: '×' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      // Control characters stand for nothing in a report (and \u0001-\u0004 are this file's own marks).
      if (n > 0 && n < 0x20 && n !== 9 && n !== 10 && n !== 13) return '';
      return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** Does this text look like an HTML document? */
export function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<!doctype html|<html|<head|<body|<meta|<table|<div)/i.test(text.slice(0, 2000));
}

/** A `<` that no `>` follows can never start a tag: stands for it until the end, so the tag patterns skip it. */
const LT = '\u0003';

/** Hides every `<` after the last `>` (see LT): tag patterns then never scan to the end of the text and fail. */
function closable(s: string): string {
  const k = s.lastIndexOf('>');
  return s.indexOf('<', k + 1) < 0 ? s : s.slice(0, k + 1) + s.slice(k + 1).replaceAll('<', LT);
}

/**
 * Whitespace around a line break → one space (`\s*\n\s*`), matched only from
 * the start of a run of spaces, so a long run without a line break is tried
 * once, not once per space.
 */
const AROUND_NL = /(?<![^\S\n])[^\S\n]*\n\s*/g;

/** Spaces a cell's line is collapsed by. */
const SPACES = /[ \t\r\f\v]+/g;

/** `[A-Za-z0-9_]`, what `\b` counts as a word (NaN, past the end, is not). */
function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/**
 * Where the next `<tr`, `<td` or `<th` (any case, then a word boundary: what
 * `/<t[dh]\b/i` finds) starts at or after `from`: `a` and `b` are the lower
 * case codes of the letters wanted after the `t`. -1 if none.
 */
function nextCellTag(s: string, from: number, a: number, b: number): number {
  for (let i = s.indexOf('<', from); i >= 0; i = s.indexOf('<', i + 1)) {
    if ((s.charCodeAt(i + 1) | 32) !== 116) continue;
    const c = s.charCodeAt(i + 2) | 32;
    if ((c === a || c === b) && !isWordCode(s.charCodeAt(i + 3))) return i;
  }
  return -1;
}

/** Each whitespace run holding a line break → one space: what AROUND_NL does, as a scan. */
function joinLines(s: string): string {
  let nl = s.indexOf('\n');
  if (nl < 0) return s;
  let out = '';
  let i = 0; // copied up to here
  while (nl >= 0) {
    let a = nl;
    while (a > i && isSpaceCode(s.charCodeAt(a - 1))) a--;
    let b = nl + 1;
    while (b < s.length && isSpaceCode(s.charCodeAt(b))) b++;
    out += s.slice(i, a) + ' ';
    i = b;
    nl = s.indexOf('\n', b);
  }
  return out + s.slice(i);
}

/** Would SPACES change `s`: a tab, CR, FF or VT, or two spaces in a row? */
function collapses(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) { if (s.charCodeAt(i + 1) === 32) return true; }
    else if (c >= 9 && c <= 13 && c !== 10) return true;
  }
  return false;
}

/** A line of a cell, its spaces collapsed, kept unless blank. */
function pushTrimmed(lines: string[], line: string): void {
  const t = (collapses(line) ? line.replace(SPACES, ' ') : line).trim();
  if (t) lines.push(t);
}

/**
 * A line of a cell with its entities decoded: an entity never spans a tag or
 * a line.
 */
function pushLine(lines: string[], line: string): void {
  // A `<` the cell prints (`&lt;5万元`) is text: hidden from the page's later tag patterns (see LT).
  if (line.includes('&')) line = asText(decodeEntities(line));
  if (!line.includes(NL)) pushTrimmed(lines, line);
  else for (const l of line.split(NL)) pushTrimmed(lines, l);
}

/** Only spaces, tabs and line breaks from a to b: one space in a line, once collapsed (SPACES, joinLines). */
function blankAt(s: string, a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    const c = s.charCodeAt(k);
    if (c !== 32 && (c < 9 || c > 13)) return false;
  }
  return true;
}

/**
 * Does a block tag start at this `<` (what BLOCK matches up to its `>`)? Its
 * name is the run of word characters after `<` or `</`, as `\\b` ends it.
 */
function blockTagAt(s: string, lt: number): boolean {
  return nameAt(s, s.charCodeAt(lt + 1) === 47 ? lt + 2 : lt + 1, BLOCK_BY_LENGTH) !== null;
}

/** Names (lower case) by their length, for `nameAt`. */
function byLength(names: Iterable<string>): string[][] {
  const out: string[][] = [];
  for (const n of names) (out[n.length] ??= []).push(n);
  return out;
}

/**
 * The name among `names` (by length) that the run of word characters at `i`
 * spells in any case (what a tag pattern's name and `\\b` match), or null;
 * compared in lower case (`| 32` lowers a letter and keeps a digit) without
 * making the string. The run is read no further than the longest name.
 */
function nameAt(s: string, i: number, names: string[][]): string | null {
  let j = i;
  while (j < s.length && j - i < names.length && isWordCode(s.charCodeAt(j))) j++;
  const same = names[j - i];
  // Most of a page's tags (`span`, `font`, `/b`…) have no name of their length, or differ in the first letter.
  if (same === undefined) return null;
  const c0 = s.charCodeAt(i) | 32;
  for (let n = 0; n < same.length; n++) {
    const name = same[n];
    if (name.charCodeAt(0) !== c0) continue;
    let k = 1;
    while (k < name.length && (s.charCodeAt(i + k) | 32) === name.charCodeAt(k)) k++;
    if (k === name.length) return name;
  }
  return null;
}

/** Does a cell's tag start at this `<` (`<td`, `<th`, any case, then a word boundary, as in nextCellTag)? */
function cellTagAt(s: string, lt: number): boolean {
  if ((s.charCodeAt(lt + 1) | 32) !== 116) return false;
  const c = s.charCodeAt(lt + 2) | 32;
  return (c === 100 || c === 104) && !isWordCode(s.charCodeAt(lt + 3));
}

/**
 * The lines of the cell whose text starts at `from` in a row, read in one
 * scan up to the next cell's tag: whitespace runs holding a line break are
 * one space, a block tag ends a line and another tag is a space. Returns
 * where the cell ends (the row's length for its last cell), or -1 where a
 * `<` opens no tag that the next `>` closes before any other `<`: only there
 * do strayCellLines' passes read otherwise. Spaces between two texts are
 * written as one (they collapse to one), none at the ends of a line (they
 * are trimmed).
 */
function scanCell(row: string, from: number, lines: string[]): number {
  let line = '';
  let space = false; // a space is due before the line's next text
  let i = from; // read up to here
  for (let lt = row.indexOf('<', from); ; ) {
    const to = lt < 0 ? row.length : lt;
    if (to > i) {
      if (blankAt(row, i, to)) space = line !== '';
      else {
        line += (space ? ' ' : '') + joinLines(row.slice(i, to));
        space = false;
      }
    }
    if (lt < 0 || cellTagAt(row, lt)) {
      pushLine(lines, line);
      return to;
    }
    const gt = row.indexOf('>', lt + 1);
    if (gt < lt + 2) return -1; // `<>`, or no `>` after this `<`
    const next = row.indexOf('<', lt + 1);
    if (next >= 0 && next < gt) return -1;
    if (blockTagAt(row, lt)) {
      pushLine(lines, line);
      line = '';
      space = false;
    } else space = line !== '';
    i = gt + 1;
    lt = next;
  }
}

/** The lines of a cell with a stray `<` in it (`a<<b>`, `<>`, a `<` never closed), by the general passes. */
function strayCellLines(raw: string): string[] {
  const cell = closable(raw);
  // A cell holding an already converted inner table keeps its lines.
  const text = asText(decodeEntities((cell.includes('\n') ? cell.replace(AROUND_NL, ' ') : cell).replace(BLOCK, NL).replace(/<[^>]+>/g, ' ')));
  return mapArray(text.split(NL), (l) => l.replace(SPACES, ' ').trim()).filter(Boolean);
}

const COLSPAN = /colspan\s*=\s*["']?(\d+)/gi;

/**
 * The colspan a cell's tag gives in row[from, to) (its attributes), as the
 * digits written, or undefined; the next colspan of the row is searched once
 * and kept, so a row is searched once whatever its cells. (A match within a
 * tag never runs past its `>`: the pattern holds none.)
 */
function colspans(row: string): (from: number, to: number) => string | undefined {
  let at = -1, digits = '';
  return (from, to) => {
    if (at !== -2 && at < from) {
      COLSPAN.lastIndex = from;
      const m = COLSPAN.exec(row);
      at = m ? m.index : -2;
      digits = m ? m[1] : '';
    }
    return at >= from && at < to ? digits : undefined;
  };
}

/** Does `s` hold a CJK ideograph (U+4E00–U+9FFF)? */
function hasCjk(s: string): boolean {
  for (let i = 0; i < s.length; i++) { const c = s.charCodeAt(i); if (c >= 0x4e00 && c <= 0x9fff) return true; }
  return false;
}

/** One table with no table inside it → text: a line per row, cells joined by tabs. */
function tableToText(table: string): string {
  const inner = closable(table);
  const rows: string[] = [];
  const first = nextCellTag(inner, 0, 114, 114);
  const before = asText(decodeEntities((first < 0 ? inner : inner.slice(0, first)).replace(BLOCK, NL).replace(/<[^>]+>/g, ' ')));
  for (const l of before.split(NL)) if (l.trim()) rows.push(l.trim());
  // Cells of the last header row (two or more cells, words, no numbers): see below.
  let headerCells = 0;
  // A row runs from its `<tr …>` to the next `<tr` (closing tags are optional), a cell likewise;
  // every `<` left in `inner` has a `>` after it (closable), so each opening tag ends.
  for (let at = first; at >= 0;) {
    const open = inner.indexOf('>', at + 3);
    const next = nextCellTag(inner, open + 1, 114, 114);
    const row = closable(inner.slice(open + 1, next < 0 ? inner.length : next));
    at = next;
    const found: { text: string; span: number; words: boolean }[] = [];
    let multiline = false;
    const spanIn = colspans(row);
    for (let c = nextCellTag(row, 0, 100, 104); c >= 0;) {
      const gt = row.indexOf('>', c + 3);
      let parts: string[] = [];
      let end = scanCell(row, gt + 1, parts);
      if (end < 0) {
        const tag = nextCellTag(row, gt + 1, 100, 104);
        end = tag < 0 ? row.length : tag;
        parts = strayCellLines(row.slice(gt + 1, end));
      }
      if (parts.length > 1) multiline = true;
      const span = spanIn(c + 3, gt);
      found.push({ text: parts.length === 1 ? parts[0] : parts.join(NL), span: Math.min(Number(span ?? 1), 20), words: hasCjk(parts[0] ?? '') });
      c = end < row.length ? end : -1;
    }
    // A value cell spanning columns keeps its width; a label spanning the label columns does not
    // (its filler cells would look like blank values between the label and its numbers). A row with
    // as many cells as the header above it is read cell by cell, whatever the spans: pages span a
    // value over two columns under a header that spans other ones (`本年新公开数量` colspan=2 over
    // `13` colspan=2; `上一年项目数量` over the first half of a `0` colspan=2).
    const asHeader = found.length > 1 && found.length === headerCells;
    const cells: string[] = [];
    for (const c of found) {
      cells.push(c.text);
      if (!c.words && !asHeader) for (let k = 1; k < c.span; k++) cells.push('');
    }
    if (found.length > 1 && found.some((c) => c.words) && !found.some((c) => /^[\d.,\s%-]+(?:万?元)?$/.test(c.text))) headerCells = found.length;
    rows.push(multiline ? cells.filter(Boolean).join(NL) : cells.join(TAB));
  }
  return NL + rows.join(NL) + NL;
}

/** Line break and cell break inside converted tables, kept apart from the HTML source's own whitespace. */
const NL = '\u0001';
const TAB = '\u0002';

/** The marks of converted tables and hidden `<` back to line breaks, tabs and `<`. */
/** A decoded `&` of table text, kept from the page's last entity pass (`&amp;lt;` is `&lt;`, as in a paragraph). */
const AMP = '\u0004';
/** Decoded table text as text: its `<` and `&` hidden from the page's later tag and entity passes. */
const asText = (s: string) => s.replaceAll('<', LT).replaceAll('&', AMP);
/** What each mark (by code: MARKS are \u0001-\u0004) stands for. */
const UNMARKED: string[] = [];
for (const [mark, was] of [[NL, '\n'], [TAB, '\t'], [LT, '<'], [AMP, '&']]) UNMARKED[mark.charCodeAt(0)] = was;
/** Each mark back to what it stands for, in one pass. */
function unmark(s: string): string {
  let out = '', run = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 1 && c <= 4) { out += s.slice(run, i) + UNMARKED[c]; run = i + 1; }
  }
  return run ? out + s.slice(run) : s;
}

/** Where the next `<!--` starts at or after `from`, or -1; found by its `!--`, as `!` is rare in a page and `<` is not. */
function commentAt(s: string, from: number): number {
  for (let k = s.indexOf('!--', from + 1); k >= 0; k = s.indexOf('!--', k + 1)) {
    if (s.charCodeAt(k - 1) === 60) return k - 1;
  }
  return -1;
}

/** Comments `<!-- … -->` removed; an unclosed one is left as it is. One pass. */
function dropComments(s: string): string {
  let out = '';
  let i = 0;
  for (;;) {
    const j = commentAt(s, i);
    if (j < 0) break;
    const k = s.indexOf('-->', j + 4);
    if (k < 0) break; // no comment closes after this: the rest stays as it is
    out += s.slice(i, j);
    i = k + 3;
  }
  return i === 0 ? s : out + s.slice(i);
}

/**
 * The opening tag of a DROP_NAMES element: `<`, its name in any case, then no
 * word character (`\\b`). One native search finds the next, past the page's
 * other tags.
 */
const DROP_OPEN = new RegExp(`<(${DROP_NAMES.join('|')})(?![A-Za-z0-9_])`, 'gi');

/**
 * Navigation, scripts, styles… (DROP_NAMES) removed, each element up to the
 * first closing tag of its name, replaced by a line break. An element that is
 * not closed is left in place. One pass: where the next closing tag of each
 * name lies is remembered, so no part of the page is searched twice.
 */
function dropElements(s: string): string {
  const closes = new Map<string, { re: RegExp; at: number; end: number }>();
  /** First `</name\s*>` at or after `from`: [start, end], or null. */
  const closeOf = (name: string, from: number): [number, number] | null => {
    let c = closes.get(name);
    if (!c) { c = { re: new RegExp(`<\\/${name}\\s*>`, 'gi'), at: -2, end: 0 }; closes.set(name, c); }
    if (c.at === -1) return null;
    if (c.at < from) {
      c.re.lastIndex = from;
      const m = c.re.exec(s);
      if (!m) { c.at = -1; return null; }
      c.at = m.index; c.end = m.index + m[0].length;
    }
    return [c.at, c.end];
  };
  let out = '';
  let i = 0; // copied up to here
  let gt = -2; // the next '>' at or after the last opening tag found (cached), -1 = none
  DROP_OPEN.lastIndex = 0;
  for (let m = DROP_OPEN.exec(s); m; m = DROP_OPEN.exec(s)) {
    const j = m.index, name = m[1].toLowerCase();
    if (gt < j && gt !== -1) gt = s.indexOf('>', j);
    if (gt === -1) break; // no tag can end after this
    const close = closeOf(name, gt + 1);
    if (!close) continue;
    out += s.slice(i, j) + '\n';
    i = close[1];
    DROP_OPEN.lastIndex = i;
  }
  return i === 0 ? s : out + s.slice(i);
}

/** Tables nested deeper than this are read as text (a real page nests a few; each level is read again by its parent). */
const MAX_TABLE_DEPTH = 16;

/** Tables innermost first (so layout tables around the report do not swallow its rows), paired in one pass. */
function convertTables(s: string): string {
  const re = /<(\/?)table\b[^>]*>/gi;
  const root: string[] = [];
  const stack: { open: string; parts: string[] }[] = [];
  const top = () => (stack.length ? stack[stack.length - 1].parts : root);
  let deeper = 0;
  let last = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    top().push(s.slice(last, m.index));
    last = m.index + m[0].length;
    if (!m[1]) {
      if (stack.length < MAX_TABLE_DEPTH) stack.push({ open: m[0], parts: [] });
      else { deeper++; top().push(m[0]); }
    } else if (deeper > 0) { deeper--; top().push(m[0]); }
    else if (stack.length && /^<\/table\s*>$/i.test(m[0])) { const t = stack.pop()!; top().push(tableToText(t.parts.join(''))); }
    else top().push(m[0]);
  }
  top().push(s.slice(last));
  // Tables never closed stay as they were, in order.
  return root.concat(...mapArray(stack, (t) => [t.open, ...t.parts])).join('');
}

/** Does `s` hold a no-break space or two spaces in a row (what tidyLines makes one space)? */
function spaceRuns(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0xa0 || (c === 32 && s.charCodeAt(i + 1) === 32)) return true;
  }
  return false;
}

/**
 * The page's lines, each with its runs of spaces and no-break spaces made one
 * space and none at its end; of blank lines only the first after a text kept.
 */
function tidyLines(s: string): string {
  const out: string[] = [];
  let afterText = false;
  for (const line of s.split('\n')) {
    let l = spaceRuns(line) ? line.replace(/[ \u00a0]+/g, ' ') : line;
    if (l.charCodeAt(l.length - 1) === 32) l = l.replace(/ +$/, '');
    const text = l.trim() !== '';
    if (text || afterText) out.push(l);
    afterText = text;
  }
  return out.join('\n');
}

/** This file's marks (NL, TAB, LT, AMP) in the input itself: control characters no report prints. */
const MARKS = /[\u0001-\u0004]/g;

/** Does `s` hold one of MARKS? (Four native searches: several times a regex class's speed.) */
function hasMarks(s: string): boolean {
  return s.includes('\u0001') || s.includes('\u0002') || s.includes('\u0003') || s.includes('\u0004');
}

export function htmlToText(html: string): string {
  if (hasMarks(html)) html = html.replace(MARKS, '');
  let s = closable(dropElements(dropComments(html)));
  s = convertTables(s);
  s = closable(s).replace(BLOCK, '\n').replace(/<[^>]+>/g, '');
  return tidyLines(unmark(decodeEntities(s)));
}

/** Tags a converter leaves in text (`<br>` in a markdown cell, `<span style=…>`), by name. */
const STRAY_TAG = /<\/?(?:br|p|div|span|font|b|i|u|strong|em|sup|sub|img|a|td|tr|th|table|tbody|thead|tfoot|colgroup|col|center|h[1-6]|section|ul|ol|li)\b[^<>]*>/gi;

/**
 * HTML inside a text file. Markdown from PDF converters (MinerU) writes each
 * table as one line of `<table><tr><td rowspan=…>`: the tables become lines of
 * tab-separated cells, as in a page. Other tags left in the text (`<br>` in a
 * markdown cell) become a space, so that the digits of their attributes
 * (`rowspan="22"`) are never read as values. Text with no tags is returned unchanged.
 */
export function convertEmbeddedHtml(text: string): string {
  if (!text.includes('<')) return text;
  let s = text;
  if (hasMarks(s)) s = s.replace(MARKS, '');
  if (/<table\b/i.test(s) && /<t[dh]\b/i.test(s)) s = unmark(convertTables(closable(s)));
  return s.replace(STRAY_TAG, ' ');
}

/** Images of a site's chrome, by their address: logos, icons, buttons, banners, QR codes, share buttons. */
const CHROME_IMAGE = /logo|icon|ico\b|btn|button|banner|arrow|nav|menu|qr|ewm|erweima|share|weixin|weibo|wechat|wx|wb|bg|back|top|jiucuo|conac|dzjg|blank|spacer|\.gif/i;

/**
 * The images of a page that may be its content (a table pasted as a picture):
 * `<img>` tags whose address is not the site's chrome. Data URIs count (Word
 * pastes pictures so).
 */
export function pageImages(html: string): number {
  let n = 0;
  for (const m of html.matchAll(/<img\b[^>]*?\ssrc\s*=\s*["']?([^"'\s>]+)/gi)) {
    if (/^data:image\//i.test(m[1]) || !CHROME_IMAGE.test(m[1])) n++;
  }
  return n;
}

/** The page's own URL, where it says it: `<link rel="canonical">`, `og:url`, `<meta name="Url">`. */
export function pageUrlOf(html: string): string | null {
  const head = html.slice(0, 20000);
  const tags = head.match(/<(?:link|meta)\b[^>]*>/gi) ?? [];
  for (const want of [/rel\s*=\s*["']?canonical/i, /property\s*=\s*["']?og:url/i, /name\s*=\s*["']?(?:url|ArticleUrl)["'\s>]/i]) {
    for (const tag of tags) {
      if (!want.test(tag)) continue;
      const m = /(?:href|content)\s*=\s*["']?(https?:\/\/[^"'\s>]+)/i.exec(tag);
      if (m) return decodeEntities(m[1]);
    }
  }
  return null;
}
