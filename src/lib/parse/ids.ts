/** Stable ids: the same source file, the same report id; the same agency, the same agency id. */
import { createHash } from 'node:crypto';

const h = (s: string, n: number) => createHash('sha256').update(s).digest('hex').slice(0, n);

/** `000_6694218b40946a51.txt` → `000_6694218b40946a51`; non-ASCII names → `r` + hash of the name. */
export function reportId(sourceFile: string): string {
  const name = sourceFile.split(/[\\/]/).pop() ?? sourceFile;
  const stem = name.replace(/\.(?:txt|html?|text)$/i, '');
  return /^[A-Za-z0-9_.-]{1,80}$/.test(stem) ? stem : `r${h(name, 16)}`;
}

/**
 * The kind of body once its place is known: the name after its last place
 * word (`仙居县下各镇人民政府` → `人民政府`, `乌恰县人民政府办公室` → `人民政府办公室`).
 */
export function agencyRole(agency: string): string {
  const m = /(?:省|自治区|市|州|盟|地区|县|区|旗|乡|镇|苏木|街道)([^省市州盟县区旗乡镇]*)$/.exec(agency);
  return m && m[1] ? m[1] : agency;
}

/**
 * URL-safe agency id, stable across years: the resolved region code plus the
 * kind of body, so `下各镇人民政府` and `仙居县下各镇人民政府` are one agency;
 * without a region, a hash of the full name.
 */
export function agencyId(agency: string, regionCode: string | null): string {
  return regionCode ? `${regionCode}-${h(agencyRole(agency), 8)}` : `x-${h(agency, 12)}`;
}
