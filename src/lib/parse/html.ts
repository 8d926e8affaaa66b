/**
 * HTML → text lines. Table rows become one line each with cells separated by
 * tabs (so the table reader sees the same shape as PDF text); block elements
 * become line breaks; navigation, scripts and styles are dropped.
 */

const DROP = /<(script|style|noscript|nav|header|footer|iframe|svg|select|button|form)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const BLOCK = /<\/?(?:p|div|br|li|ul|ol|h[1-6]|table|thead|tbody|tfoot|section|article|blockquote|pre|dd|dt|dl|center|hr)\b[^>]*>/gi;

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', mdash: '—', ndash: '–', middot: '·', hellip: '…', emsp: ' ', ensp: ' ', thinsp: ' ', times: '×' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** Does this text look like an HTML document? */
export function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<!doctype html|<html|<head|<body|<meta|<table|<div)/i.test(text.slice(0, 2000));
}

/** One table with no table inside it → text: a line per row, cells joined by tabs. */
function tableToText(inner: string): string {
  const rows: string[] = [];
  const first = inner.search(/<tr\b/i);
  const before = decodeEntities((first < 0 ? inner : inner.slice(0, first)).replace(BLOCK, NL).replace(/<[^>]+>/g, ' '));
  for (const l of before.split(NL)) if (l.trim()) rows.push(l.trim());
  inner.replace(/<tr\b[^>]*>([\s\S]*?)(?=<tr\b|$)/gi, (_m, row: string) => {
    const cells: string[] = [];
    let multiline = false;
    row.replace(/<t([dh])\b([^>]*)>([\s\S]*?)(?=<t[dh]\b|$)/gi, (_c, _k, attrs: string, cell: string) => {
      // A cell holding an already converted inner table keeps its lines.
      const text = decodeEntities(cell.replace(/\s*\n\s*/g, ' ').replace(BLOCK, NL).replace(/<[^>]+>/g, ' '));
      const parts = text.split(NL).map((l) => l.replace(/[ \t\r\f\v]+/g, ' ').trim()).filter(Boolean);
      if (parts.length > 1) { multiline = true; cells.push(parts.join(NL)); }
      else cells.push(parts[0] ?? '');
      // A value cell spanning columns keeps its width; a label spanning the label columns does not
      // (its filler cells would look like blank values between the label and its numbers).
      const span = /colspan\s*=\s*["']?(\d+)/i.exec(attrs);
      if (!/[\u4e00-\u9fff]/.test(parts[0] ?? '')) for (let k = 1; k < Math.min(Number(span?.[1] ?? 1), 20); k++) cells.push('');
      return '';
    });
    rows.push(multiline ? cells.filter(Boolean).join(NL) : cells.join(TAB));
    return '';
  });
  return NL + rows.join(NL) + NL;
}

/** Line break and cell break inside converted tables, kept apart from the HTML source's own whitespace. */
const NL = '\u0001';
const TAB = '\u0002';

const INNERMOST_TABLE = /<table\b[^>]*>((?:(?!<table\b)[\s\S])*?)<\/table\s*>/i;

export function htmlToText(html: string): string {
  let s = html.replace(/<!--[\s\S]*?-->/g, '').replace(DROP, '\n');
  // Innermost tables first, so layout tables around the report do not swallow its rows.
  for (let guard = 0; guard < 500; guard++) {
    const m = INNERMOST_TABLE.exec(s);
    if (!m) break;
    s = s.slice(0, m.index) + tableToText(m[1]) + s.slice(m.index + m[0].length);
  }
  s = s.replace(BLOCK, '\n').replace(/<[^>]+>/g, '').replaceAll(NL, '\n').replaceAll(TAB, '\t');
  s = decodeEntities(s);
  return s.split('\n').map((l) => l.replace(/[ \u00a0]+/g, ' ').replace(/ +$/, '')).filter((l, i, a) => l.trim() !== '' || (i > 0 && a[i - 1].trim() !== '')).join('\n');
}

/** The page's own URL, where it says it: `<link rel="canonical">`, `og:url`, `<meta name="Url">`. */
export function pageUrlOf(html: string): string | null {
  const head = html.slice(0, 20000);
  const tags = head.match(/<(?:link|meta)\b[^>]*>/gi) ?? [];
  for (const want of [/rel\s*=\s*["']?canonical/i, /property\s*=\s*["']?og:url/i, /name\s*=\s*["']?(?:url|ArticleUrl)["'\s>]/i]) {
    for (const tag of tags) {
      if (!want.test(tag)) continue;
      const m = /(?:href|content)\s*=\s*["']?(https?:\/\/[^"'\s>]+)/i.exec(tag);
      if (m) return decodeEntities(m[1]);
    }
  }
  return null;
}
