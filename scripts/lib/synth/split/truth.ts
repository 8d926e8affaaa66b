/**
 * Truth for the cells of a report whose print leaves them to the reader's
 * arithmetic (crawled text, PDF text, moved cells, `run_together`): each
 * printed cell's verdict from split/ becomes its truth override. Returns true
 * when some cell is NULL or open (the report cannot be `ok`).
 */
import { APPLICANT_CODES, OUTCOME_CODES, PROCEEDING_CODES, type Template } from '../../../../src/lib/schema.ts';
import type { TableModel } from '../tables.ts';
import type { Override } from '../traps.ts';
import type { Values } from '../values.ts';
import { rowPrints, type Family } from './prints.ts';
import { appRules, printedAppRows, reviewRules } from './rules.ts';
import { settle } from './settle.ts';
import type { Rule } from './solve.ts';

export interface Tables { active: TableModel; apps: TableModel; reviews: TableModel }

/**
 * `respace`, if given, reprints the tables with every number spaced; it is
 * called when their readings are too many to enumerate.
 */
export function settleTables(
  fam: Family, t: Tables, form: Template, values: Values, overrides: Map<string, Override>, facts: Rule[], respace?: () => void,
): boolean {
  const models: TableModel[] = [t.active, t.apps, t.reviews];
  const value = (k: string): number => {
    const [kind, a, b] = k.split('.');
    if (kind === 'a') return values.active.get(`${a}.${b}`)!;
    if (kind === 'p') return values.apps[a as never][b as never];
    return values.reviews[a as never][b as never];
  };
  const keys = [
    ...[...values.active.keys()].map((k) => `a.${k}`),
    ...printedAppRows(form).flatMap((r) => APPLICANT_CODES.map((a) => `p.${r}.${a}`)),
    ...PROCEEDING_CODES.flatMap((p) => OUTCOME_CODES.map((o) => `r.${p}.${o}`)),
  ];
  const rules = [...appRules(form), ...reviewRules(), ...facts];
  let verdicts = settle(rowPrints(models, fam, overrides, value), rules, keys);
  if (!verdicts && respace) {
    respace();
    verdicts = settle(rowPrints(models, fam, overrides, value), rules, keys);
  }
  if (!verdicts) throw new Error('split: too many readings to enumerate');
  let damaged = false;
  for (const [k, v] of verdicts) {
    if (v.kind === 'value') overrides.delete(k);
    else if (v.kind === 'zero_ok') overrides.set(k, { value: null, zero_ok: true });
    else if (v.kind === 'null') {
      // NULL because of how the cell printed (lost, vanished), not a trap that blanked it
      if (!overrides.has(k)) overrides.set(k, { value: null, actual: value(k) });
      damaged = true;
    }
    else { overrides.set(k, { value: null, open: true, actual: value(k) }); damaged = true; }
  }
  return damaged;
}
