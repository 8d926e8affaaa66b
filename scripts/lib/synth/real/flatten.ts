/**
 * How a crawler flattened the tables (data/real): each row's numbers follow its
 * label with single spaces, nothing (`21710000218`) or a mix (`0 0 0 0 0 00`,
 * ` 10 0 00 0 1`), sometimes full-width spaces; units in cells (`2笔 984361元`,
 * `1个246900元`, `2 45.82万元`); rows that lost a cell (six numbers for seven
 * cells); rows printed with no numbers; an Article 20 sub-table whose
 * `第二十条第（六）项` lines were not printed; the group label
 * `三、本年度办理结果` printed again. Sets `Row.print` (and `Row.lost`);
 * returns the names of what it did.
 */
import type { Override } from '../traps.ts';
import type { Rng } from '../rng.ts';
import { fmtNumber, type Cell, type Row, type TableModel } from '../tables.ts';
import type { Tables } from '../split/truth.ts';
import type { Values } from '../values.ts';


const nums = (r: Row) => r.cells.filter((c) => c.kind === 'num' && c.key);
const shown = (r: Row) => nums(r).filter((c) => c.key !== r.lost && c.t !== '');

/** 采购总金额 with its unit in the cell, in 元 or converted to 万元 (the truth is the number printed). */
function units(rng: Rng, m: TableModel, values: Values): boolean {
  const row = m.rows.find((r) => r.id === 'procurement');
  if (!row || !rng.chance(0.5)) return false;
  const [count, amount] = nums(row);
  const v = values.active.get('procurement.procurement_amount') ?? 0;
  if (v <= 0) return false;
  const wan = Math.round(v / 100) / 100;
  if (wan > 0 && rng.chance(0.3)) {
    values.active.set('procurement.procurement_amount', wan);
    amount.t = fmtNumber(wan) + '万元';
  } else {
    amount.t = amount.t.replace(/元$/, '') + '元';
  }
  if (rng.chance(0.5)) count.t += rng.pick(['笔', '个']);
  return true;
}

/** Drop the title and head rows of one Article 20 sub-table after the first. */
function noSubHeaders(rng: Rng, m: TableModel): boolean {
  const titles = m.rows.map((r, i) => (r.id === 'title' ? i : -1)).filter((i) => i > 0);
  if (!titles.length) return false;
  const at = rng.pick(titles);
  m.rows.splice(at, 2);
  return true;
}

function groupRepeat(m: TableModel): boolean {
  const top = m.rows.flatMap((r) => r.cells).find((c) => c.kind === 'group' && /^三、/.test(c.t));
  const row = m.rows.find((r) => r.id === 'unavailable_not_held');
  if (!top || !row) return false;
  row.cells.unshift({ ...top, rows: undefined });
  return true;
}

/** The 2021 (六)2 and (六)3 rows print no numbers. */
function emptyRows(m: TableModel, overrides: Map<string, Override>): boolean {
  const rows = m.rows.filter((r) => r.id === 'other_overdue_fee' || r.id === 'other_other');
  if (rows.length < 2) return false;
  for (const c of rows.flatMap(nums)) { c.t = ''; overrides.set(c.key!, { value: null }); }
  return true;
}

/** One or two rows of single digits lose a cell (mostly a 0). */
function lostCells(rng: Rng, m: TableModel): boolean {
  const ok = (r: Row) => r.lost === undefined && nums(r).length === 7 && nums(r).every((c) => /^\d$/.test(c.t)) && nums(r).some((c) => c.t === '0');
  const rows = m.rows.filter(ok);
  if (!rows.length) return false;
  const first = rng.int(0, rows.length - 1);
  const n = rng.chance(0.3) ? 2 : 1;
  for (const row of rows.slice(first, first + n)) {
    const cs = nums(row);
    const zeros = cs.filter((c) => c.t === '0');
    row.lost = (rng.chance(0.85) ? rng.pick(zeros) : rng.pick(cs)).key;
  }
  return true;
}

type Style = 'spaced' | 'run' | 'mixed';

function join(rng: Rng, cs: Cell[], style: Style, q: number, fullwidth: boolean, totalApart: boolean): string {
  if (!cs.length) return '';
  const sp = () => (fullwidth && rng.chance(0.3) ? '\u3000' : ' ');
  let s = rng.chance(style === 'spaced' ? 0.5 : 0.15) ? sp() : '';
  cs.forEach((c, i) => {
    if (i > 0) {
      const apart = totalApart && i === cs.length - 1 && cs.length === 7;
      s += apart || style === 'spaced' || (style === 'mixed' && rng.chance(q)) ? sp() : '';
    }
    s += c.t;
  });
  return s + (rng.chance(0.15) ? ' ' : '');
}

function flatten(rng: Rng, m: TableModel, weights: [Style, number][], names: Set<string>) {
  const style = rng.weighted(weights);
  const q = 0.2 + 0.6 * rng.next();
  const fullwidth = rng.chance(0.15);
  const totalApart = m.id === 'apps' && style !== 'spaced' && rng.chance(0.15);
  names.add(`numbers_${style}`);
  if (fullwidth) names.add('fullwidth_spaces');
  for (const row of m.rows) if (nums(row).length) row.print = join(rng, shown(row), style, q, fullwidth, totalApart);
}

export function planCrawl(rng: Rng, t: Tables, values: Values, overrides: Map<string, Override>, appsForm: string): string[] {
  const names = new Set<string>();
  if (units(rng, t.active, values)) names.add('units');
  if (rng.chance(0.15) && noSubHeaders(rng, t.active)) names.add('no_sub_headers');
  if (rng.chance(0.1) && groupRepeat(t.apps)) names.add('group_repeat');
  if (appsForm === '2021' && rng.chance(0.1) && emptyRows(t.apps, overrides)) names.add('empty_rows');
  if (rng.chance(0.12) && lostCells(rng, t.apps)) names.add('lost_cells');
  flatten(rng, t.active, [['run', 60], ['spaced', 15], ['mixed', 25]], names);
  flatten(rng, t.apps, [['run', 35], ['spaced', 25], ['mixed', 40]], names);
  flatten(rng, t.reviews, [['run', 50], ['spaced', 20], ['mixed', 30]], names);
  return [...names];
}

/** Every row's numbers single-spaced: the fallback when the runs are too many to enumerate. */
export function respace(t: Tables): void {
  for (const m of [t.active, t.apps, t.reviews]) {
    for (const row of m.rows) if (row.print !== undefined) row.print = ' ' + shown(row).map((c) => c.t).join(' ');
  }
}
