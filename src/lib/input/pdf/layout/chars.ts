/** Character classes the layout needs: wide (CJK) or narrow, digit, letter. */

/** CJK ideographs, radicals, kana, CJK punctuation and full-width forms: one em wide. */
const WIDE = /[\u2E80-\u9FFF\uA960-\uA97F\uAC00-\uD7FF\uF900-\uFAFF\uFE30-\uFE4F\uFF01-\uFF60\uFFE0-\uFFE6]/;

export const isWide = (c: string) => WIDE.test(c);
export const isDigit = (c: string) => c >= '0' && c <= '9';
export const isLetter = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

/** Rough advance of a character in ems, to place the parts of a split run. */
export function advance(c: string): number {
  if (isWide(c)) return 1;
  if (c === ' ') return 0.25;
  return 0.5;
}

/** Heading and list markers that open a new item: `一、` `（一）` `(1)` `1.` `1、` `第一条`. */
const ITEM = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．](?!\d)|第[一二三四五六七八九十百\d]+[条章节部分])/;
export const startsItem = (s: string) => ITEM.test(s);
