/**
 * Text normalisation used for matching (never for what is shown as printed):
 * full-width ASCII to half-width, odd spaces to plain spaces, zero-width
 * characters removed. Line count is preserved.
 */

/** Split text into lines (CRLF, CR or LF). */
export function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}

const MAP: Record<string, string> = {
  '“': '"', '”': '"', '„': '"', '‟': '"', '″': '"', '‘': "'", '’': "'",
  '〔': '[', '【': '[', '〕': ']', '】': ']', '—': '—', '–': '—', '―': '—',
};
const SPECIAL = /[\uff01-\uff5e\u00a0\u1680\u2000-\u200d\u202f\u205f\u3000\u2060\ufeff\u00ad“”„‟″‘’〔【〕】–―]/g;

function replace(c: string): string {
  const code = c.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) {
    const half = String.fromCharCode(code - 0xfee0);
    return half === '-' ? '-' : half;
  }
  if (code === 0x200b || code === 0x200c || code === 0x200d || code === 0x2060 || code === 0xfeff || code === 0x00ad) return '';
  return MAP[c] ?? ' ';
}

/**
 * Full-width → half-width ASCII, odd spaces → ' ', zero-width removed, curly
 * quotes straightened, dashes unified to `—`. One regex pass; a line with
 * nothing to change is returned as is.
 */
export function normalize(s: string): string {
  SPECIAL.lastIndex = 0;
  return SPECIAL.test(s) ? s.replace(SPECIAL, replace) : s;
}

/** Remove all whitespace: labels are matched without spaces (`禁 止公开`). */
export function compact(s: string): string {
  return s.replace(/\s+/g, '');
}
