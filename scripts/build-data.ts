/**
 * Build the dataset from the corpus: `npm run build:data`.
 *   CORPUS_DIR     input folder (default data/)
 *   DATA_OUT       published data files (default public/data/, copied by Astro to dist/data/)
 *   SITE_DATA_OUT  JSON shaped for the pages (default src/generated/)
 */
import { cpSync, existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDataset } from '../src/lib/dataset/build.ts';

const corpusDir = process.env.CORPUS_DIR || 'data';
const dataOut = process.env.DATA_OUT || 'public/data';
const siteOut = process.env.SITE_DATA_OUT || 'src/generated';
const log = (m: string) => process.stderr.write(m + '\n');

const t0 = performance.now();
const { parsed, manifest, seconds, builtAt } = await buildDataset({ corpusDir, dataOut, log });
const counts = { ok: 0, warnings: 0, failed: 0, duplicate: 0, skipped: 0 };
for (const i of manifest.inputs) counts[i.status]++;

const siteModule = new URL('../src/lib/site/site-data.ts', import.meta.url);
if (existsSync(siteModule)) {
  const t = performance.now();
  const { writeSiteData } = await import(siteModule.href);
  await writeSiteData(parsed, siteOut, { builtAt });
  // Where the reports came from and how complete that is (methodology page).
  const { writeCollection } = await import('../src/lib/site/collection.ts');
  writeCollection(corpusDir, parsed.map((p) => p.report), siteOut);
  // Per-agency CSVs are data files: they live with the data (and move with DATA_BASE_URL).
  const csvDir = join(siteOut, 'site', 'csv');
  if (existsSync(csvDir)) {
    const target = join(dataOut, 'agencies');
    rmSync(target, { recursive: true, force: true });
    cpSync(csvDir, target, { recursive: true });
    rmSync(csvDir, { recursive: true, force: true });
    const files = readdirSync(target);
    manifest.agency_csv = { folder: 'agencies/', files: files.length, bytes: files.reduce((n, f) => n + statSync(join(target, f)).size, 0) };
    writeFileSync(join(dataOut, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  }
  log(`  已生成网站数据 ${siteOut} (${((performance.now() - t) / 1000).toFixed(1)} 秒)`);
}
log(`完成:${manifest.inputs.length} 个输入文件 — 通过 ${counts.ok},有警告 ${counts.warnings},失败 ${counts.failed},重复 ${counts.duplicate},跳过 ${counts.skipped}。` +
  `解析 ${seconds.parse.toFixed(1)} 秒,写出 ${seconds.write.toFixed(1)} 秒,共 ${((performance.now() - t0) / 1000).toFixed(1)} 秒。输出在 ${dataOut}/`);
