// @ts-check
import { defineConfig } from 'astro/config';

/**
 * Site URL and base path come from the environment so the same build works on
 * GitHub Pages under a sub-path (SITE_BASE=/nianbao) or at a domain root.
 *   SITE_URL   e.g. https://example.github.io   (default http://localhost:4321)
 *   SITE_BASE  e.g. /nianbao                     (default /)
 *   SITE_OUT   output folder                     (default dist)
 *   DATA_BASE_URL  data host (see docs/deployment.md): asset URLs become absolute
 */
// No usage data leaves the machine from any build (telemetry is read lazily, after the config loads).
process.env.ASTRO_TELEMETRY_DISABLED = '1';

const base = process.env.SITE_BASE || '/';
const site = process.env.SITE_URL || 'http://localhost:4321';
/**
 * DATA_BASE_URL set: older report pages are published on the data host
 * (src/lib/site/archive.ts), so asset URLs are absolute (SITE_URL + base) for
 * them to load the site's stylesheet from there. Otherwise relative to the base.
 */
const assetsPrefix = process.env.DATA_BASE_URL ? site.replace(/\/+$/, '') + (base.startsWith('/') ? base : '/' + base).replace(/\/+$/, '') : undefined;

export default defineConfig({
  site,
  base,
  outDir: process.env.SITE_OUT || 'dist',
  trailingSlash: 'always',
  build: { format: 'directory', assetsPrefix },
  devToolbar: { enabled: false },
  vite: {
    build: { chunkSizeWarningLimit: 2000 },
    optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  },
});
