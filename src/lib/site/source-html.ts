/**
 * A report's decoded source text as an ordered list, one item per line. Every
 * line has the anchor `L<n>` (1-based), so `#L12` scrolls to and highlights
 * line 12, and starts with its number as a link to itself (a reader copies
 * it to cite the line). Lines a table value was read from also get class `u`.
 * `</li>` is optional in HTML and left out, attributes unquoted, no newlines
 * between items: the site holds one source text per report.
 */
import { esc } from './form-tables.ts';

export function sourceHtml(lines: string[], used: number[]): string {
  const u = new Set(used);
  let out = '<ol class=source>';
  for (let i = 0; i < lines.length; i++) {
    const n = i + 1;
    out += `<li id=L${n}${u.has(n) ? ' class=u' : ''}><a href=#L${n}>${n}</a>${esc(lines[i])}`;
  }
  return out + '</ol>';
}
