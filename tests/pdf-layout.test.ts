/**
 * The PDF layout layer on hand-made pages (no pdf.js): items → lines → cells,
 * ruled tables with wrapped and merged cells, gaps where nothing is ruled,
 * page furniture, tables across pages, and the two pdf.js adapters (operator
 * list → rulings, text content → items) on hand-made inputs.
 */
import { describe, expect, it } from 'vitest';
import { layoutDocument } from '../src/lib/input/pdf/layout/document.ts';
import { findGrids } from '../src/lib/input/pdf/layout/grid.ts';
import { cellsByGaps, groupLines } from '../src/lib/input/pdf/layout/lines.ts';
import { layoutPage } from '../src/lib/input/pdf/layout/page.ts';
import type { PageContent, TextItem } from '../src/lib/input/pdf/layout/types.ts';
import { toItems } from '../src/lib/input/pdf/items.ts';
import { pictureArea, rulings, type Matrix, type Ops } from '../src/lib/input/pdf/rulings.ts';
import { centred, item, page, ruled, width } from './fixtures/pdf/layout-kit.ts';

const text = (pages: PageContent[]) => layoutDocument(pages).lines;

/** Characters of `s` stacked one per line, centred in [x0, x1], from baseline `y`. */
function stacked(s: string, x0: number, x1: number, y: number, size = 12): TextItem[] {
  return Array.from(s).map((c, k) => centred(c, x0, x1, y + k * (size + 1), size));
}

describe('lines', () => {
  it('groups items on one baseline (within tolerance) and orders them left to right', () => {
    const lines = groupLines([item('公开', 100, 200.8), item('主动', 76, 200), item('下一行', 76, 216)]);
    expect(lines.map((l) => l.items.map((i) => i.str).join(''))).toEqual(['主动公开', '下一行']);
  });

  it('splits cells at gaps wider than a character, and never runs digits together', () => {
    const [row] = groupLines([item('规章', 70, 300), item('0', 200, 300), item('12', 260, 300), item('3', 320, 300)]);
    expect(cellsByGaps(row)).toEqual(['规章', '0', '12', '3']);
    const [nums] = groupLines([item('1', 70, 320), item('0', 70 + 6 + 2, 320)]);
    expect(cellsByGaps(nums)).toEqual(['1 0']);
    const [year] = groupLines([item('2024', 70, 340), item('年', 70 + width('2024') + 2, 340)]);
    expect(cellsByGaps(year)).toEqual(['2024年']);
  });

  it('joins a paragraph\'s wrapped lines, not a heading, a short line or a signature', () => {
    // a 36-character column from x = 60; a first-line indent of two characters
    const full = '本机关认真贯彻落实条例要求扎实推进政务公开工作不断提升政府透明度以公开促';
    const indented = full.slice(2);
    const title = '某某县人民政府办公室二〇二三年度政府信息公开工作年度报告关于政务公开的情况';
    const right = 60 + width(full);
    const lines = text([page([
      item(title, 60, 80), item('说明', 300, 100),
      item('一、总体情况', 60, 130),
      item(indented, 84, 160), item(full, 60, 180), item('落实。', 60, 200),
      item('（一）主动公开。', 60, 230),
      item('某某县人民政府', right - width('某某县人民政府'), 270), item('2024年1月5日', right - width('2024年1月5日'), 290),
    ])]);
    expect(lines).toEqual([
      title + '说明',
      '一、总体情况',
      indented + full + '落实。',
      '（一）主动公开。',
      '某某县人民政府', '2024年1月5日',
    ]);
  });

  it('keeps a space the PDF had between two runs', () => {
    const [l] = groupLines([item('2.其他', 70, 300), { ...item('禁止公开', 70 + width('2.其他'), 300), sp: true }]);
    expect(cellsByGaps(l)).toEqual(['2.其他 禁止公开']);
  });
});

