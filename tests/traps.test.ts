/**
 * One crafted input per trap named in report-format.md and the dataset issue.
 */
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { readFileSync } from 'node:fs';
import { parseFile } from '../src/lib/parse/report.ts';
import { parseDate } from '../src/lib/parse/metadata.ts';
import { applyCrossYearChecks } from '../src/lib/dataset/cross-year.ts';
import type { Report } from '../src/lib/types.ts';
import { consistentApps, craft, utf8, ROWS_2021 } from './fixtures/craft.ts';

const parse = (text: string | Uint8Array, name = 'crafted.txt') => parseFile(typeof text === 'string' ? utf8(text) : text, name).report;
const app = (r: Report, row: string, col = 'total') => r.applications.find((a) => a.row === row && a.applicant === col)?.value;
const appRow = (r: Report, row: string) => ['natural_person', 'commercial', 'research', 'social_org', 'legal_service', 'other_org', 'total'].map((c) => app(r, row, c));
const act = (r: Report, item: string, metric: string) => r.active_disclosure.find((a) => a.item === item && a.metric === metric)?.value;
const check = (r: Report, code: string) => r.checks.find((c) => c.check === code);

describe('layouts', () => {
  for (const layout of ['pipe', 'cells', 'tabs'] as const) {
    it(`reads a consistent report laid out as ${layout}`, () => {
      const r = parse(craft({ layout }));
      expect(r.status, JSON.stringify(r.checks)).toBe('ok');
      expect(r.agency).toBe('仙居县人民政府办公室');
      expect(r.year).toBe(2024);
      expect(r.level).toBe('department');
      expect(r.county).toBe('仙居县');
      expect(appRow(r, 'new_received')).toEqual([7, 0, 0, 0, 0, 0, 7]);
      expect(appRow(r, 'total_handled')).toEqual([7, 0, 0, 0, 0, 0, 7]);
      expect(act(r, 'normative_document', 'in_force')).toBe(20);
      expect(act(r, 'fee', 'fee_amount')).toBe(12.5);
      expect(r.reviews.find((x) => x.proceeding === 'review' && x.outcome === 'total')?.value).toBe(1);
    });
  }
});

