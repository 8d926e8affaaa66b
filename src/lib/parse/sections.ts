/**
 * The six parts of a report: their headings found by their words, in order,
 * on a line of their own or inline (`一、总体情况2021年，我局…` in crawled text
 * where the whole body is one line); then each part's narrative text with
 * the table regions left out.
 */
import type { SectionRow } from '../types.ts';
import { compactOf, type Source } from './source.ts';
import { execNear, isSpaceCode } from './text.ts';
import { mapArray } from './map-array.ts';

const NUM = '(?:[一二三四五六七八九十]{1,2}[、.,]|第[一二三四五六]部分[、:,]?|\\([一二三四五六]\\)|[1-6][、.])';
/** Heading words of part 六 (compacted text); metadata.ts strips them where a signature runs on from them. */
export const LAST_PART_WORDS = '(?:其他需要报告的事项|需要说明的其他事项|其他需要?说明的?事项)';
/** Heading words of each part, in template order (compacted text). */
const WORDS: string[] = [
  '(?:总体情况|总体概况|概述|基本情况)',
  '(?:行政机关)?主动公开政府信息(?:的)?情况',
  '(?:行政机关)?收到和处理政府信息公开申请(?:的)?情况',
  '(?:因)?(?:政府信息公开(?:工作)?(?:申请)?(?:被申请)?)?行政(?:法)?复议[、和及与,]?(?:提起)?行政诉讼(?:的)?情况',
  '(?:政府信息公开(?:工作)?|当前)?存在的?(?:主要|突出)?问题(?:(?:及|和|与)改进(?:情况|措施))?',
  LAST_PART_WORDS,
];
const HEADINGS = mapArray(WORDS, (w) => new RegExp(`(${NUM})?${w}`, 'g'));
/**
 * Words every match of each part's pattern holds, one of them at most
 * `LEAD` characters after the match starts (the longest lead: 28, the
 * number and the optional words before 行政诉讼).
 */
const KEYS: string[][] = [
  ['总体', '概述', '基本情况'], ['主动公开政府信息'], ['收到和处理政府信息公开申请'], ['行政诉讼'], ['问题'], ['事项'],
];
const LEAD = 32;

/** A numbered part 一 in words the form does not use (`一、年度工作核心成效（一）…`): up to 12 characters before its first item. */
const FIRST_OWN = /(?<![十第\d])一[、.][\u4e00-\u9fa5]{2,12}?(?=[(（]一[)）])/g;

export interface Heading { section: number; start: number; end: number; text: string }

/** Part `section`'s heading at src.text[start, end), as printed (cell bars and tabs made spaces). */
function heading(src: Source, section: number, start: number, end: number): Heading {
  return { section, start, end, text: src.raw.slice(start, end).replace(/[|\t]+/g, ' ').trim() };
}

/** Is text[offset] the first non-space character of its line? */
function atLineStart(t: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const c = t[i];
    if (c === '\n') return true;
    if (c !== ' ' && c !== '\t' && c !== '|') return false;
  }
  return true;
}

/** The six headings, each after the previous; missing ones are skipped. */
export function findHeadings(src: Source): Heading[] {
  const view = compactOf(src);
  const t = src.text;
  const found: Heading[] = [];
  let from = 0;
  let second = -1; // where part 二's heading starts in the compact text
  for (let s = 0; s < HEADINGS.length; s++) {
    const re = HEADINGS[s];
    // The search skips to shortly before the next of the part's words.
    for (let m = execNear(re, view.s, from, KEYS[s], LEAD); m; m = execNear(re, view.s, re.lastIndex, KEYS[s], LEAD)) {
      const start = view.at[m.index];
      const end = view.at[m.index + m[0].length - 1] + 1;
      // Numbered (`一、总体情况`), or alone at the start of a short line.
      const lineEnd = t.indexOf('\n', end);
      const rest = t.slice(end, Math.min(end + 12, lineEnd < 0 ? t.length : lineEnd)).replace(/[\s|:：。]/g, '');
      if (!m[1] && !(atLineStart(t, start) && rest.length <= 4)) continue;
      found.push(heading(src, s + 1, start, end));
      if (s === 1) second = m.index;
      from = m.index + m[0].length;
      break;
    }
  }
  // Part 一 under words of its own (`一、年度工作核心成效`): the first `一、` before part 二.
  if (second > 0 && found[0].section !== 1) {
    FIRST_OWN.lastIndex = 0;
    const m = FIRST_OWN.exec(view.s.slice(0, second));
    if (m) {
      found.unshift(heading(src, 1, view.at[m.index], view.at[m.index + m[0].length - 1] + 1));
    }
  }
  return found;
}

