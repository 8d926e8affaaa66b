/**
 * One file → one report record. Pure: bytes and a file name in, a `Report` and
 * the decoded source lines out. Never throws: anything unreadable becomes a
 * `failed` report with the reason.
 */
import { createHash } from 'node:crypto';
import { APP_ROW_CODES, APPLICANT_CODES, type AppRow, type Template } from '../schema.ts';
import type { CheckRow, Report } from '../types.ts';
import { decode } from './decode.ts';
import { htmlToText, looksLikeHtml } from './html.ts';
import { compact, normalize, splitLines } from './text.ts';
import { tokenize } from './cells.ts';
import { findHeadings, sectionTexts } from './sections.ts';
import { readActive } from './active.ts';
import { readApplications } from './applications.ts';
import { readReviews } from './reviews.ts';
import { readMeta } from './metadata.ts';
import { agencyLevel, resolveLocation } from './region.ts';
import { applicationChecks, issueChecks, reviewChecks } from './checks.ts';
import { zh, type Issue } from './issues.ts';
import { agencyId, reportId } from './ids.ts';
import { extract, InputError, sniff, unreadableReason } from '../input/index.ts';

export interface Parsed {
  report: Report;
  lines: string[];
  /** 1-based page of each line, for paged sources (PDF). */
  pages?: number[];
}

/**
 * Any corpus file → one report: PDF and Word files are turned into text first
 * (async), files that hold no report text fail with what they are; text and
 * web pages go to `parseFile`. Never throws.
 */
export async function parseInput(bytes: Uint8Array, sourceFile: string): Promise<Parsed> {
  const kind = sniff(bytes, sourceFile);
  if (kind === 'pdf' || kind === 'docx' || kind === 'doc') {
    const base = emptyReport(bytes, sourceFile);
    base.encoding = kind;
    try {
      const ex = await extract(bytes, kind);
      const lines = splitLines(ex.html ? htmlToText(ex.text) : ex.text);
      base.line_count = lines.length;
      const report = parseLines(lines, base);
      if (ex.pages) setPages(report, ex.pages);
      return { report, lines, pages: ex.pages };
    } catch (e) {
      return failed(base, e instanceof InputError ? e.reason : `读取 ${kind.toUpperCase()} 文件时出错:${(e as Error).message}`);
    }
  }
  const reason = unreadableReason(kind);
  if (reason) return failed(emptyReport(bytes, sourceFile), reason);
  return parseFile(bytes, sourceFile);
}

/** Value rows of a paged source (PDF) carry the page of the line they were read from. */
function setPages(r: Report, pages: readonly number[]) {
  for (const row of [...r.active_disclosure, ...r.applications, ...r.reviews]) {
    row.page = row.line ? (pages[row.line - 1] ?? null) : null;
  }
}

function failed(base: Report, error: string): Parsed {
  base.status = 'failed';
  base.error = error;
  base.checks = [{ check: 'tables_found', passed: false, detail: error }];
  return { report: base, lines: [] };
}

function emptyReport(bytes: Uint8Array, sourceFile: string): Report {
  const sha = createHash('sha256').update(bytes).digest('hex');
  return {
    report_id: reportId(sourceFile), agency: null, agency_id: null, year: null, published_on: null,
    province: null, city: null, county: null, township: null, region_code: null,
    level: 'unknown', scope: 'unknown', template: null, status: 'failed',
    source_file: sourceFile, source_sha256: sha, title: null, source_url: null, encoding: null, error: null,
    active_disclosure: [], applications: [], reviews: [], checks: [], sections: [],
  };
}

/** A text file or web page → one report. Sync; never throws. */
export function parseFile(bytes: Uint8Array, sourceFile: string): Parsed {
  const base = emptyReport(bytes, sourceFile);
  let lines: string[] = [];
  try {
    const { text, encoding } = decode(bytes);
    base.encoding = encoding;
    const isHtml = /\.html?$/i.test(sourceFile) || looksLikeHtml(text);
    lines = splitLines(isHtml ? htmlToText(text) : text);
    base.line_count = lines.length;
    return { report: parseLines(lines, base), lines };
  } catch (e) {
    return { ...failed(base, `解析时出错:${(e as Error).message}`), lines };
  }
}

/** Where each table lies (0-based line indexes, end exclusive). */
interface Regions { active?: [number, number]; apps?: [number, number]; reviews?: [number, number] }

