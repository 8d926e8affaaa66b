/**
 * A row's value zone — the text between its label and the next — as value
 * tokens, and every way those tokens can fill the row's cells.
 *
 * Tokens: digit runs (`21710000218`, `1-10`, `1973601627.4`, `59,113`, with a
 * unit glued on: `984361元`), placeholders (`—` `/` `-` `无`… standing alone)
 * and, in layouts that separate cells (`|`, tab), blank cells between two
 * values. Whitespace, separators and any other text are boundaries: labels
 * wrapped around their numbers and stray characters of merged cells are not
 * values. A run is cut into cells only where the form allows: a cell never
 * starts with 0 unless it is `0`, a decimal point only in amount cells, a sign
 * only in `本年增/减`, a unit ends a cell.
 */
import type { CellRule } from './form.ts';
import { lineOf, lineText, type Source } from './source.ts';
import { isDigitCode as isDigit, isSpaceCode } from './text.ts';
import { mapArray } from './map-array.ts';

export interface ZoneToken {
  kind: 'run' | 'placeholder' | 'blank';
  /** The token as printed (normalised). */
  text: string;
  start: number;
  end: number;
  line: number;
  /** Unit glued to a run (`元`, `万元`, `个`, `件`…). */
  unit?: string;
  /** The only thing on its line (a lone page number, or one cell per line). */
  lone?: boolean;
  /** On a line whose cells are separated (`|`, tab): the token is a whole cell. */
  sep?: boolean;
  /** On a short line (a table row of PDF text), not a flattened page. */
  short?: boolean;
  /**
   * Nothing but numbers, blanks and cell separators follow it on its line
   * (its unit aside): the row's numbers end there.
   */
  endsLine?: boolean;
  /**
   * On the line its zone starts on (its row's label's), or with only numbers
   * before it on its line: it may be the first of a row's numbers.
   */
  startsClean?: boolean;
  /**
   * Alone in a cell of its own: only blanks between it and a `|` or tab on
   * one side, and a separator or the line's end on the other.
   */
  own?: boolean;
}

/**
 * A token with every field present, so all tokens share one object shape
 * (fields added later would give each token its own, and slow every reader).
 */
export function token(kind: ZoneToken['kind'], text: string, start: number, end: number, line: number, sep = false): ZoneToken {
  return { kind, text, start, end, line, unit: undefined, lone: false, sep, short: false, own: false, endsLine: false,
    startsClean: false };
}

/** One cell of a candidate split. */
export interface Cell {
  value: number | null;
  text: string;
  line: number;
  /** Offset in the source text where the cell's characters begin (none for a lost cell). */
  start?: number;
  kind: 'num' | 'placeholder' | 'blank' | 'dash' | 'lost';
  unit?: string;
}

export interface Split { cells: Cell[] }

/** A cell with every field present, so all cells share one object shape (see `token`). */
function cell(value: number | null, text: string, line: number, start: number | undefined, kind: Cell['kind'], unit: string | undefined): Cell {
  return { value, text, line, start, kind, unit };
}

export const MONEY_UNITS = ['万元', '元'];
const COUNT_UNITS = ['批次', '个', '笔', '项', '件', '条', '次', '家', '宗', '起', '份', '人'];
const UNIT_RE = new RegExp(`^(?:${[...MONEY_UNITS, ...COUNT_UNITS].join('|')})`);
/** After `513555.` at a line's end: the amount's digits on the next line, then a break, `|` or a money unit. */
const AMOUNT_REST = new RegExp(`^[ \\t\\u3000\\r]*\\n\\s*(\\d+)(?=\\s|$|[|]|${MONEY_UNITS.join('|')})`);
const PLACEHOLDER = /^(?:—+|-+|\/+|\\+|无|空|暂无|\*+|×|x|X|…+|\.{3,}|-)$/;
const isRunChar = (c: number) => isDigit(c) || c === 46 || c === 44 || c === 45 || c === 43; // . , - +
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 124;
/** The characters a placeholder (`PLACEHOLDER`) starts with: — - / \ 无 空 暂 * × x X … . */
const PLACEHOLDER_FIRST = new Set(mapArray([...'—-/\\无空暂*×xX….'], (c) => c.charCodeAt(0)));
/** The characters a unit (`UNIT_RE`) starts with. */
const UNIT_FIRST = new Set(mapArray([...MONEY_UNITS, ...COUNT_UNITS], (u) => u.charCodeAt(0)));

/** The lines of increasing offsets (`lineOf`), each looked for from the last one found. */
function lineCursor(src: Source): (offset: number) => number {
  const starts = src.lineStarts;
  let line = 0;
  return (offset) => {
    if (!line || starts[line - 1] > offset) line = lineOf(src, offset);
    while (line < starts.length && starts[line] <= offset) line++;
    return line;
  };
}

/**
 * After a lone digit and its spaces, `. 保 护…` or `、…`: the digit numbers the next label, its
 * characters spread by Word's distributed alignment (`4 . 保 护 第 三 方 合 法 权 益`).
 */
