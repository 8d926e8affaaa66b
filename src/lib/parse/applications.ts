/**
 * The application table (收到和处理政府信息公开申请情况), read by the form:
 * its row labels aligned with the text in order (align.ts), each row's zone
 * split into seven cells in every admissible way (zone.ts), and the whole
 * table solved at once with the form's arithmetic (solve.ts).
 */
import { APP_ROW_CODES, APPLICANT_PARTS, type Applicant, type AppRow } from '../schema.ts';
import type { ApplicationRow } from '../types.ts';
import { alignRows, type Hit } from './align.ts';
import { APP_COLUMNS, APP_ROWS_SPEC, COUNT, OTHER_SUB_ROWS, type CellRule } from './form.ts';
import { handledRows } from './checks.ts';
import { compactOf, type Source } from './source.ts';
import { solve, type Equation, type RowChoice } from './solve.ts';
import { centreOf, colOf, dropStray, implausible, inColumns, lineCells, positional, spaced, splitLost, splitZone, strayOrders, tooShort, runsIn, zoneTokens, type Split, type Splits, type ZoneToken } from './zone.ts';
import { zh, type Issue } from './issues.ts';
import type { Evidence, Pending } from './evidence.ts';
import { mapArray } from './map-array.ts';

export interface AppTable {
  rows: ApplicationRow[];
  /** A 2019-form single `(六)其他处理` row with values was printed. */
  otherAsOneRow: boolean;
  /** The 2021-form (六) sub-rows were printed. */
  otherSubRows: boolean;
  found: boolean;
  /** Columns the header prints: 7 with 总计, 6 without. */
  headerColumns: 6 | 7;
  /** Rows left partly NULL because several splits remain (for evidence from other reports). */
  pending: Pending[];
  /** The text reads the table by column blocks (see `columnBlocks`): numbers may stand before their labels. */
  columnBlocks?: boolean;
}

const EMPTY: AppTable = { rows: [], otherAsOneRow: false, otherSubRows: false, found: false, headerColumns: 7, pending: [] };

const cell = (row: string, col: Applicant) => `${row}/${col}`;

const EQUATIONS = new Map<number, { local: Equation[]; table: Equation[] }>();
/** Each row's bit in a set of rows (the form has fewer than 31 rows). */
const ROW_BIT = new Map(mapArray(APP_ROW_CODES, (c, i) => [c, 2 ** i]));

/** The form's equations for the rows present (cached by the set and the form: few tables differ in their rows). */
function equations(rows: Set<AppRow>, form2019: boolean): { local: Equation[]; table: Equation[] } {
  let key = form2019 ? 2 ** APP_ROW_CODES.length : 0;
  for (const r of rows) key += ROW_BIT.get(r)!;
  let eqs = EQUATIONS.get(key);
  if (!eqs) EQUATIONS.set(key, (eqs = buildEquations(rows, form2019)));
  return eqs;
}

/** A row's own total: 总计 = the six applicant columns (true when a cell is NULL). */
function rowTotalHolds(vals: readonly (number | null)[]): boolean {
  if (vals.length !== 7) return true;
  let s = 0;
  for (let i = 0; i < 6; i++) { const v = vals[i]; if (v === null) return true; s += v; }
  return vals[6] === null || Math.abs(s - vals[6]) < 1e-6;
}

function buildEquations(rows: Set<AppRow>, form2019: boolean): { local: Equation[]; table: Equation[] } {
  const local: Equation[] = [];
  for (const r of rows) local.push({ plus: [cell(r, 'total')], minus: mapArray(APPLICANT_PARTS, (c) => cell(r, c)) });
  const handled = handledRows(form2019 ? '2019' : '2021', (r) => rows.has(r));
  const table: Equation[] = [];
  for (const c of APP_COLUMNS) {
    table.push({ plus: [cell('new_received', c), cell('carried_over', c)], minus: [cell('total_handled', c), cell('carried_forward', c)] });
    table.push({ plus: [cell('total_handled', c)], minus: mapArray(handled, (r) => cell(r, c)) });
  }
  return { local, table };
}

