/** manifest.json: every published file (rows, bytes, SHA-256) and every input file with its status. */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';

export interface ManifestFile { file: string; table?: string; format: string; rows?: number; bytes: number; sha256: string; description: string }
/**
 * One input of the corpus. `error`: why a `failed` input was not read or not
 * parsed; `reason`: why a `skipped` one was not read.
 */
export interface ManifestInput {
  file: string; status: 'ok' | 'warnings' | 'failed' | 'skipped'; report_id: string | null; agency: string | null; year: number | null;
  error?: string; reason?: string;
  /** Set when the file name is not valid UTF-8: how `file` was decoded from its bytes. */
  name_note?: string;
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
