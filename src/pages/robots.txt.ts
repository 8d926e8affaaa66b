/**
 * robots.txt: everything may be crawled; names the sitemap (absolute URL,
 * SITE_URL + base). Crawlers read robots.txt only at a host's root, so under a
 * project sub-path (GitHub Pages' /<repo>/) it takes effect with a custom
 * domain; the sitemap can also be submitted to search engines directly.
 */
import type { APIRoute } from 'astro';
import { siteRoot } from '../lib/site/archive.ts';

export const GET: APIRoute = ({ site }) => new Response(
  `User-agent: *\nAllow: /\n\nSitemap: ${siteRoot(site, import.meta.env.BASE_URL)}sitemap.xml\n`,
  { headers: { 'content-type': 'text/plain; charset=utf-8' } },
);
