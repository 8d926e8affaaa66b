/**
 * The Article 20 table (主动公开政府信息情况), in either form:
 * 2021 (制发/废止/现行有效, 处理决定数量, 收费金额) or
 * 2019 (新制作/新公开/对外公开总数量, 上一年项目数量/本年增减/处理决定数量, 集中采购).
 */
import type { Item, Metric, Template } from '../schema.ts';
import type { ActiveRow } from '../types.ts';
import type { Token } from './cells.ts';
import { valueSlots, slotValue, matchLabel, type Matcher } from './rows.ts';
import { zh, type Issue } from './issues.ts';

const ITEM_MATCHERS: Matcher<Item>[] = [
  ['regulation', /^规章$/],
  ['normative_document', /规范性文件$/],
  ['license', /^行政许可$/],
  ['other_service', /其他对外管理服务事项/],
  ['punishment', /^行政处罚$/],
  ['coercion', /^行政强制$/],
  ['fee', /行政事业性收费$/],
  ['procurement', /政府集中采购$/],
];

const METRIC_MATCHERS: Matcher<Metric>[] = [
  ['issued', /本年制发/],
  ['repealed', /本年废止/],
  ['in_force', /现行有效/],
  ['made', /新制作/],
  ['published', /新公开数量/],
  ['published_total', /对外公开总数/],
  ['prior_count', /上一?年项目数量/],
  ['change', /本年增|增\/?减/],
  ['decisions', /处理决定数量/],
  ['fee_amount', /收费金额/],
  ['procurement_projects', /采购项目数量/],
  ['procurement_amount', /采购总金额/],
];

/** The cells each form prints, item → metrics in printed order. */
export const EXPECTED: Record<Template, Partial<Record<Item, Metric[]>>> = {
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

const FORM_2021 = new Set<Metric>(['issued', 'repealed', 'in_force', 'fee_amount']);
const FORM_2019 = new Set<Metric>(['made', 'published', 'published_total', 'prior_count', 'change', 'procurement_projects', 'procurement_amount']);

/** Every metric named in a label, in printed order (`本年制发件数本年废止件数现行有效件数`). */
function allMetrics(text: string, first: Metric): Metric[] {
  const found: [number, Metric][] = [];
  for (const [m, re] of METRIC_MATCHERS) {
    const k = text.search(re);
    if (k >= 0) found.push([k, m]);
  }
  return found.length > 1 ? found.sort((a, b) => a[0] - b[0]).map((f) => f[1]) : [first];
}

export interface ActiveTable {
  rows: ActiveRow[];
  found: boolean;
  /** Form recognised from the header cells, or null when the header was not found. */
  template: Template | null;
}

interface ItemHit { item: Item; line: number; metrics: Metric[]; values: Token[] }

/** Read the Article 20 table from its tokens. */
export function readActive(tokens: Token[], issues: Issue[]): ActiveTable {
  const hits: ItemHit[] = [];
  let metrics: Metric[] = [];
  let lastWasMetric = false;
  let current: ItemHit | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'label') { current?.values.push(t); continue; }
    if (/第二十条/.test(t.text)) { current = null; metrics = []; lastWasMetric = false; continue; }
    let metric = matchLabel(t.text, METRIC_MATCHERS);
    let item = metric ? null : matchLabel(t.text, ITEM_MATCHERS);
    if (!metric && !item && i + 1 < tokens.length && tokens[i + 1].kind === 'label') {
      const joined = t.text + tokens[i + 1].text;
      metric = matchLabel(joined, METRIC_MATCHERS);
      item = metric ? null : matchLabel(joined, ITEM_MATCHERS);
      if (metric || item) i++;
    }
    if (metric) {
      // A new header after item rows starts a new sub-table even without a 第二十条 line.
      if (!lastWasMetric && current) { metrics = []; current = null; }
      // Header cells run together with single spaces name several metrics in one label.
      for (const m of allMetrics(t.text, metric)) if (!metrics.includes(m)) metrics.push(m);
      lastWasMetric = true;
      continue;
    }
    if (item) {
      current = { item, line: t.line, metrics: metrics.slice(), values: [] };
      hits.push(current);
      lastWasMetric = false;
    }
  }
  if (hits.length === 0) return { rows: [], found: false, template: null };

  const all = hits.flatMap((h) => h.metrics);
  const template: Template | null = all.some((m) => FORM_2021.has(m)) ? '2021' : all.some((m) => FORM_2019.has(m)) ? '2019' : null;
  const rows: ActiveRow[] = [];
  const seen = new Set<string>();
  for (const h of hits) {
    const metricsOf = h.metrics.length ? h.metrics : (template ? EXPECTED[template][h.item] ?? [] : []);
    const slots = valueSlots(h.values);
    const put = (metric: Metric, value: number | null, line: number) => {
      const key = `${h.item}/${metric}`;
      if (seen.has(key)) return;
      seen.add(key);
      rows.push({ item: h.item, metric, value, line });
    };
    if (metricsOf.length === 0) {
      issues.push({ kind: 'unreadable', table: 'active_disclosure', row: h.item, detail: `「${zh(h.item)}」行找不到表头,无法确定各数字的含义` });
      continue;
    }
    if (slots.length !== metricsOf.length) {
      issues.push({
        kind: slots.length === 0 ? 'missing' : 'unreadable', table: 'active_disclosure', row: h.item,
        detail: slots.length === 0
          ? `「${zh(h.item)}」行没有印出数字`
          : `「${zh(h.item)}」行印出 ${slots.length} 个数字(「${slots.map((s) => s.text || '空白').join(' ')}」),表头有 ${metricsOf.length} 列,该行记为空`,
      });
      for (const m of metricsOf) put(m, null, h.line);
      continue;
    }
    metricsOf.forEach((m, k) => {
      const s = slots[k];
      let v = slotValue(s);
      if (v === null) {
        issues.push({ kind: s.kind === 'placeholder' ? 'placeholder' : 'blank', table: 'active_disclosure', row: h.item, col: m, detail: `「${zh(h.item)}」「${zh(m)}」为「${s.text || '空白'}」` });
      } else if (m === 'fee_amount' && s.unit === '元') {
        const wan = Math.round((v / 10000) * 1e6) / 1e6;
        issues.push({ kind: 'unit', table: 'active_disclosure', row: h.item, col: m, detail: `收费金额原文为「${s.text}」,按表头单位换算为 ${wan} 万元` });
        v = wan;
      }
      put(m, v, s.line);
    });
  }
  // Expected cells of the form that were not printed at all become NULLs.
  if (template) {
    for (const [item, ms] of Object.entries(EXPECTED[template]) as [Item, Metric[]][]) {
      for (const m of ms) {
        if (seen.has(`${item}/${m}`)) continue;
        seen.add(`${item}/${m}`);
        rows.push({ item, metric: m, value: null, line: null });
        issues.push({ kind: 'missing', table: 'active_disclosure', row: item, col: m, detail: `表中没有「${zh(item)}」的「${zh(m)}」` });
      }
    }
  }
  return { rows, found: true, template };
}