function spacedNumbering(t: string, at: number, to: number): boolean {
  const dot = t.charCodeAt(at);
  if (dot !== 46 && dot !== 0x3001) return false;
  let k = at + 1;
  while (k < to && t.charCodeAt(k) === 32) k++;
  const c = t.charCodeAt(k);
  return c >= 0x4e00 && c <= 0x9fff;
}

/** Value tokens of text[from, to). */
export function zoneTokens(src: Source, from: number, to: number): ZoneToken[] {
  const t = src.text;
  const out: ZoneToken[] = [];
  const lineAt = lineCursor(src);
  let i = from;
  while (i < to) {
    const c = t.charCodeAt(i);
    if (isSpace(c)) { i++; continue; }
    // A word: up to the next whitespace or separator.
    let j = i, digits = false;
    while (j < to) {
      const cj = t.charCodeAt(j);
      if (isSpace(cj)) break;
      if (isDigit(cj)) digits = true;
      j++;
    }
    const word = PLACEHOLDER_FIRST.has(c) ? t.slice(i, j) : '';
    if (word && PLACEHOLDER.test(word)) {
      // `无` before a label on its line is a character of a vertical group cell (`（四）无法提供`), no value.
      const cjk = c >= 0x4e00 && c <= 0x9fff;
      if (!(cjk && /^[ \t]*(?:\d+[.、][ \t]*)?[\u4e00-\u9fff(（]/.test(t.slice(j, Math.min(t.length, j + 10))))) {
        out.push(token('placeholder', word, i, j, lineAt(i)));
      }
      i = j;
      continue;
    }
    // Runs inside the word (none without a digit); other characters separate them.
    if (!digits) { i = j; continue; }
    let k = i;
    while (k < j) {
      const ck = t.charCodeAt(k);
      const signStart = (ck === 45 || ck === 43) && k + 1 < j && isDigit(t.charCodeAt(k + 1));
      if (!isDigit(ck) && !signStart) { k++; continue; }
      let e = k;
      while (e < j && isRunChar(t.charCodeAt(e))) e++;
      // An amount split at its point over a line break (`513555.` / `45`): one number.
      // Only over a line break; the second half may carry the unit (`150.` / `87万元`).
      if (e === j && t.charCodeAt(e - 1) === 46 && e - k > 1) {
        const m = AMOUNT_REST.exec(t.slice(e, Math.min(to, e + 40)));
        if (m && isDigit(t.charCodeAt(k))) {
          const tok = token('run', t.slice(k, e) + m[1], k, e + m[0].length, lineAt(k));
          const u = UNIT_RE.exec(t.slice(tok.end, Math.min(to, tok.end + 2)));
          if (u) tok.unit = u[0];
          out.push(tok);
          j = tok.end + (u ? u[0].length : 0);
          break;
        }
      }
      // Trailing punctuation is not part of a number (`5.`, `3,`).
      while (e > k + 1 && !isDigit(t.charCodeAt(e - 1))) e--;
      // Numbering of the next label (`…0 002.其他法律…`: the `2` is the label's; `(1)属于…`).
      const next = t.charCodeAt(e);
      let after = e + 1;
      while (after < to && t.charCodeAt(after) === 32) after++;
      const cjk = t.charCodeAt(after) >= 0x4e00 && t.charCodeAt(after) <= 0x9fff;
      let numbering = false;
      if ((next === 46 || next === 0x3001) && cjk) { e--; numbering = true; }
      else if (t.charCodeAt(k - 1) === 40 && next === 41) { k = e + 1; continue; }
      else if (next === 32 && e - k <= 1 && k === i && spacedNumbering(t, after, to)) { k = e; continue; }
      if (e <= k || (numbering && e === k)) { k = e + 2; continue; }
      // A year glued to the last cell by running text after the table (`…收费02025年，我局…`).
      if (t.charCodeAt(e) === 0x5e74 && e - k >= 4 && /^(?:19|20)\d\d$/.test(t.slice(e - 4, e))) {
        if (e - k === 4) { k = e + 1; continue; }
        e -= 4;
      }
      // A year of a running page head inside the table (`洛阳市 2020 年政府信息公开…报告`).
      if (e - k === 4 && next === 32 && t.charCodeAt(after) === 0x5e74 && /^(?:19|20)\d\d$/.test(t.slice(k, e))) { k = after + 1; continue; }
      const tok = token('run', t.slice(k, e), k, e, lineAt(k));
      const u = numbering || !UNIT_FIRST.has(t.charCodeAt(e)) ? null : UNIT_RE.exec(t.slice(e, Math.min(j, e + 2)));
      if (u) { tok.unit = u[0]; e += u[0].length; }
      out.push(tok);
      k = numbering ? e + 2 : e;
    }
    i = j;
  }
  markLone(src, out, from);
  addBlanks(src, from, to, out);
  return out;
}

/**
 * The digit runs of text[from, to), as `zoneTokens` reads them: none where
 * the text holds no digit (a caption or header between two labels, mostly),
 * so those are not read token by token.
 */
export function runsIn(src: Source, from: number, to: number): ZoneToken[] {
  const t = src.text;
  let i = from;
  while (i < to && !isDigit(t.charCodeAt(i))) i++;
  return i < to ? zoneTokens(src, from, to).filter((tok) => tok.kind === 'run') : [];
}

/** Longest line (characters besides spaces) that is still one table row, not a flattened page. */
const SHORT_LINE = 160;


const facts = new WeakMap<Source, Int32Array>();

/**
 * A line's facts, by character codes and kept per source:
 * its characters besides whitespace and `|`, times two, plus one if it
 * separates cells (`|`, tab). `known` holds each line's answer plus one (0: not yet).
 */
function lineFact(src: Source, known: Int32Array, line: number): number {
  if (known[line - 1]) return known[line - 1] - 1;
  const t = src.text, starts = src.lineStarts;
  const end = line < starts.length ? starts[line] - 1 : t.length;
  let content = 0, sep = 0;
  for (let j = starts[line - 1]; j < end; j++) {
    const c = t.charCodeAt(j);
    if (c === 124 || c === 9) sep = 1;
    if (c !== 124 && !isSpaceCode(c)) content++;
  }
  known[line - 1] = content * 2 + sep + 1;
  return content * 2 + sep;
}

/** A token alone on its line; a token on a line of separated cells. */
function markLone(src: Source, toks: ZoneToken[], from: number) {
  const t = src.text;
  if (!toks.length) return;
  let known = facts.get(src);
  if (!known) facts.set(src, (known = new Int32Array(src.lineStarts.length)));
  const fromLine = lineOf(src, from);
  let fact = lineFact(src, known, toks[0].line);
  for (let i = 0; i < toks.length; i++) {
    const tok = toks[i];
    if (i > 0 && toks[i - 1].line !== tok.line) fact = lineFact(src, known, tok.line);
    const content = fact >> 1, sep = (fact & 1) === 1;
    const end = tok.end + (tok.unit?.length ?? 0);
    if (content === end - tok.start) tok.lone = true;
    if (sep) tok.sep = true;
    if (content <= SHORT_LINE) tok.short = true;
    if (sep) tok.own = ownCell(t, tok.start, end);
    // On the label's line, or only numbers before it on its line: the first on its line looks
    // back, the others carry it on (one pass over the line, however long).
    const prev = toks[i - 1];
    tok.startsClean = tok.line === fromLine || (prev && prev.line === tok.line
      ? prev.startsClean && numbersOnly(t, prev.start, tok.start)
      : numbersBack(t, tok.start, from));
  }
  // Only numbers after it on its line: the last on its line looks ahead, the others carry it back.
  for (let i = toks.length - 1; i >= 0; i--) {
    const tok = toks[i], next = toks[i + 1];
    const end = tok.end + (tok.unit?.length ?? 0);
    tok.endsLine = next && next.line === tok.line
      ? next.endsLine && numbersOnly(t, end, next.end + (next.unit?.length ?? 0))
      : numbersAhead(t, end);
  }
}

const isCellSep = (c: number) => c === 124 || c === 9; // | or tab
const isBlank = (c: number) => c === 32 || c === 0x3000 || c === 13;
/** Digits, `.`, `-`, `—`, blanks and cell separators: what a row of numbers is made of. */
const isNumberChar = (c: number) =>
  (c >= 48 && c <= 57) || c === 46 || c === 45 || c === 0x2014 || isBlank(c) || isCellSep(c);

function numbersOnly(t: string, from: number, to: number): boolean {
  for (let j = from; j < to; j++) if (!isNumberChar(t.charCodeAt(j))) return false;
  return true;
}

/** Only number characters from `end` to the line's end. */
function numbersAhead(t: string, end: number): boolean {
  for (let j = end; j < t.length; j++) {
    const c = t.charCodeAt(j);
    if (c === 10) return true;
    if (!isNumberChar(c)) return false;
  }
  return true;
}

/** Only number characters between the line's start (or `from`) and `start`. */
function numbersBack(t: string, start: number, from: number): boolean {
  for (let j = start - 1; j >= from; j--) {
    const c = t.charCodeAt(j);
    if (c === 10) return true;
    if (!isNumberChar(c)) return false;
  }
  return true;
}

/** Only blanks between [start, end) and a separator or the line's end on each side, and a separator on one. */
function ownCell(t: string, start: number, end: number): boolean {
  let i = start - 1;
  while (i >= 0 && isBlank(t.charCodeAt(i))) i--;
  const left = i < 0 ? -1 : t.charCodeAt(i);
  if (left !== -1 && left !== 10 && !isCellSep(left)) return false;
  let j = end;
  while (j < t.length && isBlank(t.charCodeAt(j))) j++;
  const right = j >= t.length ? -1 : t.charCodeAt(j);
  if (right !== -1 && right !== 10 && !isCellSep(right)) return false;
  return isCellSep(left) || isCellSep(right);
}

/**
 * Tokens a row can use: a lone number on its own line after a row's numbers
 * printed on one line, when the row has more than `k` of them, is a page
 * number (PDF text: `行政许可 5` / `12`); a lone
 * `无` among too many tokens is a character of a vertical cell.
 */
export function dropStray(tokens: ZoneToken[], k: number): ZoneToken[] {
  if (tokens.length <= k) return tokens;
  // `无` alone on its line among more numbers than cells: a character of a vertical group cell (`无法提供`).
  const vertical = tokens.findIndex((t) => t.lone && t.kind === 'placeholder' && /^[无空]$/.test(t.text));
  if (vertical >= 0 && tokens.filter((t) => t.kind !== 'blank').length > k) return dropStray(tokens.filter((_t, i) => i !== vertical), k);
  const last = tokens[tokens.length - 1];
  const rest = tokens.slice(0, -1);
  if (!last.lone || last.kind !== 'run' || rest.some((t) => t.line !== rest[0].line) || rest[0].line === last.line) return tokens;
  // The row's own numbers must stand on one line as a table row's do, beside its label or each
  // other, and end it. After a number alone on its line (`行政许可` / `0` / `173`) or run into
  // text (`0一、`, `0</tr>(三)`) the lone number may be the row's value: flagged, not guessed away.
  // So must they start it: after text other than the label (`<td>0` / `173`) the same holds.
  if (rest.length === 1 && rest[0].lone) return tokens;
  if (!rest[0].startsClean || !rest[rest.length - 1].endsLine) return tokens;
  return rest;
}

/**
 * Blank cells of separated layouts (`| 5 |  | 3 |`, tabs): an empty cell
 * between two values on the same line is a cell printed empty.
 */
function addBlanks(src: Source, from: number, to: number, toks: ZoneToken[]) {
  const t = src.text;
  const extra: ZoneToken[] = [];
  for (let a = 0; a + 1 < toks.length; a++) {
    const x = toks[a], y = toks[a + 1];
    if (x.line !== y.line) continue;
    const n = emptyCells(t, x.end + (x.unit?.length ?? 0), y.start);
    for (let p = 0; p < n; p++) extra.push(token('blank', '', y.start, y.start, x.line, true));
  }
  if (!extra.length) return;
  void from; void to;
  toks.push(...extra);
  toks.sort((p, q) => p.start - q.start || (p.kind === 'blank' ? -1 : 1));
}

/**
 * Empty cells in text[from, to) between two values: split by `|` (else by
 * tab, when there is no `|`), the parts between the first and the last (the
 * tails of the two values' cells) that hold only whitespace.
 */
function emptyCells(t: string, from: number, to: number): number {
  let sep = -1;
  for (let j = from; j < to && sep !== 124; j++) {
    const c = t.charCodeAt(j);
    if (c === 124 || c === 9) sep = c;
  }
  if (sep < 0) return 0;
  let n = 0, last = -1, blank = true;
  for (let j = from; j < to; j++) {
    const c = t.charCodeAt(j);
    if (c === sep) {
      if (last >= 0 && blank) n++;
      last = j;
      blank = true;
    } else if (!isSpaceCode(c)) blank = false;
  }
  return n;
}

/** Is `piece` a valid cell under `rule` (unit: the unit glued to it, if it is the run's last piece)? */
function pieceValue(piece: string, rule: CellRule, unit: string | undefined): number | null | undefined {
  // Fast path: a plain whole number (most cells).
  const n = piece.length;
  if (n <= MAX_COUNT_DIGITS && (n === 1 || piece.charCodeAt(0) !== 48) && !unit) {
    let v = 0, k = 0;
    for (; k < n; k++) { const c = piece.charCodeAt(k); if (c < 48 || c > 57) break; v = v * 10 + (c - 48); }
    if (k === n) return v;
  }
  if (piece === '-' || piece === '+') return unit ? undefined : null; // a dash cell
  if (unit) {
    const money = MONEY_UNITS.includes(unit);
    if (money !== Boolean(rule.decimal)) return undefined;
  }
  let m = /^([+-]?)(0|[1-9]\d*)(\.\d+)?$/.exec(piece);
  if (!m) {
    m = /^([+-]?)([1-9]\d{0,2}(?:,\d{3})+)(\.\d+)?$/.exec(piece);
    if (!m) return undefined;
  }
  if (m[1] && !rule.signed) return undefined;
  if (m[3] && !rule.decimal) return undefined;
  const digits = m[2].replace(/,/g, '');
  if (digits.length > (rule.decimal ? MAX_AMOUNT_DIGITS : MAX_COUNT_DIGITS) || (m[3] && m[3].length > 7)) return undefined;
  return Number(m[1] + digits + (m[3] ?? ''));
}

/**
 * Plausible cells: a count is a whole number below 10^8 (with a sign only in
 * `本年增/减`), an amount has at most 12 digits before its point and 6 after.
 * Anything else printed in a cell is flagged, never stored (no digit of
 * `100000000000000000097` is lost to a float).
 */
export const MAX_COUNT_DIGITS = 8;
export const MAX_AMOUNT_DIGITS = 12;

/** Why a token cannot be the cell it stands for: a sign, a fraction or a size the cell does not allow; null when it can. */
export function implausible(tok: ZoneToken, rule: CellRule): string | null {
  if (tok.kind !== 'run' || pieceValue(tok.text, rule, tok.unit) !== undefined) return null;
  if (/^[+-]/.test(tok.text) && !rule.signed) return '计数不能为负数';
  if (tok.text.includes('.') && !rule.decimal) return '计数不能有小数';
  if (tok.text.replace(/[^\d]/g, '').length > (rule.decimal ? MAX_AMOUNT_DIGITS : MAX_COUNT_DIGITS)) return '数值超出合理范围';
  return null;
}

/**
 * One run being cut by `cutRun` for the token `ti` of a search: the piece
 * ends so far (in `tok.text`); the pieces' values are on `search.values`,
 * after the `filled` cells before the run.
 */
interface Run { search: Search; ti: number; tok: ZoneToken; filled: number; digits: boolean; ends: number[] }

/**
 * The value of the digits `s[pos..]` as a cell under `rule` (what
 * pieceValue gives a piece of digits only, with no unit): up to
 * MAX_COUNT_DIGITS digits (MAX_AMOUNT_DIGITS for an amount), no leading zero
 * but in `0` itself; undefined otherwise.
 */
function digitsValue(s: string, pos: number, rule: CellRule): number | undefined {
  const n = s.length - pos;
  if (n > (rule.decimal ? MAX_AMOUNT_DIGITS : MAX_COUNT_DIGITS) || (n > 1 && s.charCodeAt(pos) === 48)) return undefined;
  let v = 0;
  for (let k = pos; k < s.length; k++) v = v * 10 + (s.charCodeAt(k) - 48);
  return v;
}

/**
 * Every way to cut the run's text from `pos` into `left` pieces valid for the
 * next columns; each complete cut goes to emitRun. Each call spends one of
 * the search's work; false stops the search. A run of digits only is cut
 * without making its pieces: their values grow digit by digit (digitsValue).
 */
function cutRun(run: Run, pos: number, left: number): boolean {
  const search = run.search;
  if (--search.work < 0) return false;
  const s = run.tok.text, vals = search.values, ends = run.ends;
  const rule = search.rules[vals.length];
  const accept = search.accept;
  if (left === 1) {
    const unit = run.tok.unit;
    const v = run.digits && !unit ? digitsValue(s, pos, rule) : pieceValue(s.slice(pos), rule, unit);
    if (v === undefined) return true;
    vals.push(v); ends.push(s.length);
    const go = !accept || accept(vals) ? emitRun(run) : true;
    vals.pop(); ends.pop();
    return go;
  }
  let last = s.length - (left - 1);
  // A piece of digits only is a cell up to MAX_COUNT_DIGITS (MAX_AMOUNT_DIGITS) digits, and only
  // one digit long after a leading zero (pieceValue): the longer ones are not tried.
  if (run.digits) last = Math.min(last, pos + (s.charCodeAt(pos) === 48 ? 1 : rule.decimal ? MAX_AMOUNT_DIGITS : MAX_COUNT_DIGITS));
  let grown = 0; // the value of the digits s[pos, e)
  for (let e = pos + 1; e <= last; e++) {
    let v: number | null | undefined;
    if (run.digits) v = grown = grown * 10 + (s.charCodeAt(e - 1) - 48);
    else v = pieceValue(s.slice(pos, e), rule, undefined);
    if (v === undefined) continue;
    vals.push(v); ends.push(e);
    if (accept && !accept(vals)) { vals.pop(); ends.pop(); continue; }
    const go = cutRun(run, e, left - 1);
    vals.pop(); ends.pop();
    if (!go) return false;
  }
  return true;
}

/** A complete cut of a run: its cells, then the search goes on with the next token. */
function emitRun(run: Run): boolean {
  const search = run.search, { tok, filled, ends } = run, cells = search.cells, values = search.values;
  // A complete split that `keep` refuses is counted without making its cells.
  if (search.keep && run.ti + 1 === search.tokens.length && values.length === search.rules.length && search.found < search.limit && !search.keep(values)) {
    search.found++;
    return true;
  }
  let at = tok.start, from = 0;
  for (let q = 0; q < ends.length; q++) {
    const last = q === ends.length - 1;
    const text = tok.text.slice(from, ends[q]), v = values[filled + q];
    cells.push(cell(v, text + (last && tok.unit ? tok.unit : ''), tok.line, at, v === null ? 'dash' : 'num', last ? tok.unit : undefined));
    at += text.length;
    from = ends[q];
  }
  const r = searchFrom(search, run.ti + 1);
  cells.length = filled;
  return r;
}

/** Is `s` digits only (and not empty)? */
function allDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isDigit(s.charCodeAt(i))) return false;
  return s.length > 0;
}

