/**
 * Size limits, so that one large input cannot block or bloat the build.
 *
 * Inputs: reports are 5–300 KB of text and a PDF is a few MB, so a text or web
 * page over 2 MB, or a PDF or Word file over 30 MB, is not a report as
 * published: it fails with the reason and is never parsed (nor read past its
 * first 4 KB). Pages: the source text shown on a report page (and indexed for
 * search with it) is capped at SOURCE_PAGE_CHARS characters / SOURCE_PAGE_LINES
 * lines; every line a table value was read from is still shown, and the whole
 * decoded text is published as `sources/<report_id>.txt` next to the data files.
 * See docs/inputs.md.
 */
import type { InputKind } from '../input/index.ts';

const MB = 1024 * 1024;

/** Largest input read, by kind (bytes). */
export const INPUT_LIMITS: Record<InputKind, number> = {
  text: 2 * MB, html: 2 * MB, empty: 2 * MB,
  mhtml: 30 * MB, pdf: 30 * MB, docx: 30 * MB, doc: 30 * MB,
  image: 30 * MB, archive: 30 * MB, 'office-other': 30 * MB, ofd: 30 * MB, binary: 30 * MB,
};

const KIND_ZH: Record<InputKind, string> = {
  text: '文本报告', html: '网页报告', mhtml: 'MHTML 网页存档', empty: '文本报告', pdf: 'PDF 文件', docx: 'Word 文件', doc: 'Word 文件',
  image: '图片文件', archive: '压缩包', 'office-other': '办公文档', ofd: 'OFD 文件', binary: '文件',
};

export const mbZh = (n: number) => `${(n / MB).toFixed(n < 10 * MB ? 1 : 0)} MB`;

/** The reason a file of this kind and size is refused, or null when it is within its limit. */
export function tooLarge(kind: InputKind, size: number): string | null {
  const max = INPUT_LIMITS[kind];
  return size > max ? `文件过大(${mbZh(size)}),超过${KIND_ZH[kind]}的上限 ${mbZh(max)},未解析(年报正文通常只有几十到几百 KB)` : null;
}

/** Source text shown on a report page: at most this many characters (see pageLines)… */
export const SOURCE_PAGE_CHARS = 200_000;
/** …and this many lines, beyond the lines table values were read from. */
export const SOURCE_PAGE_LINES = 5_000;
/** A line longer than this is cut on the page. */
export const SOURCE_LINE_CHARS = 20_000;

/** How many leading lines of a source text its page shows, and whether anything is left out or cut. */
export function pageLines(all: string[]): { shown: number; capped: boolean } {
  let chars = 0;
  let n = 0;
  let capped = false;
  for (; n < all.length && n < SOURCE_PAGE_LINES; n++) {
    const len = Math.min(all[n].length, SOURCE_LINE_CHARS);
    if (n > 0 && chars + len > SOURCE_PAGE_CHARS) break;
    chars += len;
    if (all[n].length > SOURCE_LINE_CHARS) capped = true;
  }
  return { shown: n, capped: capped || n < all.length };
}

/** Where the whole decoded text of a capped report is published, under the data folder. */
export const sourceTextFile = (reportId: string) => `sources/${reportId}.txt`;
