/**
 * Numbers a report's own text states about its tables: `共收到政府信息公开申请23件`,
 * `办结依申请2件`, `收到行政复议共15件`, `未发生…行政复议、行政诉讼`, and for the
 * Article 20 table `新制发规范性文件3件`, `采购…197批次…3601627.4元`. They are
 * facts: compared with the table (the `narrative` check) and, where the table's
 * digits can be split several ways, used to single one split out (evidence.ts).
 * Sentences about other years or comparisons (上年, 同比, 较…) are not read.
 */
import { lineOf, type Source } from './source.ts';
import { matchesOf } from './text.ts';
import { mapArray } from './map-array.ts';

/** A number the text states for a table cell. */
export interface Fact {
  table: 'applications' | 'reviews' | 'active_disclosure';
  row: string;
  col: string;
  value: number;
  /** What the text says (the matched words). */
  text: string;
  line: number;
  /** Facts that may only be compared, not used to choose a split. */
  checkOnly?: boolean;
}

interface Pattern {
  re: RegExp;
  /** Words that, before the match in its sentence, make it about something else. */
  skip?: RegExp;
  facts: (m: RegExpExecArray) => Omit<Fact, 'text' | 'line'>[];
}

const NUM = '(\\d+)';
const SKIP = /上年|去年|上一年|同比|较上|较去|增长|下降|减少|结转|累计|以来|其中[^，。]{0,6}年/;
/** Documents that are not the body's own of this year: filed or vetted (备案, 合法性审查), of all years, of other bodies. */
const OTHERS_DOCUMENTS = /备案|合法性|历年|各(?:镇|乡|街|部门|单位|级|县|区)/;

const PATTERNS: Pattern[] = [
  // Requests received.
  {
    re: new RegExp(`(?:收到|受理|接收|接到)(?:了)?[^。；！？;!?,，]{0,24}?(?:政府信息公开申请|信息公开申请|公开申请|依申请公开(?:申请)?|申请公开政府信息的要求)(?:件)?(?:共|合计|总计)?${NUM}(?:件|份|宗|个)`, 'g'),
    facts: (m) => [{ table: 'applications', row: 'new_received', col: 'total', value: Number(m[1]) }],
  },
  {
    re: new RegExp(`(?:收到|受理)(?:了)?${NUM}(?:件|份)(?:政府信息公开申请|依申请公开)`, 'g'),
    facts: (m) => [{ table: 'applications', row: 'new_received', col: 'total', value: Number(m[1]) }],
  },
  // Requests handled.
  {
    re: new RegExp(`(?:办结|办理)(?:了)?[^。；！？;!?,，]{0,12}?(?:政府信息公开申请|依申请公开(?:申请)?|政府信息依申请公开)(?:共)?${NUM}(?:件|份)`, 'g'),
    facts: (m) => [{ table: 'applications', row: 'total_handled', col: 'total', value: Number(m[1]), checkOnly: true }],
  },
  // Reviews and suits.
  {
    re: new RegExp(`(?:收到|发生|办理|受理|涉及|被申请)[^。；！？;!?]{0,16}?行政复议(?:案件|申请)?(?:共|合计)?${NUM}(?:件|起|宗)`, 'g'),
    facts: (m) => [{ table: 'reviews', row: 'review', col: 'total', value: Number(m[1]), checkOnly: true }],
  },
  {
    re: new RegExp(`(?:收到|发生|办理|受理|涉及|被提起|提起)[^。；！？;!?]{0,16}?行政诉讼(?:案件)?(?:共|合计)?${NUM}(?:件|起|宗)`, 'g'),
    facts: (m) => [{ table: 'reviews', row: 'suits', col: 'total', value: Number(m[1]), checkOnly: true }],
  },
  {
    re: /(?:未|没有)(?:发生|收到|有|出现|接到)[^。；！？;!?]{0,30}?行政复议(?:[、和及或]|[^。；！？;!?]{0,8}[、和及或])(?:提起)?行政诉讼/g,
    facts: () => [
      { table: 'reviews', row: 'review', col: 'total', value: 0, checkOnly: true },
      { table: 'reviews', row: 'suits', col: 'total', value: 0, checkOnly: true },
    ],
  },
  // Article 20.
  {
    // `新制发规范性文件3件`; `本年度制发的规范性文件88件` — `制发的` only of this year: `历年制发的`,
    // `审核各部门制发的` are not the body's own this year.
    re: new RegExp(`(?:(?:新制发|制发|印发|出台|发布)(?:了)?|(?:本年度?|今年|年内|全年)(?:新)?(?:制发|印发|出台|发布)的)(?:行政)?规范性文件(?:共)?${NUM}(?:件|份|个|部)`, 'g'),
    skip: OTHERS_DOCUMENTS,
    facts: (m) => [{ table: 'active_disclosure', row: 'normative_document', col: 'issued', value: Number(m[1]) }],
  },
  {
    // `集中公开现行有效行政规范性文件698件`, `我局现行有效的规范性文件16件`
    re: new RegExp(`现行有效(?:的)?(?:行政)?规范性文件(?:共)?${NUM}(?:件|份|个|部)`, 'g'),
    skip: OTHERS_DOCUMENTS,
    facts: (m) => [{ table: 'active_disclosure', row: 'normative_document', col: 'in_force', value: Number(m[1]) }],
  },
  {
    re: new RegExp(`作出(?:了)?行政处罚(?:决定)?(?:共)?${NUM}(?:起|件|宗|个)`, 'g'),
    facts: (m) => [{ table: 'active_disclosure', row: 'punishment', col: 'decisions', value: Number(m[1]) }],
  },
  {
    re: new RegExp(`采购[^。；！？;!?]{0,24}?${NUM}(?:批次|个|项|笔|次)[^。；！？;!?\\d]{0,24}?(?:金额|资金|总额)[^。；！？;!?\\d]{0,8}(\\d+(?:\\.\\d+)?)(万元|元)`, 'g'),
    facts: (m) => [
      { table: 'active_disclosure', row: 'procurement', col: 'procurement_projects', value: Number(m[1]) },
      { table: 'active_disclosure', row: 'procurement', col: 'procurement_amount', value: Number(m[2]) },
    ],
  },
];

