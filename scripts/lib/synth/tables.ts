/**
 * The three tables as printed grids (rows of cells), before any layout
 * flattens them. Value cells carry a truth key:
 *   a.<item>.<metric> · p.<row>.<applicant> · r.<proceeding>.<outcome>
 */
import { APPLICANT_PARTS, APPLICANT_CODES, type AppRow, type Template } from '../../../src/lib/schema.ts';
import type { Values } from './values.ts';

export type CellKind = 'title' | 'head' | 'group' | 'label' | 'num';
export interface Cell {
  t: string;
  kind: CellKind;
  key?: string;
  /** Row span (group labels) and column span (titles, merged headers), for HTML and PDF placement. */
  rows?: number;
  cols?: number;
}
export interface Row {
  cells: Cell[];
  /** Application row code, or `head`, `title`, an Article 20 item. */
  id: string;
  /** Keys of the cells a `run_together` trap merged into one. */
  runKeys?: string[];
  /** Crawl: the row's numbers exactly as printed after its label (`0 0 0 0 0 00`). */
  print?: string;
  /** Crawl: key of the cell the page lost (the row prints one number fewer). */
  lost?: string;
  /** Markdown: index (among the row's value cells) of the one printed on a line of its own. */
  stray?: number;
  /** Markdown: the row's label printed as a line of its own above its table. */
  labelOut?: boolean;
}
export interface TableModel {
  id: 'active' | 'apps' | 'reviews';
  rows: Row[];
  /** Column count of the widest row. */
  width: number;
}

export interface TableStyle {
  fullwidth: boolean;
  normDocLabel: '行政规范性文件' | '规范性文件';
  socialLabel: '社会公益组织' | '社会组织';
  /** Header without the 总计 column; the first four rows print only the six applicant numbers. */
  noTotalColumn: boolean;
  /** `第二十 条` */
  strayArticleSpace: boolean;
  /** `商业 企业`, `结果 维持` */
  spacedHeaders: boolean;
  longPartialLabel: boolean;
  /** Amount formatting: `1087.31` or `1087.31万元` (fee), `513555.45元` (procurement). */
  amountUnit: boolean;
  /** A space inside some row labels, where the page wrapped them (`其他法律行政法规禁 止公开`). */
  labelSpaces: boolean;
  /** The application table's (六) form when it differs from the Article 20 table's (a 2021 report with the 2019 row). */
  appsForm?: Template;
}

export const fw = (s: string, on: boolean) =>
  on ? s.replace(/\(/g, '（').replace(/\)/g, '）').replace(/:/g, '：').replace(/,/g, '，') : s;

export function fmtNumber(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(2).replace(/0$/, '').replace(/\.$/, '');
}

function num(key: string, v: number | undefined): Cell {
  return { t: v === undefined ? '' : fmtNumber(v), kind: 'num', key };
}
const head = (t: string, cols?: number): Cell => ({ t, kind: 'head', cols });
const label = (t: string): Cell => ({ t, kind: 'label' });

function article(n: string, s: TableStyle, width: number): Row {
  const t = `第二十${s.strayArticleSpace ? ' ' : ''}条第(${n})项`;
  return { id: 'title', cells: [{ t: fw(t, s.fullwidth), kind: 'title', cols: width }] };
}

