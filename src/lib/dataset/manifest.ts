/** manifest.json: every published file (rows, bytes, SHA-256) and every input file with its status. */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';

export interface ManifestFile { file: string; table?: string; format: string; rows?: number; bytes: number; sha256: string; description: string }
/**
 * One input of the corpus. `error`: why a `failed` input was not read or not
 * parsed; `reason`: why a `skipped` one was not read, or why a `duplicate`
 * one is a duplicate (of `duplicate_of`). `superseded_by`: a correction of
 * the same agency and year counts instead (dataset/duplicates.ts).
 */
export interface ManifestInput {
  file: string; status: 'ok' | 'warnings' | 'failed' | 'duplicate' | 'skipped'; report_id: string | null; agency: string | null; year: number | null;
  error?: string; reason?: string; duplicate_of?: string; superseded_by?: string;
  /** Set when the file name is not valid UTF-8: how `file` was decoded from its bytes. */
  name_note?: string;
  /** A `warnings` input: its failed checks (at most MAX_WARNINGS, each detail at most MAX_DETAIL characters). */
  warnings?: { check: string; detail: string }[];
  /** Failed checks left out of `warnings`. */
  more_warnings?: number;
}

export const MAX_WARNINGS = 20;
export const MAX_DETAIL = 300;

/** The failed checks of a report, bounded for the manifest. */
export function warningsOf(checks: { check: string; passed: boolean; detail: string }[]): Pick<ManifestInput, 'warnings' | 'more_warnings'> {
  const failed = checks.filter((c) => !c.passed);
  if (!failed.length) return {};
  const warnings = failed.slice(0, MAX_WARNINGS).map((c) => ({ check: c.check, detail: c.detail.length > MAX_DETAIL ? c.detail.slice(0, MAX_DETAIL) + '…' : c.detail }));
  return failed.length > MAX_WARNINGS ? { warnings, more_warnings: failed.length - MAX_WARNINGS } : { warnings };
}
export interface Manifest {
  built_at: string; generator: string; reports: number; files: ManifestFile[]; inputs: ManifestInput[];
  /** Per-agency CSV downloads (`agencies/<agency_id>.csv`), one file per agency. */
  agency_csv?: { folder: string; files: number; bytes: number };
  /** Whole decoded texts of reports too long for their page (`sources/<report_id>.txt`, see limits.ts). */
  sources?: { folder: string; files: number; bytes: number };
}

export function describeFile(path: string, format: string, description: string, rows?: number, table?: string): ManifestFile {
  const buf = readFileSync(path);
  return {
    file: basename(path), ...(table ? { table } : {}), format, ...(rows !== undefined ? { rows } : {}),
    bytes: statSync(path).size, sha256: createHash('sha256').update(buf).digest('hex'), description,
  };
}
