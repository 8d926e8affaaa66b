/**
 * What a corpus file is, and the text inside it. Text and web pages are read
 * by the parser directly (`parseFile`); PDF and Word files are turned into
 * text lines here first (async: pdf.js and mammoth are). Anything else is
 * named, so the manifest says what the file was and why it was not read.
 */

/** The kinds of input the build can meet. */
export type InputKind =
  | 'text' | 'html' | 'pdf' | 'docx' | 'doc'
  | 'image' | 'archive' | 'office-other' | 'empty' | 'binary';

/** A file that cannot be read; `reason` is shown to users (Chinese). */
export class InputError extends Error {
  constructor(readonly reason: string) { super(reason); }
}

/** Text pulled out of a PDF or Word file. */
export interface Extracted {
  /** `lines` joined by `\n`; table cells the layout knows apart are joined by `\t`. */
  text: string;
  /** 1-based page of each line, for paged sources (PDF). */
  pages?: number[];
  /** The text is HTML (Word via mammoth) and goes through the HTML reader. */
  html?: boolean;
}

const starts = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

/** Sniff a file's kind from its first bytes, then its name. */
export function sniff(bytes: Uint8Array, name: string): InputKind {
  if (bytes.length === 0) return 'empty';
  if (starts(bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf'; // %PDF
  if (starts(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return /\.doc$/i.test(name) || !/\.(xls|ppt)$/i.test(name) ? 'doc' : 'office-other';
  if (starts(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (/\.docx$/i.test(name)) return 'docx';
    return /\.(xlsx|pptx|odt|ods)$/i.test(name) ? 'office-other' : 'archive';
  }
  if (starts(bytes, [0xff, 0xd8, 0xff]) || starts(bytes, [0x89, 0x50, 0x4e, 0x47]) || starts(bytes, [0x47, 0x49, 0x46, 0x38])) return 'image';
  if (starts(bytes, [0x52, 0x61, 0x72, 0x21]) || starts(bytes, [0x1f, 0x8b]) || starts(bytes, [0x37, 0x7a, 0xbc, 0xaf])) return 'archive';
  if (/\.html?$/i.test(name)) return 'html';
  return 'text';
}

/** Why a kind that holds no readable text was not read. */
export function unreadableReason(kind: InputKind): string | null {
  switch (kind) {
    case 'empty': return '空文件,没有内容';
    case 'image': return '图片文件,没有文字层,需要 OCR';
    case 'archive': return '压缩包或其他打包文件,请解压后放入报告文件';
    case 'office-other': return '电子表格或演示文稿,不是报告文件';
    case 'binary': return '二进制文件,不是文本、网页、PDF 或 Word 报告';
    default: return null;
  }
}

/** Turn a PDF or Word file into text (see `Extracted`). Throws `InputError`. */
export async function extract(bytes: Uint8Array, kind: 'pdf' | 'docx' | 'doc'): Promise<Extracted> {
  if (kind === 'pdf') return (await import('./pdf/index.ts')).extractPdf(bytes);
  if (kind === 'docx') return (await import('./word.ts')).readDocx(bytes);
  return (await import('./word.ts')).readDoc(bytes);
}
