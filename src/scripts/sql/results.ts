/**
 * Renders a query result as a paged table with row count and timing.
 * NULL is shown as a muted "NULL" (not reported, or not computable), never 0.
 * Numbers have thousands separators (not years, line numbers or ids); a click
 * on a column header sorts by it (again: descending, a third time: the query's
 * own order). `report_id`, `agency_id` and `line` cells link to the report's
 * page, the agency's page and the source line on the report's page.
 */
import type { QueryResult } from './db.ts';
import type { Cell } from '../../lib/sql/export.ts';
import { joinBase } from '../../lib/url.ts';
import { publicPage } from '../../lib/site/archive.ts';

export const PAGE_SIZE = 100;

const grouped = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 6 });
const plainNum = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 6, useGrouping: false });
const collator = new Intl.Collator('zh-CN', { numeric: true });

/** Columns whose numbers are codes or positions, printed without separators. */
const ID_LIKE = /(^|_)(year|line|page|section|id|code|rank)$|^(年度|年份|统计年度|行号|页码|部分|编号|序号|位次)$|编号$/i;
const REPORT_ID = /^(report_id|报告编号)$/i;
const AGENCY_ID = /^(agency_id|机关编号)$/i;
const LINE = /^(line|行号|源文本行号)$/i;

export interface LinkOptions {
  base: string;
  /** `<DATA_BASE_URL>pages/` when older report pages are on the data host, else null (see lib/site/archive.ts). */
  archive: string | null;
  /** Pages (paths under the base) of these report ids, from the report_pages view. */
  resolvePages(ids: string[]): Promise<Map<string, string>>;
}

interface State { page: number; sort: { col: number; dir: 1 | -1 } | null; order: number[] | null }

const pageCache = new Map<string, string>();

export function renderResult(root: HTMLElement, r: QueryResult, links?: LinkOptions): void {
  const state: State = { page: 0, sort: null, order: null };
  draw(root, r, state, links);
}

function compare(a: Cell, b: Cell): number {
  if (a === b) return 0;
  if (a === null) return 1; // NULL last whichever the direction (see sortedOrder)
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return collator.compare(String(a), String(b));
}

function sortedOrder(r: QueryResult, col: number, dir: 1 | -1): number[] {
  const idx = r.rows.map((_, i) => i);
  return idx.sort((i, j) => {
    const a = r.rows[i][col], b = r.rows[j][col];
    if (a === null || b === null) return a === b ? i - j : a === null ? 1 : -1;
    return dir * compare(a, b) || i - j;
  });
}

