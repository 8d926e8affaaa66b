import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { browseIndex, rankValues, reportPages, writeSiteData } from '../src/lib/site/site-data.ts';
import { flaggedCells } from '../src/lib/site/check-cells.ts';
import { sampleReport } from '../src/lib/site/sample.ts';
import type { AgencyData, RegionData, SiteMeta, ReportPageData, QualityEntry, ReportSummary, CompareGroup } from '../src/lib/site/types.ts';

const read = <T>(dir: string, f: string): T => JSON.parse(readFileSync(join(dir, 'site', f), 'utf8'));

describe('rankValues', () => {
  it('ranks highest first, ties share a rank, NULL is not ranked', () => {
    const r = rankValues([{ id: 'a', value: 0.5 }, { id: 'b', value: 0.9 }, { id: 'c', value: 0.5 }, { id: 'd', value: null }]);
    expect(r.get('b')).toEqual({ rank: 1, of: 3, percentile: 100 });
    expect(r.get('a')).toEqual({ rank: 2, of: 3, percentile: 67 });
    expect(r.get('c')?.rank).toBe(2);
    expect(r.has('d')).toBe(false);
  });
});

describe('reportPages', () => {
  it('puts the latest report on the agency page, older ones under their year, duplicates suffixed', () => {
    const p = reportPages([
      { report_id: 'b', agency_id: 'x', year: 2023 },
      { report_id: 'a', agency_id: 'x', year: 2023 },
      { report_id: 'c', agency_id: 'x', year: 2024 },
      { report_id: 'd', agency_id: 'x', year: null },
      { report_id: 'e', agency_id: null, year: 2024 },
      { report_id: 'f', agency_id: 'y', year: 2022 },
      { report_id: 'g', agency_id: 'y', year: 2022 },
    ]);
    expect(Object.fromEntries(p)).toEqual({
      a: 'agencies/x/2023/', b: 'agencies/x/2023-2/', c: 'agencies/x/', d: 'agencies/x/n/', e: 'reports/e/',
      f: 'agencies/y/', g: 'agencies/y/2022-2/',
    });
  });
});

describe('flaggedCells', () => {
  it('pins a broken balance to its column', () => {
    const r = sampleReport({ id: 'x' });
    r.applications.find((c) => c.row === 'new_received' && c.applicant === 'total')!.value = 99;
    r.checks = [{ check: 'balance', passed: false, detail: '总计列:99+1≠15+1' }];
    const f = flaggedCells(r);
    expect(f['p:new_received:total']).toEqual(['balance']);
    expect(f['p:carried_forward:total']).toEqual(['balance']);
    expect(f['p:new_received:natural_person']).toBeUndefined();
  });
  it('flags unprinted cells for missing_cells and nothing when all checks pass', () => {
    const r = sampleReport({ id: 'y' });
    expect(flaggedCells(r)).toEqual({});
    r.applications.find((c) => c.row === 'granted' && c.applicant === 'total')!.value = null;
    r.checks = [{ check: 'missing_cells', passed: false, detail: '1 个单元格未填报' }];
    expect(Object.keys(flaggedCells(r))).toEqual(['p:granted:total']);
  });
});

