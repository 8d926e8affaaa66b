/**
 * A paragraph's wrapped lines → one line. A plain line is joined to the one
 * above it when the one above runs the full text width (it was wrapped: from
 * the left margin, allowing a first-line indent, to the right margin), the
 * two are set in the same size at normal line spacing, neither is split into
 * cells, and the lower one does not start a heading or a numbered item.
 * Centred or right-aligned short lines (a signature, a date) stay apart, and
 * lines are never joined across a page break.
 */
import { startsItem } from './chars.ts';
import { joinWrapped } from './lines.ts';
import type { Block } from './types.ts';

type LineBlock = Extract<Block, { kind: 'line' }>;

/** A text column narrower than this many characters is not checked for wrapping. */
const MIN_COLUMN = 15;


function continues(a: LineBlock, b: LineBlock, left: number, right: number): boolean {
  const size = Math.min(a.size, b.size);
  if (a.cells.length !== 1 || b.cells.length !== 1) return false;
  if (Math.abs(a.size - b.size) > 0.5) return false;
  const gap = b.top - a.bottom;
  if (gap > 0.9 * size || gap < -0.3 * size) return false;
  if (a.x1 < right - 1.5 * size || a.x0 > left + 2.5 * size) return false;
  return !startsItem(b.cells[0]);
}

export function joinParagraphs(blocks: Block[]): Block[] {
  const lines = blocks.filter((b): b is LineBlock => b.kind === 'line');
  if (lines.length < 2) return blocks;
  // the text column: from the leftmost to the rightmost text or table on the page
  const edges = blocks.map((b) => (b.kind === 'line' ? [b.x0, b.x1] : [b.table.x0, b.table.x1]));
  const left = Math.min(...edges.map((e) => e[0]));
  const right = Math.max(...edges.map((e) => e[1]));
  // a page of short lines only tells nothing about wrapping
  if (right - left < MIN_COLUMN * Math.max(...lines.map((l) => l.size))) return blocks;
  const out: Block[] = [];
  for (const b of blocks) {
    const prev = out[out.length - 1];
    if (b.kind === 'line' && prev?.kind === 'line' && continues(prev, b, left, right)) {
      // the joined line keeps the lower line's extent, so a third line can follow it
      out[out.length - 1] = { ...b, top: prev.top, x0: prev.x0, cells: [joinWrapped([prev.cells[0], b.cells[0]])] };
    } else {
      out.push(b);
    }
  }
  return out;
}