/** Does the header (text before the first row) print a 总计 column? */
function headerColumns(src: Source, from: number, to: number): 6 | 7 {
  const head = compactOf(src, from, to).s;
  if (!/自然人|商业企业|申请人情况/.test(head)) return 7; // header lost: assume the template
  return /总计|合计|总数/.test(head.replace(/勾稽关系[^)]*\)?/, '')) ? 7 : 6;
}

/** A row as read; every field is present from the start, so all rows share one object shape. */
interface RowRead {
  src: Source;
  code: AppRow; hit: Hit<AppRow>; tokens: ZoneToken[]; splits: Split[]; overflow: boolean; cols: Applicant[];
  /** Splits the cells allow, before any arithmetic. */
  admissible: number | undefined;
  /** A cell of the row stood on a line of its own (its position was chosen among all). */
  moved: boolean;
  /** The row printed fewer cells than the form has (lost cells at every position were tried). */
  lost: boolean;
  /** Its digits can be cut into the cells only in ways that break its 总计 (the first such cut). */
  cutBreaks: string | undefined;
  /** Why numbers printed apart from their labels cannot be given to this row (its cells are NULL). */
  unplaced?: string;
}

/** Read the table in text[from, to). */
export function readApplications(src: Source, from: number, to: number, issues: Issue[], evidence: Evidence): AppTable {
  const view = compactOf(src, from, to);
  const hits = alignRows(view, APP_ROWS_SPEC, true);
  const found = hits.filter((h): h is Hit<AppRow> => h !== null);
  if (!found.some((h) => h.code === 'new_received' || h.code === 'carried_over' || h.code === 'granted')) return EMPTY;
  const cols = headerColumns(src, from, found[0].start);
  const orphans = runsIn(src, from, found[0].start);
  if (orphans.length) issues.push({ kind: 'unreadable', table: 'applications', detail: `申请情况表的表头中有不属于任何一行的数字「${mapArray(orphans, (t) => t.text).join(' ')}」,表格结构不完整` });
  // A row's worth of numbers before the first row: the rows print their numbers elsewhere than after
  // their labels (pdftotext's default order, by column blocks). Read after their labels, they would be
  // other rows' numbers: the table is NULL.
  if (orphans.length >= 3) {
    const rows = found.flatMap((h) => mapArray(APP_COLUMNS, (applicant) => ({ row: h.code, applicant, value: null, line: null, col: undefined })));
    issues.push({ kind: 'unreadable', table: 'applications', detail: '申请情况表的数字不在各行行名之后(表头之后已有数字),各行数字可能错位,整表记为空' });
    return { rows, otherAsOneRow: false, otherSubRows: found.some((h) => OTHER_SUB_ROWS.includes(h.code)), found: true, headerColumns: cols, pending: [] };
  }

  // Zones: from a label to the next label found.
  const reads: RowRead[] = [];
  for (let i = 0; i < found.length; i++) {
    const hit = found[i];
    const end = i + 1 < found.length ? found[i + 1].start : to;
    let tokens = zoneTokens(src, hit.start, end);
    if (i + 1 === found.length) tokens = untilText(src, tokens);
    reads.push({ src, code: hit.code, hit, tokens, splits: [], overflow: false, cols: APP_COLUMNS, admissible: undefined, moved: false, lost: false, cutBreaks: undefined });
  }
  rehome(reads, cols);
  const blocks = columnBlocks(reads, cols);
  spread(reads, cols);
  rechunk(reads, cols, found.some((h) => OTHER_SUB_ROWS.includes(h.code)));
  if (blocks) numbersFirst(reads, cols, issues);
  const subRows = reads.some((r) => OTHER_SUB_ROWS.includes(r.code));
  const otherRead = reads.find((r) => r.code === 'other_total');
  // In the 2021 form `(六)其他处理` is only the group label of its sub-rows.
  const otherAsOneRow = Boolean(otherRead && otherRead.tokens.some((t) => t.kind !== 'blank'));
  const rowsRead = reads.filter((r) => r.code !== 'other_total' || otherAsOneRow);

  // How many cells most complete rows' lines have (label cells and seven values): a row whose
  // line has as many, with an empty cell first, printed that cell empty — it is no padding.
  let usual: number | null | undefined;
  const usualCells = () => {
    if (usual !== undefined) return usual;
    const full = mapArray(rowsRead.filter((r) => r.tokens.length === APP_COLUMNS.length && r.tokens.every((t) => t.sep && t.line === r.tokens[0].line)), (r) => lineCells(src, r.tokens[0].line).length);
    const mode = full.length ? mapArray([...new Set(full)], (n) => [n, full.filter((x) => x === n).length] as const).sort((a, b) => b[1] - a[1])[0] : null;
    return (usual = mode && full.length >= 3 && mode[1] * 2 > full.length ? mode[0] : null);
  };
  // Under a header without 总计, rows before the first that prints seven numbers print the six applicant
  // columns only (the 总计 cells were not printed there); later a row of six lost a cell.
  const firstSeven = rowsRead.findIndex((r) => count(r) >= APP_COLUMNS.length);
  const columns = layoutColumns(src, rowsRead);
  const usualWidth = (n: number) => n === usualCells();
  for (let i = 0; i < rowsRead.length; i++) splitRow(rowsRead[i], cols, usualWidth, cols === 6 && (firstSeven < 0 || i < firstSeven), columns);
  const present = new Set(mapArray(rowsRead, (r) => r.code));
  const eqs = equations(present, otherAsOneRow && !subRows);

  const choices: RowChoice[] = [];
  const byCode = new Map<AppRow, RowRead>();
  for (const r of rowsRead) {
    byCode.set(r.code, r);
    if (!r.splits.length) continue;
    let cands = mapArray(r.splits, (s) => mapArray(s.cells, (c) => c.value));
    // A row's own total first: splits that break it are kept only if none keeps it.
    const own = mapArray(cands, (v, k) => [v, k] as const).filter(([v]) => rowTotalHolds(v));
    if (own.length && own.length < cands.length) {
      r.splits = mapArray(own, ([, k]) => r.splits[k]);
      cands = mapArray(own, ([v]) => v);
    } else if (!own.length && !r.lost && !r.moved && r.tokens.length > 1 && r.splits.every((sp) => sp.cells.length > r.tokens.length)) {
      // Numbers printed apart (`89 142 12`) that fill the cells only when cut inside them, and
      // only in ways that break the row's own 总计: the cut is a guess, not what was printed.
      // (One run of as many digits as cells, `8100008`, is cut one way only: read as printed.)
      r.cutBreaks = mapArray(r.splits[0].cells, (c) => c.text).join(' ');
      r.splits = [];
      continue;
    }
    choices.push({ row: r.code, cols: r.cols, cands });
  }
  const sol = solve(choices, [...eqs.local, ...eqs.table]);
  evidence.narrow('applications', choices, sol);

  const out: ApplicationRow[] = [];
  const pending: Pending[] = [];
  for (const r of rowsRead) out.push(...rowCells(r, sol.values.get(r.code), sol.winners.get(r.code), issues, pending));
  return { rows: out, otherAsOneRow, otherSubRows: subRows, found: true, headerColumns: cols, pending, columnBlocks: blocks };
}

