/**
 * Cells a PDF-to-markdown converter moved out of their row: a number printed
 * on a line of its own after the row's little table (`Row.stray`; which cell
 * it was is left to the split rules), or the row's label printed above it
 * (`Row.labelOut`). Returns the names of what it did.
 */
import type { Rng } from '../rng.ts';
import type { TableModel } from '../tables.ts';

export function planMarkdown(rng: Rng, apps: TableModel): string[] {
  const names: string[] = [];
  const body = apps.rows.filter((r) => r.id !== 'head');
  const full = body.filter((r) => r.cells.filter((c) => c.kind === 'num' && c.key && c.t.trim() !== '').length === 7);
  if (full.length && rng.chance(0.35)) {
    const row = rng.pick(full);
    row.stray = rng.chance(0.5) ? 6 : rng.int(0, 6);
    names.push('stray_cell');
  }
  if (rng.chance(0.25)) {
    for (const i of rng.sample(body.length, rng.int(1, 3))) body[i].labelOut = true;
    names.push('label_out');
  }
  return names;
}
