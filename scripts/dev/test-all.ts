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
}

const RESULTS = join(REPO, 'test-results');

function vitestSuite(project: string, needsHa = false): Suite {
  const report = join(RESULTS, `${project}.json`);
  return {
    name: project,
    needsHa,
    command: [
      'npx',
      'vitest',
      'run',
      '--project',
      project,
      '--reporter=default',
      '--reporter=json',
      `--outputFile=${report}`,
    ],
    counts() {
      if (!existsSync(report)) return undefined;
      const r = JSON.parse(readFileSync(report, 'utf8')) as {
        numPassedTests: number;
        numFailedTests: number;
        numPendingTests: number;
        numTodoTests: number;
        testResults: { status: string; assertionResults: unknown[] }[];
      };
      // A file that fails to load has no test results but must still count.
      const brokenFiles = r.testResults.filter(
        (f) => f.status === 'failed' && f.assertionResults.length === 0,
      ).length;
      return {
        passed: r.numPassedTests,
        failed: r.numFailedTests + brokenFiles,
        skipped: r.numPendingTests + r.numTodoTests,
      };
    },
  };
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
  vitestSuite('unit'),
  pytestSuite(),
  vitestSuite('e2e', true),
  vitestSuite('browser', true),
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
      const counts = suite.counts(code) ?? { passed: 0, failed: 1, skipped: 0 };
      if (code !== 0 && counts.failed === 0) counts.failed = 1; // crashed after its report
      total.passed += counts.passed;
      total.failed += counts.failed + counts.skipped;
      total.skipped += counts.skipped;
      lines.push(
        `${suite.name}: ${counts.passed} passed, ${counts.failed} failed` +
          (counts.skipped ? `, ${counts.skipped} skipped (counted as failed)` : ''),
      );
    }
  } finally {
    if (haStarted && !haWasRunning) await haDown({ quiet: true });
  }
  console.log(`\n${lines.join('\n')}`);
  console.log(`${total.passed} passed, ${total.failed} failed`);
  return total.failed === 0 ? 0 : 1;
}

process.exitCode = await main();
