/**
 * Matching agency names for the search page and the compare picker, over
 * search/names.json rows `[id, name, initials, pinyin, province, city, county]`:
 * Chinese text anywhere in the name, or a place (province, city, county) the
 * agency is in (`新疆` finds the agencies there); latin letters as pinyin
 * initials anywhere in the name (`jyj` → …教育局) or full pinyin. Best first:
 * exact name, name starting with the query, name containing it, initials at
 * the start, initials or pinyin anywhere, then place matches.
 */
export type NameRow = [string, string, string, string, string, string, string?];

export function matchNames(all: NameRow[], query: string, limit = Infinity): NameRow[] {
  const q = query.trim();
  if (!q) return [];
  const lower = q.toLowerCase().replace(/[\s'’]+/g, '');
  const latin = /^[a-z]+$/.test(lower);
  const scored: [number, NameRow][] = [];
  for (const n of all) {
    let s = -1;
    if (latin) {
      if (n[2].startsWith(lower)) s = 3;
      else if (n[2].includes(lower)) s = 4;
      else if (n[3].includes(lower)) s = 5;
    } else if (n[1] === q) s = 0;
    else if (n[1].startsWith(q)) s = 1;
    else if (n[1].includes(q)) s = 2;
    else if ((n[4] && n[4].includes(q)) || (n[5] && n[5].includes(q)) || (n[6] && n[6].includes(q))) s = 6;
    if (s >= 0) scored.push([s, n]);
  }
  scored.sort((a, b) => a[0] - b[0] || a[1][1].length - b[1][1].length);
  return scored.slice(0, limit).map((x) => x[1]);
}
