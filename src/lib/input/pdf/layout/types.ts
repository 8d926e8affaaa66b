/**
 * What the layout layer works on: text items and ruling segments of one page,
 * in points, origin at the page's top left, y growing downwards. The pdf.js
 * glue (`../read.ts`) produces them; everything in this folder is pure.
 */

/** A run of text on one baseline, as the PDF drew it. */
export interface TextItem {
  str: string;
  /** Left edge of the run. */
  x: number;
  /** Baseline. */
  y: number;
  /** Advance width of the run. */
  w: number;
  /** Font size (height of the em square). */
  size: number;
  /** A blank separated this run from the one before it in the PDF's text. */
  sp?: boolean;
}

/** A horizontal (`y0 === y1`) or vertical (`x0 === x1`) ruling line. */
export interface Segment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PageContent {
  width: number;
  height: number;
  items: TextItem[];
  segments: Segment[];
  /** Share of the page's area that images cover (0 where not known). */
  pictures?: number;
}

/** Items on one baseline, left to right. */
export interface Line {
  items: TextItem[];
  /** Baseline of the first item. */
  y: number;
  top: number;
  bottom: number;
  x0: number;
  x1: number;
  /** Largest font size on the line. */
  size: number;
}

/** One cell of a ruled table, spanning grid rows r0..r1 and columns c0..c1 (inclusive). */
export interface Cell {
  text: string;
  r0: number;
  r1: number;
  c0: number;
  c1: number;
  x0: number;
  x1: number;
  /** No ruling closes the cell at the table's top / bottom edge (it goes on across a page break). */
  openTop: boolean;
  openBottom: boolean;
  /** The cell's last line of text runs to its right edge: the text may go on. */
  wrapped?: boolean;
  /** Continues a cell of the previous page's table: its text was moved there. */
  cont?: boolean;
}

/** A ruled table: its grid and, per grid row, the cells that start in it (left to right). */
export interface Table {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  xs: number[];
  ys: number[];
  rows: Cell[][];
}

/** What a page holds, top to bottom: plain lines (cells found by gaps) and ruled tables. */
export type Block =
  | { kind: 'line'; top: number; bottom: number; x0: number; x1: number; size: number; cells: string[] }
  | { kind: 'table'; top: number; bottom: number; table: Table };