export interface Splits {
  splits: Split[];
  /** More splits than `limit`: the row cannot be read. */
  overflow: boolean;
  /** Splits found before `keep` chose among them (as many as `splits` without it). */
  admissible?: number;
}

/**
 * Are these a row's cells as printed, each token one cell? In layouts that
 * separate cells (`|`, tab, one cell per line) and in row-per-line text (PDF
 * text), a row that still shows four or more tokens has them as its cells;
 * only a row glued into a few tokens, or text flattened into long lines
 * (crawled pages), has cells that ran together. Where a row prints one cell
 * per line (`0 |` / `12 |`), each token on a line and in a cell of its own,
 * a row short of cells lost one, and `12` is not `1|2`. (Values glued inside
 * one separated cell, `| 21003 | 00000 |` or `| 0000000 | | |`, are still cut.)
 */
export function wholeCells(tokens: ZoneToken[]): boolean {
  if (tokens.length >= 4 && tokens.every((t) => t.sep || t.lone || t.short)) return true;
  // One cell per line (`0 |` / `12 |`): each token has a line and a cell of its own.
  return tokens.length >= 2 && tokens.every((t, i) => t.own && (i === 0 || t.line !== tokens[i - 1].line));
}

/** Cuts splitZone tries for one row before it gives up (the row is then too ambiguous to read). */
const WORK = 1_000_000;