function findRegions(cl: string[], lines: string[], headings: { section: number; line: number }[]): Regions {
  const h = (s: number) => headings.find((x) => x.section === s)?.line;
  const firstFrom = (from: number, re: RegExp, to = cl.length) => { for (let i = from; i < to; i++) if (re.test(cl[i])) return i; return -1; };
  const r: Regions = {};
  // The Article 20 table starts at its first 第二十条 line; if those were lost, at its first header cell.
  let activeStart = firstFrom(0, /第二十条/);
  if (activeStart < 0) {
    const h2 = headings.find((x) => x.section === 2)?.line ?? 0;
    activeStart = firstFrom(h2, /^(?:信息内容)?(?:本年制发件数|本年新制作数量)|^信息内容(?:\||$)/);
  }
  // The application table's first row; if 一、本年新收 was lost, its header or second row.
  let newRow = -1;
  for (const re of [/本年新收/, /勾稽关系/, /上年结转政府信息公开申请/]) {
    for (let i = Math.max(0, activeStart); i < cl.length && newRow < 0; i++) if (re.test(cl[i]) && (cl[i].length <= 40 || /[|\t]/.test(lines[i]) || re.source === '勾稽关系')) newRow = i;
    if (newRow >= 0) break;
  }
  let appStart = -1;
  if (newRow >= 0) {
    appStart = newRow;
    for (let i = newRow - 1; i >= Math.max(0, newRow - 40, activeStart + 1); i--) {
      if (/勾稽关系|申请人情况|^自然人|收到和处理政府信息公开申请/.test(cl[i])) appStart = i;
    }
    const h3 = h(3);
    if (h3 !== undefined && h3 < appStart && h3 > activeStart) appStart = Math.min(appStart, h3 + 1);
  }
  const forward = newRow >= 0 ? firstFrom(newRow, /结转下年度/) : -1;
  let reviewStart = firstFrom(forward >= 0 ? forward + 1 : Math.max(0, newRow, activeStart), /行政复议/);
  if (newRow < 0 && activeStart < 0) reviewStart = -1;
  const h5 = h(5), h6 = h(6);
  if (activeStart >= 0) {
    const end = appStart >= 0 ? appStart : reviewStart >= 0 ? reviewStart : (h(3) ?? h5 ?? h6 ?? cl.length);
    r.active = [activeStart, end];
  }
  if (appStart >= 0) r.apps = [appStart, reviewStart >= 0 ? reviewStart : (h5 ?? h6 ?? cl.length)];
  if (reviewStart >= 0) {
    let end = [h5, h6].find((x) => x !== undefined && x > reviewStart) ?? Math.min(cl.length, reviewStart + 200);
    r.reviews = [reviewStart, end];
  }
  return r;
}

const AGGREGATE = /各级(?:行政机关|政府及(?:其)?(?:所属)?部门|政府部门)|(?:全省|全市|全州|全盟|全县|全区|全旗)(?:各级)?(?:行政机关|政府系统)|本级政府(?:及|和)(?:其)?(?:所属)?部门|政府及(?:其)?(?:所属)?部门(?:的)?政府信息公开/;

function scopeOf(agency: string | null, level: Report['level'], text: string, agencySource: string | null, title: string | null): Report['scope'] {
  if (AGGREGATE.test(text)) return 'aggregate';
  // A title that names only a place at county level or above (`XX市2023年政府信息公开工作年度报告`).
  if (agencySource === 'title' && title && !/人民政府|办公室|局|委/.test(title) && (level === 'county' || level === 'city' || level === 'province')) return 'aggregate';
  // Otherwise a report named after one body (XX人民政府, XX局, XX乡人民政府) covers that body.
  if (agency && level !== 'unknown') return 'office';
  return 'unknown';
}

