/**
 * The application table (收到和处理政府信息公开申请情况): 25 rows × 7 columns
 * (2021 form), or 23 rows with one `(六)其他处理` row (2019 form).
 */
import { APPLICANT_PARTS, type Applicant, type AppRow } from '../schema.ts';
import { handledRows } from './checks.ts';
import type { ApplicationRow } from '../types.ts';
import type { Token } from './cells.ts';
import { dropStrayTrailing, isSentence, readRows, slotValue, type Matcher, type RowHit } from './rows.ts';
import { splitRunTogether } from './split.ts';
import { zh, type Issue } from './issues.ts';

export const APP_MATCHERS: Matcher<AppRow>[] = [
  ['new_received', /本年新收/],
  ['carried_over', /上年结转/],
  ['carried_forward', /结转下年度/],
  ['granted', /予以公开/],
  ['partially_granted', /部分公开/],
  ['withheld_state_secret', /国家秘密/],
  ['withheld_law', /禁止公开/],
  ['withheld_security', /危及|三安全一稳定/],
  ['withheld_third_party', /第三方合法权益/],
  ['withheld_internal', /内部事务/],
  ['withheld_process', /过程性信息/],
  ['withheld_enforcement', /行政执法案卷/],
  ['withheld_query', /行政查询事项/],
  ['unavailable_not_held', /不掌握/],
  ['unavailable_need_create', /另行制作|没有现成信息/],
  ['unavailable_unclear', /仍不明确|补正后申请/],
  ['rejected_complaint', /信访举报|举报投诉|信访类/],
  ['rejected_duplicate', /重复申请/],
  ['rejected_publication', /公开出版物/],
  ['rejected_excessive', /大量反复/],
  ['rejected_confirm', /确认或重新出具|要求行政机关确认/],
  ['other_overdue_correction', /逾期不补正/],
  ['other_overdue_fee', /缴纳费用|收费通知/],
  ['other_total', /其他处理$/],
  ['other_other', /^(?:\(六\))?3[.、]?其他$/],
  ['total_handled', /^(?:\(七\)|七、|\(7\))?总计$/],
];

