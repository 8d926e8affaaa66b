/**
 * Browser side of 任选机关比较: pick agencies by name (names.json, matched as
 * the search page does), load each one's series (compare/a/<id>.json) and the
 * national level figures (compare/levels.json), and show one indicator over
 * the years, a row per agency and one per level nationwide. The table sorts
 * (table-sort.ts); the picked agencies' every indicator downloads as CSV or
 * JSON. State in the URL: ?a=id1,id2&i=granted_rate&n=0.
 */
import { csvText } from './csv-text.ts';
import type { AgencySeries, LevelSeries } from './compare-data.ts';
import { matchNames, type NameRow } from './name-match.ts';
import { initSortable } from './table-sort.ts';

const LEVELS: Record<string, string> = { province: '省级', city: '市级', county: '县级', township: '乡镇级', department: '部门', unknown: '未知' };
const MAX = 20;
const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

interface Ind { code: string; zh: string; kind: 'count' | 'ratio' }
interface Rec { agency: string; agency_id: string; year: number; indicator: string; indicator_zh: string; value: number | null; numerator: number | null; denominator: number | null; url: string }

export function initPick(root: HTMLElement) {
  const base = root.dataset.base!;
  const inds = JSON.parse(root.dataset.indicators!) as Ind[];
  const q = root.querySelector<HTMLInputElement>('#pick-q')!;
  const hits = root.querySelector<HTMLElement>('#pick-hits')!;
  const picked = root.querySelector<HTMLElement>('#picked')!;
  const sel = root.querySelector<HTMLSelectElement>('#pick-indicator')!;
  const national = root.querySelector<HTMLInputElement>('#pick-national')!;
  const status = root.querySelector<HTMLElement>('#pick-status')!;
  const result = root.querySelector<HTMLElement>('#pick-result')!;
  const downloads = root.querySelector<HTMLElement>('#pick-downloads')!;
  root.hidden = false;

  const params = new URLSearchParams(location.search);
  let ids = (params.get('a') ?? '').split(',').map((s) => s.trim()).filter(Boolean).slice(0, MAX);
  if (params.get('i') && inds.some((i) => i.code === params.get('i'))) sel.value = params.get('i')!;
  national.checked = params.get('n') !== '0';

  let names: Promise<NameRow[]> | null = null;
  const loadNames = () => (names ??= fetch(root.dataset.names!).then((r) => r.json() as Promise<NameRow[]>));
  const series = new Map<string, Promise<AgencySeries | null>>();
  const loadSeries = (id: string) => {
    let p = series.get(id);
    if (!p) {
      p = fetch(`${base}compare/a/${encodeURIComponent(id)}.json`).then((r) => (r.ok ? (r.json() as Promise<AgencySeries>) : null)).catch(() => null);
      series.set(id, p);
    }
    return p;
  };
  let levels: Promise<LevelSeries[]> | null = null;
  const loadLevels = () => (levels ??= fetch(`${base}compare/levels.json`).then((r) => r.json() as Promise<LevelSeries[]>));

  const href = (page: string) => (/^https?:\/\//.test(page) ? page : base + page);
  const fmt = (v: number | null, kind: string) => (v === null ? '—' : kind === 'count' ? v.toLocaleString('zh-CN', { maximumFractionDigits: 1 }) : (v * 100).toFixed(1) + '%');

  function saveState() {
    const u = new URL(location.href);
    if (ids.length) u.searchParams.set('a', ids.join(',')); else u.searchParams.delete('a');
    u.searchParams.set('i', sel.value);
    if (national.checked) u.searchParams.delete('n'); else u.searchParams.set('n', '0');
    history.replaceState(null, '', u);
  }

  async function render() {
    saveState();
    const list = (await Promise.all(ids.map(loadSeries))).filter((s): s is AgencySeries => s !== null);
    picked.innerHTML = list.map((s) => `<li><a href="${base}agencies/${esc(s.id)}/">${esc(s.name)}</a> <button type="button" data-remove="${esc(s.id)}" aria-label="移除 ${esc(s.name)}">×</button></li>`).join('');
    if (!list.length) {
      result.innerHTML = '';
      downloads.hidden = true;
      status.textContent = '还没有选择机关。在上面的搜索框输入名称、拼音首字母或地区后添加。';
      return;
    }
    const ind = inds.find((i) => i.code === sel.value)!;
    const lv = national.checked ? await loadLevels() : [];
    const levelRows = lv.filter((l) => list.some((s) => s.level === l.level));
    const years = [...new Set([...list.flatMap((s) => s.years.map((y) => y.year)), ...levelRows.flatMap((l) => l.years.map((y) => y.year))])].sort((a, b) => a - b);
    const cell = (v: number | null, title: string, link?: string) => {
      const text = fmt(v, ind.kind);
      return `<td class="n" data-v="${v ?? ''}" title="${esc(title)}">${link ? `<a href="${link}">${text}</a>` : text}</td>`;
    };
    const body = [
      ...list.map((s) => `<tr><th scope="row"><a href="${base}agencies/${esc(s.id)}/">${esc(s.name)}</a></th><td>${esc(LEVELS[s.level] ?? s.level)}</td>` + years.map((y) => {
        const r = s.years.find((x) => x.year === y);
        const t = r?.values[ind.code as keyof typeof r.values];
        if (!r || !t) return '<td class="n muted" data-v="">—</td>';
        return cell(t[0], ind.kind === 'ratio' ? `${t[1] ?? '未填报'} / ${t[2] ?? '未填报'}` : `${t[1] ?? '未填报'}`, href(r.page));
      }).join('') + '</tr>'),
      ...levelRows.map((l) => `<tr class="ref"><th scope="row">全国${esc(LEVELS[l.level])}${ind.kind === 'count' ? '(平均每份报告)' : ''}</th><td>${esc(LEVELS[l.level])}</td>` + years.map((y) => {
        const x = l.years.find((v) => v.year === y)?.indicators[ind.code as keyof LevelSeries['years'][number]['indicators']];
        if (!x || !x.reports) return '<td class="n muted" data-v="">—</td>';
        const v = ind.kind === 'count' ? (x.value === null || !x.reports ? null : Math.round((x.value / x.reports) * 10) / 10) : x.value;
        return cell(v, `${x.reports} 份报告`);
      }).join('') + '</tr>'),
    ];
    result.innerHTML = `<div class="scroll" role="region" tabindex="0" aria-label="${esc(ind.zh)}:所选机关历年"><table class="data" data-sortable><caption>${esc(ind.zh)}:所选机关历年</caption>` +
      `<thead><tr><th scope="col">机关</th><th scope="col">层级</th>${years.map((y) => `<th scope="col" class="n">${y}</th>`).join('')}</tr></thead><tbody>${body.join('')}</tbody></table></div>`;
    initSortable(result);
    downloads.hidden = false;
    const missing = ids.length - list.length;
    status.textContent = `${list.length} 个机关,${years.length} 个年度` + (missing ? `;${missing} 个编号没有找到` : '');
  }

  async function records(): Promise<Rec[]> {
    const list = (await Promise.all(ids.map(loadSeries))).filter((s): s is AgencySeries => s !== null);
    const siteRoot = new URL(base, location.href).href;
    return list.flatMap((s) => [...s.years].sort((a, b) => a.year - b.year).flatMap((y) => inds.map((i) => {
      const t = y.values[i.code as keyof typeof y.values] ?? [null, null, null];
      return { agency: s.name, agency_id: s.id, year: y.year, indicator: i.code, indicator_zh: i.zh, value: t[0], numerator: t[1], denominator: t[2], url: /^https?:\/\//.test(y.page) ? y.page : siteRoot + y.page };
    })));
  }

  async function download(ext: 'csv' | 'json') {
    const recs = await records();
    const cols = ['agency', 'agency_id', 'year', 'indicator', 'indicator_zh', 'value', 'numerator', 'denominator', 'url'] as const;
    const blob = ext === 'csv'
      ? new Blob([csvText(cols, recs.map((r) => cols.map((c) => r[c])))], { type: 'text/csv;charset=utf-8' })
      : new Blob([JSON.stringify(recs)], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `compare.${ext}`;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  }

  let seq = 0;
  async function suggest() {
    const my = ++seq;
    const text = q.value.trim();
    if (!text) { hits.innerHTML = ''; return; }
    const found = matchNames(await loadNames(), text, 10).filter((n) => !ids.includes(n[0]));
    if (my !== seq) return;
    hits.innerHTML = found.length
      ? found.map((n) => `<li><button type="button" data-add="${esc(n[0])}">添加</button> ${esc(n[1])} <span class="muted small">${esc([n[4], n[5]].filter(Boolean).join(' '))}</span></li>`).join('')
      : '<li class="muted">没有匹配的机关</li>';
  }

  q.addEventListener('input', () => void suggest());
  root.querySelector('#pick-form')!.addEventListener('submit', (e) => {
    e.preventDefault();
    hits.querySelector<HTMLButtonElement>('button[data-add]')?.click();
  });
  hits.addEventListener('click', (e) => {
    const b = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-add]');
    if (!b) return;
    if (ids.length >= MAX) { status.textContent = `最多比较 ${MAX} 个机关`; return; }
    ids.push(b.dataset.add!);
    q.value = '';
    hits.innerHTML = '';
    void render();
    q.focus();
  });
  picked.addEventListener('click', (e) => {
    const b = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-remove]');
    if (!b) return;
    ids = ids.filter((x) => x !== b.dataset.remove);
    void render();
  });
  sel.addEventListener('change', () => void render());
  national.addEventListener('change', () => void render());
  root.querySelector('#pick-csv')!.addEventListener('click', (e) => { e.preventDefault(); void download('csv'); });
  root.querySelector('#pick-json')!.addEventListener('click', (e) => { e.preventDefault(); void download('json'); });
  void render();
}
