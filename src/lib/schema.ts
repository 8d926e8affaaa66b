/**
 * The public schema of the dataset: one definition that feeds the Parquet/DuckDB
 * writer, the CSV writer, the data dictionary page and the SQL page's help.
 *
 * Names follow ../shared/spec/data-contract.md. Add, never rename or drop.
 */

/** Column types, as DuckDB spells them. */
export type ColumnType = 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'BOOLEAN' | 'DATE';

export interface Column {
  name: string;
  type: ColumnType;
  /** Chinese description (shown first on the site). */
  zh: string;
  /** English description, for developers. */
  en: string;
  /**
   * A label column: not read from the report but the Chinese label of the
   * code in column `of` (every writer fills it from `labels`; an unknown code
   * gives NULL).
   */
  label?: { of: string; labels: Readonly<Record<string, string>> };
}

export interface Table {
  name: TableName;
  zh: string;
  en: string;
  columns: Column[];
  /** Columns that order the rows deterministically. */
  orderBy: string[];
}

export type TableName = 'reports' | 'active_disclosure' | 'applications' | 'reviews' | 'checks' | 'sections';

// ---------------------------------------------------------------------------
// Codes: the format's vocabulary.

/** Article 20 table items (主动公开政府信息情况). */
export const ITEMS = {
  regulation: '规章',
  normative_document: '行政规范性文件',
  license: '行政许可',
  other_service: '其他对外管理服务事项',
  punishment: '行政处罚',
  coercion: '行政强制',
  fee: '行政事业性收费',
  procurement: '政府集中采购',
} as const;
export type Item = keyof typeof ITEMS;

/** Article 20 table metrics. */
export const METRICS = {
  issued: '本年制发件数',
  repealed: '本年废止件数',
  in_force: '现行有效件数',
  decisions: '本年处理决定数量',
  fee_amount: '本年收费金额(万元)',
  made: '本年新制作数量',
  published: '本年新公开数量',
  published_total: '对外公开总数量',
  prior_count: '上一年项目数量',
  change: '本年增/减',
  procurement_projects: '采购项目数量',
  procurement_amount: '采购总金额',
} as const;
export type Metric = keyof typeof METRICS;

/** Applicant columns of the application table, in template order. */
export const APPLICANTS = {
  natural_person: '自然人',
  commercial: '商业企业',
  research: '科研机构',
  social_org: '社会公益组织',
  legal_service: '法律服务机构',
  other_org: '其他',
  total: '总计',
} as const;
export type Applicant = keyof typeof APPLICANTS;
export const APPLICANT_CODES = Object.keys(APPLICANTS) as Applicant[];
/** The six columns whose sum is the 总计 column. */
export const APPLICANT_PARTS: Applicant[] = APPLICANT_CODES.filter((a) => a !== 'total');

/** Rows of the application table, in template order, with their printed labels. */
export const APP_ROWS = {
  new_received: '一、本年新收政府信息公开申请数量',
  carried_over: '二、上年结转政府信息公开申请数量',
  granted: '三、(一)予以公开',
  partially_granted: '(二)部分公开',
  withheld_state_secret: '(三)1.属于国家秘密',
  withheld_law: '(三)2.其他法律行政法规禁止公开',
  withheld_security: '(三)3.危及"三安全一稳定"',
  withheld_third_party: '(三)4.保护第三方合法权益',
  withheld_internal: '(三)5.属于三类内部事务信息',
  withheld_process: '(三)6.属于四类过程性信息',
  withheld_enforcement: '(三)7.属于行政执法案卷',
  withheld_query: '(三)8.属于行政查询事项',
  unavailable_not_held: '(四)1.本机关不掌握相关政府信息',
  unavailable_need_create: '(四)2.没有现成信息需要另行制作',
  unavailable_unclear: '(四)3.补正后申请内容仍不明确',
  rejected_complaint: '(五)1.信访举报投诉类申请',
  rejected_duplicate: '(五)2.重复申请',
  rejected_publication: '(五)3.要求提供公开出版物',
  rejected_excessive: '(五)4.无正当理由大量反复申请',
  rejected_confirm: '(五)5.要求行政机关确认或重新出具已获取信息',
  other_overdue_correction: '(六)1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  other_overdue_fee: '(六)2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  other_other: '(六)3.其他',
  other_total: '(六)其他处理',
  total_handled: '(七)总计',
  carried_forward: '四、结转下年度继续办理',
} as const;
export type AppRow = keyof typeof APP_ROWS;
export const APP_ROW_CODES = Object.keys(APP_ROWS) as AppRow[];

