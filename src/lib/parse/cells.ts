/**
 * Cells and tokens. Every layout (one cell per line, pipe rows, tab-separated
 * PDF text, space-separated runs) is flattened into one stream of tokens, each
 * remembering the source line it came from.
 */
import { compact } from './text.ts';

export type TokenKind = 'label' | 'num' | 'placeholder' | 'blank';

export interface Token {
  kind: TokenKind;
  /** The cell text as normalised (labels: with spaces removed). */
  text: string;
  /** Parsed number for `num`. */
  value?: number;
  /** Unit printed inside the cell (`万元`, `元`, `件`…), if any. */
  unit?: string;
  /** Raw digits for `num` (used to split cells that ran together). */
  digits?: string;
  /** 1-based source line. */
  line: number;
  /** True when the token came from a line split on `|` or tab (blank cells mean something there). */
  sep: boolean;
  /** The only token on its line (`7` alone: a page number, or a one-cell-per-line value). */
  alone?: boolean;
}

/** Page numbers and running footers that PDF text drops into tables: `— 3 —`, `- 12 -`, `第 3 页 共 9 页`, `3/9`. */
const PAGE_MARK = /^\s*(?:[-—–]\s*\d{1,3}\s*[-—–]|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3}|共\s*\d{1,3}\s*页\s*第\s*\d{1,3}\s*页)\s*$/;

const UNITS = '万元|元|件|个|项|条|次|人|宗|起|份';
const NUM_RE = new RegExp(`^([+-]?)(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?\\s*(${UNITS})?$`);
const PLACEHOLDER_RE = /^(?:—+|-+|\/+|\\+|无|空|暂无|\*+|×|x|X|…+|\.{3,})$/;

/** Classify one cell's text (already normalised and trimmed). */
export function classify(cell: string, line: number, sep: boolean): Token {
  if (cell === '') return { kind: 'blank', text: '', line, sep };
  // Fast path: text that starts with a CJK character and ends without a digit is a label.
  const c0 = cell.charCodeAt(0), cl = cell.charCodeAt(cell.length - 1);
  if (c0 >= 0x4e00 && c0 <= 0x9fff && !(cl >= 48 && cl <= 57) && cell !== '无' && cell !== '空' && cell !== '暂无') {
    return { kind: 'label', text: cell.includes(' ') ? compact(cell) : cell, line, sep };
  }
  const m = NUM_RE.exec(cell);
  if (m) {
    const intPart = m[2].replace(/,/g, '');
    const value = Number(m[1] + intPart + (m[3] ?? ''));
    const tok: Token = { kind: 'num', text: cell, value, line, sep, digits: m[3] || m[1] || m[2].includes(',') ? undefined : intPart };
    if (m[4]) tok.unit = m[4];
    return tok;
  }
  if (PLACEHOLDER_RE.test(cell)) return { kind: 'placeholder', text: cell, line, sep };
  return { kind: 'label', text: compact(cell), line, sep };
}

/**
 * Split one normalised source line (see `normalize`) into tokens. Separators:
 * `|`, tab, or runs of two or more spaces; within a cell, a trailing run of
 * space-separated numbers is split off its label (`行政许可 59113`, `9 0 0 0 0 0 9`).
 */
export function tokenizeLine(s: string, line: number): Token[] {
  if (s.trim() === '' || PAGE_MARK.test(s)) return [];
  let cells: string[];
  let sep = false;
  if (s.includes('|')) { cells = s.split('|'); sep = true; }
  else if (s.includes('\t')) { cells = s.split('\t'); sep = true; }
  else cells = s.trim().split(/ {2,}/);
  const out: Token[] = [];
  for (const c of cells) {
    const cell = c.trim();
    if (cell === '') { if (sep) out.push({ kind: 'blank', text: '', line, sep }); continue; }
    const parts = cell.includes(' ') ? cell.split(/\s+/) : [cell];
    if (parts.length === 1) {
      const t = classify(cell, line, sep);
      if (t.kind === 'label') out.push(...splitGluedNumber(t.text, line, sep)); else out.push(t);
      continue;
    }
    // Find the trailing run of numeric/placeholder parts.
    let k = parts.length;
    const tail: Token[] = [];
    while (k > 0) {
      const t = classify(parts[k - 1], line, sep);
      if (t.kind !== 'num' && t.kind !== 'placeholder') break;
      tail.unshift(t);
      k--;
    }
    // A lone trailing number glued to a label by one space is still a value
    // (`行政许可 59113`), but `2024 年`-style text never reaches here as a tail.
    if (k > 0) out.push(...splitGluedNumber(compact(parts.slice(0, k).join('')), line, sep));
    out.push(...tail);
  }
  return out;
}

/** Tokens of normalised lines [from, to) (0-based indexes into `normalized`). */
export function tokenize(normalized: string[], from: number, to: number): Token[] {
  const out: Token[] = [];
  for (let i = from; i < to; i++) {
    const t = tokenizeLine(normalized[i], i + 1);
    const values = t.filter((x) => x.kind !== 'blank');
    if (values.length === 1) values[0].alone = true;
    out.push(...t);
  }
  return out;
}

/**
 * A number glued to the end of a label (`申请数量97`, PDF text that lost its
 * space) is split off; numbers inside or at the start of labels (`1.属于…`) stay.
 */
function splitGluedNumber(text: string, line: number, sep: boolean): Token[] {
  const m = /^(.*[\u4e00-\u9fa5)）】\]])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)$/.exec(text);
  if (!m || /第$|[(（]$/.test(m[1])) return [{ kind: 'label', text, line, sep }];
  return [{ kind: 'label', text: m[1], line, sep }, classify(m[2], line, sep)];
}
