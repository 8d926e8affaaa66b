/**
 * Chinese text that a crawler decoded in the wrong encoding and saved again:
 * a GBK or UTF-8 page read as Latin-1 (Python requests' default for a page
 * whose header names no charset) or Windows-1252, so that `政府信息` became
 * `Õþ¸®ÐÅÏ¢` or `æ”¿åºœä¿¡æ¯`. No byte is lost: each character stands for
 * one byte of the original, and the original is decoded from them again.
 * What the crawler wrote itself in real Chinese (`标题:` before a garbled
 * title) is kept.
 */
import { Buffer, isUtf8 } from 'node:buffer';
import { decoder } from './decode.ts';
import { mapArray } from './map-array.ts';

/** Windows-1252's characters for bytes 0x80–0x9F (Latin-1 has C1 controls there). */
const CP1252: Record<number, number> = {
  0x20ac: 0x80, 0x201a: 0x82, 0x0192: 0x83, 0x201e: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87, 0x02c6: 0x88,
  0x2030: 0x89, 0x0160: 0x8a, 0x2039: 0x8b, 0x0152: 0x8c, 0x017d: 0x8e, 0x2018: 0x91, 0x2019: 0x92, 0x201c: 0x93,
  0x201d: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02dc: 0x98, 0x2122: 0x99, 0x0161: 0x9a, 0x203a: 0x9b,
  0x0153: 0x9c, 0x017e: 0x9e, 0x0178: 0x9f,
};

export type Restored = 'gb18030-as-latin1' | 'utf-8-as-latin1';

const LATIN_LETTER = /[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff]/;

/** Letters of U+00C0–U+00FF and ideographs in `s` (the first `limit` characters). */
function counts(s: string, limit = s.length): { latin: number; cjk: number } {
  let latin = 0, cjk = 0;
  for (let i = 0, n = Math.min(limit, s.length); i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xc0 && c <= 0xff && c !== 0xd7 && c !== 0xf7) latin++;
    else if (c >= 0x4e00 && c <= 0x9fff) cjk++;
  }
  return { latin, cjk };
}

/** Many Latin-1 letters and few ideographs: text of Chinese bytes read as Latin-1. */
export function isMojibake(text: string): boolean {
  const { latin, cjk } = counts(text);
  return latin >= 200 && latin > 3 * cjk;
}

/** The byte a character stands for (Latin-1, or Windows-1252 for 0x80–0x9F), or undefined (a real ideograph). */
function byteOf(c: number): number | undefined {
  return c <= 0xff ? c : CP1252[c];
}

/**
 * A line cut into runs: those whose characters all stand for bytes and hold
 * two or more high ones (mojibake: their bytes), and the rest (kept: the
 * crawler's own `标题:`, a lone `·` of a name).
 */
function runs(line: string): (string | Uint8Array)[] {
  const out: (string | Uint8Array)[] = [];
  let i = 0;
  while (i < line.length) {
    let j = i, high = 0;
    while (j < line.length) {
      const c = line.charCodeAt(j), b = byteOf(c);
      if (b === undefined) break;
      if (b >= 0x80) high++;
      j++;
    }
    if (high >= 2) out.push(Uint8Array.from(line.slice(i, j), (ch) => byteOf(ch.charCodeAt(0))!));
    else if (j > i) out.push(line.slice(i, j));
    let k = j;
    while (k < line.length && byteOf(line.charCodeAt(k)) === undefined) k++;
    if (k > j) out.push(line.slice(j, k));
    i = k;
  }
  return out;
}

/**
 * The text restored from its mojibake, with the encoding it was in, or null
 * where it is none (the common case, found from its first 20,000 characters).
 */
export function restoreMojibake(text: string): { text: string; encoding: Restored } | null {
  // One native search passes over the common case, Chinese text with no Latin-1 letter (× and ÷ are no letters).
  if (!LATIN_LETTER.test(text)) return null;
  const head = counts(text, 20000);
  if (head.latin < 100 || head.latin <= 3 * head.cjk) return null;
  const lines = mapArray(text.split('\n'), runs);
  const all = Buffer.concat(lines.flat().filter((r): r is Uint8Array => typeof r !== 'string'));
  if (!all.length) return null;
  const encoding: Restored = isUtf8(all) ? 'utf-8-as-latin1' : 'gb18030-as-latin1';
  const d = decoder(encoding === 'utf-8-as-latin1' ? 'utf-8' : 'gb18030');
  const restored = mapArray(lines, (rs) => mapArray(rs, (r) => (typeof r === 'string' ? r : d.decode(r))).join('')).join('\n');
  // Restored, the text must be a report's Chinese, its commonest characters common in it (bytes
  // of French or other Latin text decode to rare ideographs): else it is left as it was.
  const after = counts(restored);
  return after.cjk >= 100 && after.latin * 3 < after.cjk && common(restored) * 20 >= after.cjk ? { text: restored, encoding } : null;
}

/** Characters of every report's running text (a tenth of it, mostly); random bytes seldom decode to them. */
const COMMON = new Set('的年政府信息公开工作申请');

function common(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (COMMON.has(s[i])) n++;
  return n;
}
