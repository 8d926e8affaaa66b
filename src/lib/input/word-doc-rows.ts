/**
 * Table rows in the text word-extractor gives for a Word 97-2003 file.
 *
 * word-extractor turns each cell mark into a tab and each row-end mark into a
 * line break, so a table row is one line `cell\tcell\t…\tcell\t` (cells a
 * vertical merge covers stay, empty, in their places). A paragraph break inside
 * a cell is a line break too, which cuts the row. Such a row is joined again:
 * a line that has ended a cell (holds a tab) but not the row (does not end with
 * one) runs on into the lines up to the row's end.
 */
import { joinParts } from './word-tables.ts';

/** A row never runs on over more lines than this (a narrative line with a typed tab, say). */
const MAX_JOIN = 12;

export function joinDocRows(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line.includes('\t') || line.endsWith('\t')) { out.push(line); continue; }
    let end = i + 1;
    while (end < lines.length && end - i < MAX_JOIN && !lines[end].endsWith('\t')) end++;
    if (end >= lines.length || end - i >= MAX_JOIN) { out.push(line); continue; }
    out.push(joinCells(lines.slice(i, end + 1)));
    i = end;
  }
  return out.join('\n');
}

/** Lines of one row → one line; the paragraphs of a cell are joined like a .docx cell's. */
function joinCells(lines: string[]): string {
  const cells: string[][] = [[]];
  for (const line of lines) {
    const parts = line.split('\t');
    cells[cells.length - 1].push(parts[0]);
    for (const p of parts.slice(1)) cells.push([p]);
  }
  return cells.map(joinParts).join('\t');
}
