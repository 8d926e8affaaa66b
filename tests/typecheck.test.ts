/** The whole project (src, scripts, tests) type-checks under strict TypeScript. */
import { expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';

it('type-checks with tsc --noEmit', () => {
  const r = spawnSync('npx', ['tsc', '--noEmit', '-p', '.'], { encoding: 'utf8' });
  expect(r.stdout + r.stderr.split('\n').filter((l) => !/npm warn/.test(l)).join('\n')).toBe('');
  expect(r.status).toBe(0);
}, 180_000);
