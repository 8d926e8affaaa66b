/**
 * Archive pages: when DATA_BASE_URL is set at site build time, every OLDER
 * report page (`agencies/<agency_id>/<year>/`, i.e. not the agency page, which
 * holds the latest report) is published with the data files, at
 * `<DATA_BASE_URL>pages/agencies/<agency_id>/<year>/`: those pages are documents
 * about the data (tables + source text) and most of the site's bytes.
 * `scripts/postbuild.ts` moves them there after `astro build`.
 *
 * Site data keeps each report's `page` as a path under the base; the loaders
 * (load.ts) turn an archived one into its absolute URL with `publicPage`, so
 * every link (agency, browse, quality, compare pages) uses it as is. Without
 * DATA_BASE_URL nothing changes: every page is on the site, linked relatively.
 */

/** `agencies/<id>/<year>/` (also `2023-2`, `n`): an older report page, published on the data host. */
export function isArchivePath(page: string): boolean {
  return /^agencies\/[^/]+\/[^/]+\/$/.test(page);
}

const slash = (s: string) => (s.endsWith('/') ? s : s + '/');

/** `<DATA_BASE_URL>pages/` when archive pages are on, else null. */
export function archiveBase(dataBase: string | undefined = process.env.DATA_BASE_URL): string | null {
  return dataBase ? slash(dataBase) + 'pages/' : null;
}

/** Where a report page is published: absolute on the data host when archived, else the path under the base. */
export function publicPage(page: string, archive: string | null = archiveBase()): string {
  return archive && isArchivePath(page) ? archive + page : page;
}

/** The path under the base of a report page given as published (inverse of publicPage). */
export function pagePath(page: string, archive: string | null = archiveBase()): string {
  return archive && page.startsWith(archive) ? page.slice(archive.length) : page;
}

/** Absolute URL of the site root (SITE_URL + base), for links from pages served by the data host. */
export function siteRoot(site: string | URL | undefined, base: string): string {
  const origin = String(site ?? '').replace(/\/+$/, '');
  return origin + slash(base.startsWith('/') ? base : '/' + base);
}
