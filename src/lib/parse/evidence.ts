/**
 * Evidence from outside a table, used only when it singles out one answer:
 * the report's own narrative (facts, narrative.ts) and, in the build, the same
 * agency's report for the year before (dataset/cross-year.ts). A row whose
 * digits the table's arithmetic leaves splittable several ways keeps those
 * splits as `Pending`; a fact that matches exactly one of them settles it.
 */
import type { Fact } from './narrative.ts';
import type { RowChoice, Solution } from './solve.ts';
import { mapArray } from './map-array.ts';

/** A row left partly NULL with the splits still possible. */
export interface Pending {
  table: 'applications' | 'reviews' | 'active_disclosure';
  row: string;
  cols: string[];
  cands: (number | null)[][];
  lines: number[];
}

export class Evidence {
  /** What settled which row, in words, for the `run_together` check. */
  readonly used: string[] = [];
  readonly facts: Fact[];
  constructor(facts: Fact[] = []) { this.facts = facts; }

  /** Narrow rows with several winners to the one split the facts agree with. */
  narrow(table: Fact['table'], choices: RowChoice[], sol: Solution): void {
    for (const ch of choices) {
      const w = sol.winners.get(ch.row);
      if (!w || w.length < 2) continue;
      const facts = this.facts.filter((f) => f.table === table && f.row === ch.row && !f.checkOnly && ch.cols.includes(f.col));
      if (!facts.length) continue;
      const agree = w.filter((k) => facts.every((f) => ch.cands[k][ch.cols.indexOf(f.col)] === f.value));
      if (agree.length !== 1) continue;
      sol.winners.set(ch.row, agree);
      sol.values.set(ch.row, ch.cands[agree[0]].slice());
      this.used.push(`${mapArray(facts, (f) => `正文「${f.text}」(第 ${f.line} 行)`).join('、')}只与其中一种拆分 ${ch.cands[agree[0]].join(' ')} 相符`);
    }
  }
}