/**
 * A number with a point alone in a separated cell (`| 98.16 |`, a tab cell): one
 * cell, never cut (counts have no point, so only a count run into an amount
 * inside one cell could be cut from it, which separated layouts do not print).
 */
const ownAmount = (t: ZoneToken) => t.kind === 'run' && t.own && t.text.includes('.');

/** A run that is no number by itself: digits with a leading zero (`00`, `012`). */
const glued = (t: ZoneToken) => t.kind === 'run' && t.text.length > 1 && t.text.charCodeAt(0) === 48 && isDigit(t.text.charCodeAt(1));

/**
 * Every way `tokens` fill `rules.length` cells, in order. Placeholders and
 * blanks are one cell each (NULL); runs are cut as the rules allow, unless
 * the tokens are whole cells (`wholeCells`). With `accept`, only splits whose
 * every prefix of values it accepts are tried (a rule checked as soon as its
 * cells are cut: a row of many digits is not refused for the number of its
 * splits alone).
 */
export function splitZone(tokens: ZoneToken[], rules: CellRule[], limit = 20000, accept?: (values: (number | null)[]) => boolean,
  keep?: (values: readonly (number | null)[]) => boolean): Splits {
  const k = rules.length;
  if (tokens.length === k) {
    const splits = oneEach(tokens, rules);
    return { splits: keep ? splits.filter((sp) => keep(mapArray(sp.cells, (c) => c.value))) : splits, overflow: false, admissible: splits.length };
  }
  // Whole cells are cut only where a token cannot be one cell: `00` (pdftotext joins two
  // zeros a space apart) is `0|0`; the other tokens stay whole.
  const whole = wholeCells(tokens);
  if (whole && !tokens.some(glued)) return { splits: [], overflow: false, admissible: 0 };
  // First without the cuts that leave more cells than the later tokens can give (they never make
  // a split); again with them where they might have spent the budget, which counts them.
  const quick = cutTokens(tokens, rules, limit, accept, keep, whole, false);
  if (quick.overflow || quick.spent + quick.skipped <= WORK) return { splits: quick.splits, overflow: quick.overflow, admissible: quick.admissible };
  const all = cutTokens(tokens, rules, limit, accept, keep, whole, true);
  return { splits: all.splits, overflow: all.overflow, admissible: all.admissible };
}

