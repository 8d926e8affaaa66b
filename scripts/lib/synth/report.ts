/** One synthetic report: values → tables → traps → document → layout → bytes, plus its truth. */
import { APP_GROUPS, APP_ROW_CODES, APPLICANT_CODES, type AppRow, type Template } from '../../../src/lib/schema.ts';
import type { Agency } from './agency.ts';
import type { Block, Doc } from './doc.ts';
import { encode, type Encoding } from './encode.ts';
import { renderHtml } from './layouts/html.ts';
import { renderLines } from './layouts/lines.ts';
import type { LayoutName, Out } from './layouts/out.ts';
import { renderPipe } from './layouts/pipe.ts';
import { renderPipeCell } from './layouts/pipecell.ts';
import { renderTabs } from './layouts/tabs.ts';
import {
  frame, preamble, section1, section2Intro, section3Intro, section4Intro, section5, section6, sectionHeading, type Facts, type NarrativeOpts,
} from './narrative.ts';
import { isReal, realEncoding, REAL_LAYOUTS, realTitle, signDate } from './real/frame.ts';
import { planCrawl, respace } from './real/flatten.ts';
import { planMarkdown } from './real/moves.ts';
import { makePage, type Page } from './real/page.ts';
import { renderReal } from './real/render.ts';
import { applyVariants } from './real/variants.ts';
import type { Rng } from './rng.ts';
import { activeTable, appsTable, reviewsTable, type TableStyle } from './tables.ts';
import { settleTables } from './split/truth.ts';
import { applyTraps, pickTraps, type TrapName } from './traps.ts';
import type { Truth, TruthValue } from './truth.ts';
import type { Values } from './values.ts';

export interface ReportSpec {
  name: string;
  agency: Agency;
  year: number;
  values: Values;
  /** Force a layout / encoding / traps (tests); otherwise drawn at random. */
  layout?: LayoutName;
  encoding?: Encoding;
  crlf?: boolean;
  web?: boolean;
  traps?: TrapName[];
}

export interface SynthReport { file: string; bytes: Uint8Array; truth: Truth; text: string[]; doc: Doc }

/** The layouts we imagined first; they print every cell in its own place. */
export const IMAGINED_LAYOUTS: LayoutName[] = ['lines', 'pipe', 'pipecell', 'tabs', 'html'];
export { REAL_LAYOUTS };
export const LAYOUTS: LayoutName[] = [...IMAGINED_LAYOUTS, ...REAL_LAYOUTS];
export const ENCODINGS: Encoding[] = ['utf-8', 'utf-8-bom', 'gb18030', 'utf-16le'];
/** File names the generator writes reports under. */
export const REPORT_FILE = /\.(txt|html?|md)$/;

const EXT: Partial<Record<LayoutName, string>> = { html: '.html', cms: '.htm', markdown: '.md' };

function chrome(rng: Rng, agency: Agency, f: ReturnType<typeof frame>, title: string | null): { top: string[]; bottom: string[] } {
  const pub = agency.short[0];
  const d = f.published_on;
  const top = [
    '当前位置: 首页',
    `> 政务公开 > ${agency.level === 'township' ? '乡镇街道' : '部门信息公开'} > ${pub} > 政府信息公开年报`,
    `索 引 号 ${rng.int(10000000, 99999999)}${rng.int(1000000000, 9999999999)}XW/${d.slice(0, 4)}-${rng.int(100000, 999999)} 公开方式 主动公开`,
    `成文日期 ${d} 发布机构 ${pub}`,
    '组配分类 政府信息公开年报',
    '',
  ];
  if (title) top.push(title, '');
  top.push(`发布日期: ${d} 访问次数:`, '', '点击查看解读', '');
  const bottom = ['', `信息来源: ${pub}`, '', '【打印本页】 【关闭本页】'];
  return { top, bottom };
}

function notPrinted(form: Template): AppRow[] {
  return form === '2021' ? ['other_total'] : [...APP_GROUPS.other];
}

