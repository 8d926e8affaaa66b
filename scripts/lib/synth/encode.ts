/** Source encodings seen on government sites: UTF-8 (with or without BOM), GB18030, UTF-16LE with BOM; LF or CRLF. */
import iconv from 'iconv-lite';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le';

/** `finalNewline: false` for files that end without one (crawled page text). */
export function encode(lines: string[], enc: Encoding, crlf: boolean, finalNewline = true): Uint8Array {
  const text = lines.join(crlf ? '\r\n' : '\n') + (!finalNewline ? '' : crlf ? '\r\n' : '\n');
  switch (enc) {
    case 'utf-8': return Buffer.from(text, 'utf8');
    case 'utf-8-bom': return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'gb18030': return iconv.encode(text, 'gb18030');
    case 'utf-16le': return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  }
}
