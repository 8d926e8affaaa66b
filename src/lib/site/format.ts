/** Formatting shared by the pages: numbers, NULLs, ratios, dates, sizes. */
import { dataUrl, joinBase } from '../url.ts';

export const NOT_REPORTED = '未填报';

const intFmt = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

/** A value as printed: thousands separators, up to 2 decimals; NULL → 未填报. */
export function num(v: number | null | undefined): string {
  return v === null || v === undefined ? NOT_REPORTED : intFmt.format(v);
}

/** A value without separators, as the form prints it (tables). */
export function plain(v: number | null | undefined): string {
  return v === null || v === undefined ? NOT_REPORTED : String(v);
}

export function pct(v: number | null | undefined, digits = 1): string {
  return v === null || v === undefined ? '—' : (v * 100).toFixed(digits) + '%';
}

export function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}

/** The moment `iso` as Beijing time (UTC+8, no daylight saving) read through the UTC getters. */
function beijing(iso: string): Date | null {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : new Date(d.getTime() + 8 * 3600_000);
}

/** 2025-01-15T08:00:00Z → 2025年1月15日 16:00(北京时间) */
export function dateZh(iso: string): string {
  const d = beijing(iso);
  if (!d) return iso;
  const p = (x: number) => String(x).padStart(2, '0');
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}(北京时间)`;
}

/** 2025-01-15T20:00:00Z → 2025-01-16: the date in Beijing. */
export function dateBeijing(iso: string): string {
  const d = beijing(iso);
  return d ? d.toISOString().slice(0, 10) : iso.slice(0, 10);
}

/** Every page-to-page link goes through here, so it works under any base. */
export const link = (base: string, path: string) => joinBase(base, path);
export const agencyHref = (base: string, id: string) => joinBase(base, `agencies/${id}/`);
/**
 * A report's page (its tables and source text), from its `page`: a path under
 * the base, or an absolute URL (an archived page on the data host, see
 * archive.ts) used as is; `#L<n>` for a source line.
 */
export const reportHref = (base: string, page: string, line?: number | null) =>
  (/^https?:\/\//.test(page) ? page : joinBase(base, page)) + (line ? `#L${line}` : '');
export const regionHref = (base: string, province: string, city?: string | null) =>
  joinBase(base, city ? `regions/${province}/${city}/` : `regions/${province}/`);
export const compareHref = (base: string, key: string, year?: number) =>
  joinBase(base, year ? `compare/${key}/${year}/` : `compare/${key}/`);

/** An agency's CSV: on the data host (follows DATA_BASE_URL) or on the site (see load.ts). */
export const agencyCsvHref = (base: string, id: string, onDataHost: boolean, dataBase?: string) =>
  onDataHost ? dataUrl(base, `agencies/${id}.csv`, dataBase) : joinBase(base, `agencies/${id}/data.csv`);
