/**
 * The Article 20 table (主动公开政府信息情况), in either form — 2021 (制发/废止/
 * 现行有效, 处理决定数量, 收费金额) or 2019 (新制作/新公开/对外公开总数量,
 * 上一年项目数量/本年增减/处理决定数量, 集中采购) — read by the form: item
 * labels aligned in order, each sub-table's header naming the cells, each
 * item's zone split every admissible way. The table has no arithmetic, so a
 * cell is read only where every admissible split agrees on it, or where the
 * report's text singles out one split.
 */
import type { Item, Metric, Template } from '../schema.ts';
import type { ActiveRow } from '../types.ts';
import { alignEach, type Hit } from './align.ts';
import { ACTIVE_FORM, FORM_2019_METRICS, FORM_2021_METRICS, ITEM_SPEC, METRIC_KEYS, METRIC_RULE, type CellRule } from './form.ts';
import { compactOf, lineOf, lineText, type Source } from './source.ts';
import { solve, type RowChoice } from './solve.ts';
import { unsplit, untilText } from './applications.ts';
import { colOf, dropStray, GAP, inColumns, positional, spaced, splitLost, splitZone, tooShort, runsIn, zoneTokens, type Split, type ZoneToken } from './zone.ts';
import { zh, type Issue } from './issues.ts';
import type { Evidence, Pending } from './evidence.ts';
import { matchesOf } from './text.ts';
import { mapArray } from './map-array.ts';

export interface ActiveTable {
  rows: ActiveRow[];
  found: boolean;
  /** Form recognised from the header cells, or null when no header was found. */
  template: Template | null;
  pending: Pending[];
  /** Each item's zone, for `numbersFirst`. */
  zones?: ItemZone[];
}

/** A label of the table; `item` and `metric` are always present (undefined where they do not apply): one object shape. */
interface Label { kind: 'item' | 'metric' | 'marker'; start: number; end: number; item: Item | undefined; metric: Metric | undefined }

const MARKER = /第二十条(?:第)?\(?[一二三四五六七八九十]+\)?项?/g;
/** METRIC_KEYS with global regexes, for `matchesOf`. */
const METRIC_SEARCH = mapArray(METRIC_KEYS, ([metric, re]) => [metric, new RegExp(re.source, 'g')] as const);

function sameList(a: Metric[], b: Metric[] | undefined) {
  return !!b && a.length === b.length && a.every((m, i) => m === b[i]);
}