export function buildReport(rng: Rng, spec: ReportSpec): SynthReport {
  const { agency, year, values } = spec;
  const template = values.template;
  const layout = spec.layout ?? rng.weighted<LayoutName>([
    ['lines', 25], ['pipe', 20], ['pipecell', 15], ['tabs', 20], ['html', 12], ['crawl', 20], ['pdftext', 16], ['markdown', 8], ['cms', 10],
  ]);
  const real = isReal(layout);
  const pdf = layout === 'tabs';
  const fromPdf = layout === 'pdftext' || layout === 'markdown';
  const web = real ? false : spec.web ?? (layout !== 'tabs' && rng.chance(0.25));
  const encoding = spec.encoding ?? (real ? realEncoding(rng, layout) : layout === 'html'
    ? rng.weighted<Encoding>([['utf-8', 6], ['gb18030', 3], ['utf-8-bom', 1]])
    : rng.weighted<Encoding>([['utf-8', 55], ['utf-8-bom', 10], ['gb18030', 22], ['utf-16le', 13]]));
  const crlf = spec.crlf ?? (layout === 'crawl' ? false : rng.chance(0.2));

  const fullwidth = pdf || real ? rng.chance(0.8) : rng.chance(0.15);
  const style: TableStyle = {
    fullwidth,
    normDocLabel: rng.chance(0.6) ? '行政规范性文件' : '规范性文件',
    socialLabel: (pdf || fromPdf) && rng.chance(0.7) ? '社会组织' : '社会公益组织',
    noTotalColumn: (pdf || layout === 'pdftext') && rng.chance(0.25),
    strayArticleSpace: rng.chance(0.1),
    spacedHeaders: (layout === 'pipe' || pdf) && rng.chance(0.6),
    longPartialLabel: rng.chance(0.8),
    amountUnit: rng.chance(0.1),
    labelSpaces: !pdf && rng.chance(0.1),
  };
  // a 2021 report whose application table kept the 2019 (六)其他处理 row
  if (real && template === '2021' && rng.chance(0.1)) style.appsForm = '2019';
  const form = style.appsForm ?? template;
  const active = activeTable(values, style);
  const apps = appsTable(values, style);
  const reviews = reviewsTable(values, style);

  const traps = spec.traps ?? pickTraps(rng, layout, template);
  const tr = applyTraps(rng, traps, active, apps, reviews);
  const overrides = tr.overrides;
  if (style.noTotalColumn) {
    for (const r of apps.rows.slice(3, 7)) if (!r.cells.some((c) => c.key?.endsWith('.total'))) overrides.set(`p.${r.id}.total`, { value: null });
  }
  const layoutTraps: string[] = form !== template ? ['mixed_form'] : [];
  if (layout === 'crawl' && !tr.noTables) layoutTraps.push(...planCrawl(rng, { active, apps, reviews }, values, overrides, form));
  // Some converters (MinerU) write each table as one line of HTML, not as markdown rows.
  const htmlTables = layout === 'markdown' && rng.chance(0.3);
  // Others (docling) write each table as one grid, a merged cell's text in every position it covers.
  const spanCopies = layout === 'markdown' && !htmlTables && rng.chance(0.25);
  if (htmlTables) layoutTraps.push('html_tables');
  else if (spanCopies) layoutTraps.push('span_copies');
  else if (layout === 'markdown' && !tr.noTables) layoutTraps.push(...planMarkdown(rng, apps));

  const n: NarrativeOpts = {
    year, fullwidth, spacedYear: pdf || layout === 'pdftext' ? rng.chance(0.7) : rng.chance(0.15), title: !(layout === 'pipe' && rng.chance(0.35)),
  };
  const f = frame(rng, agency, n, pdf || layout === 'pdftext');
  let page: Page | null = null;
  if (real) {
    const t = realTitle(rng, agency, year, f.title);
    f.title = t.title;
    layoutTraps.push(...t.traps);
    if (layout === 'crawl' || layout === 'cms') page = makePage(rng, agency, f.published_on);
    if (page?.publisherWrong) layoutTraps.push('publisher_wrong');
  }
  const facts: Facts = [];
  const blocks: Block[] = [];
  const ch = web ? chrome(rng, agency, f, f.title) : null;
  if (ch) blocks.push({ t: 'raw', lines: ch.top });
  if (f.title) blocks.push({ t: 'title', text: f.title });
  if (layoutTraps.includes('covering_letter')) blocks.push({ t: 'p', text: `${agency.county ?? agency.city}人民政府办公室：` });
  if (layout === 'pipecell' && rng.chance(0.6)) {
    blocks.push({ t: 'meta', rows: [['索 引 号', '主题分类'], ['发布机构', '发布日期', f.headerDate.slice(0, 16)], ['名 称'], ['文 号', '〔〕号', '有 效 性'], ['来 源']] });
  } else if (f.dateInHeader && !web && !real) {
    blocks.push({ t: 'meta', rows: [['发文日期', f.headerDate]] });
  }
  for (const p of preamble(rng, agency, n)) blocks.push({ t: 'p', text: p });
  const received = values.apps.new_received.total;
  blocks.push({ t: 'h', text: sectionHeading(rng, 1, n) }, ...section1(rng, agency, n, received, facts));
  blocks.push({ t: 'h', text: sectionHeading(rng, 2, n) }, ...section2Intro(rng, n));
  const pic = { t: 'p' as const, text: '（图片版）详见下图。' };
  blocks.push(tr.noTables ? pic : { t: 'table', model: active });
  blocks.push({ t: 'h', text: sectionHeading(rng, 3, n) }, ...section3Intro(rng, n, received, values.apps.carried_forward.total, facts));
  blocks.push(tr.noTables ? pic : { t: 'table', model: apps });
  const rv = values.reviews;
  blocks.push({ t: 'h', text: sectionHeading(rng, 4, n) }, ...section4Intro(rng, n, rv.review.total, rv.suit_direct.total + rv.suit_after_review.total, facts));
  blocks.push(tr.noTables ? pic : { t: 'table', model: reviews });
  blocks.push({ t: 'h', text: sectionHeading(rng, 5, n) }, ...section5(rng, agency, n));
  blocks.push({ t: 'h', text: sectionHeading(rng, 6, n) }, ...section6(rng, n));
  const indent = layout === 'lines' ? ' '.repeat(rng.chance(0.5) ? 53 : 0) : '';
  if (real) {
    if (rng.chance(0.85)) blocks.push({ t: 'sign', lines: [agency.name, signDate(rng, f.published_on, n.spacedYear)] });
    else layoutTraps.push('no_signature');
  } else {
    blocks.push({ t: 'sign', lines: f.dateInHeader && !web ? [indent + agency.name] : [indent + agency.name, indent + f.dateText] });
  }
  if (ch) blocks.push({ t: 'raw', lines: ch.bottom });
  if (real) layoutTraps.push(...applyVariants(rng, [active, apps, reviews], blocks, layout === 'crawl' ? 0.15 : 0.08));
  const doc: Doc = { blocks };

  // which cells the print singles out, where cells may run together, vanish or move
  let damaged = tr.damaged || style.noTotalColumn;
  if (!tr.noTables && (real || traps.includes('run_together'))) {
    const t = { active, apps, reviews };
    const fam = layout === 'crawl' ? 'crawl' : layout === 'pdftext' ? 'text' : 'cells';
    try {
      damaged = settleTables(fam, t, form, values, overrides, facts, layout === 'crawl' ? () => respace(t) : undefined) || damaged;
    } catch (e) {
      // Say which report, layout and traps: a generator bug is found from them.
      throw new Error(`${spec.name} (${layout}; traps ${[...traps, ...layoutTraps].join(', ') || 'none'}): ${(e as Error).message}`);
    }
  }

  let out: Out;
  switch (layout) {
    case 'lines': out = renderLines(doc, { blank: rng.chance(0.8), splitHeads: web || rng.chance(0.2) }, rng); break;
    case 'pipe': out = renderPipe(doc, rng); break;
    case 'pipecell': out = renderPipeCell(doc); break;
    case 'tabs': out = renderTabs(doc, { breakLabels: rng.chance(0.7), spaceLabels: rng.chance(0.7), pageBreak: rng.chance(0.6) }, rng); break;
    case 'html': out = renderHtml(doc, { charset: encoding === 'gb18030' ? rng.pick(['gb18030', 'gbk', 'gb2312']) : 'utf-8', tdPerLine: rng.chance(0.5), wrapNumbers: rng.chance(0.3) }, rng); break;
    default: out = renderReal(layout, doc, { agency, year, title: f.title!, page, encoding, htmlTables, spanCopies }, rng); break;
  }
  const file = spec.name + (EXT[layout] ?? '.txt');
  const tv = (key: string, v: number | undefined): TruthValue => {
    const o = overrides.get(key);
    if (o?.open) return { value: null, line: null, open: true, ...(o.actual === undefined ? {} : { actual: o.actual }) };
    if (o?.zero_ok) return { value: null, line: out.keyLine.get(key) ?? null, zero_ok: true };
    if (o) return { value: null, line: null, ...(o.actual === undefined ? {} : { actual: o.actual }) };
    return { value: v ?? null, line: out.keyLine.get(key) ?? null };
  };
  const np = notPrinted(form);
  const truth: Truth = {
    file, layout, web_chrome: web, encoding, crlf, traps, damaged,
    expect_status: tr.noTables ? 'failed' : null,
    agency: agency.name, agency_kind: agency.kind, year, template, level: agency.level, scope: agency.scope,
    province: agency.province, city: agency.city, county: agency.county, township: agency.township,
    region_code: agency.region_code, region_unique: agency.region_unique, published_on: f.published_on, title: f.title,
    active_disclosure: [...values.active].map(([k, v]) => {
      const [item, metric] = k.split('.') as [never, never];
      return { item, metric, ...tv(`a.${k}`, v) };
    }),
    applications: APP_ROW_CODES.filter((r) => !np.includes(r)).flatMap((row) =>
      APPLICANT_CODES.map((applicant) => ({ row, applicant, ...tv(`p.${row}.${applicant}`, values.apps[row][applicant]) }))),
    reviews: (['review', 'suit_direct', 'suit_after_review'] as const).flatMap((proceeding) =>
      (['upheld', 'corrected', 'other', 'pending', 'total'] as const).map((outcome) => ({ proceeding, outcome, ...tv(`r.${proceeding}.${outcome}`, values.reviews[proceeding][outcome]) }))),
    not_printed: np,
    ...(real ? { layout_traps: layoutTraps, source_url: page?.url ?? null } : {}),
  };
  return { file, bytes: encode(out.lines, encoding, crlf, layout !== 'crawl'), truth, text: out.lines, doc };
}
