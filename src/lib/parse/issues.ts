import { APPLICANTS, APP_ROWS, ITEMS, METRICS, OUTCOMES, PROCEEDINGS } from '../schema.ts';

/** Things the parser could not read cleanly; they become `checks` rows. */
export interface Issue {
  /**
   * `missing`: a row or cell not printed; `placeholder`: `—`, `/`, `无`…;
   * `blank`: an empty cell between values; `split`: cells that ran together,
   * split uniquely; `unsplittable`: ran together, no unique split;
   * `short`: a row printed fewer cells than the form has (cells lost in the source);
   * `implausible`: a cell printed a negative or fractional count, or a number out of range;
   * `unreadable`: values the parser could not assign to columns; `unit`: a unit converted.
   */
  kind: 'missing' | 'placeholder' | 'blank' | 'split' | 'unsplittable' | 'short' | 'implausible' | 'unreadable' | 'unit';
  table: 'active_disclosure' | 'applications' | 'reviews';
  row?: string;
  col?: string;
  detail: string;
}


const LABELS: Record<string, string> = { ...ITEMS, ...METRICS, ...APP_ROWS, ...PROCEEDINGS };

/** Chinese label of a code, for check details (`new_received` → `一、本年新收…`). */
export function zh(code: string | undefined): string {
  if (!code) return '';
  return LABELS[code] ?? (APPLICANTS as Record<string, string>)[code] ?? (OUTCOMES as Record<string, string>)[code] ?? code;
}

/** Whose defect an unread cell is: the source's (not printed, printed run together or short) or the parser's. */
export function causeOf(kind: Issue['kind']): 'source' | 'parser' {
  return kind === 'unreadable' ? 'parser' : 'source';
}
