/**
 * Narrative text of a report: title, preamble, the six parts with their
 * headings, signature block and date. Deliberately sprinkled with numbers
 * (信息条数, 电话, 邮编, dates) the way real reports are, so a parser that reads
 * numbers out of prose gets caught.
 */
import type { Agency } from './agency.ts';
import type { Block } from './doc.ts';
import type { Rng } from './rng.ts';
import type { Rule } from './split/solve.ts';
import { fw } from './tables.ts';

/** Table numbers the prose states (`共受理…申请12件`): a reader may use them to settle a split. */
export type Facts = Rule[];
const fact = (facts: Facts | undefined, keys: string[], value: number) => facts?.push({ terms: keys.map((k) => [k, 1]), value });

export interface NarrativeOpts {
  year: number;
  fullwidth: boolean;
  /** How the year is written in prose: `2024年` or `2024 年`. */
  spacedYear: boolean;
  /** Whether a title line is printed at all. */
  title: boolean;
}

export interface Frame {
  title: string | null;
  published_on: string;
  /** `2025年1月15日`-style signature date, or a header `发文日期 2025-01-23 18:16:29`. */
  dateInHeader: boolean;
  dateText: string;
  headerDate: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function frame(rng: Rng, agency: Agency, o: NarrativeOpts, pdfLike: boolean): Frame {
  const py = o.year + 1;
  const month = rng.weighted([[1, 85], [2, 10], [3, 5]] as const);
  const day = rng.int(month === 1 ? 5 : 1, month === 2 ? 28 : 31);
  const published_on = `${py}-${pad(month)}-${pad(day)}`;
  const dateText = pdfLike || o.spacedYear ? `${py} 年 ${month} 月 ${day} 日` : `${py}年${month}月${day}日`;
  const headerDate = `${published_on} ${pad(rng.int(8, 18))}:${pad(rng.int(0, 59))}:${pad(rng.int(0, 59))}`;
  let title: string | null = null;
  if (o.title) {
    const short = rng.pick(agency.short);
    const y = o.spacedYear ? ` ${o.year} 年` : `${o.year}年`;
    title = rng.weighted([
      [`${short}${y}政府信息公开工作年度报告`, 5],
      [`${short}${y}度政府信息公开工作年度报告`, 2],
      [`${o.year}年${short}政府信息公开工作年度报告`, 2],
      [`${short}关于${o.year}年政府信息公开工作的年度报告`, 1],
    ] as const);
    if (pdfLike && rng.chance(0.5)) title = title.replace('政府信息公开工作', '政府信息公开 工作');
  }
  return { title, published_on, dateInHeader: rng.chance(0.2), dateText, headerDate };
}

function yr(o: NarrativeOpts, y = o.year) {
  return o.spacedYear ? `${y} 年` : `${y}年`;
}

export function preamble(rng: Rng, agency: Agency, o: NarrativeOpts): string[] {
  const out: string[] = [];
  const basis = rng.pick([
    '本报告根据《中华人民共和国政府信息公开条例》(以下简称《条例》)和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》(国办公开办函〔2021〕30号)要求编制。',
    `本报告根据《中华人民共和国政府信息公开条例》(国务院令第711号)、《关于做好${yr(o)}度政府信息公开工作年度报告编制发布工作的通知》要求编制。`,
    '本年度政府信息公开工作报告根据《中华人民共和国政府信息公开条例》和《关于做好政府信息公开年度报告编制工作的通知》及相关文件要求编制。',
  ]);
  out.push(
    basis +
      '报告全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。' +
      `本报告中所列数据的统计期限自${o.year}年1月1日起至${o.year}年12月31日止。` +
      `本报告的电子版可在${agency.name.replace(/(办公室|人民政府).*$/, '')}人民政府门户网站(${agency.site})下载。` +
      `如对本报告有疑问,请与${agency.name}联系(电话:0${rng.int(100, 999)}-${rng.int(2000000, 8999999)};邮编:${rng.int(100000, 850000)})。`,
  );
  if (agency.scope === 'aggregate') {
    out.push(
      rng.pick([
        `本报告由${agency.name}办公室编制,统计数据涵盖${agency.area}各级行政机关。`,
        `本报告数据为${agency.short[0]}各级政府及部门汇总数据,由${agency.name}办公室负责统计。`,
      ]),
    );
  }
  return out.map((x) => fw(x, o.fullwidth));
}

export function sectionHeading(rng: Rng, n: number, o: NarrativeOpts): string {
  const variants: string[][] = [
    ['一、总体情况', '总体情况'],
    ['二、主动公开政府信息情况', '二、主动公开政府信息情况'],
    ['三、收到和处理政府信息公开申请情况', '行政机关收到和处理政府信息公开申请情况', '三、收到和处理政府信息公开申请情况'],
    ['四、政府信息公开行政复议、行政诉讼情况', '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况', '政府信息公开行政复议、行政诉讼情况'],
    // Real variants (君山片区 2025): a part 五 without 改进, a part 六 in other words.
    ['五、存在的主要问题及改进情况', '五、存在的主要问题及改进情况', '五、当前存在的突出问题'],
    ['六、其他需要报告的事项', '六、其他需要报告的事项', '六、其他需说明事项'],
  ];
  return fw(rng.pick(variants[n - 1]), o.fullwidth);
}

export function section1(rng: Rng, agency: Agency, o: NarrativeOpts, apps: number, facts?: Facts): Block[] {
  const y = yr(o);
  const t = agency.township ?? '';
  const who = agency.level === 'township' ? (t.endsWith('街道') ? '我街道' : '我' + t.slice(-1)) : agency.short[0];
  const n1 = rng.int(20, 3000);
  const sub = [
    ['(一)主动公开', `${y},${who}坚持“公开为常态、不公开为例外”的原则,通过政府网站累计发布各类信息${n1}条,其中政策文件${rng.int(0, 80)}条、政策解读${rng.int(0, 40)}篇、工作动态${rng.int(10, 900)}条,进一步提升了政府信息公开的标准化、规范化水平。`],
    ['(二)依申请公开', apps === 0 ? `${y},${who}未收到政府信息公开申请,未产生任何费用。` : `${y},${who}共受理政府信息公开申请${apps}件,均在法定期限内答复,未收取任何费用。`],
    ['(三)政府信息管理', `健全完善信息公开保密审查制度,按照“谁发布、谁审核、谁负责”的原则,严格执行“三审三校”信息发布制度,全年清理过时失效信息${rng.int(0, 300)}条,确保公开信息依法、及时、准确。`],
    ['(四)平台建设', `持续优化政府网站“政府信息公开”专栏,更新互动交流模块,开设知识库、留言数据统计等栏目,全年回复网民留言${rng.int(0, 200)}条,回复率为100%。`],
    ['(五)监督保障', `将政务公开工作纳入年度绩效考核,开展政务公开业务培训${rng.int(1, 12)}次,参训人员${rng.int(10, 400)}人次,全年未发生因政府信息公开引发的责任追究情况。`],
  ];
  fact(facts, ['p.new_received.total'], apps);
  const out: Block[] = [];
  out.push({ t: 'p', text: fw(`${y},${agency.name}深入贯彻落实《中华人民共和国政府信息公开条例》,围绕中心工作,扎实推进政务公开,不断提升政府工作透明度,以公开促落实、促规范、促服务。`, o.fullwidth) });
  for (const [h, text] of sub) {
    if (rng.chance(0.5)) {
      out.push({ t: 'p', text: fw(h, o.fullwidth) });
      out.push({ t: 'p', text: fw(text, o.fullwidth) });
    } else {
      out.push({ t: 'p', text: fw(`${h}。${text}`, o.fullwidth) });
    }
  }
  return out;
}

export function section2Intro(rng: Rng, o: NarrativeOpts): Block[] {
  if (rng.chance(0.4)) return [];
  return [{ t: 'p', text: fw(`${yr(o)},以政府网站为第一平台,及时、全面、准确地公开各类政府信息,主动公开政府信息${rng.int(10, 5000)}条。`, o.fullwidth) }];
}

export function section3Intro(rng: Rng, o: NarrativeOpts, received: number, forward: number, facts?: Facts): Block[] {
  if (rng.chance(0.5)) return [];
  fact(facts, ['p.new_received.total'], received);
  fact(facts, ['p.carried_forward.total'], forward);
  return [{ t: 'p', text: fw(`${yr(o)}共收到政府信息公开申请${received}件,结转下年度继续办理${forward}件,及时回复率100%。`, o.fullwidth) }];
}

export function section4Intro(rng: Rng, o: NarrativeOpts, reviews: number, suits: number, facts?: Facts): Block[] {
  if (rng.chance(0.6)) return [];
  fact(facts, ['r.review.total'], reviews);
  fact(facts, ['r.suit_direct.total', 'r.suit_after_review.total'], suits);
  return [{ t: 'p', text: fw(`${yr(o)}收到行政复议共${reviews}件,行政诉讼${suits}件。`, o.fullwidth) }];
}

export function section5(rng: Rng, agency: Agency, o: NarrativeOpts): Block[] {
  const problems = [
    '一是主动公开意识有待增强,部分单位对政务公开重视不够;二是政策解读形式不够丰富,图解、视频解读较少;三是信息发布的及时性有待提升。',
    '一是信息公开内容的深度和广度不够;二是公开的政府信息内容尚显不足;三是政府信息的发布频率和数量有待提升。',
    '个别栏目更新不及时,政策解读质量不高,信息存在错敏词等问题。',
  ];
  const fixes = [
    `下一步,${agency.name}将加强业务培训,提高工作人员业务能力;完善审核发布机制,确保信息及时准确;丰富政策解读形式,提升解读质效。`,
    '一是健全监督机制,做好信息数据统计,定期督促;二是加大审核力度,提高公开质量;三是拓展公开渠道,增强公众参与。',
  ];
  const a = rng.pick(problems);
  const b = rng.pick(fixes);
  if (rng.chance(0.5)) {
    return [
      { t: 'p', text: fw(`(一)存在的主要问题。${a}`, o.fullwidth) },
      { t: 'p', text: fw(`(二)改进情况。${b}`, o.fullwidth) },
    ];
  }
  return [{ t: 'p', text: fw(`${yr(o)}政府信息公开工作取得了一定进展,但还存在以下问题:${a}${b}`, o.fullwidth) }];
}

export function section6(rng: Rng, o: NarrativeOpts): Block[] {
  const out: Block[] = [
    { t: 'p', text: fw('本机关按照《国务院办公厅关于印发〈政府信息公开信息处理费管理办法〉的通知》(国办函〔2020〕109号)规定的按件、按量收费标准,本年度没有产生信息公开处理费。', o.fullwidth) },
  ];
  if (rng.chance(0.4)) {
    out.push({ t: 'p', text: fw(`${yr(o)}度共承办人大代表建议${rng.int(0, 60)}件、政协委员提案${rng.int(0, 60)}件,均已按期办结。`, o.fullwidth) });
  }
  if (rng.chance(0.3)) out.push({ t: 'p', text: '以上报告,热忱欢迎社会各界提出宝贵改进建议和意见。' });
  return out;
}
