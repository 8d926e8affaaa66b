/**
 * What real reports do that a line-by-line reader did not follow, each on a
 * small crafted input (tests/fixtures/craft.ts): crawled text with the body on
 * one line and cells run together, PDF text with labels wrapped around their
 * numbers, vertical group cells and page footers, markdown cut into a table
 * per row, crawler metadata headers, label typos, and the evidence rules
 * (a run is split only where exactly one assignment fits; the narrative may
 * single one out; text and table are compared).
 */
import { describe, expect, it } from 'vitest';
import { parseFile } from '../src/lib/parse/report.ts';
import { APPLICANT_CODES } from '../src/lib/schema.ts';
import type { Report } from '../src/lib/types.ts';
import { consistentApps, craft, utf8 } from './fixtures/craft.ts';

const parse = (text: string, name = 'crafted.txt') => parseFile(utf8(text), name).report;
const appRow = (r: Report, row: string) => APPLICANT_CODES.map((c) => r.applications.find((a) => a.row === row && a.applicant === c)?.value ?? null);
const act = (r: Report, item: string) => r.active_disclosure.filter((a) => a.item === item).map((a) => a.value);
const check = (r: Report, code: string) => r.checks.find((c) => c.check === code);
const reviews = (r: Report) => r.reviews.map((x) => x.value);

/** Every application cell of a consistent craft() table, as numbers. */
const expected = (apps = consistentApps()) => Object.fromEntries(Object.entries(apps).map(([k, v]) => [k, v.map(Number)]));
const allRows = (r: Report) => Object.fromEntries(Object.keys(consistentApps()).map((k) => [k, appRow(r, k)]));

