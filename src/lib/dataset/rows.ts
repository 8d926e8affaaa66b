/**
 * Reports → rows of the contract's tables, streamed in a deterministic order
 * (reports by report_id, then each table's own keys), so that 50,000 reports
 * never have to exist as millions of row objects at once.
 */
import { TABLES, type Table, type TableName } from '../schema.ts';
import type { Report } from '../types.ts';

export type Row = Record<string, string | number | boolean | null>;

export function sortReports(reports: Report[]): Report[] {
  return [...reports].sort((a, b) => (a.report_id < b.report_id ? -1 : a.report_id > b.report_id ? 1 : 0));
}

const REPORT_COLS = TABLES.find((t) => t.name === 'reports')!.columns.map((c) => c.name);

/** Rows of one table for one report, ordered by the table's keys after report_id. */
export function rowsOfReport(table: Table, r: Report): Row[] {
  if (table.name === 'reports') {
    const row: Row = {};
    for (const c of REPORT_COLS) row[c] = (r as unknown as Record<string, string | number | null>)[c] ?? null;
    return [row];
  }
  const list = r[table.name as Exclude<TableName, 'reports'>] as unknown as Row[];
  const cols = table.columns.filter((c) => c.name !== 'report_id');
  const rows = list.map((x) => {
    const row: Row = { report_id: r.report_id };
    for (const c of cols) row[c.name] = c.label ? c.label.labels[String(x[c.label.of])] ?? null : x[c.name] ?? null;
    return row;
  });
  return rows.sort(comparator(table.orderBy.slice(1)));
}

/** All rows of a table over sorted reports. */
export function* tableRows(table: Table, sorted: Report[]): Generator<Row> {
  for (const r of sorted) yield* rowsOfReport(table, r);
}

export function countRows(table: Table, reports: Report[]): number {
  if (table.name === 'reports') return reports.length;
  return reports.reduce((n, r) => n + (r[table.name as Exclude<TableName, 'reports'>] as unknown[]).length, 0);
}

function comparator(keys: string[]) {
  return (a: Row, b: Row) => {
    for (const k of keys) {
      const x = a[k], y = b[k];
      if (x === y) continue;
      if (x === null || x === undefined) return -1;
      if (y === null || y === undefined) return 1;
      if (typeof x === 'number' && typeof y === 'number') return x - y;
      return String(x) < String(y) ? -1 : 1;
    }
    return 0;
  };
}
