/**
 * `npm test`: every suite of the project, one after another, ending with one
 * line `N passed, N failed` that totals them all. Skipped tests count as
 * failed: nothing may be skipped to stay green.
 *
 *   npm test                 all suites
 *   npm test -- unit python  only the named suites
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DEV_DIR, haDown, haUp, REPO } from '../../tests/harness/ha-dev.js';

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

interface Suite {
  name: string;
  /** Needs the dev HA running. */
  needsHa?: boolean;
  command: string[];
  /** Read the counts from the suite's report; undefined when it wrote none. */
  counts(exitCode: number): Counts | undefined;
  /** Sub-suites reported from the same run (their tests count, not the run itself). */
  parts?: { name: string; counts(): Counts | undefined }[];
}

const RESULTS = join(REPO, 'test-results');

/** Which vitest project a test file belongs to (matches vitest.config.ts). */
function projectOf(file: string): string {
  const rel = file.startsWith(REPO) ? file.slice(REPO.length + 1) : file;
  if (rel.startsWith('tests/e2e/')) return 'e2e';
  if (rel.startsWith('tests/browser/')) return 'browser';
  if (rel.startsWith('tests/faults/')) return 'faults';
  return 'unit';
}

/** The vitest projects (vitest.config.ts), each counted on its own line. */
const PROJECTS = ['unit', 'e2e', 'browser', 'faults'];

/**
 * One vitest run for the unit, end-to-end, browser and fault projects, so coverage
 * of the executor is measured over all of them; counts are split per project.
 */
function vitestSuites(): Suite[] {
  const report = join(RESULTS, 'vitest.json');
  interface Report {
    testResults: { name: string; status: string; assertionResults: { status: string }[] }[];
  }
  const read = (): Report | undefined =>
    existsSync(report) ? (JSON.parse(readFileSync(report, 'utf8')) as Report) : undefined;
  const countsOf = (project: string): Counts | undefined => {
    const r = read();
    if (!r) return undefined;
    const c: Counts = { passed: 0, failed: 0, skipped: 0 };
    for (const file of r.testResults.filter((f) => projectOf(f.name) === project)) {
      // A file that fails to load has no test results but must still count.
      if (file.status === 'failed' && file.assertionResults.length === 0) c.failed++;
      for (const t of file.assertionResults) {
        if (t.status === 'passed') c.passed++;
        else if (t.status === 'failed') c.failed++;
        else c.skipped++;
      }
    }
    return c;
  };
  return [
    {
      name: 'vitest',
      needsHa: true,
      command: [
        'npx',
        'vitest',
        'run',
        '--coverage.enabled',
        '--reporter=default',
        '--reporter=json',
        `--outputFile=${report}`,
      ],
      // The run as a whole: a coverage shortfall fails it even when every test passed.
      counts: (code) => {
        const tests = PROJECTS.map(countsOf);
        if (tests.some((t) => t === undefined)) return undefined;
        const failedTests = tests.reduce((n, t) => n + (t?.failed ?? 0), 0);
        return { passed: 0, failed: code !== 0 && failedTests === 0 ? 1 : 0, skipped: 0 };
      },
      parts: PROJECTS.map((p) => ({ name: p, counts: () => countsOf(p) })),
    },
  ];
}

function pytestSuite(): Suite {
  const report = join(RESULTS, 'python.xml');
  return {
    name: 'python',
    command: ['scripts/hapy', 'python', '-m', 'pytest', `--junitxml=${report}`, '-q'],
    counts() {
      if (!existsSync(report)) return undefined;
      const xml = readFileSync(report, 'utf8');
      const attr = (name: string) =>
        Number(new RegExp(`<testsuite [^>]*\\b${name}="(\\d+)"`).exec(xml)?.[1] ?? 0);
      const failed = attr('failures') + attr('errors');
      const skipped = attr('skipped');
      return { passed: attr('tests') - failed - skipped, failed, skipped };
    },
  };
}

/** Each lint tool is one check: passed when it exits 0. */
function checkSuite(name: string, command: string[]): Suite {
  return {
    name,
    command,
    counts: (code) => ({ passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0 }),
  };
}

