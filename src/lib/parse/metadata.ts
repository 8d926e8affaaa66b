/**
 * Report metadata: title, agency, statistics year, publication date.
 * Sources, in order of trust: the title line, header fields (`发布机构`,
 * `发布日期`…), the signature block at the end, the body text.
 */
import { compact, execNear, normalize } from './text.ts';
import { lineOf, lineText, type Source } from './source.ts';
import { mapArray } from './map-array.ts';
import { isPlaceRun, placeStart } from './region.ts';
import { LAST_PART_WORDS } from './sections.ts';

export interface Meta {
  title: string | null;
  /** Header fields of a crawler or CMS page (`标题`, `发布时间`, `发布机构`, `原文链接`…). */
  fields: Record<string, string>;
  /** The original publication's URL, where the input says it. */
  source_url: string | null;
  agency: string | null;
  /** Where the agency name came from. */
  agencySource: 'title' | 'field' | 'signature' | 'body' | null;
  year: number | null;
  published_on: string | null;
  /** Raw 发布机构 field, when present. */
  publisher: string | null;
  /** GB/T 2260 codes seen in an index number (索引号 with a unified social credit code). */
  indexRegionCodes: string[];
}

const REPORT_WORDS = /(?:政府)?(?:信息公开|政务公开)(?:工作)?(?:的)?(?:年度)?(?:工作)?报告|政府信息公开年报/;
/** The report words and all after them. */
const REPORT_WORDS_ON = new RegExp(REPORT_WORDS.source + '.*$');
const AGENCY_END = /(?:人民政府(?:办公室|办公厅)?|行政公署(?:办公室)?|人民政府[\u4e00-\u9fa5]{1,12}(?:办事处|办公室)|街道办事处|办事处|委员会|办公室|办公厅|[^、,，。]{1,12}?(?:局|厅|委|署|院|中心|管委会|管理委员会|总队|支队|大队|站|所|馆|会))$/;
const DIVISION_END = /(?:省|自治区|市|州|盟|地区|县|区|旗|镇|乡|苏木|街道)$/;

