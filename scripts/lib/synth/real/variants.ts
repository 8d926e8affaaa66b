/**
 * Label variants and typos seen in real tables (../shared/spec/report-format.md):
 * `先行有效件数`, `本公开数量`, `本年增/减量`, `本年新 制作数量`, `钩稽关系`, `社会组织`,
 * `（五）不再受理`, `（三）不子公开`, `其他法律和行政法规禁止公开`, `其他法律行政止公开`,
 * and the heading `四、政府信息公开行政法复议、行政诉讼情况`. Values are untouched.
 */
import type { Block } from '../doc.ts';
import type { Rng } from '../rng.ts';
import type { TableModel } from '../tables.ts';

interface Variant { name: string; test: RegExp; to: string }

const CELLS: Variant[] = [
  { name: '先行有效件数', test: /现行有效件数/, to: '先行有效件数' },
  { name: '本公开数量', test: /本年新公开数量/, to: '本公开数量' },
  { name: '本年增/减量', test: /本年增\/减$/, to: '本年增/减量' },
  { name: '本年新 制作数量', test: /本年新(制作|公开)数量/, to: '本年新 $1数量' },
  { name: '钩稽关系', test: /勾稽关系/, to: '钩稽关系' },
  { name: '社会组织', test: /^社会公益组织$/, to: '社会组织' },
  { name: '不再受理', test: /不予处理$/, to: '不再受理' },
  { name: '不子公开', test: /不予公开$/, to: '不子公开' },
  { name: '其他法律和行政法规禁止公开', test: /其他法律行政法规禁止公开/, to: '其他法律和行政法规禁止公开' },
  { name: '其他法律行政止公开', test: /其他法律行政法规禁止公开/, to: '其他法律行政止公开' },
];

/** Apply a few variants to the tables' labels and the headings; returns the names applied. */
export function applyVariants(rng: Rng, models: TableModel[], blocks: Block[], p: number): string[] {
  const used: string[] = [];
  for (const v of CELLS) {
    if (!rng.chance(p)) continue;
    let hit = false;
    for (const m of models) {
      for (const row of m.rows) {
        for (const c of row.cells) {
          if (c.kind === 'num' || !v.test.test(c.t)) continue;
          c.t = c.t.replace(v.test, v.to);
          hit = true;
        }
      }
    }
    if (hit) used.push(v.name);
  }
  if (rng.chance(p)) {
    const h = blocks.find((b) => b.t === 'h' && b.text.includes('行政复议'));
    if (h && h.t === 'h') { h.text = h.text.replace('行政复议', '行政法复议'); used.push('行政法复议'); }
  }
  return used;
}
