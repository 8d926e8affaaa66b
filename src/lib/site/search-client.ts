/**
 * Browser side of the search page: name matching over search/names.json
 * (Chinese substring, full pinyin or pinyin-initials prefix) and full-text
 * search through Pagefind's JS API, loaded on first query. ?q= is kept in the URL.
 */
type Name = [string, string, string, string, string, string]; // id, name, initials, pinyin, province, city

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export function initSearch(root: HTMLElement) {
  const base = root.dataset.base!;
  const form = root.querySelector<HTMLFormElement>('#search-form')!;
  const input = root.querySelector<HTMLInputElement>('#q')!;
  const status = root.querySelector<HTMLElement>('#search-status')!;
  const nameList = root.querySelector<HTMLElement>('#name-results')!;
  const textList = root.querySelector<HTMLElement>('#text-results')!;
  let names: Promise<Name[]> | null = null;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let pagefind: Promise<any> | null = null;
  let seq = 0;

  const loadNames = () => (names ??= fetch(root.dataset.names!).then((r) => r.json() as Promise<Name[]>));
  const loadPagefind = () => (pagefind ??= import(/* @vite-ignore */ root.dataset.pagefind!).then(async (pf) => {
    await pf.options({ baseUrl: base });
    return pf;
  }));

  async function run(q: string) {
    const my = ++seq;
    q = q.trim();
    const url = new URL(location.href);
    if (q) url.searchParams.set('q', q); else url.searchParams.delete('q');
    history.replaceState(null, '', url);
    if (!q) { nameList.innerHTML = ''; textList.innerHTML = ''; status.textContent = ''; return; }
    status.textContent = '搜索中…';
    const lower = q.toLowerCase().replace(/\s+/g, '');
    const latin = /^[a-z]+$/.test(lower);
    const all = await loadNames();
    if (my !== seq) return;
    const hits = all.filter((n) => latin ? n[2].startsWith(lower) || n[3].startsWith(lower) || n[3].includes(lower) : n[1].includes(q)).slice(0, 50);
    nameList.innerHTML = hits.length
      ? hits.map((n) => `<li><a href="${base}agencies/${n[0]}/">${esc(n[1])}</a> <span class="muted small">${esc([n[4], n[5]].filter(Boolean).join(' '))}</span></li>`).join('')
      : '<li class="muted">没有匹配的机关名称</li>';
    let textCount = 0;
    try {
      const pf = await loadPagefind();
      const res = await pf.search(q);
      if (my !== seq) return;
      const data = await Promise.all(res.results.slice(0, 20).map((r: { data: () => Promise<unknown> }) => r.data()));
      if (my !== seq) return;
      textCount = res.results.length;
      textList.innerHTML = data.length
        ? data.map((d: any) => `<li><a href="${esc(d.url)}">${esc(d.meta?.title ?? d.url)}</a><br /><span class="small">${d.excerpt}</span></li>`).join('')
        : '<li class="muted">正文中没有找到</li>';
    } catch {
      textList.innerHTML = '<li class="muted">全文索引不可用(本次构建未生成 Pagefind 索引)</li>';
    }
    status.textContent = `机关 ${hits.length} 个,正文 ${textCount} 处`;
  }

  form.addEventListener('submit', (e) => { e.preventDefault(); void run(input.value); });
  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(() => void run(input.value), 250); });
  const q = new URLSearchParams(location.search).get('q');
  if (q) { input.value = q; void run(q); }
}
