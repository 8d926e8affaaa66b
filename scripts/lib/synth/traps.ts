/**
 * Injected traps with known truth. Each trap edits the printed tables and
 * records how the truth changes:
 * - `blank_row`: a row printed with its label but no numbers → its values NULL (damaged);
 * - `missing_row`: a row left out entirely → NULL (damaged);
 * - `dash_cells`: zeros printed as `—` `/` `-` `无` → 0 or NULL both accepted;
 * - `slash_row`: an all-zero row printed `/ / / / / / /` → 0 or NULL accepted;
 * - `blank_cell`: zeros printed as empty cells or a non-breaking space (delimited layouts only) → 0 or NULL accepted
 *   (in PDF text an empty cell vanishes, so which cell it was is left to split/);
 * - `thousands`: `59,113`; `fullwidth_digits`: `１２３`; `signed`: `+461` (2019 form) → value unchanged;
 * - `run_together`: a row's numbers printed without separators (`21710000218`), pipe/tabs/pdftext only → each
 *   cell is what the split rules single out (split/), else open: NULL, and a number there is a guess;
 * - `no_tables`: the tables are pictures (`（图片版）`) → every value NULL, report must be `failed`.
 */
import type { Rng } from './rng.ts';
import type { Row, TableModel } from './tables.ts';
import type { LayoutName } from './layouts/out.ts';

export type TrapName =
  | 'blank_row' | 'missing_row' | 'dash_cells' | 'slash_row' | 'blank_cell' | 'thousands' | 'fullwidth_digits' | 'signed' | 'run_together' | 'no_tables';

/**
 * How a trap changes a value's truth: NULL, or 0-or-NULL (`zero_ok`), or `open`:
 * the print can be read more than one way by every rule, so the value is NULL
 * and a number there is a guess (`actual`: what was generated, for inspection).
 */
export interface Override { value: null; zero_ok?: boolean; open?: boolean; actual?: number }
export interface TrapResult { overrides: Map<string, Override>; damaged: boolean; names: TrapName[]; noTables: boolean }

const FW = '０１２３４５６７８９';
const toFullwidth = (s: string) => s.replace(/\d/g, (d) => FW[+d]);

function numCells(models: TableModel[]) {
  return models.flatMap((m) => m.rows.flatMap((r) => r.cells.filter((c) => c.kind === 'num' && c.t !== '')));
}

function appBody(apps: TableModel): Row[] {
  return apps.rows.filter((r) => r.id !== 'head');
}

function pool(layout: LayoutName, template: string): [TrapName, number][] {
  const signed: [TrapName, number][] = template === '2019' ? [['signed', 3]] : [];
  // crawled page text: cells hold digits only (no dashes, separators or full-width digits in the real pages)
  if (layout === 'crawl') return [['blank_row', 3], ['missing_row', 2], ['no_tables', 0.5], ...signed];
  const delimited = !['lines', 'pipecell'].includes(layout);
  const out: [TrapName, number][] = [
    ['blank_row', 3], ['missing_row', 3], ['dash_cells', 3], ['slash_row', 2], ['thousands', 3], ['fullwidth_digits', 2],
    ['no_tables', 0.5],
  ];
  if (delimited) out.push(['blank_cell', 2]);
  if (layout === 'pipe' || layout === 'tabs' || layout === 'pdftext') out.push(['run_together', 1]);
  return [...out, ...signed];
}

export function pickTraps(rng: Rng, layout: LayoutName, template: string): TrapName[] {
  if (!rng.chance(0.3)) return [];
  const p = pool(layout, template);
  const n = rng.chance(0.7) ? 1 : 2;
  const out = new Set<TrapName>();
  for (let i = 0; i < n; i++) out.add(rng.weighted(p));
  if (out.has('no_tables')) return ['no_tables'];
  return [...out];
}

export function applyTraps(rng: Rng, names: TrapName[], active: TableModel, apps: TableModel, reviews: TableModel): TrapResult {
  const overrides = new Map<string, Override>();
  let damaged = false;
  const models = [active, apps, reviews];
  for (const name of names) {
    switch (name) {
      case 'no_tables':
        for (const c of numCells(models)) overrides.set(c.key!, { value: null });
        damaged = true;
        break;
      case 'blank_row': {
        const row = rng.pick(appBody(apps));
        for (const c of row.cells) if (c.kind === 'num') { c.t = ''; overrides.set(c.key!, { value: null }); }
        damaged = true;
        break;
      }
      case 'missing_row': {
        const body = appBody(apps).filter((r) => !r.cells.some((c) => c.kind === 'group'));
        const row = rng.pick(body);
        apps.rows.splice(apps.rows.indexOf(row), 1);
        for (const c of row.cells) if (c.kind === 'num') overrides.set(c.key!, { value: null });
        damaged = true;
        break;
      }
      case 'dash_cells':
      case 'blank_cell': {
        const zeros = numCells(models).filter((c) => c.t === '0');
        const mark = rng.pick(['—', '/', '-', '无', '／']);
        for (const i of rng.sample(zeros.length, rng.int(1, 12))) {
          const c = zeros[i];
          c.t = name === 'blank_cell' ? (rng.chance(0.3) ? '\u00a0' : '') : mark;
          overrides.set(c.key!, { value: null, zero_ok: true });
        }
        break;
      }
      case 'slash_row': {
        const zeroRows = appBody(apps).filter((r) => r.cells.filter((c) => c.kind === 'num').every((c) => c.t === '0'));
        if (!zeroRows.length) break;
        const row = rng.pick(zeroRows);
        const mark = rng.pick(['/', '—', '-']);
        for (const c of row.cells) if (c.kind === 'num') { c.t = mark; overrides.set(c.key!, { value: null, zero_ok: true }); }
        break;
      }
      case 'thousands':
        // not a run_together cell (no key): its digits are several cells, not one number
        for (const c of numCells(models)) {
          if (c.key && /^\d{4,}(\.\d+)?/.test(c.t) && rng.chance(0.8)) c.t = c.t.replace(/^\d+/, (d) => d.replace(/\B(?=(\d{3})+(?!\d))/g, ','));
        }
        break;
      case 'fullwidth_digits':
        for (const c of numCells(models)) if (rng.chance(0.3)) c.t = toFullwidth(c.t);
        break;
      case 'signed':
        for (const c of numCells([active])) if (c.key!.endsWith('.change') && /^\d/.test(c.t) && c.t !== '0') c.t = '+' + c.t;
        break;
      case 'run_together': {
        // A row whose seven cells all print digits: a cell another trap left blank has no digits to
        // run together, and its row would be printed short of a cell (no reading then gives it).
        const rows = appBody(apps).filter((r) => {
          const nums = r.cells.filter((c) => c.kind === 'num');
          return nums.length === 7 && nums.every((c) => /^\d/.test(c.t));
        });
        if (!rows.length) break;
        const row = rng.pick(rows);
        const nums = row.cells.filter((c) => c.kind === 'num');
        const merged = { ...nums[0], t: nums.map((c) => c.t).join(''), key: undefined };
        row.cells = [...row.cells.filter((c) => c.kind !== 'num'), merged];
        // the keys still exist in truth; which cells the digits single out is decided by split/
        row.runKeys = nums.map((c) => c.key!);
        break;
      }
    }
  }
  return { overrides, damaged, names, noTables: names.includes('no_tables') };
}
