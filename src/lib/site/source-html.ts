/**
 * A report's decoded source text as an ordered list, one item per line with
 * id `L<n>` (1-based), so `#L12` scrolls to and highlights line 12. Lines a
 * table value was read from get class `u`. `</li>` is optional in HTML and
 * left out to keep 50,000 source pages small.
 */
import { esc } from './form-tables.ts';

export function sourceHtml(lines: string[], used: number[]): string {
  const u = new Set(used);
  const out = ['<ol class="source">'];
  lines.forEach((line, i) => {
    const n = i + 1;
    out.push(`<li id="L${n}"${u.has(n) ? ' class="u"' : ''}>${esc(line)}`);
  });
  out.push('</ol>');
  return out.join('\n');
}
