/**
 * Rebuilds a front-end bundle into a temporary directory, to compare it with the committed
 * file (HACS installs use the committed build as is) and to measure it.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleConfig, REPO, type BundleSpec } from '../build/bundle-config.js';

export interface BundleCheck {
  /** The committed file, or null when there is none. */
  committed: Buffer | null;
  rebuilt: Buffer;
  /** Gzip size of the rebuilt bundle (level 9), in bytes. */
  gzip: number;
}

export async function rebuildBundle(spec: BundleSpec): Promise<BundleCheck> {
  const out = mkdtempSync(join(tmpdir(), 'llm-ops-bundle-'));
  try {
    await build(bundleConfig(spec, out));
    const rebuilt = readFileSync(join(out, spec.fileName));
    const file = join(REPO, spec.outDir, spec.fileName);
    return {
      committed: existsSync(file) ? readFileSync(file) : null,
      rebuilt,
      gzip: gzipSync(rebuilt, { level: 9 }).length,
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** "84.6 kB" */
export const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

/** The tests of one bundle: committed and fresh, within budget, minified, no source maps. */
export function describeBundle(spec: BundleSpec): void {
  describe(spec.fileName, () => {
    let check: BundleCheck;

    beforeAll(async () => {
      check = await rebuildBundle(spec);
      console.log(
        `${spec.fileName}: ${kB(check.rebuilt.length)} minified, ${kB(check.gzip)} gzip` +
          ` (budget ${kB(spec.budget)})`,
      );
    }, 180_000);

    it('is committed and up to date (run `npm run build` after changing the sources)', () => {
      expect(check.committed, `${spec.outDir}/${spec.fileName} is missing`).not.toBeNull();
      expect(
        check.committed?.equals(check.rebuilt),
        `${spec.outDir}/${spec.fileName} is stale: run npm run build`,
      ).toBe(true);
    });

    it(`stays within its budget of ${kB(spec.budget)} minified`, () => {
      expect(check.rebuilt.length).toBeLessThanOrEqual(spec.budget);
      expect(check.committed?.length ?? 0).toBeLessThanOrEqual(spec.budget);
    });

    it('is one minified ES module without source maps', () => {
      const text = check.rebuilt.toString('utf8');
      expect(text).not.toContain('sourceMappingURL');
      expect(text).toMatch(/customElements\.define/);
      expect(text).not.toMatch(/\bimport\s*\(|^import\s/m); // self-contained: nothing to fetch
      // Minified: no indentation left in the code or the templates.
      expect(text.split('\n').length).toBeLessThan(100);
      expect(readdirSync(join(REPO, spec.outDir)).filter((f) => f.endsWith('.map'))).toEqual([]);
    });
  });
}
