/**
 * A report's decoded source text as an ordered list, one item per line. Every
 * line has the anchor `L<n>` (1-based), so `#L12` scrolls to and highlights
 * line 12, and starts with its number as a link to itself (a reader copies
 * it to cite the line). Lines a table value was read from also get class `u`,
 * and each value is marked where it stands (`#L12c34`). A capped text (a very
 * long source) says so and links to the whole text.
 * `</li>` is optional in HTML and left out, attributes unquoted, no newlines
 * between items: the site holds one source text per report.
 */
import { esc } from './form-tables.ts';

export function sourceHtml(lines: string[], used: number[], at: [number, number][] = [], cap?: SourceCap): string {
  const u = new Set(used);
  const cols = new Map<number, number[]>();
  for (const [line, col] of at) { const l = cols.get(line); if (l) l.push(col); else cols.set(line, [col]); }
  let out = cap ? capNote(lines.length, cap) + '<ol class=source>' : '<ol class=source>';
  const item = (n: number, text: string, value = '') => {
    const c = cols.get(n);
    out += `<li${value} id=L${n}${u.has(n) ? ' class=u' : ''}><a href=#L${n}>${n}</a>${c ? marked(text, n, c) : esc(text)}`;
  };
  for (let i = 0; i < lines.length; i++) item(i + 1, lines[i]);
  // A capped text: the later lines values were read from, each with its own number.
  for (const [n, text] of cap?.more ?? []) item(n, text, ` value=${n}`);
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

/** What a page needs to show a capped source text (ReportPageData.more / total_lines, and the whole text's URL). */
export interface SourceCap { more: [number, string][]; total: number; href: string }

/** The capped-text fields of a report page's data as a SourceCap, or undefined when the whole text is shown. */
export function sourceCap(d: { more?: [number, string][]; total_lines?: number; full_text?: string }, href: (file: string) => string): SourceCap | undefined {
  return d.full_text ? { more: d.more ?? [], total: d.total_lines ?? 0, href: href(d.full_text) } : undefined;
}

function capNote(shown: number, cap: SourceCap): string {
  return `<p class=note>原文较长(共 ${cap.total.toLocaleString('zh-CN')} 行),本页只显示前 ${shown.toLocaleString('zh-CN')} 行` +
    `${cap.more.length ? '和表格数字所在的行' : ''},过长的行已截断。<a href="${esc(cap.href)}">完整原文(纯文本,UTF-8)</a></p>`;
}