/** What a row's zone prints: its tokens other than blank cells. */
const numbers = (r: RowRead) => r.tokens.filter((t) => t.kind !== 'blank');
function count(r: RowRead): number {
  let n = 0;
  for (const t of r.tokens) if (t.kind !== 'blank') n++;
  return n;
}

/**
 * pdftotext's default order reads a table block by block: a page's labels,
 * then its numbers. Its sign is a row whose zone holds more than a row's
 * numbers after a row that holds none (the labels before it printed theirs
 * there).
 */
function columnBlocks(reads: RowRead[], cols: 6 | 7): boolean {
  return reads.some((r, i) => i > 0 && count(r) > cols && count(reads[i - 1]) === 0);
}

/**
 * A cell moved out of its row onto a line of its own (markdown made from a
 * PDF) lands in the neighbouring row's zone: one row then has a cell too many
 * and the next one too few. Put it back when it stands alone on its line.
 */
function rehome(reads: RowRead[], cols: 6 | 7) {
  for (let i = 0; i + 1 < reads.length; i++) {
    const a = reads[i], b = reads[i + 1];
    if (count(a) === cols + 1 && count(b) === cols - 1 && a.tokens[a.tokens.length - 1].lone) b.tokens.unshift(a.tokens.pop()!);
    else if (count(a) === cols - 1 && count(b) === cols + 1 && b.tokens[0].lone) a.tokens.push(b.tokens.shift()!);
  }
}

