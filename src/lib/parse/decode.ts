/**
 * Bytes → text. Detects the encoding (BOM, UTF-16 without BOM, strict UTF-8,
 * else GB18030, which is a superset of GBK/GB2312) and says which it used.
 */
import { Buffer, isUtf8 } from 'node:buffer';

/** `utf-8-damaged`: UTF-8 with a few invalid bytes, each shown as U+FFFD. */
export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-8-damaged' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface Decoded { text: string; encoding: Encoding }

/**
 * Bytes that start with no BOM as a fatal UTF-8 TextDecoder reads them, or
 * null where it would throw (invalid UTF-8): validated and decoded by Node's
 * native calls (simdutf), which skip TextDecoder's wrapper, and without the
 * cost of an exception for every GBK file.
 */
function utf8NoBom(b: Uint8Array): string | null {
  if (!isUtf8(b)) return null;
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('utf8');
}

const decoders = new Map<string, TextDecoder>();

/** One TextDecoder per label, made once (a non-streaming decode keeps no state between calls). */
export function decoder(label: string): TextDecoder {
  let d = decoders.get(label);
  if (!d) decoders.set(label, (d = new TextDecoder(label)));
  return d;
}

export function decode(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: decoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: decoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  // Text without zero bytes that is valid UTF-8 is UTF-8 (see sniffUtf16): one native pass.
  const zeroFree = !hasZero(bytes, Math.min(bytes.length, 8192));
  if (!zeroFree) {
    const utf16 = sniffUtf16(bytes);
    if (utf16) return { text: decoder(utf16).decode(bytes), encoding: utf16 };
  }
  const text = utf8NoBom(bytes);
  if (text !== null) return { text, encoding: 'utf-8' };
  const utf16 = zeroFree ? sniffZeroFree(bytes) : null;
  if (utf16) return { text: decoder(utf16).decode(bytes), encoding: utf16 };
  // UTF-8 with a few damaged bytes stays UTF-8; GBK read as UTF-8 breaks almost everywhere…
  // …unless the page itself declares a GB charset (a mostly-ASCII page with a little Chinese).
  const declared = declaredCharset(bytes);
  if (!declared?.startsWith('gb') && fewReplacements(bytes)) {
    return { text: decoder('utf-8').decode(bytes), encoding: 'utf-8-damaged' };
  }
  return { text: decoder('gb18030').decode(bytes), encoding: 'gb18030' };
}

/** Is there a zero byte among the first `n`? (Native search: ten times a loop's speed.) */
function hasZero(b: Uint8Array, n: number): boolean {
  return b.subarray(0, n).indexOf(0) >= 0;
}

/**
 * Whether UTF-8 decoding of `b` (WHATWG, as TextDecoder does it) gives at most
 * max(8, 1 % of its length) U+FFFD characters, counting those in the text as
 * well as those for invalid bytes. Counted on the bytes, with the decoder's
 * own rules, stopping as soon as the count is surely too high: GBK text,
 * invalid almost everywhere, is refused after a few hundred bytes.
 */
export function fewReplacements(b: Uint8Array): boolean {
  const n = b.length;
  // Decoded length ≤ bytes, so more than this many is too many whatever the length.
  const ceiling = Math.max(8, n / 100);
  let bad = 0, units = 0;
  let need = 0, lower = 0x80, upper = 0xbf, lead = 0, second = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i];
    if (need === 0) {
      if (c < 0x80) { units++; continue; }
      if (c >= 0xc2 && c <= 0xdf) { need = 1; lead = c; }
      else if (c >= 0xe0 && c <= 0xef) { need = 2; lead = c; if (c === 0xe0) lower = 0xa0; if (c === 0xed) upper = 0x9f; }
      else if (c >= 0xf0 && c <= 0xf4) { need = 3; lead = c; if (c === 0xf0) lower = 0x90; if (c === 0xf4) upper = 0x8f; }
      else { bad++; units++; if (bad > ceiling) return false; }
      second = 0;
      continue;
    }
    if (c < lower || c > upper) {
      // The sequence so far is one U+FFFD; this byte starts afresh.
      need = 0; lower = 0x80; upper = 0xbf; bad++; units++;
      if (bad > ceiling) return false;
      i--;
      continue;
    }
    lower = 0x80; upper = 0xbf;
    if (second === 0) second = c;
    if (--need === 0) {
      // U+FFFD written out in the text (EF BF BD) counts as well.
      if (lead === 0xef && second === 0xbf && c === 0xbd) { bad++; if (bad > ceiling) return false; }
      units += lead >= 0xf0 ? 2 : 1;
    }
  }
  if (need > 0) { bad++; units++; }
  return bad <= Math.max(8, units / 100);
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
  if (evenZero + oddZero === 0) return sniffZeroFree(bytes);
  return byScore(bytes, n);
}