/**
 * Short Chinese labels of the application rows (the printed label without its
 * numbering, e.g. withheld_state_secret → 属于国家秘密), for the `row_zh`
 * column and the SQL page. Two rows whose short label alone would be unclear
 * say which part they belong to.
 */
export const APP_ROW_LABELS: Record<AppRow, string> = Object.fromEntries(APP_ROW_CODES.map((r) => [r, APP_ROWS[r]
  .replace(/^[一二三四五六七八九十]+、/, '')
  .replace(/^[(\uff08][一二三四五六七八九十]+[)\uff09]/, '')
  .replace(/^\d+\./, '')])) as Record<AppRow, string>;
APP_ROW_LABELS.other_other = '其他处理:其他';
APP_ROW_LABELS.total_handled = '办理结果总计';

/** Handling groups of the application table: group → member rows. */
export const APP_GROUPS = {
  granted: ['granted'],
  partially_granted: ['partially_granted'],
  withheld: [
    'withheld_state_secret', 'withheld_law', 'withheld_security', 'withheld_third_party',
    'withheld_internal', 'withheld_process', 'withheld_enforcement', 'withheld_query',
  ],
  unavailable: ['unavailable_not_held', 'unavailable_need_create', 'unavailable_unclear'],
  rejected: ['rejected_complaint', 'rejected_duplicate', 'rejected_publication', 'rejected_excessive', 'rejected_confirm'],
  other: ['other_overdue_correction', 'other_overdue_fee', 'other_other'],
} as const satisfies Record<string, readonly AppRow[]>;

export const PROCEEDINGS = {
  review: '行政复议',
  suit_direct: '未经复议直接起诉',
  suit_after_review: '复议后起诉',
} as const;
export type Proceeding = keyof typeof PROCEEDINGS;
export const PROCEEDING_CODES = Object.keys(PROCEEDINGS) as Proceeding[];

export const OUTCOMES = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
  total: '总计',
} as const;
export type Outcome = keyof typeof OUTCOMES;
export const OUTCOME_CODES = Object.keys(OUTCOMES) as Outcome[];

export const LEVELS = {
  province: '省级',
  city: '市级',
  county: '县级',
  township: '乡镇级',
  department: '部门',
  unknown: '未知',
} as const;
export type Level = keyof typeof LEVELS;

export const SCOPES = {
  aggregate: '汇总(政府及所属部门)',
  office: '单一机关',
  unknown: '未知',
} as const;
export type Scope = keyof typeof SCOPES;

export const STATUSES = {
  ok: '通过',
  warnings: '有警告',
  failed: '失败',
  duplicate: '重复',
} as const;
export type Status = keyof typeof STATUSES;

export type Template = '2019' | '2021';

export const SECTION_TITLES = [
  '总体情况',
  '主动公开政府信息情况',
  '收到和处理政府信息公开申请情况',
  '政府信息公开行政复议、行政诉讼情况',
  '存在的主要问题及改进情况',
  '其他需要报告的事项',
] as const;

export const CHECKS = {
  tables_found: '三张表格是否都找到',
  metadata: '是否识别出报告机关和统计年度',
  balance: '勾稽关系:新收+上年结转=总计+结转下年度',
  row_total: '行合计:总计列=六类申请人之和',
  group_total: '总计行=各办理结果之和',
  other_total: '(六)其他处理=其三个子项之和',
  review_total: '复议/诉讼总计=维持+纠正+其他+未审结',
  missing_cells: '未填报的单元格',
  run_together: '粘连数字的拆分',
  unit: '单元格内单位的换算',
  multiple_tables: '一个文件中有多张同类表格',
  carry_over_prev: '本年上年结转=上年结转下年度',
  duplicate: '与另一份报告重复(只计一次)',
  correction: '同一机关同一年度有不同的报告(更正版;按发布较晚者计)',
  in_force_prev: '上年现行有效+本年制发-废止=本年现行有效',
  narrative: '正文所述数字与表格一致',
} as const;
export type CheckCode = keyof typeof CHECKS;

// ---------------------------------------------------------------------------
// Tables.

