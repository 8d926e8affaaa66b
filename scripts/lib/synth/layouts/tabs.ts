/**
 * Text pulled out of a PDF (seed 004): every line starts with a tab, cells are
 * tab-separated, row-spanning labels land on one of the rows they span, long
 * labels are broken and their tail printed on a later line, spaces appear
 * inside labels (`禁 止公开`), paragraphs are broken at page ends.
 */
import type { Cell, TableModel } from '../tables.ts';
import type { Doc } from '../doc.ts';
import type { Rng } from '../rng.ts';
import { Out } from './out.ts';

export interface TabsOpts { breakLabels: boolean; spaceLabels: boolean; pageBreak: boolean }

const LEVEL0 = new Set(['new_received', 'carried_over', 'carried_forward']);
const LEVEL1 = new Set(['granted', 'partially_granted', 'other_total', 'total_handled']);

/** Leading numbering of a label: `1.` `（一）` `三、`. */
const PREFIX = /^(\d[.．]|[（(][一二三四五六七][)）]|[一二三四五六七]、)/;

/**
 * How a label prints out of a PDF cell `width` characters wide: the numbering,
 * then the text wrapped into chunks. Returns the chunks (first chunk keeps the
 * numbering; `spaceAfterPrefix` gives `1. 属于…`).
 */
function wrapLabel(t: string, width: number, spaceAfterPrefix: boolean): string[] {
  const m = PREFIX.exec(t);
  const prefix = m ? m[0] : '';
  const body = t.slice(prefix.length);
  const chunks: string[] = [];
  for (let i = 0; i < body.length; i += width) chunks.push(body.slice(i, i + width));
  if (chunks.length === 0) return [prefix];
  chunks[0] = prefix + (prefix && spaceAfterPrefix ? ' ' : '') + chunks[0];
  return chunks;
}

/** A label as printed: wrapped parts joined by spaces (`禁 止公开`), or the tail split off to a later line. */
function pdfLabel(rng: Rng, t: string, width: number, o: TabsOpts): { head: string; tail: string } {
  const chunks = wrapLabel(t, width, o.spaceLabels && rng.chance(0.8));
  if (chunks.length === 1 || chunks.length > 2) return { head: o.spaceLabels ? chunks.join(' ') : t, tail: '' };
  if (o.breakLabels && rng.chance(0.4)) return { head: chunks[0], tail: chunks[1] };
  return { head: o.spaceLabels ? chunks.join(' ') : chunks.join(''), tail: '' };
}

/** Split a paragraph at a point not inside a number. */
function breakParagraph(rng: Rng, t: string): [string, string] | null {
  if (t.length < 60) return null;
  for (let tries = 0; tries < 5; tries++) {
    const at = rng.int(20, t.length - 10);
    if (!/[\d.,%]/.test(t[at - 1]) && !/[\d.,%]/.test(t[at])) return [t.slice(0, at), t.slice(at)];
  }
  return null;
}

function spanRow(cells: Cell[]): string[] {
  const out: string[] = [];
  for (const c of cells) {
    out.push(c.t);
    for (let i = 1; i < (c.cols ?? 1); i++) out.push('');
  }
  return out;
}

function renderApps(out: Out, m: TableModel, o: TabsOpts, rng: Rng) {
  const [h0, h1, h2, ...body] = m.rows;
  const noTotal = h1.cells.length === 2;
  out.push(`\t${h0.cells[0].t}\t\t${h0.cells[1].t}\t\t\t\t\t`);
  out.push(`\t\t\t${h1.cells[0].t}\t${h1.cells[1].t}\t\t\t\t` + (noTotal ? '' : `\t${h1.cells[2].t}`));
  out.push('\t\t\t\t' + h2.cells.map((c) => c.t).join('\t'));
  // Where the row-spanning group labels land: the top group (三、本年度办理结果) on one of its rows.
  const topRow = rng.chance(0.5) ? body.findIndex((r) => r.id === 'withheld_state_secret') : Math.floor(body.length / 2);
  const pageAt = o.pageBreak ? rng.int(2, body.length - 2) : -1;
  // width of the label column, in characters after the numbering
  const width = rng.int(8, 10);
  const top = body.flatMap((r) => r.cells).find((c) => c.kind === 'group' && c.t.startsWith('三'));
  body.forEach((row, i) => {
    if (i === pageAt) out.push('\t');
    const groups = row.cells.filter((c) => c.kind === 'group');
    const lab = row.cells.find((c) => c.kind === 'label')!;
    const nums = row.cells.filter((c) => c.kind === 'num');
    const sub = groups.find((g) => g !== top);
    const narrow = (x: string) => (o.spaceLabels ? wrapLabel(x, 3, true).join(' ') : x);
    const col0 = i === topRow ? narrow(top?.t ?? '三、本年度办理结果') : '';
    const { head: label, tail } = pdfLabel(rng, lab.t, width, o);
    let cells: string[];
    if (LEVEL0.has(row.id)) cells = [label, '', ''];
    else if (LEVEL1.has(row.id)) cells = [col0, label, ''];
    else cells = [col0, sub ? narrow(sub.t) : '', label];
    if (nums.length === 6) cells.pop();
    out.push('\t' + [...cells, ...nums.map((c) => c.t)].join('\t'), nums.map((c) => c.key));
    if (tail) {
      if (rng.chance(0.7)) out.push('\t');
      out.push('\t\t\t' + tail + '\t'.repeat(7));
    }
  });
}

function renderReviews(out: Out, m: TableModel) {
  const [h0, h1, h2, vals] = m.rows;
  out.push('\t' + spanRow(h0.cells).join('\t'));
  out.push('\t' + spanRow(h1.cells).join('\t'));
  out.push('\t' + ['', '', '', '', '', ...h2.cells.slice(5).map((c) => c.t)].join('\t'));
  out.push('\t' + vals.cells.map((c) => c.t).join('\t'), vals.cells.map((c) => c.key));
}

export function renderTabs(doc: Doc, o: TabsOpts, rng: Rng): Out {
  const out = new Out();
  out.push('\t');
  for (const b of doc.blocks) {
    switch (b.t) {
      case 'title': case 'h': case 'p': {
        const br = b.t === 'p' && rng.chance(0.2) ? breakParagraph(rng, b.text) : null;
        if (br) { out.push('\t' + br[0]); out.push('\t'); out.push('\t' + br[1]); }
        else out.push('\t' + b.text);
        out.push('\t');
        break;
      }
      case 'meta':
        for (const r of b.rows) out.push('\t' + r.join('\t'));
        break;
      case 'raw':
        for (const l of b.lines) out.push('\t' + l);
        break;
      case 'sign':
        for (const l of b.lines) out.push('\t' + l.trim());
        out.push('\t');
        break;
      case 'table':
        if (b.model.id === 'apps') renderApps(out, b.model, o, rng);
        else if (b.model.id === 'reviews') renderReviews(out, b.model);
        else {
          for (const row of b.model.rows) {
            const cells = row.cells.map((c) => c.t);
            const pad = rng.chance(0.5) ? b.model.width - cells.length : 0;
            out.push('\t' + cells.join('\t') + '\t'.repeat(Math.max(0, pad)), row.cells.map((c) => c.key));
            if (rng.chance(0.05)) out.push('\t');
          }
        }
        out.push('\t');
        break;
    }
  }
  return out;
}
