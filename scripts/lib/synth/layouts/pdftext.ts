/**
 * Text as pdfplumber / pdftotext give it from a PDF of the report: one table
 * row per line with cells separated by single spaces, blank cells gone; a long
 * label wraps and its later lines come after the row's numbers
 * (`（二）部分公开（区分处理的，只计 1 0 0 0 0 0 1` / `这一情形，不计其他情形）`),
 * or its parts are joined by a space (`…只计这一情 形`); the vertical merged
 * cells (`三、本年度办理结果`, `（三）不予公开` …) printed a character or two per
 * line among the rows; the multi-level header broken over several lines;
 * paragraphs broken at the page width; page footers (`- 3 -`) and running
 * headers wherever a page ends, tables included.
 */
import type { Doc } from '../doc.ts';
import type { Rng } from '../rng.ts';
import type { Cell, Row, TableModel } from '../tables.ts';
import { Out } from './out.ts';

export interface PdfTextOpts {
  /** Characters per line of body text. */
  width: number;
  /** Lines per page. */
  pageLines: number;
  /** Printed under each page footer, or null. */
  runningHead: string | null;
  /** Vertical-cell characters on the row line they sit beside (`年 2.其他…`), else on lines of their own. */
  mergeVertical: boolean;
  /** Wrapped label parts sometimes joined by a space on one line. */
  labelSpaces: boolean;
}

interface Line { text: string; keys?: string[] }

const LEVEL0 = new Set(['new_received', 'carried_over', 'carried_forward']);
const LEVEL1 = new Set(['granted', 'partially_granted', 'other_total', 'total_handled']);

/** Break text into chunks of `w` characters, never inside a run of ASCII letters or digits. */
export function wrap(text: string, w: number): string[] {
  const out: string[] = [];
  let s = text;
  while (s.length > w) {
    let at = w;
    while (at > 1 && /[0-9A-Za-z.%]/.test(s[at - 1]) && /[0-9A-Za-z.%]/.test(s[at])) at--;
    out.push(s.slice(0, at));
    s = s.slice(at);
  }
  if (s) out.push(s);
  return out;
}

const halves = (t: string) => (t.length > 4 ? [t.slice(0, Math.ceil(t.length / 2)), t.slice(Math.ceil(t.length / 2))] : [t, '']);

/** Header cells printed in two stacked lines (`本年制发` / `件数`). */
function stacked(cells: string[]): Line[] {
  const h = cells.map(halves);
  return [{ text: h.map((x) => x[0]).join(' ') }, { text: h.map((x) => x[1]).filter(Boolean).join(' ') }];
}

const numText = (cells: Cell[]) => cells.filter((c) => c.kind === 'num' && c.t.trim() !== '' && c.t !== '\u00a0').map((c) => c.t).join(' ');
const numKeys = (cells: Cell[]) => cells.filter((c) => c.kind === 'num' && c.key).map((c) => c.key!);

function active(m: TableModel, rng: Rng): Line[] {
  const out: Line[] = [];
  for (const row of m.rows) {
    const heads = row.cells.filter((c) => c.kind !== 'num').map((c) => c.t);
    if (row.id === 'head' && rng.chance(0.5)) out.push(...stacked(heads));
    else if (row.id === 'head' || row.id === 'title') out.push({ text: heads.join(' ') });
    else out.push({ text: [heads.join(''), numText(row.cells)].filter(Boolean).join(' '), keys: numKeys(row.cells) });
  }
  return out;
}

/** Characters of a vertical cell, one or two per line. */
function vertical(rng: Rng, t: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < t.length;) {
    const n = rng.chance(0.5) ? 1 : 2;
    out.push(t.slice(i, i + n));
    i += n;
  }
  return out;
}

function appsHeader(m: TableModel, rng: Rng): Line[] {
  const [h0, h1, h2] = m.rows;
  const note = wrap(h0.cells[0].t, rng.int(14, 20));
  const out: Line[] = [{ text: `${note[0]} ${h0.cells[1].t}` }];
  for (const x of note.slice(1)) out.push({ text: x });
  out.push({ text: h1.cells.map((c) => c.t).join(' ') });
  out.push(...stacked(h2.cells.map((c) => c.t.replace(/\s/g, ''))));
  return out;
}