describe('ruled tables', () => {
  // columns: group | label | three values; rows 40 pt high
  const xs = [60, 90, 270, 320, 370, 420];
  const ys = [100, 140, 180, 220];
  const group = { r0: 0, r1: 2, c0: 0, c1: 0 };
  const items = [
    ...stacked('三、本年度办理结果', 60, 90, 111),
    centred('（一）予以公开', 90, 270, 124),
    centred('5', 270, 320, 124), centred('3', 320, 370, 124), centred('8', 370, 420, 124),
    // a label wrapped over two lines, a blank value cell in the middle
    item('（二）部分公开（区分处理的，', 92, 157), item('只计这一情形）', 92, 171),
    centred('1', 270, 320, 164), centred('1', 370, 420, 164),
    centred('（三）不予公开', 90, 270, 204),
    centred('0', 270, 320, 204), centred('0', 320, 370, 204), centred('0', 370, 420, 204),
  ];

  it('gives one line per row, cells joined by tabs; a wrapped label is one cell', () => {
    expect(text([page(items, ruled(xs, ys, { spans: [group] }))])).toEqual([
      '三、本年度办理结果\t（一）予以公开\t5\t3\t8',
      '（二）部分公开（区分处理的，只计这一情形）\t1\t\t1',
      '（三）不予公开\t0\t0\t0',
    ]);
  });

  it('without the merge (every box ruled) the stacked characters fall into three cells', () => {
    const lines = text([page(items, ruled(xs, ys))]);
    expect(lines[0].startsWith('三、本\t')).toBe(true);
  });

  it('a column-spanning header cell appears once', () => {
    const hx = [60, 160, 210, 260, 310];
    const hy = [100, 124, 148, 172];
    const head = [
      centred('信息内容', 60, 160, 128), centred('申请人情况', 160, 310, 116),
      centred('自然人', 160, 210, 140), centred('法人', 210, 260, 140), centred('总计', 260, 310, 140),
      centred('一、本年新收', 60, 160, 164), centred('2', 160, 210, 164), centred('0', 210, 260, 164), centred('2', 260, 310, 164),
    ];
    const spans = [{ r0: 0, r1: 1, c0: 0, c1: 0 }, { r0: 0, r1: 0, c0: 1, c1: 3 }];
    expect(text([page(head, ruled(hx, hy, { spans }))])).toEqual([
      '信息内容\t申请人情况', '自然人\t法人\t总计', '一、本年新收\t2\t0\t2',
    ]);
  });

  it('cuts a run that crosses a ruling at the nearest character boundary', () => {
    // `规章0` drawn as one run across the ruling at x = 86
    const run = item('规章0', 62, 120);
    const lines = text([page([run, centred('1', 120, 150, 120)], ruled([60, 86, 120, 150], [100, 130]))]);
    expect(lines).toEqual(['规章\t0\t1']);
  });

  it('numbers stacked in one ruled cell (rows without rulings) are read by gaps, never run together', () => {
    // columns ruled, rows not: every column is one tall cell
    const its = [
      item('规章', 70, 120), centred('0', 150, 200, 120), centred('12', 200, 250, 120),
      item('行政规范性文件', 70, 140), centred('3', 150, 200, 140), centred('40', 200, 250, 140),
    ];
    expect(text([page(its, ruled([60, 150, 200, 250], [100, 150]))])).toEqual(['规章\t0\t12', '行政规范性文件\t3\t40']);
    // a number wrapped in a narrow cell is one number
    const wrappedNum = [item('政府集中采购', 62, 120), item('98436', 132, 120), item('1', 132, 134)];
    expect(text([page(wrappedNum, ruled([60, 130, 162], [100, 140]))])).toEqual(['政府集中采购\t984361']);
  });

  it('a lone frame around a paragraph is not a table', () => {
    const para = [item('第一行文字', 80, 120), item('第二行文字', 80, 136)];
    expect(findGrids(ruled([70, 300], [100, 150]))).toEqual([]);
    expect(text([page(para, ruled([70, 300], [100, 150]))])).toEqual(['第一行文字', '第二行文字']);
  });

  it('rulings only above and below (a three-line table) fall back to gaps', () => {
    const segs = [{ x0: 60, y0: 100, x1: 400, y1: 100 }, { x0: 60, y0: 140, x1: 400, y1: 140 }];
    const its = [item('行政许可', 70, 124), item('228', 300, 124)];
    expect(text([page(its, segs)])).toEqual(['行政许可\t228']);
  });

  it('text outside the table stays plain lines, in reading order', () => {
    const before = item('二、主动公开政府信息情况', 60, 90);
    const after = item('三、收到和处理政府信息公开申请情况', 60, 240);
    const blocks = layoutPage(page([after, ...items, before], ruled(xs, ys, { spans: [group] })));
    expect(blocks.map((b) => b.kind)).toEqual(['line', 'table', 'line']);
  });
});

