/**
 * The add-on image and the npm package run the committed bundle and install from the
 * committed runtime lock, so both must match the sources and the tested versions.
 */
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUNDLE, buildBundle, GENERATED } from '../../scripts/bundle.js';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const json = <T>(path: string) => JSON.parse(readFileSync(join(REPO, path), 'utf8')) as T;

interface Lock {
  packages: Record<string, { version?: string; dependencies?: Record<string, string> }>;
}
const manifest = json<{ dependencies: Record<string, string> }>('sidecar/package.json');

describe('sidecar/bundle/ha-llm-ops.js', () => {
  it('is what `npm run bundle` builds from the current sources', async () => {
    const fresh = await buildBundle();
    // Not toBe: a stale bundle would print two 350 KiB strings.
    expect(readFileSync(BUNDLE, 'utf8') === fresh, 'stale: run `npm run bundle`, commit').toBe(
      true,
    );
  }, 60_000);

  it('says it is generated, to a reader and to GitHub', () => {
    const [shebang, header] = readFileSync(BUNDLE, 'utf8').split('\n', 2);
    expect(shebang).toBe('#!/usr/bin/env node');
    expect(header).toBe(GENERATED);
    expect(header).toMatch(/@generated .*npm run bundle/);
    const attributes = readFileSync(join(REPO, '.gitattributes'), 'utf8');
    expect(attributes).toMatch(/^sidecar\/bundle\/ha-llm-ops\.js linguist-generated=true$/m);
  });

  it('imports only Node built-ins and the declared dependencies (contracts inlined)', () => {
    const code = readFileSync(BUNDLE, 'utf8');
    const imported = [...code.matchAll(/^import .*? from "([^"]+)";$/gm)].map((m) => m[1] ?? '');
    expect(imported.length).toBeGreaterThan(5);
    // Loaded on first use (the openai SDK); a specifier built at run time could not be checked.
    const loaded = [...code.matchAll(/\bimport\(([^)]*)\)/g)].map((m) => m[1] ?? '');
    expect(loaded).toEqual(['"openai"']);
    imported.push(...loaded.map((s) => s.slice(1, -1)));
    const declared = Object.keys(manifest.dependencies);
    const outside = imported.filter(
      (id) =>
        !id.startsWith('node:') &&
        !builtinModules.includes(id) &&
        !declared.some((d) => id === d || id.startsWith(`${d}/`)),
    );
    expect(outside).toEqual([]);
    expect(code).toContain('// contracts/src/incident.ts');
  });
});

describe('sidecar/runtime-lock.json', () => {
  const lock = json<Lock>('sidecar/runtime-lock.json');
  const root = json<Lock>('package-lock.json');

  it('locks exactly the production dependencies of sidecar/package.json', () => {
    expect(lock.packages['']?.dependencies).toEqual(manifest.dependencies);
  });

  it('holds the versions the tests run against (package-lock.json)', () => {
    const differ = Object.entries(lock.packages)
      .filter(([path]) => path)
      .filter(([path, entry]) => root.packages[path]?.version !== entry.version)
      .map(([path, entry]) => `${path}: ${entry.version} vs ${root.packages[path]?.version}`);
    expect(differ).toEqual([]);
    expect(JSON.stringify(lock)).not.toContain('"resolved"');
  });
});
