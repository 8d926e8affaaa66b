/**
 * What one printed cell may be, by the template's own rules: a count is a
 * whole number with no leading zero (`0`, `17`, `1,234`), a change (本年增/减)
 * may carry a sign (`-15`, `+461`), an amount may have decimals (`45.82`).
 * A `-` alone, `—`, `/`, `／` or `无` is a placeholder cell (0 or not given).
 */

/** The column a cell sits in decides what it may look like. */
export type Kind = 'count' | 'change' | 'amount';

/** A reading of one cell: a number, a placeholder, or NULL (the cell is not printed). */
export type CellValue = number | 'dash' | null;

const INT = '(?:0|[1-9]\\d{0,2}(?:,\\d{3})+|[1-9]\\d*)';
const SHAPE: Record<Kind, RegExp> = {
  count: new RegExp(`^${INT}$`),
  change: new RegExp(`^[+-]?${INT}$`),
  amount: new RegExp(`^${INT}(?:\\.\\d+)?$`),
};

/** Units that end a cell, and the kind of column they may stand in. */
export const UNITS: Record<string, Kind> = { 万元: 'amount', 元: 'amount', 笔: 'count', 个: 'count', 件: 'count', 项: 'count' };

export const PLACEHOLDERS = new Set(['—', '/', '／', '无', '-']);

const FW = /[０-９]/g;
export const asciiDigits = (s: string) => s.replace(FW, (d) => String(d.charCodeAt(0) - 0xff10));

/** The value of `text` as a cell of `kind` (with `unit` printed after it), or undefined if it cannot be one. */
export function cellValue(text: string, kind: Kind, unit?: string): CellValue | undefined {
  if (PLACEHOLDERS.has(text)) return unit ? undefined : 'dash';
  if (unit && UNITS[unit] !== kind) return undefined;
  if (!SHAPE[kind].test(text)) return undefined;
  return Number(text.replace(/,/g, ''));
}

/** Whether an already known value fits a column of `kind`. */
export function fits(v: CellValue, kind: Kind): boolean {
  if (v === null || v === 'dash') return true;
  if (kind === 'amount') return v >= 0;
  return Number.isInteger(v) && (kind === 'change' || v >= 0);
}