const rid: Column = { name: 'report_id', type: 'VARCHAR', zh: '报告编号(与 reports 表关联)', en: 'report id (joins reports)' };
const line: Column = { name: 'line', type: 'INTEGER', zh: '数值所在源文本的行号(从1起),用于溯源', en: '1-based source line the value was read from (provenance)' };
const col: Column = { name: 'col', type: 'INTEGER', zh: '数值在该源文本行中的字符位置(从1起;整篇正文只有一行的抓取文本靠它定位)', en: '1-based character column of the value in its source line (locates values in one-line crawled bodies)' };
/** The Chinese label column of code column `of`. */
const zh = (of: string, labels: Readonly<Record<string, string>>, what: string, en: string): Column => ({
  name: `${of}_zh`, type: 'VARCHAR', zh: `${what}的中文名称(由 ${of} 代码对应)`, en: `Chinese label of ${of} (${en})`, label: { of, labels },
});
const page: Column = { name: 'page', type: 'INTEGER', zh: '数值所在的 PDF 页码(从1起);非 PDF 为空', en: '1-based PDF page of the value; NULL for sources without pages' };

export const TABLES: Table[] = [
  {
    name: 'reports',
    zh: '报告:每份年度报告一行',
    en: 'one row per report',
    orderBy: ['report_id'],
    columns: [
      { name: 'report_id', type: 'VARCHAR', zh: '稳定编号:同一源文件在每次构建中编号相同', en: 'stable id: same source file, same id across builds' },
      { name: 'agency', type: 'VARCHAR', zh: '报告机关全称(规范化)', en: 'full normalised name of the reporting body' },
      { name: 'agency_id', type: 'VARCHAR', zh: '机关的稳定编号(URL 安全),同一机关不同年度相同', en: 'URL-safe stable agency id, shared across years' },
      { name: 'year', type: 'INTEGER', zh: '统计年度(不是发布年度)', en: 'statistics year covered' },
      { name: 'published_on', type: 'DATE', zh: '发布或落款日期', en: 'publication or signing date' },
      { name: 'province', type: 'VARCHAR', zh: '省级行政区', en: 'province' },
      { name: 'city', type: 'VARCHAR', zh: '地级行政区', en: 'prefecture-level city' },
      { name: 'county', type: 'VARCHAR', zh: '县级行政区', en: 'county-level division' },
      { name: 'township', type: 'VARCHAR', zh: '乡级行政区', en: 'township-level division' },
      { name: 'region_code', type: 'VARCHAR', zh: '最深一级已识别行政区的 GB/T 2260 代码', en: 'GB/T 2260 code of the deepest resolved level' },
      { name: 'level', type: 'VARCHAR', zh: '层级:province/city/county/township/department/unknown', en: 'administrative level' },
      { name: 'scope', type: 'VARCHAR', zh: '范围:aggregate 汇总政府及部门 / office 单一机关 / unknown', en: 'aggregate, office or unknown; never sum aggregate with its offices' },
      { name: 'template', type: 'VARCHAR', zh: '表格样式:2019 或 2021', en: 'form version: 2019 or 2021' },
      { name: 'status', type: 'VARCHAR', zh: '状态:ok 通过 / warnings 有警告 / failed 失败 / duplicate 与另一份报告重复', en: 'ok, warnings, failed or duplicate' },
      { name: 'source_file', type: 'VARCHAR', zh: '语料中的文件名', en: 'file name in the corpus' },
      { name: 'source_sha256', type: 'VARCHAR', zh: '原始字节的 SHA-256', en: 'SHA-256 of the raw bytes' },
      { name: 'title', type: 'VARCHAR', zh: '报告标题(原文)', en: 'title line as printed' },
      { name: 'source_url', type: 'VARCHAR', zh: '原始发布网址(报告或抓取页头注明时)', en: 'URL of the original publication, where the input states it' },
      { name: 'encoding', type: 'VARCHAR', zh: '源文件编码(检测所得)', en: 'detected source encoding' },
      { name: 'error', type: 'VARCHAR', zh: '失败原因(仅 failed)', en: 'why the report failed (failed only)' },
      { name: 'duplicate_of', type: 'VARCHAR', zh: '重复报告(duplicate)所重复的、被保留的那份报告的编号', en: 'duplicate: report_id of the copy that was kept' },
      { name: 'superseded_by', type: 'VARCHAR', zh: '同一机关同一年度有更正版时,取代本报告的那份报告的编号', en: 'report_id of the later report (correction) of the same agency and year that counts instead' },
      { name: 'counted', type: 'BOOLEAN', zh: '是否计入汇总:重复报告和被更正版取代的报告为 false;求和时只用 counted 的报告', en: 'whether the report enters sums: false for duplicates and superseded reports' },
    ],
  },
  {
    name: 'active_disclosure',
    zh: '主动公开政府信息情况(第二十条),长表',
    en: 'Article 20 table, long format',
    orderBy: ['report_id', 'item', 'metric'],
    columns: [
      rid,
      { name: 'item', type: 'VARCHAR', zh: '信息内容代码,如 regulation 规章', en: 'item code' },
      { name: 'metric', type: 'VARCHAR', zh: '指标代码,如 issued 本年制发件数', en: 'metric code' },
      { name: 'value', type: 'DOUBLE', zh: '数值(收费金额单位为万元);未填报为空', en: 'value as printed; NULL when not given' },
      line,
      col,
      page,
      zh('item', ITEMS, '信息内容', 'e.g. 规章'),
      zh('metric', METRICS, '指标', 'e.g. 本年制发件数'),
    ],
  },
  {
    name: 'applications',
    zh: '收到和处理政府信息公开申请情况,长表',
    en: 'requests received and handled, long format',
    orderBy: ['report_id', 'row', 'applicant'],
    columns: [
      rid,
      { name: 'row', type: 'VARCHAR', zh: '行代码,如 new_received 本年新收', en: 'row code' },
      { name: 'applicant', type: 'VARCHAR', zh: '申请人代码,如 natural_person 自然人、total 总计', en: 'applicant column code' },
      { name: 'value', type: 'DOUBLE', zh: '数值;未填报为空', en: 'value; NULL when not given' },
      line,
      col,
      page,
      zh('row', APP_ROW_LABELS, '行', 'e.g. 属于国家秘密'),
      zh('applicant', APPLICANTS, '申请人类别', 'e.g. 自然人'),
    ],
  },
  {
    name: 'reviews',
    zh: '政府信息公开行政复议、行政诉讼情况,长表',
    en: 'administrative review and litigation, long format',
    orderBy: ['report_id', 'proceeding', 'outcome'],
    columns: [
      rid,
      { name: 'proceeding', type: 'VARCHAR', zh: '程序:review 行政复议 / suit_direct 未经复议直接起诉 / suit_after_review 复议后起诉', en: 'proceeding code' },
      { name: 'outcome', type: 'VARCHAR', zh: '结果:upheld 维持 / corrected 纠正 / other 其他 / pending 尚未审结 / total 总计', en: 'outcome code' },
      { name: 'value', type: 'DOUBLE', zh: '数值;未填报为空', en: 'value; NULL when not given' },
      line,
      col,
      page,
      zh('proceeding', PROCEEDINGS, '程序', 'e.g. 行政复议'),
      zh('outcome', OUTCOMES, '结果', 'e.g. 结果纠正'),
    ],
  },
  {
    name: 'checks',
    zh: '一致性检查:每份报告每项检查一行',
    en: 'one row per consistency check per report',
    orderBy: ['report_id', 'check', 'detail'],
    columns: [
      rid,
      { name: 'check', type: 'VARCHAR', zh: '检查代码,如 balance 勾稽关系', en: 'stable check code' },
      { name: 'passed', type: 'BOOLEAN', zh: '是否通过', en: 'passed' },
      { name: 'detail', type: 'VARCHAR', zh: '说明(中文,列出所涉数字)', en: 'human-readable detail in Chinese' },
      { name: 'cause', type: 'VARCHAR', zh: '未通过的原因归属:source 报告原文的问题 / parser 解析器未能读出;通过时为空', en: 'whose defect a failed check is: source (the report) or parser; NULL when passed' },
      zh('check', CHECKS, '检查', 'e.g. 勾稽关系'),
    ],
  },
  {
    name: 'sections',
    zh: '报告六个部分的正文(不含表格)',
    en: 'narrative text of the six parts',
    orderBy: ['report_id', 'section'],
    columns: [
      rid,
      { name: 'section', type: 'INTEGER', zh: '部分序号 1..6', en: 'part number 1..6' },
      { name: 'heading', type: 'VARCHAR', zh: '标题(原文)', en: 'heading as printed' },
      { name: 'text', type: 'VARCHAR', zh: '正文纯文本', en: 'plain text, tables left out' },
    ],
  },
];

export function table(name: TableName): Table {
  const t = TABLES.find((t) => t.name === name);
  if (!t) throw new Error(`unknown table ${name}`);
  return t;
}
