/**
 * Browser side of the browse page: loads browse/index.json once, then filters
 * (province, level, year, status, name), sorts and pages entirely in the
 * browser. The state lives in the URL query (?province=42&year=2024&sort=-new&page=2)
 * so a view can be shared; the pre-rendered page is the no-JS fallback. Each
 * option shows how many reports it would leave given the other filters, and
 * the CSV / JSON links download exactly the filtered rows.
 */
import { browseCsv, browseRecord, type BrowseRecord } from './browse.ts';
import { pagerHtml } from './pager.ts';
import type { ReportSummary } from './types.ts';

type Row = [string, string, number, number, number, number, number, number | null, number, number | null, number | null, string];
interface Index { dict: string[]; rows: Row[] }

const LEVELS: Record<string, string> = { province: '省级', city: '市级', county: '县级', township: '乡镇级', department: '部门', unknown: '未知' };
const STATUSES: Record<string, string> = { ok: '通过', warnings: '有警告', failed: '失败' };
const KEYS = ['province', 'level', 'year', 'status', 'q', 'sort'] as const;
const FACETS = ['province', 'level', 'year', 'status'] as const;
type Facet = (typeof FACETS)[number];

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const fmtNum = (v: number | null) => (v === null ? '未填报' : v.toLocaleString('zh-CN'));
const fmtPct = (v: number | null) => (v === null ? '—' : (v / 100).toFixed(1) + '%');

