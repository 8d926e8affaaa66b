/**
 * A report's decoded source text as an ordered list, one item per line,
 * numbered by the list itself. Lines a table value was read from (the only
 * lines anything links to) get id `L<n>` (1-based), so `#L12` scrolls to and
 * highlights line 12, and class `u`; other lines carry no attributes.
 * `</li>` is optional in HTML and left out, attributes unquoted, no newlines
 * between items: the site holds one source text per report.
 */
import { esc } from './form-tables.ts';

export function sourceHtml(lines: string[], used: number[], cap?: SourceCap): string {
  const u = new Set(used);
  let out = cap ? capNote(lines.length, cap) + '<ol class=source>' : '<ol class=source>';
  for (let i = 0; i < lines.length; i++) {
    const n = i + 1;
    out += u.has(n) ? `<li id=L${n} class=u>${esc(lines[i])}` : `<li>${esc(lines[i])}`;
  }
  // A capped text: the later lines values were read from, each with its own number.
  for (const [n, text] of cap?.more ?? []) out += `<li value=${n} id=L${n} class=u>${esc(text)}`;
  return out + '</ol>';
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