/**
 * Labels printed as a block, then their numbers (pdftotext's default reading
 * order: `(一)予以公开` `(二)部分公开` … each on a line, then 354 / 57 / … a
 * number per line): rows that print no numbers, followed by a row whose zone
 * holds exactly `cols` numbers for each of them and itself, every number on a
 * line of its own, take the numbers in order, `cols` each. `(六)其他处理`, only
 * the label of its sub-rows, takes none. The arithmetic then checks each row.
 */
function spread(reads: RowRead[], cols: 6 | 7) {
  let start = 0;
  for (let j = 0; j < reads.length; j++) {
    const n = count(reads[j]);
    if (n === 0) continue;
    const block = reads.slice(start, j + 1);
    start = j + 1;
    if (block.length < 2) continue;
    const toks = numbers(reads[j]);
    if (!toks.every((t) => t.lone)) continue;
    // (When the row holding the numbers is (六) itself, they are its own: the rows before printed none.)
    const takers = n === block.length * cols ? block
      : n === (block.length - 1) * cols && reads[j].code !== 'other_total' ? block.filter((r) => r.code !== 'other_total') : null;
    if (!takers || takers.length !== n / cols) continue;
    // Only where each row's 总计 then holds: numbers read down the columns (another order) rarely do.
    const chunks = mapArray(takers, (_, k) => toks.slice(k * cols, (k + 1) * cols));
    if (cols !== 7 || !chunks.every((c) => rowTotalHolds(mapArray(c, (t) => (/^\d+$/.test(t.text) ? Number(t.text) : null))))) continue;
    takers.forEach((r, k) => { r.tokens = toks.slice(k * cols, (k + 1) * cols); });
  }
}

/** A lone run's value (a number alone on its line), or undefined for anything else. */
function loneValue(t: ZoneToken): number | undefined {
  return t.kind === 'run' && t.lone && /^\d+$/.test(t.text) ? Number(t.text) : undefined;
}

/** A row's seven values when it prints exactly seven plain numbers, else null. */
function plainRow(r: RowRead | undefined): number[] | null {
  const toks = r ? numbers(r) : [];
  if (toks.length !== 7 || !toks.every((t) => t.kind === 'run' && /^\d+$/.test(t.text))) return null;
  return mapArray(toks, (t) => Number(t.text));
}

/**
 * Labels and numbers apart on a page where the table continues (pdftotext's
 * default order: `3.其他 0…0 5 0 0 0 0 0 5 0…0 (七)总计 四、结转下年度继续办理`,
 * the numbers of (七) and 四 printed before their labels): a stretch of rows,
 * from the first whose zone holds neither `cols` numbers nor none (and the
 * rows just before it that hold none) to the table's end, holding `cols`
 * numbers for each of some of its rows, every number alone on its line. The
 * numbers go in the form's order, `cols` to a row; rows that take none printed
 * blank cells. Each way to choose those rows is a reading, kept only where
 * every row's 总计 holds, the balance 一 + 二 = 七 + 四 in every column, and
 * (七) is the sum of the handled rows (blank rows counting 0, every other row
 * printed): numbers read down the columns rarely do. A row gets the numbers
 * every reading gives it (or none); where readings differ, NULL. A row of the
 * form whose label was not found (printed after the next rows' labels) is in
 * the stretch too, and joins the table. The 2021 form's (六)其他处理, only the
 * label of its sub-rows, takes none.
 */