/** Each row's label as the template prints it, without its numbering (for labels cut short). */
const PRINTED: [AppRow, string][] = [
  ['new_received', '本年新收政府信息公开申请数量'], ['carried_over', '上年结转政府信息公开申请数量'],
  ['partially_granted', '部分公开(区分处理的,只计这一情形,不计其他情形)'],
  ['withheld_state_secret', '属于国家秘密'], ['withheld_law', '其他法律行政法规禁止公开'], ['withheld_security', '危及"三安全一稳定"'],
  ['withheld_third_party', '保护第三方合法权益'], ['withheld_internal', '属于三类内部事务信息'], ['withheld_process', '属于四类过程性信息'],
  ['withheld_enforcement', '属于行政执法案卷'], ['withheld_query', '属于行政查询事项'],
  ['unavailable_not_held', '本机关不掌握相关政府信息'], ['unavailable_need_create', '没有现成信息需要另行制作'], ['unavailable_unclear', '补正后申请内容仍不明确'],
  ['rejected_complaint', '信访举报投诉类申请'], ['rejected_duplicate', '重复申请'], ['rejected_publication', '要求提供公开出版物'],
  ['rejected_excessive', '无正当理由大量反复申请'], ['rejected_confirm', '要求行政机关确认或重新出具已获取信息'],
  ['other_overdue_correction', '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
  ['other_overdue_fee', '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
  ['carried_forward', '结转下年度继续办理'],
];

export interface AppTable {
  rows: ApplicationRow[];
  /** Whether a 2019-form single `(六)其他处理` row with values was printed. */
  otherAsOneRow: boolean;
  /** Whether the three 2021-form (六) sub-rows were printed. */
  otherSubRows: boolean;
  found: boolean;
  /** Columns the header prints: 7 with 总计, 6 without. */
  headerColumns: 6 | 7;
}

/** Does the header (tokens before the first row) print a 总计 column? */
function headerHasTotal(header: Token[]): boolean {
  const labels = header.filter((t) => t.kind === 'label').map((t) => t.text);
  if (!labels.some((l) => /自然人|商业企业|申请人情况/.test(l))) return true; // header lost: assume the template
  return labels.some((l) => /总计|合计|^总数$/.test(l) && !/勾稽关系/.test(l));
}

/**
 * Read the application table from its tokens. `issues` collects what could not
 * be read (for the `missing_cells` and `run_together` checks).
 */
export function readApplications(tokens: Token[], issues: Issue[]): AppTable {
  // The table starts at its first row; when 一、本年新收 is lost, at 二、上年结转 or 予以公开.
  let first = -1;
  for (const re of [/本年新收/, /上年结转/, /予以公开/]) {
    first = tokens.findIndex((t) => t.kind === 'label' && re.test(t.text) && !isSentence(t.text));
    if (first >= 0) break;
  }
  if (first < 0) return { rows: [], otherAsOneRow: false, otherSubRows: false, found: false, headerColumns: 7 };
  const headerColumns: 6 | 7 = headerHasTotal(tokens.slice(0, first)) ? 7 : 6;
  const hits = readRows(tokens.slice(first), APP_MATCHERS, PRINTED);
  const out: ApplicationRow[] = [];
  const otherAsOneRow = (hits.get('other_total')?.slots.length ?? 0) > 0;
  const otherSubRows = ['other_overdue_correction', 'other_overdue_fee', 'other_other'].some((c) => hits.has(c as AppRow));
  const ambiguous: Ambiguous[] = [];
  for (const [code, hit] of hits) {
    if (code === 'other_total' && hit.slots.length === 0) continue; // 2021 group header, prints nothing
    out.push(...assignRow(hit, headerColumns, issues, ambiguous));
  }
  for (const a of ambiguous) resolveByColumns(a, out, otherAsOneRow && !otherSubRows, issues);
  return { rows: out, otherAsOneRow, otherSubRows, found: true, headerColumns };
}

/**
 * Choose among a run-together row's candidate splits with the table's column
 * arithmetic (new + carried over = total + carried forward; 总计 row = sum of
 * the handled rows). Accepted only if exactly one candidate satisfies every
 * equation that can be evaluated, and at least one could be.
 */
function resolveByColumns(a: Ambiguous, rows: ApplicationRow[], form2019: boolean, issues: Issue[]) {
  const cell = new Map<string, number | null>();
  for (const r of rows) if (r.row !== a.code) cell.set(`${r.row}/${r.applicant}`, r.value);
  const handled = handledRows(form2019 ? '2019' : '2021', () => false);
  const equations: [AppRow[], AppRow[]][] = [[['new_received', 'carried_over'], ['total_handled', 'carried_forward']], [['total_handled'], handled]];
  const fits = (cand: number[]) => {
    let evaluated = 0;
    for (const [c, col] of COLS.entries()) {
      const v = (r: AppRow) => (r === a.code ? cand[c] : cell.get(`${r}/${col}`));
      for (const [left, right] of equations) {
        if (!left.includes(a.code) && !right.includes(a.code)) continue;
        const l = left.map(v), r = right.map(v);
        if ([...l, ...r].some((x) => x === null || x === undefined)) continue;
        evaluated++;
        const sum = (xs: (number | null | undefined)[]) => xs.reduce<number>((p, x) => p + (x as number), 0);
        if (Math.abs(sum(l) - sum(r)) > 1e-9) return false;
      }
    }
    return evaluated > 0;
  };
  const ok = a.candidates.filter(fits);
  if (ok.length === 1) {
    for (const r of rows) if (r.row === a.code) r.value = ok[0][COLS.indexOf(r.applicant)];
    issues.push({ kind: 'split', table: 'applications', row: a.code, detail: `「${zh(a.code)}」行的数字粘连为「${a.text}」,行合计允许 ${a.candidates.length} 种拆分,按各列勾稽关系唯一确定为 ${ok[0].join(' ')}` });
  } else {
    issues.push({ kind: 'unsplittable', table: 'applications', row: a.code, detail: `「${zh(a.code)}」行的数字「${a.text}」疑似粘连,有 ${a.candidates.length} 种符合行合计的拆分${ok.length > 1 ? `,其中 ${ok.length} 种也符合各列勾稽关系` : ''},无法唯一确定,该行记为空` });
  }
}

const COLS: Applicant[] = [...APPLICANT_PARTS, 'total'];

function nulls(code: AppRow, line: number | null): ApplicationRow[] {
  return COLS.map((applicant) => ({ row: code, applicant, value: null, line }));
}

/** Assign a row's value slots to the seven columns. */
/** A run-together row that the row total alone cannot split: several candidate splits. */
interface Ambiguous { code: AppRow; line: number; text: string; candidates: number[][] }

function assignRow(hit: RowHit<AppRow>, headerColumns: 6 | 7, issues: Issue[], ambiguous?: Ambiguous[]): ApplicationRow[] {
  const { code } = hit;
  // A lone number on its own line after a row whose values all sit on one line is a
  // page number or footer that fell into the table, not an eighth value.
  const slots = dropStrayTrailing(hit.slots, headerColumns);
  if (hit.conflict) {
    issues.push({ kind: 'unreadable', table: 'applications', row: code, detail: `「${zh(code)}」行在表中出现两次且都有数字,无法确定取哪一行` });
    return nulls(code, hit.line);
  }
  if (slots.length === 0) {
    issues.push({ kind: 'missing', table: 'applications', row: code, detail: `「${zh(code)}」行没有印出数字` });
    return nulls(code, hit.line);
  }
  const make = (vals: (Token | number | null)[], cols: Applicant[]) => {
    const rows = nulls(code, hit.line);
    cols.forEach((c, i) => {
      const v = vals[i];
      const r = rows[COLS.indexOf(c)];
      if (typeof v === 'number' || v === null) { r.value = v; r.line = hit.line; }
      else { r.value = slotValue(v); r.line = v.line; if (r.value === null) issues.push({ kind: v.kind === 'placeholder' ? 'placeholder' : 'blank', table: 'applications', row: code, col: c, detail: `「${zh(code)}」行「${zh(c)}」列为「${v.text || '空白'}」` }); }
    });
    return rows;
  };
  if (slots.length === 7) return make(slots, COLS);
  if (slots.length === 6 && headerColumns === 6) {
    issues.push({ kind: 'missing', table: 'applications', row: code, col: 'total', detail: `「${zh(code)}」行未印出总计列(表头无总计列)` });
    return make(slots, APPLICANT_PARTS);
  }
  // Cells that ran together: only when most of the row's cells are gone (a whole row
  // glued into one or a few tokens), never for a row that merely lacks a cell or two.
  if (slots.length <= 3) {
    const res = splitRunTogether(slots, 7, (v) => v[6] === v[0] + v[1] + v[2] + v[3] + v[4] + v[5]);
    if (res.values) {
      issues.push({ kind: 'split', table: 'applications', row: code, detail: `「${zh(code)}」行的数字粘连为「${slots.map((s) => s.text).join(' ')}」,按行合计唯一拆分为 ${res.values.join(' ')}` });
      return make(res.values, COLS);
    }
    if (slots.some((s) => s.digits && s.digits.length > 1)) {
      if (res.candidates.length > 1) { ambiguous?.push({ code, line: hit.line, text: slots.map((s) => s.text).join(' '), candidates: res.candidates }); return nulls(code, hit.line); }
      issues.push({ kind: 'unsplittable', table: 'applications', row: code, detail: `「${zh(code)}」行的数字「${slots.map((s) => s.text).join(' ')}」疑似粘连,但${res.solutions === 0 ? '没有' : '有多种'}符合行合计的拆分,该行记为空` });
      return nulls(code, hit.line);
    }
  }
  issues.push({ kind: 'unreadable', table: 'applications', row: code, detail: `「${zh(code)}」行印出 ${slots.length} 个数字(「${slots.map((s) => s.text || '空白').join(' ')}」),与表头 ${headerColumns} 列不符,该行记为空` });
  return nulls(code, hit.line);
}
