/**
 * package-lock.json is complete, so `npm ci` accepts it and `npm install` on a
 * fresh clone leaves it unchanged: every dependency of every locked package —
 * optional ones for other platforms included (npm keeps them in the lock for
 * every platform) — has its own entry, found the way Node resolves it.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';

interface Entry { version?: string; dependencies?: Record<string, string>; optionalDependencies?: Record<string, string>; devDependencies?: Record<string, string>; peerDependencies?: Record<string, string>; peerDependenciesMeta?: Record<string, { optional?: boolean }> }
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { lockfileVersion: number; packages: Record<string, Entry> };
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as Entry;

/** The lock entry Node would load for `name` required from the package at `from` ('' = the root). */
function resolve(from: string, name: string): string | null {
  let dir = from;
  for (;;) {
    const key = (dir ? dir + '/' : '') + 'node_modules/' + name;
    if (lock.packages[key]) return key;
    if (!dir) return null;
    const i = dir.lastIndexOf('/node_modules/');
    dir = i < 0 ? '' : dir.slice(0, i);
  }
}

describe('package-lock.json', () => {
  it('is lockfile version 3 and lists what package.json asks for', () => {
    expect(lock.lockfileVersion).toBe(3);
    const root = lock.packages[''];
    expect(root.dependencies).toEqual(pkg.dependencies);
    expect(root.devDependencies).toEqual(pkg.devDependencies);
  });

  it('has an entry for every dependency of every locked package, other platforms\' optional ones too', () => {
    const missing: string[] = [];
    for (const [path, e] of Object.entries(lock.packages)) {
      const deps = { ...e.dependencies, ...e.optionalDependencies, ...(path === '' ? e.devDependencies : {}) };
      for (const name of Object.keys(deps)) if (!resolve(path, name)) missing.push(`${path || '(root)'} → ${name}`);
    }
    expect(missing).toEqual([]);
  });
});
