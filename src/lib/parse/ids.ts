/** Stable ids: the same source file, the same report id; the same agency, the same agency id. */
import { createHash } from 'node:crypto';

const h = (s: string, n: number) => createHash('sha256').update(s).digest('hex').slice(0, n);

/** `000_6694218b40946a51.txt` → `000_6694218b40946a51`; non-ASCII names → `r` + hash of the name. */
export function reportId(sourceFile: string): string {
  const name = sourceFile.split(/[\\/]/).pop() ?? sourceFile;
  const stem = name.replace(/\.(?:txt|html?|text)$/i, '');
  return /^[A-Za-z0-9_.-]{1,80}$/.test(stem) ? stem : `r${h(name, 16)}`;
}

/** URL-safe agency id: region code (when known) plus a hash of the normalised name. */
export function agencyId(agency: string, regionCode: string | null): string {
  return `${regionCode ?? 'x'}-${h(agency, 8)}`;
}
