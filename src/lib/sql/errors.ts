/**
 * DuckDB's error messages for people who do not read SQL engine output: the
 * error as one Chinese sentence (with a hint where one helps), where in the
 * query it is (an index into the query text, for the editor to mark), and
 * DuckDB's own message as plain text (never the JSON it sometimes arrives as).
 *
 * DuckDB-WASM reports parser errors as JSON with a `position` (a code-point
 * offset into the query) and other errors as text ending in a `LINE n:` excerpt
 * with a caret under the spot (in display columns: a CJK character is two
 * wide; long lines are cut to a window starting with `...`).
 */

export interface SqlError {
  /** e.g. 语法错误 */
  kind: string;
  /** The error in Chinese. */
  message: string;
  hint?: string;
  /** UTF-16 index into the query where the error is, when known. */
  position: number | null;
  /** 1-based line and column of `position`. */
  line: number | null;
  column: number | null;
  /** DuckDB's message as text. */
  raw: string;
}

const KINDS: Record<string, string> = {
  Parser: '语法错误',
  Syntax: '语法错误',
  Catalog: '找不到表、视图或函数',
  Binder: '列名、函数或类型不对',
  Conversion: '类型转换错误',
  'Invalid Input': '输入无效',
  'Out of Range': '数值超出范围',
  'Not implemented': '尚不支持的功能',
  Interrupt: '查询已中断',
  'Out of Memory': '内存不足',
  Permission: '没有权限',
  IO: '读取数据出错',
  HTTP: '网络读取出错',
  Invalid: '查询无法执行',
  Dependency: '依赖错误',
  Constraint: '约束错误',
  Internal: '查询引擎内部错误',
  Fatal: '查询引擎出错',
};

const q = (s: string) => `“${s}”`;
const names = (list: string) => [...list.matchAll(/"([^"]+)"/g)].map((m) => m[1]).join('、');

