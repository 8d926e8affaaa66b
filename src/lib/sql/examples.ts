/**
 * Example queries for the SQL page: questions a researcher would actually ask.
 * Each one runs against the contract tables and the views in views.ts.
 */
import { APP_ROW_CODES } from '../schema.ts';

export interface Example { id: string; title: string; sql: string }

const rowOrder = `[${APP_ROW_CODES.map((r) => `'${r}'`).join(', ')}]`;

/** An agency's application table, its years side by side. */
export function agencyYearsSql(agency: string): string {
  const name = agency.replace(/'/g, "''");
  return `-- ${agency}:各年度申请办理情况(总计列),年度并排
PIVOT (
  SELECT r.year, a.row, a.row_zh AS 项目, a.value
  FROM applications a JOIN reports r USING (report_id)
  WHERE r.agency = '${name}' AND a.applicant = 'total' AND r.counted
)
ON year USING first(value)
GROUP BY row, 项目
ORDER BY list_position(${rowOrder}, row);`;
}

export const EXAMPLES: Example[] = [
  {
    id: 'grant-share-by-year',
    title: '各年度予以公开占比',
    sql: `-- 各年度予以公开占比:单一机关报告合计(不含汇总报告,避免重复计算)
SELECT year AS 年度,
  count(*) AS 报告数,
  sum(granted) AS 予以公开,
  sum(total_handled) AS 办理总计,
  round(sum(granted) / nullif(sum(total_handled), 0), 4) AS 予以公开率,
  round(median(grant_rate), 4) AS 各报告予以公开率中位数
FROM report_indicators
WHERE scope <> 'aggregate' AND total_handled IS NOT NULL
GROUP BY year
ORDER BY year;`,
  },
  {
    id: 'most-not-held',
    title: '"本机关不掌握"最多的机关',
    sql: `-- 答复"本机关不掌握相关政府信息"最多的机关
SELECT agency AS 机关, year AS 年度, not_held AS 不掌握, total_handled AS 办理总计,
  round(not_held_share, 4) AS 不掌握占比
FROM report_indicators
WHERE not_held IS NOT NULL
ORDER BY not_held DESC, agency, year
LIMIT 20;`,
  },
  {
    id: 'failed-checks',
    title: '未通过一致性检查的报告',
    sql: `-- 未通过一致性检查的报告及原因
SELECT r.agency AS 机关, r.year AS 年度, c.check_zh AS 检查, c.detail AS 说明, r.source_file AS 源文件, r.report_id
FROM checks c JOIN reports r USING (report_id)
WHERE NOT c.passed
ORDER BY r.agency, r.year, c."check";`,
  },
  {
    id: 'withheld-reasons',
    title: '不予公开的理由分布',
    sql: `-- 各类不予公开理由的件数(总计列;单一机关报告,避免与汇总报告重复计算)
SELECT a.row_zh AS 不予公开理由, sum(a.value) AS 件数
FROM applications a JOIN reports r USING (report_id)
WHERE a.row LIKE 'withheld_%' AND a.applicant = 'total' AND r.scope <> 'aggregate'
GROUP BY a.row, a.row_zh
ORDER BY 件数 DESC NULLS LAST, a.row;`,
  },
  {
    id: 'applicants',
    title: '新收申请的申请人构成',
    sql: `-- 各年度新收申请按申请人类别(单一机关报告)
SELECT r.year AS 年度, a.applicant_zh AS 申请人, sum(a.value) AS 新收申请
FROM applications a JOIN reports r USING (report_id)
WHERE a.row = 'new_received' AND a.applicant <> 'total' AND r.scope <> 'aggregate'
GROUP BY ALL
ORDER BY 年度, list_position(['natural_person', 'commercial', 'research', 'social_org', 'legal_service', 'other_org'], any_value(a.applicant));`,
  },
  {
    id: 'source-lines',
    title: '数字出自原文哪一行',
    sql: `-- 咸安区人民政府申请表总计列的每个数字,及其原文行号(点击 report_id 或 line 打开报告原文)
SELECT a.report_id, r.year AS 年度, a.row_zh AS 项目, a.value AS 数值, a.line
FROM applications a JOIN reports r USING (report_id)
WHERE r.agency = '咸安区人民政府' AND a.applicant = 'total'
ORDER BY r.year, a.line;`,
  },
  {
    id: 'agency-years',
    title: '某机关各年度并排对比',
    sql: agencyYearsSql('咸安区人民政府'),
  },
  {
    id: 'reports-by-province',
    title: '各省份报告数与状态',
    sql: `-- 各省级行政区的报告数量与解析状态
SELECT coalesce(province, '(未识别)') AS 省份,
  count(*) AS 报告数,
  count(*) FILTER (WHERE status = 'ok') AS 通过,
  count(*) FILTER (WHERE status = 'warnings') AS 有警告,
  count(*) FILTER (WHERE status = 'failed') AS 失败,
  count(*) FILTER (WHERE status = 'duplicate') AS 重复
FROM reports
GROUP BY ALL
ORDER BY 报告数 DESC;`,
  },
  {
    id: 'disputes',
    title: '复议诉讼纠错率',
    sql: `-- 行政复议、行政诉讼纠错率与争议转化率
SELECT agency AS 机关, year AS 年度, new_received AS 新收,
  review_total AS 复议, suit_total AS 诉讼,
  round(review_correction_rate, 4) AS 复议纠错率,
  round(suit_correction_rate, 4) AS 诉讼纠错率,
  round(dispute_rate, 4) AS 争议转化率
FROM report_indicators
WHERE review_total > 0 OR suit_total > 0
ORDER BY dispute_rate DESC NULLS LAST
LIMIT 50;`,
  },
];