/** The most calls `cutRun` makes to cut `n` characters into `p` pieces: one per choice of fewer than `p` cuts. */
function cutCalls(n: number, p: number): number {
  let c = 1, sum = 1;
  for (let j = 1; j < p; j++) { c = (c * (n - j)) / j; sum += c; }
  return sum;
}

/**
 * The state of one search of cutTokens: the cells chosen so far and their
 * values (one array, as `accept` and `keep` see them: they must not keep it).
 */
interface Search {
  tokens: ZoneToken[]; rules: CellRule[]; limit: number;
  accept: ((values: (number | null)[]) => boolean) | undefined;
  keep: ((values: readonly (number | null)[]) => boolean) | undefined;
  whole: boolean; every: boolean;
  /** Most cells the tokens from each one on can still give: a run of d characters gives at most d. */
  cap: number[];
  /** Cuts left to try (see WORK). */
  work: number;
  cells: Cell[]; values: (number | null)[]; out: Split[];
  found: number; overflow: boolean; skipped: number;
}

/**
 * The splits of splitZone, and the budget they spent. With `every` false,
 * a run is not cut into fewer cells than the later tokens leave it to fill:
 * `skipped` is the most those cuts would have spent. With `keep`, only the
 * splits it keeps are stored; all count towards `limit` and `admissible`.
 */