/** Read the table in text[from, to). */
export function readActive(src: Source, from: number, to: number, issues: Issue[], evidence: Evidence): ActiveTable {
  const view = compactOf(src, from, to);
  const { inOrder, first } = alignEach(view, ITEM_SPEC);
  const items = inOrder.filter((h): h is Hit<Item> => h !== null);
  // A sub-table printed out of the form's order (the (一) rows after (八), as a PDF converter
  // moved them): its items, lost to the in-order alignment, are looked for on their own.
  for (let k = 0; k < ITEM_SPEC.length; k++) {
    const spec = ITEM_SPEC[k];
    if (items.some((h) => h.code === spec.code)) continue;
    const hit = first[k];
    if (hit && !items.some((h) => hit.start < h.end && h.start < hit.end)) items.push(hit);
  }
  if (!items.length) return { rows: [], found: false, template: null, pending: [] };

  const labels: Label[] = mapArray(items, (h) => ({ kind: 'item', start: h.start, end: h.end, item: h.code, metric: undefined }));
  const mapped = (i: number, j: number) => [view.at[i], view.at[j - 1] + 1] as const;
  for (const [metric, re] of METRIC_SEARCH) {
    for (const m of matchesOf(re, view.s)) {
      const [start, end] = mapped(m.index, m.index + m[0].length);
      if (!labels.some((l) => start < l.end && l.start < end)) labels.push({ kind: 'metric', start, end, item: undefined, metric });
    }
  }
  for (const m of matchesOf(MARKER, view.s)) {
    const [start, end] = mapped(m.index, m.index + m[0].length);
    labels.push({ kind: 'marker', start, end, item: undefined, metric: undefined });
  }
  labels.sort((a, b) => a.start - b.start);

  const all = mapArray(labels.filter((l) => l.kind === 'metric'), (l) => l.metric!);
  let template: Template | null = all.some((m) => FORM_2021_METRICS.has(m)) ? '2021' : all.some((m) => FORM_2019_METRICS.has(m)) ? '2019' : null;
  if (!template && items.some((h) => h.code === 'other_service' || h.code === 'procurement')) template = '2019';

  const rows: ActiveRow[] = [];
  const pending: Pending[] = [];
  const seen = new Set<Item>();
  let header: Metric[] = [];
  let lastWasItem = true;
  // Numbers between a sub-table's header and its first row (two or more: a row's worth) say
  // that its rows print their numbers before their labels (pdftotext's default order): read
  // after their labels they would be the next row's. Its rows are then NULL, up to the next caption.
  let shifted: string | null = null;
  const zones: ItemZone[] = [];
  // Header labels whose numbers a one-row sub-table's item, printed above its header, took.
  const taken = new Set<number>();
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i];
    if (l.kind === 'marker') shifted = null;
    if (l.kind !== 'item') {
      // Numbers between a caption or header and the next item belong to no cell.
      const orphans = runsIn(src, l.end, i + 1 < labels.length ? labels[i + 1].start : to);
      if (orphans.length && i + 1 < labels.length && !taken.has(i)) {
        issues.push({ kind: 'unreadable', table: 'active_disclosure', detail: `第二十条表「${src.raw.slice(l.start, l.end)}」之后有不属于任何一行的数字「${mapArray(orphans, (t) => t.text).join(' ')}」,表格结构不完整` });
        if (orphans.length >= 2 && labels[i + 1].kind === 'item') shifted = mapArray(orphans, (t) => t.text).join(' ');
      }
      if (lastWasItem) header = [];
      if (l.kind === 'metric' && !header.includes(l.metric!)) header.push(l.metric!);
      lastWasItem = false;
      continue;
    }
    lastWasItem = true;
    const item = l.item!;
    if (seen.has(item)) continue;
    seen.add(item);
    // The header in force names the cells, when it is a form this item has; else the report's form does.
    let metrics = [ACTIVE_FORM['2021'][item], ACTIVE_FORM['2019'][item]].find((f) => sameList(header, f))
      ?? (template ? ACTIVE_FORM[template][item] : undefined);
    if (!metrics) {
      issues.push({ kind: 'unreadable', table: 'active_disclosure', row: item, detail: `「${zh(item)}」行找不到表头,无法确定各数字的含义` });
      continue;
    }
    if (shifted !== null) {
      issues.push({ kind: 'unreadable', table: 'active_disclosure', row: item, detail: `「${zh(item)}」行:表头后已有「${shifted}」,数字可能印在行名之前(与下一行错位),记为空` });
      for (const metric of metrics) rows.push({ item, metric, value: null, line: null, col: undefined });
      continue;
    }
    const end = i + 1 < labels.length ? labels[i + 1].start : to;
    let tokens = zoneTokens(src, l.start, end);
    if (i + 1 === labels.length) tokens = untilText(src, tokens);
    const below = tokens.length ? null : underOwnHeader(src, labels, i, to, item);
    if (below) {
      tokens = below.tokens;
      taken.add(below.header);
      metrics = below.metrics;
    }
    const first = rows.length;
    const lead = stackedAbove(src, labels, i, zones);
    if (lead && tokens.length && blankLineBefore(src, lineOf(src, l.end), tokens[0].line)) {
      issues.push({ kind: 'unreadable', table: 'active_disclosure', row: item, detail: `「${zh(lead)}」与「${zh(item)}」的行名各占一行、连续印出,中间没有数字,其后的「${mapArray(tokens, (t) => t.text || '空白').join(' ')}」可能属于其中任何一行(PDF 文字按列分块),记为空` });
      for (const metric of metrics) rows.push({ item, metric, value: null, line: null, col: undefined });
    } else rows.push(...readItem(src, item, metrics, tokens, issues, evidence, pending, l.start));
    zones.push({ item, tokens, cells: metrics.length, rows: [first, rows.length] });
  }
  if (template) fillMissingActive(rows, template, issues, seen);
  return { rows, found: true, template, pending, zones };
}

/** Items that are the only row of their sub-table ((八) and the 2019 form's (九)). */
const ONE_ROW: ReadonlySet<Item> = new Set(['fee', 'procurement']);

/**
 * The only row of its sub-table with its label above the header (pdftotext's
 * default order: `行政事业性收费` `上一年项目数量` `本年增/减` `0` `0`, then the
 * next caption): the numbers after the header are the row's, when they are as
 * many as the header names cells, this item has that header, and a caption or
 * the table's end follows them. Returns them, the header label that holds
 * them, and the metrics.
 */
