/**
 * datapackage.json: a Frictionless (Tabular) Data Package describing every
 * published file, generated from the one schema in src/lib/schema.ts (and
 * the wide CSV's columns from wide.ts), with each file's size and SHA-256
 * from the manifest. Tools such as `frictionless validate datapackage.json`
 * or Data Package readers in R/Python load the tables with their types.
 *
 * Spec: https://specs.frictionlessdata.io/data-package/ (v1; `hash` with a
 * `sha256:` prefix, Table Schema field types, CSV dialect).
 */
import { APP_ROW_CODES, APPLICANT_CODES, CHECKS, ITEMS, LEVELS, METRICS, OUTCOME_CODES, PROCEEDING_CODES, SCOPES, STATUSES, TABLES, type ColumnType } from '../schema.ts';
import { wideColumns } from './wide.ts';
import type { Manifest, ManifestFile } from './manifest.ts';
import { DATASET } from './about.ts';

const TYPES: Record<ColumnType, string> = { VARCHAR: 'string', INTEGER: 'integer', DOUBLE: 'number', BOOLEAN: 'boolean', DATE: 'date' };

/** Code columns whose values are a closed list. */
const ENUMS: Record<string, Record<string, readonly string[]>> = {
  reports: { level: Object.keys(LEVELS), scope: Object.keys(SCOPES), status: Object.keys(STATUSES), template: ['2019', '2021'] },
  active_disclosure: { item: Object.keys(ITEMS), metric: Object.keys(METRICS) },
  applications: { row: APP_ROW_CODES, applicant: APPLICANT_CODES },
  reviews: { proceeding: PROCEEDING_CODES, outcome: OUTCOME_CODES },
  checks: { check: Object.keys(CHECKS) },
};

const MEDIA: Record<string, { format: string; mediatype: string }> = {
  csv: { format: 'csv', mediatype: 'text/csv' },
  parquet: { format: 'parquet', mediatype: 'application/vnd.apache.parquet' },
  json: { format: 'json', mediatype: 'application/json' },
  duckdb: { format: 'duckdb', mediatype: 'application/octet-stream' },
};

export interface DataPackageOptions {
  version: string;
  /** Absolute URL of the site (homepage), when known. */
  homepage?: string;
  /** Where the real reports came from (data/**\/SOURCES.tsv), for `sources`. */
  sources?: { title: string; path: string }[];
}

function tableSchema(name: string) {
  const t = TABLES.find((x) => x.name === name)!;
  return {
    fields: t.columns.map((c) => {
      const enumValues = ENUMS[t.name]?.[c.name];
      return {
        name: c.name, type: TYPES[c.type], title: c.zh, description: c.en,
        ...(c.type === 'DATE' ? { format: 'default' } : {}),
        ...(c.name === 'report_id' || enumValues ? { constraints: { ...(c.name === 'report_id' ? { required: true } : {}), ...(enumValues ? { enum: [...enumValues] } : {}) } } : {}),
      };
    }),
    missingValues: [''],
    ...(t.name === 'reports'
      ? { primaryKey: ['report_id'] }
      : { foreignKeys: [{ fields: ['report_id'], reference: { resource: 'reports', fields: ['report_id'] } }] }),
  };
}

const sizes = (f: ManifestFile) => ({ bytes: f.bytes, hash: `sha256:${f.sha256}` });

export function dataPackage(m: Manifest, o: DataPackageOptions) {
  const byFile = new Map(m.files.map((f) => [f.file, f]));
  const resources: Record<string, unknown>[] = [];
  for (const t of TABLES) {
    // The CSV is the table's main resource (named like the table, so foreign keys resolve); Parquet and JSON are the same rows.
    for (const ext of ['csv', 'parquet', 'json']) {
      const f = byFile.get(`${t.name}.${ext}`);
      if (!f) continue;
      resources.push({
        name: ext === 'csv' ? t.name : `${t.name}-${ext}`,
        path: f.file,
        profile: 'tabular-data-resource',
        title: `${t.zh}(${ext.toUpperCase()})`,
        description: t.en,
        ...MEDIA[ext],
        ...(ext === 'csv' ? { encoding: 'utf-8', dialect: { delimiter: ',', header: true, doubleQuote: true, lineTerminator: '\n' } } : {}),
        ...sizes(f),
        ...(f.rows !== undefined ? { rows: f.rows } : {}),
        schema: tableSchema(t.name),
      });
    }
  }
  const wide = byFile.get('reports_wide.csv');
  if (wide) {
    resources.push({
      name: 'reports_wide', path: wide.file, profile: 'tabular-data-resource',
      title: '宽表:每份报告一行,每个表格单元格一列(中文列名)',
      description: 'one row per report, one column per table cell, Chinese column headers (the `description` of each field is its code)',
      ...MEDIA.csv, encoding: 'utf-8', dialect: { delimiter: ',', header: true, doubleQuote: true, lineTerminator: '\n' },
      ...sizes(wide), ...(wide.rows !== undefined ? { rows: wide.rows } : {}),
      schema: {
        fields: wideColumns().map((c) => ({
          name: c.header, description: c.name,
          type: c.name === 'year' ? 'integer' : c.name === 'published_on' ? 'date' : /^(active|app|review)_/.test(c.name) ? 'number' : 'string',
        })),
        missingValues: [''],
        primaryKey: ['报告编号'],
      },
    });
  }
  const db = byFile.get('dataset.duckdb');
  if (db) {
    resources.push({
      name: 'dataset-duckdb', path: db.file, title: '全部表格的 DuckDB 数据库', ...MEDIA.duckdb, ...sizes(db),
      description: `DuckDB database (storage version v1.0.0) with the tables ${TABLES.map((t) => t.name).join(', ')} and the views report_indicators, applications_wide, report_pages, failed_checks; ATTACH its URL read-only.`,
    });
  }
  resources.push({
    name: 'manifest', path: 'manifest.json', format: 'json', mediatype: 'application/json',
    title: '文件清单与输入文件状态', description: 'every published file with rows, bytes and SHA-256, and every input file with its status',
  });
  return {
    profile: 'tabular-data-package',
    name: DATASET.name,
    title: `${DATASET.title} (${DATASET.titleEn})`,
    description: `${DATASET.description}另有每个机关一份 CSV:agencies/<agency_id>.csv。\n\n${DATASET.descriptionEn} `
      + 'CSV files are UTF-8 with a byte order mark (for Excel); per-agency CSVs are at agencies/<agency_id>.csv.',
    version: o.version,
    created: m.built_at,
    ...(o.homepage ? { homepage: o.homepage, id: o.homepage } : {}),
    keywords: ['政府信息公开', '年度报告', 'government information disclosure', 'China', 'open data'],
    licenses: [{ name: DATASET.licence.name, path: DATASET.licence.path, title: DATASET.licence.title }],
    contributors: [{ title: DATASET.publisher, role: 'publisher' }],
    ...(o.sources?.length ? { sources: o.sources } : {}),
    resources,
  };
}
