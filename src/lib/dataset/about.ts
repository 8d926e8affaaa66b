/**
 * What the dataset is, under which licence, and how to cite it: one place for
 * the downloads page, datapackage.json and the README's wording.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const DATASET = {
  /** Frictionless package name: lower case, digits, `-`, `_`, `.`. */
  name: 'gov-info-disclosure-reports',
  title: '政府信息公开工作年度报告开放数据',
  titleEn: "Open data from China's government information disclosure annual reports",
  publisher: '政府信息公开年报数据项目',
  publisherEn: 'gov-info-disclosure-reports project',
  description: '各级行政机关《政府信息公开工作年度报告》中三张统计表(主动公开、依申请公开、行政复议与行政诉讼)的逐格数据,'
    + '每个数字附原文行号;报告未填的格子为空(NULL),不是 0。',
  descriptionEn: 'Every cell of the three statistical tables of the annual reports on government information disclosure, '
    + 'each number with the source line it was read from; a cell a report does not give is NULL, never 0.',
  licence: {
    /** SPDX identifier. */
    name: 'CC-BY-4.0',
    title: 'Creative Commons Attribution 4.0 International',
    titleZh: '知识共享 署名 4.0 国际许可协议(CC BY 4.0)',
    path: 'https://creativecommons.org/licenses/by/4.0/',
  },
  codeLicence: 'MIT',
} as const;

/** The project's version (package.json), which is also the data package's version. */
export function datasetVersion(): string {
  try {
    return (JSON.parse(readFileSync(resolve('package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export interface CitationInput { version: string; builtAt: string; url: string }

/** 2026-12-01T08:00:00Z → 2026-12-01 (the build's date in Beijing time, UTC+8). */
export function dateBeijing(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
  return Number.isNaN(d.getTime()) ? iso.slice(0, 10) : d.toISOString().slice(0, 10);
}

/** A citation in the style of GB/T 7714-2015 for a dataset. */
export function citationZh({ version, builtAt, url }: CitationInput): string {
  const date = dateBeijing(builtAt);
  return `${DATASET.publisher}. ${DATASET.title}[DS/OL]. 版本 ${version}(数据构建于 ${date}). (${date})[引用日期]. ${url}`;
}

export function citationEn({ version, builtAt, url }: CitationInput): string {
  return `${DATASET.publisherEn} (${dateBeijing(builtAt).slice(0, 4)}). ${DATASET.titleEn} (version ${version}, data built ${dateBeijing(builtAt)}) [Data set]. ${url}`;
}

const bib = (s: string) => s.replace(/([{}\\#%&_$])/g, '\\$1');

export function bibtex({ version, builtAt, url }: CitationInput): string {
  const date = dateBeijing(builtAt);
  const [y, m] = date.split('-');
  const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
  return [
    `@misc{nianbao_${version.replace(/\W/g, '_')}_${date.replace(/-/g, '')},`,
    `  title        = {${bib(DATASET.title)} ({${bib(DATASET.titleEn)}})},`,
    `  author       = {{${bib(DATASET.publisher)}}},`,
    `  year         = {${y}},`,
    `  month        = ${months[Number(m) - 1] ?? 'jan'},`,
    `  version      = {${bib(version)}},`,
    `  date         = {${date}},`,
    `  url          = {${url}},`,
    `  howpublished = {\\url{${url}}},`,
    `  note         = {数据构建于 ${date};许可 ${DATASET.licence.name}},`,
    '}',
  ].join('\n');
}
