/**
 * Convenience views for the SQL page, defined over the contract tables only.
 * Each view is plain SQL so it can also be created in a local DuckDB after
 * `ATTACH`ing dataset.duckdb. Indicators follow shared/spec/indicators.md:
 * a ratio whose denominator is 0 or NULL is NULL, never 0.
 */
import { APP_GROUPS, APP_ROW_CODES, APPLICANT_CODES, APPLICANT_PARTS } from '../schema.ts';

export interface ViewColumn { name: string; zh: string }
export interface View { name: string; zh: string; en: string; sql: string; columns: ViewColumn[] }

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
const inList = (codes: readonly string[]) => `(${codes.map(q).join(', ')})`;
/** NULL when the denominator is 0 or NULL. */
const ratio = (num: string, den: string) => `CAST(${num} AS DOUBLE) / NULLIF(${den}, 0)`;

/** Strict sum: NULL unless every listed row has a value (a missing row makes the sum unknown). */
const strictSum = (rows: readonly string[]) =>
  `CASE WHEN count(v) FILTER (WHERE row IN ${inList(rows)}) = ${rows.length} THEN sum(v) FILTER (WHERE row IN ${inList(rows)}) END`;
const cell = (row: string) => `max(v) FILTER (WHERE row = ${q(row)})`;
const rev = (proceeding: string, outcome: string) =>
  `max(value) FILTER (WHERE proceeding = ${q(proceeding)} AND outcome = ${q(outcome)})`;

/*
 * Only the reports that count (reports.counted: no duplicate, no report superseded by a
 * correction; the one rule, src/lib/dataset/duplicates.ts), so summing this view counts
 * every report once. Same arithmetic as src/lib/indicators.ts (the site's pages), so SQL and pages agree:
 * a row's value is its 总计 cell, or the sum of its six applicant cells when 总计 is
 * unprinted and all six are given (flagged in total_column_summed); group sums and
 * other sums are NULL when any part is NULL.
 */
const reportIndicatorsSql = `
WITH cells AS (
  SELECT report_id, row,
    max(value) FILTER (WHERE applicant = 'total') AS printed_total,
    CASE WHEN count(value) FILTER (WHERE applicant IN ${inList(APPLICANT_PARTS)}) = ${APPLICANT_PARTS.length}
      THEN sum(value) FILTER (WHERE applicant IN ${inList(APPLICANT_PARTS)}) END AS parts_sum,
    coalesce(printed_total, parts_sum) AS v,
    printed_total IS NULL AND parts_sum IS NOT NULL AS summed,
    max(value) FILTER (WHERE applicant = 'natural_person') AS natural_person
  FROM applications GROUP BY report_id, row
), app AS (
  SELECT report_id,
    ${cell('new_received')} AS new_received,
    ${cell('carried_over')} AS carried_over,
    ${cell('total_handled')} AS total_handled,
    ${cell('granted')} AS granted,
    ${cell('partially_granted')} AS partially_granted,
    ${strictSum(APP_GROUPS.withheld)} AS withheld,
    ${strictSum(APP_GROUPS.unavailable)} AS unavailable,
    ${strictSum(APP_GROUPS.rejected)} AS rejected,
    coalesce(${cell('other_total')}, ${strictSum(APP_GROUPS.other)}) AS other,
    ${cell('unavailable_not_held')} AS not_held,
    ${cell('carried_forward')} AS carried_forward,
    max(natural_person) FILTER (WHERE row = 'new_received') AS natural_person_new,
    bool_or(summed) AS total_column_summed
  FROM cells GROUP BY report_id
), rv AS (
  SELECT report_id,
    ${rev('review', 'corrected')} AS review_corrected, ${rev('review', 'pending')} AS review_pending, ${rev('review', 'total')} AS review_total,
    ${rev('suit_direct', 'corrected')} AS sd_corrected, ${rev('suit_direct', 'pending')} AS sd_pending, ${rev('suit_direct', 'total')} AS sd_total,
    ${rev('suit_after_review', 'corrected')} AS sr_corrected, ${rev('suit_after_review', 'pending')} AS sr_pending, ${rev('suit_after_review', 'total')} AS sr_total
  FROM reviews GROUP BY report_id
)
SELECT r.report_id, r.agency, r.agency_id, r.year, r.province, r.city, r.county, r.level, r.scope, r.status,
  a.new_received, a.carried_over, a.new_received + a.carried_over AS accepted_total,
  a.total_handled, a.granted, a.partially_granted, a.withheld, a.unavailable, a.rejected, a.other,
  a.not_held, a.carried_forward, a.natural_person_new,
  ${ratio('a.granted', 'a.total_handled')} AS grant_rate,
  ${ratio('a.granted + a.partially_granted', 'a.total_handled')} AS substantive_rate,
  ${ratio('a.withheld', 'a.total_handled')} AS withheld_rate,
  ${ratio('a.unavailable', 'a.total_handled')} AS unavailable_rate,
  ${ratio('a.rejected', 'a.total_handled')} AS rejected_rate,
  ${ratio('a.other', 'a.total_handled')} AS other_rate,
  ${ratio('a.not_held', 'a.total_handled')} AS not_held_share,
  ${ratio('a.carried_forward', 'a.new_received + a.carried_over')} AS carry_forward_rate,
  ${ratio('a.natural_person_new', 'a.new_received')} AS natural_person_share,
  v.review_total, v.sd_total + v.sr_total AS suit_total,
  ${ratio('v.review_corrected', 'v.review_total - v.review_pending')} AS review_correction_rate,
  ${ratio('v.sd_corrected + v.sr_corrected', '(v.sd_total - v.sd_pending) + (v.sr_total - v.sr_pending)')} AS suit_correction_rate,
  ${ratio('v.review_total + v.sd_total + v.sr_total', 'a.new_received')} AS dispute_rate,
  coalesce(a.total_column_summed, false) AS total_column_summed
FROM reports r
LEFT JOIN app a USING (report_id)
LEFT JOIN rv v USING (report_id)
WHERE r.counted`;

