/** Pages of the data-quality list (every report that is not ok). */
import type { QualityEntry } from './types.ts';
import { QUALITY_PAGE_SIZE } from './site-data.ts';

export function qualityPage(all: QualityEntry[], page: number) {
  const pages = Math.max(1, Math.ceil(all.length / QUALITY_PAGE_SIZE));
  return { pages, entries: all.slice((page - 1) * QUALITY_PAGE_SIZE, page * QUALITY_PAGE_SIZE) };
}
export const qualityPath = (page: number) => (page === 1 ? 'quality/' : `quality/${page}/`);
