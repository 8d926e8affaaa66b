/**
 * The template's own rules as equations over truth keys
 * (`p.<row>.<applicant>`, `r.<proceeding>.<outcome>`): each row's 总计 is the
 * sum of its six applicant columns; in every column 一 + 二 = (七) + 四 and (七)
 * is the sum of the handled rows; each review group's 总计 is the sum of its
 * four outcomes. The Article 20 table has no arithmetic.
 */
import {
  APP_GROUPS, APP_ROW_CODES, APPLICANT_CODES, APPLICANT_PARTS, OUTCOME_CODES, PROCEEDING_CODES, type AppRow, type Template,
} from '../../../../src/lib/schema.ts';
import type { Kind } from './cells.ts';
import type { Rule } from './solve.ts';

/** Rows the application table prints in its (六) form. */
export function printedAppRows(form: Template): AppRow[] {
  const skip: AppRow[] = form === '2021' ? ['other_total'] : [...APP_GROUPS.other];
  return APP_ROW_CODES.filter((r) => !skip.includes(r));
}

function handled(form: Template): AppRow[] {
  const { granted, partially_granted, withheld, unavailable, rejected, other } = APP_GROUPS;
  return [...granted, ...partially_granted, ...withheld, ...unavailable, ...rejected, ...(form === '2021' ? other : ['other_total' as AppRow])];
}

export function appRules(form: Template): Rule[] {
  const p = (row: string, a: string) => `p.${row}.${a}`;
  const out: Rule[] = [];
  for (const row of printedAppRows(form)) {
    out.push({ terms: [...APPLICANT_PARTS.map((a) => [p(row, a), 1] as [string, number]), [p(row, 'total'), -1]], value: 0 });
  }
  for (const a of APPLICANT_CODES) {
    out.push({ terms: [[p('new_received', a), 1], [p('carried_over', a), 1], [p('total_handled', a), -1], [p('carried_forward', a), -1]], value: 0 });
    out.push({ terms: [...handled(form).map((r) => [p(r, a), 1] as [string, number]), [p('total_handled', a), -1]], value: 0 });
  }
  return out;
}

export function reviewRules(): Rule[] {
  return PROCEEDING_CODES.map((pr) => ({
    terms: OUTCOME_CODES.map((o) => [`r.${pr}.${o}`, o === 'total' ? -1 : 1] as [string, number]),
    value: 0,
  }));
}

/** What a printed cell of this key may look like. */
export function kindOf(key: string): Kind {
  if (key.endsWith('.change')) return 'change';
  if (key.endsWith('.fee_amount') || key.endsWith('.procurement_amount')) return 'amount';
  return 'count';
}
