/**
 * Number formatting and axis ticks shared by the build-time charts
 * (charts.ts) and the SQL page's quick chart: Chinese number style (1,234 ·
 * 3.5万 · 1.2亿, never `3.5k`), integer ticks for counts, and the CSV of a
 * chart's data. Pure functions, no DOM.
 */

const group = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
const trim = (x: number, digits: number) => String(Number(x.toFixed(digits)));

/** A number as a Chinese reader writes it: 0 · 8 · 1,234 · 3.5万 · 12万 · 1.2亿. */
export function zhNum(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '';
  const a = Math.abs(v);
  if (a >= 1e8) return trim(v / 1e8, a >= 1e9 ? 1 : 2) + '亿';
  if (a >= 1e5) return trim(v / 1e4, a >= 1e6 ? 0 : 1) + '万';
  return group.format(v);
}

/** A share 0…1 as a percentage with up to one decimal: 0.253 → 25.3%. */
export function zhPct(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '';
  return trim(v * 100, 1) + '%';
}

/**
 * Ticks for a count axis from 0 to (at least) `max`: whole numbers only, about
 * `count` of them, on a 1-2-5 step. Returns the ticks and the axis top (the
 * last tick), so bars never run past the axis. `max` ≤ 0 gives [0, 1].
 */
export function countTicks(max: number, count = 5): { ticks: number[]; top: number } {
  if (!(max > 0)) return { ticks: [0, 1], top: 1 };
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  let step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  step = Math.max(1, Math.round(step));
  const top = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let t = 0; t <= top; t += step) ticks.push(t);
  return { ticks, top };
}

/** Ticks for a numeric axis of any sign (SQL quick chart): 1-2-5 steps; whole numbers when the data are. */
export function niceTicks(min: number, max: number, count = 5, integers = false): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (min === max) { min = Math.min(0, min); max = max === 0 ? 1 : Math.max(0, max); }
  const raw = (max - min) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  let step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  if (integers) step = Math.max(1, Math.round(step));
  const out: number[] = [];
  for (let t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) out.push(Number(t.toPrecision(12)));
  return out;
}

/** CSV text (UTF-8 BOM, CRLF) of a small table: a chart's data. NULL → empty cell. */
export function csvText(columns: string[], rows: (string | number | null | undefined)[][]): string {
  const cell = (v: string | number | null | undefined) => {
    if (v === null || v === undefined) return '';
    let s = String(v);
    // A text cell that a spreadsheet would run as a formula is quoted with a leading apostrophe.
    if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = "'" + s;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return '\uFEFF' + [columns, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** A `data:` URL of a CSV text, for a download link that works without JavaScript. */
export function csvDataUrl(csv: string): string {
  // Only what a URL parser would drop or misread is escaped; CJK text stays as is (the parser encodes it).
  return 'data:text/csv;charset=utf-8,' + csv.replace(/[%#\r\n\t"'<>&\uFEFF ]/g, (c) =>
    c === '\uFEFF' ? '%EF%BB%BF' : '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}
