/**
 * The Content-Security-Policy every page carries as a `<meta>` tag (GitHub
 * Pages sends no headers). Pages may only connect to the site itself and, when
 * set, the data host (DATA_BASE_URL); nothing else is loaded from anywhere
 * else. Workers are the site's own or `blob:` ones, which inherit this policy:
 * the SQL page starts DuckDB-WASM in a blob worker so that this connect-src
 * also holds for every request the engine makes (src/scripts/sql/db.ts).
 * `'wasm-unsafe-eval'`: DuckDB-WASM and Pagefind compile WebAssembly.
 * Inline scripts and styles stay allowed: Astro inlines small page scripts and
 * scoped styles, and charts carry style attributes.
 *
 * With DATA_BASE_URL set, every page loads its stylesheet and scripts from
 * the absolute site URL (astro.config.mjs `build.assetsPrefix`), and archived
 * report pages are served by the data host (lib/site/archive.ts): then the
 * site's origin (`siteUrl`) is allowed by name too.
 */
const origin = (u: string | undefined): string | null => {
  if (!u) return null;
  try { return new URL(u).origin; } catch { return null; }
};

export interface CspOptions { dataBaseUrl?: string; siteUrl?: string }

export function contentSecurityPolicy({ dataBaseUrl, siteUrl }: CspOptions = {}): string {
  const data = origin(dataBaseUrl);
  const site = data ? origin(siteUrl) : null;
  const self = ["'self'", ...(site ? [site] : [])];
  const directives: [string, string[]][] = [
    ['default-src', self],
    ['script-src', [...self, "'unsafe-inline'", "'wasm-unsafe-eval'"]],
    ['style-src', [...self, "'unsafe-inline'"]],
    ['img-src', [...self, 'data:', 'blob:']],
    ['font-src', [...self, 'data:']],
    ['connect-src', [...self, ...(data ? [data] : [])]],
    ['worker-src', ["'self'", 'blob:']],
    ['frame-src', ["'none'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', [...self]],
  ];
  return directives.map(([k, v]) => `${k} ${[...new Set(v)].join(' ')}`).join('; ');
}