/** Known messages → Chinese. Each returns [message, hint?] and may name the token the error is about. */
const MESSAGES: { re: RegExp; zh: (m: RegExpMatchArray) => [string, string?]; token?: (m: RegExpMatchArray) => string }[] = [
  { re: /^syntax error at or near "(.*)"/, zh: (m) => [`${q(m[1])} 附近有语法错误。`, '检查这里及前面的拼写、逗号、括号和引号;关键字如 SELECT、FROM、WHERE 是否写对。'], token: (m) => m[1] },
  { re: /^syntax error at end of input/, zh: () => ['语句在结尾处不完整。', '是否少了右括号、引号,或 FROM / WHERE 后面的内容?'] },
  { re: /^unterminated quoted string/, zh: () => ['引号没有闭合。', "字符串用英文单引号 '…' 括起,且前后成对。"] },
  { re: /^No statements?|^no statements/i, zh: () => ['没有可执行的语句(只有注释或空白)。'] },
  {
    re: /^Table with name (\S+) does not exist!(?:\s*Did you mean "([^"]+)"\?)?/,
    zh: (m) => [`没有名为 ${q(m[1])} 的表或视图。`, m[2] ? `你是不是想写 ${q(m[2])}?可用的表见右侧“表与列”。` : '可用的表见右侧“表与列”。'],
    token: (m) => m[1],
  },
  {
    re: /^Referenced column "([^"]+)" not found in FROM clause!(?:\s*Candidate bindings: (.*))?/,
    zh: (m) => [`FROM 中的表没有名为 ${q(m[1])} 的列。`, m[2] ? `可用的列有:${names(m[2])} 等。` : '可用的列见右侧“表与列”。'],
    token: (m) => m[1],
  },
  { re: /^Referenced table "([^"]+)" not found!/, zh: (m) => [`查询中没有名为 ${q(m[1])} 的表或别名。`], token: (m) => m[1] },
  { re: /^Ambiguous reference to column name "([^"]+)"/, zh: (m) => [`列名 ${q(m[1])} 有歧义:几张表都有这一列。`, '在列名前加上表名或别名,例如 r.report_id。'], token: (m) => m[1] },
  {
    re: /^(?:Scalar |Table |Aggregate )?Function with name (\S+) does not exist!(?:\s*Did you mean "([^"(]+))?/,
    zh: (m) => [`没有名为 ${q(m[1])} 的函数。`, m[2] ? `你是不是想写 ${q(m[2])}?` : undefined],
    token: (m) => m[1],
  },
  { re: /^No function matches the given name and argument types '([^(']+)/, zh: (m) => [`函数 ${q(m[1])} 不接受这些类型的参数。`, '用 CAST(列 AS 类型) 或 ::类型 转换参数,例如 year::VARCHAR。'], token: (m) => m[1] },
  { re: /^Could not choose a best candidate function for the function call "([^"(]+)/, zh: (m) => [`无法确定 ${q(m[1])} 运算的参数类型。`, '两边的类型不一致,请用 CAST 显式转换,例如 CAST(year AS VARCHAR) 或 value::INTEGER。'] },
  {
    re: /^column "([^"]+)" must appear in the GROUP BY clause or must be part of an aggregate function/,
    zh: (m) => [`列 ${q(m[1])} 必须写在 GROUP BY 里,或放进聚合函数(如 sum、count、max)中。`, '也可以写 GROUP BY ALL,按所有非聚合列分组。'],
    token: (m) => m[1],
  },
  { re: /^Could not convert string '(.*)' to (\w+)/, zh: (m) => [`无法把字符串 '${m[1]}' 转换为 ${m[2]} 类型。`] },
  { re: /^Could not convert (.+) to (\w+)/, zh: (m) => [`无法把 ${m[1]} 转换为 ${m[2]} 类型。`] },
  { re: /^Values list "([^"]+)" does not have a column named "([^"]+)"/, zh: (m) => [`${q(m[1])} 没有名为 ${q(m[2])} 的列。`], token: (m) => m[2] },
  { re: /^(?:NetworkError|.*Failed to load ')/, zh: () => ['无法读取该网址。', '本页只能查询本站的数据库,不能读取其他网站的文件。'] },
  { re: /^Cannot execute statement of type "(\w+)"|read-only|read only/i, zh: () => ['数据库是只读的,不能修改数据。', '本页只用于查询(SELECT);可以用 CREATE TEMP TABLE 保存中间结果。'] },
  { re: /^Out of Memory|could not allocate/i, zh: () => ['内存不足。', '请加 LIMIT、减少列,或先筛选(WHERE)再汇总。'] },
];

/** Code-point offset → UTF-16 index. */
function fromCodePoints(sql: string, cp: number): number {
  let i = 0;
  for (let n = 0; n < cp && i < sql.length; n++) i += sql.codePointAt(i)! > 0xffff ? 2 : 1;
  return Math.min(i, sql.length);
}

const wide = (ch: string) => /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch);

/** Index in `line` of display column `col` (CJK two columns wide), starting at `from` with display column `start`. */
function atColumn(line: string, col: number, from = 0, start = 0): number {
  let c = start;
  let i = from;
  for (const ch of line.slice(from)) {
    if (c >= col) break;
    c += wide(ch) ? 2 : 1;
    i += ch.length;
  }
  return i;
}

/** Position from DuckDB's `LINE n: excerpt` + caret block, or null. */
function positionFromExcerpt(sql: string, text: string): number | null {
  const m = text.match(/LINE (\d+): (.*)\n( *)\^/);
  if (!m) return null;
  const n = Number(m[1]);
  const lines = sql.split('\n');
  if (n < 1 || n > lines.length) return null;
  const lineStart = lines.slice(0, n - 1).reduce((a, l) => a + l.length + 1, 0);
  const line = lines[n - 1];
  const col = m[3].length - `LINE ${m[1]}: `.length;
  let excerpt = m[2];
  let from = 0;
  let startCol = 0;
  if (excerpt.startsWith('...')) {
    excerpt = excerpt.slice(3).replace(/\.\.\.$/, '');
    const k = line.indexOf(excerpt.slice(0, 40));
    if (k < 0) return null;
    from = k;
    startCol = 3;
  }
  return lineStart + atColumn(line, col, from, startCol);
}

/** Nearest whole-word occurrence of `token` in `sql` to `near` (or the first). */
function findToken(sql: string, token: string, near: number | null): number | null {
  const esc = token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`(?<![\\w\\u4e00-\\u9fff])"?${esc}"?(?![\\w\\u4e00-\\u9fff])`, 'giu');
  let best: number | null = null;
  for (const m of sql.matchAll(re)) {
    const i = m.index! + (m[0].startsWith('"') ? 1 : 0);
    if (best === null || (near !== null && Math.abs(i - near) < Math.abs(best - near))) best = i;
    if (near === null) break;
  }
  return best;
}