const applicationsWideSql = `
SELECT report_id, applicant,
  ${APP_ROW_CODES.map((r) => `max(value) FILTER (WHERE row = ${q(r)}) AS ${r}`).join(',\n  ')}
FROM applications GROUP BY report_id, applicant`;

const failedChecksSql = `
SELECT r.report_id, r.agency, r.year, r.status, c."check", c.detail
FROM checks c JOIN reports r USING (report_id)
WHERE NOT c.passed`;

/*
 * Same rule as reportPages() in src/lib/site/site-data.ts: an agency's latest report (newest
 * year, NULL as 0, then lowest report_id) is on the agency page; each other at
 * agencies/<agency_id>/<year>/ (`n` for an unread year, `-2`, `-3` … for a second report
 * of one year, in report_id order); a report of an unidentified agency at reports/<report_id>/.
 */
const reportPagesSql = `
SELECT report_id, agency_id, year,
  CASE
    WHEN agency_id IS NULL THEN 'reports/' || report_id || '/'
    WHEN row_number() OVER (PARTITION BY agency_id ORDER BY coalesce(year, 0) DESC, report_id) = 1 THEN 'agencies/' || agency_id || '/'
    ELSE 'agencies/' || agency_id || '/' || coalesce(CAST(year AS VARCHAR), 'n')
      || CASE WHEN row_number() OVER (PARTITION BY agency_id, year ORDER BY report_id) > 1
           THEN '-' || CAST(row_number() OVER (PARTITION BY agency_id, year ORDER BY report_id) AS VARCHAR) ELSE '' END
      || '/'
  END AS page
FROM reports`;

