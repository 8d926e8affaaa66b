/**
 * Archive pages (src/lib/site/archive.ts, scripts/postbuild.ts): with
 * DATA_BASE_URL set, older report pages are published with the data files.
 * Builds a crafted corpus (one agency, two years) into a temp folder.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { isArchivePath, pagePath, publicPage, siteRoot } from '../src/lib/site/archive.ts';
import { craft } from './fixtures/craft.ts';

const DATA = 'https://data.example.org/nianbao/';
const SITE = 'https://example.github.io';
const BASE = '/nianbao/';

describe('archive helpers', () => {
  it('publish only older report pages on the data host, and map back', () => {
    const a = 'https://d.example/x/pages/';
    expect(isArchivePath('agencies/abc/2023/')).toBe(true);
    expect(isArchivePath('agencies/abc/2023-2/')).toBe(true);
    expect(isArchivePath('agencies/abc/')).toBe(false);
    expect(isArchivePath('reports/r1/')).toBe(false);
    expect(publicPage('agencies/abc/2023/', a)).toBe(a + 'agencies/abc/2023/');
    expect(publicPage('agencies/abc/', a)).toBe('agencies/abc/');
    expect(publicPage('agencies/abc/2023/', null)).toBe('agencies/abc/2023/');
    expect(pagePath(publicPage('agencies/abc/2023/', a), a)).toBe('agencies/abc/2023/');
    expect(siteRoot('https://example.github.io/', '/nianbao')).toBe('https://example.github.io/nianbao/');
  });
});

describe('site build with DATA_BASE_URL', () => {
  let dir: string;
  let siteDir: string;
  let dataDir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'site-archive-'));
    const corpus = join(dir, 'corpus');
    mkdirSync(corpus);
    for (const year of [2022, 2023, 2024]) writeFileSync(join(corpus, `a-${year}.txt`), craft({ year, agency: '仙居县人民政府办公室' }));
    siteDir = join(dir, 'site');
    dataDir = join(dir, 'data');
    // vitest sets BASE_URL/MODE/DEV/PROD/SSR in process.env, which would override Astro's import.meta.env
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR'].includes(k) && !k.startsWith('VITEST')));
    const env = {
      ...inherited, CORPUS_DIR: corpus, DATA_OUT: dataDir, SITE_DATA_OUT: join(dir, 'generated'), SITE_OUT: siteDir,
      SITE_BASE: BASE, SITE_URL: SITE, DATA_BASE_URL: DATA, ASTRO_TELEMETRY_DISABLED: '1',
    };
    execFileSync(process.execPath, ['scripts/build-data.ts'], { env, stdio: 'ignore' });
    execFileSync('npm', ['run', '--silent', 'build:site'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  }, 300_000);
  afterAll(() => { if (dir && !process.env.KEEP_ARCHIVE_TEST) rmSync(dir, { recursive: true, force: true }); });

  const agencyDir = () => {
    const ids = readdirSync(join(siteDir, 'agencies'), { withFileTypes: true }).filter((d) => d.isDirectory());
    expect(ids).toHaveLength(1);
    return ids[0].name;
  };

  it('moves older report pages to DATA_OUT/pages and keeps the agency page on the site', () => {
    const id = agencyDir();
    expect(existsSync(join(siteDir, 'agencies', id, 'index.html'))).toBe(true);
    expect(existsSync(join(siteDir, 'agencies', id, '2023'))).toBe(false);
    for (const y of ['2022', '2023']) expect(existsSync(join(dataDir, 'pages', 'agencies', id, y, 'index.html'))).toBe(true);
    expect(existsSync(join(dataDir, 'pages', 'agencies', id, '2024'))).toBe(false);
  });

  it('archive pages link to the site absolutely, and their numbers to lines on the same page', () => {
    const id = agencyDir();
    const { document } = parseHTML(readFileSync(join(dataDir, 'pages', 'agencies', id, '2023', 'index.html'), 'utf8'));
    expect(document.querySelector('base')).toBeNull();
    const css = [...document.querySelectorAll('link[rel="stylesheet"]')].map((l) => l.getAttribute('href')!);
    expect(css.length).toBeGreaterThan(0);
    for (const h of css) {
      expect(h.startsWith(SITE + BASE)).toBe(true);
      expect(existsSync(join(siteDir, h.slice((SITE + BASE).length)))).toBe(true); // the stylesheet is on the site
    }
    expect(document.querySelectorAll('script[src]').length).toBe(0);
    const hrefs = [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!);
    const numbers = [...document.querySelectorAll('table.form td a')].map((a) => a.getAttribute('href')!);
    expect(numbers.length).toBeGreaterThan(10);
    for (const h of numbers) {
      expect(h).toMatch(/^#L\d+(c\d+)?$/); // the line, or the number's mark on it
      expect(document.getElementById(h.slice(1))).not.toBeNull();
    }
    const away = hrefs.filter((h) => !h.startsWith('#'));
    expect(away).toContain(`${SITE}${BASE}agencies/${id}/`); // breadcrumb + year nav to the agency page
    expect(away).toContain(`${DATA}pages/agencies/${id}/2022/`); // the other archived year, on the data host
    for (const h of away) expect(h.startsWith(SITE + BASE) || h.startsWith(DATA)).toBe(true);
  });

  it('the agency page, browse index and browse page link to archived pages absolutely', () => {
    const id = agencyDir();
    const agency = readFileSync(join(siteDir, 'agencies', id, 'index.html'), 'utf8');
    const { document } = parseHTML(agency);
    const years = [...document.querySelectorAll('ul.years a')].map((a) => a.getAttribute('href'));
    expect(years).toEqual([`${BASE}agencies/${id}/#latest`, `${DATA}pages/agencies/${id}/2023/`, `${DATA}pages/agencies/${id}/2022/`]);
    const index = JSON.parse(readFileSync(join(siteDir, 'browse', 'index.json'), 'utf8')) as { rows: string[][] };
    expect(index.rows.map((r) => r[0]).sort()).toEqual([`${DATA}pages/agencies/${id}/2022/`, `${DATA}pages/agencies/${id}/2023/`, `agencies/${id}/`].sort());
    const browse = parseHTML(readFileSync(join(siteDir, 'browse', 'index.html'), 'utf8')).document;
    const links = [...browse.querySelectorAll('#browse-table tbody a')].map((a) => a.getAttribute('href')).sort();
    expect(links).toEqual([`${DATA}pages/agencies/${id}/2022/`, `${DATA}pages/agencies/${id}/2023/`, `${BASE}agencies/${id}/`].sort());
  });
});