/** `sniffUtf16` of bytes known to hold no zero byte in their first 8 KB (which it counts over). */
function sniffZeroFree(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 8192);
  if (n < 4) return null;
  if (validUtf8(bytes.subarray(0, Math.min(bytes.length, 65536)))) return null;
  return byScore(bytes, n);
}

/**
 * The byte order whose score is at least 0.9 and 0.3 above the other's. A
 * score surely under 0.9 is not computed to the end (`utf16Score` with a
 * floor), and the other order's exact score is needed only when one passes.
 */
function byScore(bytes: Uint8Array, n: number): 'utf-16le' | 'utf-16be' | null {
  const le = utf16Score(bytes, n, true, 0.9);
  if (le >= 0.9) {
    const be = utf16Score(bytes, n, false);
    return le - be >= 0.3 ? 'utf-16le' : null;
  }
  const be = utf16Score(bytes, n, false, 0.9);
  if (be < 0.9) return null;
  return be - utf16Score(bytes, n, true) >= 0.3 ? 'utf-16be' : null;
}

function validUtf8(b: Uint8Array): boolean {
  // A multi-byte character cut at the end of the sample is not an error.
  let end = b.length;
  for (let k = 1; k <= 3 && end - k >= 0; k++) if ((b[end - k] & 0xc0) === 0xc0) { end -= k; break; } else if ((b[end - k] & 0xc0) !== 0x80) break;
  return isUtf8(b.subarray(0, end));
}

/** Code units a report's text is made of. */
function isPlausible(u: number): boolean {
  return (u >= 0x4e00 && u <= 0x9fff) || (u >= 0x20 && u <= 0x7e) || u === 0x0a || u === 0x0d || u === 0x09 ||
    (u >= 0x3000 && u <= 0x303f) || (u >= 0xff00 && u <= 0xffef) || (u >= 0x2000 && u <= 0x206f) ||
    (u >= 0x3400 && u <= 0x4dbf) || (u >= 0x2460 && u <= 0x24ff) || (u >= 0x2500 && u <= 0x25ff) ||
    (u >= 0x3200 && u <= 0x32ff) || (u >= 0x2100 && u <= 0x21ff) || (u >= 0xfe30 && u <= 0xfe4f) ||
    (u >= 0xa0 && u <= 0xff) || (u >= 0xf900 && u <= 0xfaff);
}

/** `isPlausible` of every code unit, 1 or 0 (built on first use). */
let plausible: Uint8Array | null = null;

function plausibleTable(): Uint8Array {
  if (!plausible) {
    plausible = new Uint8Array(0x10000);
    for (let u = 0; u < 0x10000; u++) plausible[u] = isPlausible(u) ? 1 : 0;
  }
  return plausible;
}

/**
 * Share of the first `n` bytes' code units that are plausible report text in
 * one byte order. With a `floor`, counting stops (returning 0) as soon as so
 * many units have missed that the share is surely below it.
 */
function utf16Score(b: Uint8Array, n: number, le: boolean, floor = 0): number {
  const table = plausibleTable();
  let good = 0;
  const units = n / 2;
  // Units missed beyond this leave good < floor·units, with a unit's margin for rounding.
  const maxMissed = (1 - floor) * units + 1;
  for (let i = 0; i < n; i += 2) {
    const u = le ? b[i] | (b[i + 1] << 8) : (b[i] << 8) | b[i + 1];
    if (u >= 0xd800 && u <= 0xdbff && i + 3 < n) {
      const v = le ? b[i + 2] | (b[i + 3] << 8) : (b[i + 2] << 8) | b[i + 3];
      if (v >= 0xdc00 && v <= 0xdfff) { good += 2; i += 2; }
    } else good += table[u];
    if (floor > 0 && (i + 2) / 2 - good > maxMissed) return 0;
  }
  return good / units;
}

/** The charset an HTML page declares in its first 4 KB (`<meta charset="gbk">`), lower-cased. */
function declaredCharset(bytes: Uint8Array): string | null {
  // No `<` (a plain text file), no `<meta`: not decoded.
  if (bytes.subarray(0, 4096).indexOf(0x3c) < 0) return null;
  const head = decoder('latin1').decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return m ? m[1].toLowerCase().replace(/^gb2312$|^gbk$/, 'gb18030') : null;
}
