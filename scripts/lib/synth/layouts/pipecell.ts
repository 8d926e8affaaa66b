/** One cell per line followed by ` |`, with bare `|||` lines standing for the merged cells of each row (seed 003). */
import type { Doc } from '../doc.ts';
import { Out } from './out.ts';
import { pipeRow } from './pipe.ts';

export function renderPipeCell(doc: Doc): Out {
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
      case 'table':
        for (const row of b.model.rows) {
          for (const c of row.cells) out.push(c.t === '' ? '|' : `${c.t} |`, [c.key]);
          const pad = b.model.width - row.cells.length;
          if (pad > 0) out.push('|'.repeat(pad));
        }
        break;
    }
  }
  return out;
}