function underOwnHeader(src: Source, labels: Label[], i: number, to: number, item: Item) {
  if (!ONE_ROW.has(item)) return null;
  let j = i + 1;
  while (j < labels.length && labels[j].kind === 'metric') j++;
  if (j === i + 1 || (j < labels.length && labels[j].kind !== 'marker')) return null;
  const header = mapArray(labels.slice(i + 1, j), (l) => l.metric!);
  const metrics = [ACTIVE_FORM['2021'][item], ACTIVE_FORM['2019'][item]].find((f) => sameList(header, f));
  if (!metrics) return null;
  let tokens = zoneTokens(src, labels[j - 1].end, j < labels.length ? labels[j].start : to);
  if (j === labels.length) tokens = untilText(src, tokens);
  return tokens.length === metrics.length && tokens.every((t) => t.kind !== 'blank') ? { tokens, header: j - 1, metrics } : null;
}

/** Is text[start, end) alone on its line(s): only spaces before it on its first line and after it on its last? */
function aloneOnLine(src: Source, start: number, end: number): boolean {
  const a = src.lineStarts[lineOf(src, start) - 1];
  const n = lineOf(src, end);
  const b = n < src.lineStarts.length ? src.lineStarts[n] - 1 : src.text.length;
  return !src.text.slice(a, start).trim() && !src.text.slice(end, b).trim();
}

/** Is a line between line `a` and line `b` (both excluded) blank? */
function blankLineBefore(src: Source, a: number, b: number): boolean {
  for (let n = a + 1; n < b; n++) if (!lineText(src, n).trim()) return true;
  return false;
}

/**
 * Item labels stacked in a block (pdftotext's default order reads a table's
 * label column as one paragraph, then its number columns): the item label
 * before labels[i], on the line above, each alone on its line, the one
 * before printing no number at all. Then numbers after labels[i] in a
 * paragraph of their own (after a blank line) may be any of the stacked
 * rows' (`行政许可` / `行政处罚` / `行政强制` / blank / `1483`). Text with a
 * cell on each line and no blank lines (pdftotext -raw) reads a row's numbers
 * after its label, and a blank row prints nothing. The first item of the
 * block, or undefined.
 */
function stackedAbove(src: Source, labels: Label[], i: number, zones: ItemZone[]): Item | undefined {
  const prev = labels[i - 1], l = labels[i];
  if (prev?.kind !== 'item' || lineOf(src, l.start) !== lineOf(src, prev.end) + 1) return undefined;
  if (!aloneOnLine(src, l.start, l.end) || !aloneOnLine(src, prev.start, prev.end)) return undefined;
  const z = zones[zones.length - 1];
  if (!z || z.item !== prev.item || z.tokens.length) return undefined;
  return stackedAbove(src, labels, i - 1, zones.slice(0, -1)) ?? prev.item;
}

/** What an item's label was followed by, and which of `rows` it gave. */
interface ItemZone { item: Item; tokens: ZoneToken[]; cells: number; rows: [number, number] }

/** The sub-tables of Article 20 with more than one row, their rows in printed order. */
const SUB_TABLES: Item[][] = [['regulation', 'normative_document'], ['license', 'other_service'], ['punishment', 'coercion']];

/**
 * In text read by column blocks (pdftotext's default order, seen in the
 * application table: `AppTable.columnBlocks`), a sub-table whose last row
 * prints no numbers while the row before prints a full row, every number on a
 * line of its own: the numbers stand before their labels (`规章 0 0 0
 * 行政规范性文件`, the zeros being 行政规范性文件's). Read after their labels,
 * each row would hold the next one's numbers. Nothing in the text says which
 * it is, so the sub-table's rows are NULL. (Sub-tables by their rows, not
 * their captions, which that order moves.)
 */
export function numbersFirst(table: ActiveTable, issues: Issue[]) {
  const { zones = [], rows, pending } = table;
  const runs = (z: ItemZone) => z.tokens.filter((t) => t.kind === 'run');
  for (const sub of SUB_TABLES) {
    const [prev, last] = mapArray(sub, (item) => zones.find((z) => z.item === item));
    if (!prev || !last || zones.indexOf(prev) + 1 !== zones.indexOf(last)) continue;
    const full = runs(prev);
    if (runs(last).length || last.tokens.some((t) => t.kind === 'placeholder')) continue;
    if (full.length !== prev.cells || !full.every((t) => t.lone)) continue;
    for (const z of [prev, last]) {
      for (let r = z.rows[0]; r < z.rows[1]; r++) rows[r] = { ...rows[r], value: null, line: null, col: null };
      for (let p = pending.length - 1; p >= 0; p--) if (pending[p].row === z.item) pending.splice(p, 1);
    }
    issues.push({
      kind: 'unreadable', table: 'active_disclosure', row: prev.item,
      detail: `「${zh(prev.item)}」行印出「${mapArray(full, (t) => t.text).join(' ')}」而「${zh(last.item)}」行没有数字,数字可能印在行名之前(与下一行错位),该子表记为空`,
    });
  }
}

