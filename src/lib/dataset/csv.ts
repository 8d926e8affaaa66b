/**
 * CSV as the contract wants it: UTF-8 with BOM, columns in schema order, NULL
 * as empty, written with PapaParse in batches so large tables stream to disk.
 * Text cells that a spreadsheet would run as a formula are neutralised
 * (csv-excel.ts); numbers are written as numbers.
 */
import Papa from 'papaparse';
import { closeSync, openSync, writeSync } from 'node:fs';
import type { Row } from './rows.ts';
import { EXCEL_SAFE } from '../csv-excel.ts';

const BATCH = 20_000;

function cells(names: string[], r: Row) {
  return names.map((n) => { const v = r[n]; return v === null || v === undefined ? '' : v; });
}

/** Write rows to `path`; returns the number of rows written. */
export function writeCsv(path: string, names: string[], rows: Iterable<Row>, headers: string[] = names): number {
  const fd = openSync(path, 'w');
  let n = 0;
  try {
    writeSync(fd, '\uFEFF' + Papa.unparse([headers], { newline: '\n', ...EXCEL_SAFE }) + '\n');
    let batch: unknown[][] = [];
    const flush = () => {
      if (batch.length) writeSync(fd, Papa.unparse(batch, { newline: '\n', ...EXCEL_SAFE }) + '\n');
      batch = [];
    };
    for (const r of rows) {
      batch.push(cells(names, r));
      n++;
      if (batch.length >= BATCH) flush();
    }
    flush();
  } finally {
    closeSync(fd);
  }
  return n;
}
