/**
 * What each fault test measured, kept for docs/reliability.md: a setup file of the `faults`
 * project writes one JSON record per test when it ends (pass or fail, with what it had
 * measured by then) into test-results/faults/; `npm run docs:reliability` renders the page's
 * figures from them. A rerun of a test replaces its record.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeEach } from 'vitest';
import { REPO } from '../harness/ha-dev.js';

export const RECORDS_DIR = join(REPO, 'test-results/faults');

/** The load test's figures. */
export interface LoadFigures {
  linesSent: number;
  distinctFailures: number;
  incidents: number;
  minutes: number;
  /**
   * The sidecar's resident memory (MiB): as the burst starts, its highest in the minute before
   * the half and in the last minute, and its peak.
   */
  startRssMiB: number;
  halfRssMiB: number;
  endRssMiB: number;
  peakRssMiB: number;
  pings: number;
  pingsUnanswered: number;
  pingP95Ms: number;
}

/** What one run of a fault counted; a figure a test does not measure stays undefined. */
export interface Figures {
  /** Occurrences (or incidents) Home Assistant had that the sidecar never counted. */
  lost?: number;
  /** Occurrences counted twice, and incidents opened twice for one failure. */
  doubled?: number;
  /** Actions (a backup, a restart) that reached the Supervisor more than once. */
  actionsTwice?: number;
  /** From the fault's end (connection back, space again, restart) to everything counted (ms). */
  recoverMs?: number;
  load?: LoadFigures;
}

export interface FaultRecord {
  file: string;
  /** The describe block: the fault. */
  fault: string;
  test: string;
  passed: boolean;
  durationMs: number;
  finishedAt: string;
  figures: Figures;
}

const byTask = new Map<string, Figures>();
let current: Figures = {};

/**
 * The figures of the running test (`task` for tests that run concurrently, where "the running
 * test" is not one).
 */
export function figures(task?: { id: string }): Figures {
  return (task && byTask.get(task.id)) ?? current;
}

/** Add `n` to a counted figure. */
export function count(f: Figures, key: 'lost' | 'doubled' | 'actionsTwice', n: number): void {
  f[key] = (f[key] ?? 0) + Math.max(0, n);
}

beforeEach(({ task, onTestFinished }) => {
  const started = Date.now();
  current = {};
  byTask.set(task.id, current);
  onTestFinished(({ task: done }) => {
    const file = relative(REPO, done.file.filepath);
    const record: FaultRecord = {
      file,
      fault: done.suite?.name ?? done.name,
      test: done.name,
      passed: done.result?.state === 'pass',
      durationMs: Date.now() - started,
      finishedAt: new Date().toISOString(),
      figures: byTask.get(done.id) ?? {},
    };
    byTask.delete(done.id);
    mkdirSync(RECORDS_DIR, { recursive: true });
    const id = createHash('sha256').update(`${file}\u0000${record.fault}\u0000${done.name}`);
    writeFileSync(
      join(RECORDS_DIR, `${id.digest('hex').slice(0, 16)}.json`),
      `${JSON.stringify(record, null, 2)}\n`,
    );
  });
});
