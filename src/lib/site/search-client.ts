/**
 * Browser side of the search page.
 *
 * Names: search/names.json matched by name-match.ts (Chinese anywhere in the
 * name, pinyin initials anywhere, full pinyin, or a place the agency is in).
 *
 * Report text: Pagefind (index built by scripts/build-search.ts), loaded on
 * the first query. The query is cut into words as the index was
 * (search-text.ts) and searched as a quoted phrase, so only whole-word
 * matches count (`不存在的机关` finds nothing; no single-character noise);
 * several space-separated terms must all occur. Hits are grouped by agency
 * (Pagefind's filter counts give every agency's number of matching reports
 * without loading them), ten agencies a page; each report shows its matching
 * sentence and links to that line (`#L<n>`). Province and year filter both
 * lists. State in the URL: ?q=&province=&year=&page=.
 */
import { matchNames, type NameRow } from './name-match.ts';
import { pagerHtml } from './pager.ts';
import { decodeLines, joinWords, lineAt, queryWords } from './search-text.ts';

const GROUPS_PER_PAGE = 10;
const NAMES_SHOWN = 30;
/** Multi-term queries group by loading results in order: at most this many. */
const MULTI_CAP = 300;

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

interface PfResult { id: string; data: () => Promise<PfData> }
interface PfData { url: string; content: string; locations: number[]; meta: Record<string, string> }
interface PfSearch { results: PfResult[]; filters: Record<string, Record<string, number>> }
interface Pagefind {
  options(o: object): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(q: string, o?: { filters?: Record<string, string> }): Promise<PfSearch>;
}
interface Group { id: string; count: number; hits?: PfData[] }

