/**
 * Word files → text for the parser.
 *
 * - `.docx` (Office Open XML): mammoth turns the document into HTML with real
 *   tables (merged cells as colspan/rowspan); `word-tables.ts` makes each table
 *   row readable as one line, and the HTML reader (`parse/html.ts`) does the rest.
 * - `.doc` (Word 97-2003): word-extractor gives the body text, table cells
 *   separated by tabs and rows by line breaks (`word-doc-row-ends.ts` finds the
 *   row ends it misses in wide tables); `word-doc-rows.ts` mends rows cut by
 *   paragraph breaks inside cells.
 *
 * Damaged, encrypted or foreign files fail with a reason users can act on.
 */
import mammoth from 'mammoth';
import WordExtractor from 'word-extractor';
import { InputError, type Extracted } from './index.ts';
import { checkDocContainer, checkDocxPackage } from './word-container.ts';
import { normalizeWordHtml } from './word-tables.ts';
import { joinDocRows } from './word-doc-rows.ts';
import { patchWordExtractor } from './word-doc-row-ends.ts';

/** A library's own message, short, after our reason (for whoever reports the file). */
const detail = (e: unknown) => String((e as Error)?.message ?? e).replace(/\s+/g, ' ').slice(0, 120);

const NO_TEXT = 'Word 文件中没有文字(可能只有图片或扫描件,需要 OCR)';

/** Images are not needed (and not embedded as data URIs); only counted. */
function imageCounter() {
  let images = 0;
  const convertImage = mammoth.images.imgElement(async () => { images++; return { src: '' }; });
  return { convertImage, count: () => images };
}

/** A `.docx` file → its HTML (`Extracted.html`). Throws `InputError`. */
export async function readDocx(bytes: Uint8Array): Promise<Extracted> {
  await checkDocxPackage(bytes);
  const images = imageCounter();
  let html: string;
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    html = (await mammoth.convertToHtml({ buffer }, { convertImage: images.convertImage })).value;
  } catch (e) {
    throw new InputError(`Word 文件(.docx)内容已损坏,无法读取(${detail(e)})`);
  }
  if (!/\S/.test(html.replace(/<[^>]*>/g, ''))) {
    throw new InputError(images.count() ? NO_TEXT : 'Word 文件是空白文档,没有内容');
  }
  const n = images.count();
  return { text: normalizeWordHtml(html), html: true, ...(n ? { pictures: `Word 文件中有 ${n} 张图片` } : {}) };
}

/** A Word 97-2003 `.doc` file → tab-separated text lines. Throws `InputError`. */
export async function readDoc(bytes: Uint8Array): Promise<Extracted> {
  checkDocContainer(bytes);
  patchWordExtractor();
  let body: string;
  try {
    const doc = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    // Keep the characters as printed (the default turns “” into " and — into -).
    body = (doc.getBody as (o: { filterUnicode: boolean }) => string).call(doc, { filterUnicode: false });
  } catch (e) {
    throw new InputError(`Word 97-2003 文件(.doc)内容已损坏,无法读取(${detail(e)})`);
  }
  if (!body.trim()) throw new InputError(NO_TEXT);
  return { text: joinDocRows(body) };
}
