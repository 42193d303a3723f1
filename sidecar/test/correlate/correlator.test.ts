import { describe, expect, it } from 'vitest';
import { Correlator } from '../../src/correlate/correlator.js';
import { messageTemplate } from '../../src/shared/fingerprint.js';
import { Journal } from '../../src/journal/journal.js';
import { createLogger } from '../../src/log.js';
import { makePipeline, signal, THRESHOLDS } from '../helpers/pipeline.js';

const ENTRY = '01JDX4Z8M2Q7R5T9V3W6Y8A1B2';

const entryState = (state: string, condition: 'active' | 'cleared', at: string) =>
  signal({
    source: 'config_entries',
    kind: 'entry_state',
    condition,
    key: ENTRY,
    entry_id: ENTRY,
    observed_at: at,
    message: `Fault Lab (fault_lab) ${state}`,
    data: { state, title: 'Fault Lab', reason: 'Timeout' },
  });

describe('messageTemplate', () => {
  it('strips numbers, hosts, ids, addresses and times', () => {
    const a = messageTemplate(
      'Timeout connecting to 192.168.1.20:8080 after 10.5 s (id 3f9a61c0d2b4e857) at 2026-11-25 10:00:01',
    );
    const b = messageTemplate(
      'Timeout connecting to 10.0.0.7:443 after 3 s (id 0011aabbccddeeff) at 2026-11-26T11:12:13Z',
    );
    expect(a).toBe(b);
    expect(a).toBe('Timeout connecting to <ip> after <n> s (id <id>) at <time>');
    expect(messageTemplate('Cannot reach https://user:pw@hub.local/api for hue.lan')).toBe(
      'Cannot reach <url> for <host>',
    );
  });

  it('keeps what names the failure', () => {
    expect(messageTemplate("Config entry 'Kitchen Hub' for hue integration not ready yet")).toBe(
      "Config entry 'Kitchen Hub' for hue integration not ready yet",
    );
  });
});

