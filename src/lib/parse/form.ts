/**
 * The prescribed form, described once as data: each table's rows in printed
 * order, with the keys that find their labels in real reports (variants and
 * typos included), the cells each row prints, what a cell may hold, and the
 * arithmetic that ties cells together. Readers align this description with a
 * report's text; nothing here depends on a layout.
 */
import type { Applicant, AppRow, Item, Metric, Outcome, Proceeding, Template } from '../schema.ts';
import { mapArray } from './map-array.ts';

/** What a cell may hold. */
export interface CellRule {
  /** A decimal point is allowed (amounts). */
  decimal?: boolean;
  /** A sign is allowed (`本年增/减`). */
  signed?: boolean;
}

export const COUNT: CellRule = {};
export const AMOUNT: CellRule = { decimal: true };
export const CHANGE: CellRule = { signed: true };

/** A row of a table: its code, its printed label and the keys that find it. */
export interface RowSpec<C extends string> {
  code: C;
  /** The label as the template prints it, without its numbering. */
  label: string;
  /** Keys on the compacted text (no spaces); the first match at a place wins. */
  keys: RegExp[];
}

const CJK = '\\u4e00-\\u9fff';

/**
 * Add to each row a key for the beginning of its printed label — the
 * shortest prefix of at least four characters no other label starts with —
 * so that a label wrapped around its numbers (`5.要求行政机关确认或 0 0 …
 * 重新出具已获取信息`) is found where it begins.
 */
