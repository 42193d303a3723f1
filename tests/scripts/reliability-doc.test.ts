/** `npm run docs:reliability` writes the page's figures from the fault suite's records only. */
import { describe, expect, it } from 'vitest';
import { render, splice } from '../../scripts/dev/reliability-figures.js';
import type { FaultRecord } from '../faults/record.js';

const record = (over: Partial<FaultRecord>): FaultRecord => ({
  file: 'tests/faults/connection.test.ts',
  fault: 'the WebSocket cut for 1 s while failures happen',
  test: 'run 1: after the resync every failure is counted once',
  passed: true,
  durationMs: 10_000,
  finishedAt: '2026-12-04T12:00:00.000Z',
  figures: {},
  ...over,
});

describe('the reliability figures', () => {
  it('count runs, passes and what each run measured, per fault', () => {
    const out = render([
      record({ figures: { lost: 0, doubled: 0, recoverMs: 1200 } }),
      record({ passed: false, figures: { lost: 2, doubled: 1, recoverMs: 3400 } }),
      record({ file: 'tests/faults/llm.test.ts', fault: 'the model endpoint slow' }),
    ]);
    expect(out).toContain(
      '| the WebSocket cut for 1 s while failures happen | `connection.test.ts` | 2 | 1 of 2 | 2 | 1 | – | 1.2 s / 3.4 s |',
    );
    expect(out).toContain(
      '| the model endpoint slow | `llm.test.ts` | 1 | 1 of 1 | – | – | – | – |',
    );
    expect(out).toContain('3 tests,\n2 passed');
  });

  it('show the burst, and nothing the records do not hold', () => {
    const load = {
      linesSent: 100_000,
      distinctFailures: 10,
      incidents: 10,
      minutes: 10,
      startRssMiB: 140,
      halfRssMiB: 170,
      endRssMiB: 178,
      peakRssMiB: 180,
      pings: 600,
      pingsUnanswered: 0,
      pingP95Ms: 12,
    };
    expect(render([record({ figures: { load } })])).toContain(
      '| 100,000 | 10 | 10 | 10 | 140 / 170 / 178 MiB (180) | 600 (0) | 12 ms | yes |',
    );
    expect(render([record({})])).not.toContain('The burst');
    expect(() => render([])).toThrow(/no records/);
  });

  it('replace only what stands between the markers', () => {
    const page = 'prose\n<!-- figures:begin -->\nold\n<!-- figures:end -->\nmore prose\n';
    expect(splice(page, 'new')).toBe(
      'prose\n<!-- figures:begin -->\nnew\n<!-- figures:end -->\nmore prose\n',
    );
    expect(() => splice('no markers', 'new')).toThrow(/lacks/);
  });
});
