/**
 * The architecture holds: dependency-cruiser checks the sidecar's imports
 * against .dependency-cruiser.mjs (stages import only earlier stages, through
 * their index; shared pieces import no stage; no cycle), as `npm run lint`
 * does. The rules also run on copies with one bad import each, so a rule that
 * matches nothing cannot pass unnoticed.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SIDECAR = resolve(import.meta.dirname, '..');
const DEPCRUISE = resolve(SIDECAR, '../node_modules/dependency-cruiser/bin/dependency-cruiser.mjs');

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

/** Every rule broken under `dir` (a folder holding `src` and the rules), as "rule: from → to". */
function violations(dir: string): string[] {
  const res = spawnSync(
    process.execPath,
    [
      DEPCRUISE,
      '--config',
      join(SIDECAR, '.dependency-cruiser.mjs'),
      '--output-type',
      'json',
      'src',
    ],
    { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (!res.stdout) throw new Error(`dependency-cruiser did not run: ${res.stderr}`);
  const { summary } = JSON.parse(res.stdout) as { summary: { violations: Violation[] } };
  return summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
}

/** A copy of the sources with `files` written over it. */
function copyWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'llm-ops-arch-'));
  cpSync(join(SIDECAR, 'src'), join(dir, 'src'), { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

// Each test runs dependency-cruiser over the sources in a process of its own: seconds, more on
// a busy machine, so the default 5 s is too short to say anything about the imports.
describe('the sidecar’s imports', { timeout: 60_000 }, () => {
  it('follow the data flow with no exception', () => {
    expect(violations(SIDECAR)).toEqual([]);
  });

  it('a stage importing a later stage fails the check', () => {
    const dir = copyWith({
      'src/collect/backwards.ts':
        "import { Executor } from '../execute/index.js';\nexport const e = Executor;\n",
    });
    expect(violations(dir)).toContain(
      'collect-imports-a-later-stage: src/collect/backwards.ts → src/execute/index.ts',
    );
  });

  it('a stage reaching into another stage’s internals fails the check', () => {
    const dir = copyWith({
      'src/report/inside.ts':
        "import { Correlator } from '../correlate/correlator.js';\nexport const c = Correlator;\n",
    });
    expect(violations(dir)).toEqual([
      'stage-internals: src/report/inside.ts → src/correlate/correlator.ts',
    ]);
  });

  it('a shared piece importing a stage, or a stage the composition root, fails the check', () => {
    const dir = copyWith({
      'src/journal/upward.ts':
        "import { Correlator } from '../correlate/index.js';\nexport const c = Correlator;\n",
      'src/plan/rooted.ts':
        "import { Pipeline } from '../pipeline.js';\nexport const p = Pipeline;\n",
    });
    const found = violations(dir);
    expect(found).toContain(
      'shared-imports-a-stage: src/journal/upward.ts → src/correlate/index.ts',
    );
    expect(found).toContain('stage-imports-a-root: src/plan/rooted.ts → src/pipeline.ts');
  });

  it('a cycle fails the check', () => {
    const dir = copyWith({
      'src/shared/cycle-a.ts': "import { b } from './cycle-b.js';\nexport const a = () => b;\n",
      'src/shared/cycle-b.ts': "import { a } from './cycle-a.js';\nexport const b = () => a;\n",
    });
    expect(violations(dir).filter((v) => v.startsWith('no-circular'))).not.toEqual([]);
  });
});