describe('rows matched by label, never by position', () => {
  for (const layout of ['pipe', 'cells', 'tabs'] as const) {
    it(`a row that prints no numbers is NULL and later rows do not shift (${layout})`, () => {
      const r = parse(craft({ layout, apps: { withheld_law: [] } }));
      expect(appRow(r, 'withheld_law')).toEqual(Array(7).fill(null));
      expect(appRow(r, 'withheld_security')).toEqual([0, 0, 0, 0, 0, 0, 0]);
      expect(appRow(r, 'unavailable_not_held')).toEqual([2, 0, 0, 0, 0, 0, 2]);
      expect(r.status).toBe('warnings');
      expect(check(r, 'missing_cells')!.passed).toBe(false);
    });
    it(`a missing row is NULL and flagged (${layout})`, () => {
      const r = parse(craft({ layout, apps: { other_other: null } }));
      expect(appRow(r, 'other_other')).toEqual(Array(7).fill(null));
      expect(appRow(r, 'total_handled')).toEqual([7, 0, 0, 0, 0, 0, 7]);
      expect(check(r, 'missing_cells')!.detail).toContain('(六)3.其他');
    });
  }
  it('rows printing six numbers under a header without 总计 go to the six applicant columns', () => {
    const apps = consistentApps();
    const r = parse(craft({ layout: 'tabs', headerTotal: false, apps: { new_received: apps.new_received.slice(0, 6), granted: apps.granted.slice(0, 6) } }));
    expect(appRow(r, 'new_received')).toEqual([7, 0, 0, 0, 0, 0, null]);
    expect(appRow(r, 'granted')).toEqual([5, 0, 0, 0, 0, 0, null]);
    expect(appRow(r, 'total_handled')).toEqual([7, 0, 0, 0, 0, 0, 7]);
  });
  it('a row that prints six numbers under a header with 总计 is read only as far as the arithmetic places the lost cell', () => {
    // The lost cell may be any of the seven; only "总计 lost" keeps the columns adding up,
    // so the six numbers are the applicant columns and 总计 is NULL (flagged, not ok).
    const r = parse(craft({ apps: { granted: ['5', '0', '0', '0', '0', '0'] } }));
    expect(appRow(r, 'granted')).toEqual([5, 0, 0, 0, 0, 0, null]);
    expect(check(r, 'missing_cells')!.detail).toContain('少 1 格');
    expect(r.status).toBe('warnings');
    // All zeros: the lost cell could be anywhere, so every cell stays NULL.
    const z = parse(craft({ apps: { partially_granted: ['0', '0', '0', '0', '0', '0'] } }));
    expect(appRow(z, 'partially_granted')).toEqual(Array(7).fill(null));
  });
  it('a label cut at the cell width, its tail printed on a later line, still owns its numbers', () => {
    const text = craft({ layout: 'tabs', apps: { withheld_law: ['1', '0', '0', '0', '0', '0', '1'], granted: ['4', '0', '0', '0', '0', '0', '4'] } })
      .replace('2.其他法律行政法规禁止公开\t1', '2.其他法律行政法规\t1')
      .replace('3.危及“三安全一稳定”', '\t\t禁止公开\t\t\t\t\n3.危及“三安全一稳定”');
    const r = parse(text);
    expect(appRow(r, 'withheld_law')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(appRow(r, 'withheld_state_secret')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(r.status).toBe('ok');
  });
  it('an application table whose 一、本年新收 row is lost is still found; that row is NULL', () => {
    const r = parse(craft({ apps: { new_received: null } }));
    expect(r.status).toBe('warnings');
    expect(appRow(r, 'new_received')).toEqual(Array(7).fill(null));
    expect(appRow(r, 'carried_over')).toEqual([1, 0, 0, 0, 0, 0, 1]);
  });
  it('a row with a blank cell at its start is read as a blank value where its line has as many cells as the other rows; padding otherwise', () => {
    const r = parse(craft({ apps: { withheld_state_secret: ['', '0', '0', '0', '0', '0', '0'] } }));
    expect(appRow(r, 'withheld_state_secret')).toEqual([null, 0, 0, 0, 0, 0, 0]);
    expect(check(r, 'missing_cells')!.detail).toContain('空白');
    expect(r.status).toBe('warnings');
    // One cell more than the other rows: the empty first cell pads the label, and the six numbers stay unplaced.
    const pad = parse(craft({ apps: { withheld_state_secret: ['', '', '0', '0', '0', '0', '0', '0'] } }));
    expect(appRow(pad, 'withheld_state_secret')).toEqual(Array(7).fill(null));
    expect(pad.status).toBe('warnings');
  });
  it('2019 form, one cell per line: the numbers of (六)其他处理 are its own, not also those of a row before it that printed none', () => {
    const text = craft({ layout: 'cells', apps: { granted: ['3', '0', '0', '0', '0', '0', '3'] } });
    const zeros = '\n\n0'.repeat(7);
    const from = text.indexOf('5.要求行政机关确认');
    const to = text.indexOf('(七)总计');
    // rejected_confirm prints no numbers (a blank row); (六) is one row of the 2019 form: 2 … 2.
    const r = parse(text.slice(0, from) + '5.要求行政机关确认或重新出具已获取信息\n\n(六)其他处理' + '\n\n2' + zeros.slice(0, 5 * 3) + '\n\n2\n\n' + text.slice(to));
    expect(appRow(r, 'other_total')).toEqual([2, 0, 0, 0, 0, 0, 2]);
    expect(appRow(r, 'rejected_confirm')).toEqual(Array(7).fill(null));
    expect(r.status).toBe('warnings');
  });
  it('tabs: a row whose label stands a column short of the others has its values in their columns, a blank first cell among them', () => {
    // Every row a label column wider (a group column before it) …
    const lines = craft({ layout: 'tabs' }).split('\n').map((l) => (/^[^\t]+(\t\d+){7}$/.test(l) ? `\t${l}` : l));
    // … but (三)2.: its label in the group column, an empty cell, then a non-breaking space where its first value is blank.
    const k = lines.findIndex((l) => l.includes('2.其他法律行政法规禁止公开'));
    lines[k] = '2.其他法律行政法规禁止公开\t\t\u00a0\t0\t0\t0\t0\t0\t0';
    const r = parse(lines.join('\n'));
    expect(appRow(r, 'withheld_law')).toEqual([null, 0, 0, 0, 0, 0, 0]);
    expect(appRow(r, 'granted')).toEqual([5, 0, 0, 0, 0, 0, 5]);
  });
  it('six separate cells under a header with 总计 are never split as if they had run together', () => {
    const r = parse(craft({ layout: 'tabs', apps: { new_received: ['12', '0', '0', '0', '0', '3'] } }));
    expect(appRow(r, 'new_received')).toEqual(Array(7).fill(null));
    expect(check(r, 'run_together')).toBeUndefined();
  });
  it('rows whose numbers stand before their labels (pdftotext\'s default order by column blocks) are read in form order only when every equation holds', () => {
    const truth = consistentApps();
    const cols = ['natural_person', 'commercial', 'research', 'social_org', 'legal_service', 'other_org', 'total'];
    const wrong = (r: Report) => r.applications.filter((a) => a.value !== null && String(a.value) !== truth[a.row]?.[cols.indexOf(a.applicant)]);
    // Each row total, the balance and (七) = Σ handled rows hold with the numbers taken in form
    // order, and with no other reading: every cell is read.
    const r = parse(craft({ layout: 'blocks' }));
    expect(wrong(r)).toEqual([]);
    expect(appRow(r, 'total_handled')).toEqual([7, 0, 0, 0, 0, 0, 7]);
    expect(appRow(r, 'other_other')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(r.applications.every((a) => a.value !== null)).toBe(true);
    expect(r.status).toBe('ok');
    // One number off (结转 2, so the balance fails): no reading is singled out. Where a row and
    // the row before differ, which is whose is not known: (七)总计 prints 7 after 3.其他 and 0
    // after its own label; both are NULL, and the zeros between them stay.
    const apps = consistentApps();
    apps.carried_forward = ['2', '0', '0', '0', '0', '0', '2'];
    const off = parse(craft({ layout: 'blocks', apps }));
    expect(wrong(off).filter((a) => a.row !== 'carried_forward')).toEqual([]);
    expect(off.applications.filter((a) => a.value !== null).length).toBeGreaterThan(80);
    expect(appRow(off, 'total_handled')).toEqual([null, 0, 0, 0, 0, 0, null]);
    expect(appRow(off, 'other_other')).toEqual([null, 0, 0, 0, 0, 0, null]);
    expect(off.status).toBe('warnings');
    expect(check(off, 'missing_cells')?.detail).toContain('数字可能印在行名之前');
    // The same last row printed empty in an ordinary layout (labels, then their numbers) is only that.
    const blank = parse(craft({ layout: 'cells', apps: { carried_forward: ['', '', '', '', '', '', ''] } }));
    expect(appRow(blank, 'total_handled')).toEqual([7, 0, 0, 0, 0, 0, 7]);
    expect(check(blank, 'missing_cells')?.detail ?? '').not.toContain('数字可能印在行名之前');
  });
  it('a bare page number after a one-line row is dropped, not read as that row\'s total', () => {
    const apps = consistentApps();
    const six = (row: string[]) => row.slice(0, 6);
    const text = craft({ layout: 'tabs', headerTotal: false, apps: Object.fromEntries(Object.entries(apps).map(([k, v]) => [k, six(v)])) })
      .replace('4.保护第三方合法权益', '7\n4.保护第三方合法权益');
    const r = parse(text);
    expect(appRow(r, 'withheld_security')).toEqual([0, 0, 0, 0, 0, 0, null]);
    const seven = parse(craft({ layout: 'tabs' }).replace('4.保护第三方合法权益', '7\n4.保护第三方合法权益'));
    expect(appRow(seven, 'withheld_security')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(seven.status).toBe('ok');
  });
  it('HTML: a label spanning two columns and an empty 总计 cell do not shift the numbers', () => {
    const rows = craft().split('\n').map((l) => {
      if (!l.includes('|')) return l ? `<p>${l}</p>` : '';
      const cells = l.split('|').slice(0, -1).map((c) => c.trim());
      if (cells[0].includes('予以公开')) return `<table><tr><td colspan="2">${cells[0]}</td>${cells.slice(1, 7).map((c) => `<td>${c}</td>`).join('')}<td></td></tr></table>`;
      return `<table><tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr></table>`;
    }).join('\n');
    const r = parse(utf8(`<html><body>${rows}</body></html>`), 'colspan.html');
    // The empty 总计 cell is the one lost: the six numbers keep their columns.
    expect(appRow(r, 'granted')).toEqual([5, 0, 0, 0, 0, 0, null]);
    expect(appRow(r, 'new_received')).toEqual([7, 0, 0, 0, 0, 0, 7]);
  });
  it('labels with spaces and line breaks inside still match', () => {
    const text = craft({ layout: 'cells' }).replace('2.其他法律行政法规禁止公开', '2.其他法律行政法规禁 止公开').replace('1.本机关不掌握相关政府信息', '1.本机关不掌握相关政\n府信息');
    const r = parse(text);
    expect(appRow(r, 'withheld_law')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(appRow(r, 'unavailable_not_held')).toEqual([2, 0, 0, 0, 0, 0, 2]);
  });
});

describe('cells', () => {
  it('full-width digits, thousands separators, decimals and units in the cell', () => {
    const r = parse(craft({ active: { license: ['５９,１１３'], punishment: ['2,837'], fee: ['1087.31万元'] } }));
    expect(act(r, 'license', 'decisions')).toBe(59113);
    expect(act(r, 'punishment', 'decisions')).toBe(2837);
    expect(act(r, 'fee', 'fee_amount')).toBe(1087.31);
  });
  it('an amount printed in 元 is converted to the template unit 万元 and the conversion recorded', () => {
    const r = parse(craft({ active: { fee: ['12000元'] } }));
    expect(act(r, 'fee', 'fee_amount')).toBe(1.2);
    expect(check(r, 'unit')!.detail).toContain('12000元');
  });
  for (const ph of ['—', '/', '-', '无']) {
    it(`「${ph}」 in a cell is NULL, not 0, and the missing_cells check says so`, () => {
      const r = parse(craft({ active: { regulation: [ph, ph, ph] }, apps: { withheld_query: ['0', ph, '0', '0', '0', '0', '0'] } }));
      expect(act(r, 'regulation', 'issued')).toBeNull();
      expect(appRow(r, 'withheld_query')).toEqual([0, null, 0, 0, 0, 0, 0]);
      const c = check(r, 'missing_cells')!;
      expect(c.passed).toBe(false);
      expect(c.detail).toContain(`「${ph}」`);
    });
  }
  it('a row of "/ / /" is three NULLs', () => {
    const r = parse(craft({ active: { normative: ['/ / /'] } }));
    expect([act(r, 'normative_document', 'issued'), act(r, 'normative_document', 'repealed'), act(r, 'normative_document', 'in_force')]).toEqual([null, null, null]);
  });
  it('a blank or non-breaking-space cell between numbers is NULL in its own column', () => {
    const r = parse(craft({ apps: { withheld_process: ['0', '\u00a0', '0', '0', '0', '0', '0'] } }));
    expect(appRow(r, 'withheld_process')).toEqual([0, null, 0, 0, 0, 0, 0]);
  });
});

describe('text around and inside the tables', () => {
  it('a number glued to its label (PDF text that lost a space) is still read', () => {
    const r = parse(craft({ layout: 'cells' }).replace('一、本年新收政府信息公开申请数量\n\n7', '一、本年新收政府信息公开申请数量7'));
    expect(appRow(r, 'new_received')).toEqual([7, 0, 0, 0, 0, 0, 7]);
  });
  it('the last row of a text that ends with it is a row, not a sentence (its numbers have no unit after them)', () => {
    const cut = craft({ layout: 'pdftext' }).split('\n(七)总计')[0].replace(/(2\.申请人逾期[^\n]*\n[^\n]*\n)3\.其他 0 0 0 0 0 0 0$/, '$1');
    const text = cut.replace(/\n*$/, '\n3.其他 4 0 0 0 0 0 4');
    expect(text.endsWith('3.其他 4 0 0 0 0 0 4')).toBe(true);
    const r = parse(text);
    expect(appRow(r, 'other_other')).toEqual([4, 0, 0, 0, 0, 0, 4]);
  });
  it('a narrative sentence that mentions 本年新收 before the table opens no row', () => {
    const text = craft({ layout: 'tabs', headerTotal: false, apps: { new_received: ['7', '0', '0', '0', '0', '0'] } })
      .replace('三、收到和处理政府信息公开申请情况', '三、收到和处理政府信息公开申请情况\n本年新收政府信息公开申请7件,上年结转1件,全部按时办结,群众满意度较高,未发生因答复引起的争议,也未产生任何费用。');
    const r = parse(text);
    expect(appRow(r, 'new_received')).toEqual([7, 0, 0, 0, 0, 0, null]);
  });
  it('review headers broken into 结果 / 维持 cells are recognised', () => {
    const r = parse(craft({ layout: 'cells' }).replaceAll('结果维持', '结果\n维持'));
    expect(r.reviews.find((x) => x.proceeding === 'review' && x.outcome === 'upheld')?.value).toBe(1);
  });
});

describe('cells that ran together', () => {
  it('splits 21710000218 into 217 1 0 0 0 0 218 when the row total allows exactly one split', () => {
    const apps = consistentApps({ granted: 216, not_held: 2, carried_over: 1, carried_forward: 1 });
    const r = parse(craft({ apps: { ...apps, new_received: ['21710000218'] } }));
    expect(appRow(r, 'new_received')).toEqual([217, 1, 0, 0, 0, 0, 218]);
    const c = check(r, 'run_together')!;
    expect(c.passed).toBe(true);
    expect(c.detail).toContain('21710000218');
  });
  it('uses the balance rule across rows when the row total allows several splits', () => {
    // 上年结转 1 10 0 0 0 0 11 printed as 110000011: the row total also allows 11 0 0 0 0 0 11.
    const zeros = ['0', '0', '0', '0', '0', '0', '0'];
    const table = {
      new_received: ['5', '0', '0', '0', '0', '0', '5'], carried_over: ['110000011'],
      granted: ['6', '10', '0', '0', '0', '0', '16'], unavailable_not_held: zeros,
      total_handled: ['6', '10', '0', '0', '0', '0', '16'], carried_forward: zeros,
    };
    const tokens = '1 10 0 0 0 0 11'.split(' ');
    expect(tokens.join('')).toBe('110000011');
    const r = parse(craft({ apps: table }));
    expect(appRow(r, 'carried_over')).toEqual([1, 10, 0, 0, 0, 0, 11]);
    expect(check(r, 'run_together')!.passed).toBe(true);
    expect(check(r, 'run_together')!.detail).toContain('各列勾稽关系唯一确定');
    expect(r.status).toBe('ok');
    // Without the 总计 row the columns cannot decide: the cells the two splits disagree on
    // (1|10 or 11|0) stay NULL and are flagged; the cells every split agrees on are read.
    const r2 = parse(craft({ apps: { ...table, total_handled: null } }));
    expect(appRow(r2, 'carried_over')).toEqual([null, null, 0, 0, 0, 0, 11]);
    expect(check(r2, 'run_together')!.passed).toBe(false);
  });
  it('leaves a run-together row NULL and flags it when no split satisfies the arithmetic', () => {
    const r = parse(craft({ apps: { granted: ['99999999'] } }));
    expect(appRow(r, 'granted')).toEqual(Array(7).fill(null));
    expect(check(r, 'run_together')!.passed).toBe(false);
    expect(r.status).toBe('warnings');
  });
  it('a row of numbers apart, short of one (`0⇥12`, `0 12`, `0` / `12` under three columns), is not cut into 0|1|2', () => {
    // A cell lost, or two run together: the Article 20 table has no arithmetic to tell, so the
    // cells the readings disagree on are NULL and the report is not ok.
    for (const layout of ['tabs', 'pipe', 'markdown', 'pdftext', 'cells'] as const) {
      const r = parse(craft({ layout, active: { normative: ['0', '12'] } }));
      const got = r.active_disclosure.filter((x) => x.item === 'normative_document').map((x) => x.value);
      // 0|1|2, 0|12|—, 0|—|12, —|0|12: no cell is the same in all four.
      expect(got, layout).toEqual([null, null, null]);
      expect(check(r, 'run_together')!.passed, layout).toBe(false);
      expect(check(r, 'run_together')!.detail, layout).toContain('0|1|2、|0|12');
      expect(r.status, layout).not.toBe('ok');
    }
    // Three cells printed: read as they stand.
    const full = parse(craft({ layout: 'tabs', active: { normative: ['0', '1', '2'] } }));
    expect(full.active_disclosure.filter((x) => x.item === 'normative_document').map((x) => x.value)).toEqual([0, 1, 2]);
    expect(full.status).toBe('ok');
  });
  it('splits a run-together review row using each group total', () => {
    const r = parse(craft({ reviews: ['21003', '00000', '01001'] }));
    const v = r.reviews.map((x) => x.value);
    expect(v).toEqual([2, 1, 0, 0, 3, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1]);
  });
});

describe('the 2019 form', () => {
  const text2019 = [
    '某某镇2022年政府信息公开工作年度报告', '二、主动公开政府信息情况',
    '第二十条第(一)项', '信息内容', '本年新\n制作数量', '本年新\n公开数量', '对外公开总数量',
    '规章', '0', '0', '0', '规范性文件', '2', '2', '15',
    '第二十条第(五)项', '信息内容', '上一年项目数量', '本年增/减', '处理决定数量',
    '行政许可', '1,200', '+461', '980', '其他对外管理服务事项', '30', '-18538', '7',
    '第二十条第(六)项', '信息内容', '上一年项目数量', '本年增/减', '处理决定数量', '行政处罚', '5', '-2', '3', '行政强制', '0', '0', '0',
    '第二十条第(八)项', '信息内容', '上一年项目数量', '本年增/减', '行政事业性收费', '2', '0',
    '第二十条第(九)项', '信息内容', '采购项目数量', '采购总金额', '政府集中采购', '32', '513555.45',
  ].join('\n');
  it('reads 新制作/新公开 headers broken over two lines and signed changes', () => {
    const r = parse(text2019 + '\n' + craft().split('三、收到和处理')[1].replace(/^/, '三、收到和处理'));
    expect(r.template).toBe('2019');
    expect(act(r, 'normative_document', 'made')).toBe(2);
    expect(act(r, 'normative_document', 'published_total')).toBe(15);
    expect(act(r, 'license', 'prior_count')).toBe(1200);
    expect(act(r, 'license', 'change')).toBe(461);
    expect(act(r, 'other_service', 'change')).toBe(-18538);
    expect(act(r, 'procurement', 'procurement_amount')).toBe(513555.45);
    expect(r.year).toBe(2022);
  });
  it('tabs: an amount alone in its cell after an empty one is the amount, never cut into a count and a smaller amount', () => {
    const nine = ['\t第二十条第(九)项\t\t\t', '\t信息内容\t采购项目数量\t采购总金额\t', '\t政府集中采购\t\t98.16\t'].join('\n');
    const active = text2019.replace(/第二十条第\(九\)项[\s\S]*$/, nine);
    expect(active).toContain('\t\t98.16');
    const r = parse(active + '\n' + craft().split('三、收到和处理')[1].replace(/^/, '三、收到和处理'));
    expect(act(r, 'procurement', 'procurement_amount')).toBe(98.16);
    expect(act(r, 'procurement', 'procurement_projects')).toBeNull();
  });
  it('pdftotext -layout: a row with empty cells has its numbers in the columns of the header words above them', () => {
    const layout = [
      '某某镇2022年政府信息公开工作年度报告', '二、主动公开政府信息情况',
      '                   第二十条第（一）项',
      '   信息内容        本年新          本年新                   对外公开',
      '               制作数量        公开数量                   总数量',
      '     规章          0           0                      0',
      '   规范性文件                                        15',
      '                   第二十条第（五）项',
      '    信息内容         上一年         本年增/减           处理决定',
      '                 项目数量                         数量',
      '   行政许可           88',
      '其他对外管理服务事项       0           0                  5',
    ].join('\n');
    const apps = '\n' + craft().split('三、收到和处理')[1].replace(/^/, '三、收到和处理');
    const r = parse(layout + apps);
    expect(act(r, 'license', 'prior_count')).toBe(88);
    expect(act(r, 'license', 'change')).toBeNull();
    expect(act(r, 'license', 'decisions')).toBeNull();
    expect(act(r, 'normative_document', 'published_total')).toBe(15);
    expect(act(r, 'normative_document', 'made')).toBeNull();
    expect(act(r, 'other_service', 'decisions')).toBe(5);
    // Single spaces show no columns: the lone number's cell is not known.
    const plain = parse(layout.replace(/ {3,}/g, ' ').replace(/^ +/gm, '') + apps);
    expect(act(plain, 'license', 'prior_count')).toBeNull();
    expect(act(plain, 'normative_document', 'published_total')).toBeNull();
  });
  it('HTML: value cells spanning columns under headers spanning other ones are read cell by cell', () => {
    // As a real page of 2019 prints it: 5 grid columns for 3 metrics, value and header spans that do not line up.
    const tr = (...cells: string[]) => `<tr>${cells.join('')}</tr>`;
    const td = (t: string, span = 1) => (span > 1 ? `<td colspan="${span}">${t}</td>` : `<td>${t}</td>`);
    const table = '<table border="1"><tbody>' + [
      tr(td('第二十条第(一)项', 5)), tr(td('信息内容'), td('本年新<br />制作数量'), td('本年新<br />公开数量', 2), td('对外公开总数量')),
      tr(td('规章'), td('13'), td('13', 2), td('524')), tr(td('规范性文件'), td('60'), td('60', 2), td('368')),
      tr(td('第二十条第(五)项', 5)), tr(td('信息内容'), td('上一年项目数量'), td('本年增/减', 2), td('处理决定数量')),
      tr(td('行政许可'), td('7', 2), td('0'), td('9')), tr(td('其他对外管理服务事项'), td('0', 2), td('0'), td('0')),
      tr(td('第二十条第(九)项', 5)), tr(td('信息内容'), td('采购项目数量', 2), td('采购总金额', 2)),
      tr(td('政府集中采购'), td('6', 2), td('251000元', 2)),
    ].join('') + '</tbody></table>';
    const html = `<html><body><p>某某市人民政府办公厅2019年政府信息公开工作年度报告</p><p>二、主动公开政府信息情况</p>${table}</body></html>`;
    const r = parse(utf8(html), 'r2019.html');
    expect(act(r, 'regulation', 'made')).toBe(13);
    expect(act(r, 'regulation', 'published')).toBe(13);
    expect(act(r, 'regulation', 'published_total')).toBe(524);
    expect(act(r, 'normative_document', 'published_total')).toBe(368);
    expect(act(r, 'license', 'prior_count')).toBe(7);
    expect(act(r, 'license', 'change')).toBe(0);
    expect(act(r, 'license', 'decisions')).toBe(9);
    expect(act(r, 'procurement', 'procurement_projects')).toBe(6);
    expect(act(r, 'procurement', 'procurement_amount')).toBe(251000);
  });
});

describe('encodings and containers', () => {
  const text = craft();
  const base = parse(text);
  const same = (r: Report) => {
    expect(r.applications.map((a) => a.value)).toEqual(base.applications.map((a) => a.value));
    expect(r.agency).toBe(base.agency);
    expect(r.status).toBe('ok');
  };
  it('GB18030', () => { const r = parse(iconv.encode(text, 'gb18030')); same(r); expect(r.encoding).toBe('gb18030'); });
  it('GBK', () => { const r = parse(iconv.encode(text, 'gbk')); same(r); expect(r.encoding).toBe('gb18030'); });
  it('UTF-8 with BOM', () => { const r = parse(utf8('\uFEFF' + text)); same(r); expect(r.encoding).toBe('utf-8-bom'); });
  it('UTF-16LE with BOM', () => { const r = parse(iconv.encode(text, 'utf-16le', { addBOM: true })); same(r); expect(r.encoding).toBe('utf-16le'); });
  it('UTF-16LE without BOM', () => { const r = parse(iconv.encode(text, 'utf-16le')); same(r); expect(r.encoding).toBe('utf-16le'); });
  it('Windows line endings', () => { const r = parse(text.replace(/\n/g, '\r\n')); same(r); });
  it('a mostly-ASCII GBK page that declares its charset is decoded as GB18030', () => {
    const script = `<script>${'var x = 1;\n'.repeat(20000)}</script>`;
    const rows = text.split('\n').map((l) => l.includes('|') ? `<tr>${l.split('|').slice(0, -1).map((c) => `<td>${c.trim()}</td>`).join('')}</tr>` : `<p>${l}</p>`);
    const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">${script}</head><body><table>${rows.join('')}</table></body></html>`;
    const r = parse(iconv.encode(html, 'gbk'), 'page.htm');
    expect(r.encoding).toBe('gb18030');
    same(r);
  });
  it('a 2019 Article 20 table with a 2021 application table: the (六) rows follow the application table', () => {
    const r2019 = craft().replace(/第二十条第\(一\)项[\s\S]*?三、收到和处理/, [
      '第二十条第(一)项 |', '信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |', '规章 | 0 | 0 | 0 |', '规范性文件 | 2 | 2 | 15 |',
      '第二十条第(五)项 |', '信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |', '行政许可 | 10 | 2 | 30 |', '其他对外管理服务事项 | 0 | 0 | 0 |',
      '第二十条第(六)项 |', '信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |', '行政处罚 | 5 | 0 | 3 |', '行政强制 | 0 | 0 | 0 |',
      '第二十条第(八)项 |', '信息内容 | 上一年项目数量 | 本年增/减 |', '行政事业性收费 | 1 | 0 |',
      '第二十条第(九)项 |', '信息内容 | 采购项目数量 | 采购总金额 |', '政府集中采购 | 3 | 120.5 |', '', '三、收到和处理'].join('\n'));
    const r = parse(r2019);
    expect(r.template).toBe('2019');
    expect(r.status, JSON.stringify(r.checks)).toBe('ok');
    expect(r.applications.some((a) => a.row === 'other_total')).toBe(false);
    expect(check(r, 'group_total')!.detail).toContain('7 项全部相符');
  });
  it('HTML: tables from their cells, text from the page, navigation ignored', () => {
    const rows = text.split('\n').map((l) => l.includes('|') ? `<tr>${l.split('|').slice(0, -1).map((c) => `<td>${c.trim()}</td>`).join('')}</tr>` : l ? `<p>${l}</p>` : '');
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>x</title><script>var a="第二十条 本年新收 9";</script></head><body><nav>首页 &gt; 政务公开 &gt; 年报</nav><table>${rows.join('\n')}</table><footer>网站标识码</footer></body></html>`;
    const r = parse(utf8(html), 'report.html');
    same(r);
    expect(r.sections.find((s) => s.section === 1)!.text).toContain('认真贯彻落实');
  });
});

describe('more real-world wrappers', () => {
  const text = craft();
  const toHtmlTable = (t: string) => t.split('\n').map((l) => l.includes('|') ? `<tr>${l.split('|').slice(0, -1).map((c) => `<td><p><span>${c.trim()}</span></p></td>`).join('')}</tr>` : '').join('');
  it('HTML whose report sits inside a layout table, tables nested in cells', () => {
    // Paragraphs and tables interleaved as printed, all inside one layout cell.
    const blocks = text.split('\n').reduce<string[]>((acc, l) => {
      if (!l.includes('|')) acc.push(`<p>${l}</p>`);
      else if (acc.length && acc[acc.length - 1].startsWith('<table')) acc[acc.length - 1] = acc[acc.length - 1].replace('</table>', toHtmlTable(l) + '</table>');
      else acc.push(`<table border="1">${toHtmlTable(l)}</table>`);
      return acc;
    }, []).join('');
    const html = `<html><body><table width="100%"><tr><td class="nav">首页</td></tr><tr><td>${blocks}</td></tr></table></body></html>`;
    const r = parse(utf8(html), 'nested.htm');
    expect(r.status, JSON.stringify(r.checks)).toBe('ok');
    expect(appRow(r, 'new_received')).toEqual([7, 0, 0, 0, 0, 0, 7]);
  });
  it('markdown from a PDF converter with each table as one line of HTML (MinerU): cells, not attribute digits', () => {
    // Consecutive table lines become one <table> line with a rowspan and a colspan, as MinerU writes.
    const blocks = text.split('\n').reduce<string[]>((acc, l) => {
      if (!l.includes('|')) acc.push(l.startsWith('一、') || l.startsWith('二、') ? `## ${l}` : l);
      else if (acc.length && acc[acc.length - 1].startsWith('<table')) acc[acc.length - 1] = acc[acc.length - 1].replace('</table>', toHtmlTable(l) + '</table>');
      else acc.push(`<table>${toHtmlTable(l)}</table>`);
      return acc;
    }, []);
    const md = blocks.join('\n\n').replaceAll('<td><p><span>总计</span></p></td>', '<td rowspan="22" colspan="3">总计</td>');
    expect(md).toMatch(/^<table><tr><td>/m);
    const r = parse(utf8(md), 'mineru.md');
    expect(r.status, JSON.stringify(r.checks)).toBe('ok');
    expect(appRow(r, 'new_received')).toEqual([7, 0, 0, 0, 0, 0, 7]);
    expect(act(r, 'normative_document', 'in_force')).toBe(20);
    expect(r.reviews.find((x) => x.proceeding === 'review' && x.outcome === 'total')?.value).toBe(1);
  });
  it('merged cells a converter copied into every column they cover (docling) are read once; numbers that differ there are not a copy', () => {
    const head = '| 信息内容 | 本年处理决定数量 |';
    const spanned = (md: string, license: string) => md.replaceAll(head, '| 信息内容 | 本年处理决定数量 | 本年处理决定数量 | 本年处理决定数量 |')
      .replace('| 行政许可 | 120 |', license).replace('| 行政处罚 | 45 |', '| 行政处罚 | 45 | 45 | 45 |');
    const md = craft({ layout: 'markdown' });
    expect(md).toContain(head);
    const r = parse(spanned(md, '| 行政许可 | 120 | 120 | 120 |'), 'docling.md');
    expect(r.status, JSON.stringify(r.checks)).toBe('ok');
    expect(act(r, 'license', 'decisions')).toBe(120);
    expect(act(r, 'punishment', 'decisions')).toBe(45);
    expect(r.active_disclosure.find((a) => a.item === 'license')?.col).toBe(10);
    const odd = parse(spanned(md, '| 行政许可 | 120 | 5 | 7 |'), 'docling.md');
    expect(act(odd, 'license', 'decisions')).toBeNull();
    expect(odd.status).toBe('warnings');
    expect(check(odd, 'missing_cells')?.detail).toContain('120 5 7');
  });
  it('tags a converter leaves in markdown cells (`<br>`, `<span style=…>`) are not read as numbers', () => {
    const md = text.split('\n').map((l) => l.includes('|') ? `| ${l.replace(/ \| /g, ' <br/> | ').replace(/\|\s*$/, '|')}` : l)
      .join('\n').replace('行政规范性文件', '<span style="font-size:16px">行政规范性文件</span>');
    const r = parse(utf8(md), 'br.md');
    expect(r.status, JSON.stringify(r.checks)).toBe('ok');
    expect(act(r, 'normative_document', 'in_force')).toBe(20);
    expect(appRow(r, 'new_received')).toEqual([7, 0, 0, 0, 0, 0, 7]);
  });
  it('the review table as three small markdown tables, each under its own header, is read group by group', () => {
    const head = '| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n|---|---|---|---|---|';
    const groups = ['### 行政复议', head, '| 27 | 10 | 9 | 15 | 61 |', '', '### 行政诉讼(未经复议直接起诉)', head, '| 3 | 0 | 0 | 0 | 3 |', '',
      '### 行政诉讼(复议后起诉)', head, '| 8 | 0 | 1 | 1 | 10 |'].join('\n');
    const md = text.replace(/四、政府信息公开行政复议、行政诉讼情况[\s\S]*?(?=\n五、)/, `四、政府信息公开行政复议、行政诉讼情况\n\n${groups}\n`);
    expect(md).toContain('### 行政诉讼(复议后起诉)');
    const r = parse(md, 'groups.md');
    expect(r.reviews.map((x) => x.value)).toEqual([27, 10, 9, 15, 61, 3, 0, 0, 0, 3, 8, 0, 1, 1, 10]);
    // Groups whose numbers do not add up are not taken as groups.
    const bad = parse(md.replace('| 8 | 0 | 1 | 1 | 10 |', '| 8 | 0 | 1 | 1 | 11 |'), 'groups.md');
    expect(bad.reviews.every((x) => x.value === null)).toBe(true);
  });
  it('the Article 20 (一) rows printed after (八), their caption left in place (a PDF converter moved them), are still read', () => {
    const block = '信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n规章 | 0 | 0 | 0 |\n行政规范性文件 | 3 | 1 | 20 |\n';
    expect(text).toContain(block);
    const moved = text.replace(block, '').replace('行政事业性收费 | 12.5 |\n', `行政事业性收费 | 12.5 |\n${block}`);
    const r = parse(moved);
    expect(act(r, 'regulation', 'issued')).toBe(0);
    expect(act(r, 'normative_document', 'issued')).toBe(3);
    expect(act(r, 'normative_document', 'in_force')).toBe(20);
    expect(act(r, 'fee', 'fee_amount')).toBe(12.5);
    expect(act(r, 'license', 'decisions')).toBe(120);
  });
  it('header cells separated by single spaces name every column', () => {
    const spaced = text.split('\n').map((l) => l.includes('|') ? l.replace(/ \| ?/g, ' ').trim() : l).join('\n');
    const r = parse(spaced);
    expect(r.status, JSON.stringify(r.checks)).toBe('ok');
    expect(act(r, 'normative_document', 'in_force')).toBe(20);
    expect(appRow(r, 'new_received')).toEqual([7, 0, 0, 0, 0, 0, 7]);
  });
  it('page numbers that fell into a table are ignored', () => {
    const withFooter = text.replace('2.其他法律行政法规禁止公开', '— 3 —\n第 3 页 共 9 页\n2.其他法律行政法规禁止公开');
    const r = parse(withFooter);
    expect(r.status).toBe('ok');
    expect(appRow(r, 'withheld_state_secret')).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });
  it('UTF-8 with one damaged byte stays UTF-8 (not mis-decoded as GBK)', () => {
    const bytes = utf8(text);
    const damaged = new Uint8Array(bytes.length + 1);
    damaged.set(bytes.subarray(0, 10)); damaged[10] = 0xff; damaged.set(bytes.subarray(10), 11);
    const r = parse(damaged);
    expect(r.encoding).toBe('utf-8-damaged');
    expect(appRow(r, 'new_received')).toEqual([7, 0, 0, 0, 0, 0, 7]);
  });
  it('a title of the form XX关于2021年政府信息公开工作的年度报告', () => {
    const r = parse(text.replace('仙居县人民政府办公室2024年政府信息公开工作年度报告', '仙居县人民政府办公室关于2024年政府信息公开工作的年度报告'));
    expect(r.title).toContain('关于');
    expect(r.agency).toBe('仙居县人民政府办公室');
  });
  it('an Article 20 table whose 第二十条 lines were lost is still found by its header', () => {
    const r = parse(text.split('\n').filter((l) => !l.startsWith('第二十条')).join('\n'));
    expect(r.status, JSON.stringify(r.checks)).toBe('ok');
    expect(act(r, 'normative_document', 'in_force')).toBe(20);
    expect(act(r, 'license', 'decisions')).toBe(120);
  });
  it('the year from an opening sentence when the title has none', () => {
    const r = parse(text.replace('仙居县人民政府办公室2024年政府信息公开工作年度报告', '仙居县人民政府办公室政府信息公开工作年度报告\n现将2024年度政府信息公开工作年度报告公布如下。'));
    expect(r.year).toBe(2024);
  });
  it('a title broken after its year (centred PDF text) keeps the agency and the year', () => {
    const r = parse(text.replace('仙居县人民政府办公室2024年政府信息公开工作年度报告', '仙居县人民政府办公室 2024 年\n度政府信息公开工作年度报告'));
    expect(r.agency).toBe('仙居县人民政府办公室');
    expect(r.year).toBe(2024);
    expect(r.title).toBe('仙居县人民政府办公室 2024 年度政府信息公开工作年度报告');
  });
  it('a title broken over two lines keeps the agency from the line above', () => {
    const r = parse(text.replace('仙居县人民政府办公室2024年政府信息公开工作年度报告', '仙居县人民政府办公室\n2024年政府信息公开工作年度报告'));
    expect(r.agency).toBe('仙居县人民政府办公室');
    expect(r.year).toBe(2024);
  });
});

describe('pdftotext -layout output (columns aligned with spaces, labels wrapped in the label column)', () => {
  const r = parse(readFileSync('tests/fixtures/pdftotext-layout.txt'));
  it('reads all three tables and every check passes', () => {
    expect(r.status, JSON.stringify(r.checks)).toBe('ok');
    expect(r.agency).toBe('某某市生态环境局');
    expect(r.year).toBe(2023);
    expect(r.published_on).toBe('2024-01-25');
  });
  it('assigns wrapped labels and aligned numbers to the right rows', () => {
    expect(appRow(r, 'new_received')).toEqual([30, 5, 0, 0, 1, 0, 36]);
    expect(appRow(r, 'withheld_third_party')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(appRow(r, 'unavailable_not_held')).toEqual([5, 1, 0, 0, 0, 0, 6]);
    expect(appRow(r, 'other_other')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(appRow(r, 'carried_forward')).toEqual([1, 1, 0, 0, 0, 0, 2]);
    expect(act(r, 'license', 'decisions')).toBe(1024);
    expect(r.reviews.map((x) => x.value)).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]);
  });
});

describe('pdftotext page breaks and reading orders', () => {
  const text = craft({ layout: 'pdftext' });
  it('a bare page number before the form feed and a running head with its year inside the table are not values', () => {
    // pdftotext ends a page with its number and starts the next with a form feed, then the running head.
    const broken = text.replace('\n\n- 3 -\n\n', '\n\n                 3\n\f       仙居县人民政府办公室 2024 年政府信息公开工作年度报告\n\n');
    expect(broken).toContain('\f');
    const r = parse(broken);
    expect(r.status, JSON.stringify(r.checks)).toBe('ok');
    expect(appRow(r, 'withheld_process')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(appRow(r, 'withheld_enforcement')).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });
  it('a row whose label is printed after the next rows\' labels keeps its numbers, in the form\'s order', () => {
    const apps = consistentApps({ granted: 5, not_held: 2, carried_over: 1, carried_forward: 2 });
    apps.rejected_confirm = ['1', '0', '0', '0', '0', '0', '1'];
    apps.other_other = ['1', '0', '0', '0', '0', '0', '1'];
    apps.total_handled = ['9', '0', '0', '0', '0', '0', '9'];
    apps.new_received = ['10', '0', '0', '0', '0', '0', '10'];
    const lines = craft({ layout: 'cells', apps }).split('\n');
    // The label of (五)5 moved to the table's end (a continuation page printed it last).
    const k = lines.findIndex((l) => l.startsWith('5.要求行政机关确认'));
    const [label] = lines.splice(k, 1);
    lines.splice(lines.findIndex((l) => l.startsWith('四、政府信息公开行政复议')), 0, label, '');
    const r = parse(lines.join('\n'));
    expect(appRow(r, 'rejected_excessive')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(appRow(r, 'rejected_confirm')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(appRow(r, 'other_other')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(appRow(r, 'total_handled')).toEqual([9, 0, 0, 0, 0, 0, 9]);
    expect(appRow(r, 'carried_forward')).toEqual([2, 0, 0, 0, 0, 0, 2]);
    expect(r.status, JSON.stringify(r.checks)).toBe('ok');
  });
  it('numbers of fewer rows than the labels after them: kept where every reading agrees, NULL where rows printed blank could be any', () => {
    // (六)1's numbers, then (七)'s and 四's, then the labels (六)2, 3, (七), 四 — (六)2 and 3 printed blank.
    const lines = craft({ layout: 'cells' }).split('\n');
    const at = (label: string) => lines.findIndex((l) => l.startsWith(label));
    const nums = (row: string[]) => row.flatMap((v) => [v, '']);
    const apps = consistentApps();
    const from = at('2.申请人逾期未按收费'), to = at('四、政府信息公开行政复议');
    const text = [...lines.slice(0, from), ...nums(apps.total_handled), ...nums(apps.carried_forward),
      lines[from], '', '3.其他', '', '(七)总计', '', '四、结转下年度继续办理', '', ...lines.slice(to)].join('\n');
    const r = parse(text);
    expect(appRow(r, 'total_handled')).toEqual([7, 0, 0, 0, 0, 0, 7]);
    expect(appRow(r, 'carried_forward')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    // The zeros are (六)1's, 2's or 3's: each reading holds every equation.
    for (const row of ['other_overdue_correction', 'other_overdue_fee', 'other_other'] as const) expect(appRow(r, row)).toEqual(Array(7).fill(null));
    expect(r.status).toBe('warnings');
    expect(check(r, 'missing_cells')?.detail).toContain('3 种同样符合勾稽关系的对应方式');
  });
  it('the review header\'s words and the numbers under them in turn: the fifteen numbers in order, where each group adds up', () => {
    const text = craft({ layout: 'cells' });
    const from = text.indexOf('行政复议\n'), to = text.indexOf('五、存在的主要问题');
    const vertical = (w: string) => [...w].join('\n');
    const outcomes = (n: number) => ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].slice(0, n).map(vertical);
    const values = ['2', '1', '0', '1', '4', '1', '0', '1', '0', '2', '0', '1', '0', '0', '1'];
    // pdftotext's default order: the first nine columns' words, their nine numbers, then 复议后起诉's six.
    const block = ['行政复议', '', '行政诉讼', '未经复议直接起诉', '', ...outcomes(5), ...outcomes(4), ...values.slice(0, 9),
      '复议后起诉', vertical('总计'), ...outcomes(5), ...values.slice(9), ''].join('\n\n');
    const r = parse(text.slice(0, from) + block + text.slice(to));
    expect(r.reviews.map((x) => x.value)).toEqual(values.map(Number));
    expect(check(r, 'review_total')).toMatchObject({ passed: true, detail: '复议诉讼总计:3 项全部相符' });
    // The same numbers with a group that does not add up are not taken in turn.
    const off = parse(text.slice(0, from) + block.replace('\n\n4\n\n', '\n\n5\n\n') + text.slice(to));
    expect(off.reviews.every((x) => x.value === null)).toBe(true);
  });
  it('the only row of its sub-table printed above its header (pdftotext\'s default order) has the numbers under the header', () => {
    const moved = text.replace('信息内容 本年收费金额(单位:万元)\n行政事业性收费 12.5', '信息内容\n\n行政事业性收费\n\n本年收费金额(单位:万元)\n\n12.5');
    expect(moved).not.toBe(text);
    const r = parse(moved);
    expect(act(r, 'fee', 'fee_amount')).toBe(12.5);
    expect(r.status, JSON.stringify(r.checks)).toBe('ok');
    // A row of a sub-table of several rows (行政强制 under (六)) is not read so: which row's is unknown.
    const two = text.replace('信息内容 本年处理决定数量\n行政处罚 45\n行政强制 3', '信息内容\n\n行政处罚 45\n\n行政强制\n\n本年处理决定数量\n\n3');
    expect(two).not.toBe(text);
    expect(act(parse(two), 'coercion', 'decisions')).toBeNull();
  });
  it('a table\'s last number on a page is a page number only where it runs with the pages', () => {
    const perLine = (row: string) => (t: string) => t.replace(new RegExp(`${row}((?: \\d+){7})`), (_m, n: string) => `${row}\n${n.trim().split(' ').join('\n')}`);
    // mutool: a number per line, the footer `- 3 -` the page's last line, then the form feed.
    const footer = perLine('6.属于四类过程性信息')(text).replace('\n\n- 3 -\n\n', '\n\n- 3 -\n\n\f');
    expect(footer).toMatch(/\n0\n\n- 3 -\n\n\f/);
    const a = parse(footer);
    expect(appRow(a, 'withheld_process')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(a.status).toBe('ok');
    // A PDF without page numbers: page 1 ends with (一)'s total, 5 — not page 5.
    const bare = perLine('三、本年度办理结果\\(一\\)予以公开')(text).replace('\n5\n、本', '\n5\n\f、本');
    expect(bare).toContain('\n5\n\f');
    const b = parse(bare);
    expect(appRow(b, 'granted')).toEqual([5, 0, 0, 0, 0, 0, 5]);
    expect(b.status).toBe('ok');
    // Numbers that do run with the pages (1, 2 before the first and second form feeds) are dropped.
    const numbered = footer.replace('\n\n- 3 -\n\n\f', '\n\n2\n\f').replace('\n三、收到', '\n1\n\f三、收到');
    expect(parse(numbered).applications.map((x) => x.value)).toEqual(a.applications.map((x) => x.value));
    // Where pages 1 and 3 end with their numbers, page 2's may stand a line above its end
    // (pdftotext's default order printed a header word after it): a number there that is 2 too.
    const moved = text.replace('\n第二十条第(一)项', '\n1\n\f第二十条第(一)项')
      .replace('\n信息内容 本年处理决定数量\n行政许可', '\n2\n信息内容 本年处理决定数量\n\f行政许可')
      .replace('\n四、政府信息公开行政复议', '\n3\n\f四、政府信息公开行政复议');
    expect(moved.split('\f')).toHaveLength(4);
    const c = parse(moved);
    expect(act(c, 'license', 'decisions')).toBe(120);
    expect(c.applications.map((x) => x.value)).toEqual(parse(text).applications.map((x) => x.value));
    expect(c.status, JSON.stringify(c.checks)).toBe('ok');
  });
  it('labels printed as a block, then their numbers one per line (pdftotext without -layout), go to their rows in order', () => {
    const lines = text.split('\n');
    const at = (label: string) => lines.findIndex((l) => l.startsWith(label));
    // (一)…(三)4: the labels first, then the 6 × 7 numbers, a number per line.
    const from = at('三、本年度办理结果(一)予以公开'), to = at('4.保护第三方合法权益');
    const labels: string[] = [], numbers: string[] = [];
    for (const l of lines.slice(from, to + 1)) {
      const m = /^(.*?)((?: \d+){7})$/.exec(l);
      if (m) { labels.push(m[1]); numbers.push(...m[2].trim().split(' ')); } else labels.push(l);
    }
    numbers.splice(0, 7, '4', '1', '0', '0', '0', '0', '5');
    const r = parse([...lines.slice(0, from), ...labels, ...numbers, ...lines.slice(to + 1)].join('\n'));
    expect(appRow(r, 'granted')).toEqual([4, 1, 0, 0, 0, 0, 5]);
    expect(appRow(r, 'partially_granted')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(appRow(r, 'withheld_third_party')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(appRow(r, 'new_received')).toEqual([7, 0, 0, 0, 0, 0, 7]);
  });
  it('numbers read down the columns instead are not spread over the rows: their 总计 fail, so they stay NULL', () => {
    // The same block with the numbers column by column (another reading order): 5 0 0 0 0 0 / 0 0 …
    const lines = text.split('\n');
    const from = lines.findIndex((l) => l.startsWith('三、本年度办理结果(一)予以公开')), to = lines.findIndex((l) => l.startsWith('4.保护第三方合法权益'));
    const labels: string[] = [], rows: string[][] = [];
    for (const l of lines.slice(from, to + 1)) {
      const m = /^(.*?)((?: \d+){7})$/.exec(l);
      if (m) { labels.push(m[1]); rows.push(m[2].trim().split(' ')); } else labels.push(l);
    }
    rows[0] = ['3', '1', '0', '0', '1', '0', '5'];
    const columnwise = rows[0].map((_, c) => rows.map((r) => r[c])).flat();
    const r = parse([...lines.slice(0, from), ...labels, ...columnwise, ...lines.slice(to + 1)].join('\n'));
    expect(appRow(r, 'granted')).toEqual(Array(7).fill(null));
    expect(r.status).not.toBe('ok');
  });
  // pdftotext on the page where the table continues: `3.其他` then its numbers, then (七)'s and 四's,
  // a number per line, and only then the labels `(七)总计` and `四、结转下年度继续办理`.
  const lastRows = (seven: string[], four: string[], other = Array(7).fill('0')) => text.replace(
    '3.其他 0 0 0 0 0 0 0\n(七)总计 7 0 0 0 0 0 7\n四、结转下年度继续办理 1 0 0 0 0 0 1',
    ['3.其他', ...other, ...seven, ...four, '(七)总计', '四、结转下年度继续办理'].join('\n'));
  it('the last rows\' numbers printed before their labels, a number per line, go to the rows in order when every total and the balance hold', () => {
    const r = parse(lastRows(['7', '0', '0', '0', '0', '0', '7'], ['1', '0', '0', '0', '0', '0', '1']));
    expect(appRow(r, 'other_other')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(appRow(r, 'total_handled')).toEqual([7, 0, 0, 0, 0, 0, 7]);
    expect(appRow(r, 'carried_forward')).toEqual([1, 0, 0, 0, 0, 0, 1]);
  });
  it('…but not when the balance 一 + 二 = 七 + 四 fails that way, nor when a row printed nothing (which one is not known)', () => {
    // (七) and 四 swapped: each row's 总计 holds, the balance does not.
    const swapped = parse(lastRows(['1', '0', '0', '0', '0', '0', '1'], ['7', '0', '0', '0', '0', '0', '7']));
    expect(appRow(swapped, 'total_handled')).toEqual(Array(7).fill(null));
    expect(appRow(swapped, 'carried_forward')).toEqual(Array(7).fill(null));
    // 四 printed blank: fourteen numbers for three rows.
    const blank = parse(lastRows(['7', '0', '0', '0', '0', '0', '7'], []));
    expect(appRow(blank, 'total_handled')).toEqual(Array(7).fill(null));
    expect(appRow(blank, 'carried_forward')).toEqual(Array(7).fill(null));
  });
  it('Article 20 labels stacked in one paragraph, their number in the next (`行政许可` `行政处罚` `行政强制` / `1483`): NULL, not the last label\'s', () => {
    const stacked = text.replace('行政处罚 45\n行政强制 3', '行政处罚\n行政强制\n\n45');
    const r = parse(stacked);
    expect(act(r, 'punishment', 'decisions')).toBeNull();
    expect(act(r, 'coercion', 'decisions')).toBeNull();
    expect(check(r, 'missing_cells')!.detail).toContain('可能属于其中任何一行');
    // A cell per line with no blank lines (pdftotext -raw): a row that prints nothing is blank, the next reads its own.
    const raw = parse(text.replace('行政处罚 45\n行政强制 3', '行政处罚\n行政强制\n3'));
    expect(act(raw, 'punishment', 'decisions')).toBeNull();
    expect(act(raw, 'coercion', 'decisions')).toBe(3);
  });
  it('CJK radicals that PDF text gives for ideographs (`⼀、本年新收…`, `⾏政许可`) are read as the ideographs', () => {
    const radicals: Record<string, string> = { 一: '⼀', 二: '⼆', 行: '⾏', 人: '⼈', 民: '⺠', 年: '年', 大: '⼤', 长: '⻓', 见: '⻅' };
    const swapped = text.replace(/[一二行人民大长见]/g, (c) => radicals[c]);
    expect(swapped).toContain('⼀、本年新收');
    const r = parse(swapped), plain = parse(text);
    expect(r.status).toBe(plain.status);
    expect(r.applications).toEqual(plain.applications);
    expect(r.active_disclosure).toEqual(plain.active_disclosure);
    expect(r.agency).toBe('仙居县人民政府办公室');
  });
  it('CJK compatibility ideographs that some fonts map to (`\uf967予公开`, `\uf98e`, `\ufa08政`) are read as the ideographs', () => {
    const compat: Record<string, string> = { 不: '\uf967', 年: '\uf98e', 行: '\ufa08', 理: '\uf9e4', 金: '\uf90a' };
    const swapped = text.replace(/[不年行理金]/g, (c) => compat[c]);
    expect(swapped).toContain('\uf967予公开');
    const r = parse(swapped), plain = parse(text);
    expect(r.status).toBe(plain.status);
    expect(r.year).toBe(plain.year);
    expect(r.applications).toEqual(plain.applications);
    expect(r.active_disclosure).toEqual(plain.active_disclosure);
    expect(r.reviews).toEqual(plain.reviews);
  });
  it('numbers printed apart that fill the cells only when cut inside them, breaking the row total, are NULL (`89 142 12`)', () => {
    const r = parse(text.replace('(七)总计 7 0 0 0 0 0 7', '(七)总计 71 00 006'));
    expect(appRow(r, 'total_handled')).toEqual(Array(7).fill(null));
    expect(check(r, 'missing_cells')!.detail).toContain('不符合本行总计');
    // One run of as many digits as cells is cut one way only and read as printed, flagged by the row total.
    const one = parse(text.replace('(七)总计 7 0 0 0 0 0 7', '(七)总计 7100006'));
    expect(appRow(one, 'total_handled')).toEqual([7, 1, 0, 0, 0, 0, 6]);
    expect(check(one, 'row_total')!.passed).toBe(false);
  });
});

describe('pdftotext -layout of narrow ruled columns (a Word table exported to PDF)', () => {
  const text = craft({ layout: 'pdftext' });
  it('a review header printed a character per line is no header: fifteen numbers in three groups that add up are the table', () => {
    const vertical = ['         行政复议                    行政诉讼', '  结    结   其  尚   总 未经复议直接起诉               复议后起诉',
      '  果    果   他  未   计   结 结 其  尚   总   结   结    其  尚 总', '  维    纠   结  审       果 果 他  未   计   果   果    他  未 计',
      '  持    正   果  结       维 纠 结  审       维   纠    结  审', '                      持 正 果  结       持   正    果  结',
      '  2    0   1   0   3  0 0 0  0   0   1   0     0 0 1'].join('\n');
    const t = text.replace(/(四、政府信息公开行政复议、行政诉讼情况\n)[\s\S]*?(?=\n\n五、)/, `$1${vertical}`);
    expect(t).toContain('  维    纠');
    const r = parse(t);
    expect(r.reviews.map((x) => x.value)).toEqual([2, 0, 1, 0, 3, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1]);
    // Numbers that do not make three groups are not taken for the table.
    const off = parse(t.replace('0 0 1\n', '0 0 2\n').replace(/  2    0   1   0   3/, '  2    0   1   0   4'));
    expect(off.reviews.every((x) => x.value === null)).toBe(true);
  });
  it('two zeros a space apart that pdftotext joined (`00 0 0 0 0 0` under seven columns) are 0|0; other numbers stay whole', () => {
    const r = parse(text.replace('(七)总计 7 0 0 0 0 0 7', '(七)总计 7 00 0 0 0 7'));
    expect(appRow(r, 'total_handled')).toEqual([7, 0, 0, 0, 0, 0, 7]);
    // `12` beside them is not cut into 1|2: the row is one cell short, and only its 总计 is certain.
    const short = parse(text.replace('(七)总计 7 0 0 0 0 0 7', '(七)总计 12 00 0 0 7'));
    expect(appRow(short, 'total_handled')).toEqual([null, null, null, null, null, null, 7]);
  });
});

describe('reports that cannot be read fully', () => {
  it('a picture-only report fails with the reason', () => {
    const r = parse('某某县人民政府2024年政府信息公开工作年度报告（图片版）\n\n详见附件图片。\n');
    expect(r.status).toBe('failed');
    expect(r.error).toMatch(/图片版/);
  });
  it('text with no tables fails and names the missing tables', () => {
    const r = parse('某某县人民政府2024年政府信息公开工作年度报告\n一、总体情况\n今年工作很好。\n');
    expect(r.status).toBe('failed');
    expect(r.error).toContain('收到和处理政府信息公开申请情况表');
  });
  it('PDF text whose glyphs came out as `(cid:123)` placeholders fails for its source, saying so', () => {
    // pdfminer / pdfplumber write (cid:N) for each glyph a font maps to no Unicode; digits often come through
    const garble = (s: string) => s.replace(/[\u4e00-\u9fff]/g, (c) => `(cid:${c.charCodeAt(0) % 9000})`);
    const r = parse(garble(craft({ layout: 'pdftext' })));
    expect(r.status).toBe('failed');
    expect(r.error).toMatch(/^未找到表格:.*「\(cid:…\)」占位符.*需要 OCR 或换一种方式提取/);
    expect(r.checks.find((c) => c.check === 'tables_found')?.cause).toBe('source');
    // a few placeholders in a report that reads are no reason: it is read as ever
    const some = parse(craft({ layout: 'pdftext' }).replace('本机关认真贯彻落实', '本机关(cid:12)(cid:13)认真贯彻落实'));
    expect(some.status).toBe('ok');
    // and text with no tables and no placeholders keeps the parser's cause
    expect(parse('某某县人民政府2024年政府信息公开工作年度报告\n一、总体情况\n' + '今年工作很好。'.repeat(300)).checks[0].cause).toBe('parser');
  });
  it('a saved page whose tables are pictures: the reason counts the page\'s images, not the site\'s logos and QR codes', () => {
    const page = (content: string) => `<html><head><title>某某县人民政府2024年政府信息公开工作年度报告</title></head><body>
      <div class="top"><img src="/images/logo.png"><img src="/img/ewm.jpg"><img src="/static/jiucuo.png"></div>
      <div class="article"><h1>某某县人民政府2024年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>本机关认真贯彻落实《条例》。</p>
      ${content}</div></body></html>`;
    const r = parse(page('<p><img src="/uploads/2025/01/P020250110.png"></p><p><img src="data:image/png;base64,iVBORw0KGgowxbglogo"></p>'), 'page.html');
    expect(r.status).toBe('failed');
    expect(r.error).toMatch(/^未找到表格:.*；表格可能印在图片中（网页中有 2 张图片），需要 OCR$/);
    // the chrome alone is no picture of a table
    expect(parse(page(''), 'page.html').error).not.toContain('图片');
  });
  it('a page a crawler decoded as Latin-1 or Windows-1252 and saved again (mojibake) is read from its bytes, as the original', () => {
    const values = (r: Report) => JSON.stringify([r.agency, r.year, r.active_disclosure, r.applications, r.reviews]);
    const cp1252 = new TextDecoder('windows-1252');
    for (const name of ['pingtan-czj-2020', 'pingtan-gwh-2023', 'pingtan-jjp-2024']) {
      const text = readFileSync(`data/real/${name}.txt`, 'utf8');
      const original = parse(text, `${name}.txt`);
      // the crawler's header in real Chinese, the page's body as mojibake
      const [header, body] = [text.slice(0, text.indexOf('=== 正文')), text.slice(text.indexOf('=== 正文'))];
      // …or every value of the header too, the crawler's field names (标题:) in real Chinese
      const fields = header.replace(/(?<=: ).+/g, (v) => iconv.encode(v, 'gb18030').toString('latin1'));
      const cases: [string, string][] = [
        ['gb18030-as-latin1', header + iconv.encode(body, 'gb18030').toString('latin1')],
        ['gb18030-as-latin1', fields + iconv.encode(body, 'gb18030').toString('latin1')],
        ['utf-8-as-latin1', header + Buffer.from(body, 'utf8').toString('latin1')],
        ['gb18030-as-latin1', header + cp1252.decode(iconv.encode(body, 'gb18030'))],
      ];
      for (const [encoding, garbled] of cases) {
        expect(garbled.slice(header.length)).not.toMatch(/政府信息|申请/);
        const r = parse(garbled, `${name}.txt`);
        expect(r.encoding, name).toBe(encoding);
        expect(values(r), name).toBe(values(original));
        expect(r.title, name).toBe(original.title);
        expect(r.status, name).toBe(original.status);
      }
    }
    // Latin text (a page in French) is no mojibake; and mojibake that is no Chinese stays as it is and fails, saying so
    const french = 'Rapport annuel déjà publié à l’été, réalisé première fois. '.repeat(60);
    expect(parse(french).encoding).toBe('utf-8');
    const noise = parse('ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏ'.repeat(40));
    expect(noise.error).toContain('文本是乱码');
    expect(noise.checks[0].cause).toBe('source');
  });
  it('empty and binary files fail without throwing', () => {
    expect(parse('').status).toBe('failed');
    expect(parse(new Uint8Array([0, 1, 2, 255, 254, 0, 7])).status).toBe('failed');
  });
  it('a file holding two agencies\' tables is flagged', () => {
    const r = parse(craft() + '\n' + craft({ agency: '仙居县教育局' }));
    expect(check(r, 'multiple_tables')!.passed).toBe(false);
    expect(r.status).not.toBe('ok');
  });
});

describe('dates', () => {
  it.each([
    ['2025 年 1 月 17 日', '2025-01-17'], ['2025年1月15日', '2025-01-15'], ['2025-01-23 18:16:29', '2025-01-23'],
    ['20251月14', null], ['2025年2月30日', null], ['2025年13月1日', null],
    ['二〇二四年一月二十日', '2024-01-20'], ['二〇二五年十二月三十一日', '2025-12-31'],
    // zero typed as a white circle, a large circle, the letter O; 元月 for January
    ['二○二五年一月二十日', '2025-01-20'], ['二◯二五年元月八日', '2025-01-08'], ['二O二四年十二月三十一日', '2024-12-31'],
    ['○○○○年一月一日', null],
  ])('%s → %s', (s, d) => expect(parseDate(s)).toBe(d));
  it('a title whose year is in Chinese numerals (`二〇二四年度`, `二○二四年`) gives the year', () => {
    for (const y of ['二〇二四', '二○二四', '二零二四']) {
      const title = `仙居县人民政府办公室${y}年度政府信息公开工作年度报告`;
      const r = parse(craft({ layout: 'pdftext' }).replace('仙居县人民政府办公室2024年政府信息公开工作年度报告', title).replace(/2024年,本机关/, '本年度,本机关'));
      expect(r.title).toBe(title);
      expect(r.year, y).toBe(2024);
      expect(r.agency).toBe('仙居县人民政府办公室');
      expect(r.status).toBe('ok');
    }
  });
});

describe('checks', () => {
  it('a source table that does not balance is flagged as the report\'s own error', () => {
    const apps = consistentApps();
    const r = parse(craft({ apps: { carried_forward: ['5', '0', '0', '0', '0', '0', '5'] } }));
    expect(apps.carried_forward).not.toEqual(['5', '0', '0', '0', '0', '0', '5']);
    const c = check(r, 'balance')!;
    expect(c.passed).toBe(false);
    expect(c.detail).toContain('非解析错误');
    expect(c.detail).toContain('自然人列');
    expect(r.status).toBe('warnings');
  });
  it('row totals and the 总计 row are checked', () => {
    const r = parse(craft({ apps: { granted: ['5', '1', '0', '0', '0', '0', '5'] } }));
    expect(check(r, 'row_total')!.passed).toBe(false);
    expect(check(r, 'row_total')!.detail).toContain('5+1+0+0+0+0 = 6');
    expect(check(r, 'group_total')!.passed).toBe(false);
  });
  it('review totals are checked', () => {
    const r = parse(craft({ reviews: ['1', '1', '0', '0', '1', ...Array(10).fill('0')] }));
    expect(check(r, 'review_total')!.passed).toBe(false);
  });
  it('consecutive years of one agency: 上年结转 must equal last year\'s 结转下年度, flagged on both', () => {
    const a = parse(craft({ year: 2023 }), 'a.txt');
    const b = parse(craft({ year: 2024, apps: consistentApps({ granted: 5, not_held: 2, carried_over: 3, carried_forward: 1 }) }), 'b.txt');
    expect(a.agency_id).toBe(b.agency_id);
    applyCrossYearChecks([a, b]);
    for (const r of [a, b]) {
      const c = check(r, 'carry_over_prev')!;
      expect(c.passed).toBe(false);
      expect(c.detail).toContain('2023 年结转下年度 1');
      expect(r.status).toBe('warnings');
    }
  });
  it('one agency keeps its id across years even when one report drops the county prefix', () => {
    const a = parse(craft({ agency: '仙居县下各镇人民政府', year: 2023 }), 'a.txt');
    const b = parse(craft({ agency: '下各镇人民政府', year: 2024 }), 'b.txt');
    const c = parse(craft({ agency: '仙居县人民政府', year: 2024 }), 'c.txt');
    expect(a.township).toBe('下各镇');
    expect(a.agency_id).toBe(b.agency_id);
    expect(c.agency_id).not.toBe(a.agency_id);
    // A township the division data does not list resolves to its county, but is not the county government.
    const d = parse(craft({ agency: '仙居县新兴镇人民政府', year: 2024 }), 'd.txt');
    expect(d.county).toBe('仙居县');
    expect(d.agency_id).not.toBe(c.agency_id);
  });
  it('consecutive years that agree pass, and 现行有效 is carried over', () => {
    const a = parse(craft({ year: 2023 }), 'a.txt');
    const b = parse(craft({ year: 2024, active: { normative: ['3', '1', '22'] } }), 'b.txt');
    applyCrossYearChecks([a, b]);
    expect(check(b, 'carry_over_prev')!.passed).toBe(true);
    expect(check(b, 'in_force_prev')!.passed).toBe(true);
    expect(b.status).toBe('ok');
  });
});

it('every 2021 row code is exercised by the crafted template', () => {
  const r = parse(craft());
  expect(new Set(r.applications.map((a) => a.row))).toEqual(new Set(ROWS_2021));
});

describe('wrong or silently absent values (issue 8, points 6-8)', () => {
  const seed002 = () => readFileSync('data/seeds/002_98cb17f5974e782f.txt', 'utf8');
  it('an amount split over two lines at its decimal point is one number, not its last digits', () => {
    const text = seed002().replace('513555.45', '513555.\n45');
    const r = parse(text);
    expect(r.active_disclosure.find((a) => a.item === 'procurement' && a.metric === 'procurement_amount')?.value).toBe(513555.45);
    expect(r.active_disclosure.find((a) => a.item === 'procurement' && a.metric === 'procurement_projects')?.value).toBe(32);
  });
  it('so is an amount whose second half carries its unit (`150.` / `87万元`), in every layout; on one line it is flagged', () => {
    for (const layout of ['markdown', 'pipe', 'tabs', 'pdftext', 'crawl'] as const) {
      const fee = (r: Report) => r.active_disclosure.find((a) => a.item === 'fee')?.value;
      // Found by the fuzz on markdown made from a PDF: `| 行政事业性收费 | 150.` / `87万元 |` read as 150, ok.
      const split = parse(craft({ layout, active: { fee: ['150.87万元'] } }).replace('150.87万元', '150.\n87万元'));
      expect(fee(split), layout).toBe(150.87);
      // `150.` and `87万元` side by side are two cells of a one-cell row: NULL and flagged, not joined.
      const side = parse(craft({ layout, active: { fee: ['150.', '87万元'] } }));
      expect(fee(side), layout).toBeNull();
      expect(side.status, layout).toBe('warnings');
    }
  });
  it('rows of the Article 20 form whose caption and (八) block are gone are read under their own header, or NULL and flagged — never absent', () => {
    const full = craft({ layout: 'tabs' });
    const cut = full.replace('第二十条第(一)项\n', '').replace(/第二十条第\(八\)项\n信息内容\t本年收费金额\(单位:万元\)\n行政事业性收费\t12\.5\n/, '');
    expect(cut).not.toContain('第二十条第(一)项');
    expect(cut).not.toContain('行政事业性收费');
    const r = parse(cut);
    const cell = (item: string, metric: string) => r.active_disclosure.find((a) => a.item === item && a.metric === metric);
    // The 规章 and 规范性文件 rows, still printed with their header, are read …
    expect(['issued', 'repealed', 'in_force'].map((m) => cell('normative_document', m)?.value)).toEqual([3, 1, 20]);
    expect(['issued', 'repealed', 'in_force'].map((m) => cell('regulation', m)?.value)).toEqual([0, 0, 0]);
    // … and the row that is gone is there, NULL, and flagged.
    expect(cell('fee', 'fee_amount')).toMatchObject({ value: null });
    expect(check(r, 'missing_cells')!.passed).toBe(false);
    expect(check(r, 'missing_cells')!.detail).toContain('行政事业性收费');
    expect(r.status).toBe('warnings');
  });
  it('negative and fractional counts, and numbers out of range, are flagged and never stored', () => {
    for (const bad of ['-5', '2.5', '1000000000000000', '100000000000000000097']) {
      const r = parse(craft({ layout: 'tabs', apps: { granted: [bad, '0', '0', '0', '0', '0', bad] } }));
      expect(appRow(r, 'granted').slice(0, 1), bad).toEqual([null]);
      expect(appRow(r, 'granted')[6], bad).toBeNull();
      expect(check(r, 'missing_cells')!.detail, bad).toMatch(/不能为负数|不能有小数|超出合理范围/);
      expect(r.status, bad).toBe('warnings');
    }
    // A signed number is fine where the form has a sign: 本年增/减 of the 2019 form.
    const signed = parse(seed002().replace(/(行政许可\n\n\d+\n\n)(\d+)/, '$1-3'));
    expect(signed.active_disclosure.find((a) => a.item === 'license' && a.metric === 'change')?.value).toBe(-3);
  });
});