/** Cell bars and tabs of table rows in the text, with the spaces around them (within a line). */
const CELL_BAR = /[^\S\n]*\|[^\S\n]*/g;
const TABS = /\t+/g;

/**
 * Narrative text of each part: from its heading to the next, table regions
 * left out (each piece ends a line), as its non-blank lines, trimmed, with
 * cell bars and tabs made spaces. Read line by line from the pieces: neither
 * a bar with its spaces nor a run of tabs spans lines.
 */
export function sectionTexts(src: Source, headings: Heading[], tables: [number, number][]): SectionRow[] {
  const out: SectionRow[] = [];
  const t = src.raw;
  const cuts = tables.slice().sort((a, b) => a[0] - b[0]);
  const marks = { bar: nextOf(t, '|'), tab: nextOf(t, '\t') };
  for (let h = 0; h < headings.length; h++) {
    const start = headings[h].end;
    const stop = h + 1 < headings.length ? headings[h + 1].start : t.length;
    const lines: string[] = [];
    let pos = start;
    for (const [a, b] of cuts) {
      if (b <= pos || a >= stop) continue;
      if (a > pos) pushLines(t, pos, a, marks, lines);
      pos = Math.max(pos, b);
    }
    if (pos < stop) pushLines(t, pos, stop, marks, lines);
    out.push({ section: headings[h].section, heading: headings[h].text, text: lines.join('\n') });
  }
  return out;
}

/**
 * The first offset of `c` at or after an offset of `t`, or -1; a search is
 * reused while the offsets asked for do not pass its answer.
 */
function nextOf(t: string, c: string): (from: number) => number {
  let asked = Infinity, found = -1;
  return (from) => {
    if (from < asked || (found >= 0 && found < from)) { asked = from; found = t.indexOf(c, from); }
    return found;
  };
}

type Marks = { bar: (from: number) => number; tab: (from: number) => number };

/**
 * The non-blank lines of t[from, to), trimmed, bars and tabs made spaces, onto
 * `out`. Lines that need none of that are taken as they are, a run of them
 * as one slice (the same text once joined by '\n').
 */
function pushLines(t: string, from: number, to: number, marks: Marks, out: string[]): void {
  let run = -1, runEnd = -1;
  for (let a = from; ;) {
    const nl = t.indexOf('\n', a);
    const b = nl < 0 || nl >= to ? to : nl;
    const bar = marks.bar(a), tab = marks.tab(a);
    const marked = (bar >= 0 && bar < b) || (tab >= 0 && tab < b);
    if (!marked && b > a && !isSpaceCode(t.charCodeAt(a)) && !isSpaceCode(t.charCodeAt(b - 1))) {
      if (run < 0) run = a;
      runEnd = b;
    } else {
      if (run >= 0) { out.push(t.slice(run, runEnd)); run = -1; }
      let l = t.slice(a, b);
      if (bar >= 0 && bar < b) l = l.replace(CELL_BAR, ' ');
      if (tab >= 0 && tab < b) l = l.replace(TABS, ' ');
      l = l.trim();
      if (l) out.push(l);
    }
    if (b === to) break;
    a = b + 1;
  }
  if (run >= 0) out.push(t.slice(run, runEnd));
}
