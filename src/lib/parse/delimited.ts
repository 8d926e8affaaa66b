/**
 * Tables exported as delimited text (tabula, camelot, a spreadsheet saved as
 * CSV): `一、本年新收政府信息公开申请数量,3,0,0,0,0,0,3`. A comma between digits
 * would read as a thousands separator (`3,0,0` one run), a semicolon as
 * nothing: each such row becomes a line of tab-separated cells, as a page's
 * table rows do. Quoted cells (`"1,234"`) are parsed by PapaParse.
 */
import Papa from 'papaparse';
import { mapArray } from './map-array.ts';

/** A row of a delimited table: a first cell (quoted where it holds the delimiter), then three or more cells that are numbers or blank. */
const ROW: Record<',' | ';', RegExp> = {
  ',': /^(?:"[^"]*"|[^,\t|"]+)(?:,\s*(?:"[\d,.+-]*"|[+-]?[\d.]*)\s*){3,}$/,
  ';': /^(?:"[^"]*"|[^;\t|"]+)(?:;\s*(?:"[\d,.;+-]*"|[+-]?[\d.]*)\s*){3,}$/,
};

const NUMBERS_DELIMITED = /[\d"][ \t]*([,;])[ \t]*[\d"]*[ \t]*\1[ \t]*[\d"]/;

/** Two delimited numbers in a row (`0,0,`, `3;;1`): one native search, before any line is split. */
export function hasDelimitedNumbers(text: string): boolean {
  return NUMBERS_DELIMITED.test(text);
}

/** Rows of the text (at least three of them) that are rows of a delimited table, by their delimiter. */
function delimiter(lines: string[]): ',' | ';' | null {
  for (const d of [',', ';'] as const) {
    let n = 0;
    for (const l of lines) if (l.includes(d) && ROW[d].test(l) && ++n >= 3) return d;
  }
  return null;
}

/** A line of the table's other rows (headers, rows of one or two numbers): no sentence, short cells. */
function tableLine(l: string, d: string): boolean {
  if (l.includes('。')) return false;
  return l.split(d).every((c) => c.length <= 40);
}

/**
 * The text with each line of a delimited table as tab-separated cells: in a
 * text with three rows of numbers so delimited, its lines that hold the
 * delimiter, no sentence and short cells (headers, rows of one number); a
 * `.csv` file's every line. Other text is returned as it is.
 */
export function delimitedToTabs(text: string, name: string): string {
  const csv = /\.csv$/i.test(name);
  if (!csv && !hasDelimitedNumbers(text)) return text;
  const lines = text.split('\n');
  const d = delimiter(lines) ?? (csv ? ',' : null);
  if (!d) return text;
  return mapArray(lines, (l) => {
    if (!l.includes(d) || (!csv && !ROW[d].test(l) && !tableLine(l, d))) return l;
    const row = Papa.parse<string[]>(l, { delimiter: d }).data[0] ?? [];
    return mapArray(row, (c) => c.trim()).join('\t');
  }).join('\n');
}
