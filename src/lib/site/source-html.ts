/**
 * A report's decoded source text as an ordered list, one item per line,
 * numbered by the list itself. Lines a table value was read from (the only
 * lines anything links to) get id `L<n>` (1-based), so `#L12` scrolls to and
 * highlights line 12, and class `u`; other lines carry no attributes.
 * `</li>` is optional in HTML and left out, attributes unquoted, no newlines
 * between items: the site holds one source text per report.
 */
import { esc } from './form-tables.ts';

export function sourceHtml(lines: string[], used: number[]): string {
  const u = new Set(used);
  let out = '<ol class=source>';
  for (let i = 0; i < lines.length; i++) {
    const n = i + 1;
    out += u.has(n) ? `<li id=L${n} class=u>${esc(lines[i])}` : `<li>${esc(lines[i])}`;
  }
  return out + '</ol>';
}
