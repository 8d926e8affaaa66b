/**
 * DuckDB-WASM's error messages (as the SQL page receives them, copied from
 * the browser) turned into Chinese with the position in the query.
 */
import { describe, expect, it } from 'vitest';
import { errorSpan, explainError } from '../src/lib/sql/errors.ts';

const json = (type: string, message: string, position: number) =>
  new Error(JSON.stringify({ exception_type: type, exception_message: message, error_subtype: 'SYNTAX_ERROR', position: String(position) }));

describe('explainError', () => {
  it('reads a parser error from JSON: Chinese message, code-point position, no JSON shown', () => {
    const sql = '-- 中文注释中文\nSELECT 年度 FORM reports';
    const e = explainError(json('Parser', 'syntax error at or near "reports"\n\nLINE 2: SELECT 年度 FORM reports\n           ^', 25), sql);
    expect(e.kind).toBe('语法错误');
    expect(e.message).toBe('“reports” 附近有语法错误。');
    expect(sql.slice(e.position!, e.position! + 7)).toBe('reports');
    expect([e.line, e.column]).toEqual([2, 16]);
    expect(e.raw).not.toContain('{');
    expect(e.raw).toContain('syntax error at or near');
  });

  it('finds the caret of a text error in display columns (CJK is two wide) and in cut long lines', () => {
    const sql = 'SELECT 1 AS 年度, nope FROM reports';
    const e = explainError(new Error('Binder Error: Referenced column "nope" not found in FROM clause!\nCandidate bindings: "scope", "encoding", "report_id"\n\nLINE 1: SELECT 1 AS 年度, nope FROM reports\n                          ^'), sql);
    expect(e.kind).toBe('列名、函数或类型不对');
    expect(e.message).toBe('FROM 中的表没有名为 “nope” 的列。');
    expect(e.hint).toContain('scope、encoding、report_id');
    expect(sql.slice(e.position!, e.position! + 4)).toBe('nope');

    const long = 'SELECT report_id, agency, agency_id, year, published_on, province, city, county, township, region_code, level, scope, template, status, source_file, source_sha256, title, nope FROM reports';
    const e2 = explainError(new Error('Binder Error: Referenced column "nope" not found in FROM clause!\n\nLINE 1: ..., scope, template, status, source_file, source_sha256, title, nope FROM reports\n                                                                         ^'), long);
    expect(long.slice(e2.position!, e2.position! + 4)).toBe('nope');
  });

  it('falls back to the named table when there is no caret (several statements)', () => {
    const sql = 'SELECT 1;\nSELECT * FROM nothere';
    const e = explainError(new Error('Catalog Error: Table with name nothere does not exist!\nDid you mean "pg_indexes"?'), sql);
    expect(e.message).toBe('没有名为 “nothere” 的表或视图。');
    expect(e.hint).toContain('pg_indexes');
    expect([e.line, e.column]).toEqual([2, 15]);
  });

  it('translates conversion, type and empty-query errors, and keeps unknown ones as they are', () => {
    expect(explainError(new Error("Conversion Error: Could not convert string 'x' to INT32\n\nLINE 1: SELECT 'x'::INT\n               ^"), "SELECT 'x'::INT").message).toBe("无法把字符串 'x' 转换为 INT32 类型。");
    expect(explainError(new Error('Binder Error: Could not choose a best candidate function for the function call "+(INTEGER, STRING_LITERAL)". In order to select one, please add explicit type casts.'), "SELECT year + 'a' FROM reports").hint).toContain('CAST');
    expect(explainError(new Error('no statements'), '-- x').message).toBe('没有可执行的语句(只有注释或空白)。');
    const odd = explainError(new Error('Something Error: a new kind of trouble'), 'SELECT 1');
    expect(odd.message).toBe('a new kind of trouble');
    expect(odd.position).toBeNull();
  });

  it('marks the word at the position, or the last character at the end', () => {
    expect(errorSpan('SELECT nope FROM t', 7)).toEqual({ from: 7, to: 11 });
    expect(errorSpan('SELECT 年度 FROM t', 7)).toEqual({ from: 7, to: 9 });
    expect(errorSpan('SELECT max(', 11)).toEqual({ from: 10, to: 11 });
  });
});