/**
 * Cells of the form's Article 20 table that were not printed at all are NULL,
 * and say so. The form is the table's own, else the report's (from its
 * application table, when the table's captions and headers are gone).
 */
export function fillMissingActive(rows: ActiveRow[], template: Template, issues: Issue[],
  seen: Set<Item> = new Set(mapArray(rows, (r) => r.item))) {
  for (const [item, ms] of Object.entries(ACTIVE_FORM[template]) as [Item, Metric[]][]) {
    if (seen.has(item)) continue;
    for (const m of ms) {
      rows.push({ item, metric: m, value: null, line: null, col: undefined });
      issues.push({ kind: 'missing', table: 'active_disclosure', row: item, col: m, detail: `表中没有「${zh(item)}」的「${zh(m)}」` });
    }
  }
}

/** Two or more numbers apart (on one line or on lines of their own), short of `k` cells. */
function apartShort(tokens: ZoneToken[], k: number): boolean {
  return tokens.length >= 2 && tokens.length < k && tokens.every((t) => t.kind !== 'blank');
}

/** A short row of text laid out by spaces, its numbers put in the columns of its header's words. */
function byHeader(src: Source, tokens: ZoneToken[], k: number, labelAt: number): ZoneToken[] | null {
  if (!tokens.some((t) => spaced(src, t))) return null;
  const columns = headerColumns(src, k, labelAt);
  return columns && inColumns(src, tokens, columns);
}

/** A header word: characters, with fewer than GAP spaces inside (`本年增/减`, `处理 决定`). */
const HEADER_WORD = new RegExp(`\\S+(?: {1,${GAP - 1}}\\S+)*`, 'g');

/**
 * The columns of an Article 20 sub-table in text laid out by spaces: the
 * centres of the words of its header line (the nearest line above the row
 * that starts with 信息内容), when it has one word per cell (words apart by
 * GAP spaces). Null otherwise.
 */
function headerColumns(src: Source, k: number, labelAt: number): number[] | null {
  const labelLine = lineOf(src, labelAt);
  for (let n = labelLine - 1; n >= Math.max(1, labelLine - 6); n--) {
    const head = lineText(src, n);
    if (!/^\s*信息内容\s/.test(head)) continue;
    if (/[|\t]/.test(head)) return null;
    const words = mapArray(matchesOf(HEADER_WORD, head), (m) => m.index + m[0].length / 2);
    return words.length === k + 1 ? words.slice(1) : null;
  }
  return null;
}

/** The splits of `a` and of `b`, each set of values once. */
function union(a: Split[], b: Split[]): Split[] {
  const seen = new Set(mapArray(a, (s) => mapArray(s.cells, (c) => c.value).join(',')));
  return [...a, ...b.filter((s) => !seen.has(mapArray(s.cells, (c) => c.value).join(',')))];
}

/** Values the given splits agree on (NULL where they differ). */
function agreed(splits: Split[], winners: number[]): (number | null)[] {
  return mapArray(splits[winners[0]].cells, (c, j) => (winners.every((k) => splits[k].cells[j].value === c.value) ? c.value : null));
}

const rulesByMetrics = new WeakMap<Metric[], CellRule[]>();

/** The cell rules of a sub-table's metrics (the form's arrays: made once for each). */
function rulesOf(metrics: Metric[]): CellRule[] {
  let r = rulesByMetrics.get(metrics);
  if (!r) rulesByMetrics.set(metrics, (r = mapArray(metrics, (m) => METRIC_RULE[m])));
  return r;
}

