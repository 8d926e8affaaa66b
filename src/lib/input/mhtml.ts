/**
 * MHTML: a web page saved as one file (`.mhtml` / `.mht`, "网页，单个文件"
 * in Chrome, Edge and IE). It is a MIME message (RFC 2557): the page is its
 * first `text/html` part, quoted-printable or base64 encoded in the page's
 * charset; images and styles follow as other parts. postal-mime (a
 * maintained MIME parser without dependencies) decodes it; the page then goes
 * to the HTML reader like any saved page. The address it was saved from is
 * the snapshot's `Snapshot-Content-Location` (Chrome) or the page part's
 * `Content-Location`, else the page's own (`<link rel="canonical">`, `og:url`).
 */
import PostalMime from 'postal-mime';
import { pageUrlOf } from '../parse/html.ts';
import { InputError, type Extracted } from './index.ts';

const WEB = /^https?:\/\//i;

/** U+FFFD characters: bytes the decoder could not read in the charset it used. */
function countBad(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\ufffd'); i >= 0; i = s.indexOf('\ufffd', i + 1)) n++;
  return n;
}

async function parse(bytes: Uint8Array) {
  try {
    return await PostalMime.parse(bytes);
  } catch (e) {
    throw new InputError(`MHTML 网页存档文件无法解析:${(e as Error).message}`);
  }
}

/** The charset a page declares (`<meta charset="gbk">`), lower-cased. */
const metaCharset = (html: string) => /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(html.slice(0, 4096))?.[1].toLowerCase() ?? null;

/**
 * The message with a charset on its page part's `Content-Type`. Chrome writes
 * a page as it was served, GBK bytes included, under a bare `text/html`; the
 * page's own `<meta charset>` then says what they are. Bytes are kept as they
 * are (latin1 both ways); only the header line changes.
 */
function withCharset(bytes: Uint8Array, charset: string): Uint8Array {
  const raw = new TextDecoder('latin1').decode(bytes);
  const patched = raw.replace(/^(Content-Type\s*:\s*text\/html)[ \t]*(?=\r?\n)/im, `$1; charset=${charset}`);
  return Uint8Array.from(patched, (c) => c.charCodeAt(0));
}

/** The web address the page was saved from: the snapshot's, else the first part's `Content-Location`. */
function savedFrom(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 65536));
  for (const re of [/^Snapshot-Content-Location\s*:\s*(\S+)/im, /^Content-Location\s*:\s*(\S+)/im]) {
    const url = re.exec(head)?.[1];
    if (url && WEB.test(url)) return url;
  }
  return null;
}

export async function readMhtml(bytes: Uint8Array): Promise<Extracted> {
  const email = await parse(bytes);
  let html = email.html;
  if (!html) throw new InputError('MHTML 网页存档文件中没有网页(text/html)部分');
  // Decoded as UTF-8 for want of a charset, a page that declares another one is decoded again in it.
  const declared = metaCharset(html);
  if (declared && !/^utf-?8$/.test(declared)) {
    const again = (await parse(withCharset(bytes, declared))).html;
    if (again && countBad(again) < countBad(html)) html = again;
  }
  return { text: html, html: true, url: savedFrom(bytes) ?? pageUrlOf(html) };
}
