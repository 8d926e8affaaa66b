/**
 * File names as read from the corpus folder (bytes) → the name recorded in
 * the manifest and the dataset. Names are bytes on Linux; what unzipping a
 * Chinese Windows archive gives is often GB18030 (GBK), not UTF-8. Each path
 * segment is decoded on its own: valid UTF-8 as is; else, if the bytes are
 * valid GB18030, as GB18030; else every byte that cannot be decoded (and `%`)
 * is written `%XX`. The note says which, so the record stays faithful. Report
 * ids are made from the bytes themselves (ids.ts), so two names that record
 * alike never share an id.
 */

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb = new TextDecoder('gb18030', { fatal: true });

type How = 'utf-8' | 'gb18030' | 'escaped';

function decodeSegment(seg: Uint8Array): { text: string; how: How } {
  try { return { text: utf8.decode(seg), how: 'utf-8' }; } catch { /* not UTF-8 */ }
  try { return { text: gb.decode(seg), how: 'gb18030' }; } catch { /* not GB18030 */ }
  let text = '';
  for (const b of seg) text += b < 0x80 && b !== 0x25 ? String.fromCharCode(b) : '%' + b.toString(16).toUpperCase().padStart(2, '0');
  return { text, how: 'escaped' };
}

/** The recorded name of a corpus-relative path given as bytes (`/`-separated), and a note when it was not UTF-8. */
export function recordName(raw: Uint8Array): { name: string; note?: string } {
  const parts: string[] = [];
  const hows = new Set<How>();
  let start = 0;
  for (let i = 0; i <= raw.length; i++) {
    if (i === raw.length || raw[i] === 0x2f) {
      const { text, how } = decodeSegment(raw.subarray(start, i));
      parts.push(text);
      hows.add(how);
      start = i + 1;
    }
  }
  const name = parts.join('/');
  if (hows.has('escaped')) return { name, note: '文件名不是 UTF-8,也不是 GB18030:无法解码的字节记为 %XX' };
  if (hows.has('gb18030')) return { name, note: '文件名不是 UTF-8,按 GB18030(GBK)解码记录' };
  return { name };
}
