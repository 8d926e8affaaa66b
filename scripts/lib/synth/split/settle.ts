/**
 * The truth of every printed value cell: the value, 0-or-NULL, NULL, or open
 * (the print can be read more than one way by every rule). Throws if the rules
 * reject the reading the generator printed: that is a generator bug.
 */
import type { CellValue } from './cells.ts';
import type { Prints } from './prints.ts';
import { readings } from './readings.ts';
import { solve, type Rule, type Verdict } from './solve.ts';

function admits(v: Verdict, meant: CellValue): boolean {
  switch (v.kind) {
    case 'value': return v.value === meant;
    case 'zero_ok': return meant === 'dash' || meant === 0;
    case 'null': return meant === null;
    case 'open': return v.values.some((x) => String(x) === String(meant));
  }
}

/** Whether `rule` holds for the cell values `at` gives (a NULL cell: not evaluated). */
function keeps(rule: Rule, at: (key: string) => CellValue): boolean {
  let s = 0;
  for (const [k, c] of rule.terms) {
    const v = at(k);
    if (v === null) return true;
    s += c * (v === 'dash' ? 0 : v);
  }
  return Math.abs(s - rule.value) < 1e-6;
}

/** Verdicts for every key printed in `p`; null when the readings are too many to enumerate. */
export function settle(p: Prints, rules: Rule[], allKeys: string[]): Map<string, Verdict> | null {
  const printed = new Set(p.rows.flatMap((r) => r.keys));
  const known = new Map<string, CellValue>(allKeys.filter((k) => !printed.has(k)).map((k) => [k, null]));
  const verdicts = solve(p.rows, rules, known);
  if (!verdicts) return null;
  for (const [k, v] of verdicts) {
    if (!admits(v, p.meant.get(k) ?? null)) {
      const row = p.rows.find((r) => r.keys.includes(k));
      const lostRows = p.rows.filter((r) => !readings(r).some((c) => c.every((v, i) => String(v) === String(p.meant.get(r.keys[i]) ?? null))));
      if (lostRows.length) throw new Error(`split: no reading of ${JSON.stringify(lostRows)} is the printed one`);
      const broken = rules.filter((r) => !keeps(r, (key) => (printed.has(key) ? p.meant.get(key) ?? null : null)));
      throw new Error(`split rules reject the printed reading of ${k} (${p.meant.get(k)}): ${JSON.stringify(v)} in ${JSON.stringify(row)}; `
        + `the printed reading breaks ${JSON.stringify(broken)}`);
    }
  }
  return verdicts;
}
