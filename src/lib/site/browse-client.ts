/**
 * Browser side of the browse page: loads browse/index.json once, then filters
 * (province, level, year, status, name), sorts and pages entirely in the
 * browser. The state lives in the URL query (?province=42&year=2024&sort=-new&page=2)
 * so a view can be shared; the pre-rendered page is the no-JS fallback.
 */
type Row = [string, string, number, number, number, number, number, number | null, number, number | null, number | null];
interface Index { dict: string[]; rows: Row[] }

const LEVELS: Record<string, string> = { province: '省级', city: '市级', county: '县级', township: '乡镇级', department: '部门', unknown: '未知' };
const STATUSES: Record<string, string> = { ok: '通过', warnings: '有警告', failed: '失败' };
const KEYS = ['province', 'level', 'year', 'status', 'q', 'sort'] as const;

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
  const browseRoot = base + 'browse/';
  let index: Index | null = null;
  let loading: Promise<Index> | null = null;

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

  async function update(push = true) {
    const s = state();
    status.textContent = '加载中…';
    const idx = index ?? (await load());
    const d = idx.dict;
    const q = s.q?.toLowerCase();
    let rows = idx.rows.filter((r) =>
      (!s.province || d[r[3]] === s.province) &&
      (!s.level || d[r[6]] === s.level) &&
      (!s.year || String(r[7]) === s.year) &&
      (!s.status || d[r[8]] === s.status) &&
      (!q || d[r[2]].toLowerCase().includes(q)));
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
    const pages = Math.max(1, Math.ceil(rows.length / size));
    if (page > pages) page = pages;
    const slice = rows.slice((page - 1) * size, page * size);
    tbody.innerHTML = slice.map((r) => {
      const name = esc(d[r[2]] || '未识别机关');
      const href = /^https?:\/\//.test(r[0]) ? r[0] : base + r[0]; // archived report pages: absolute on the data host
      const place = esc([d[r[4]], d[r[5]]].filter(Boolean).join(' ') || '未识别');
      const st = d[r[8]];
      return `<tr><td><a href="${href}">${name}</a></td><td>${place}</td><td>${LEVELS[d[r[6]]] ?? ''}</td>` +
        `<td class="n">${r[7] ?? '—'}</td><td class="n">${fmtNum(r[9])}</td><td class="n">${fmtPct(r[10])}</td>` +
        `<td><span class="status status-${st}">${STATUSES[st] ?? st}</span></td></tr>`;
    }).join('');
    renderPager(pages);
    status.textContent = `筛选出 ${rows.length} 份报告,第 ${page} / ${pages} 页`;
    const qs = new URLSearchParams(s);
    if (page > 1) qs.set('page', String(page));
    const url = browseRoot + (qs.toString() ? '?' + qs : '');
    if (push) history.replaceState(null, '', url);
  }

  function renderPager(pages: number) {
    if (pages <= 1) { pager.innerHTML = ''; return; }
    const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
    const parts: string[] = [];
    if (page > 1) parts.push(`<li><a href="#" data-page="${page - 1}" rel="prev">上一页</a></li>`);
    shown.forEach((n, i) => {
      if (i > 0 && n - shown[i - 1] > 1) parts.push('<li><span aria-hidden="true">…</span></li>');
      parts.push(n === page ? `<li><span aria-current="page">${n}</span></li>` : `<li><a href="#" data-page="${n}">${n}</a></li>`);
    });
    if (page < pages) parts.push(`<li><a href="#" data-page="${page + 1}" rel="next">下一页</a></li>`);
    pager.innerHTML = `<nav aria-label="分页"><ul class="pager">${parts.join('')}</ul></nav>`;
  }

  pager.addEventListener('click', (e) => {
    const a = (e.target as HTMLElement).closest<HTMLAnchorElement>('a[data-page]');
    if (!a || !index) return;
    e.preventDefault();
    page = Number(a.dataset.page);
    void update().then(() => root.querySelector('#browse-table')?.scrollIntoView());
  });
  form.addEventListener('change', () => { page = 1; void update(); });
  form.addEventListener('input', (e) => { if ((e.target as HTMLElement).getAttribute('name') === 'q') { page = 1; void update(); } });
  form.addEventListener('submit', (e) => { e.preventDefault(); page = 1; void update(); });
  root.querySelector('#reset')!.addEventListener('click', () => { form.reset(); page = 1; void update(); });

  // A shared URL with filters: apply at once. A facet page: keep the server-rendered rows until the user changes something.
  if (location.search) void update(false).catch((e) => { status.textContent = String(e); });
}