function draw(root: HTMLElement, r: QueryResult, st: State, links?: LinkOptions) {
  const pages = Math.max(1, Math.ceil(r.rows.length / PAGE_SIZE));
  st.page = Math.min(Math.max(0, st.page), pages - 1);
  const start = st.page * PAGE_SIZE;
  const order = st.order ?? r.rows.map((_, i) => i);
  const slice = order.slice(start, start + PAGE_SIZE).map((i) => r.rows[i]);
  root.replaceChildren();

  const meta = el('p', 'sql-meta');
  meta.setAttribute('role', 'status');
  meta.dataset.rows = String(r.rows.length);
  meta.dataset.ms = String(r.ms);
  meta.textContent = `${r.rows.length.toLocaleString('zh-CN')} 行${r.truncated ? '(结果过大,仅保留前这些行;请加 LIMIT 或下载数据库)' : ''} · ${r.columns.length} 列 · ${r.cached ? '本机保存的上次结果(同一份数据、同一查询)' : `用时 ${fmtMs(r.ms)}`}`;
  root.append(meta);
  if (!r.columns.length) return;

  const ridCol = r.columns.findIndex((c) => REPORT_ID.test(c));
  const wrap = el('div', 'sql-table-wrap');
  wrap.tabIndex = 0;
  wrap.setAttribute('role', 'region');
  wrap.setAttribute('aria-label', '查询结果');
  const table = el('table', 'sql-table');
  const caption = el('caption', 'sr-only');
  caption.textContent = '查询结果。点击列名按该列排序。';
  const thead = el('thead');
  const hr = el('tr');
  for (const [i, c] of r.columns.entries()) {
    const th = el('th');
    th.scope = 'col';
    th.title = r.types[i] ?? '';
    const sorted = st.sort?.col === i ? st.sort.dir : 0;
    th.setAttribute('aria-sort', sorted === 1 ? 'ascending' : sorted === -1 ? 'descending' : 'none');
    const b = el('button', 'sql-sort');
    b.type = 'button';
    b.textContent = c;
    const mark = el('span', 'sql-sort-mark');
    mark.setAttribute('aria-hidden', 'true');
    mark.textContent = sorted === 1 ? ' ▲' : sorted === -1 ? ' ▼' : '';
    b.append(mark);
    b.addEventListener('click', () => {
      // ascending → descending → the query's order
      if (st.sort?.col !== i) st.sort = { col: i, dir: 1 };
      else if (st.sort.dir === 1) st.sort = { col: i, dir: -1 };
      else st.sort = null;
      st.order = st.sort ? sortedOrder(r, st.sort.col, st.sort.dir) : null;
      st.page = 0;
      draw(root, r, st, links);
      root.querySelectorAll<HTMLButtonElement>('th button.sql-sort')[i]?.focus();
    });
    th.append(b);
    hr.append(th);
  }
  thead.append(hr);
  const tbody = el('tbody');
  const pending: { a: HTMLAnchorElement; id: string; line?: number }[] = [];
  for (const row of slice) {
    const tr = el('tr');
    for (const [i, v] of row.entries()) {
      const td = el('td');
      const name = r.columns[i];
      if (v === null) { td.className = 'null'; td.textContent = 'NULL'; td.title = '空值:未填报或无法计算'; }
      else if (typeof v === 'number') {
        td.className = 'num';
        const text = ID_LIKE.test(name) ? plainNum.format(v) : grouped.format(v);
        td.title = String(v);
        const rid = ridCol >= 0 ? row[ridCol] : null;
        if (links && LINE.test(name) && typeof rid === 'string' && Number.isInteger(v)) {
          const a = el('a');
          a.textContent = text;
          a.title = `原文第 ${v} 行`;
          td.append(a);
          pending.push({ a, id: rid, line: v });
        } else td.textContent = text;
      } else if (links && typeof v === 'string' && AGENCY_ID.test(name)) {
        const a = el('a');
        a.href = joinBase(links.base, `agencies/${encodeURIComponent(v)}/`);
        a.textContent = v;
        td.append(a);
      } else if (links && typeof v === 'string' && REPORT_ID.test(name)) {
        const a = el('a');
        a.textContent = v;
        td.append(a);
        pending.push({ a, id: v });
      } else td.textContent = String(v);
      tr.append(td);
    }
    tbody.append(tr);
  }
  table.append(caption, thead, tbody);
  wrap.append(table);
  root.append(wrap);

  if (pages > 1) {
    const nav = el('nav', 'sql-pager');
    nav.setAttribute('aria-label', '结果分页');
    const go = (p: number) => { st.page = p; draw(root, r, st, links); };
    const prev = button('上一页', st.page === 0, () => go(st.page - 1));
    const next = button('下一页', st.page >= pages - 1, () => go(st.page + 1));
    const info = el('span');
    info.textContent = `第 ${start + 1}–${start + slice.length} 行 · 第 ${st.page + 1}/${pages} 页`;
    nav.append(prev, info, next);
    root.append(nav);
  }
  if (links && pending.length) void linkReports(root, pending, links);
}

/** Fills in the report links once their pages are known (one lookup per page of results). */
async function linkReports(root: HTMLElement, pending: { a: HTMLAnchorElement; id: string; line?: number }[], links: LinkOptions) {
  const missing = [...new Set(pending.map((p) => p.id).filter((id) => !pageCache.has(id)))];
  if (missing.length) {
    try {
      for (const [id, page] of await links.resolvePages(missing)) pageCache.set(id, page);
    } catch { /* links stay plain text */ }
  }
  for (const p of pending) {
    const page = pageCache.get(p.id);
    if (!page) continue;
    const url = publicPage(page, links.archive);
    p.a.href = (/^https?:/.test(url) ? url : joinBase(links.base, url)) + (p.line ? `#L${p.line}` : '');
  }
  root.dataset.linked = String(Number(root.dataset.linked ?? 0) + 1);
}

export function fmtMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} 毫秒` : `${(ms / 1000).toFixed(2)} 秒`;
}

function button(label: string, disabled: boolean, onClick: () => void) {
  const b = el('button');
  b.type = 'button';
  b.textContent = label;
  b.disabled = disabled;
  b.addEventListener('click', onClick);
  return b;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  return e;
}