/** Normalise an agency name: `奇台县大泉塔塔尔族乡` → `奇台县大泉塔塔尔族乡人民政府`. */
export function normalizeAgency(name: string): string {
  let n = compact(normalize(name)).replace(/^(?:关于)/, '').replace(/[(（]图片版[)）]/, '').replace(/[“”"'《》:：,，。]/g, '');
  n = n.replace(/的$/, '');
  if (/街道$/.test(n)) return n + '办事处';
  if (/(?:盟|地区)$/.test(n) && !/行政公署/.test(n)) return n + '行政公署';
  if (DIVISION_END.test(n) && !/人民政府/.test(n)) return n + '人民政府';
  return n;
}

/** Is this a plausible agency name? */
export function looksLikeAgency(s: string): boolean {
  return agencyLike(compact(normalize(s)));
}

/** `looksLikeAgency` of a name already normalised and compacted. */
function agencyLike(c: string): boolean {
  if (c.length < 3 || c.length > 40) return false;
  if (/[0-9。;；]/.test(c)) return false;
  return AGENCY_END.test(c) || DIVISION_END.test(c);
}

const FIELD_NAMES = '标题|文章标题|发布时间|发布日期|公开日期|成文日期|生成日期|文号|发文字号|发布机构|发文机关|发布单位|信息来源|来源|栏目|所属栏目|原文链接|原文地址|网址|本地目录|索引号|主题分类|组配分类|公开方式|公开范围|有效性|时效|页面链接与图片详见';
/** Other crawlers' names for the same fields (English keys, YAML front matter), by the name used here. */
const FIELD_ALIASES: Record<string, string> = {
  title: '标题', url: '原文链接', link: '原文链接', source_url: '原文链接', 链接: '原文链接', 页面地址: '原文链接',
  date: '发布时间', published: '发布时间', publish_date: '发布时间', pubdate: '发布时间', time: '发布时间',
  publisher: '发布机构', author: '来源', source: '来源',
};
const FIELD_LINE = new RegExp(`^\\s*(${FIELD_NAMES}|${Object.keys(FIELD_ALIASES).join('|')})\\s*[:：]\\s*(.*?)\\s*$`, 'i');
const BODY_MARK = /^\s*={3,}\s*正文\s*={3,}\s*$/;

/**
 * Header fields at the top of a crawled page (`标题: …`, `发布时间: …`, up to a
 * `==== 正文 ====` line) — read as fields, never as report text. Returns the
 * fields and the index of the first body line.
 */
export function headerFields(lines: string[]): { fields: Record<string, string>; body: number } {
  const fields: Record<string, string> = {};
  const head = Math.min(lines.length, 40);
  let mark = -1;
  for (let i = 0; i < head && mark < 0; i++) if (lines[i].includes('正文') && BODY_MARK.test(lines[i])) mark = i;
  let i = 0, seen = 0;
  for (; i < (mark >= 0 ? mark : head); i++) {
    const l = lines[i];
    // Blank lines and YAML front matter's `---` carry no field.
    if (l.trim() === '' || /^\s*-{3}\s*$/.test(l)) continue;
    const m = FIELD_LINE.exec(l);
    if (!m) { if (mark >= 0) continue; break; }
    const name = FIELD_ALIASES[m[1].toLowerCase()] ?? m[1];
    if (!(name in fields)) fields[name] = m[2];
    seen++;
  }
  if (mark >= 0) return { fields, body: mark + 1 };
  return seen >= 2 ? { fields, body: i } : { fields: {}, body: 0 };
}

const OPENING = /^(\S{4,60}?(?:工作)?年度报告)\s/;

/**
 * The title line: short, early, says it is the annual report. Each line is
 * cleaned once (a line is also read as the continuation of the one above);
 * `compact(normalize(x))` is taken as `normalize(compact(x))`, the same text
 * (normalize turns only spaces into spaces), from the compacted line.
 */
export function findTitle(lines: string[], from = 0): { index: number; text: string } | null {
  const limit = Math.min(lines.length, from + 60);
  const clean = cleaner(lines, from);
  // Every title holds 报 (isTitle needs REPORT_WORDS), and one read at line i takes in at most
  // lines i+1 and i+2: lines with no 报 among them are passed over without cleaning them.
  const seek = Math.min(lines.length, limit + 2);
  let bao = from - 1; // the first line at or after i that holds 报 (or `seek`)
  for (let i = from; i < limit; i++) {
    if (bao < i) for (bao = i; bao < seek && !lines[bao].includes('报'); bao++);
    if (bao > i + 2) { i = bao - 3; continue; }
    const t = titleAt(lines, i, clean);
    if (t) return t;
  }
  return null;
}

/** Each line of `lines` (from `from` on) as `cleanTitle` makes it, made once. */
export function cleaner(lines: string[], from = 0): (j: number) => string {
  const cleaned: string[] = [];
  return (j) => (cleaned[j - from] ??= cleanTitle(lines[j]));
}

/** The title read at line i (with the lines after it that it wraps onto), or null. */
export function titleAt(lines: string[], i: number, clean: (j: number) => string): { index: number; text: string } | null {
  let raw = clean(i);
  // A body printed on one line opens with its title: `XX局2021年度政府信息公开工作年度报告 根据《条例》…`.
  if (raw.length > 200) {
    const opening = OPENING.exec(raw);
    if (opening) raw = opening[1];
  }
  let c = compact(raw);
  // A title wrapped over two or three lines (PDF text): `XX街道 2019 年政府信息公开 工` / `作年度报告`.
  // The break may cut the report words themselves: `2025 年XX街道政府信息` / `公开工作年度报告`.
  const starts = (c.includes('信息公开') || c.includes('政务公开') || (CUT_WORDS.test(c) && /\d{4}年/.test(c))) && !/[:：]/.test(raw);
  for (let j = i + 1; starts && j < Math.min(lines.length, i + 3) && !/报告|年报|函$/.test(c) && raw.length < 40; j++) {
    const next = clean(j);
    if (!next || next.length > 20 || /[\d:：]/.test(next)) break;
    raw = `${raw}${next}`;
    c = compact(raw);
  }
  const head = normalize(c);
  if (isTitle(head)) return { index: i, text: raw.replace(/\s+/g, ' ') };
  // …or wrapped inside the agency's name or its year (a centred title in PDF text): `XX自然资源与生态环境` /
  // `局 2019 年政府信息公开年度报告`; `XX财政金融局 2020 年` / `度政府信息公开工作年度报告`.
  if (head.length < 4 || head.length > 30 || !/^[\u4e00-\u9fff]+(?:\d{4}年?)?$/.test(head)) return null;
  const next = i + 1 < lines.length ? clean(i + 1) : '';
  if (next && isTitle(compact(normalize(raw + next)))) {
    return { index: i, text: `${raw}${next.trim()}`.replace(/\s+/g, ' ') };
  }
  return null;
}

/** A title line cut inside its report words (`…政府信息`, `…年度政`): the next line ends them. */
const CUT_WORDS = /(?:政|政府|政府信息?|政府信息公|政务公?)$/;

/** A line as a title candidate: without markdown marks, table bars and a site name after the title. */
function cleanTitle(line: string): string {
  // Each pass only where it can change the line (a native search is cheaper than a regex pass).
  let l = line.includes('|') || line.includes('\t') ? line.replace(/[|\t]/g, ' ') : line;
  l = l.replace(/^\s*#+\s*/, '');
  if (l.includes('**') || l.includes('__')) l = l.replace(/\*\*|__/g, '');
  l = l.trim();
  return l.includes('报') ? l.replace(/((?:年度报告|年报|报告))\s*[_|－—–-]+\s*[^_|]*$/, '$1') : l;
}

function isTitle(c: string): boolean {
  if (c.length < 8 || c.length > 70) return false;
  if (!REPORT_WORDS.test(c) || !/\d{4}|年度/.test(c)) return false;
  if (/^(?:本报告|根据|按照|现将|以下|依据)/.test(c)) return false;
  // A citation of the notice that prescribes the form is not the title.
  if (/[《〈〔]|的通知|国办|格式/.test(c)) return false;
  return !(/[。;；>]/.test(c) || /当前位置|首页|栏目|您的位置/.test(c));
}

/** Agency from the title: strip the year and the report words. */
function agencyFromTitle(title: string): string | null {
  let c = arabicYears(compact(normalize(title)));
  c = c.replace(/[(（][^)）]*[)）]/g, '');
  c = c.replace(/\d{4}年度?/g, '').replace(/\d{4}/g, '');
  c = c.replace(REPORT_WORDS_ON, '');
  c = c.replace(/^关于/, '').replace(/的$/, '').replace(/关于$/, '').replace(/年度$/, '');
  // A covering letter: `XX局关于报送2020年度…的函`.
  const k = c.indexOf('关于');
  if (k >= 4) c = c.slice(0, k);
  return c.length >= 2 ? c : null;
}

/** Names of the publisher field. */
const PUBLISHER = /发布机构|发文机关|发布单位|来\s*源/;

/** The pattern of a field's value after one of `names` (a constant), made once per `names`. */
const fieldPatterns = new Map<RegExp, RegExp>();

function fieldPattern(names: RegExp): RegExp {
  let re = fieldPatterns.get(names);
  if (!re) fieldPatterns.set(names, (re = new RegExp(`(?:${names.source})\\s*[:：]?\\s*\\|?\\s*([^|\\t]*)`)));
  return re;
}

/** The 发布机构 / 来源 field of a page header, in the 40 lines from `from`. */
function field(nl: string[], names: RegExp, fields: Record<string, string> = {}, from = 0): string | null {
  for (const [k, v] of Object.entries(fields)) if (names.test(k)) return v.trim() || null;
  const limit = Math.min(nl.length, from + 40);
  const re = fieldPattern(names);
  for (let i = from; i < limit; i++) {
    const n = nl[i];
    const m = re.exec(n);
    if (!m) continue;
    const v = m[1].trim().split(/\s{2,}|\s(?=[\u4e00-\u9fa5 ]{2,6}[:：])/)[0].trim();
    // Stop at the next field name on the same line (`发布机构 下各镇 组配分类 …`).
    const cut = v.split(/\s+(?:组配分类|成文日期|发布日期|发文日期|公开方式|主题分类|索\s*引\s*号|文\s*号|有\s*效\s*性)/)[0].trim();
    if (cut) return cut;
  }
  return null;
}

const DATE_RE = /(\d{4})\s*(?:年|-|\/|\.)\s*(\d{1,2})\s*(?:月|-|\/|\.)\s*(\d{1,2})\s*日?/;

// Zero as typed: 〇, 零, a white circle ○ (U+25CB) or ◯, the letter O or o, a digit 0.
const CN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, '○': 0, '◯': 0, O: 0, o: 0, 0: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** `二〇二四年一月二十日`, `二○二五年元月八日` → `2024年1月20日`, `2025年1月8日`. */
function chineseNumeralDate(s: string): string {
  const num = (t: string) => {
    if (!t.includes('十')) return String(Number(mapArray([...t], (c) => CN_DIGIT[c]).join('')));
    const [a, b] = t.split('十');
    return String((a ? CN_DIGIT[a] : 1) * 10 + (b ? CN_DIGIT[b] : 0));
  };
  return s.replace(/([〇零○◯Oo0一二三四五六七八九]{4})\s*年\s*([元一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日/, (_m, y: string, mo: string, d: string) =>
    /[一二三四五六七八九]/.test(y) ? `${mapArray([...y], (c) => CN_DIGIT[c]).join('')}年${mo === '元' ? '1' : num(mo)}月${num(d)}日` : _m);
}

/** A year in Chinese numerals before 年 (`二〇二四年度`, `二○二五年`) → its digits; other text as it is. */
export function arabicYears(s: string): string {
  if (!s.includes('年')) return s;
  return s.replace(/([一二])([〇零○◯Oo0一二三四五六七八九]{3})(?=\s*年)/g, (m) => mapArray([...m], (c) => CN_DIGIT[c]).join(''));
}

/** A calendar date as YYYY-MM-DD, or null when it is not one (`20251月14` is not). */
export function parseDate(s: string): string | null {
  const m = DATE_RE.exec(chineseNumeralDate(normalize(s)));
  if (!m) return null;
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
  if (y < 1990 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCMonth() !== mo - 1) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function headerDate(nl: string[], fields: Record<string, string>): string | null {
  for (const name of ['发布日期', '发布时间', '公开日期', '成文日期', '生成日期']) {
    const d = fields[name] && parseDate(fields[name]);
    if (d) return d;
  }
  // Each name holds 日期 or 时间: only lines with either are searched.
  const dated = nl.slice(0, 40).filter((n) => n.includes('日期') || n.includes('时间'));
  for (const name of ['发布日期', '发文日期', '公开日期', '发布时间', '成文日期', '生成日期']) {
    for (const n of dated) {
      const k = n.indexOf(name);
      if (k < 0) continue;
      const d = parseDate(n.slice(k + name.length, k + name.length + 30));
      if (d) return d;
    }
  }
  return null;
}

const BARS = /[|\t]/g;
const PAGE_TAIL = /\s*(?:附件下载|附件|【?打印本页】?|【?关闭窗口】?|打印|关闭|返回顶部)\s*$/g;

/**
 * A line without cell bars, trimmed; of a very long line (a body printed on
 * one line) only enough of its end for `lastWords`, which reads no further.
 */
function lineEnd(line: string): string {
  if (line.length > 2000) {
    const end = line.slice(-1000).replace(BARS, ' ').trim();
    if (end.length > 200 && withoutPageTail(end).length >= 160) return end;
  }
  return (line.includes('|') || line.includes('\t') ? line.replace(BARS, ' ') : line).trim();
}

const SPACE = /\s/;

/**
 * `s.replace(PAGE_TAIL, '')`, searched only near the end: a match is the
 * trailing spaces, at most 6 characters before them and the spaces before
 * those, so it starts after the last non-space character before that.
 */
function withoutPageTail(s: string): string {
  let k = s.length;
  while (k > 0 && SPACE.test(s[k - 1])) k--;
  let from = Math.max(0, k - 6);
  while (from > 0 && SPACE.test(s[from - 1])) from--;
  PAGE_TAIL.lastIndex = 0;
  const m = PAGE_TAIL.exec(from ? s.slice(from) : s);
  return m ? s.slice(0, from + m.index) : s;
}

/** The last 160 characters of a long line, without the page's own links after the signature. */
function lastWords(raw: string): string {
  return withoutPageTail(raw).slice(-160);
}

/** The sixth heading and its answer, where a body on one line runs them into the signature. */
const LAST_HEADING = new RegExp(`^.*(?:${LAST_PART_WORDS}|其他需要报告的情况)(?:情况)?[:：]?(?:(?:无|没有|暂无)(?!锡|为|棣|极)[。.]?)?`);

/** The signature block: the last agency-looking line and the last date line near the end (of lines from `from`). */
function signature(lines: string[], from = 0): { agency: string | null; date: string | null } {
  let agency: string | null = null, date: string | null = null;
  let seen = 0;
  // The last lines; a body printed on one line ends with its signature (`… 常熟市辛庄镇人民政府 2020 年 1 月 17 日`).
  const tail: string[] = [];
  for (let i = lines.length - 1; i >= from && tail.length < 12; i--) {
    const raw = lineEnd(lines[i]);
    if (!raw) continue;
    if (raw.length <= 200) { tail.push(raw); continue; }
    const parts = mapArray(lastWords(raw).split(/[。；;！!？?]|\s{2,}|(?<=[)）])\s/), (x) => x.trim()).filter(Boolean);
    const last = parts[parts.length - 1] ?? '';
    const m = /^(.*?)\s*((?:\d{4}|[〇零一二三四五六七八九]{4})\s*年.*日)\s*$/.exec(last);
    if (m) tail.push(m[2], m[1]); else tail.push(last);
    break;
  }
  for (const raw of tail) {
    if (seen >= 12) break;
    seen++;
    const c = compact(normalize(raw));
    if (/^(?:信息来源|来源|【|\[|打印|关闭|扫一扫|分享|上一篇|下一篇|责任编辑|附件)/.test(c)) continue;
    if (!date && c.length <= 16 && (/^\d{4}年?.*\d/.test(c) || /^[〇零一二三四五六七八九]{4}年/.test(c))) { date = parseDate(raw); if (date || /^\d{4}/.test(c)) continue; }
    // A body on one line runs its last heading into the signature (`六、其他需要报告的事项无XX局`),
    // or a sentence (`此函XX局`, `本年度无XX县XX镇人民政府`): the name starts at its place.
    const name = c.replace(LAST_HEADING, '');
    if (!agency && agencyLike(name)) {
      const place = PARENT_PREFIX.test(name) ? -1 : placeStart(name);
      const own = place > 0 ? name.slice(place) : name;
      if (own.length <= 30) agency = own;
    }
    if (agency) break;
  }
  return { agency, date };
}

/** A name right after a line start or punctuation, as the subject of a sentence (global: searched by `execNear`). */
const SUBJECT = /(?:^|[,，。;；:：、"“(（])(?:\d{4}年(?:度)?[,，]?)?([\u4e00-\u9fa5]{2,20}?(?:人民政府(?:办公室|办公厅)?|街道办事处))(?:认真|深入|坚持|始终|严格|全面|紧紧|高度|扎实|积极|持续|进一步|按照|以|在|围绕|贯彻)/g;
/** A match of SUBJECT holds one of these, at most SUBJECT_LEAD characters after its start (1 + 7 + 20). */
const SUBJECT_KEYS = ['人民政府', '街道办事处'];
const SUBJECT_LEAD = 28;

/** SUBJECT's longest match: a mark, `2021年度,` (8), the name and its key (27), a verb (3). */
const SUBJECT_MAX = 39;
/** Characters of a long line compacted first, to look for its subject in (see firstSubject). */
const SUBJECT_HEAD = 1024;

/**
 * SUBJECT's first match in the compacted line (`compactLine()`), or null. A
 * long line (a body printed on one line) is searched first in the compacted
 * text of its first `headLength` characters: a match that starts more than
 * SUBJECT_MAX characters before the head's end is the line's too (one
 * starting earlier would fit in the head, and the first key, where the
 * search starts, is the same). The margin is a plain bound: as the pattern
 * holds no mark inside a name, a complete match in the head already is the
 * line's (tests/fast-paths.test.ts finds no case where it matters).
 */
export function firstSubject(l: string, compactLine: () => string, headLength = SUBJECT_HEAD): RegExpExecArray | null {
  if (l.length > headLength) {
    const head = compact(l.slice(0, headLength));
    const m = execNear(SUBJECT, head, 0, SUBJECT_KEYS, SUBJECT_LEAD);
    if (m && m.index + SUBJECT_MAX + 8 < head.length) return m;
  }
  const c = compactLine();
  if (!c.includes('人民政府') && !c.includes('街道办事处')) return null;
  return execNear(SUBJECT, c, 0, SUBJECT_KEYS, SUBJECT_LEAD);
}

/** The body's first subject (`咸安区人民政府认真贯彻…`), in the 120 lines from `from`. */
function agencyFromBody(nl: string[], from = 0): string | null {
  const limit = Math.min(nl.length, from + 120);
  for (let i = from; i < limit; i++) {
    const l = nl[i];
    // 人民政府 or 街道办事处, however spaced: the line holds 府 or 处.
    if (!l.includes('府') && !l.includes('处')) continue;
    const m = firstSubject(l, () => compact(l));
    if (m && !/^(?:国务院|中华人民共和国|省|市|县|区)人民政府/.test(m[1])) return m[1];
  }
  return null;
}

/** Statistics year: title, then 统计期限, then the most common `20xx年` in the text (lines from `from`). */
function findYear(title: string | null, nl: string[], src: Source, from = 0): number | null {
  const ok = (y: number) => y >= 2008 && y <= 2100;
  if (title) {
    const t = arabicYears(normalize(title));
    const m = /(\d{4})\s*年/.exec(t) ?? /(\d{4})/.exec(t);
    if (m && ok(Number(m[1]))) return Number(m[1]);
  }
  // `现将2023年度政府信息公开工作年度报告公布如下` in the opening lines.
  for (let i = from; i < Math.min(nl.length, from + 30); i++) {
    // The words end in 报告: a line without 告 holds none.
    if (!nl[i].includes('告')) continue;
    const m = /(\d{4})\s*年度?(?:的)?(?:政府)?(?:信息公开|政务公开)(?:工作)?(?:的)?年度报告/.exec(arabicYears(compact(nl[i])));
    if (m && ok(Number(m[1]))) return Number(m[1]);
  }
  for (const l of linesWith(src, ['1月1日', '1 月 1 日'], from)) {
    const n = compact(l);
    const m = /(?:统计期限|统计时限|统计时间|统计期间|统计区间|数据统计)[^0-9]{0,12}(\d{4})年1月1日/.exec(n)
      ?? /(\d{4})年1月1日(?:起)?(?:至|到|-|—)\1年12月31日/.exec(n);
    if (m && ok(Number(m[1]))) return Number(m[1]);
  }
  return null;
}

/** A URL in a field, when it is one. */
function urlOf(v: string | undefined): string | null {
  const m = v && /https?:\/\/[^\s"'<>]+/.exec(v);
  return m ? m[0] : null;
}

/** Lines of the normalised text the header, title and opening are read from (body ≤ 40, +120). */
const HEAD_LINES = 200;

/** The lines (from index `from`) of `src.text` that hold any of `words`, in order. */
function linesWith(src: Source, words: string[], from: number): string[] {
  const at = new Set<number>();
  for (const w of words) for (let k = src.text.indexOf(w); k >= 0; k = src.text.indexOf(w, k + w.length)) at.add(lineOf(src, k));
  return mapArray([...at].filter((line) => line > from).sort((a, b) => a - b), (line) => lineText(src, line));
}

/** What may follow a place's name in its own government's name (`平潭综合实验区` → `…管委会`). */
const BODY_SUFFIX = /^(?:人民政府|政府|管理委员会|管委会|行政公署|街道办事处|办事处)$/;

/** Bodies whose names put a parent before a place's (`国家税务总局仙居县税务局`, `中共仙居县委`). */
const PARENT_PREFIX = /^(?:中共|中国共产党|国家税务总局)/;

/**
 * May `prefix` stand before a body's name `core` in that body's own fuller
 * name? A place's name (`常熟市` + `辛庄镇人民政府`; `仙居` + `县财政局`, the
 * place completed by the name's first character), a parent that prefixes
 * it (`国家税务总局`, `中共`), or a parent body that starts with a place
 * (`福州市生态环境局` + `鼓楼分局`) — never a sentence run into it
 * (`六、其他需要报告的事项无`, `本年度无仙居县`).
 */
function placeBefore(prefix: string, core: string): boolean {
  if (!prefix) return true;
  if (isPlaceRun(prefix) || isPlaceRun(prefix + core[0])) return true;
  const rest = PARENT_PREFIX.exec(prefix);
  if (rest) return prefix.length === rest[0].length || isPlaceRun(prefix.slice(rest[0].length)) || isPlaceRun(prefix.slice(rest[0].length) + core[0]);
  return PARENT_BODY.test(prefix) && placeStart(prefix) === 0;
}

/** A parent body's name (`福州市生态环境局`) before a branch's (`鼓楼分局`): a place, then an office, no mark. */
const PARENT_BODY = /^[\u4e00-\u9fa5]{2,20}(?:局|厅|委|院|署)$/;

/**
 * Is `full` a fuller name of the body named `name` (normalised: `core`): the
 * same name with a place's name before it, or the place's name with its
 * government's suffix after it? A department of that body is not.
 */
function fullerName(full: string, core: string, name: string): boolean {
  if (full.endsWith(core)) return placeBefore(full.slice(0, full.length - core.length), core);
  const at = full.indexOf(name);
  return at >= 0 && BODY_SUFFIX.test(full.slice(at + name.length)) && placeBefore(full.slice(0, at), name);
}

/**
 * Metadata of a report from its lines as printed and its normalised text
 * (`src`): the header, title and opening are read from the first lines.
 */
export function readMeta(lines: string[], src: Source, pageUrl: string | null = null): Meta {
  const nl: string[] = [];
  for (let i = 1; i <= Math.min(src.lineStarts.length, HEAD_LINES); i++) nl.push(lineText(src, i));
  const { fields, body } = headerFields(lines);
  const fromField = fields['标题'] || fields['文章标题'];
  const t = fromField ? { index: body, text: fromField.trim() } : findTitle(lines, body);
  // A wrong field (`发布机构: 1`) is no agency. (Only the publisher's fields are read from it.)
  const publisherField = Object.fromEntries(Object.entries(fields).filter(([k, v]) => PUBLISHER.test(k) && looksLikeAgency(v)));
  const publisher = field(nl, PUBLISHER, publisherField, body);
  const sig = signature(lines, body);
  let agency: string | null = null;
  let agencySource: Meta['agencySource'] = null;
  let fromTitle = t ? agencyFromTitle(t.text) : null;
  // A title broken over two lines: the agency on the line above (`XX县人民政府` / `2023年…年度报告`).
  if (t && !fromTitle) {
    for (let i = t.index - 1; i >= Math.max(0, t.index - 3); i--) {
      const prev = lines[i].replace(/[|\t]/g, ' ').trim();
      if (!prev) continue;
      if (looksLikeAgency(prev)) { fromTitle = compact(nl[i]).replace(/[|]/g, ''); t.text = `${prev} ${t.text}`; }
      break;
    }
  }
  const bodyAgency = agencyFromBody(nl, body);
  if (fromTitle && looksLikeAgency(fromTitle)) { agency = fromTitle; agencySource = 'title'; }
  else if (publisher && looksLikeAgency(publisher)) { agency = compact(publisher); agencySource = 'field'; }
  else if (sig.agency) { agency = sig.agency; agencySource = 'signature'; }
  else if (bodyAgency) { agency = bodyAgency; agencySource = 'body'; }
  // A short name completed by a fuller one the report itself prints elsewhere
  // (title `辛庄镇`, signature `常熟市辛庄镇人民政府`), never by one of its departments
  // (title `平潭综合实验区`, 发布机构 `平潭综合实验区管委会办公室`: the office posts the zone's report).
  if (agency) {
    const core = normalizeAgency(agency);
    for (const other of [sig.agency, publisher && compact(publisher), bodyAgency]) {
      if (!other) continue;
      const full = normalizeAgency(other);
      if (full.length > core.length && fullerName(full, core, agency) && looksLikeAgency(full)) { agency = full; break; }
    }
  }
  const codes = new Set<string>();
  for (let i = 0; i < Math.min(nl.length, 40); i++) {
    const m = nl[i].includes('索') ? /索\s*引\s*号[^0-9A-Z]*([0-9A-Z]{18})/.exec(nl[i]) : null;
    if (m && /^[1-9A-Y][1-9]/.test(m[1])) codes.add(m[1].slice(2, 8));
  }
  return {
    title: t?.text ?? null,
    fields,
    source_url: urlOf(fields['原文链接'] ?? fields['原文地址'] ?? fields['网址']) ?? pageUrl,
    agency: agency ? normalizeAgency(agency) : null,
    agencySource,
    year: findYear(t?.text ?? null, nl, src, body),
    published_on: headerDate(nl, fields) ?? sig.date,
    publisher,
    indexRegionCodes: [...codes],
  };
}