function rechunk(reads: RowRead[], cols: 6 | 7, subRows: boolean) {
  if (cols !== 7 || reads[reads.length - 1]?.code !== 'carried_forward') return;
  const takes = (r: RowRead) => !(subRows && r.code === 'other_total');
  // From the first row that holds other than a row's numbers or none, and the rows just before
  // it that hold none (their labels printed theirs later).
  let a = reads.findIndex((r) => takes(r) && count(r) !== cols && count(r) !== 0);
  if (a < 0) return;
  while (a > 0 && count(reads[a - 1]) === 0) a--;
  while (!takes(reads[a])) a++;
  // To the table's end: a row that printed nothing (blank cells) would leave the count short.
  if (reads.slice(a).some((r) => !takes(r) && count(r))) return;
  // The form's rows from there on, found or not: a label printed out of the form's order (after
  // the next rows' labels) is not found, but its numbers stand among the others.
  const form = APP_ROW_CODES.filter((c) => (subRows ? c !== 'other_total' : !OTHER_SUB_ROWS.includes(c)));
  const read = new Map(mapArray(reads, (r) => [r.code, r] as const));
  const unfound = (code: AppRow): RowRead => ({ ...reads[a], code, tokens: [], splits: [] });
  const stretch = mapArray(form.slice(form.indexOf(reads[a].code)), (code) => read.get(code) ?? unfound(code));
  const toks = stretch.flatMap(numbers);
  const m = toks.length / cols;
  if (!Number.isInteger(m) || m < 1 || m > stretch.length) return;
  const values = mapArray(toks, loneValue);
  if (values.some((v) => v === undefined)) return;
  const chunk = (k: number) => values.slice(k * cols, (k + 1) * cols) as number[];
  if (!Array.from({ length: m }, (_, k) => k).every((k) => rowTotalHolds(chunk(k)))) return;
  // Fewer chunks than rows: some rows printed blank cells. Each way to give the chunks to rows in
  // order (the others blank, counted 0 in the sums) that every equation holds with is a reading.
  const handled = handledRows(subRows ? '2021' : '2019', (code) => form.includes(code));
  const readings = choices(stretch.length, m).filter((taken) => {
    const rowValues = (code: AppRow): number[] | null | undefined => {
      const k = stretch.findIndex((r) => r.code === code);
      return k < 0 ? plainRow(read.get(code)) : taken.includes(k) ? chunk(taken.indexOf(k)) : undefined;
    };
    const zero = (v: number[] | null | undefined) => (v === undefined ? mapArray(APP_COLUMNS, () => 0) : v);
    const one = rowValues('new_received'), two = rowValues('carried_over');
    const seven = zero(rowValues('total_handled')), four = zero(rowValues('carried_forward'));
    if (!one || !two || !seven || !four || !one.every((v, c) => v + two[c] === seven[c] + four[c])) return false;
    // (七) is the sum of the handled rows (a swap of (七) and 四 keeps the balance, not this).
    const hs = mapArray(handled, (code) => zero(rowValues(code)));
    return !hs.some((v) => !v) && seven.every((v, c) => v === hs.reduce((sum, h) => sum + h![c], 0));
  });
  if (!readings.length) return;
  stretch.forEach((r, k) => {
    const at = new Set(mapArray(readings, (taken) => taken.indexOf(k)));
    if (at.size > 1) {
      r.tokens = [];
      r.unplaced = `申请情况表最后 ${stretch.length} 行只印出 ${m} 行数字(其余为空白),有 ${readings.length} 种同样符合勾稽关系的对应方式,「${zh(r.code)}」行是否印有数字、是哪一行无法确定,记为空`;
      return;
    }
    const j = [...at][0];
    r.tokens = j < 0 ? [] : toks.slice(j * cols, (j + 1) * cols);
  });
  // The rows not found join the table in the form's place.
  for (const r of stretch) {
    if (read.has(r.code)) continue;
    const at = reads.findIndex((x) => APP_ROW_CODES.indexOf(x.code) > APP_ROW_CODES.indexOf(r.code));
    reads.splice(at < 0 ? reads.length : at, 0, r);
  }
}

/** Every way to choose `m` of `n` indexes, in increasing order. */
function choices(n: number, m: number): number[][] {
  if (m === 0) return [[]];
  if (m > n) return [];
  return [...mapArray(choices(n - 1, m - 1), (c) => [...c, n - 1]), ...choices(n - 1, m)];
}

