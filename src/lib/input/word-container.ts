/**
 * What is wrong with a Word file before any text is read: a .docx must be a
 * whole ZIP package with a main document part; a Word 97-2003 file must be a
 * compound file (CFB) holding an unencrypted Word 97 or later `WordDocument`
 * stream. A password-protected .docx is itself a CFB file (`EncryptedPackage`).
 * Each check throws `InputError` with the reason users see.
 */
import JSZip from 'jszip';
import CFB from 'cfb';
import { InputError } from './index.ts';

export const ENCRYPTED = 'Word 文件设有打开密码(已加密),无法读取;请取消密码后重新保存';

/** Open a .docx package and check it has a main document part. */
export async function checkDocxPackage(bytes: Uint8Array): Promise<void> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch {
    throw new InputError('Word 文件(.docx)不完整或已损坏:ZIP 包结构无法读取,可能是下载或复制时中断');
  }
  // The main part is named in _rels/.rels; Word itself always calls it word/document.xml.
  const rels = await zip.file('_rels/.rels')?.async('string').catch(() => null);
  const rel = rels?.match(/<Relationship\b[^>]*\/officeDocument"[^>]*>/)?.[0];
  const main = rel?.match(/Target="\/?([^"]+)"/)?.[1] ?? 'word/document.xml';
  if (!zip.file(main) && !zip.file('word/document.xml')) {
    throw new InputError('文件是 ZIP 包,但里面没有 Word 正文(word/document.xml),不是有效的 .docx 文件');
  }
}

/** Word 97 is FIB version 0xC1; Word 6.0 and 95 files have lower versions. */
const WORD97 = 0xc1;

/** Check a compound file is a readable Word 97-2003 document. */
export function checkDocContainer(bytes: Uint8Array): void {
  let cfb: CFB.CFB$Container;
  try {
    cfb = CFB.read(bytes, { type: 'buffer' });
  } catch {
    throw new InputError('Word 97-2003 文件(.doc)不完整或已损坏:复合文档结构无法读取');
  }
  const has = (name: string) => CFB.find(cfb, name) !== null;
  if (has('EncryptedPackage') || has('EncryptionInfo')) throw new InputError(ENCRYPTED);
  const word = CFB.find(cfb, 'WordDocument');
  if (!word) {
    if (has('Workbook') || has('Book')) throw new InputError('文件是 Excel 电子表格,不是 Word 报告');
    if (has('PowerPoint Document')) throw new InputError('文件是 PowerPoint 演示文稿,不是 Word 报告');
    throw new InputError('文件是 Office 复合文档,但里面没有 Word 正文(WordDocument),不是 Word 文件');
  }
  const fib = Uint8Array.from(word.content as ArrayLike<number>);
  if (fib.length < 0x20) throw new InputError('Word 97-2003 文件(.doc)已损坏:正文流过短');
  const view = new DataView(fib.buffer, fib.byteOffset, fib.byteLength);
  if (view.getUint16(0, true) !== 0xa5ec || view.getUint16(2, true) < WORD97) {
    throw new InputError('Word 6.0/95 或更早的格式暂不能读取,请另存为 .docx 或 PDF');
  }
  const flags = view.getUint16(0x0a, true);
  // fEncrypted (RC4 or XOR obfuscation): a document that opens only with its password.
  if (flags & 0x0100) throw new InputError(ENCRYPTED);
}
