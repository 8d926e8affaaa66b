/**
 * Bytes → text. Detects the encoding (BOM, UTF-16 without BOM, strict UTF-8,
 * else GB18030, which is a superset of GBK/GB2312) and says which it used.
 */
/** `utf-8-damaged`: UTF-8 with a few invalid bytes, each shown as U+FFFD. */
export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-8-damaged' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface Decoded { text: string; encoding: Encoding }

export function decode(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  const utf16 = sniffUtf16(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 };
  const declared = declaredCharset(bytes);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // UTF-8 with a few damaged bytes stays UTF-8; GBK read as UTF-8 breaks almost everywhere.
    const lossy = new TextDecoder('utf-8').decode(bytes);
    let bad = 0;
    for (let i = 0; i < lossy.length; i++) if (lossy.charCodeAt(i) === 0xfffd) bad++;
    // …unless the page itself declares a GB charset (a mostly-ASCII page with a little Chinese).
    if (!declared?.startsWith('gb') && bad <= Math.max(8, lossy.length / 100)) return { text: lossy, encoding: 'utf-8-damaged' };
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/**
 * UTF-16 without a BOM. ASCII-heavy text has a zero byte in every other
 * position; Chinese text has few zero bytes, so each byte order is also
 * scored by how much of the text it decodes to what a report holds (CJK,
 * CJK and full-width punctuation, ASCII text, box drawing, valid surrogate
 * pairs). Text that is valid UTF-8 and has no zero byte is never UTF-16:
 * lower-case ASCII pairs are CJK code points when read as UTF-16.
 */
export function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 8192);
  if (n < 4) return null;
  let evenZero = 0, oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return 'utf-16be';
  if (evenZero + oddZero === 0 && validUtf8(bytes.subarray(0, Math.min(bytes.length, 65536)))) return null;
  const le = utf16Score(bytes, n, true), be = utf16Score(bytes, n, false);
  if (le >= 0.9 && le - be >= 0.3) return 'utf-16le';
  if (be >= 0.9 && be - le >= 0.3) return 'utf-16be';
  return null;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
function validUtf8(b: Uint8Array): boolean {
  // A multi-byte character cut at the end of the sample is not an error.
  let end = b.length;
  for (let k = 1; k <= 3 && end - k >= 0; k++) if ((b[end - k] & 0xc0) === 0xc0) { end -= k; break; } else if ((b[end - k] & 0xc0) !== 0x80) break;
  try { strictUtf8.decode(b.subarray(0, end)); return true; } catch { return false; }
}

/** Code units a report's text is made of. */
function plausible(u: number): boolean {
  return (u >= 0x4e00 && u <= 0x9fff) || (u >= 0x20 && u <= 0x7e) || u === 0x0a || u === 0x0d || u === 0x09 ||
    (u >= 0x3000 && u <= 0x303f) || (u >= 0xff00 && u <= 0xffef) || (u >= 0x2000 && u <= 0x206f) ||
    (u >= 0x3400 && u <= 0x4dbf) || (u >= 0x2460 && u <= 0x24ff) || (u >= 0x2500 && u <= 0x25ff) ||
    (u >= 0x3200 && u <= 0x32ff) || (u >= 0x2100 && u <= 0x21ff) || (u >= 0xfe30 && u <= 0xfe4f) ||
    (u >= 0xa0 && u <= 0xff) || (u >= 0xf900 && u <= 0xfaff);
}

/** Share of the first `n` bytes' code units that are plausible report text in one byte order. */
function utf16Score(b: Uint8Array, n: number, le: boolean): number {
  let good = 0;
  const units = n / 2;
  for (let i = 0; i < n; i += 2) {
    const u = le ? b[i] | (b[i + 1] << 8) : (b[i] << 8) | b[i + 1];
    if (u >= 0xd800 && u <= 0xdbff && i + 3 < n) {
      const v = le ? b[i + 2] | (b[i + 3] << 8) : (b[i + 2] << 8) | b[i + 3];
      if (v >= 0xdc00 && v <= 0xdfff) { good += 2; i += 2; }
      continue;
    }
    if (plausible(u)) good++;
  }
  return good / units;
}

/** The charset an HTML page declares in its first 4 KB (`<meta charset="gbk">`), lower-cased. */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return m ? m[1].toLowerCase().replace(/^gb2312$|^gbk$/, 'gb18030') : null;
}