describe('Correlator', () => {
  it('counts repeats of one failure as one incident', () => {
    const { correlator, journal, changes, clock } = makePipeline();
    correlator.emit(signal({ observed_at: clock.iso() }));
    clock.advance(10);
    correlator.emit(
      signal({
        observed_at: clock.iso(),
        message: 'Error fetching data from 192.0.2.11: timeout after 12 s',
      }),
    );
    const { items } = journal.listIncidents({}, 10, 0);
    expect(items).toHaveLength(1);
    expect(items[0]?.occurrences).toBe(2);
    expect(changes.map(([, c]) => c)).toEqual(['opened', 'updated']);
  });

  it('groups an entry retry, its log line and its dead entities into one incident', () => {
    const { correlator, journal, clock } = makePipeline();
    correlator.emit(entryState('setup_retry', 'active', clock.iso()));
    correlator.emit(
      signal({
        entry_id: ENTRY,
        message:
          "Config entry 'Fault Lab' for fault_lab integration not ready yet: Timeout; Retrying in background",
        severity: 'warning',
      }),
    );
    clock.advance(120);
    correlator.emit(
      signal({
        source: 'entities',
        kind: 'entities_unavailable',
        condition: 'active',
        key: 'device:abc',
        entry_id: ENTRY,
        subject: 'device:abc',
        message: '3 entities of Fault Lab Hub are unavailable',
      }),
    );
    const { items } = journal.listIncidents({}, 10, 0);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      integration: 'fault_lab',
      entry_id: ENTRY,
      category: 'setup_retry',
      severity: 'error',
    });
  });

  it('groups integration-wide failures replayed at start-up by when they happened', () => {
    const { correlator, journal, clock } = makePipeline({ groupingWindowS: 300 });
    const happened = clock.t - 3600_000; // an hour before the sidecar started
    const at = (s: number) => new Date(happened + s * 1000).toISOString();
    correlator.emit(signal({ observed_at: at(0), message: 'Error fetching data: timeout' }));
    correlator.emit(signal({ observed_at: at(1), message: 'Update of the hub took 12 s' }));
    expect(journal.listIncidents({}, 10, 0).items).toHaveLength(1);

    // What happened long apart stays apart, replayed or not.
    correlator.emit(signal({ observed_at: at(1800), message: 'Unexpected reply from the cloud' }));
    expect(journal.listIncidents({}, 10, 0).items).toHaveLength(2);
  });

  it('one broken automation is one incident, however its failures arrive', () => {
    const { correlator, journal, clock } = makePipeline({ groupingWindowS: 300 });
    const subject = 'automation.porch_lights';
    // The system log replays the last run's error, ten minutes old...
    correlator.emit(
      signal({
        integration: 'automation',
        subject,
        observed_at: new Date(clock.t - 600_000).toISOString(),
        message: `Error while executing automation ${subject}: Action light.turn_on not found`,
      }),
    );
    // ...and the trace of a run that fails now says it in other words.
    correlator.emit(
      signal({
        source: 'automations',
        kind: 'automation_error',
        integration: 'automation',
        subject,
        observed_at: clock.iso(),
        message: `Automation ${subject} failed: Action light.turn_on not found`,
      }),
    );
    const { items } = journal.listIncidents({}, 10, 0);
    expect(items).toHaveLength(1);
    expect(items[0]?.occurrences).toBe(2);
  });

  it('resolves when the last condition clears', () => {
    const { correlator, journal, changes, clock } = makePipeline();
    correlator.emit(entryState('setup_retry', 'active', clock.iso()));
    correlator.emit(
      signal({
        source: 'entities',
        kind: 'entities_unavailable',
        condition: 'active',
        key: 'device:abc',
        entry_id: ENTRY,
      }),
    );
    correlator.emit(entryState('loaded', 'cleared', clock.iso()));
    expect(journal.listIncidents({ active: true }, 10, 0).total).toBe(1);
    correlator.emit(
      signal({
        source: 'entities',
        kind: 'entities_unavailable',
        condition: 'cleared',
        key: 'device:abc',
      }),
    );
    const [incident] = journal.listIncidents({}, 10, 0).items;
    expect(incident?.status).toBe('resolved');
    expect(changes.at(-1)?.[1]).toBe('resolved');
  });

  it('ignores a condition reported again (resync or restart): no duplicate, no extra count', () => {
    const { correlator, journal, clock } = makePipeline();
    correlator.emit(entryState('setup_retry', 'active', clock.iso()));
    correlator.emit(entryState('setup_retry', 'active', clock.iso()));
    const { items } = journal.listIncidents({}, 10, 0);
    expect(items).toHaveLength(1);
    expect(items[0]?.occurrences).toBe(1);
  });

  it('reconcile clears conditions a full resync no longer reports', () => {
    const { correlator, journal, clock } = makePipeline();
    correlator.emit(entryState('setup_retry', 'active', clock.iso()));
    correlator.reconcile('config_entries', new Set(['another-entry']));
    expect(journal.listIncidents({}, 10, 0).items[0]?.status).toBe('resolved');
  });

  it('resolves a log-only incident after the quiet period, and reopens it on a flap', () => {
    const { correlator, journal, clock, changes } = makePipeline({
      quietPeriodS: 60,
      flapWindowS: 600,
    });
    correlator.emit(signal({ observed_at: clock.iso() }));
    clock.advance(30);
    correlator.resolveQuiet();
    expect(journal.listIncidents({ active: true }, 10, 0).total).toBe(1);
    clock.advance(31);
    correlator.resolveQuiet();
    const [resolved] = journal.listIncidents({}, 10, 0).items;
    expect(resolved?.status).toBe('resolved');
    expect(resolved?.resolution).toBe('no repeats for 1 min');

    clock.advance(60);
    correlator.emit(signal({ observed_at: clock.iso() }));
    const { items } = journal.listIncidents({}, 10, 0);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ id: resolved?.id, status: 'open', flaps: 1 });
    expect(changes.map(([, c]) => c)).toEqual(['opened', 'resolved', 'opened']);
  });

  it('opens a new incident for a recurrence after the flap window', () => {
    const { correlator, journal, clock } = makePipeline({ quietPeriodS: 60, flapWindowS: 60 });
    correlator.emit(signal({ observed_at: clock.iso() }));
    clock.advance(61);
    correlator.resolveQuiet();
    clock.advance(3600);
    correlator.emit(signal({ observed_at: clock.iso() }));
    expect(journal.listIncidents({}, 10, 0).total).toBe(2);
  });

  it('keeps "ignore similar" across re-creation and restarts', () => {
    const { correlator, lifecycle, journal, dir, clock } = makePipeline();
    correlator.emit(entryState('setup_retry', 'active', clock.iso()));
    correlator.emit(signal({ entry_id: ENTRY, message: 'Timeout talking to 192.0.2.10' }));
    const [incident] = journal.listIncidents({}, 10, 0).items;
    lifecycle.dismiss(String(incident?.id), { ignoreSimilar: true, reason: 'known' });
    journal.close();

    const again = makePipeline({}, dir);
    again.correlator.emit(entryState('setup_retry', 'active', again.clock.iso()));
    again.correlator.emit(signal({ entry_id: ENTRY, message: 'Timeout talking to 192.0.2.99' }));
    const { items } = again.journal.listIncidents({}, 10, 0);
    expect(items.map((i) => i.status)).toEqual(['dismissed']);
    expect(again.changes).toEqual([]);
  });

  it('a plain dismissal does not suppress a later recurrence', () => {
    const { correlator, lifecycle, journal, clock } = makePipeline();
    correlator.emit(signal({ observed_at: clock.iso() }));
    const [incident] = journal.listIncidents({}, 10, 0).items;
    lifecycle.dismiss(String(incident?.id), { ignoreSimilar: false, reason: null });
    clock.advance(5);
    correlator.emit(signal({ observed_at: clock.iso() }));
    expect(journal.listIncidents({ active: true }, 10, 0).total).toBe(1);
  });

  it('keeps only the newest signals of an incident', () => {
    const { correlator, journal, clock } = makePipeline({ signalsPerIncident: 5 });
    for (let i = 0; i < 12; i++) {
      clock.advance(1);
      correlator.emit(
        signal({
          observed_at: clock.iso(),
          message: `Error fetching data from 192.0.2.10: timeout after ${i} s`,
        }),
      );
    }
    const [incident] = journal.listIncidents({}, 10, 0).items;
    expect(incident?.occurrences).toBe(12);
    const kept = journal.signalsOf(String(incident?.id), 100);
    expect(kept).toHaveLength(5);
    expect(kept[0]?.message).toContain('after 11 s');
  });

  it('a line repeated thousands of times is one incident that keeps its count and the rest of the evidence', () => {
    const { correlator, journal, clock } = makePipeline({ signalsPerIncident: 5 });
    const flood = 'Fault Lab hub repeated its last status update';
    correlator.emit(signal({ observed_at: clock.iso(), message: 'Could not reach the hub' }));
    correlator.emit(
      signal({
        observed_at: clock.iso(),
        severity: 'warning',
        message:
          'Module custom_components.fault_lab.flood is logging too frequently. 200 messages since last count',
      }),
    );
    for (let i = 0; i < 3000; i++) {
      if (i % 100 === 0) clock.advance(1);
      correlator.emit(signal({ observed_at: clock.iso(), severity: 'warning', message: flood }));
    }
    const { items, total } = journal.listIncidents({}, 10, 0);
    expect(total).toBe(1);
    expect(items[0]?.occurrences).toBe(3002);
    const kept = journal.signalsOf(String(items[0]?.id), 100);
    expect(kept.map((s) => [s.message.slice(0, 30), s.count])).toEqual([
      [flood.slice(0, 30), 3000],
      ['Module custom_components.fault', 1],
      ['Could not reach the hub', 1],
    ]);
    expect(kept[0]?.observed_at).toBe(clock.iso());
  });

  it('survives a restart of the sidecar with nothing lost or doubled', () => {
    const { correlator, journal, dir, clock } = makePipeline();
    correlator.emit(entryState('setup_retry', 'active', clock.iso()));
    correlator.emit(signal({ observed_at: clock.iso() }));
    journal.close();
    const reopened = new Journal(`${dir}/journal.db`);
    const before = reopened.listIncidents({}, 10, 0);
    reopened.close();
    const again = makePipeline({}, dir);
    again.correlator.emit(entryState('setup_retry', 'active', again.clock.iso()));
    const after = again.journal.listIncidents({}, 10, 0);
    expect(after.total).toBe(before.total);
    expect(after.items.map((i) => i.occurrences)).toEqual(before.items.map((i) => i.occurrences));
  });

  it('drops signals the noise filter rejects', () => {
    const { journal, clock, lifecycle } = makePipeline();
    const filtered = new Correlator(journal, lifecycle, {
      thresholds: THRESHOLDS,
      log: createLogger('error'),
      now: clock.now,
      isNoise: (s) => s.message.startsWith('We found a custom integration'),
    });
    filtered.emit(
      signal({
        severity: 'warning',
        message: 'We found a custom integration fault_lab which has not been tested',
      }),
    );
    expect(journal.listIncidents({}, 10, 0).total).toBe(0);
    filtered.emit(signal());
    expect(journal.listIncidents({}, 10, 0).total).toBe(1);
  });
});