/**
 * In text read by column blocks, the table's last rows print no numbers, and
 * the rows just before them a full row each, every number on a line of its
 * own: the numbers stand before their
 * labels there (pdftotext's default order, `3.其他 1 0 0 0 0 0 1 (七)总计 0 …
 * 四、结转下年度继续办理`, the ones being (七)总计's). Read after their labels,
 * each of those rows would hold the next one's numbers; read before them,
 * the previous one's.
 */
function numbersFirst(reads: RowRead[], cols: 6 | 7, issues: Issue[]) {
  let end = reads.length;
  while (end > 0 && !numbers(reads[end - 1]).length) end--;
  if (end === reads.length || reads[reads.length - 1].code !== 'carried_forward') return;
  // The 2021 form's (六)其他处理 is only the label of its sub-rows: it prints no numbers either way.
  const label = (r: RowRead) => r.code === 'other_total' && !numbers(r).length;
  let start = end;
  while (start > 0 && (label(reads[start - 1]) || (numbers(reads[start - 1]).length === cols && numbers(reads[start - 1]).every((t) => t.kind === 'run' && t.lone)))) start--;
  while (start < end && label(reads[start])) start++;
  if (start === end) return;
  // Read either way, a cell is known where its row and the row before print the same number
  // there; the others are NULL (the first row of the run: what would be its numbers is not
  // among them).
  const run = reads.slice(start, end).filter((r) => !label(r));
  const printed = mapArray(run, numbers);
  run.forEach((r, k) => {
    r.tokens = mapArray(printed[k], (t, j) => (k > 0 && printed[k - 1][j].text === t.text ? t : { ...t, kind: 'blank' as const, text: '' }));
  });
  issues.push({
    kind: 'unreadable', table: 'applications', row: run[run.length - 1].code,
    detail: `申请情况表最后的「${mapArray(reads.slice(end), (r) => zh(r.code)).join('、')}」行没有数字,而此前 ${run.length} 行各印出一行数字,数字可能印在行名之前(与下一行错位):这些行中与上一行不同的数字记为空`,
  });
}

/**
 * Why a row's tokens fill its cells in no way: too many splits, too few
 * cells (lost in the source), a value no cell can hold, or — the parser's —
 * numbers that do not fit the columns.
 */
export function unsplit(table: Issue['table'], row: string, what: string, tokens: ZoneToken[], rules: CellRule[], overflow: boolean): Issue {
  const printed = mapArray(tokens, (t) => t.text || '空白').join(' ');
  if (overflow) return { kind: 'unsplittable', table, row, detail: `${what}的数字「${printed}」可拆分的方式过多,无法确定,记为空` };
  if (tooShort(tokens, rules.length)) return { kind: 'short', table, row, detail: `${what}只印出「${printed}」,少于 ${rules.length} 列(原表缺少单元格,无法确定哪一格为空),记为空` };
  const bad = mapArray(tokens, (t, i) => [t, implausible(t, rules[Math.min(i, rules.length - 1)])] as const).find(([, why]) => why);
  if (bad) return { kind: 'implausible', table, row, detail: `${what}的「${bad[0].text}」${bad[1]},不是有效的计数或金额,记为空` };
  return { kind: 'unreadable', table, row, detail: `${what}印出「${printed}」,无法对应到 ${rules.length} 列,记为空` };
}

/** The last zone ends at the first text after its numbers (the next part of the report). */
export function untilText(src: Source, tokens: ZoneToken[]): ZoneToken[] {
  const out: ZoneToken[] = [];
  for (const t of tokens) {
    if (out.length) {
      const prev = out[out.length - 1];
      const between = src.text.slice(prev.end + (prev.unit?.length ?? 0), t.start);
      if (/[\u4e00-\u9fff]{2,}/.test(between)) break;
    }
    out.push(t);
  }
  return out;
}

/**
 * The seven columns of the table in text laid out by spaces (pdftotext
 * -layout): where three or more rows print all seven numbers on one line, each
 * set apart by GAP spaces, and stand in the same columns (each number within
 * two characters of its column's middle), those middles. Null otherwise.
 */