/**
 * Does code unit `c` end a sentence (。；！？ or a line break)? The text is
 * normalised, so the full-width ；！？ arrive as `;!?`; the patterns above
 * stop at both forms too.
 */
const endsSentence = (c: number) => c === 0x3002 || c === 0xff1b || c === 0xff01 || c === 0xff1f
  || c === 59 || c === 33 || c === 63 || c === 10;

/** The sentence around offset `at` of `s` (between 。；！？ or line ends). */
function sentenceAt(s: string, at: number): string {
  let a = at, b = at;
  while (a > 0 && !endsSentence(s.charCodeAt(a - 1))) a--;
  while (b < s.length && !endsSentence(s.charCodeAt(b))) b++;
  return s.slice(a, b);
}

const YEAR = /(20\d\d)\s*年/g;

/**
 * Facts stated in the text outside `tables` (offset ranges). `year` is the
 * statistics year: a sentence naming another year is not read.
 */
export function readFacts(src: Source, tables: [number, number][], year: number | null): Fact[] {
  const t = src.text;
  const out: Fact[] = [];
  // The text between the tables, each stretch searched on its own: a statement lies within one.
  const stretches = mapArray(outside(tables, t.length), ([a, b]) => [a, t.slice(a, b)] as const);
  for (const p of PATTERNS) {
    for (const [at, part] of stretches) {
      p.re.lastIndex = 0;
      for (let m = p.re.exec(part); m; m = p.re.exec(part)) {
        const index = at + m.index;
        const sentence = sentenceAt(t, index);
        const said = sentence.slice(0, Math.max(0, sentence.indexOf(m[0]))) + m[0];
        if (SKIP.test(said) || p.skip?.test(said)) continue;
        const years = mapArray(matchesOf(YEAR, sentence), (y) => Number(y[1]));
        if (year && years.some((y) => y !== year)) continue;
        for (const f of p.facts(m)) out.push({ ...f, text: m[0].replace(/\s+/g, ''), line: lineOf(src, index) });
      }
    }
  }
  return out;
}

/** The ranges of [0, length) outside `ranges` (offset ranges, end exclusive, in any order). */
function outside(ranges: [number, number][], length: number): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  for (const [a, b] of [...ranges].sort((x, y) => x[0] - y[0])) {
    if (a > from) out.push([from, a]);
    from = Math.max(from, b);
  }
  if (from < length) out.push([from, length]);
  return out;
}