describe('pages', () => {
  const header = (y: number) => item('某某局2023年政府信息公开工作年度报告', 150, y, 9);
  const xs = [60, 90, 250, 300];

  it('joins a table across a page break: a merged cell cut by the break is one cell, on its first page', () => {
    const p1 = page([
      header(40), item('正文最后一段。', 60, 660),
      ...stacked('三、本', 60, 90, 711), centred('（一）予以公开', 90, 250, 724), centred('5', 250, 300, 724),
      centred('（二）部分公开', 90, 250, 764), centred('0', 250, 300, 764),
      centred('- 1 -', 250, 350, 820, 9),
    ], ruled(xs, [700, 740, 780], { spans: [{ r0: 0, r1: 1, c0: 0, c1: 0 }], openBottom: [0] }));
    const p2 = page([
      header(40),
      ...stacked('年度', 60, 90, 71), centred('（三）不予公开', 90, 250, 84), centred('1', 250, 300, 84),
      centred('（四）无法提供', 90, 250, 124), centred('2', 250, 300, 124),
      centred('- 2 -', 250, 350, 820, 9),
    ], ruled(xs, [60, 100, 140], { spans: [{ r0: 0, r1: 1, c0: 0, c1: 0 }], openTop: [0, 1, 2] }));
    const out = layoutDocument([p1, p2]);
    expect(out.lines).toEqual([
      '正文最后一段。',
      '三、本年度\t（一）予以公开\t5',
      '（二）部分公开\t0',
      '（三）不予公开\t1',
      '（四）无法提供\t2',
    ]);
    expect(out.pages).toEqual([1, 1, 1, 2, 2]);
  });

  it('a row cut by the break with the cells closed there (LibreOffice) is one row, if only text goes on', () => {
    // label column 90..190: `7.属于行政执法案` fills it, `卷` goes on at the top of the next page
    const lx = [60, 90, 190, 240];
    const p1 = page([
      centred('（三）', 60, 90, 764), item('7.属于行政执法案', 92, 764), centred('0', 190, 240, 764),
    ], ruled(lx, [740, 780]));
    const p2 = page([
      item('卷', 92, 76),
      centred('（四）', 60, 90, 116), item('1.本机关不掌握', 92, 116), centred('3', 190, 240, 116),
    ], ruled(lx, [60, 90, 130]));
    expect(text([p1, p2])).toEqual(['（三）\t7.属于行政执法案卷\t0', '（四）\t1.本机关不掌握\t3']);
  });

  it('a closed row at the top of a page stays a row when it holds a number, starts an item, or the cell above was not full', () => {
    const lx = [60, 90, 190, 240];
    const lastRow = (label: string) => page([centred('（三）', 60, 90, 764), item(label, 92, 764), centred('0', 190, 240, 764)], ruled(lx, [740, 780]));
    const firstRow = (label: string, num: string) => page([item(label, 92, 76), centred(num, 190, 240, 76)], ruled(lx, [60, 90]));
    expect(text([lastRow('7.属于行政执法案'), firstRow('卷', '5')])).toEqual(['（三）\t7.属于行政执法案\t0', '\t卷\t5']);
    expect(text([lastRow('7.属于行政执法案'), firstRow('8.属于', '')])).toEqual(['（三）\t7.属于行政执法案\t0', '\t8.属于\t']);
    expect(text([lastRow('规章'), firstRow('行政许可', '')])).toEqual(['（三）\t规章\t0', '\t行政许可\t']);
  });

  it('drops a header row the next page repeats', () => {
    const hx = [60, 200, 300];
    const t = (y: number, rows: [string, string][]) => rows.flatMap(([a, b], k) => [
      centred(a, 60, 200, y + 16 + 24 * k), centred(b, 200, 300, y + 16 + 24 * k)]);
    const p1 = page(t(700, [['信息内容', '本年处理决定数量'], ['行政许可', '228']]), ruled(hx, [700, 724, 748]));
    const p2 = page(t(60, [['信息内容', '本年处理决定数量'], ['行政处罚', '155']]), ruled(hx, [60, 84, 108]));
    expect(text([p1, p2])).toEqual(['信息内容\t本年处理决定数量', '行政许可\t228', '行政处罚\t155']);
  });

  it('tables of different widths on two pages are not joined', () => {
    const p1 = page([centred('甲', 60, 90, 760), centred('1', 90, 120, 760)], ruled([60, 90, 120], [740, 780], { openBottom: [0, 1] }));
    const p2 = page([centred('乙', 60, 90, 80), centred('2', 90, 200, 80)], ruled([60, 90, 200], [60, 100], { openTop: [0, 1] }));
    expect(text([p1, p2])).toEqual(['甲\t1', '乙\t2']);
  });

  it('drops page numbers in their usual forms, and a lone number only at the foot', () => {
    const forms = ['- 3 -', '— 3 —', '第 3 页', '3/9', '第3页 共9页', '3'];
    for (const f of forms) {
      expect(text([page([item('正文。', 60, 400), item(f, 280, 815, 9)])])).toEqual(['正文。']);
    }
    // a lone number inside the page is text
    expect(text([page([item('正文。', 60, 400), item('3', 280, 430)])])).toEqual(['正文。', '3']);
  });

  it('drops a running header repeated on most pages, keeps one printed once', () => {
    const body = (s: string) => item(s, 60, 400);
    const pages = [1, 2, 3].map((n) => page([header(40), body(`第${n}页正文。`), item(`${n}`, 290, 815, 9)]));
    pages[0].items.push(item('仅此一页的页眉', 60, 60, 9));
    expect(text(pages)).toEqual(['仅此一页的页眉', '第1页正文。', '第2页正文。', '第3页正文。']);
  });
});

