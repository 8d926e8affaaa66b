/**
 * Page links for a client-side list (browse, search): first, last and two
 * either side of the current page, gaps as `…`, previous and next. Each link
 * is `<a href="#" data-page="N">`; the page's script handles the click.
 */
export function pagerHtml(page: number, pages: number, label: string, extra: string[] = []): string {
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])]
    .filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  const parts: string[] = [];
  if (page > 1) parts.push(`<li><a href="#" data-page="${page - 1}" rel="prev">上一页</a></li>`);
  shown.forEach((n, i) => {
    if (i > 0 && n - shown[i - 1] > 1) parts.push('<li><span aria-hidden="true">…</span></li>');
    parts.push(n === page ? `<li><span aria-current="page">${n}</span></li>` : `<li><a href="#" data-page="${n}">${n}</a></li>`);
  });
  if (page < pages) parts.push(`<li><a href="#" data-page="${page + 1}" rel="next">下一页</a></li>`);
  return `<nav aria-label="${label}"><ul class="pager">${[...parts, ...extra].join('')}</ul></nav>`;
}
