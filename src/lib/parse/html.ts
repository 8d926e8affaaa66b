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

export function htmlToText(html: string): string {
  let s = html.replace(/<!--[\s\S]*?-->/g, '').replace(DROP, '\n');
  // Rows: cells joined by tabs, colspan padded with empty cells.
  s = s.replace(/<tr\b[^>]*>([\s\S]*?)<\/tr\s*>/gi, (_m, row: string) => {
    const cells: string[] = [];
    row.replace(/<t([dh])\b([^>]*)>([\s\S]*?)(?=<t[dh]\b|$)/gi, (_c, _k, attrs: string, inner: string) => {
      const text = decodeEntities(inner.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim();
      cells.push(text);
      const span = /colspan\s*=\s*["']?(\d+)/i.exec(attrs);
      for (let k = 1; k < Math.min(Number(span?.[1] ?? 1), 20); k++) cells.push('');
      return '';
    });
    return '\n' + cells.join('\t') + '\n';
  });
  s = s.replace(BLOCK, '\n').replace(/<[^>]+>/g, '');
  s = decodeEntities(s);
  return s.split('\n').map((l) => l.replace(/[ \u00a0]+/g, ' ').trimEnd()).filter((l, i, a) => l.trim() !== '' || (i > 0 && a[i - 1].trim() !== '')).join('\n');
}
