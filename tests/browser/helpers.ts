/**
 * Shared by the browser tests of pages (not the SQL page): open a page of the
 * built test site, find an agency's page by name, run axe.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { watch } from './browser.ts';

const require = createRequire(import.meta.url);
export const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** `[id, name, initials, pinyin, province, city, county]` as search/names.json holds them. */
export type NameRow = string[];

export async function names(siteUrl: string): Promise<NameRow[]> {
  const res = await fetch(new URL('search/names.json', siteUrl));
  return (await res.json()) as NameRow[];
}

/** The agency page whose name is `name`, via the search names index. */
export async function agencyPath(siteUrl: string, name: string): Promise<string> {
  const hit = (await names(siteUrl)).find((n) => n[1] === name);
  if (!hit) throw new Error(`agency ${name} not in names.json`);
  return `agencies/${hit[0]}/`;
}

export async function open(target: Browser | BrowserContext, siteUrl: string, path: string) {
  const page = await target.newPage();
  const w = watch(page, new URL(siteUrl).origin);
  const res = await page.goto(new URL(path, siteUrl).href, { waitUntil: 'networkidle' });
  return { page, w, status: res?.status() ?? 0 };
}

/** A path under the base from an absolute or relative href on `page`. */
export function pathOf(siteUrl: string, href: string, from = siteUrl): string {
  const u = new URL(href, from);
  return u.pathname.slice(new URL(siteUrl).pathname.length) + u.search;
}

/** Serious and critical axe violations on the page, as readable lines. */
export async function axeSerious(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    // @ts-expect-error axe is injected
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical')
      .map((v: { id: string; nodes: { target: string[] }[] }) => `${v.id} (${v.nodes.length}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
}
