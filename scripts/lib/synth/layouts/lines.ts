/**
 * One cell per line, optionally with blank lines between (seeds 000, 002):
 * empty cells vanish, header cells may be broken over two lines (`本年新` / `制作数量`).
 */
import type { Doc } from '../doc.ts';
import type { Rng } from '../rng.ts';
import { Out } from './out.ts';

export interface LinesOpts { blank: boolean; splitHeads: boolean }

function splitHead(t: string): [string, string] | null {
  const s = t.replace(/\s+/g, '');
  if (s.length < 4 || s.length > 8 || /[()（）:：]/.test(s)) return null;
  const at = s.length === 4 ? 2 : 3;
  return [s.slice(0, at), s.slice(at)];
}

export function renderLines(doc: Doc, o: LinesOpts, rng: Rng): Out {
  const out = new Out();
  const gap = () => { if (o.blank) out.push(''); };
  for (const b of doc.blocks) {
    switch (b.t) {
      case 'title': case 'h': case 'p':
        out.push(b.t === 'h' && rng.chance(0.3) ? '    ' + b.text : b.text);
        gap();
        if (b.t === 'title' && rng.chance(0.3)) gap();
        break;
      case 'meta':
        for (const r of b.rows) { out.push(r.filter(Boolean).join(' ')); gap(); }
        break;
      case 'raw':
        for (const l of b.lines) out.push(l);
        gap();
        break;
      case 'sign':
        out.push('');
        for (const l of b.lines) out.push(l);
        break;
      case 'table':
        for (const row of b.model.rows) {
          for (const c of row.cells) {
            if (c.t === '') continue;
            const parts = c.kind === 'head' && o.splitHeads ? splitHead(c.t) : null;
            if (parts) { out.push(parts[0]); out.push(parts[1]); }
            else out.push(c.t, [c.key]);
            gap();
          }
        }
        break;
    }
  }
  return out;
}
