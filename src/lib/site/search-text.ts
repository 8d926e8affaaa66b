/**
 * Words for the full-text index of report text, cut the same way when the
 * index is built (scripts/build-search.ts, Node) and when a query runs (the
 * search page, Chromium): Intl.Segmenter's Chinese word segmentation (ICU's
 * dictionary), so a query's words line up with the indexed words and a quoted
 * search matches whole words exactly (`依申请` → 依 申请; `不存在的机关` finds
 * no report rather than pages that share single characters).
 *
 * The index gets each report's text as these words separated by spaces, the
 * punctuation that follows a word kept on it (Pagefind drops it from the
 * indexed word, and the page can rebuild a readable excerpt), so a hit's word
 * position (Pagefind's `locations`) is its index in `content.split(' ')`.
 * Which line a word is on travels with the record as `lines` metadata:
 * `encodeLines`/`lineAt`.
 */
const segmenter = () => new Intl.Segmenter('zh', { granularity: 'word' });
let seg: Intl.Segmenter | null = null;

/**
 * Words of one line, each carrying the punctuation around it (after a word,
 * on that word; before the first word of a run, on the next one), so every
 * token holds a word and none is punctuation alone.
 */
export function words(text: string, into: string[] = []): string[] {
  seg ??= segmenter();
  let pending = '';
  let open = false; // the last token was pushed by this text, with no space since
  for (const s of seg.segment(text)) {
    if (s.isWordLike) { into.push(pending + s.segment); pending = ''; open = true; continue; }
    const p = s.segment.replace(/\s+/g, '');
    if (p !== s.segment) open = false;
    if (!p) continue;
    if (open) into[into.length - 1] += p; else pending += p;
  }
  if (pending && open) into[into.length - 1] += pending;
  return into;
}

/** The words of a query, punctuation left out (Pagefind ignores it). */
export function queryWords(q: string): string[] {
  seg ??= segmenter();
  return [...seg.segment(q)].filter((s) => s.isWordLike).map((s) => s.segment);
}

/** `[line, first word]` pairs as `lines` metadata: deltas in base 36, comma-separated. */
export function encodeLines(starts: [number, number][]): string {
  let pl = 0;
  let pw = 0;
  const out: string[] = [];
  for (const [l, w] of starts) {
    out.push((l - pl).toString(36), (w - pw).toString(36));
    pl = l;
    pw = w;
  }
  return out.join(',');
}

export function decodeLines(s: string): [number, number][] {
  const parts = s ? s.split(',').map((x) => parseInt(x, 36)) : [];
  const out: [number, number][] = [];
  let l = 0;
  let w = 0;
  for (let i = 0; i + 1 < parts.length; i += 2) {
    l += parts[i];
    w += parts[i + 1];
    out.push([l, w]);
  }
  return out;
}

/** The source line that word position `pos` is on (0 when before the first line: the title). */
export function lineAt(starts: [number, number][], pos: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  let best = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid][1] <= pos) { best = starts[mid][0]; lo = mid + 1; } else hi = mid - 1;
  }
  return best;
}

/** Words joined back into text: no space between Chinese words, one between two latin or digit ones. */
export function joinWords(ws: string[]): string {
  let out = '';
  for (const w of ws) {
    if (out && /[A-Za-z0-9.%]$/.test(out) && /^[A-Za-z0-9]/.test(w)) out += ' ';
    out += w;
  }
  return out;
}
