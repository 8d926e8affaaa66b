/** One cell per line followed by ` |`, with bare `|||` lines standing for the merged cells of each row (seed 003). */
import type { Doc } from '../doc.ts';
import { Out } from './out.ts';
import { pushPipeProse } from './pipe.ts';

export function renderPipeCell(doc: Doc): Out {
  const out = new Out();
  for (const b of doc.blocks) {
    switch (b.t) {
      case 'table':
        for (const row of b.model.rows) {
          for (const c of row.cells) out.push(c.t === '' ? '|' : `${c.t} |`, [c.key]);
          const pad = b.model.width - row.cells.length;
          if (pad > 0) out.push('|'.repeat(pad));
        }
        break;
      default:
        pushPipeProse(out, b);
    }
  }
  return out;
}
