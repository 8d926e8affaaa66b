/**
 * The review and litigation table: 15 numbers, printed as review(5),
 * suit_direct(5), suit_after_review(5), each upheld, corrected, other, pending, total.
 */
import { OUTCOME_CODES, PROCEEDING_CODES } from '../schema.ts';
import type { ReviewRow } from '../types.ts';
import type { Token } from './cells.ts';
import { dropStrayTrailing, slotValue, valueSlots } from './rows.ts';
import { splitRunTogether } from './split.ts';
import { zh, type Issue } from './issues.ts';

export interface ReviewTable { rows: ReviewRow[]; found: boolean }

const groupsBalance = (v: number[]) =>
  [0, 5, 10].every((g) => v[g + 4] === v[g] + v[g + 1] + v[g + 2] + v[g + 3]);

function allNull(line: number | null): ReviewRow[] {
  return PROCEEDING_CODES.flatMap((proceeding) => OUTCOME_CODES.map((outcome) => ({ proceeding, outcome, value: null, line })));
}

export function readReviews(tokens: Token[], issues: Issue[]): ReviewTable {
  const head = tokens.findIndex((t, i) => t.kind === 'label' && (/结果维持|^维持$/.test(t.text) || (t.text === '结果' && /^维持/.test(tokens[i + 1]?.text ?? ''))));
  if (head < 0) return { rows: [], found: false };
  // Values after the header; a long text label after the numbers began ends the table.
  const values: Token[] = [];
  for (let i = head + 1; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'label') {
      if (values.some((v) => v.kind === 'num') && t.text.length > 12) break;
      continue;
    }
    values.push(t);
  }
  const slots = dropStrayTrailing(valueSlots(values), 15);
  const headLine = tokens[head].line;
  if (slots.length === 15) {
    const rows: ReviewRow[] = [];
    slots.forEach((s, k) => {
      const proceeding = PROCEEDING_CODES[Math.floor(k / 5)];
      const outcome = OUTCOME_CODES[k % 5];
      const value = slotValue(s);
      if (value === null) issues.push({ kind: s.kind === 'placeholder' ? 'placeholder' : 'blank', table: 'reviews', row: proceeding, col: outcome, detail: `「${zh(proceeding)}」「${zh(outcome)}」为「${s.text || '空白'}」` });
      rows.push({ proceeding, outcome, value, line: s.line });
    });
    return { rows, found: true };
  }
  if (slots.length === 0) {
    issues.push({ kind: 'missing', table: 'reviews', detail: '行政复议、行政诉讼表没有印出数字' });
    return { rows: allNull(headLine), found: true };
  }
  if (slots.length <= 7) {
    const res = splitRunTogether(slots, 15, groupsBalance);
    if (res.values) {
      issues.push({ kind: 'split', table: 'reviews', detail: `复议诉讼表的数字粘连为「${slots.map((s) => s.text).join(' ')}」,按各组总计唯一拆分为 ${res.values.join(' ')}` });
      const lines = slots.map((s) => s.line);
      return {
        rows: res.values.map((value, k) => ({ proceeding: PROCEEDING_CODES[Math.floor(k / 5)], outcome: OUTCOME_CODES[k % 5], value, line: lines[0] })),
        found: true,
      };
    }
  }
  issues.push({ kind: slots.some((s) => s.digits && s.digits.length > 1) && slots.length < 15 ? 'unsplittable' : 'unreadable', table: 'reviews', detail: `复议诉讼表印出 ${slots.length} 个数字(「${slots.map((s) => s.text || '空白').join(' ')}」),应为 15 个,无法对应到各格,全部记为空` });
  return { rows: allNull(headLine), found: true };
}
