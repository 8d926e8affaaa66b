/**
 * A report's decoded source text as an ordered list, one item per line. Every
 * line has the anchor `L<n>` (1-based), so `#L12` scrolls to and highlights
 * line 12, and starts with its number as a link to itself (a reader copies
 * it to cite the line). Lines a table value was read from also get class `u`.
 * `</li>` is optional in HTML and left out, attributes unquoted, no newlines
 * between items: the site holds one source text per report.
 */
import { esc } from './form-tables.ts';

export function sourceHtml(lines: string[], used: number[], at: [number, number][] = []): string {
  const u = new Set(used);
  const cols = new Map<number, number[]>();
  for (const [line, col] of at) { const l = cols.get(line); if (l) l.push(col); else cols.set(line, [col]); }
  let out = '<ol class=source>';
  for (let i = 0; i < lines.length; i++) {
    const n = i + 1;
    const c = cols.get(n);
    out += `<li id=L${n}${u.has(n) ? ' class=u' : ''}><a href=#L${n}>${n}</a>${c ? marked(lines[i], n, c) : esc(lines[i])}`;
  }
  return out + '</ol>';
}

/**
 * A line with each value it gave marked where it stands (`<mark id=L12c34>`),
 * so a cell links to its own digits even when the whole body is one line.
 * A mark runs over the number's characters, up to the next value's column.
 */
function marked(line: string, n: number, cols: number[]): string {
  const at = [...new Set(cols)].filter((c) => c >= 1 && c <= line.length).sort((a, b) => a - b);
  let out = '', pos = 0;
  at.forEach((c, k) => {
    const start = c - 1;
    const limit = k + 1 < at.length ? at[k + 1] - 1 : line.length;
    let end = start;
    while (end < limit && /[\d.,+\-—/０-９]/.test(line[end])) end++;
    if (end === start) end = Math.min(limit, start + 1);
    out += esc(line.slice(pos, start)) + `<mark id=L${n}c${c}>${esc(line.slice(start, end))}</mark>`;
    pos = end;
  });
  return out + esc(line.slice(pos));
}