export function activeTable(v: Values, s: TableStyle): TableModel {
  const rows: Row[] = [];
  const a = (item: string, metric: string) => num(`a.${item}.${metric}`, v.active.get(`${item}.${metric}`));
  // 收费金额 is in 万元 by the template; 采购总金额 has no unit in the header, a cell may say 元
  const amt = (item: string, metric: string) => {
    const c = a(item, metric);
    if (s.amountUnit && c.t !== '' && c.t !== '0') c.t += metric === 'fee_amount' ? '万元' : '元';
    return c;
  };
  if (v.template === '2021') {
    rows.push(article('一', s, 4));
    rows.push({ id: 'head', cells: [head('信息内容'), head('本年制发件数'), head('本年废止件数'), head('现行有效件数')] });
    rows.push({ id: 'regulation', cells: [label('规章'), a('regulation', 'issued'), a('regulation', 'repealed'), a('regulation', 'in_force')] });
    rows.push({ id: 'normative_document', cells: [label(s.normDocLabel), a('normative_document', 'issued'), a('normative_document', 'repealed'), a('normative_document', 'in_force')] });
    rows.push(article('五', s, 4));
    rows.push({ id: 'head', cells: [head('信息内容'), head('本年处理决定数量')] });
    rows.push({ id: 'license', cells: [label('行政许可'), a('license', 'decisions')] });
    rows.push(article('六', s, 4));
    rows.push({ id: 'head', cells: [head('信息内容'), head('本年处理决定数量')] });
    rows.push({ id: 'punishment', cells: [label('行政处罚'), a('punishment', 'decisions')] });
    rows.push({ id: 'coercion', cells: [label('行政强制'), a('coercion', 'decisions')] });
    rows.push(article('八', s, 4));
    rows.push({ id: 'head', cells: [head('信息内容'), head(fw('本年收费金额(单位:万元)', s.fullwidth))] });
    rows.push({ id: 'fee', cells: [label('行政事业性收费'), amt('fee', 'fee_amount')] });
  } else {
    rows.push(article('一', s, 4));
    rows.push({ id: 'head', cells: [head('信息内容'), head('本年新制作数量'), head('本年新公开数量'), head('对外公开总数量')] });
    rows.push({ id: 'regulation', cells: [label('规章'), a('regulation', 'made'), a('regulation', 'published'), a('regulation', 'published_total')] });
    rows.push({ id: 'normative_document', cells: [label('规范性文件'), a('normative_document', 'made'), a('normative_document', 'published'), a('normative_document', 'published_total')] });
    const trio = (item: string, lbl: string): Row => ({ id: item, cells: [label(lbl), a(item, 'prior_count'), a(item, 'change'), a(item, 'decisions')] });
    rows.push(article('五', s, 4));
    rows.push({ id: 'head', cells: [head('信息内容'), head('上一年项目数量'), head('本年增/减'), head('处理决定数量')] });
    rows.push(trio('license', '行政许可'));
    rows.push(trio('other_service', '其他对外管理服务事项'));
    rows.push(article('六', s, 4));
    rows.push({ id: 'head', cells: [head('信息内容'), head('上一年项目数量'), head('本年增/减'), head('处理决定数量')] });
    rows.push(trio('punishment', '行政处罚'));
    rows.push(trio('coercion', '行政强制'));
    rows.push(article('八', s, 4));
    rows.push({ id: 'head', cells: [head('信息内容'), head('上一年项目数量'), head('本年增/减')] });
    rows.push({ id: 'fee', cells: [label('行政事业性收费'), a('fee', 'prior_count'), a('fee', 'change')] });
    rows.push(article('九', s, 4));
    rows.push({ id: 'head', cells: [head('信息内容'), head('采购项目数量'), head('采购总金额')] });
    rows.push({ id: 'procurement', cells: [label('政府集中采购'), a('procurement', 'procurement_projects'), amt('procurement', 'procurement_amount')] });
  }
  return { id: 'active', rows, width: 4 };
}

interface AppLine { row: AppRow; label: string; top?: string; sub?: string; topSpan?: number; subSpan?: number }