export function parseLines(lines: string[], base: Report): Report {
  const nl = lines.map(normalize);
  const cl = nl.map(compact);
  const headings = findHeadings(lines, cl);
  const regions = findRegions(cl, lines, headings);
  const issues: Issue[] = [];
  const active = regions.active ? readActive(tokenize(nl, ...regions.active), issues) : null;
  const apps = regions.apps ? readApplications(tokenize(nl, ...regions.apps), issues) : null;
  const reviews = regions.reviews ? readReviews(tokenize(nl, ...regions.reviews), issues) : null;

  const meta = readMeta(lines, nl);
  const body = cl.slice(0, 400).join('');
  const loc = resolveLocation(meta.agency, [meta.title ?? '', meta.publisher ?? '', body.slice(0, 4000)].join(' '), meta.indexRegionCodes);
  const level = agencyLevel(meta.agency, loc);

  let template: Template | null = active?.template ?? null;
  if (!template && apps?.found) template = apps.otherAsOneRow && !apps.otherSubRows ? '2019' : apps.otherSubRows ? '2021' : null;

  const r = base;
  Object.assign(r, {
    agency: meta.agency, agency_id: meta.agency ? agencyId(meta.agency, loc.region_code, loc) : null,
    year: meta.year, published_on: meta.published_on,
    province: loc.province, city: loc.city, county: loc.county, township: loc.township, region_code: loc.region_code,
    level, scope: scopeOf(meta.agency, level, body, meta.agencySource, meta.title), template, title: meta.title,
  });
  r.active_disclosure = active?.rows ?? [];
  r.applications = apps?.found ? apps.rows : [];
  r.reviews = reviews?.found ? reviews.rows : [];

  // The application table's own form: a report may pair a 2019 Article 20 table with a
  // 2021 application table; (六) is three sub-rows in one, one row in the other.
  const appForm: Template | null = apps?.otherSubRows ? '2021' : apps?.otherAsOneRow ? '2019' : template;
  // Rows of the form that were not printed at all become NULLs, and say so.
  if (apps?.found) fillMissingAppRows(r, appForm, issues);

  const missingTables = [
    !active?.found && '主动公开政府信息情况表(第二十条)',
    !apps?.found && '收到和处理政府信息公开申请情况表',
    !reviews?.found && '行政复议、行政诉讼情况表',
  ].filter(Boolean) as string[];
  const picture = /图片版|见附件|附件下载|扫描件/.test(body) && missingTables.length === 3;
  const checks: CheckRow[] = [{
    check: 'tables_found',
    passed: missingTables.length === 0,
    detail: missingTables.length === 0 ? '三张表格均已找到' : `未找到:${missingTables.join('、')}${picture ? '(报告为图片版或附件,正文没有表格文字)' : ''}`,
  }];
  if (apps?.found) checks.push(...applicationChecks(r.applications, appForm));
  if (reviews?.found) checks.push(...reviewChecks(r.reviews));
  checks.push(...issueChecks(issues));
  const apps2 = cl.filter((l) => l.includes('本年新收') && (/^一、?本年新收政府信息公开申请数量/.test(l) || l === '本年新收政府信息公开申请数量')).length;
  if (apps2 > 1) checks.push({ check: 'multiple_tables', passed: false, detail: `文件中有 ${apps2} 张申请情况表(可能合并了多个机关的报告),只读取了第一张` });
  r.checks = checks;

  const inTable = (i: number) => {
    const within = [regions.active, regions.apps, regions.reviews].some((g) => g && i >= g[0] && i < g[1]);
    return within && (/[|\t]/.test(lines[i]) || cl[i].length <= 40);
  };
  r.sections = sectionTexts(lines, headings, inTable);

  if (missingTables.length) {
    r.status = 'failed';
    r.error = `未找到表格:${missingTables.join('、')}${picture ? '(报告为图片版或附件,正文没有表格文字)' : ''}`;
  } else {
    const unknown = [!r.agency && '报告机关名称', !r.year && '统计年度'].filter(Boolean);
    if (unknown.length) checks.push({ check: 'metadata', passed: false, detail: `未能识别${unknown.join('和')}` });
    r.status = checks.every((c) => c.passed) ? 'ok' : 'warnings';
  }
  return r;
}

function fillMissingAppRows(r: Report, template: Template | null, issues: Issue[]) {
  const present = new Set(r.applications.map((a) => a.row));
  const expected: AppRow[] = APP_ROW_CODES.filter((c) => {
    if (c === 'other_total') return template === '2019';
    if (c === 'other_overdue_correction' || c === 'other_overdue_fee' || c === 'other_other') return template !== '2019';
    return true;
  });
  for (const code of expected) {
    if (present.has(code)) continue;
    issues.push({ kind: 'missing', table: 'applications', row: code, detail: `表中没有「${zh(code)}」行` });
    for (const applicant of APPLICANT_CODES) r.applications.push({ row: code, applicant, value: null, line: null });
  }
  const order = new Map(APP_ROW_CODES.map((c, i) => [c, i]));
  const aorder = new Map(APPLICANT_CODES.map((c, i) => [c, i]));
  r.applications.sort((a, b) => order.get(a.row)! - order.get(b.row)! || aorder.get(a.applicant)! - aorder.get(b.applicant)!);
}
