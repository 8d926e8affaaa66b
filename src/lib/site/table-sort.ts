/**
 * Sortable tables (browser side): every `table[data-sortable]` gets a button
 * in each cell of its last header row; a click sorts the body rows by that
 * column (numbers by their `data-v`, text in Chinese collation), once
 * descending for numbers / ascending for text, again the other way. Empty
 * values (未填报, —) always sort last. The column's `aria-sort` says the order.
 * Without JavaScript the table keeps its built order.
 */
const coll = new Intl.Collator('zh-CN');

export function initSortable(root: ParentNode = document) {
  for (const table of root.querySelectorAll<HTMLTableElement>('table[data-sortable]')) {
    const head = table.tHead?.rows[table.tHead.rows.length - 1];
    const body = table.tBodies[0];
    if (!head || !body) continue;
    [...head.cells].forEach((th, col) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'sort';
      b.append(...th.childNodes);
      th.append(b);
      b.addEventListener('click', () => {
        const rows = [...body.rows];
        const numeric = rows.some((r) => r.cells[col]?.hasAttribute('data-v'));
        const was = th.getAttribute('aria-sort');
        const desc = was ? was === 'ascending' : numeric;
        const key = (r: HTMLTableRowElement): number | string | null => {
          const c = r.cells[col];
          if (!c) return null;
          if (numeric) { const v = c.getAttribute('data-v'); return v === null || v === '' ? null : Number(v); }
          return c.textContent!.trim() || null;
        };
        rows.sort((x, y) => {
          const a = key(x);
          const z = key(y);
          if (a === null || z === null) return a === z ? 0 : a === null ? 1 : -1;
          const c = typeof a === 'number' ? a - (z as number) : coll.compare(a, z as string);
          return desc ? -c : c;
        });
        body.append(...rows);
        for (const h of head.cells) h.removeAttribute('aria-sort');
        th.setAttribute('aria-sort', desc ? 'descending' : 'ascending');
      });
    });
  }
}