function cutTokens(tokens: ZoneToken[], rules: CellRule[], limit: number, accept: ((values: (number | null)[]) => boolean) | undefined,
  keep: ((values: readonly (number | null)[]) => boolean) | undefined, whole: boolean, every: boolean): Splits & { spent: number; skipped: number; admissible: number } {
  const cap: number[] = new Array(tokens.length + 1).fill(0);
  for (let i = tokens.length - 1; i >= 0; i--) cap[i] = cap[i + 1] + (tokens[i].kind === 'run' ? tokens[i].text.length : 1);
  // Cuts tried, at most WORK: digits that can be cut in very many ways, most of which fail
  // only at their last cell (`0…` is no count), would otherwise take minutes.
  const search: Search = {
    tokens, rules, limit, accept, keep, whole, every, cap, work: WORK,
    cells: [], values: [], out: [], found: 0, overflow: false, skipped: 0,
  };
  searchFrom(search, 0);
  const overflow = search.overflow || search.work < 0;
  return { splits: overflow ? [] : search.out, overflow, spent: WORK - search.work, skipped: search.skipped, admissible: overflow ? 0 : search.found };
}

/** The splits of the tokens from `ti` on, after the cells chosen so far; false stops the search. */
function searchFrom(search: Search, ti: number): boolean {
  const { tokens, cells, values } = search;
  const k = search.rules.length;
  const filled = cells.length;
  if (ti === tokens.length) {
    if (filled === k) {
      if (search.found >= search.limit) { search.overflow = true; return false; }
      search.found++;
      if (!search.keep || search.keep(values)) search.out.push({ cells: cells.slice() });
    }
    return true;
  }
  const left = k - filled;
  const rest = tokens.length - ti - 1; // each later token needs at least one cell
  const cap = search.cap;
  if (left < 1 + rest || cap[ti] < left) return true;
  const tok = tokens[ti];
  if (tok.kind !== 'run') {
    cells.push(cell(null, tok.text, tok.line, tok.start, tok.kind, undefined));
    values.push(null);
    const go = !search.accept || search.accept(values) ? searchFrom(search, ti + 1) : true;
    cells.pop(); values.pop();
    return go;
  }
  const most = (search.whole && !glued(tok)) || ownAmount(tok) ? 1 : Math.min(tok.text.length, left - rest);
  const least = search.every ? 1 : Math.max(1, left - cap[ti + 1]);
  for (let p = 1; p < least && p <= most; p++) search.skipped += cutCalls(tok.text.length, p);
  const run: Run = { search, ti, tok, filled, digits: allDigits(tok.text), ends: [] };
  for (let p = least; p <= most; p++) if (!cutRun(run, 0, p)) return false;
  return true;
}