function layoutColumns(src: Source, reads: RowRead[]): number[] | null {
  const full = mapArray(reads, (r) => r.tokens).filter((ts) => ts.length === APP_COLUMNS.length && ts.every((t) => t.line === ts[0].line && spaced(src, t)));
  if (full.length < 3) return null;
  const centres = mapArray(APP_COLUMNS, (_c, j) => {
    const xs = mapArray(full, (ts) => centreOf(src, ts[j])).sort((a, b) => a - b);
    return xs[xs.length >> 1];
  });
  return full.every((ts) => ts.every((t, j) => Math.abs(centreOf(src, t) - centres[j]) <= 2)) ? centres : null;
}

/** The cells of a row: seven counts. */
const APP_RULES: CellRule[] = mapArray(APP_COLUMNS, () => COUNT);

function splitRow(r: RowRead, cols: 6 | 7, leading: (cells: number) => boolean, sixBefore: boolean, columns: number[] | null) {
  let values = r.tokens.filter((t) => t.kind !== 'blank' || r.tokens.some((x) => x.kind !== 'blank'));
  if (!values.length) return;
  values = dropStray(values, cols);
  values = positional(r.src, values, APP_COLUMNS.length, leading) ?? (columns && inColumns(r.src, values, columns)) ?? values;
  r.tokens = values;
  // Six numbers under a header without 总计, in separated cells or before any row of seven: the six applicant columns.
  if (cols === 6 && values.length === 6 && values.every((t) => (t.sep || sixBefore) && (t.kind !== 'run' || /^\d+$/.test(t.text)))) {
    const s = splitZone(values, mapArray(APPLICANT_PARTS, () => COUNT));
    if (s.splits.length === 1) { r.splits = s.splits; r.cols = APPLICANT_PARTS; return; }
  }
  const rules = APP_RULES;
  const orders = values.length === APP_COLUMNS.length ? strayOrders(values) : null;
  // Only the splits that keep the row's 总计 are stored, as readApplications keeps only those
  // when there are any; when there are none, all of them.
  let s = orders ? union(mapArray(orders, (o) => splitZone(o, rules))) : splitZone(values, rules, undefined, undefined, rowTotalHolds);
  if (!orders && !s.splits.length && s.admissible) s = splitZone(values, rules);
  if (orders) r.moved = true;
  // Too many splits to keep (digits of large numbers run together): those that keep the row's 总计.
  if (s.overflow && !orders) s = splitZone(values, rules, undefined, (vals) => vals.length < APP_COLUMNS.length || rowTotalHolds(vals));
  if (!s.splits.length && !s.overflow && tooShort(values, rules.length)) { s = splitLost(values, rules, 2); r.lost = s.splits.length > 0; }
  r.splits = s.splits;
  r.overflow = s.overflow;
  r.admissible = s.admissible ?? s.splits.length;
}

/** The distinct splits of several orders of a row's tokens. */
function union(all: Splits[]): Splits {
  const seen = new Set<string>();
  const splits: Split[] = [];
  for (const s of all) {
    for (const sp of s.splits) {
      const key = mapArray(sp.cells, (c) => c.value).join(',');
      if (!seen.has(key)) { seen.add(key); splits.push(sp); }
    }
  }
  return { splits, overflow: all.some((s) => s.overflow) };
}