function withPrefixes<C extends string>(rows: RowSpec<C>[]): RowSpec<C>[] {
  const labels = mapArray(rows, (r) => r.label.replace(/\(.*$/, ''));
  return mapArray(rows, (r, i) => {
    const l = labels[i];
    for (let n = 4; n <= l.length; n++) {
      const p = l.slice(0, n);
      if (labels.every((o, j) => j === i || !o.startsWith(p))) {
        const esc = p.replace(/[.*+?^${}()|[\]\\"]/g, '\\$&');
        return { ...r, keys: [new RegExp(esc), ...r.keys] };
      }
    }
    return r;
  });
}

// ---------------------------------------------------------------------------
// 收到和处理政府信息公开申请情况

/** Rows in printed order. `other_total` is the 2019 form's single (六) row, and the 2021 form's group label. */
export const APP_ROWS_SPEC: RowSpec<AppRow>[] = withPrefixes([
  { code: 'new_received', label: '本年新收政府信息公开申请数量', keys: [/本年新收/, /新收政府信息公开申请/] },
  { code: 'carried_over', label: '上年结转政府信息公开申请数量', keys: [/上年结转/, /上年度结转/] },
  { code: 'granted', label: '予以公开', keys: [/予以公开/] },
  { code: 'partially_granted', label: '部分公开(区分处理的,只计这一情形,不计其他情形)', keys: [/部分公开/] },
  { code: 'withheld_state_secret', label: '属于国家秘密', keys: [/国家秘密/] },
  { code: 'withheld_law', label: '其他法律行政法规禁止公开', keys: [/禁止公开/, /法律和?行政法规/, /行政止公开/] },
  { code: 'withheld_security', label: '危及"三安全一稳定"', keys: [/危及/, /三安全一稳定/] },
  { code: 'withheld_third_party', label: '保护第三方合法权益', keys: [/第三方合法权益/, /保护第三方/] },
  { code: 'withheld_internal', label: '属于三类内部事务信息', keys: [/内部事务/] },
  { code: 'withheld_process', label: '属于四类过程性信息', keys: [/过程性信息/] },
  { code: 'withheld_enforcement', label: '属于行政执法案卷', keys: [/执法案卷/] },
  { code: 'withheld_query', label: '属于行政查询事项', keys: [/查询事项/] },
  { code: 'unavailable_not_held', label: '本机关不掌握相关政府信息', keys: [/不掌握/] },
  { code: 'unavailable_need_create', label: '没有现成信息需要另行制作', keys: [/另行制作/, /没有现成信息/] },
  { code: 'unavailable_unclear', label: '补正后申请内容仍不明确', keys: [/仍不明确/, /补正后申请/] },
  { code: 'rejected_complaint', label: '信访举报投诉类申请', keys: [/信访/, /举报投诉/] },
  { code: 'rejected_duplicate', label: '重复申请', keys: [/重复申请/] },
  { code: 'rejected_publication', label: '要求提供公开出版物', keys: [/公开出版物/] },
  { code: 'rejected_excessive', label: '无正当理由大量反复申请', keys: [/大量反复/] },
  { code: 'rejected_confirm', label: '要求行政机关确认或重新出具已获取信息', keys: [/重新出具/, /确认或重新/] },
  { code: 'other_total', label: '其他处理', keys: [/其他处理/] },
  { code: 'other_overdue_correction', label: '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', keys: [/逾期不补正/, /无正当理由逾期/] },
  { code: 'other_overdue_fee', label: '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', keys: [/缴纳费用/, /收费通知/] },
  { code: 'other_other', label: '其他', keys: [new RegExp(`3[.、]?其他(?![${CJK}])`), new RegExp(`(?<![${CJK}])其他(?![${CJK}])`)] },
  { code: 'total_handled', label: '总计', keys: [/\(七\)总计/, /七[、.]总计/, new RegExp(`(?<![${CJK}])总计(?![${CJK}])`), /\(七\)合计/] },
  { code: 'carried_forward', label: '结转下年度继续办理', keys: [/结转下年度/, /结转下一年度/] },
]);

/** The sub-rows of (六) in the 2021 form. */
export const OTHER_SUB_ROWS: AppRow[] = ['other_overdue_correction', 'other_overdue_fee', 'other_other'];

/** Text of group cells and the header, which are never rows (their characters may stray into zones). */
export const APP_GROUP_LABELS = ['三、本年度办理结果', '(三)不予公开', '(四)无法提供', '(五)不予处理', '(六)其他处理'];

/** Applicant columns in printed order; 总计 last. */
export const APP_COLUMNS: Applicant[] = ['natural_person', 'commercial', 'research', 'social_org', 'legal_service', 'other_org', 'total'];

// ---------------------------------------------------------------------------
// 政府信息公开行政复议、行政诉讼情况

export const REVIEW_CELLS: [Proceeding, Outcome][] = (['review', 'suit_direct', 'suit_after_review'] as Proceeding[])
  .flatMap((p) => mapArray(['upheld', 'corrected', 'other', 'pending', 'total'] as Outcome[], (o) => [p, o] as [Proceeding, Outcome]));

/** Header words of the review table; the 15 numbers follow the last of them. */
export const REVIEW_HEADER = /结果维持|结果纠正|其他结果|尚未审结|总计|未经复议直接起诉|复议后起诉|行政法?复议|行政诉讼|维持|纠正|审结|结果|其他/g;

// ---------------------------------------------------------------------------
// 主动公开政府信息情况 (第二十条)

export const ITEM_SPEC: RowSpec<Item>[] = withPrefixes([
  { code: 'regulation', label: '规章', keys: [/规章/] },
  { code: 'normative_document', label: '行政规范性文件', keys: [/规范性文件/] },
  { code: 'license', label: '行政许可', keys: [/行政许可/] },
  { code: 'other_service', label: '其他对外管理服务事项', keys: [/对外管理服务事项/, /其他对外管理/] },
  { code: 'punishment', label: '行政处罚', keys: [/行政处罚/] },
  { code: 'coercion', label: '行政强制', keys: [/行政强制/] },
  { code: 'fee', label: '行政事业性收费', keys: [/事业性收费/] },
  { code: 'procurement', label: '政府集中采购', keys: [/集中采购/] },
]);

/** Metric header words, each with the metric it names. */
export const METRIC_KEYS: [Metric, RegExp][] = [
  ['issued', /本年制发|制发件数/],
  ['repealed', /本年废止|废止件数/],
  ['in_force', /[现先]行有效/],
  ['made', /新制作/],
  ['published', /本年?新?公开数量/],
  ['published_total', /对外公开总数/],
  ['prior_count', /上一?年项目数量/],
  ['change', /本年增|增\/?减/],
  ['decisions', /处理决定数量|决定数量/],
  ['fee_amount', /收费金额/],
  ['procurement_projects', /采购项目数量/],
  ['procurement_amount', /采购总金额/],
];

/** The cells each form prints per item, in printed order. */
export const ACTIVE_FORM: Record<Template, Partial<Record<Item, Metric[]>>> = {
  '2021': {
    regulation: ['issued', 'repealed', 'in_force'],
    normative_document: ['issued', 'repealed', 'in_force'],
    license: ['decisions'],
    punishment: ['decisions'],
    coercion: ['decisions'],
    fee: ['fee_amount'],
  },
  '2019': {
    regulation: ['made', 'published', 'published_total'],
    normative_document: ['made', 'published', 'published_total'],
    license: ['prior_count', 'change', 'decisions'],
    other_service: ['prior_count', 'change', 'decisions'],
    punishment: ['prior_count', 'change', 'decisions'],
    coercion: ['prior_count', 'change', 'decisions'],
    fee: ['prior_count', 'change'],
    procurement: ['procurement_projects', 'procurement_amount'],
  },
};

export const METRIC_RULE: Record<Metric, CellRule> = {
  issued: COUNT, repealed: COUNT, in_force: COUNT, decisions: COUNT, fee_amount: AMOUNT,
  made: COUNT, published: COUNT, published_total: COUNT, prior_count: COUNT, change: CHANGE,
  procurement_projects: COUNT, procurement_amount: AMOUNT,
};

export const FORM_2021_METRICS = new Set<Metric>(['issued', 'repealed', 'in_force', 'fee_amount']);
export const FORM_2019_METRICS = new Set<Metric>(['made', 'published', 'published_total', 'prior_count', 'change', 'procurement_projects', 'procurement_amount']);