const SUITES: Suite[] = [
  checkSuite('typecheck', ['npx', 'tsc', '-b']),
  checkSuite('eslint', ['npx', 'eslint', '.']),
  checkSuite('prettier', ['npx', 'prettier', '--check', '.']),
  checkSuite('ruff', ['scripts/hapy', 'ruff', 'check', 'custom_components', 'tests', 'scripts']),
  checkSuite('ruff-format', [
    'scripts/hapy',
    'ruff',
    'format',
    '--check',
    'custom_components',
    'tests',
    'scripts',
  ]),
  // The integration is strictly typed (quality_scale.yaml: strict-typing).
  checkSuite('mypy', ['scripts/hapy', 'python', '-m', 'mypy']),
  pytestSuite(),
  ...vitestSuites(),
];

function run(command: string[]): Promise<number> {
  return new Promise((resolve) => {
    const [cmd, ...args] = command as [string, ...string[]];
    const child = spawn(cmd, args, { cwd: REPO, stdio: 'inherit' });
    child.once('error', () => resolve(127));
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

async function main(): Promise<number> {
  const only = process.argv.slice(2);
  const unknown = only.filter((n) => !SUITES.some((s) => s.name === n));
  if (unknown.length > 0) {
    console.error(
      `unknown suite(s): ${unknown.join(', ')}; known: ${SUITES.map((s) => s.name).join(', ')}`,
    );
    return 2;
  }
  const suites = only.length > 0 ? SUITES.filter((s) => only.includes(s.name)) : SUITES;
  rmSync(RESULTS, { recursive: true, force: true });
  mkdirSync(RESULTS, { recursive: true });

  // What the chosen suites need on the machine, installed by the project's one install
  // step (the same one `npm start` and CI use); it stops with the exact command when
  // it cannot install by itself.
  const steps = [
    ...(suites.some((s) => s.needsHa || s.name === 'python') ? ['system', 'python'] : []),
    ...(suites.some((s) => s.name === 'vitest') ? ['browser'] : []),
  ];
  if (steps.length > 0 && (await run(['scripts/setup.sh', ...steps])) !== 0) {
    console.log('0 passed, 1 failed');
    return 1;
  }

  const haWasRunning = existsSync(join(DEV_DIR, 'state.json'));
  let haStarted = false;
  const lines: string[] = [];
  const total: Counts = { passed: 0, failed: 0, skipped: 0 };
  try {
    for (const suite of suites) {
      console.log(`\n=== ${suite.name} ===`);
      if (suite.needsHa && !haStarted) {
        try {
          await haUp();
          haStarted = true;
        } catch (err) {
          console.error(String(err instanceof Error ? err.message : err));
          lines.push(`${suite.name}: the dev Home Assistant did not start`);
          total.failed += 1;
          continue;
        }
      }
      const code = await run(suite.command);
      const record = (name: string, counts: Counts) => {
        total.passed += counts.passed;
        total.failed += counts.failed + counts.skipped;
        total.skipped += counts.skipped;
        lines.push(
          `${name}: ${counts.passed} passed, ${counts.failed} failed` +
            (counts.skipped ? `, ${counts.skipped} skipped (counted as failed)` : ''),
        );
      };
      for (const part of suite.parts ?? [])
        record(part.name, part.counts() ?? { passed: 0, failed: 1, skipped: 0 });
      const counts = suite.counts(code) ?? { passed: 0, failed: 1, skipped: 0 };
      if (!suite.parts && code !== 0 && counts.failed === 0) counts.failed = 1; // crashed after its report
      if (!suite.parts || counts.failed > 0) {
        record(suite.parts ? `${suite.name} (coverage or run)` : suite.name, counts);
      }
    }
  } finally {
    if (haStarted && !haWasRunning) await haDown({ quiet: true });
  }
  console.log(`\n${lines.join('\n')}`);
  console.log(`${total.passed} passed, ${total.failed} failed`);
  return total.failed === 0 ? 0 : 1;
}

process.exitCode = await main();
