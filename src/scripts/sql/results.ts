/**
 * Renders a query result as a paged table with row count and timing.
 * NULL is shown as a muted "NULL" (not reported, or not computable), never 0.
 */
import type { QueryResult } from './db.ts';

export const PAGE_SIZE = 100;

const fmt = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 6, useGrouping: false });

export function renderResult(root: HTMLElement, r: QueryResult, page = 0): void {
  const pages = Math.max(1, Math.ceil(r.rows.length / PAGE_SIZE));
  page = Math.min(Math.max(0, page), pages - 1);
  const start = page * PAGE_SIZE;
  const slice = r.rows.slice(start, start + PAGE_SIZE);
  root.replaceChildren();

  const meta = el('p', 'sql-meta');
  meta.setAttribute('role', 'status');
  meta.dataset.rows = String(r.rows.length);
  meta.dataset.ms = String(r.ms);
  meta.textContent = `${r.rows.length.toLocaleString('zh-CN')} 行${r.truncated ? '(结果过大,仅保留前这些行;请加 LIMIT 或下载数据库)' : ''} · ${r.columns.length} 列 · 用时 ${fmtMs(r.ms)}`;
  root.append(meta);
  if (!r.columns.length) return;

  const wrap = el('div', 'sql-table-wrap');
  wrap.tabIndex = 0;
  wrap.setAttribute('role', 'region');
  wrap.setAttribute('aria-label', '查询结果');
  const table = el('table', 'sql-table');
  const thead = el('thead');
  const hr = el('tr');
  for (const [i, c] of r.columns.entries()) {
    const th = el('th');
    th.scope = 'col';
    th.textContent = c;
    th.title = r.types[i] ?? '';
    hr.append(th);
  }
  thead.append(hr);
  const tbody = el('tbody');
  for (const row of slice) {
    const tr = el('tr');
    for (const v of row) {
      const td = el('td');
      if (v === null) { td.className = 'null'; td.textContent = 'NULL'; td.title = '空值:未填报或无法计算'; }
      else if (typeof v === 'number') { td.className = 'num'; td.textContent = fmt.format(v); td.title = String(v); }
      else td.textContent = String(v);
      tr.append(td);
    }
    tbody.append(tr);
  }
  table.append(thead, tbody);
  wrap.append(table);
  root.append(wrap);

  if (pages > 1) {
    const nav = el('nav', 'sql-pager');
    nav.setAttribute('aria-label', '结果分页');
    const prev = button('上一页', page === 0, () => renderResult(root, r, page - 1));
    const next = button('下一页', page >= pages - 1, () => renderResult(root, r, page + 1));
    const info = el('span');
    info.textContent = `第 ${start + 1}–${start + slice.length} 行 · 第 ${page + 1}/${pages} 页`;
    nav.append(prev, info, next);
    root.append(nav);
  }
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