describe('pdf.js adapters', () => {
  const OPS: Ops = {
    save: 1, restore: 2, transform: 3, paintFormXObjectBegin: 4, paintFormXObjectEnd: 5, constructPath: 6,
    stroke: 7, closeStroke: 8, fill: 9, eoFill: 10, fillStroke: 11, eoFillStroke: 12, closeFillStroke: 13, closeEOFillStroke: 14,
    paintImageXObject: 15, paintInlineImageXObject: 16, paintImageMaskXObject: 17,
  };
  const flip: Matrix = [1, 0, 0, -1, 0, 842];
  const path = (paint: number, ...codes: number[]) => [paint, [Float32Array.from(codes)], null];

  it('stroked rectangles and lines, thin filled rectangles are rulings; curves and big fills are not', () => {
    const fn = [OPS.constructPath, OPS.constructPath, OPS.save, OPS.transform, OPS.constructPath, OPS.restore, OPS.constructPath, OPS.constructPath];
    const args = [
      path(OPS.stroke, 0, 100, 700, 1, 300, 700, 1, 300, 720, 1, 100, 720, 4),
      path(OPS.fill, 0, 100, 600, 1, 300, 600, 1, 300, 600.75, 1, 100, 600.75, 4),
      null, [2, 0, 0, 2, 0, 0],
      path(OPS.stroke, 0, 10, 10, 1, 60, 10),
      null,
      path(OPS.stroke, 0, 0, 0, 2, 10, 10, 20, 20, 30, 0),
      path(OPS.fill, 0, 50, 50, 1, 250, 50, 1, 250, 150, 1, 50, 150, 4),
    ];
    const segs = rulings(fn, args, OPS, flip).map((s) => [s.x0, s.y0, s.x1, s.y1].map((v) => Math.round(v * 10) / 10));
    expect(segs).toEqual([
      [100, 142, 300, 142], [300, 122, 300, 142], [100, 122, 300, 122], [100, 122, 100, 142],
      [100, 241.6, 300, 241.6],
      [20, 822, 120, 822],
    ]);
  });

  it('the area images cover: each image the unit square under the transformation current at it', () => {
    // a 400 × 300 pt picture inside a form scaled by half (200 × 150 pt on the page), a 10 × 10 pt mask, a path
    const fn = [OPS.paintFormXObjectBegin, OPS.save, OPS.transform, OPS.paintImageXObject, OPS.restore, OPS.paintFormXObjectEnd,
      OPS.save, OPS.transform, OPS.paintImageMaskXObject, OPS.restore, OPS.constructPath, OPS.paintInlineImageXObject];
    const args = [[[0.5, 0, 0, 0.5, 0, 0], null], null, [400, 0, 0, 300, 50, 50], null, null, null,
      null, [10, 0, 0, 10, 0, 0], null, null, path(OPS.fill, 0, 0, 0, 1, 500, 0, 1, 500, 500, 4), null];
    // the inline image after the restore is painted on the unit square of the page itself: 1 pt²
    expect(pictureArea(fn, args, OPS, flip)).toBeCloseTo(200 * 150 + 100 + 1);
    expect(pictureArea([OPS.constructPath], [path(OPS.fill, 0, 0, 0, 1, 500, 0, 1, 500, 500, 4)], OPS, flip)).toBe(0);
  });

  it('text items: flipped to page coordinates, split at blanks, radicals unified, doubles and watermarks dropped', () => {
    const raw = [
      { str: '规章 0 0 0', transform: [12, 0, 0, 12, 70, 742], width: 200 },
      { str: '⾏政许可', transform: [12, 0, 0, 12, 70, 722], width: 48 },
      { str: '⾏政许可', transform: [12, 0, 0, 12, 70.4, 722.2], width: 48 },
      { str: '内部资料', transform: [30, 30, -30, 30, 200, 400], width: 160 },
      { str: '总计', transform: [0, 12, -12, 0, 300, 600], width: 24 },
    ];
    const items = toItems(raw, flip, 595, 842);
    expect(items.map((i) => i.str)).toEqual(['规章', '0', '0', '0', '行政许可', '总计']);
    expect(items[0]).toMatchObject({ x: 70, y: 100, size: 12 });
    expect(items.slice(1, 4).every((i) => i.sp)).toBe(true);
    // the parts spread over the run's width, the last ending at its end
    expect(items[3].x + items[3].w).toBeCloseTo(270, 0);
    // the quarter-turned run sits around its centre
    expect(items[5].x).toBeGreaterThan(280);
    expect(items[5].y).toBeGreaterThan(842 - 630);
  });
});