/** As many tokens as cells: each token must be one cell, or there is no split. */
function oneEach(tokens: ZoneToken[], rules: CellRule[]): Split[] {
  const cells: Cell[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    if (tok.kind !== 'run') { cells.push(cell(null, tok.text, tok.line, tok.start, tok.kind, undefined)); continue; }
    const v = pieceValue(tok.text, rules[i], tok.unit);
    if (v === undefined) return [];
    cells.push(cell(v, tok.text + (tok.unit ?? ''), tok.line, tok.start, v === null ? 'dash' : 'num', tok.unit));
  }
  return [{ cells }];
}

/** Every way to choose `n` of `k` positions, in order. */
function choose(k: number, n: number, from = 0, acc: number[] = [], out: number[][] = []): number[][] {
  if (acc.length === n) { out.push(acc.slice()); return out; }
  for (let i = from; i < k; i++) { acc.push(i); choose(k, n, i + 1, acc, out); acc.pop(); }
  return out;
}

/**
 * A row printed short — fewer cells than the form has, with nothing left to
 * cut: the missing cells may have been anywhere. Every split with one (then
 * two) lost cells at every position; the lost cells are NULL.
 */
export function splitLost(tokens: ZoneToken[], rules: CellRule[], maxLost: number): Splits {
  const k = rules.length;
  const out: Split[] = [];
  const seen = new Set<string>();
  for (let lost = 1; lost <= maxLost && !out.length; lost++) {
    for (const at of choose(k, lost)) {
      const s = splitZone(tokens, rules.filter((_r, i) => !at.includes(i)));
      if (s.overflow) return { splits: [], overflow: true };
      for (const sp of s.splits) {
        const cells = sp.cells.slice();
        for (const i of at) cells.splice(i, 0, cell(null, '', cells[Math.min(i, cells.length - 1)]?.line ?? tokens[0].line, undefined, 'lost', undefined));
        const key = mapArray(cells, (c) => c.value).join(',');
        if (!seen.has(key)) { seen.add(key); out.push({ cells }); }
      }
    }
  }
  return { splits: out, overflow: false };
}

/**
 * A cell moved out of its row onto a line of its own (markdown made from a
 * PDF): the row's other cells share one line and the stray stands alone,
 * first or last. Where it stood is unknown: every order, to be chosen by the
 * table's arithmetic. Null when the row shows no such stray.
 */
export function strayOrders(tokens: ZoneToken[]): ZoneToken[][] | null {
  if (tokens.length < 3) return null;
  const ends = [tokens[0], tokens[tokens.length - 1]];
  const stray = ends.filter((t) => t.lone && tokens.every((o) => o === t || o.line !== t.line));
  if (stray.length !== 1) return null;
  const rest = tokens.filter((o) => o !== stray[0]);
  if (rest.some((o) => o.line !== rest[0].line)) return null;
  return mapArray(mapArray(rest, (_t, i) => i).concat(rest.length), (i) => [...rest.slice(0, i), stray[0], ...rest.slice(i)]);
}

/**
 * A row of a real table (tabs or pipes from a PDF, Word or web page) that
 * prints fewer numbers than cells: when its line has exactly `k` cells after
 * the label, the empty ones are the empty cells where they stand, at the
 * end, and where `leading(cells on the line)` says so at the start too
 * (`行政规范性文件⇥20⇥⇥`, `行政强制⇥⇥⇥5`). Empty cells before the numbers stay
 * unread where a table pads its label columns (the application table's two
 * label columns). Null when the line does not show that.
 */