export function initBrowse(root: HTMLElement) {
  const base = root.dataset.base!;
  const size = Number(root.dataset.size) || 100;
  const form = root.querySelector<HTMLFormElement>('#filters')!;
  const tbody = root.querySelector<HTMLTableSectionElement>('#browse-table tbody')!;
  const pager = root.querySelector<HTMLElement>('#pager')!;
  const status = root.querySelector<HTMLElement>('#browse-status')!;
  const empty = root.querySelector<HTMLElement>('#browse-empty')!;
  const browseRoot = base + 'browse/';
  let index: Index | null = null;
  let loading: Promise<Index> | null = null;
  let current: Row[] | null = null; // the filtered rows, once the script has filtered

  form.hidden = false;
  // initial state: the URL query, or the facet of this pre-rendered page
  const params = new URLSearchParams(location.search);
  const facet = root.dataset.facet;
  if (facet && facet !== 'all' && !params.has(facet)) params.set(facet, root.dataset.value!);
  for (const k of KEYS) {
    const el = form.elements.namedItem(k) as HTMLInputElement | HTMLSelectElement | null;
    if (el && params.get(k)) el.value = params.get(k)!;
  }
  let page = Number(params.get('page')) || 1;

  // sortable headers
  for (const th of root.querySelectorAll<HTMLTableCellElement>('th[data-sort]')) {
    const key = th.dataset.sort!;
    const label = th.textContent!;
    th.textContent = '';
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'sort';
    b.textContent = label;
    b.addEventListener('click', () => {
      const sel = form.elements.namedItem('sort') as HTMLSelectElement;
      const desc = key !== 'agency' && sel.value !== '-' + key;
      sel.value = (desc ? '-' : '') + key;
      if (!sel.value || ![...sel.options].some((o) => o.value === sel.value)) sel.value = key;
      page = 1;
      void update();
    });
    th.appendChild(b);
  }

  const load = () => (loading ??= fetch(root.dataset.index!).then((r) => {
    if (!r.ok) throw new Error(`browse index: HTTP ${r.status}`);
    return r.json() as Promise<Index>;
  }).then((x) => (index = x)));

  function state() {
    const s: Record<string, string> = {};
    for (const k of KEYS) {
      const el = form.elements.namedItem(k) as HTMLInputElement | null;
      if (el?.value) s[k] = el.value.trim();
    }
    return s;
  }

  /** The row's value of a facet, as the select's option values spell it. */
  const facetValue = (d: string[], r: Row, f: Facet) =>
    f === 'province' ? d[r[3]] : f === 'level' ? d[r[6]] : f === 'year' ? String(r[7] ?? 'unknown') : d[r[8]];

  function matches(d: string[], r: Row, s: Record<string, string>, skip?: Facet) {
    for (const f of FACETS) if (f !== skip && s[f] && facetValue(d, r, f) !== s[f]) return false;
    return !s.q || d[r[2]].toLowerCase().includes(s.q.toLowerCase());
  }

  /** Each option's count given the other filters (as Datasette's facets do). */
  function updateCounts(idx: Index, s: Record<string, string>) {
    for (const f of FACETS) {
      const counts = new Map<string, number>();
      for (const r of idx.rows) if (matches(idx.dict, r, s, f)) {
        const v = facetValue(idx.dict, r, f);
        counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      const sel = form.elements.namedItem(f) as HTMLSelectElement;
      for (const o of sel.options) if (o.value) o.textContent = `${o.dataset.label ?? o.value}(${counts.get(o.value) ?? 0})`;
    }
  }

  async function update(push = true) {
    const s = state();
    status.textContent = '加载中…';
    const idx = index ?? (await load());
    const d = idx.dict;
    let rows = idx.rows.filter((r) => matches(d, r, s));
    if (s.sort) {
      const desc = s.sort.startsWith('-');
      const key = s.sort.replace(/^-/, '');
      const val = (r: Row): number | string | null => key === 'year' ? r[7] : key === 'new' ? r[9] : key === 'granted' ? r[10] : d[r[2]];
      const coll = new Intl.Collator('zh-CN');
      rows = rows.slice().sort((a, b) => {
        const x = val(a);
        const y = val(b);
        if (x === null && y === null) return 0;
        if (x === null) return 1; // NULL always last
        if (y === null) return -1;
        const c = typeof x === 'string' ? coll.compare(x, y as string) : (x as number) - (y as number);
        return desc ? -c : c;
      });
    }
    current = rows;
    const pages = Math.max(1, Math.ceil(rows.length / size));
    if (page > pages) page = pages;
    const slice = rows.slice((page - 1) * size, page * size);
    tbody.innerHTML = slice.map((r) => {
      const name = esc(d[r[2]] || '未识别机关');
      const href = /^https?:\/\//.test(r[0]) ? r[0] : base + r[0]; // archived report pages: absolute on the data host
      const place = esc([d[r[4]], d[r[5]]].filter(Boolean).join(' ') || '未识别');
      const st = d[r[8]];
      return `<tr><th scope="row"><a href="${href}">${name}</a></th><td>${place}</td><td>${LEVELS[d[r[6]]] ?? ''}</td>` +
        `<td class="n">${r[7] ?? '—'}</td><td class="n">${fmtNum(r[9])}</td><td class="n">${fmtPct(r[10])}</td>` +
        `<td><span class="status status-${st}">${STATUSES[st] ?? st}</span></td></tr>`;
    }).join('');
    empty.hidden = rows.length > 0;
    root.querySelector<HTMLElement>('#browse-table')!.closest<HTMLElement>('.scroll')!.hidden = rows.length === 0;
    renderPager(pages);
    updateCounts(idx, s);
    status.textContent = rows.length ? `筛选出 ${rows.length} 份报告,第 ${page} / ${pages} 页` : '没有符合条件的报告';
    const note = root.querySelector<HTMLElement>('#dl-note');
    if (note) note.textContent = `(筛选结果 ${rows.length} 份)`;
    const qs = new URLSearchParams(s);
    if (page > 1) qs.set('page', String(page));
    const url = browseRoot + (qs.toString() ? '?' + qs : '');
    if (push) history.replaceState(null, '', url);
  }

  function renderPager(pages: number) {
    if (pages <= 1) { pager.innerHTML = ''; return; }
    pager.innerHTML = pagerHtml(page, pages, '分页');
  }

  /** The filtered rows as download records (the columns of the pre-built files). */
  function records(idx: Index, rows: Row[]): BrowseRecord[] {
    const d = idx.dict;
    const siteRoot = new URL(base, location.href).href;
    return rows.map((r) => browseRecord({
      id: r[11], page: r[0], agency_id: r[1] || null, agency: d[r[2]] || null, province_slug: d[r[3]], province: d[r[4]] || null,
      city: d[r[5]] || null, level: d[r[6]], year: r[7], status: d[r[8]], new_received: r[9],
      granted_rate: r[10] === null ? null : r[10] / 10000,
    } as ReportSummary, siteRoot));
  }

  function fileName(ext: string) {
    const s = state();
    const parts = FACETS.filter((f) => s[f]).map((f) => `${f}-${s[f]}`);
    if (s.q) parts.push('q');
    return `reports${parts.length ? '_' + parts.join('_') : ''}.${ext}`;
  }

  // Downloads: the pre-built file of this page until a filter is set, then the filtered rows.
  for (const ext of ['csv', 'json'] as const) {
    root.querySelector<HTMLAnchorElement>(`#dl-${ext}`)?.addEventListener('click', (e) => {
      if (!current || !index) return;
      e.preventDefault();
      const recs = records(index, current);
      const blob = ext === 'csv'
        ? new Blob([browseCsv(recs)], { type: 'text/csv;charset=utf-8' })
        : new Blob([JSON.stringify(recs)], { type: 'application/json' });
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = fileName(ext);
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    });
  }

  pager.addEventListener('click', (e) => {
    const a = (e.target as HTMLElement).closest<HTMLAnchorElement>('a[data-page]');
    if (!a || !index) return;
    e.preventDefault();
    page = Number(a.dataset.page);
    void update().then(() => root.querySelector('#browse-table')?.scrollIntoView());
  });
  const reset = () => {
    for (const k of KEYS) (form.elements.namedItem(k) as HTMLInputElement | HTMLSelectElement).value = '';
    page = 1;
    void update();
  };
  form.addEventListener('change', () => { page = 1; void update(); });
  form.addEventListener('input', (e) => { if ((e.target as HTMLElement).getAttribute('name') === 'q') { page = 1; void update(); } });
  form.addEventListener('submit', (e) => { e.preventDefault(); page = 1; void update(); });
  root.querySelector('#filters-reset')!.addEventListener('click', reset);
  root.querySelector('#empty-reset')!.addEventListener('click', reset);

  // A shared URL with filters: apply at once. A facet page: keep the server-rendered rows until the user changes something.
  if (location.search) void update(false).catch((e) => { status.textContent = String(e); });
}
