/**
 * Builds the dataset and the site once, under a non-root base path, and serves
 * it for the browser tests: `inject('siteUrl')`. Set SKIP_SITE_BUILD=1 to reuse
 * an existing build in .cache/test-site.
 */
import type { TestProject } from 'vitest/node';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { serveStatic, type StaticServer } from '../scripts/lib/static-server.ts';

export const TEST_BASE = '/nianbao/';
export const TEST_OUT = '.cache/test-site';

let server: StaticServer | undefined;

export default async function setup(project: TestProject) {
  const env = { ...process.env, SITE_BASE: TEST_BASE, SITE_OUT: TEST_OUT, ASTRO_TELEMETRY_DISABLED: '1' };
  if (!(process.env.SKIP_SITE_BUILD && existsSync(`${TEST_OUT}/index.html`))) {
    const t = Date.now();
    execFileSync('npm', ['run', '--silent', 'build'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    console.log(`[global-setup] built test site under ${TEST_BASE} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  server = await serveStatic(TEST_OUT, TEST_BASE);
  project.provide('siteUrl', server.url);
  project.provide('siteDir', TEST_OUT);
  return async () => { await server?.close(); };
}

declare module 'vitest' {
  export interface ProvidedContext { siteUrl: string; siteDir: string }
}
