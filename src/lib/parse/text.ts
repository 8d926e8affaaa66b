/**
 * Text normalisation used for matching (never for what is shown as printed):
 * full-width ASCII to half-width, odd spaces to plain spaces, zero-width
 * characters removed. Line count is preserved.
 */

/** Split text into lines (CRLF, CR or LF). */
export function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}

const ODD_SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

/** Full-width → half-width ASCII, odd spaces → ' ', zero-width removed, 、 kept. */
export function normalize(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else out += s[i];
  }
  return out
    .replace(ODD_SPACES, ' ')
    .replace(ZERO_WIDTH, '')
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/[〔【]/g, '[')
    .replace(/[〕】]/g, ']')
    .replace(/[—–－―]/g, '—');
}

/** Remove all whitespace: labels are matched without spaces (`禁 止公开`). */
export function compact(s: string): string {
  return s.replace(/\s+/g, '');
}
