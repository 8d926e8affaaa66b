/**
 * What a corpus file is, and the text inside it. Text and web pages are read
 * by the parser directly (`parseFile`); PDF and Word files are turned into
 * text lines here first (async: pdf.js and mammoth are). Anything else is
 * named, so the manifest says what the file was and why it was not read.
 */
import { sniffUtf16 } from '../parse/decode.ts';

/** The kinds of input the build can meet. */
export type InputKind =
  | 'text' | 'html' | 'mhtml' | 'pdf' | 'docx' | 'doc'
  | 'image' | 'archive' | 'office-other' | 'ofd' | 'empty' | 'binary';

/** A file that cannot be read; `reason` is shown to users (Chinese). */
export class InputError extends Error {
  readonly reason: string;
  constructor(reason: string) { super(reason); this.reason = reason; }
}

/** Text pulled out of a PDF or Word file. */
export interface Extracted {
  /** `lines` joined by `\n`; table cells the layout knows apart are joined by `\t`. */
  text: string;
  /** 1-based page of each line, for paged sources (PDF). */
  pages?: number[];
  /** The text is HTML (Word via mammoth, a saved MHTML page) and goes through the HTML reader. */
  html?: boolean;
  /** The page's original web address (MHTML: where it was saved from, else what the page says). */
  url?: string | null;
  /**
   * Where the file holds pictures a table may be printed in (not read without OCR), in Chinese:
   * `PDF 第 2 页没有文字层`, `Word 文件中有 3 张图片`.
   */
  pictures?: string;
}

const starts = (b: Uint8Array, sig: number[], at = 0) => sig.every((x, i) => b[at + i] === x);
const ascii = (b: Uint8Array, s: string, at = 0) => starts(b, [...s].map((c) => c.charCodeAt(0)), at);

/** Only whitespace (and a BOM): nothing to read. */
function blank(b: Uint8Array): boolean {
  let i = starts(b, [0xef, 0xbb, 0xbf]) ? 3 : starts(b, [0xff, 0xfe]) || starts(b, [0xfe, 0xff]) ? 2 : 0;
  for (; i < b.length; i++) { const x = b[i]; if (x !== 0x20 && x !== 0x0a && x !== 0x0d && x !== 0x09 && x !== 0x0c && x !== 0) return false; }
  return true;
}

/**
 * Control bytes no text in UTF-8, GB18030 or UTF-16 (checked first) holds:
 * more than 1 % of the first 4 KB means a binary file (program, database,
 * random bytes…). Form feeds (pdftotext page breaks) and ESC are not counted.
 */
function binary(head: Uint8Array): boolean {
  if (sniffUtf16(head)) return false;
  let ctl = 0;
  for (const x of head) if (x < 0x09 || (x > 0x0d && x < 0x20 && x !== 0x1b) || x === 0x7f) ctl++;
  return ctl > head.length / 100;
}

/**
 * A web page saved as one file (MHTML, see mhtml.ts): a MIME header block at
 * the start, for a multipart/related message or a single HTML part.
 */
function looksLikeMhtml(head: string): boolean {
  const block = head.split(/\r?\n\r?\n/, 1)[0];
  return /^MIME-Version\s*:/im.test(block) && /^Content-Type\s*:\s*(?:multipart\/related|text\/html)/im.test(block);
}

/** Sniff a file's kind from its first bytes (4 KB), then its name. */
export function sniff(bytes: Uint8Array, name: string): InputKind {
  if (bytes.length === 0 || blank(bytes)) return 'empty';
  const b = bytes.subarray(0, 4096);
  if (ascii(b, '%PDF')) return 'pdf';
  if (starts(b, [0xd0, 0xcf, 0x11, 0xe0])) return /\.doc$/i.test(name) || !/\.(xls|ppt)$/i.test(name) ? 'doc' : 'office-other';
  if (starts(b, [0x50, 0x4b, 0x03, 0x04])) {
    if (/\.docx$/i.test(name)) return 'docx';
    if (/\.ofd$/i.test(name)) return 'ofd';
    return /\.(xlsx|pptx|odt|ods|odp)$/i.test(name) ? 'office-other' : 'archive';
  }
  if (starts(b, [0xff, 0xd8, 0xff]) || starts(b, [0x89, 0x50, 0x4e, 0x47]) || ascii(b, 'GIF8') ||
    (ascii(b, 'RIFF') && ascii(b, 'WEBP', 8)) || starts(b, [0x49, 0x49, 0x2a, 0x00]) || starts(b, [0x4d, 0x4d, 0x00, 0x2a]) ||
    (ascii(b, 'BM') && b.length > 10 && starts(b, [0, 0, 0, 0], 6)) || (ascii(b, 'ftyp', 4) && /^(?:heic|heix|mif1|avif)$/.test(String.fromCharCode(...b.subarray(8, 12))))) return 'image';
  if (ascii(b, 'Rar!') || starts(b, [0x1f, 0x8b]) || starts(b, [0x37, 0x7a, 0xbc, 0xaf]) || starts(b, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]) ||
    ascii(b, 'BZh') || starts(b, [0x28, 0xb5, 0x2f, 0xfd]) || ascii(b, 'ustar', 257)) return 'archive';
  if (binary(b)) return 'binary';
  if (looksLikeMhtml(new TextDecoder('latin1').decode(b))) return 'mhtml';
  if (/\.html?$/i.test(name)) return 'html';
  return 'text';
}

/** Why a kind that holds no readable text was not read. */
export function unreadableReason(kind: InputKind): string | null {
  switch (kind) {
    case 'empty': return '空文件(或只有空白字符),没有内容';
    case 'image': return '图片文件(JPEG、PNG、GIF、TIFF、BMP、WebP 或 HEIC),没有文字层,需要 OCR 识别后才能读取';
    case 'archive': return '压缩包或其他打包文件(ZIP、RAR、7z、gzip、tar 等),请解压后放入报告文件';
    case 'office-other': return '电子表格或演示文稿(Excel、PowerPoint、OpenDocument),不是报告文件';
    case 'ofd': return 'OFD 版式文件,暂不支持读取,请另存为 PDF 或文本后放入';
    case 'binary': return '二进制文件(不是文本、网页、PDF 或 Word 报告),未读取';
    default: return null;
  }
}

/** Turn a PDF, Word or MHTML file into text (see `Extracted`). Throws `InputError`. */
export async function extract(bytes: Uint8Array, kind: 'pdf' | 'docx' | 'doc' | 'mhtml'): Promise<Extracted> {
  if (kind === 'pdf') return (await import('./pdf/index.ts')).extractPdf(bytes);
  if (kind === 'mhtml') return (await import('./mhtml.ts')).readMhtml(bytes);
  if (kind === 'docx') return (await import('./word.ts')).readDocx(bytes);
  return (await import('./word.ts')).readDoc(bytes);
}