function rowCells(r: RowRead, values: (number | null)[] | undefined, winners: number[] | undefined, issues: Issue[], pending: Pending[]): ApplicationRow[] {
  const { code } = r;
  const line = r.tokens[0]?.line ?? null;
  const nulls = (): ApplicationRow[] => mapArray(APP_COLUMNS, (applicant) => ({ row: code, applicant, value: null, line, col: undefined }));
  const printed = () => mapArray(r.tokens, (t) => t.text || '空白').join(' ');
  if (r.unplaced) {
    issues.push({ kind: 'unsplittable', table: 'applications', row: code, detail: r.unplaced });
    return nulls();
  }
  if (!r.tokens.length) {
    issues.push({ kind: 'missing', table: 'applications', row: code, detail: `「${zh(code)}」行没有印出数字` });
    return nulls();
  }
  if (r.cutBreaks) {
    issues.push({ kind: 'unsplittable', table: 'applications', row: code, detail: `「${zh(code)}」行的数字「${printed()}」只能拆分为 ${r.cutBreaks} 等不符合本行总计的形式,记为空` });
    return nulls();
  }
  if (!r.splits.length || !values || !winners) {
    issues.push(unsplit('applications', code, `「${zh(code)}」行`, r.tokens, mapArray(r.cols, () => COUNT), r.overflow));
    return nulls();
  }
  const first = r.splits[winners[0]];
  const out = nulls();
  for (let j = 0; j < r.cols.length; j++) {
    const col = r.cols[j];
    const o = out[APP_COLUMNS.indexOf(col)];
    o.value = values[j];
    o.line = first.cells[j].line;
    o.col = colOf(r.src, first.cells[j]);
    const c = first.cells[j];
    if (values[j] === null && winners.every((k) => r.splits[k].cells[j].value === null && r.splits[k].cells[j].kind !== 'lost')) {
      issues.push({ kind: c.kind === 'blank' ? 'blank' : 'placeholder', table: 'applications', row: code, col, detail: `「${zh(code)}」行「${zh(col)}」列为「${c.text || '空白'}」` });
    }
  }
  if (r.cols.length === 6) issues.push({ kind: 'missing', table: 'applications', row: code, col: 'total', detail: `「${zh(code)}」行未印出总计列(表头无总计列)` });
  const open = () => r.cols.filter((_c, j) => values[j] === null && winners.some((k) => r.splits[k].cells[j].value !== null));
  const keep = () => pending.push({ table: 'applications', row: code, cols: r.cols, cands: mapArray(winners, (k) => mapArray(r.splits[k].cells, (c) => c.value)), lines: mapArray(first.cells, (c) => c.line) });
  if (r.lost) {
    const lost = first.cells.filter((c) => c.kind === 'lost').length;
    issues.push({
      kind: 'short', table: 'applications', row: code,
      detail: `「${zh(code)}」行只印出「${printed()}」,比 ${r.cols.length} 列少 ${lost} 格(原表缺少单元格),` + (winners.length === 1
        ? `按勾稽关系确定空缺的是${mapArray(r.cols.filter((_c, j) => first.cells[j].kind === 'lost'), (c) => `「${zh(c)}」`).join('')}列,记为空`
        : `无法确定空缺的是哪一格,${mapArray([...new Set([...open(), ...r.cols.filter((_c, j) => values[j] === null)])], (c) => `「${zh(c)}」`).join('')}列记为空`),
    });
    if (winners.length > 1) keep();
    return out;
  }
  if (r.moved) {
    if (winners.length === 1) issues.push({ kind: 'split', table: 'applications', row: code, detail: `「${zh(code)}」行有一格单独印在另一行(原表单元格错位),按勾稽关系确定其位置:${mapArray(first.cells, (c) => c.text).join(' ')}` });
    else {
      issues.push({ kind: 'unsplittable', table: 'applications', row: code, detail: `「${zh(code)}」行有一格单独印在另一行(原表单元格错位),有 ${winners.length} 种同样符合勾稽关系的位置,${mapArray(open(), (c) => `「${zh(c)}」`).join('')}列无法确定,记为空` });
      keep();
    }
    return out;
  }
  const cut = first.cells.length > r.tokens.length;
  if (cut || r.splits.length > 1) {
    const chosen = mapArray(first.cells, (c) => c.text).join(' ');
    if (winners.length === 1) {
      const how = r.splits.length > 1 ? `行合计允许 ${r.splits.length} 种拆分,按各列勾稽关系唯一确定为`
        : (r.admissible ?? 1) > 1 ? `有 ${r.admissible} 种拆分,按行合计唯一拆分为` : '唯一拆分为';
      issues.push({ kind: 'split', table: 'applications', row: code, detail: `「${zh(code)}」行的数字粘连为「${printed()}」,${how} ${chosen}` });
    } else {
      issues.push({ kind: 'unsplittable', table: 'applications', row: code, detail: `「${zh(code)}」行的数字「${printed()}」有 ${winners.length} 种同样符合勾稽关系的拆分,${mapArray(open(), (c) => `「${zh(c)}」`).join('')}列无法确定,记为空` });
      keep();
    }
  }
  return out;
}
