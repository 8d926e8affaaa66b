/**
 * The six parts of a report: find each heading, then the narrative text of each
 * part with table lines left out.
 */
import type { SectionRow } from '../types.ts';
import { compact, normalize } from './text.ts';

const NUM = '(?:[一二三四五六1-6][、.,．]?|第[一二三四五六]部分[、:]?|[(（][一二三四五六][)）])?';
/** Heading patterns, in template order, matched against a compacted, normalised line. */
const HEADINGS: RegExp[] = [
  new RegExp(`^${NUM}(?:总体情况|总体概况|概述)$`),
  new RegExp(`^${NUM}(?:行政机关)?主动公开政府信息(?:的)?情况$`),
  new RegExp(`^${NUM}(?:行政机关)?收到和处理政府信息公开申请(?:的)?情况$`),
  new RegExp(`^${NUM}(?:因)?政府信息公开(?:工作)?(?:被申请)?行政复议[、和及,]?(?:提起)?行政诉讼(?:的)?情况$|^${NUM}因政府信息公开工作被申请行政复议[、和及]?提起行政诉讼情况$`),
  new RegExp(`^${NUM}(?:政府信息公开工作)?存在的?主要问题(?:及|和)改进情况$|^${NUM}(?:政府信息公开工作)?存在的?(?:主要)?问题及改进(?:情况|措施)$`),
  new RegExp(`^${NUM}其他需要报告的事项$`),
];

export interface Heading { section: number; line: number; text: string }

/** Find the six headings (0-based line indexes), each after the previous. Missing ones are skipped. */
export function findHeadings(lines: string[], compacted: string[] = lines.map((l) => compact(normalize(l)))): Heading[] {
  const found: Heading[] = [];
  // Candidate lines once: short, and ending the way a heading of the form ends.
  const cands: [number, string][] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = compacted[i];
    if (raw.length > 44 || !/情况|事项|概况|概述|措施/.test(raw)) continue;
    cands.push([i, raw.replace(/[|:：。]+$/g, '').replace(/^\|+/, '')]);
  }
  let k = 0;
  for (let s = 0; s < HEADINGS.length; s++) {
    for (let j = k; j < cands.length; j++) {
      const [i, c] = cands[j];
      if (c.length > 40 || !HEADINGS[s].test(c)) continue;
      found.push({ section: s + 1, line: i, text: lines[i].replace(/[|\t]+/g, ' ').trim() });
      k = j + 1;
      break;
    }
  }
  return found;
}

/**
 * Narrative text of each part: the lines between its heading and the next,
 * leaving out lines that belong to a table (`isTableLine`).
 */
export function sectionTexts(lines: string[], headings: Heading[], isTableLine: (i: number) => boolean, end = lines.length): SectionRow[] {
  const out: SectionRow[] = [];
  for (let h = 0; h < headings.length; h++) {
    const start = headings[h].line + 1;
    const stop = h + 1 < headings.length ? headings[h + 1].line : end;
    const parts: string[] = [];
    for (let i = start; i < stop; i++) {
      if (isTableLine(i)) continue;
      const t = lines[i].replace(/\s*\|\s*/g, ' ').replace(/\t+/g, ' ').trim();
      if (t) parts.push(t);
    }
    out.push({ section: headings[h].section, heading: headings[h].text, text: parts.join('\n') });
  }
  return out;
}
