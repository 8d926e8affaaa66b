/**
 * Reading a flattened table by its row labels. Rows are found by what their
 * labels say, never by position: a row whose label is missing, or that prints
 * no numbers, is simply absent here and becomes NULLs later; it never shifts
 * the rows after it.
 */
import type { Token } from './cells.ts';

export interface RowHit<C extends string> {
  code: C;
  /** Line of the label. */
  line: number;
  /** Value slots in printed order: numbers, placeholders and interior blanks. */
  slots: Token[];
  /** Set when the same row was printed twice with numbers both times. */
  conflict?: boolean;
}

export type Matcher<C extends string> = [C, RegExp];

/** Longer labels are sentences, not row labels. */
export const MAX_LABEL = 70;

/** Narrative sentences that mention a row's words (`本年新收申请7件。`) are not row labels. */
export function isSentence(text: string): boolean {
  return text.length > MAX_LABEL || /[。;；!！?？]|\d+(?:件|条|个|次|人)/.test(text);
}

/** Match a label against the matchers; labels broken over two cells are joined with the next one. */
export function matchLabel<C extends string>(text: string, matchers: Matcher<C>[]): C | null {
  for (const [code, re] of matchers) if (re.test(text)) return code;
  return null;
}

/** Numbering and group words in front of a row label: `三、本年度办理结果(三)不予公开2.`. */
const NUMBERING = /^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十\d]+\)|\d+[.、]|本年度办理结果|不予公开|无法提供|不予处理|其他处理)+/;

/**
 * A label cut short (PDF text wraps a cell: `2.其他法律行政法规` + later `禁止公开`):
 * accepted when what is left after the numbering is at least four characters
 * and the beginning of exactly one row's printed label.
 */
export function matchPrefix<C extends string>(text: string, prefixes: [C, string][]): C | null {
  const core = text.replace(NUMBERING, '');
  if (core.length < 4) return null;
  let hit: C | null = null;
  for (const [code, label] of prefixes) {
    if (!label.startsWith(core)) continue;
    if (hit && hit !== code) return null;
    hit = code;
  }
  return hit;
}

/**
 * Walk the tokens; each matched label opens a row that collects the value
 * tokens up to the next matched label. A label that matches nothing is
 * tried joined with the following label token (`本年新` + `制作数量`).
 */
export function readRows<C extends string>(tokens: Token[], matchers: Matcher<C>[], prefixes?: [C, string][]): Map<C, RowHit<C>> {
  const rows = new Map<C, RowHit<C>>();
  let current: { code: C; line: number; values: Token[] } | null = null;
  const close = () => {
    if (!current) return;
    const slots = valueSlots(current.values);
    const prev = rows.get(current.code);
    if (!prev) rows.set(current.code, { code: current.code, line: current.line, slots });
    else if (prev.slots.length === 0) rows.set(current.code, { code: current.code, line: current.line, slots, conflict: prev.conflict });
    else if (slots.length > 0) prev.conflict = true;
    current = null;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'label') { current?.values.push(t); continue; }
    // Narrative sentences that mention a row's words do not open rows.
    if (isSentence(t.text)) continue;
    let code = matchLabel(t.text, matchers);
    if (!code && i + 1 < tokens.length && tokens[i + 1].kind === 'label') {
      code = matchLabel(t.text + tokens[i + 1].text, matchers);
      if (code) i++;
    }
    if (!code && prefixes) code = matchPrefix(t.text, prefixes);
    if (!code) continue;
    // The same label printed again right after itself, with no values between,
    // is a label broken over two cells: keep collecting into the open row.
    if (current && current.code === code && current.values.every((v) => v.kind === 'blank')) continue;
    close();
    current = { code, line: t.line, values: [] };
  }
  close();
  return rows;
}

/**
 * The value slots of a row: numbers and placeholders, plus blank cells that sit
 * between two values on the same line of a `|`/tab layout (a blank printed in
 * place of a value). Leading and trailing blanks are layout, not values.
 */
export function valueSlots(values: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v.kind === 'num' || v.kind === 'placeholder') { out.push(v); continue; }
    if (v.kind !== 'blank') continue;
    const before = values.slice(0, i).reverse().find((x) => x.line === v.line && x.kind !== 'blank');
    const after = values.slice(i + 1).find((x) => x.line === v.line && x.kind !== 'blank');
    const isValue = (x?: Token) => x && (x.kind === 'num' || x.kind === 'placeholder');
    if (isValue(before) && isValue(after)) out.push(v);
  }
  return out;
}

/** Number of a slot, or null for placeholders and blanks. */
export function slotValue(t: Token): number | null {
  return t.kind === 'num' ? t.value! : null;
}

/**
 * Drop trailing values that stand alone on their own lines when the row has more
 * values than the header has columns and the rest of its values share one line.
 */
export function dropStrayTrailing(slots: Token[], columns: number): Token[] {
  const out = slots.slice();
  while (out.length > columns) {
    const last = out[out.length - 1];
    const rest = out.slice(0, -1);
    if (!last.alone || rest.some((s) => s.line !== rest[0].line) || last.line === rest[0].line) break;
    out.pop();
  }
  return out;
}
