/**
 * Page furniture: page numbers (`- 3 -`, `— 3 —`, `第 3 页`, `3/9`, a lone
 * number at the foot of the page) and running headers or footers (the same
 * line, digits aside, at the top or foot of most pages). Only plain lines
 * near a page's top or bottom edge are candidates; table rows never are.
 */
import type { Block } from './types.ts';

/** Share of the page height, from the top or bottom edge, where furniture lives. */
const ZONE = 0.12;
/** How many blocks from each end of a page are candidates. */
const EDGE_BLOCKS = 3;

const PAGE_NUMBER = [
  /^[-—–－‒―~_]+\s*\d{1,4}\s*[-—–－‒―~_]+$/,
  /^第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?$/,
  /^共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页$/,
  /^\d{1,4}\s*[/／]\s*\d{1,4}$/,
  /^(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$/i,
];
const LONE_NUMBER = /^\d{1,4}$/;

const text = (b: Block) => (b.kind === 'line' ? b.cells.join(' ').trim() : '');
const key = (s: string) => s.replace(/\d+/g, '#').replace(/\s+/g, '');

/** Indexes of a page's blocks that may be furniture, with where they sit. */
function candidates(blocks: Block[], height: number): { i: number; head: boolean; foot: boolean }[] {
  const out: { i: number; head: boolean; foot: boolean }[] = [];
  blocks.forEach((b, i) => {
    if (b.kind !== 'line') return;
    const head = i < EDGE_BLOCKS && b.bottom <= ZONE * height;
    const foot = i >= blocks.length - EDGE_BLOCKS && b.top >= (1 - ZONE) * height;
    if (head || foot) out.push({ i, head, foot });
  });
  return out;
}

/** Remove page numbers and running headers/footers; returns new block lists. */
export function dropFurniture(pages: readonly Block[][], heights: readonly number[]): Block[][] {
  const cands = pages.map((blocks, p) => candidates(blocks, heights[p]));
  // running lines: the same key at an edge of more than half the pages (and at least two)
  const seen = new Map<string, Set<number>>();
  cands.forEach((cs, p) => {
    for (const c of cs) {
      const k = key(text(pages[p][c.i]));
      if (!k) continue;
      if (!seen.has(k)) seen.set(k, new Set());
      seen.get(k)!.add(p);
    }
  });
  const running = new Set([...seen].filter(([, ps]) => ps.size >= 2 && ps.size > pages.length / 2).map(([k]) => k));
  return pages.map((blocks, p) => {
    const drop = new Set<number>();
    for (const c of cands[p]) {
      const t = text(blocks[c.i]);
      if (PAGE_NUMBER.some((re) => re.test(t)) || running.has(key(t))) drop.add(c.i);
    }
    // a lone number is a page number only as the first or last thing left on the page
    const kept = blocks.map((_, i) => i).filter((i) => !drop.has(i));
    for (const c of cands[p]) {
      if (drop.has(c.i) || !LONE_NUMBER.test(text(blocks[c.i]))) continue;
      if ((c.foot && c.i === kept[kept.length - 1]) || (c.head && c.i === kept[0])) drop.add(c.i);
    }
    return blocks.filter((_, i) => !drop.has(i));
  });
}
