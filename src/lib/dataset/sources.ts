/**
 * Where the corpus's reports came from: every `SOURCES.tsv` under the corpus
 * folder (columns file, repository, path, commit, agency, year; one row per
 * report file in that folder), read for the methodology page and the data
 * package's `sources`.
 */
import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { listCorpus, type CorpusEntry } from './corpus.ts';

export interface SourceRow {
  /** Path of the report file in the corpus (as in reports.source_file / the manifest). */
  file: string;
  repository: string;
  path: string;
  commit: string;
  agency: string;
  year: number | null;
}

/**
 * Every SOURCES.tsv under `dir`, its rows with `file` relative to `dir`. The
 * files are found by the corpus listing (corpus.ts: links never followed,
 * names as bytes, hidden folders not entered); `entries` reuses a listing.
 */
export function readSources(dir: string, entries?: CorpusEntry[]): SourceRow[] {
  const out: SourceRow[] = [];
  if (!existsSync(dir)) return out;
  for (const e of entries ?? listCorpus(dir)) {
    const name = e.file.slice(e.file.lastIndexOf('/') + 1);
    if (name !== 'SOURCES.tsv' || e.status !== 'skipped' || !lstatSync(e.abs).isFile()) continue;
    const folder = e.file.slice(0, e.file.length - name.length);
    const lines = readFileSync(e.abs, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim());
    if (!lines.length) continue;
    const head = lines[0].split('\t');
    const col = (k: string) => head.indexOf(k);
    for (const l of lines.slice(1)) {
      const c = l.split('\t');
      const get = (k: string) => (col(k) >= 0 ? c[col(k)] ?? '' : '');
      const year = Number(get('year'));
      out.push({
        file: folder + get('file'), repository: get('repository'), path: get('path'),
        commit: get('commit'), agency: get('agency'), year: Number.isInteger(year) && year > 0 ? year : null,
      });
    }
  }
  return out;
}

/** A repository name `owner/name` as a GitHub URL (the archives named in SOURCES.tsv are on GitHub). */
export const repositoryUrl = (repo: string) => (/^[\w.-]+\/[\w.-]+$/.test(repo) ? `https://github.com/${repo}` : repo);

/** `sources` of the data package: one entry per repository. */
export function packageSources(rows: SourceRow[]): { title: string; path: string }[] {
  const by = new Map<string, number>();
  for (const r of rows) by.set(r.repository, (by.get(r.repository) ?? 0) + 1);
  return [...by].map(([repo, n]) => ({ title: `${repo}(${n} 份报告的网页存档)`, path: repositoryUrl(repo) }));
}
