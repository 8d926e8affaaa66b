/** One table row per line, cells joined by ` | `, padded with bare pipes (seed 001). */
import type { Doc } from '../doc.ts';
import type { Rng } from '../rng.ts';
import { Out } from './out.ts';

export function pipeRow(cells: string[], width: number, padTrailing: boolean): string {
  const pad = width - cells.length;
  return cells.join(' | ') + ' |' + (pad > 0 && padTrailing ? ' ' + '|'.repeat(pad) : '');
}

export function renderPipe(doc: Doc, rng: Rng): Out {
  const out = new Out();
  for (const b of doc.blocks) {
    switch (b.t) {
      case 'title': case 'h': case 'p':
        out.push(b.text);
        break;
      case 'meta':
        for (const r of b.rows) out.push(pipeRow(r, 4, true));
        break;
      case 'raw':
        for (const l of b.lines) out.push(l);
        break;
      case 'sign':
        for (const l of b.lines) out.push(l.trim());
        break;
      case 'table': {
        const rows = b.model.rows;
        rows.forEach((row, i) => {
          const last = i === rows.length - 1;
          out.push(pipeRow(row.cells.map((c) => c.t), b.model.width, !(last && rng.chance(0.5))), row.cells.map((c) => c.key));
        });
        break;
      }
    }
  }
  return out;
}