export function appLines(template: Template, s: TableStyle): AppLine[] {
  const L: AppLine[] = [
    { row: 'new_received', label: '一、本年新收政府信息公开申请数量' },
    { row: 'carried_over', label: '二、上年结转政府信息公开申请数量' },
    { row: 'granted', label: '(一)予以公开', top: '三、本年度办理结果' },
    { row: 'partially_granted', label: s.longPartialLabel ? '(二)部分公开(区分处理的,只计这一情形,不计其他情形)' : '(二)部分公开' },
    { row: 'withheld_state_secret', label: '1.属于国家秘密', sub: '(三)不予公开', subSpan: 8 },
    { row: 'withheld_law', label: '2.其他法律行政法规禁止公开' },
    { row: 'withheld_security', label: '3.危及“三安全一稳定”' },
    { row: 'withheld_third_party', label: '4.保护第三方合法权益' },
    { row: 'withheld_internal', label: '5.属于三类内部事务信息' },
    { row: 'withheld_process', label: '6.属于四类过程性信息' },
    { row: 'withheld_enforcement', label: '7.属于行政执法案卷' },
    { row: 'withheld_query', label: '8.属于行政查询事项' },
    { row: 'unavailable_not_held', label: '1.本机关不掌握相关政府信息', sub: '(四)无法提供', subSpan: 3 },
    { row: 'unavailable_need_create', label: '2.没有现成信息需要另行制作' },
    { row: 'unavailable_unclear', label: '3.补正后申请内容仍不明确' },
    { row: 'rejected_complaint', label: '1.信访举报投诉类申请', sub: '(五)不予处理', subSpan: 5 },
    { row: 'rejected_duplicate', label: '2.重复申请' },
    { row: 'rejected_publication', label: '3.要求提供公开出版物' },
    { row: 'rejected_excessive', label: '4.无正当理由大量反复申请' },
    { row: 'rejected_confirm', label: '5.要求行政机关确认或重新出具已获取信息' },
  ];
  if (template === '2021') {
    L.push(
      { row: 'other_overdue_correction', label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', sub: '(六)其他处理', subSpan: 3 },
      { row: 'other_overdue_fee', label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请' },
      { row: 'other_other', label: '3.其他' },
    );
  } else {
    L.push({ row: 'other_total', label: '(六)其他处理' });
  }
  L.push({ row: 'total_handled', label: '(七)总计' }, { row: 'carried_forward', label: '四、结转下年度继续办理' });
  L[2].topSpan = L.length - 3;
  for (const l of L) {
    l.label = fw(l.label, s.fullwidth);
    if (s.labelSpaces && l.label.length > 10 && l.label.length < 24) l.label = l.label.slice(0, 9) + ' ' + l.label.slice(9);
    if (l.sub) l.sub = fw(l.sub, s.fullwidth);
  }
  return L;
}

export function appsTable(v: Values, s: TableStyle): TableModel {
  const rows: Row[] = [];
  const note = fw('(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)', s.fullwidth);
  const sp = (x: string) => (s.spacedHeaders && x.length === 4 ? x.slice(0, 2) + ' ' + x.slice(2) : x);
  rows.push({ id: 'head', cells: [head(note), head('申请人情况', 7)] });
  rows.push({ id: 'head', cells: s.noTotalColumn ? [head('自然人'), head('法人或其他组织', 5)] : [head('自然人'), head('法人或其他组织', 5), head('总计')] });
  rows.push({ id: 'head', cells: [head(sp('商业企业')), head(sp('科研机构')), head(s.socialLabel), head('法律服务机构'), head('其他')] });
  const lines = appLines(s.appsForm ?? v.template, s);
  lines.forEach((l, i) => {
    const cells: Cell[] = [];
    if (l.top) cells.push({ t: l.top, kind: 'group', rows: l.topSpan });
    if (l.sub) cells.push({ t: l.sub, kind: 'group', rows: l.subSpan });
    cells.push(label(l.label));
    const cols = s.noTotalColumn && i < 4 ? APPLICANT_PARTS : APPLICANT_CODES;
    for (const a of cols) cells.push(num(`p.${l.row}.${a}`, v.apps[l.row][a]));
    rows.push({ id: l.row, cells });
  });
  return { id: 'apps', rows, width: 10 };
}

export function reviewsTable(v: Values, s: TableStyle): TableModel {
  const o = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  const sp = (x: string) => (s.spacedHeaders && x.length === 4 ? x.slice(0, 2) + ' ' + x.slice(2) : x);
  const rows: Row[] = [
    { id: 'head', cells: [head('行政复议', 5), head('行政诉讼', 10)] },
    { id: 'head', cells: [...o.map((x) => head(sp(x))), head('未经复议直接起诉', 5), head('复议后起诉', 5)] },
    { id: 'head', cells: [...o, ...o].map((x) => head(sp(x))) },
  ];
  const cells: Cell[] = [];
  for (const p of ['review', 'suit_direct', 'suit_after_review'] as const) {
    for (const oc of ['upheld', 'corrected', 'other', 'pending', 'total'] as const) {
      cells.push(num(`r.${p}.${oc}`, v.reviews[p][oc]));
    }
  }
  rows.push({ id: 'values', cells });
  return { id: 'reviews', rows, width: 15 };
}
