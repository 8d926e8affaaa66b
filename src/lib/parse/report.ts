/**
 * One file → one report record. Pure: bytes and a file name in, a `Report` and
 * the decoded source lines out. Never throws: anything unreadable becomes a
 * `failed` report with the reason.
 */
import { hash } from 'node:crypto';
import { APP_ROW_CODES, APPLICANT_CODES, type AppRow, type Template } from '../schema.ts';
import type { ApplicationRow, CheckRow, Report } from '../types.ts';
import { decode } from './decode.ts';
import { isMojibake, restoreMojibake } from './mojibake.ts';
import { delimitedToTabs, hasDelimitedNumbers } from './delimited.ts';
import { convertEmbeddedHtml, htmlToText, looksLikeHtml, pageImages, pageUrlOf } from './html.ts';
import { joinsBack, splitLines } from './text.ts';
import { compactOf, makeSource, type Compact, type Source } from './source.ts';
import { findHeadings, sectionTexts, type Heading } from './sections.ts';
import { Evidence, type Pending } from './evidence.ts';
import { readFacts, type Fact } from './narrative.ts';
import { fillMissingActive, numbersFirst, readActive } from './active.ts';
import { readApplications } from './applications.ts';
import { readReviews } from './reviews.ts';
import { readMeta } from './metadata.ts';
import { agencyLevel, resolveLocation } from './region.ts';
import { applicationChecks, issueChecks, narrativeCheck, reviewChecks } from './checks.ts';
import { causeOf, zh, type Issue } from './issues.ts';
import { agencyId, agencyRole, reportId } from './ids.ts';
import { extract, InputError, sniff, unreadableReason } from '../input/index.ts';
import { mapArray } from './map-array.ts';

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
  if (kind === 'pdf' || kind === 'docx' || kind === 'doc' || kind === 'mhtml') {
    const base = emptyReport(bytes, sourceFile);
    base.encoding = kind;
    try {
      const ex = await extract(bytes, kind);
      const lines = splitLines(ex.html ? htmlToText(ex.text) : ex.text);
      base.line_count = lines.length;
      const report = parseLines(lines, base, ex.url ?? null);
      if (ex.pages) setPages(report, ex.pages);
      if (ex.pictures) notePictures(report, ex.pictures, kind === 'pdf');
      else if (ex.html) notePageImages(report, ex.text);
      return { report, lines, pages: ex.pages };
    } catch (e) {
      return e instanceof InputError ? failed(base, e.reason) : failed(base, `读取 ${kind.toUpperCase()} 文件时出错:${(e as Error).message}`, 'parser');
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

/**
 * A table not found in a file with pictures: the reason says where the table
 * may be printed as an image, which is not read without OCR. `source`: the
 * pictures are strong evidence (a PDF page without text, or mostly picture),
 * and the failure is the source's; images of a Word file or a web page may be
 * a seal or a logo, and only add the hint.
 */
function notePictures(r: Report, where: string, source: boolean) {
  const c = r.checks.find((x) => x.check === 'tables_found' && !x.passed);
  if (!c) return;
  const why = `表格可能印在图片中（${where}），需要 OCR`;
  c.detail = `${c.detail}；${why}`;
  if (source) c.cause = 'source';
  if (r.error) r.error = `${r.error}；${why}`;
}

/** A page whose tables are not found: its content images, if any, as a hint (see notePictures). */
function notePageImages(r: Report, html: string) {
  if (r.status !== 'failed') return;
  const n = pageImages(html);
  if (n) notePictures(r, `网页中有 ${n} 张图片`, false);
}

/** A file that could not be read: what it is and why (`cause`: the file's defect, or the parser's). */
function failed(base: Report, error: string, cause: 'source' | 'parser' = 'source'): Parsed {
  base.status = 'failed';
  base.error = error;
  base.checks = [{ check: 'tables_found', passed: false, detail: error, cause }];
  return { report: base, lines: [] };
}

function emptyReport(bytes: Uint8Array, sourceFile: string): Report {
  const sha = hash('sha256', bytes, 'hex');
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
  const pristine = emptyReport(bytes, sourceFile);
  const base = (): Report => ({ ...pristine, active_disclosure: [], applications: [], reviews: [], checks: [], sections: [] });
  let lines: string[] = [];
  try {
    const { text, encoding } = decode(bytes);
    const csv = /\.csv$/i.test(sourceFile);
    let best = readText(text, encoding, sourceFile, base(), csv);
    lines = best.lines;
    // Second readings, only of a report not read fully (the others never pay for them), each kept
    // only where it reads more cells: a page a crawler decoded as Latin-1 and saved again, its bytes
    // decoded once more; a table exported as delimited text, its cells tab-separated.
    if (best.report.status !== 'ok') {
      let bestText = text, bestEncoding: string = encoding;
      const again = (t: string, enc: string, delimited: boolean) => {
        const p = readText(t, enc, sourceFile, base(), delimited);
        if (cellsRead(p.report) > cellsRead(best.report)) [best, bestText, bestEncoding] = [p, t, enc];
      };
      const restored = restoreMojibake(text);
      if (restored) again(restored.text, restored.encoding, csv);
      if (!csv && hasDelimitedNumbers(bestText)) again(bestText, bestEncoding, true);
      lines = best.lines;
    }
    return best;
  } catch (e) {
    return { ...failed(pristine, `解析时出错:${(e as Error).message}`, 'parser'), lines };
  }
}

/** Decoded text → one report: a page through the HTML reader, other text as it is (or `delimited`). */
function readText(text: string, encoding: string, sourceFile: string, base: Report, delimited: boolean): Parsed {
  base.encoding = encoding;
  const isHtml = /\.html?$/i.test(sourceFile) || looksLikeHtml(text);
  let body = isHtml ? htmlToText(text) : convertEmbeddedHtml(text);
  if (delimited && !isHtml) body = delimitedToTabs(body, sourceFile);
  const lines = splitLines(body);
  base.line_count = lines.length;
  const report = parseLines(lines, base, isHtml ? pageUrlOf(text) : null, joinsBack(body) ? body : undefined);
  if (isHtml) notePageImages(report, text);
  return { report, lines };
}

/** Table cells a report read (not NULL). */
function cellsRead(r: Report): number {
  let n = 0;
  for (const rows of [r.active_disclosure, r.applications, r.reviews]) for (const x of rows) if (x.value !== null) n++;
  return n;
}

/** Where each table lies: offsets into the source text, end exclusive. */
interface Regions { active?: [number, number]; apps?: [number, number]; reviews?: [number, number] }

const globals = new Map<RegExp, RegExp>();

/** The first match of any of `res` in compact text at or after `from`, as a compact index range. */
function firstOf(view: Compact, res: RegExp[], from = 0): [number, number] | null {
  let best: [number, number] | null = null;
  for (const re of res) {
    let g = globals.get(re);
    if (!g) globals.set(re, (g = new RegExp(re.source, 'g')));
    g.lastIndex = from;
    const m = g.exec(view.s);
    if (m && (!best || m.index < best[0])) best = [m.index, m.index + m[0].length];
  }
  return best;
}

const ACTIVE_CAPTION = [/第二十条第?\(?一\)?项/];
const ACTIVE_HEADER = [/信息内容(?:本年|规章|[\u4e00-\u9fff]{0,4}数量)/];
const ACTIVE_ANY = [/第二十条/];
const APPS_CAPTION = [/[勾钩]稽关系/, /申请人情况/];
const APPS_ROWS = [/本年新收政府信息公开申请数量/, /上年结转政府信息公开申请数量/];
const FORWARD = [/结转下年度/, /结转下一年度/];
const REVIEWS = [/行政法?复议/];
/** The number of a part after 四 (`五、当前…`), in the compact text: not `第十五、`, not `五、6`. */
const NEXT_PART = [/(?<![十第一二三四五六七八九])[五六七][、.](?=[\u4e00-\u9fa5])/];

function findRegions(src: Source, view: Compact, headings: Heading[]): Regions {
  const at = (i: number) => (i < view.at.length ? view.at[i] : src.text.length);
  const compactIndex = (offset: number) => {
    let lo = 0, hi = view.at.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (view.at[mid] < offset) lo = mid + 1; else hi = mid; }
    return lo;
  };
  const heading = (n: number) => headings.find((h) => h.section === n);
  const r: Regions = {};
  // The Article 20 table: its first sub-table caption, else its header, else any 第二十条.
  const active = firstOf(view, ACTIVE_CAPTION) ?? firstOf(view, ACTIVE_HEADER) ?? firstOf(view, ACTIVE_ANY);
  const after = active ? active[0] : heading(2) ? compactIndex(heading(2)!.end) : 0;
  // The application table: its caption or header, else its first rows.
  const apps = firstOf(view, APPS_CAPTION, after)
    ?? firstOf(view, APPS_ROWS, after);
  let appsStart = apps ? apps[0] : -1;
  // Without a caption or header, the table starts after its heading (the header text may be there).
  if (apps && !/[勾钩]稽|申请人/.test(view.s.slice(apps[0], apps[1]))) {
    const h3 = heading(3);
    if (h3 && h3.end <= at(apps[0]) && (!active || h3.start > at(active[0]))) appsStart = Math.min(appsStart, compactIndex(h3.end));
  }
  const forward = apps ? firstOf(view, FORWARD, apps[1]) : null;
  const reviews = firstOf(view, REVIEWS, forward ? forward[1] : apps ? apps[1] : after);
  const end5 = [heading(5), heading(6)].find((h) => h && reviews && h.start > at(reviews[0]));
  if (active) {
    const stop = appsStart >= 0 ? at(appsStart) : reviews ? at(reviews[0]) : (heading(3)?.start ?? end5?.start ?? src.text.length);
    r.active = [at(active[0]), stop];
  }
  if (apps) r.apps = [at(appsStart), reviews ? at(reviews[0]) : (end5?.start ?? src.text.length)];
  if (reviews && (apps || active)) {
    const from = at(forward ? forward[1] : reviews[0]);
    // Without a heading of part 五 or 六 in the form's words (`五、当前存在的突出问题`), the next
    // part's number ends the table: the text after it holds words of the review header
    // (`七、其他需说明事项…〔2020〕109号`) that would be read as the table's.
    const next = end5 ? null : firstOf(view, NEXT_PART, reviews[1]);
    r.reviews = [from, end5?.start ?? (next ? at(next[0]) : Math.min(src.text.length, from + 3000))];
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

const NEW_RECEIVED = '本年新收政府信息公开申请数量';

/**
 * How many application tables compact text `s` holds: the matches of
 * `/一、?本年新收政府信息公开申请数量/g`, found by the label (a native search)
 * and the `一` or `一、` before it. The label holds neither, so no two overlap.
 */
export function appTableCount(s: string): number {
  let n = 0;
  for (let i = s.indexOf(NEW_RECEIVED); i >= 0; i = s.indexOf(NEW_RECEIVED, i + NEW_RECEIVED.length)) {
    const before = s.charCodeAt(i - 1);
    if (before === 0x4e00 || (before === 0x3001 && s.charCodeAt(i - 2) === 0x4e00)) n++;
  }
  return n;
}

/** `joined`: `lines.join('\n')`, when the caller has it (see `makeSource`). */
export function parseLines(lines: string[], base: Report, pageUrl: string | null = null, joined?: string): Report {
  const src = makeSource(lines, joined);
  const view = compactOf(src);
  const headings = findHeadings(src);
  const regions = findRegions(src, view, headings);
  const meta = readMeta(lines, src, pageUrl);
  const tables = [regions.active, regions.apps, regions.reviews].filter((x): x is [number, number] => Boolean(x));
  const evidence = new Evidence(readFacts(src, tables, meta.year));
  const issues: Issue[] = [];
  const active = regions.active ? readActive(src, ...regions.active, issues, evidence) : null;
  const apps = regions.apps ? readApplications(src, ...regions.apps, issues, evidence) : null;
  const reviews = regions.reviews ? readReviews(src, ...regions.reviews, issues) : null;
  if (active && apps?.columnBlocks) numbersFirst(active, issues);

  const body = view.s.slice(0, 6000);
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
    source_url: meta.source_url,
  });
  if (meta.agency) r.agency_place = meta.agency.slice(0, meta.agency.length - agencyRole(meta.agency, loc).length);
  r.active_disclosure = active?.rows ?? [];
  if (active?.found && !active.template && template) fillMissingActive(r.active_disclosure, template, issues);
  r.applications = apps?.found ? apps.rows : [];
  r.reviews = reviews?.found ? reviews.rows : [];
  r.pending = [...(active?.pending ?? []), ...(apps?.pending ?? []), ...(reviews?.pending ?? [])];

  // The application table's own form: a report may pair a 2019 Article 20 table with a
  // 2021 application table; (六) is three sub-rows in one, one row in the other.
  const appForm: Template | null = apps?.otherSubRows ? '2021' : apps?.otherAsOneRow ? '2019' : template;
  // Rows of the form that were not printed at all become NULLs, and say so.
  if (apps?.found) fillMissingAppRows(r, appForm, issues);
  for (const u of evidence.used) issues.push({ kind: 'split', table: 'applications', detail: u });

  const missingTables = [
    !active?.found && '主动公开政府信息情况表(第二十条)',
    !apps?.found && '收到和处理政府信息公开申请情况表',
    !reviews?.found && '行政复议、行政诉讼情况表',
  ].filter(Boolean) as string[];
  const ctx: CheckContext = {
    issues, appForm, facts: evidence.facts, missingTables,
    picture: /图片版|见附件|附件下载|扫描件/.test(body) && missingTables.length === 3,
    cids: missingTables.length ? cidCount(src.text) : 0,
    mojibake: missingTables.length === 3 && isMojibake(src.text),
    // A page that holds its title and little else (the report is an attachment the crawl left behind).
    bare: missingTables.length === 3 && headings.length === 0 && view.s.length < BARE_CHARS,
    appTables: appTableCount(view.s),
    hasApps: Boolean(apps?.found), hasReviews: Boolean(reviews?.found),
  };
  contexts.set(r, ctx);
  r.sections = sectionTexts(src, headings, tables);
  finish(r, ctx);
  return r;
}

/** What the checks of a report are computed from, kept so that evidence found later can recompute them. */
interface CheckContext {
  issues: Issue[];
  appForm: Template | null;
  facts: Fact[];
  missingTables: string[];
  picture: boolean;
  /** `(cid:123)` placeholders in the text (counted only when a table is missing), see CID_MANY. */
  cids: number;
  /** No table found and the text is mojibake (see `isMojibake`). */
  mojibake: boolean;
  /** No heading and hardly any text: the input holds no report to read. */
  bare: boolean;
  appTables: number;
  hasApps: boolean;
  hasReviews: boolean;
}

const contexts = new WeakMap<Report, CheckContext>();

/**
 * Text extracted from a PDF whose fonts map no glyph to Unicode holds
 * `(cid:1234)` in place of each character (pdfminer, pdfplumber): from this
 * many on, the text is no report's words, and a table not found is the
 * extraction's loss.
 */
const CID_MANY = 20;

function cidCount(text: string): number {
  let n = 0;
  for (let i = text.indexOf('(cid:'); i >= 0 && n < 1000; i = text.indexOf('(cid:', i + 5)) n++;
  return n;
}

/** Compacted characters below which an input with no heading holds no report (a real one, tables lost, has thousands). */
const BARE_CHARS = 1500;

/** Checks and status from the report's values and what the reading found. */
function finish(r: Report, ctx: CheckContext): void {
  const { missingTables } = ctx;
  const why = ctx.picture ? '(报告为图片版或附件,正文没有表格文字)'
    : ctx.mojibake ? '(文本是乱码:中文以错误的编码保存,如 GBK 或 UTF-8 的字节被当作 Latin-1 字符,无法读取)'
    : ctx.cids >= CID_MANY ? `(文本中有 ${ctx.cids} 处「(cid:…)」占位符:提取文字时 PDF 的字体没有 Unicode 映射,文字未能提取;需要 OCR 或换一种方式提取)`
    : ctx.bare ? '(正文只有标题或寥寥数语,没有报告内容;报告可能在附件或图片中)' : '';
  const checks: CheckRow[] = [{
    check: 'tables_found',
    passed: missingTables.length === 0,
    detail: missingTables.length === 0 ? '三张表格均已找到' : `未找到:${missingTables.join('、')}${why}`,
  }];
  if (ctx.hasApps) checks.push(...applicationChecks(r.applications, ctx.appForm));
  if (ctx.hasReviews) checks.push(...reviewChecks(r.reviews));
  checks.push(...issueChecks(ctx.issues));
  const narrative = narrativeCheck(ctx.facts, r);
  if (narrative) checks.push(narrative);
  if (ctx.appTables > 1) checks.push({ check: 'multiple_tables', passed: false, detail: `文件中有 ${ctx.appTables} 张申请情况表(可能合并了多个机关的报告),只读取了第一张` });
  for (const c of checks) c.cause = causeOfCheck(c, ctx);
  r.checks = checks;
  if (missingTables.length) {
    r.status = 'failed';
    r.error = `未找到表格:${missingTables.join('、')}${why}`;
    return;
  }
  const unknown = [!r.agency && '报告机关名称', !r.year && '统计年度'].filter(Boolean);
  if (unknown.length) checks.push({ check: 'metadata', passed: false, detail: `未能识别${unknown.join('和')}`, cause: 'parser' });
  r.status = checks.every((c) => c.passed) ? 'ok' : 'warnings';
}

/**
 * Whose defect a failed check is. Arithmetic checks fail only when every cell
 * involved was read, so the numbers are the report's own; run-together
 * digits, unprinted rows and short rows are the source's; cells the parser
 * could not assign, a table it could not find and metadata it could not read
 * are the parser's.
 */
function causeOfCheck(c: CheckRow, ctx: CheckContext): CheckRow['cause'] {
  if (c.passed) return null;
  switch (c.check) {
    case 'missing_cells': return ctx.issues.some((i) => causeOf(i.kind) === 'parser' && i.kind !== 'split' && i.kind !== 'unit') ? 'parser' : 'source';
    case 'tables_found': return ctx.picture || ctx.bare || ctx.mojibake || ctx.cids >= CID_MANY ? 'source' : 'parser';
    case 'metadata': case 'multiple_tables': return 'parser';
    default: return 'source';
  }
}

/**
 * Note on a pending row the split that evidence from outside the report (the
 * same agency's report for another year) points to, and recompute the
 * checks. The cells stay NULL: such relations do not always hold between
 * real reports (现行有效 carried forward held in 57 of 65 pairs of the 平潭
 * reports), and a value must come from the report itself. The note goes into
 * the row's `run_together` detail for whoever checks the source.
 */
export function notePending(r: Report, p: Pending, values: (number | null)[], why: string): void {
  const ctx = contexts.get(r);
  if (!ctx) return;
  const issue = ctx.issues.find((i) => i.kind === 'unsplittable' && i.table === p.table && (i.row ?? 't') === p.row);
  if (!issue || issue.detail.includes('相邻年度')) return;
  issue.detail += `;${why},唯一相符的拆分为 ${mapArray(values, (v) => v ?? '空').join(' ')}(仅供核对,未采用)`;
  finish(r, ctx);
}

/** Place of each application row and applicant column in the table's order. */
const ROW_ORDER = new Map(mapArray(APP_ROW_CODES, (c, i) => [c, i]));
const APPLICANT_ORDER = new Map(mapArray(APPLICANT_CODES, (c, i) => [c, i]));

function fillMissingAppRows(r: Report, template: Template | null, issues: Issue[]) {
  // Cells come row by row: a row is added once, not once per cell.
  const present = new Set<AppRow>();
  for (let i = 0; i < r.applications.length; i++) if (i === 0 || r.applications[i].row !== r.applications[i - 1].row) present.add(r.applications[i].row);
  const expected: AppRow[] = APP_ROW_CODES.filter((c) => {
    if (c === 'other_total') return template === '2019';
    if (c === 'other_overdue_correction' || c === 'other_overdue_fee' || c === 'other_other') return template !== '2019';
    return true;
  });
  for (const code of expected) {
    if (present.has(code)) continue;
    issues.push({ kind: 'missing', table: 'applications', row: code, detail: `表中没有「${zh(code)}」行` });
    for (const applicant of APPLICANT_CODES) r.applications.push({ row: code, applicant, value: null, line: null, col: undefined });
  }
  r.applications = inFormOrder(r.applications);
}

/**
 * Cells in the form's order (row, then applicant column), cells of one place
 * in the order given: a stable sort by counting, one pass to count and one to
 * place (a comparator sort with two map lookups per comparison cost more).
 */
function inFormOrder(cells: ApplicationRow[]): ApplicationRow[] {
  const width = APPLICANT_CODES.length;
  const keys = mapArray(cells, (c) => ROW_ORDER.get(c.row)! * width + APPLICANT_ORDER.get(c.applicant)!);
  const starts = new Array<number>(APP_ROW_CODES.length * width + 1).fill(0);
  for (const k of keys) starts[k + 1]++;
  for (let k = 1; k < starts.length; k++) starts[k] += starts[k - 1];
  const out = new Array<ApplicationRow>(cells.length);
  for (let i = 0; i < cells.length; i++) out[starts[keys[i]]++] = cells[i];
  return out;
}