export function positional(src: Source, tokens: ZoneToken[], k: number, leading: (cells: number) => boolean): ZoneToken[] | null {
  const vals = tokens.filter((t) => t.kind !== 'blank');
  if (!vals.length || vals.length >= k || !vals.every((t) => t.sep) || vals.some((t) => t.line !== vals[0].line)) return null;
  const line = vals[0].line;
  const cells = lineCells(src, line);
  // The value cells: after the last cell with text in it.
  let first = 0;
  cells.forEach((c, i) => { if (/[\u4e00-\u9fff]/.test(src.text.slice(c.from, c.to))) first = i + 1; });
  let value = cells.slice(first);
  const empty = (c: { from: number; to: number }) => src.text.slice(c.from, c.to).trim() === '';
  if (!leading(cells.length)) {
    while (value.length > k && empty(value[0])) value = value.slice(1);
    if (value.length && empty(value[0])) return null;
  } else if (value.length > k && value.slice(0, value.length - k).every(empty) && !empty(value[value.length - 1])) {
    // A line of as many cells as the table's complete rows, its label a column short of theirs, its
    // last cell a value: the values are in the same last `k` columns as theirs, the empty cell before
    // them is the label's.
    value = value.slice(value.length - k);
  }
  if (value.length !== k) return null;
  const out: ZoneToken[] = [];
  for (const c of value) {
    const inside = vals.filter((t) => t.start >= c.from && t.end <= c.to);
    if (inside.length > 1) return null;
    if (inside.length === 1) out.push(inside[0]);
    else if (empty(c)) out.push(token('blank', '', c.from, c.from, line, true));
    else return null;
  }
  return out.filter((t) => t.kind !== 'blank').length === vals.length ? out : null;
}

/** Spaces that set columns apart in text laid out by position (pdftotext -layout). */
export const GAP = 3;

/** Spaces right before an offset on its line. */
function spacesBefore(t: string, at: number): number {
  let n = 0;
  while (at - n - 1 >= 0 && t.charCodeAt(at - n - 1) === 32) n++;
  return n;
}

/** Where a token stands on its line: the column of its middle. */
export function centreOf(src: Source, tok: ZoneToken): number {
  return tok.start - src.lineStarts[tok.line - 1] + (tok.end - tok.start) / 2;
}

/** A token set apart by GAP spaces on a line without separators: a cell of text laid out by spaces. */
export function spaced(src: Source, tok: ZoneToken): boolean {
  return tok.kind === 'run' && !tok.sep && spacesBefore(src.text, tok.start) >= GAP;
}

/**
 * A row printing fewer numbers than its cells, in text laid out in columns by
 * spaces (pdftotext -layout of a table with empty cells): each number goes to
 * the column (`centres`, one per cell) it stands in, the others are empty.
 * Only where the layout shows it: the numbers on one line, each set apart by
 * GAP spaces and clearly nearer one column than any other, in order. Null otherwise.
 */
export function inColumns(src: Source, tokens: ZoneToken[], centres: number[]): ZoneToken[] | null {
  const vals = tokens.filter((t) => t.kind !== 'blank');
  if (!vals.length || vals.length >= centres.length || vals.some((t) => t.line !== vals[0].line || !spaced(src, t))) return null;
  const cols: number[] = [];
  for (const v of vals) {
    const c = centreOf(src, v);
    const d = mapArray(centres, (x) => Math.abs(x - c));
    const best = d.indexOf(Math.min(...d));
    const second = Math.min(...d.filter((_x, i) => i !== best));
    if (d[best] > GAP + 1 || second < 2 * d[best] + GAP) return null;
    if (cols.length && best <= cols[cols.length - 1]) return null;
    cols.push(best);
  }
  return mapArray(centres, (_c, i) => {
    const j = cols.indexOf(i);
    return j >= 0 ? vals[j] : token('blank', '', vals[0].start, vals[0].start, vals[0].line, true);
  });
}

/** The cells of a separated line (tabs, or pipes without the edge ones), as offset ranges. */
export function lineCells(src: Source, line: number): { from: number; to: number }[] {
  const ls = src.lineStarts[line - 1];
  const text = lineText(src, line);
  const sep = text.includes('\t') ? '\t' : '|';
  const cells: { from: number; to: number }[] = [];
  let at = 0;
  for (const part of text.split(sep)) { cells.push({ from: ls + at, to: ls + at + part.length }); at += part.length + 1; }
  if (sep === '|') {
    if (text.trimStart().startsWith('|')) cells.shift();
    if (text.trimEnd().endsWith('|')) cells.pop();
  }
  return cells;
}

/** Fewer cells than `k` whatever the cuts: the row printed too few (its cells were lost in the source). */
export function tooShort(tokens: ZoneToken[], k: number): boolean {
  if (tokens.length >= k) return false;
  if (wholeCells(tokens)) return true;
  let most = 0;
  for (const t of tokens) most += t.kind === 'run' && !ownAmount(t) ? t.text.replace(/[^\d]/g, '').length : 1;
  return most < k;
}

/** 1-based column of a cell in its source line; null for a lost cell. */
export function colOf(src: Source, cell: Cell): number | null {
  return cell.start === undefined ? null : cell.start - src.lineStarts[cell.line - 1] + 1;
}

/** Values of a split. */
export const valuesOf = (s: Split) => mapArray(s.cells, (c) => c.value);
