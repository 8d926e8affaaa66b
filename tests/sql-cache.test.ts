/** Which queries' results the SQL page may keep for a repeat visit (src/scripts/sql/result-cache.ts). */
import { describe, expect, it } from 'vitest';
import { cacheable } from '../src/scripts/sql/result-cache.ts';

describe('cacheable', () => {
  it('keeps single read-only statements that depend on the dataset only', () => {
    for (const q of ['SELECT 1', '-- 注释\nSELECT * FROM reports LIMIT 5;', 'WITH x AS (SELECT 1) SELECT * FROM x', 'FROM reports', "SELECT 'now()' AS s", 'PIVOT reports ON year USING count(*)'])
      expect(cacheable(q), q).toBe(true);
  });
  it('never keeps what changes between runs, or what has effects', () => {
    for (const q of ['SELECT random()', 'SELECT now()', 'SELECT current_date', 'SELECT uuid()', "SELECT * FROM read_csv('x.csv')",
      'CREATE TEMP TABLE t AS SELECT 1', 'SELECT 1; SELECT 2', 'SET threads = 1', 'PRAGMA version', '', '-- only a comment'])
      expect(cacheable(q), q).toBe(false);
  });
});