export const VIEWS: View[] = [
  {
    name: 'report_indicators',
    zh: '每份计入汇总的报告一行(不含重复报告和被更正版取代的报告,可直接求和):申请办理的主要数字与常用比率(分母为 0 或未填报时为空)',
    en: 'one row per counted report (no duplicates, no superseded corrections: safe to sum) with headline counts and indicators (NULL when the denominator is 0 or NULL)',
    sql: reportIndicatorsSql,
    columns: [
      { name: 'report_id', zh: '报告编号' },
      { name: 'agency', zh: '报告机关' },
      { name: 'agency_id', zh: '机关编号' },
      { name: 'year', zh: '统计年度' },
      { name: 'province', zh: '省级行政区' },
      { name: 'city', zh: '地级行政区' },
      { name: 'county', zh: '县级行政区' },
      { name: 'level', zh: '层级' },
      { name: 'scope', zh: '范围(aggregate 汇总 / office 单一机关);汇总报告不要与其所含机关相加' },
      { name: 'status', zh: '解析状态' },
      { name: 'new_received', zh: '本年新收申请(总计列)' },
      { name: 'carried_over', zh: '上年结转申请' },
      { name: 'accepted_total', zh: '受理合计 = 新收 + 上年结转' },
      { name: 'total_handled', zh: '(七)总计:办理结果合计' },
      { name: 'granted', zh: '予以公开' },
      { name: 'partially_granted', zh: '部分公开' },
      { name: 'withheld', zh: '不予公开(八项之和)' },
      { name: 'unavailable', zh: '无法提供(三项之和)' },
      { name: 'rejected', zh: '不予处理(五项之和)' },
      { name: 'other', zh: '其他处理' },
      { name: 'not_held', zh: '本机关不掌握相关政府信息' },
      { name: 'carried_forward', zh: '结转下年度继续办理' },
      { name: 'natural_person_new', zh: '自然人新收申请' },
      { name: 'grant_rate', zh: '予以公开率 = 予以公开 / 总计' },
      { name: 'substantive_rate', zh: '实质公开率 = (予以公开 + 部分公开) / 总计' },
      { name: 'withheld_rate', zh: '不予公开率' },
      { name: 'unavailable_rate', zh: '无法提供率' },
      { name: 'rejected_rate', zh: '不予处理率' },
      { name: 'other_rate', zh: '其他处理率' },
      { name: 'not_held_share', zh: '本机关不掌握占比 = 不掌握 / 总计' },
      { name: 'carry_forward_rate', zh: '结转率 = 结转下年度 / (新收 + 上年结转)' },
      { name: 'natural_person_share', zh: '自然人申请占比 = 自然人新收 / 新收总计' },
      { name: 'review_total', zh: '行政复议总计' },
      { name: 'suit_total', zh: '行政诉讼总计(直接起诉 + 复议后起诉)' },
      { name: 'review_correction_rate', zh: '复议纠错率 = 纠正 / (总计 − 尚未审结)' },
      { name: 'suit_correction_rate', zh: '诉讼纠错率 = 纠正 / (总计 − 尚未审结)' },
      { name: 'dispute_rate', zh: '争议转化率 = (复议 + 诉讼总计) / 新收' },
      { name: 'total_column_summed', zh: '是否有总计列未填报、按六类申请人相加得出的数字' },
    ],
  },
  {
    name: 'applications_wide',
    zh: '申请表宽表:每份报告每类申请人一行,每个行代码一列',
    en: 'applications pivoted: one row per report and applicant, one column per row code',
    sql: applicationsWideSql,
    columns: [
      { name: 'report_id', zh: '报告编号' },
      { name: 'applicant', zh: `申请人代码:${APPLICANT_CODES.join(' / ')}` },
      ...APP_ROW_CODES.map((r) => ({ name: r, zh: `行 ${r} 的数值` })),
    ],
  },
  {
    name: 'report_pages',
    zh: '每份报告在本站的页面路径(网站根路径之下),用于链接到报告的表格与原文',
    en: 'the site page of each report (path under the site root), for links to its tables and source text',
    sql: reportPagesSql,
    columns: [
      { name: 'report_id', zh: '报告编号' },
      { name: 'agency_id', zh: '机关编号' },
      { name: 'year', zh: '统计年度' },
      { name: 'page', zh: '页面路径,如 agencies/<机关编号>/2023/;加 #L行号 即跳到原文该行' },
    ],
  },
  {
    name: 'failed_checks',
    zh: '未通过的一致性检查,附报告机关与年度',
    en: 'failed consistency checks with agency and year',
    sql: failedChecksSql,
    columns: [
      { name: 'report_id', zh: '报告编号' },
      { name: 'agency', zh: '报告机关' },
      { name: 'year', zh: '统计年度' },
      { name: 'status', zh: '解析状态' },
      { name: 'check', zh: '检查代码' },
      { name: 'detail', zh: '说明' },
    ],
  },
];

/** Statements that create every view (temporary, so a read-only database is fine). */
export function createViewStatements(): string[] {
  return VIEWS.map((v) => `CREATE OR REPLACE TEMP VIEW ${v.name} AS ${v.sql.trim()}`);
}