function readItem(src: Source, item: Item, metrics: Metric[], tokens: ZoneToken[], issues: Issue[], evidence: Evidence, pending: Pending[],
  labelAt: number): ActiveRow[] {
  const line = tokens[0]?.line ?? null;
  const nulls = (): ActiveRow[] => mapArray(metrics, (metric) => ({ item, metric, value: null, line, col: undefined }));
  // The tokens as printed, for the issues that quote them (made only for those).
  const asPrinted = tokens;
  const printed = () => mapArray(asPrinted, (t) => t.text || '空白').join(' ');
  if (!tokens.length) {
    issues.push({ kind: 'missing', table: 'active_disclosure', row: item, detail: `「${zh(item)}」行没有印出数字` });
    return nulls();
  }
  const rules = rulesOf(metrics);
  tokens = dropStray(tokens, metrics.length);
  tokens = positional(src, tokens, metrics.length, () => true) ?? byHeader(src, tokens, metrics.length, labelAt) ?? tokens;
  let s = splitZone(tokens, rules);
  // A row printed short: the lost cell may be any of them.
  const lost = !s.splits.length && !s.overflow && tooShort(tokens, rules.length);
  if (lost) s = splitLost(tokens, rules, 1);
  // Numbers apart, fewer than the row's cells (`0⇥12`, `0 32`, `0` / `12` for three): the row
  // lost a cell, or two ran together. Both are read; where they differ the cells are NULL,
  // since this table has no arithmetic to choose.
  else if (s.splits.length && apartShort(tokens, rules.length)) {
    s = { ...s, splits: union(s.splits, splitLost(tokens, rules, 1).splits) };
  }
  if (!s.splits.length) {
    issues.push(unsplit('active_disclosure', item, `「${zh(item)}」行`, tokens, rules, s.overflow));
    return nulls();
  }
  const splits: Split[] = s.splits;
  let winners = mapArray(splits, (_s, k) => k);
  let values = agreed(splits, winners);
  if (splits.length > 1) {
    const choice: RowChoice = { row: item, cols: metrics, cands: mapArray(splits, (sp) => mapArray(sp.cells, (c) => c.value)) };
    const sol = solve([choice], []);
    evidence.narrow('active_disclosure', [choice], sol);
    winners = sol.winners.get(item)!;
    values = sol.values.get(item)!;
  }
  const first = splits[winners[0]];
  const out: ActiveRow[] = mapArray(metrics, (metric, j) => {
    const c = first.cells[j];
    let value = values[j];
    if (value === null && winners.every((k) => splits[k].cells[j].value === null && splits[k].cells[j].kind !== 'lost')) {
      issues.push({ kind: c.kind === 'blank' ? 'blank' : 'placeholder', table: 'active_disclosure', row: item, col: metric, detail: `「${zh(item)}」「${zh(metric)}」为「${c.text || '空白'}」` });
    }
    if (value !== null && metric === 'fee_amount' && c.unit === '元') {
      const wan = Math.round((value / 10000) * 1e6) / 1e6;
      issues.push({ kind: 'unit', table: 'active_disclosure', row: item, col: metric, detail: `收费金额原文为「${c.text}」,按表头单位换算为 ${wan} 万元` });
      value = wan;
    }
    return { item, metric, value, line: c.line, col: colOf(src, c) };
  });
  if (lost) {
    issues.push({ kind: 'short', table: 'active_disclosure', row: item, detail: `「${zh(item)}」行只印出「${printed()}」,比表头的 ${metrics.length} 列少一格(原表缺少单元格),${winners.length === 1 ? '空缺的格' : '无法确定空缺的是哪一格,不一致的格'}记为空` });
    return out;
  }
  if (first.cells.length > tokens.length || splits.length > 1) {
    const chosen = mapArray(first.cells, (c) => c.text).join(' ');
    if (winners.length === 1) {
      issues.push({ kind: 'split', table: 'active_disclosure', row: item, detail: `「${zh(item)}」行的数字粘连为「${printed()}」,${splits.length > 1 ? `有 ${splits.length} 种拆分,` : ''}唯一拆分为 ${chosen}` });
    } else {
      const open = metrics.filter((_m, j) => values[j] === null && winners.some((k) => splits[k].cells[j].value !== null));
      issues.push({ kind: 'unsplittable', table: 'active_disclosure', row: item, detail: `「${zh(item)}」行的数字「${printed()}」可拆分为 ${winners.length} 种(${mapArray(winners.slice(0, 6), (k) => mapArray(splits[k].cells, (c) => c.text).join('|')).join('、')}${winners.length > 6 ? '…' : ''}),本表没有勾稽关系可以确定,${mapArray(open, (m) => `「${zh(m)}」`).join('')}记为空` });
      pending.push({ table: 'active_disclosure', row: item, cols: metrics, cands: mapArray(winners, (k) => mapArray(splits[k].cells, (c) => c.value)), lines: mapArray(first.cells, (c) => c.line) });
    }
  }
  return out;
}