function lineCol(sql: string, pos: number): { line: number; column: number } {
  const before = sql.slice(0, pos);
  const line = before.split('\n').length;
  return { line, column: pos - before.lastIndexOf('\n') };
}

/** Turns whatever DuckDB-WASM threw for `sql` into a SqlError. */
export function explainError(e: unknown, sql: string): SqlError {
  let text = e instanceof Error ? e.message : String(e);
  let kindCode = '';
  let position: number | null = null;
  // Parser errors come as JSON.
  const t = text.trim();
  if (t.startsWith('{') && t.endsWith('}')) {
    try {
      const j = JSON.parse(t) as { exception_type?: string; exception_message?: string; position?: string | number };
      kindCode = j.exception_type ?? '';
      text = j.exception_message ?? text;
      if (j.position !== undefined && j.position !== '' && Number.isFinite(Number(j.position))) position = fromCodePoints(sql, Number(j.position));
    } catch { /* not JSON after all */ }
  }
  const head = text.match(/^([A-Za-z ]+?) Error: ([\s\S]*)$/);
  let body = text;
  if (head) { kindCode ||= head[1]; body = head[2]; }
  if (position === null) position = positionFromExcerpt(sql, text);
  // The message alone, without DuckDB's LINE excerpt.
  const plainBody = body.replace(/\n+LINE \d+:[\s\S]*$/, '').trim();
  let message = plainBody;
  let hint: string | undefined;
  for (const x of MESSAGES) {
    const m = plainBody.match(x.re);
    if (!m) continue;
    [message, hint] = x.zh(m);
    const token = x.token?.(m);
    if (token) {
      // The token itself is a better mark than a caret a few columns off (or none at all).
      const here = position !== null && sql.slice(position, position + token.length + 1).replace(/^"/, '').toLowerCase().startsWith(token.toLowerCase());
      const at = here ? null : findToken(sql, token, position);
      if (at !== null) position = at;
    }
    break;
  }
  if (position !== null) position = Math.max(0, Math.min(position, sql.length));
  const lc = position === null ? null : lineCol(sql, position);
  const kind = KINDS[kindCode.trim()] ?? (kindCode ? `${kindCode} 错误` : '查询出错');
  return {
    kind, message, hint, position, line: lc?.line ?? null, column: lc?.column ?? null,
    raw: (kindCode && !text.startsWith(kindCode) ? `${kindCode} Error: ` : '') + text,
  };
}

/** The span to mark in the editor for an error at `pos`: the word there, or one character. */
export function errorSpan(sql: string, pos: number): { from: number; to: number } {
  if (pos >= sql.length) return { from: Math.max(0, sql.length - 1), to: sql.length };
  const m = sql.slice(pos).match(/^(?:"[^"\n]*"|'[^'\n]*'|[\p{L}\p{N}_.]+)/u);
  return { from: pos, to: pos + (m ? m[0].length : 1) };
}
