/**
 * The one rule of what counts. Decided here, once, by the dataset build, and
 * stored in `reports.counted`; the site's roll-ups (lib/site/site-data.ts)
 * and the SQL views (lib/sql/views.ts) read that column and nothing else.
 *
 * 1. Duplicates: reports with the same text once normalised (encoding and BOM
 *    are gone after decoding; line ends and all whitespace are dropped), or
 *    with the same agency, year and table values, are one report. The best of
 *    them is kept (ok before warnings before failed, then the one nearest the
 *    corpus root, then the smallest report_id); the others get status `duplicate`, `duplicate_of` = the kept
 *    one, a `duplicate` check saying why, and no table rows, so nothing of
 *    theirs can be summed.
 * 2. Corrections: two different reports for one agency and year are both
 *    kept and both flagged (`correction` check, so `warnings`); the one
 *    published later counts (later `published_on`; a report without a date
 *    is earlier than one with; then ok before warnings; then the larger
 *    report_id, e.g. `x-v2` after `x`). The others get `superseded_by`.
 *    Agencies known only by name (`x-…` ids) are not compared: same-named
 *    bodies of different places cannot be told apart.
 * 3. counted = not a duplicate and not superseded. A failed report counts
 *    (it holds no figures, so adds nothing).
 */
import { createHash } from 'node:crypto';
import type { Report } from '../types.ts';

export interface Source { report: Report; lines: string[] }

const STATUS_RANK: Record<string, number> = { ok: 0, warnings: 1, failed: 2, duplicate: 3 };

/** Hash of the text with every whitespace character removed (NFC), or null for a text with nothing in it. */
export function textKey(lines: string[]): string | null {
  const h = createHash('sha256');
  let any = false;
  for (const l of lines) {
    const s = l.normalize('NFC').replace(/[\s\u00a0\u3000\ufeff\u200b]+/g, '');
    if (s) { h.update(s); any = true; }
  }
  return any ? h.digest('hex') : null;
}

/** Hash of the agency, year and every table value, or null when they do not identify a report. */
export function valueKey(r: Report): string | null {
  if (r.status === 'failed' || !r.agency_id || r.year === null) return null;
  const cells: string[] = [];
  for (const a of r.active_disclosure) cells.push(`a|${a.item}|${a.metric}|${a.value}`);
  for (const a of r.applications) cells.push(`p|${a.row}|${a.applicant}|${a.value}`);
  for (const a of r.reviews) cells.push(`r|${a.proceeding}|${a.outcome}|${a.value}`);
  if (!cells.some((c) => !c.endsWith('|null'))) return null;
  cells.sort();
  return createHash('sha256').update(`${r.agency_id}|${r.year}|${cells.join('\n')}`).digest('hex');
}

const byId = (a: Report, b: Report) => (a.report_id < b.report_id ? -1 : a.report_id > b.report_id ? 1 : 0);

/** Marks duplicates and corrections among `sources` and sets `counted` on every report (in place). */
export function decideCounting(sources: Source[]): void {
  const reports = sources.map((s) => s.report);
  for (const r of reports) { r.duplicate_of = null; r.superseded_by = null; }

  // 1. Duplicates: union of reports sharing a text key or a value key.
  const parent = reports.map((_, i) => i);
  const find = (i: number): number => { while (parent[i] !== i) i = parent[i] = parent[parent[i]]; return i; };
  const why = new Map<number, string>();
  const join = (keys: (string | null)[], reason: string) => {
    const first = new Map<string, number>();
    keys.forEach((k, i) => {
      if (k === null) return;
      const j = first.get(k);
      if (j === undefined) { first.set(k, i); return; }
      const [a, b] = [find(i), find(j)];
      if (a !== b) parent[a] = b;
      if (!why.has(i)) why.set(i, reason);
      if (!why.has(j)) why.set(j, reason);
    });
  };
  join(sources.map((s) => textKey(s.lines)), '原文相同(不计编码、BOM、换行和空白的差别)');
  join(reports.map(valueKey), '机关、统计年度和表格中的全部数字相同');
  const groups = new Map<number, number[]>();
  reports.forEach((_, i) => { const g = find(i); const list = groups.get(g); if (list) list.push(i); else groups.set(g, [i]); });
  for (const list of groups.values()) {
    if (list.length < 2) continue;
    const depth = (r: Report) => r.source_file.split('/').length;
    const ranked = [...list].sort((a, b) => STATUS_RANK[reports[a].status] - STATUS_RANK[reports[b].status] ||
      depth(reports[a]) - depth(reports[b]) || byId(reports[a], reports[b]));
    const kept = reports[ranked[0]];
    for (const i of ranked.slice(1)) markDuplicate(reports[i], kept, why.get(i) ?? '内容相同');
  }

  // 2. Corrections: different reports of one agency and year.
  const byAgencyYear = new Map<string, Report[]>();
  for (const r of reports) {
    if (r.status === 'duplicate' || r.status === 'failed' || !r.agency_id || r.agency_id.startsWith('x-') || r.year === null) continue;
    const k = `${r.agency_id}|${r.year}`;
    const list = byAgencyYear.get(k);
    if (list) list.push(r); else byAgencyYear.set(k, [r]);
  }
  for (const list of byAgencyYear.values()) if (list.length > 1) markCorrections(list);

  // 3. The rule.
  for (const r of reports) r.counted = r.status !== 'duplicate' && !r.superseded_by;
}

function markDuplicate(r: Report, kept: Report, reason: string) {
  const detail = `与 ${kept.source_file}(报告编号 ${kept.report_id})重复:${reason}。只保留并计入那一份,本文件不计入任何汇总。`;
  Object.assign(r, {
    status: 'duplicate', duplicate_of: kept.report_id, error: null,
    active_disclosure: [], applications: [], reviews: [], sections: [],
    checks: [{ check: 'duplicate', passed: false, detail }],
  } satisfies Partial<Report>);
}

/** Later publication first: the report that counts. */
function laterFirst(a: Report, b: Report): number {
  const da = a.published_on ?? '', db = b.published_on ?? '';
  if (da !== db) return da > db ? -1 : 1;
  return STATUS_RANK[a.status] - STATUS_RANK[b.status] || -byId(a, b);
}

function markCorrections(list: Report[]) {
  const [winner, ...others] = [...list].sort(laterFirst);
  const name = (r: Report) => `${r.source_file}(报告编号 ${r.report_id}${r.published_on ? `,发布于 ${r.published_on}` : ',未注明发布日期'})`;
  for (const r of others) {
    r.superseded_by = winner.report_id;
    r.checks.push({ check: 'correction', passed: false, detail: `同一机关 ${r.year} 年度还有一份不同的报告 ${name(winner)},按发布较晚者计:本报告不计入汇总` });
  }
  winner.checks.push({ check: 'correction', passed: false, detail: `同一机关 ${winner.year} 年度还有 ${others.length} 份不同的报告:${others.map(name).join('、')};本报告发布较晚,计入汇总` });
  for (const r of list) if (r.status === 'ok') r.status = 'warnings';
}
