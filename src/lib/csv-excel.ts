/**
 * CSV meant for spreadsheets: a text cell that starts with `=`, `+`, `-`, `@`,
 * a tab, a carriage return or a NUL would be read by Excel, LibreOffice or
 * Google Sheets as a formula (CSV / formula injection, OWASP; CWE-1236). Such
 * a cell gets a leading `'`, which spreadsheets show as text. Numbers stay
 * numbers (PapaParse leaves number, bigint and boolean values alone), and the
 * Parquet and DuckDB files keep the exact text. Used by every CSV the site
 * publishes: the tables' CSVs, reports_wide.csv, per-agency CSVs and the SQL
 * page's export.
 */
export const FORMULA_START = /^[=+\-@\t\r\0]/;

/** PapaParse `unparse` options for a CSV meant for spreadsheets. */
export const EXCEL_SAFE = { escapeFormulae: FORMULA_START } as const;