describe('crawled page text: the whole body on one line', () => {
  it('reads every table with single spaces between cells', () => {
    const r = parse(craft({ layout: 'crawl' }));
    expect(allRows(r)).toEqual(expected());
    expect(act(r, 'normative_document')).toEqual([3, 1, 20]);
    expect(reviews(r)).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(r.status).toBe('ok');
  });
  it('splits runs of digits with no separator where exactly one split fits the arithmetic', () => {
    const apps = consistentApps({ granted: 216, not_held: 2, carried_over: 1, carried_forward: 1 });
    const r = parse(craft({ layout: 'crawl', crawlSep: '', apps }));
    expect(appRow(r, 'new_received')).toEqual([218, 0, 0, 0, 0, 0, 218]);
    expect(appRow(r, 'granted')).toEqual([216, 0, 0, 0, 0, 0, 216]);
    expect(reviews(r)).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(check(r, 'run_together')!.detail).toContain('21800000218');
  });
  it('gives the digit before the next label to that label (`…0 002.其他法律…`)', () => {
    const text = craft({ layout: 'crawl', crawlSep: '' });
    expect(text).toContain('00000002.其他法律');
    const r = parse(text);
    expect(appRow(r, 'withheld_state_secret')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(appRow(r, 'withheld_law')).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });
  it('leaves an Article 20 run that splits several ways NULL, and says which splits', () => {
    // 6233440 under three columns: 6|2|33440, 62|3|3440, 623|3|440 … — no rule of the table decides.
    const r = parse(craft({ layout: 'crawl', crawlSep: '', active: { normative: ['623', '3', '440'] } }));
    expect(act(r, 'normative_document')).toEqual([null, null, null]);
    const c = check(r, 'run_together')!;
    expect(c.passed).toBe(false);
    expect(c.detail).toContain('6233440');
    expect(c.detail).toMatch(/6\|2\|33440/);
    expect(r.status).toBe('warnings');
  });
  it('keeps the cells every admissible split agrees on (`3100` = 3|10|0 or 31|0|0: decisions 0)', () => {
    const text = craft({ layout: 'crawl', crawlSep: '' }).replace('行政强制3', '行政强制3100');
    const r = parse(text.replace('第二十条第(六)项信息内容本年处理决定数量', '第二十条第(六)项信息内容上一年项目数量本年增/减处理决定数量'));
    expect(act(r, 'coercion')).toEqual([null, null, 0]);
  });
  it('reads the crawler header as fields: the title is not the agency, a wrong 发布机构 is ignored, 原文链接 is the source', () => {
    const r = parse(craft({ layout: 'crawl' }));
    expect(r.agency).toBe('仙居县人民政府办公室');
    expect(r.title).toBe('仙居县人民政府办公室2024年政府信息公开工作年度报告');
    expect(r.published_on).toBe('2025-01-20');
    expect(r.source_url).toBe('https://www.example.gov.cn/zwgk/nb/t20250120_1.htm');
    expect(r.sections.map((s) => s.section)).toEqual([1, 2, 3, 4, 5, 6]);
  });
  it('a body\'s report posted by its office is the body\'s: 发布机构 `…管委会办公室` does not complete the title\'s `平潭综合实验区`', () => {
    // 平潭综合实验区2023年度… (the zone's own report) carries 发布机构: 平潭综合实验区管委会办公室,
    // which publishes its own report too: read as the office's, the two would be one agency's.
    const text = craft({ layout: 'crawl' });
    const zone = text.replace(/仙居县人民政府办公室(?=20\d\d年)/g, '平潭综合实验区')
      .replace(/^发布机构:.*$/m, '发布机构: 平潭综合实验区管委会办公室');
    expect(zone).toContain('标题: 平潭综合实验区2024年');
    const r = parse(zone);
    expect(r.agency).toBe('平潭综合实验区人民政府');
    expect(r.level).not.toBe('department');
    // …while a fuller name of the same body still completes a short one.
    const town = text.replace(/仙居县人民政府办公室(?=20\d\d年)/g, '白塔镇')
      .replace(/^发布机构:.*$/m, '发布机构: 仙居县白塔镇人民政府');
    expect(parse(town).agency).toBe('仙居县白塔镇人民政府');
  });
  it('parts 一, 五 and 六 under other words are found; the review table ends at 五, the text after it is not read as the table', () => {
    // 君山片区 2025: `…总计100010000000000 五、当前存在的突出问题… 七、其他需说明事项…(国办函〔2020〕109号)`
    const text = craft({ layout: 'crawl' });
    const r0 = parse(text);
    const other = text.replace('一、总体情况', '一、年度工作核心成效(一)主动公开。').replace('五、存在的主要问题及改进情况', '五、当前存在的突出问题')
      .replace('六、其他需要报告的事项本年度未收取信息处理费。', '六、下一步改进举措加强培训。七、其他需说明事项按照《政府信息公开信息处理费管理办法》(国办函〔2020〕109号)执行,未收费。');
    const r = parse(other);
    expect(reviews(r)).toEqual(reviews(r0));
    expect(reviews(r).some((v) => v === 2020 || v === 109)).toBe(false);
    expect(r.sections.map((s) => s.section)).toEqual([1, 2, 3, 4, 5, 6]);
    // Without their numbers either, the header's words are those printed together, not a later 其他.
    const bare = text.replace('五、存在的主要问题及改进情况', '我局当前存在的突出问题是培训不足')
      .replace('六、其他需要报告的事项本年度未收取信息处理费。', '其他需说明事项:按照《政府信息公开信息处理费管理办法》(国办函〔2020〕109号)执行,未收费。');
    expect(reviews(parse(bare))).toEqual(reviews(r0));
  });
  it('a crawled page that holds only its title fails for its source, saying so', () => {
    // 平潭综合实验区公安局 2020: the report was an attachment; the page text is its title.
    const text = craft({ layout: 'crawl' });
    const head = text.slice(0, text.indexOf('正文') + 30).replace(/=+\s*$/, '');
    const r = parse(`${head}\n仙居县人民政府办公室2024年政府信息公开工作年度报告\n`);
    expect(r.status).toBe('failed');
    expect(r.error).toContain('没有报告内容');
    expect(check(r, 'tables_found')!.cause).toBe('source');
    expect(r.agency).toBe('仙居县人民政府办公室');
    // A long text with no heading, its tables not found, stays the parser's.
    const long = parse(`${head}\n${'本机关认真贯彻落实条例,持续深化政务公开工作。'.repeat(80)}\n`);
    expect(long.status).toBe('failed');
    expect(check(long, 'tables_found')!.cause).toBe('parser');
    // So does a long text whose tables are not found.
    const lost = parse(text.replace(/[0-9]/g, '').replace(/第二十条|申请|复议/g, ''));
    expect(check(lost, 'tables_found')!.cause).toBe('parser');
  });
  it('a short title name is completed by its own fuller name only: a place before it, a parent, a parent body', () => {
    const text = craft({ layout: 'crawl' });
    const read = (title: string, sig: string) => parse(text.replace(/仙居县人民政府办公室(?=20\d\d年政府)/g, title)
      .replace('仙居县人民政府办公室2025年1月20日', `${sig} 2025年1月20日`)).agency;
    expect(read('县财政局', '仙居县财政局')).toBe('仙居县财政局');
    expect(read('区财政局', '福州市鼓楼区财政局')).toBe('福州市鼓楼区财政局');
    expect(read('镇人民政府', '仙居县白塔镇人民政府')).toBe('仙居县白塔镇人民政府');
    expect(read('仙居县税务局', '国家税务总局仙居县税务局')).toBe('国家税务总局仙居县税务局');
    expect(read('仙居县委办公室', '中共仙居县委办公室')).toBe('中共仙居县委办公室');
    expect(read('鼓楼分局', '福州市生态环境局鼓楼分局')).toBe('福州市生态环境局鼓楼分局');
    // A sentence before the place's government name is no fuller name.
    expect(read('平潭综合实验区', '六、其他需要报告的事项本年度未收取信息处理费,特此报告平潭综合实验区管委会')).toBe('平潭综合实验区人民政府');
    // The heading's other wordings, a sentence before the name, and a place that starts with 无.
    expect(read('白塔镇', '六、其他需要说明的事项无仙居县白塔镇人民政府')).toBe('仙居县白塔镇人民政府');
    expect(read('白塔镇', '六、其他需要报告的事项本年度无仙居县白塔镇人民政府')).toBe('仙居县白塔镇人民政府');
    expect(read('财政局', '六、其他需要报告的事项 无锡市梁溪区财政局')).toBe('无锡市梁溪区财政局');
    expect(read('财政局', '六、其他需说明事项无 仙居县财政局')).toBe('仙居县财政局');
  });
  it('a last heading run into the signature (`六、其他需要报告的事项无XX镇人民政府`) is not the agency', () => {
    const text = craft({ layout: 'crawl' }).replace(/仙居县人民政府办公室(?=20\d\d年政府)/g, '白塔镇');
    const end = (sig: string) => text.replace('六、其他需要报告的事项本年度未收取信息处理费。仙居县人民政府办公室2025年1月20日', sig);
    expect(parse(end('六、其他需要报告的事项无仙居县白塔镇人民政府 2025年1月20日')).agency).toBe('仙居县白塔镇人民政府');
    expect(parse(end('六、其他需要报告的事项暂无白塔镇人民政府 2025年1月20日')).agency).toBe('白塔镇人民政府');
    // A sentence before the name is no place of it: the title's name stays.
    expect(parse(end('六、其他需要报告的事项本年度未收取信息处理费,特此函告白塔镇人民政府 2025年1月20日')).agency).toBe('白塔镇人民政府');
  });
  it('reads other crawlers\' headers the same way: English keys, full-width colons, YAML front matter', () => {
    const text = craft({ layout: 'crawl' });
    const body = text.split('\n').slice(text.split('\n').findIndex((l) => /正文/.test(l)) + 1).join('\n');
    const headers = [
      'title: 仙居县人民政府办公室2024年政府信息公开工作年度报告\nurl: https://www.example.gov.cn/a.htm\ndate: 2025-01-20\n\n',
      '---\nTitle: 仙居县人民政府办公室2024年政府信息公开工作年度报告\nURL: https://www.example.gov.cn/a.htm\nPublished: 2025-01-20\n---\n',
      '标题：仙居县人民政府办公室2024年政府信息公开工作年度报告\n发布日期：2025年01月20日\n链接：https://www.example.gov.cn/a.htm\n\n',
    ];
    for (const h of headers) {
      const r = parse(h + body);
      expect(r.agency, h).toBe('仙居县人民政府办公室');
      expect(r.source_url, h).toBe('https://www.example.gov.cn/a.htm');
      expect(r.published_on, h).toBe('2025-01-20');
    }
  });
});

describe('PDF text', () => {
  it('reads labels wrapped after their numbers, the vertical group cell and a page footer inside the table', () => {
    const text = craft({ layout: 'pdftext' });
    expect(text).toContain('只计这一情形,不计其他情形)');
    expect(text).toContain('\n- 3 -\n');
    const r = parse(text);
    expect(allRows(r)).toEqual(expected());
    expect(r.status).toBe('ok');
  });
  it('matches labels broken by spaces (`区分处理的，只计这一情 形`, `禁 止公开`)', () => {
    const text = craft({ layout: 'pdftext' }).replace('禁止公开', '禁 止公开').replace('这一情形', '这一情 形');
    expect(allRows(parse(text))).toEqual(expected());
  });
  it('reads the application table when the vertical cell is printed one character per line', () => {
    const text = craft({ layout: 'pdftext' }).replace('\n三\n', '\n三\n、\n本\n');
    expect(allRows(parse(text))).toEqual(expected());
  });
});
  it('reads labels spread by Word\'s distributed alignment: a label\'s spaced number (`4 . 保 护 …`) is no value', () => {
    const spread = (l: string) => [...l].join(' ');
    const text = craft({ layout: 'pdftext' }).replace(/^(\d\.[^\d\n]+?)(?= \d)/gm, (l) => spread(l));
    expect(text).toContain('4 . 保 护 第 三 方 合 法 权 益 0');
    expect(allRows(parse(text))).toEqual(expected());
  });
  it('reads a title wrapped inside its report words, the year first or last (`…政府信息` / `公开工作年度报告`)', () => {
    const base = craft({ layout: 'pdftext' });
    const title = '仙居县人民政府办公室2024年政府信息公开工作年度报告';
    expect(base.startsWith(title)).toBe(true);
    for (const [head, rest] of [
      ['2024 年仙居县人民政府办公室政府信息', '公开工作年度报告'],
      ['仙居县人民政府办公室关于报送2024年度政', '府信息公开工作年度报告的函'],
      ['仙居县人民政府办公室 2024 年度政府信', '息公开 工作年度报告'],
    ]) {
      const r = parse(base.replace(title, `${head}\n${rest}`));
      expect(r.agency, head).toBe('仙居县人民政府办公室');
      expect(r.year, head).toBe(2024);
      expect(r.title, head).toContain('年度报告');
    }
    // A CMS field line that ends in the same words is no title cut short: its date is no year of a title.
    const cms = parse(base.replace(title, `成文日期 2025-01-14 发布机构 仙居县人民政府\n组配分类 政府信息公开年报\n\n${title}`));
    expect(cms.year).toBe(2024);
    expect(cms.title).toBe(title);
  });

describe('tables exported as delimited text (tabula, camelot, a spreadsheet saved as CSV)', () => {
  const tabs = craft({ layout: 'tabs' });
  const quote = (c: string, d: string) => (c.includes(d) ? `"${c}"` : c);
  const as = (d: string) => tabs.split('\n').map((l) => l.split('\t').map((c) => quote(c, d)).join(d)).join('\n');
  it('reads rows delimited by commas (not thousands separators: `3,0,0`) or semicolons, in a .txt or a .csv', () => {
    const plain = parse(tabs);
    for (const d of [',', ';']) {
      for (const name of ['table.txt', 'table.csv']) {
        const r = parse(as(d), name);
        expect(allRows(r), `${d} ${name}`).toEqual(allRows(plain));
        expect(r.active_disclosure, `${d} ${name}`).toEqual(plain.active_disclosure);
        expect(reviews(r)).toEqual(reviews(plain));
        expect(r.status).toBe('ok');
      }
    }
    // a quoted thousands separator stays one number
    expect(act(parse(as(',').replace('行政许可,120', '行政许可,"1,120"'), 'table.csv'), 'license')).toEqual([1120]);
  });
  it('leaves narrative with half-width commas as it is when no table is so delimited', () => {
    const text = tabs.replace('本机关认真贯彻落实《条例》。', '本机关认真贯彻落实《条例》,全年收到申请7件,办结7件,其中予以公开7件');
    expect(parse(text).applications).toEqual(parse(tabs).applications);
  });
});

describe('markdown made from a PDF', () => {
  it('reads one small table per row under generic headers (数据1 … 数据7)', () => {
    const text = craft({ layout: 'markdown' });
    expect(text).toContain('| 数据1 | 数据2 |');
    const r = parse(text);
    expect(allRows(r)).toEqual(expected());
    expect(r.status).toBe('ok');
  });
  it('puts back a cell moved out of its row onto a line of its own before the row', () => {
    const text = craft({ layout: 'markdown' }).replace('| (二)部分公开(区分处理的,只计这一情形,不计其他情形) | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', '| 0 |\n| (二)部分公开(区分处理的,只计这一情形,不计其他情形) | 0 | 0 | 0 | 0 | 0 | 0 |');
    const r = parse(text);
    expect(appRow(r, 'granted')).toEqual([5, 0, 0, 0, 0, 0, 5]);
    expect(appRow(r, 'partially_granted')).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });
});

describe('label variants and typos of real tables', () => {
  it('reads 先行有效件数, 钩稽关系, 行政法复议, 其他法律和行政法规禁止公开, 社会组织, 不再受理, 不子公开', () => {
    const text = craft({ layout: 'crawl' })
      .replace('现行有效件数', '先行有效件数').replace('勾稽关系', '钩稽关系')
      .replace('行政复议、行政诉讼情况', '行政法复议、行政诉讼情况')
      .replace('其他法律行政法规禁止公开', '其他法律和行政法规禁止公开')
      .replace('社会公益组织', '社会组织').replace('(五)不予处理', '(五)不再受理').replace('(三)不予公开', '(三)不子公开');
    const r = parse(text);
    expect(allRows(r)).toEqual(expected());
    expect(act(r, 'normative_document')).toEqual([3, 1, 20]);
    expect(r.sections.find((s) => s.section === 4)?.heading).toContain('行政法复议');
    expect(r.status).toBe('ok');
  });
  it('finds headings with or without their numbers', () => {
    const text = craft({ layout: 'tabs' }).replace('一、总体情况', '总体情况').replace('五、存在的主要问题及改进情况', '存在的主要问题及改进情况');
    expect(parse(text).sections.map((s) => s.section)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe('evidence', () => {
  it('a narrative number that matches exactly one split of an Article 20 run settles it', () => {
    const base = craft({ layout: 'crawl', crawlSep: '', active: { normative: ['3', '0', '24'] } });
    const r0 = parse(base);
    expect(act(r0, 'normative_document')).toEqual([null, null, null]); // 3|0|24 or 30|2|4
    const r = parse(base.replace('本机关认真贯彻落实《条例》。', '本机关认真贯彻落实《条例》,新制发规范性文件3件。'));
    expect(act(r, 'normative_document')).toEqual([3, 0, 24]);
    expect(check(r, 'run_together')!.detail).toContain('新制发规范性文件3件');
  });
  it('two narrative numbers (制发的…, 现行有效…) that together leave one split settle it', () => {
    // 平潭综合实验区 2022: `行政规范性文件8855698`, the text `集中公开现行有效行政规范性文件698件，
    // 动态更新本年度制发的规范性文件88件`: 88 alone leaves 88|5|5698, 88|55|698, 88|556|98…
    const base = craft({ layout: 'crawl', crawlSep: '', active: { normative: ['88', '55', '698'] } });
    expect(act(parse(base), 'normative_document')).toEqual([null, null, null]);
    const said = (s: string) => parse(base.replace('本机关认真贯彻落实《条例》。', `本机关认真贯彻落实《条例》,${s}。`));
    expect(act(said('动态更新本年度制发的规范性文件88件'), 'normative_document')).toEqual([null, null, null]);
    const r = said('集中公开现行有效行政规范性文件698件,动态更新本年度制发的规范性文件88件');
    expect(act(r, 'normative_document')).toEqual([88, 55, 698]);
    expect(check(r, 'run_together')!.detail).toContain('现行有效行政规范性文件698件');
    // Documents of other bodies or of all years are no count of this year's own.
    expect(act(said('依法审核各镇街、部门制发的规范性文件88件,现行有效规范性文件698件'), 'normative_document')).toEqual([null, null, null]);
    expect(act(said('全面清理我局历年制发的规范性文件88件,现行有效规范性文件698件'), 'normative_document')).toEqual([null, null, null]);
    // 698 alone leaves 8|855|698, 88|55|698 and 885|5|698: nothing settled.
    expect(act(said('全面梳理了我局现行有效的规范性文件698件'), 'normative_document')).toEqual([null, null, null]);
    expect(act(said('印发规范性文件88件,全面梳理了我局现行有效的规范性文件698件'), 'normative_document')).toEqual([88, 55, 698]);
  });
  it('a narrative number that leaves two splits settles nothing', () => {
    // 20 155: 20|1|55, 20|15|5 or 2|0|155 — 发布规范性文件20份 leaves two.
    const base = craft({ layout: 'crawl', active: { normative: ['20', '155'] } });
    const r = parse(base.replace('本机关认真贯彻落实《条例》。', '本机关认真贯彻落实《条例》,发布规范性文件20份。'));
    expect(act(r, 'normative_document')).toEqual([null, null, null]);
  });
  it('the narrative check flags text and table that disagree, with both numbers, and the report is not ok', () => {
    const text = craft({ layout: 'tabs' }).replace('本机关认真贯彻落实《条例》。', '本机关认真贯彻落实《条例》,全年共收到政府信息公开申请9件。');
    const r = parse(text);
    const c = check(r, 'narrative')!;
    expect(c.passed).toBe(false);
    expect(c.detail).toContain('9');
    expect(c.detail).toContain('为 7');
    expect(r.status).toBe('warnings');
    const agree = parse(craft({ layout: 'tabs' }).replace('本机关认真贯彻落实《条例》。', '本机关认真贯彻落实《条例》,全年共收到政府信息公开申请7件。'));
    expect(check(agree, 'narrative')!.passed).toBe(true);
    expect(agree.status).toBe('ok');
  });
  it('a sentence ends at a full-width semicolon (normalised to \';\'): 未收到信访件；行政复议… states nothing about reviews', () => {
    const text = craft({ layout: 'tabs' }).replace('本机关认真贯彻落实《条例》。', '本机关认真贯彻落实《条例》。本年度未收到信访举报件；行政复议和行政诉讼情况见下表。');
    const r = parse(text);
    expect(check(r, 'narrative')).toBeUndefined();
    expect(r.status).toBe('ok');
  });
  it('reads no fact from a sentence about another year or a comparison', () => {
    const text = craft({ layout: 'tabs' }).replace('本机关认真贯彻落实《条例》。', '本机关认真贯彻落实《条例》。2023年共收到政府信息公开申请40件。较上年收到申请9件。');
    expect(check(parse(text), 'narrative')).toBeUndefined();
  });
});

describe('bodies that are not administrative divisions', () => {
  it('a department of 平潭综合实验区 lies in 平潭县 and is a department; a 片区 is township level', () => {
    const dep = parse(craft({ layout: 'crawl', agency: '平潭综合实验区财政金融局' }));
    expect([dep.province, dep.city, dep.county, dep.region_code, dep.level]).toEqual(['福建省', '福州市', '平潭县', '350128', 'department']);
    const area = parse(craft({ layout: 'crawl', agency: '平潭综合实验区海坛片区管理局' }));
    expect([area.county, area.region_code, area.level]).toEqual(['平潭县', '350128', 'township']);
    expect(area.agency_id).not.toBe(dep.agency_id);
    expect(area.agency_id!.startsWith('350128-')).toBe(true);
  });
});

describe('one body across a renaming', () => {
  it('keeps one agency_id only where a report says it was renamed', async () => {
    const { applyRenames } = await import('../src/lib/dataset/renames.ts');
    const before = parse(craft({ layout: 'crawl', agency: '平潭综合实验区国有资产管理局', year: 2023 }), 'gyz-2023.txt');
    const silent = parse(craft({ layout: 'crawl', agency: '平潭综合实验区投资促进局', year: 2024 }), 'gyz-2024.txt');
    expect(applyRenames([before, silent])).toEqual([]);
    expect(silent.agency_id).not.toBe(before.agency_id);
    const said = parse(craft({ layout: 'crawl', agency: '平潭综合实验区投资促进局', year: 2024 })
      .replace('本机关认真贯彻落实《条例》。', '平潭综合实验区投资促进局(原国有资产管理局)认真贯彻落实《条例》。'), 'gyz-2024.txt');
    const applied = applyRenames([before, said]);
    expect(applied.map((a) => [a.from, a.to])).toEqual([['平潭综合实验区国有资产管理局', '平潭综合实验区投资促进局']]);
    expect(before.agency_id).toBe(said.agency_id);
    expect(before.agency).toBe('平潭综合实验区国有资产管理局');
  });
});
