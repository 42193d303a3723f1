/**
 * The lint holds every pattern of the product to linear backtracking: a pattern that reads
 * log lines and backtracks exponentially lets one crafted line stall the sidecar (as the
 * test for a Python logger once did, on a logger of many dotted parts ending in a bracket).
 */
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const REPO = resolve(import.meta.dirname, '../..');

async function problems(code: string, file: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: REPO });
  const [result] = await eslint.lintText(code, { filePath: resolve(REPO, file) });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

describe('the lint of patterns', () => {
  it('refuses a product pattern that backtracks exponentially, and says why', async () => {
    const found = await problems(
      'export const LOGGER = /^homeassistant\\.[\\w-]+(?:\\.[^\\s[\\]]+)*$/;\n',
      'sidecar/src/analyze/example.ts',
    );
    expect(found).toEqual([
      expect.stringMatching(/^regexp\/no-super-linear-backtracking: .*exponential backtracking/),
    ]);
  });

  it('accepts the same pattern once its parts cannot split', async () => {
    expect(
      await problems(
        'export const LOGGER = /^homeassistant\\.[\\w-]+(?:\\.[^\\s.]+)*$/;\n',
        'sidecar/src/analyze/example.ts',
      ),
    ).toEqual([]);
  });
});
