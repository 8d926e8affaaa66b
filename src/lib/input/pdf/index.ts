/**
 * A PDF file → text lines (table cells joined by tabs) with the page of each
 * line. pdf.js reads the pages (`read.ts`), the pure layout layer
 * (`layout/`) finds lines, ruled tables and page furniture. Files that cannot
 * be read throw `InputError` with the reason in Chinese: a scan without a
 * text layer, an encrypted or damaged file, too many pages, too slow.
 */
import { InputError, type Extracted } from '../index.ts';
import { layoutDocument } from './layout/document.ts';
import type { PageContent } from './layout/types.ts';
import { loadPdfJs, resourceDirs } from './pdfjs.ts';
import { readPage } from './read.ts';

/** Longer PDFs are not annual reports (a whole gazette, a compilation): refused. */
export const MAX_PAGES = 300;
/** Per-file time budget (ms). */
export const TIME_BUDGET_MS = 60_000;

export interface PdfOptions { maxPages?: number; timeoutMs?: number }

export const NO_TEXT = '图片版 PDF，没有文字层，需要 OCR';

/** PDF readers look for `%%EOF` in the last 1024 bytes; a file cut short has none. */
function hasEnd(bytes: Uint8Array): boolean {
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 1024)));
  return tail.includes('%%EOF');
}

/** Resolve `p`, or fail with the time-out reason once `deadline` (ms epoch) has passed. */
async function before<T>(p: Promise<T>, deadline: number, budget: number): Promise<T> {
  const reason = () => new InputError(`PDF 读取超时（超过 ${budget / 1000} 秒），已放弃`);
  if (Date.now() >= deadline) {
    p.catch(() => {});
    throw reason();
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(reason()), deadline - Date.now());
  });
  try {
    return await Promise.race([p, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** pdf.js errors → the reason shown to users. */
function reason(e: unknown): InputError {
  if (e instanceof InputError) return e;
  const err = e as { name?: string; message?: string; code?: number };
  const msg = err?.message ?? String(e);
  if (err?.name === 'PasswordException') {
    return new InputError(`PDF 已加密，无法读取：${err.code === 2 ? '密码不正确' : '需要打开密码'}（${msg}）`);
  }
  if (/encrypt|crypt|cipher/i.test(msg)) return new InputError(`PDF 已加密，无法读取：${msg}`);
  return new InputError(`PDF 文件损坏，无法读取：${msg}`);
}

/** Text that is mostly private-use or replacement characters came from fonts without a Unicode map. */
function undecodable(pages: PageContent[]): boolean {
  let all = 0, bad = 0;
  for (const p of pages) {
    for (const it of p.items) {
      for (const c of it.str) {
        all++;
        if (/[\uE000-\uF8FF\uFFFD\u0000-\u001F]/.test(c)) bad++;
      }
    }
  }
  return all >= 20 && bad / all > 0.3;
}

/** A page whose images cover this share of it is mostly picture (a table pasted as a screenshot). */
const PICTURE_SHARE = 0.2;

/** The pages without text and those mostly covered by pictures (`PDF 第 2 页没有文字层`), or undefined. */
function picturePages(pages: PageContent[]): string | undefined {
  const noText: number[] = [], pictured: number[] = [];
  pages.forEach((p, i) => {
    if (!p.items.length) noText.push(i + 1);
    else if ((p.pictures ?? 0) >= PICTURE_SHARE) pictured.push(i + 1);
  });
  const where = [
    ...(noText.length ? [`第 ${noText.join('、')} 页没有文字层`] : []),
    ...(pictured.length ? [`第 ${pictured.join('、')} 页大半是图片`] : []),
  ];
  return where.length ? `PDF ${where.join('，')}` : undefined;
}

export async function extractPdf(bytes: Uint8Array, opts: PdfOptions = {}): Promise<Extracted> {
  const maxPages = opts.maxPages ?? MAX_PAGES;
  const budget = opts.timeoutMs ?? TIME_BUDGET_MS;
  if (!hasEnd(bytes)) throw new InputError('PDF 文件损坏，无法读取：文件不完整（末尾没有 %%EOF 结束标记，可能没有下载完）');
  const deadline = Date.now() + budget;
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    // pdf.js takes ownership of (detaches) the buffer it is given, and refuses a
    // Node Buffer: hand it a plain copy
    data: new Uint8Array(bytes),
    ...resourceDirs(),
    cMapPacked: true,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    // Images are not read, but the operator list of a page with text says where they are painted
    // (a table pasted as a screenshot): pdf.js drops an image above this size (pixels) from it.
    // A page with no text, a scan, never gets an operator list, so its image is never decoded.
    maxImageSize: 40_000_000,
    useSystemFonts: false,
  });
  try {
    const doc = await before(task.promise, deadline, budget);
    if (doc.numPages > maxPages) throw new InputError(`PDF 页数过多（${doc.numPages} 页，上限 ${maxPages} 页），未读取`);
    const pages: PageContent[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      pages.push(await before(doc.getPage(n).then((page) => readPage(pdfjs, page)), deadline, budget));
    }
    if (!pages.some((p) => p.items.length)) throw new InputError(NO_TEXT);
    if (undecodable(pages)) throw new InputError('PDF 文字无法解码（字体缺少 Unicode 映射），需要 OCR');
    const { lines, pages: lp } = layoutDocument(pages);
    return { text: lines.join('\n'), pages: lp, pictures: picturePages(pages) };
  } catch (e) {
    throw reason(e);
  } finally {
    await task.destroy().catch(() => {});
  }
}
