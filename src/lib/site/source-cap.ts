/**
 * The part of a report's source text a page shows (dataset/limits.ts): the
 * leading lines within the page's budget, then every later line a table value
 * was read from, so each number still links to its line. Long lines are cut.
 * `capped` tells the page to say so and link to the whole text.
 */
import { pageLines, SOURCE_LINE_CHARS } from '../dataset/limits.ts';

export interface ShownSource {
  /** Lines 1..lines.length, as shown. */
  lines: string[];
  /** Later lines shown on their own: [line number, text]. */
  more: [number, string][];
  /** Lines in the whole text. */
  total: number;
  /** Something was left out or cut. */
  capped: boolean;
}

const cut = (l: string) => (l.length > SOURCE_LINE_CHARS ? l.slice(0, SOURCE_LINE_CHARS) + '…(此行过长,以下省略)' : l);

export function capSource(all: string[], used: number[]): ShownSource {
  const { shown, capped } = pageLines(all);
  if (!capped) return { lines: all, more: [], total: all.length, capped };
  const more: [number, string][] = [];
  for (const u of [...new Set(used)].sort((a, b) => a - b)) if (u > shown && u <= all.length) more.push([u, cut(all[u - 1])]);
  return { lines: all.slice(0, shown).map(cut), more, total: all.length, capped };
}
