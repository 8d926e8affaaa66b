/** One table row per line, cells joined by ` | `, padded with bare pipes (seed 001). */
import type { Block, Doc } from '../doc.ts';
import type { Rng } from '../rng.ts';
import { Out } from './out.ts';

export function pipeRow(cells: string[], width: number, padTrailing: boolean): string {
  const pad = width - cells.length;
  return cells.join(' | ') + ' |' + (pad > 0 && padTrailing ? ' ' + '|'.repeat(pad) : '');
}

/** Everything but the tables, as both pipe layouts print it. */
export function pushPipeProse(out: Out, b: Exclude<Block, { t: 'table' }>): void {
  switch (b.t) {
    case 'title': case 'h': case 'p':
      out.push(b.text);
      return;
    case 'meta':
      for (const r of b.rows) out.push(pipeRow(r, 4, true));
      return;
    case 'raw':
      for (const l of b.lines) out.push(l);
      return;
    case 'sign':
      for (const l of b.lines) out.push(l.trim());
      return;
  }
}

export function renderPipe(doc: Doc, rng: Rng): Out {
  const out = new Out();
  for (const b of doc.blocks) {
    switch (b.t) {
      case 'table': {
        const rows = b.model.rows;
        rows.forEach((row, i) => {
          const last = i === rows.length - 1;
          out.push(pipeRow(row.cells.map((c) => c.t), b.model.width, !(last && rng.chance(0.5))), row.cells.map((c) => c.key));
        });
        break;
      }
      default:
        pushPipeProse(out, b);
    }
  }
  return out;
}