describe('writeSiteData', () => {
  it('writes per-agency, per-source and region files that respect scope', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'site-data-'));
    try {
      const reports = [
        sampleReport({ id: 'r1', agency: '咸安区人民政府', agency_id: 'xianan', year: 2024, granted: 41 }),
        sampleReport({ id: 'r2', agency: '咸安区人民政府', agency_id: 'xianan', year: 2023, granted: 30 }),
        sampleReport({ id: 'r3', agency: '咸宁市人民政府', agency_id: 'xianning', year: 2024, level: 'city', scope: 'aggregate', granted: 500 }),
        sampleReport({ id: 'r4', agency: '通山县人民政府', agency_id: 'tongshan', year: 2024, granted: 5, status: 'warnings' }),
        sampleReport({ id: 'r5', agency: '某乡', agency_id: 'mou', year: 2024, province: null, city: null, status: 'failed' }),
      ];
      reports[3].checks = [{ check: 'balance', passed: false, detail: '不平衡', cause: 'source' }];
      reports[4].error = '找不到申请表';
      await writeSiteData(reports.map((report) => ({ report, lines: ['第一行', '第二行'] })), dir);

      const meta = read<SiteMeta>(dir, 'meta.json');
      expect(meta.reports).toBe(5);
      expect(meta.agencies).toBe(4);
      expect(meta.status).toEqual({ ok: 3, warnings: 1, failed: 1, duplicate: 0 });
      expect(meta.provinces.map((p) => p.slug)).toEqual(['42', 'unknown']);

      const agency = read<AgencyData>(dir, 'agency/xianan.json');
      expect(agency.reports.map((r) => r.year)).toEqual([2024, 2023]);
      expect(agency.agency.initials).toBe('xaqrmzf');
      expect(agency.reports[0].indicators.granted_rate.numerator).toBe(41);
      // peers: county reports of 湖北 in 2024 are r1 and r4 (r3 is city level)
      expect(agency.reports[0].peers?.n).toBe(2);
      expect(agency.reports[0].peers?.ranks.granted_rate?.rank).toBe(1);
      expect(readdirSync(join(dir, 'site', 'agency')).sort()).toEqual(['mou.json', 'tongshan.json', 'xianan.json', 'xianning.json']);

      // the latest report is on the agency page, the older one has its own page
      expect(agency.reports.map((r) => r.page)).toEqual(['agencies/xianan/', 'agencies/xianan/2023/']);
      const src = read<ReportPageData>(dir, 'report/r2.json');
      expect(src.lines).toEqual(['第一行', '第二行']);
      expect(src.used.length).toBeGreaterThan(0);
      expect(src.report.report_id).toBe('r2');
      expect(src.siblings.map((x) => x.page)).toEqual(['agencies/xianan/', 'agencies/xianan/2023/']);
      expect(readdirSync(join(dir, 'site', 'report')).length).toBe(5);
      // per-agency CSV written once, for the site or the data host
      expect(readFileSync(join(dir, 'site', 'csv', 'xianan.csv'), 'utf8').startsWith('\ufefftable,row,column')).toBe(true);

      // 2024 roll-up in 湖北: office reports r1 + r4, aggregate r3 kept apart
      const hubei = read<RegionData>(dir, 'region/42.json');
      const y24 = hubei.rollups.filter((r) => r.year === 2024);
      expect(y24.map((r) => r.scope).sort()).toEqual(['aggregate', 'office']);
      expect(y24.find((r) => r.scope === 'office')!.indicators.granted_rate.numerator).toBe(46);
      expect(y24.find((r) => r.scope === 'aggregate')!.indicators.granted_rate.numerator).toBe(500);
      expect(hubei.cities.map((c) => c.slug)).toEqual(['4212']);

      const quality = read<QualityEntry[]>(dir, 'quality.json');
      expect(quality.map((q) => q.id)).toEqual(['r5', 'r4']);
      expect(quality[0].error).toBe('找不到申请表');
      expect(quality[1].failed).toEqual([{ check: 'balance', detail: '不平衡', cause: 'source' }]);

      const summaries = read<ReportSummary[]>(dir, 'reports.json');
      expect(summaries.at(-1)!.id).toBe('r5'); // unknown province sorts last
      const idx = read<ReturnType<typeof browseIndex>>(dir, 'browse-index.json');
      expect(idx.rows.length).toBe(5);
      expect(idx.dict[idx.rows[0][2] as number]).toBe(summaries[0].agency);
      expect(idx.rows.map((r) => r[0])).toEqual(summaries.map((x) => x.page));

      const cmp = read<CompareGroup>(dir, 'compare/42-county.json');
      expect(cmp.years[0].rows.map((r) => r.agency_id).sort()).toEqual(['tongshan', 'xianan']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('agencyCsv', () => {
  it('is UTF-8 with BOM, one row per cell, one column per year, NULL as empty', async () => {
    const { agencyCsv } = await import('../src/lib/site/agency-csv.ts');
    const Papa = (await import('papaparse')).default;
    const a = sampleReport({ id: 'a', year: 2024, granted: 41 });
    const b = sampleReport({ id: 'b', year: 2023, granted: 30 });
    b.applications.find((c) => c.row === 'granted' && c.applicant === 'total')!.value = null;
    const csv = agencyCsv({ agency: {} as never, reports: [a, b].map((r) => ({ ...r, page: '', indicators: {} as never, flags: {}, peers: null })) });
    expect(csv.startsWith('\ufeff')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(parsed[0]).toEqual(['table', 'row', 'column', '项目', '列', '2023', '2024']);
    const granted = parsed.find((r) => r[1] === 'granted' && r[2] === 'total')!;
    expect(granted.slice(5)).toEqual(['', '41']);
    expect(parsed.length - 1).toBe(a.applications.length + a.reviews.length + a.active_disclosure.length);
  });
});

describe('browsePages', () => {
  it('pages the whole list and one list per year, status and province (no per-level copies)', async () => {
    const { browsePages } = await import('../src/lib/site/browse.ts');
    const rows = Array.from({ length: 7 }, (_, i) => ({ id: `r${i}`, year: 2020 + (i % 2), status: i < 5 ? 'ok' : 'warnings', province_slug: `p${i % 3}`, level: 'county' }) as unknown as ReportSummary);
    const pages = browsePages(rows, {} as SiteMeta, 3);
    const lists = new Map<string, string[]>();
    for (const p of pages) lists.set(`${p.facet}:${p.value}`, [...(lists.get(`${p.facet}:${p.value}`) ?? []), ...p.rows.map((r) => r.id)]);
    expect([...lists.keys()].sort()).toEqual(['all:', 'province:p0', 'province:p1', 'province:p2', 'status:ok', 'status:warnings', 'year:2020', 'year:2021']);
    expect(lists.get('province:p1')).toEqual(['r1', 'r4']);
    expect(lists.get('all:')).toEqual(rows.map((r) => r.id));
    expect(pages.filter((p) => p.facet === 'all').map((p) => p.rows.length)).toEqual([3, 3, 1]);
    expect(lists.get('year:2021')).toEqual(['r1', 'r3', 'r5']);
    expect(lists.get('status:warnings')).toEqual(['r5', 'r6']);
  });
});

describe('charts', () => {
  it('an agency whose counts are all zero gets a chart without NaN ticks, its zeros labelled 0', async () => {
    const { barsByYear } = await import('../src/lib/site/charts.ts');
    const { svg } = barsByYear([{ year: 2023, value: 0 }, { year: 2024, value: 0 }], { label: '本年新收申请', unit: '件' });
    expect(svg).toContain('<svg');
    expect(svg).not.toContain('NaN');
    expect(svg.match(/<text[^>]*>0<\/text>/g)?.length).toBeGreaterThanOrEqual(3); // the 0 tick and one 0 per bar
  });

  it('counts get whole-number ticks in Chinese number style', async () => {
    const { countTicks, zhNum } = await import('../src/lib/site/chart-format.ts');
    expect(countTicks(3).ticks).toEqual([0, 1, 2, 3]);
    expect(countTicks(97)).toEqual({ ticks: [0, 20, 40, 60, 80, 100], top: 100 });
    for (const max of [1, 2, 7, 13, 55, 999, 123456]) expect(countTicks(max).ticks.every(Number.isInteger)).toBe(true);
    expect([0, 8, 1234, 35000, 123456, 1.5e6, 2.35e8].map(zhNum)).toEqual(['0', '8', '1,234', '35,000', '12.3万', '150万', '2.35亿']);
    const { barsByYear } = await import('../src/lib/site/charts.ts');
    const { svg } = barsByYear([{ year: 2023, value: 1 }, { year: 2024, value: 3 }], { label: 'x', unit: '件' });
    const ticks = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(ticks).not.toContain('0.5');
    expect(ticks.join(' ')).not.toMatch(/\dk\b/);
  });

  it('one year is one narrow bar, not a bar across the chart', async () => {
    const { barsByYear, WIDTH } = await import('../src/lib/site/charts.ts');
    const { svg } = barsByYear([{ year: 2024, value: 96 }], { label: 'x', unit: '件' });
    const widths = [...svg.matchAll(/<rect[^>]* width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths.length).toBe(1);
    expect(widths[0]).toBeLessThanOrEqual(36);
    expect(WIDTH).toBeLessThanOrEqual(340);
  });
});
