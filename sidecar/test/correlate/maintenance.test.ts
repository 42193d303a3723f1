import type { MaintenanceSummary } from '@ha-llm-ops/contracts';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Correlator } from '../../src/correlate/correlator.js';
import { Maintenance, MaintenanceRefused } from '../../src/correlate/maintenance.js';
import { IncidentLifecycle } from '../../src/incident/lifecycle.js';
import { Journal } from '../../src/journal/journal.js';
import { ProposalJournal } from '../../src/journal/proposals.js';
import { createLogger } from '../../src/log.js';
import { Clock, signal, tempDir, THRESHOLDS } from '../helpers/pipeline.js';

const ENTRY = '01JDX4Z8M2Q7R5T9V3W6Y8A1B2';

const entryState = (condition: 'active' | 'cleared', at: string, entry = ENTRY) =>
  signal({
    source: 'config_entries',
    kind: 'entry_state',
    condition,
    key: entry,
    entry_id: entry,
    observed_at: at,
    message: `Fault Lab (fault_lab) setup_retry`,
    data: { state: 'setup_retry', title: 'Fault Lab', reason: 'Timeout' },
  });

/** A correlator with maintenance over a journal in `dir` (a second call is a restart). */
function setUp(dir = tempDir(), clock = new Clock()) {
  const journal = new Journal(join(dir, 'journal.db'));
  const log = createLogger('error');
  const lifecycle = new IncidentLifecycle(journal, new ProposalJournal(journal.db), {
    log,
    now: clock.now,
  });
  const maintenance = new Maintenance(journal.db, {
    log,
    quietPeriodS: THRESHOLDS.quietPeriodS,
    now: clock.now,
  });
  const correlator = new Correlator(journal, lifecycle, {
    thresholds: THRESHOLDS,
    log,
    now: clock.now,
    maintenance,
  });
  const summaries: MaintenanceSummary[] = [];
  maintenance.onEnded((s) => summaries.push(s));
  const opened: string[] = [];
  lifecycle.onChange((incident, change) => {
    if (change === 'opened') opened.push(incident.title);
  });
  return { dir, clock, journal, maintenance, correlator, summaries, opened };
}

describe('maintenance', () => {
  it('opens nothing while on, and when it ends sums up and opens what still fails', () => {
    const { clock, journal, maintenance, correlator, summaries, opened } = setUp();
    const state = maintenance.start(30, 'Ada', 'panel');
    expect(state).toMatchObject({ active: true, minutes: 30, started_by: 'Ada' });
    correlator.emit(entryState('active', clock.iso()));
    correlator.emit(signal({ integration: 'hue', observed_at: clock.iso() }));
    clock.advance(60);
    correlator.emit(entryState('active', clock.iso(), 'OTHER'));
    correlator.emit(entryState('cleared', clock.iso(), 'OTHER'));
    expect(journal.listIncidents({}, 10, 0).total).toBe(0);
    expect(opened).toEqual([]);
    expect(maintenance.state().failed_count).toBe(3);

    clock.advance(THRESHOLDS.quietPeriodS + 1); // the hue log line went quiet
    const summary = maintenance.end('user');
    expect(summaries).toEqual([summary]);
    expect(summary).toMatchObject({ ended_by: 'user', failed_count: 3, still_failing_count: 1 });
    expect(summary.failures[0]).toMatchObject({ integration: 'fault_lab', still_failing: true });
    expect(summary.failures.filter((f) => !f.still_failing)).toHaveLength(2);
    // Only what still fails opens, as it would have without maintenance.
    const { items } = journal.listIncidents({}, 10, 0);
    expect(items.map((i) => [i.integration, i.entry_id, i.status])).toEqual([
      ['fault_lab', ENTRY, 'open'],
    ]);
    expect(opened).toHaveLength(1);
    expect(maintenance.state()).toMatchObject({ active: false, last_summary: summary });
    expect(() => maintenance.end('user')).toThrow(MaintenanceRefused);
  });

  it('lets an incident already open keep updating', () => {
    const { clock, journal, maintenance, correlator } = setUp();
    correlator.emit(signal({ observed_at: clock.iso() }));
    maintenance.start(60, null, 'api');
    clock.advance(10);
    correlator.emit(signal({ observed_at: clock.iso() }));
    const { items } = journal.listIncidents({}, 10, 0);
    expect(items.map((i) => i.occurrences)).toEqual([2]);
    expect(maintenance.state().failed_count).toBe(0);
  });

  it('survives a restart and ends when its time is up', async () => {
    const first = setUp();
    first.maintenance.start(1, null, 'entity');
    first.correlator.emit(entryState('active', first.clock.iso()));
    first.journal.close();
    // The sidecar is back after the window's end: it ends at once, with what it held.
    const clock = new Clock(first.clock.t + 5 * 60_000);
    const again = setUp(first.dir, clock);
    expect(again.maintenance.active()).toBe(true);
    again.correlator.start();
    try {
      await expect.poll(() => again.summaries.length).toBe(1);
    } finally {
      again.correlator.stop();
    }
    expect(again.summaries[0]).toMatchObject({ ended_by: 'time', still_failing_count: 1 });
    expect(again.journal.listIncidents({ active: true }, 10, 0).total).toBe(1);
  });

  it('extends, and refuses what it cannot do', () => {
    const { clock, maintenance } = setUp();
    expect(() => maintenance.extend(10)).toThrow('maintenance is not on');
    maintenance.start(60, null, 'api');
    const until = maintenance.extend(30).until;
    expect(Date.parse(until ?? '') - clock.t).toBe(90 * 60_000);
    expect(() => maintenance.extend(24 * 60)).toThrow(/at most 24 h/);
    expect(() => maintenance.start(0, null, 'api')).toThrow(/minutes/);
  });
});