export function initSearch(root: HTMLElement) {
  const base = root.dataset.base!;
  const form = root.querySelector<HTMLFormElement>('#search-form')!;
  const input = root.querySelector<HTMLInputElement>('#q')!;
  const province = form.elements.namedItem('province') as HTMLSelectElement;
  const year = form.elements.namedItem('year') as HTMLSelectElement;
  const status = root.querySelector<HTMLElement>('#search-status')!;
  const namesSection = root.querySelector<HTMLElement>('#names-section')!;
  const nameList = root.querySelector<HTMLElement>('#name-results')!;
  const nameMore = root.querySelector<HTMLElement>('#name-more')!;
  const textSection = root.querySelector<HTMLElement>('#text-section')!;
  const textSummary = root.querySelector<HTMLElement>('#text-summary')!;
  const textList = root.querySelector<HTMLElement>('#text-results')!;
  const pager = root.querySelector<HTMLElement>('#text-pager')!;
  for (const el of root.querySelectorAll<HTMLElement>('.js-only')) el.hidden = false;

  let names: Promise<NameRow[]> | null = null;
  let pagefind: Promise<Pagefind> | null = null;
  let totals: Record<string, Record<string, number>> | null = null;
  let seq = 0;
  let page = 1;

  const loadNames = () => (names ??= fetch(root.dataset.names!).then((r) => r.json() as Promise<NameRow[]>));
  const loadPagefind = () => (pagefind ??= (import(/* @vite-ignore */ root.dataset.pagefind!) as Promise<Pagefind>).then(async (pf) => {
    // from the data host (DATA_BASE_URL): a worker cannot start from another origin, so search on the page
    const crossOrigin = new URL(root.dataset.pagefind!, location.href).origin !== location.origin;
    await pf.options({ baseUrl: base, ...(crossOrigin ? { noWorker: true } : {}) });
    totals = await pf.filters(); // loads every filter, so each search reports counts per agency, province and year
    fillOptions(province, totals.province ?? {});
    fillOptions(year, totals.year ?? {}, true);
    applyParams();
    return pf;
  }));

  /** A result's URL: Pagefind puts the base in front; an archived page's is absolute already. */
  const resultUrl = (u: string) => { const i = u.indexOf('://'); return i > 0 ? u.slice(u.lastIndexOf('http', i)) : u; };

  function fillOptions(sel: HTMLSelectElement, counts: Record<string, number>, desc = false) {
    const keep = sel.value || new URLSearchParams(location.search).get(sel.name) || '';
    const values = Object.keys(counts).sort((a, b) => (desc ? b.localeCompare(a) : a.localeCompare(b, 'zh-CN')));
    sel.innerHTML = '<option value="">全部</option>' + values.map((v) => `<option value="${esc(v)}" data-label="${esc(v)}">${esc(v)}(${counts[v]})</option>`).join('');
    if (keep && values.includes(keep)) sel.value = keep;
  }

  function setCounts(sel: HTMLSelectElement, counts: Record<string, number> | undefined) {
    for (const o of sel.options) if (o.value) o.textContent = `${o.dataset.label}(${counts?.[o.value] ?? 0})`;
  }

  function applyParams() {
    const p = new URLSearchParams(location.search);
    for (const sel of [province, year]) {
      const v = p.get(sel.name);
      if (v && [...sel.options].some((o) => o.value === v)) sel.value = v;
    }
  }

  function saveState(q: string) {
    const u = new URL(location.href);
    for (const [k, v] of [['q', q], ['province', province.value], ['year', year.value], ['page', page > 1 ? String(page) : '']]) {
      if (v) u.searchParams.set(k, v); else u.searchParams.delete(k);
    }
    history.replaceState(null, '', u);
  }

  function renderNames(q: string, all: NameRow[]) {
    let hits = matchNames(all, q);
    if (province.value) hits = hits.filter((n) => (n[4] || '未识别地区') === province.value);
    namesSection.hidden = hits.length === 0; // the status line says 0
    nameList.innerHTML = hits.length
      ? hits.slice(0, NAMES_SHOWN).map((n) => `<li><a href="${base}agencies/${esc(n[0])}/">${esc(n[1])}</a> <span class="muted small">${esc([n[4], n[5]].filter(Boolean).join(' '))}</span></li>`).join('')
      : '<li class="muted">没有名称或地区匹配的机关</li>';
    nameMore.hidden = hits.length <= NAMES_SHOWN;
    nameMore.textContent = `另有 ${hits.length - NAMES_SHOWN} 个机关;请输入更完整的名称,或选择省份。`;
    return hits.length;
  }

  /** The sentence around a hit, the hit marked: words back to the previous sentence end and on to the next. */
  function sentence(d: PfData, nWords: number): { html: string; line: number; count: number } {
    const ws = d.content.split(' ');
    const at = d.locations[0] ?? 0;
    const end = /[。!?;!?;]/;
    let from = at;
    while (from > 0 && at - from < 24 && !end.test(ws[from - 1])) from--;
    let to = at + nWords;
    while (to < ws.length && to - at < 36 && !end.test(ws[to - 1])) to++;
    const marked = new Set(d.locations);
    const parts: string[] = [];
    let run: string[] = [];
    let inMark = false;
    const flush = () => {
      if (!run.length) return;
      const text = joinWords(run);
      if (!inMark) parts.push(esc(text));
      else { // the punctuation a word carries stays outside the mark
        const m = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u.exec(text)!;
        parts.push(`${esc(m[1])}<mark>${esc(m[2])}</mark>${esc(m[3])}`);
      }
      run = [];
    };
    for (let i = from; i < to; i++) {
      const m = marked.has(i);
      if (m !== inMark) { flush(); inMark = m; }
      run.push(ws[i]);
    }
    flush();
    // a sentence end inside the last word: cut after it (the word carries what follows the stop)
    if (to < ws.length && end.test(ws[to - 1]) && parts.length) {
      const last = parts[parts.length - 1];
      const m = /^(.*[。!?;!?;])/s.exec(last);
      if (m && !last.endsWith('</mark>')) parts[parts.length - 1] = m[1];
    }
    const cut = to < ws.length && !end.test(ws[to - 1]);
    const line = lineAt(decodeLines(d.meta.lines ?? ''), at);
    return { html: (from > 0 && !end.test(ws[from - 1]) ? '…' : '') + parts.join('') + (cut ? '…' : ''), line, count: Math.max(1, Math.round(d.locations.length / Math.max(1, nWords))) };
  }

  function renderGroup(g: Group, nWords: number): string {
    const hits = g.hits ?? [];
    const first = hits[0];
    const name = first?.meta.agency ?? g.id;
    const agencyId = first?.meta.agency_id;
    const head = agencyId ? `<a href="${base}agencies/${esc(agencyId)}/">${esc(name)}</a>` : esc(name);
    const items = [...hits].sort((a, b) => (b.meta.year ?? '').localeCompare(a.meta.year ?? '')).map((d) => {
      const url = resultUrl(d.url);
      const s = sentence(d, nWords);
      const lineLink = s.line ? ` <a class="line" href="${esc(url)}#L${s.line}">第 ${s.line} 行</a>` : '';
      const more = s.count > 1 ? ` <span class="muted small">(本报告共 ${s.count} 处)</span>` : '';
      return `<li><a href="${esc(url)}">${esc(d.meta.year ?? '')}${/^\d+$/.test(d.meta.year ?? '') ? '年度' : ''}</a>:<span class="excerpt">${s.html}</span>${lineLink}${more}</li>`;
    }).join('');
    return `<li><h3>${head} <span class="muted small">${esc(first?.meta.place ?? '')} · ${g.count} 份报告</span></h3><ul class="hits">${items}</ul></li>`;
  }

  function renderPager(groups: number, more: boolean) {
    const pages = Math.max(1, Math.ceil(groups / GROUPS_PER_PAGE));
    if (pages <= 1 && !more) { pager.innerHTML = ''; return; }
    pager.innerHTML = pagerHtml(page, pages, '正文结果分页', [`<li class="muted small">第 ${page} / ${pages} 页</li>`]);
  }

  async function searchText(pf: Pagefind, terms: string[][], my: number) {
    const filters: Record<string, string> = {};
    if (province.value) filters.province = province.value;
    if (year.value) filters.year = year.value;
    const phrase = (t: string[]) => `"${t.join(' ')}"`;
    const nWords = terms[0].length;
    let groups: Group[];
    let reports: number;
    let capped = false;
    if (terms.length === 1) {
      const r = await pf.search(phrase(terms[0]), { filters });
      reports = r.results.length;
      const counts = r.filters.agency ?? {};
      groups = Object.entries(counts).filter(([, n]) => n > 0).map(([id, count]) => ({ id, count }))
        .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
      // the counts beside each province and year: this query with the other filter only
      const { province: p, year: y, ...rest } = filters;
      const [byProvince, byYear] = await Promise.all([
        pf.search(phrase(terms[0]), { filters: { ...rest, ...(y ? { year: y } : {}) } }),
        pf.search(phrase(terms[0]), { filters: { ...rest, ...(p ? { province: p } : {}) } }),
      ]);
      setCounts(province, byProvince.filters.province);
      setCounts(year, byYear.filters.year);
      if (my !== seq) return;
      const shown = groups.slice((page - 1) * GROUPS_PER_PAGE, page * GROUPS_PER_PAGE);
      await Promise.all(shown.map(async (g) => {
        const rg = await pf.search(phrase(terms[0]), { filters: { ...filters, agency: g.id } });
        g.hits = await Promise.all(rg.results.slice(0, 20).map((x) => x.data()));
      }));
    } else {
      // every term must occur: intersect the quoted searches, keep the first term's order
      const all = await Promise.all(terms.map((t) => pf.search(phrase(t), { filters })));
      const others = all.slice(1).map((r) => new Set(r.results.map((x) => x.id)));
      const hits = all[0].results.filter((x) => others.every((s) => s.has(x.id)));
      reports = hits.length;
      capped = hits.length > MULTI_CAP;
      const data = await Promise.all(hits.slice(0, MULTI_CAP).map((x) => x.data()));
      const by = new Map<string, Group>();
      for (const d of data) {
        const id = d.meta.agency_id || d.meta.agency;
        const g = by.get(id) ?? { id, count: 0, hits: [] };
        g.count++;
        g.hits!.push(d);
        by.set(id, g);
      }
      groups = [...by.values()];
      setCounts(province, undefined);
      setCounts(year, undefined);
    }
    if (my !== seq) return { groups: 0, reports: 0 };
    const pages = Math.max(1, Math.ceil(groups.length / GROUPS_PER_PAGE));
    if (page > pages) page = pages;
    const shown = groups.slice((page - 1) * GROUPS_PER_PAGE, page * GROUPS_PER_PAGE);
    textSection.hidden = false;
    textSummary.textContent = reports
      ? `${groups.length} 个机关的 ${reports} 份报告提到“${terms.map((t) => t.join('')).join('”和“')}”` + (capped ? `(按多个词搜索时只分组前 ${MULTI_CAP} 份)` : '') + '。点“第 N 行”看原文。'
      : '';
    textList.innerHTML = shown.length ? shown.map((g) => renderGroup(g, nWords)).join('') : '<li class="empty">报告正文中没有找到。</li>';
    renderPager(groups.length, false);
    return { groups: groups.length, reports };
  }

  async function run(qRaw: string) {
    const my = ++seq;
    const q = qRaw.trim();
    saveState(q);
    if (!q) {
      namesSection.hidden = true;
      textSection.hidden = true;
      status.textContent = '';
      return;
    }
    status.textContent = '搜索中…';
    const nameCount = renderNames(q, await loadNames());
    if (my !== seq) return;
    const terms = q.split(/\s+/).map(queryWords).filter((t) => t.length > 0);
    let text = { groups: 0, reports: 0 };
    if (terms.length) {
      try {
        const pf = await loadPagefind();
        if (my !== seq) return;
        text = (await searchText(pf, terms, my)) ?? text;
      } catch (e) {
        textSection.hidden = false;
        textList.innerHTML = `<li class="empty">全文索引不可用(${esc(String(e))})</li>`;
      }
    } else {
      textSection.hidden = true;
    }
    if (my !== seq) return;
    if (nameCount && !text.reports && terms.length) textSection.hidden = true; // a name or pinyin query: the names are the answer
    status.textContent = nameCount || text.reports
      ? `名称或地区匹配的机关 ${nameCount} 个;正文命中 ${text.reports} 份报告(${text.groups} 个机关)`
      : `没有找到与“${q}”相关的机关或报告`;
  }

  form.addEventListener('submit', (e) => { e.preventDefault(); page = 1; void run(input.value); });
  for (const sel of [province, year]) sel.addEventListener('change', () => { page = 1; void run(input.value); });
  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(() => { page = 1; void run(input.value); }, 300); });
  pager.addEventListener('click', (e) => {
    const a = (e.target as HTMLElement).closest<HTMLAnchorElement>('a[data-page]');
    if (!a) return;
    e.preventDefault();
    page = Number(a.dataset.page);
    void run(input.value).then(() => textSection.scrollIntoView());
  });
  const params = new URLSearchParams(location.search);
  page = Number(params.get('page')) || 1;
  const q = params.get('q');
  if (q) {
    input.value = q;
    // filters in the URL need Pagefind's options first
    if (params.get('province') || params.get('year')) void loadPagefind().then(() => run(q)).catch(() => run(q));
    else void run(q);
  }
}