interface Slot { line: Line; row: number }

function apps(m: TableModel, o: PdfTextOpts, rng: Rng): Line[] {
  const body = m.rows.slice(3);
  const slots: Slot[] = [];
  body.forEach((row: Row, ri) => {
    const label = row.cells.find((c) => c.kind === 'label')!.t;
    const w = LEVEL0.has(row.id) ? rng.int(14, 18) : LEVEL1.has(row.id) ? rng.int(12, 16) : rng.int(10, 14);
    let chunks = wrap(label, w);
    if (chunks.length === 2 && o.labelSpaces && rng.chance(0.4)) chunks = [chunks.join(' ')];
    const at = Math.floor((chunks.length - 1) / 2);
    const nums = numText(row.cells);
    chunks.forEach((c, i) => {
      const line: Line = i === at ? { text: nums ? `${c} ${nums}` : c, keys: numKeys(row.cells) } : { text: c };
      slots.push({ line, row: ri });
    });
  });
  // vertical cells: centred on the lines of the rows they span
  const before = new Map<number, string[]>();
  for (const [ri, row] of body.entries()) {
    for (const g of row.cells.filter((c) => c.kind === 'group')) {
      const span = Math.min(g.rows ?? 1, body.length - ri);
      const lines = slots.map((s, i) => (s.row >= ri && s.row < ri + span ? i : -1)).filter((i) => i >= 0);
      const chars = vertical(rng, g.t.replace(/\s/g, ''));
      const start = Math.max(0, Math.floor((lines.length - chars.length) / 2));
      chars.forEach((ch, k) => {
        const at = lines[Math.min(start + k, lines.length - 1)];
        before.set(at, [...(before.get(at) ?? []), ch]);
      });
    }
  }
  const out: Line[] = [];
  slots.forEach((s, i) => {
    const v = before.get(i) ?? [];
    if (o.mergeVertical && v.length) out.push({ ...s.line, text: `${v.join(' ')} ${s.line.text}` });
    else { for (const ch of v) out.push({ text: ch }); out.push(s.line); }
  });
  return [...appsHeader(m, rng), ...out];
}

function reviews(m: TableModel): Line[] {
  const [, h1, h2, vals] = m.rows;
  const words = (cs: Cell[]) => cs.map((c) => c.t.replace(/\s/g, ''));
  // the review outcomes span two header rows: their halves sit beside the suit headers and outcomes
  const review = words(h1.cells.slice(0, 5)).map((t) => [t.slice(0, 2), t.slice(2)]);
  const suits = stacked(words(h2.cells));
  return [
    { text: '行政复议 行政诉讼' },
    { text: [...review.map((x) => x[0]), ...words(h1.cells.slice(5))].join(' ') },
    { text: [...review.map((x) => x[1]).filter(Boolean), suits[0].text].join(' ') },
    ...suits.slice(1),
    { text: numText(vals.cells), keys: numKeys(vals.cells) },
  ];
}

export function renderPdfText(doc: Doc, o: PdfTextOpts, rng: Rng): Out {
  const out = new Out();
  let page = 1, onPage = 0;
  const push = (l: Line) => {
    if (onPage >= o.pageLines) {
      out.push(`- ${page} -`);
      page++;
      onPage = 0;
      if (o.runningHead) out.push(o.runningHead);
    }
    out.push(l.text, l.keys);
    onPage++;
  };
  for (const b of doc.blocks) {
    switch (b.t) {
      case 'title': for (const x of wrap(b.text, 22)) push({ text: x }); break;
      case 'h': push({ text: b.text }); break;
      case 'p': for (const x of wrap(b.text, o.width)) push({ text: x }); break;
      case 'sign': for (const l of b.lines) push({ text: l.trim() }); break;
      case 'meta': for (const r of b.rows) push({ text: r.filter(Boolean).join(' ') }); break;
      case 'raw': break;
      case 'table': {
        const lines = b.model.id === 'active' ? active(b.model, rng) : b.model.id === 'apps' ? apps(b.model, o, rng) : reviews(b.model);
        for (const l of lines) if (l.text.trim() !== '') push(l);
        break;
      }
    }
  }
  out.push(`- ${page} -`);
  return out;
}
