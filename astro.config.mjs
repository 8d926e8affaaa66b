// @ts-check
import { defineConfig } from 'astro/config';

/**
 * Site URL and base path come from the environment so the same build works on
 * GitHub Pages under a sub-path (SITE_BASE=/nianbao) or at a domain root.
 *   SITE_URL   e.g. https://example.github.io   (default http://localhost:4321)
 *   SITE_BASE  e.g. /nianbao                     (default /)
 *   SITE_OUT   output folder                     (default dist)
 */
const base = process.env.SITE_BASE || '/';

export default defineConfig({
  site: process.env.SITE_URL || 'http://localhost:4321',
  base,
  outDir: process.env.SITE_OUT || 'dist',
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  vite: {
    build: { chunkSizeWarningLimit: 2000 },
    optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  },
});
