/**
 * The three official tables of a report, re-drawn as the State Council form
 * prints them (merged header cells, row labels as printed), as HTML strings.
 *
 * Built as strings rather than one Astro component per cell: an agency page
 * holds hundreds of cells per year and a 50,000-report build renders millions.
 * Every number links to the source line it was read from (`prefix` + line:
 * `#L` on the report page, which holds the source text; `2024/#L` from the
 * agency page; relative, so it holds under any base path); an unprinted cell
 * reads 未填报; a cell involved in a failed check is highlighted, carries the
 * check's detail as its title and points (aria-describedby) at the check list.
 */
import { CHECKS, type CheckCode } from '../schema.ts';
import type { ReportView } from './types.ts';
import { activeKey, appKey, reviewKey } from './check-cells.ts';
import { NOT_REPORTED, plain } from './format.ts';

export function esc(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** Id of the list item describing a failed check, for aria-describedby. */
export const checkId = (reportId: string, code: CheckCode) => `chk-${reportId}-${code}`;

interface Cell { value: number | null; line: number | null; col?: number | null }

/**
 * One cell. `src` is the link to the report's source text up to the line
 * number. `</td>` is optional in HTML and left out, and simple attribute
 * values go unquoted (see `compact`): tables are most of a page's bytes and
 * the site holds one per report.
 */
function cellHtml(src: string, r: ReportView, key: string, cell: Cell | undefined, attrs = ''): string {
  const flags = r.flags[key];
  const missing = cell === undefined || cell.value === null;
  const cls = [missing ? 'nr' : '', flags?.length ? 'flag' : ''].filter(Boolean).join(' ');
  let extra = cls ? ` class="${cls}"${attrs}` : attrs;
  if (flags?.length) {
    // The check's detail when short; a long one (e.g. a list of every unprinted
    // cell) is given once, in the check list this cell points to.
    const details = flags.map((f) => {
      const d = r.checks.find((c) => c.check === f && !c.passed)?.detail;
      return d && d.length <= 80 ? d : `${CHECKS[f]}(详见检查列表)`;
    });
    extra += ` title="${esc('检查未通过:' + details.join(';'))}" aria-describedby="${flags.map((f) => checkId(r.report_id, f)).join(' ')}"`;
  }
  if (missing) return `<td${extra}>${NOT_REPORTED}`;
  const text = plain(cell.value);
  return cell.line ? `<td${extra}><a href=${src}${cell.line}${cell.col ? `c${cell.col}` : ''}>${text}</a>` : `<td${extra}>${text}`;
}

/** Attribute values made only of [A-Za-z0-9#/-] need no quotes in HTML. */
export const compact = (html: string) => html.replace(/="([A-Za-z0-9#/-]+)"/g, '=$1');

// ---------------------------------------------------------------------------
// 二、主动公开政府信息情况

type Block = { article: string; header: string[]; rows: [string, string][]; metrics: string[] };

const ACTIVE_2021: Block[] = [
  { article: '第二十条第(一)项', header: ['本年制发件数', '本年废止件数', '现行有效件数'], metrics: ['issued', 'repealed', 'in_force'],
    rows: [['regulation', '规章'], ['normative_document', '行政规范性文件']] },
  { article: '第二十条第(五)项', header: ['本年处理决定数量'], metrics: ['decisions'], rows: [['license', '行政许可']] },
  { article: '第二十条第(六)项', header: ['本年处理决定数量'], metrics: ['decisions'], rows: [['punishment', '行政处罚'], ['coercion', '行政强制']] },
  { article: '第二十条第(八)项', header: ['本年收费金额(单位:万元)'], metrics: ['fee_amount'], rows: [['fee', '行政事业性收费']] },
];

const ACTIVE_2019: Block[] = [
  { article: '第二十条第(一)项', header: ['本年新制作数量', '本年新公开数量', '对外公开总数量'], metrics: ['made', 'published', 'published_total'],
    rows: [['regulation', '规章'], ['normative_document', '规范性文件']] },
  { article: '第二十条第(五)项', header: ['上一年项目数量', '本年增/减', '处理决定数量'], metrics: ['prior_count', 'change', 'decisions'],
    rows: [['license', '行政许可'], ['other_service', '其他对外管理服务事项']] },
  { article: '第二十条第(六)项', header: ['上一年项目数量', '本年增/减', '处理决定数量'], metrics: ['prior_count', 'change', 'decisions'],
    rows: [['punishment', '行政处罚'], ['coercion', '行政强制']] },
  { article: '第二十条第(八)项', header: ['上一年项目数量', '本年增/减'], metrics: ['prior_count', 'change'], rows: [['fee', '行政事业性收费']] },
  { article: '第二十条第(九)项', header: ['采购项目数量', '采购总金额'], metrics: ['procurement_projects', 'procurement_amount'],
    rows: [['procurement', '政府集中采购']] },
];

export function activeTable(r: ReportView, src = '#L'): string {
  const cells = new Map(r.active_disclosure.map((c) => [activeKey(c.item, c.metric), c]));
  const blocks = r.template === '2019' ? ACTIVE_2019 : ACTIVE_2021;
  const out: string[] = [`<table class="form"><caption>主动公开政府信息情况(${r.template === '2019' ? '2019 年版表格' : '2021 年版表格'})</caption><tbody>`];
  for (const b of blocks) {
    out.push(`<tr><th colspan="4" scope="colgroup" class="sec">${b.article}</th></tr>`);
    const span = 3 / b.header.length;
    out.push(`<tr><th scope="col">信息内容</th>${b.header.map((h, i) => `<th scope="col"${spanAttr(b.header.length, i)}>${h}</th>`).join('')}</tr>`);
    for (const [item, label] of b.rows) {
      out.push(`<tr><th scope="row">${label}</th>`);
      b.metrics.forEach((m, i) => {
        const key = activeKey(item, m);
        out.push(cellHtml(src, r, key, cells.get(key), span === 1 ? '' : spanAttr(b.header.length, i)));
      });
      out.push('</tr>');
    }
  }
  out.push('</tbody></table>');
  return compact(out.join(''));
}

/** Fill three value columns with 1, 2 or 3 cells as the form does. */
function spanAttr(n: number, i: number): string {
  if (n === 3) return '';
  if (n === 1) return ' colspan="3"';
  return i === 1 ? ' colspan="2"' : '';
}

// ---------------------------------------------------------------------------
// 三、收到和处理政府信息公开申请情况

const APPLICANT_ORDER = ['natural_person', 'commercial', 'research', 'social_org', 'legal_service', 'other_org', 'total'];

const SUB = {
  withheld: [
    ['withheld_state_secret', '1.属于国家秘密'], ['withheld_law', '2.其他法律行政法规禁止公开'],
    ['withheld_security', '3.危及“三安全一稳定”'], ['withheld_third_party', '4.保护第三方合法权益'],
    ['withheld_internal', '5.属于三类内部事务信息'], ['withheld_process', '6.属于四类过程性信息'],
    ['withheld_enforcement', '7.属于行政执法案卷'], ['withheld_query', '8.属于行政查询事项'],
  ],
  unavailable: [
    ['unavailable_not_held', '1.本机关不掌握相关政府信息'], ['unavailable_need_create', '2.没有现成信息需要另行制作'],
    ['unavailable_unclear', '3.补正后申请内容仍不明确'],
  ],
  rejected: [
    ['rejected_complaint', '1.信访举报投诉类申请'], ['rejected_duplicate', '2.重复申请'], ['rejected_publication', '3.要求提供公开出版物'],
    ['rejected_excessive', '4.无正当理由大量反复申请'], ['rejected_confirm', '5.要求行政机关确认或重新出具已获取信息'],
  ],
  other: [
    ['other_overdue_correction', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
    ['other_overdue_fee', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
    ['other_other', '3.其他'],
  ],
} as const;

export function applicationTable(r: ReportView, src = '#L'): string {
  const cells = new Map(r.applications.map((c) => [appKey(c.row, c.applicant), c]));
  const has = (row: string) => APPLICANT_ORDER.some((a) => cells.has(appKey(row, a)));
  const oneOtherRow = has('other_total') || (r.template === '2019' && !SUB.other.some(([row]) => has(row)));
  const otherSubs = !oneOtherRow || SUB.other.some(([row]) => has(row));
  const values = (row: string) => APPLICANT_ORDER.map((a) => cellHtml(src, r, appKey(row, a), cells.get(appKey(row, a)))).join('');
  const out: string[] = [
    '<table class="form app"><caption>收到和处理政府信息公开申请情况</caption><thead>',
    '<tr><th colspan="3" rowspan="3" scope="col">(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)</th><th colspan="7" scope="colgroup">申请人情况</th></tr>',
    '<tr><th rowspan="2" scope="col">自然人</th><th colspan="5" scope="colgroup">法人或其他组织</th><th rowspan="2" scope="col">总计</th></tr>',
    '<tr><th scope="col">商业企业</th><th scope="col">科研机构</th><th scope="col">社会公益组织</th><th scope="col">法律服务机构</th><th scope="col">其他</th></tr>',
    '</thead><tbody>',
    `<tr><th colspan="3" scope="row">一、本年新收政府信息公开申请数量</th>${values('new_received')}</tr>`,
    `<tr><th colspan="3" scope="row">二、上年结转政府信息公开申请数量</th>${values('carried_over')}</tr>`,
  ];
  const resultRows = 2 + 8 + 3 + 5 + (oneOtherRow ? 1 : 0) + (otherSubs ? 3 : 0) + 1;
  out.push(`<tr><th rowspan="${resultRows}" scope="rowgroup" class="g1">三、本年度办理结果</th><th colspan="2" scope="row">(一)予以公开</th>${values('granted')}</tr>`);
  out.push(`<tr><th colspan="2" scope="row">(二)部分公开(区分处理的,只计这一情形,不计其他情形)</th>${values('partially_granted')}</tr>`);
  const group = (title: string, rows: readonly (readonly [string, string])[]) => {
    rows.forEach(([row, label], i) => {
      const head = i === 0 ? `<th rowspan="${rows.length}" scope="rowgroup">${title}</th>` : '';
      out.push(`<tr>${head}<th scope="row">${label}</th>${values(row)}</tr>`);
    });
  };
  group('(三)不予公开', SUB.withheld);
  group('(四)无法提供', SUB.unavailable);
  group('(五)不予处理', SUB.rejected);
  if (oneOtherRow) out.push(`<tr><th colspan="2" scope="row">(六)其他处理</th>${values('other_total')}</tr>`);
  if (otherSubs) group(oneOtherRow ? '(六)其他处理(分项)' : '(六)其他处理', SUB.other);
  out.push(`<tr><th colspan="2" scope="row">(七)总计</th>${values('total_handled')}</tr>`);
  out.push(`<tr><th colspan="3" scope="row">四、结转下年度继续办理</th>${values('carried_forward')}</tr>`);
  out.push('</tbody></table>');
  return compact(out.join(''));
}

// ---------------------------------------------------------------------------
// 四、政府信息公开行政复议、行政诉讼情况

const OUTCOME_LABELS: [string, string][] = [['upheld', '结果维持'], ['corrected', '结果纠正'], ['other', '其他结果'], ['pending', '尚未审结'], ['total', '总计']];

export function reviewTable(r: ReportView, src = '#L'): string {
  const cells = new Map(r.reviews.map((c) => [reviewKey(c.proceeding, c.outcome), c]));
  const labels = OUTCOME_LABELS.map(([, l]) => `<th scope="col">${l}</th>`).join('');
  const out = [
    '<table class="form"><caption>政府信息公开行政复议、行政诉讼情况</caption><thead>',
    '<tr><th colspan="5" scope="colgroup">行政复议</th><th colspan="10" scope="colgroup">行政诉讼</th></tr>',
    `<tr>${OUTCOME_LABELS.map(([, l]) => `<th rowspan="2" scope="col">${l}</th>`).join('')}<th colspan="5" scope="colgroup">未经复议直接起诉</th><th colspan="5" scope="colgroup">复议后起诉</th></tr>`,
    `<tr>${labels}${labels}</tr>`,
    '</thead><tbody><tr>',
  ];
  for (const p of ['review', 'suit_direct', 'suit_after_review']) {
    for (const [o] of OUTCOME_LABELS) out.push(cellHtml(src, r, reviewKey(p, o), cells.get(reviewKey(p, o))));
  }
  out.push('</tr></tbody></table>');
  return compact(out.join(''));
}

const PROCEEDINGS: [string, string][] = [['review', '行政复议'], ['suit_direct', '行政诉讼:未经复议直接起诉'], ['suit_after_review', '行政诉讼:复议后起诉']];

/**
 * The same fifteen cells turned a quarter (a row per outcome, a column per
 * proceeding), for a narrow screen, where the form's one row of fifteen does
 * not fit: site.css shows it instead of `reviewTable` below 700 px.
 */
export function reviewTableNarrow(r: ReportView, src = '#L'): string {
  const cells = new Map(r.reviews.map((c) => [reviewKey(c.proceeding, c.outcome), c]));
  const out = [
    '<table class="form narrow-only"><caption>政府信息公开行政复议、行政诉讼情况</caption><thead><tr><th scope="col">结果</th>',
    ...PROCEEDINGS.map(([, l]) => `<th scope="col">${l}</th>`),
    '</tr></thead><tbody>',
  ];
  for (const [o, label] of OUTCOME_LABELS) {
    out.push(`<tr><th scope="row">${label}</th>`);
    for (const [p] of PROCEEDINGS) out.push(cellHtml(src, r, reviewKey(p, o), cells.get(reviewKey(p, o))));
    out.push('</tr>');
  }
  out.push('</tbody></table>');
  return compact(out.join(''));
}
