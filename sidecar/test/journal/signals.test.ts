/**
 * An incident's signals are written through what the journal holds in memory of its newest
 * row: repeats fold into one row with their count, the newest `keep` stay, a restart or a
 * rolled back write loses nothing and counts nothing twice, and what is held stays bounded.
 */
import { describe, expect, it } from 'vitest';
import { Journal } from '../../src/journal/journal.js';
import { SignalStore } from '../../src/journal/signals.js';
import { incidentRecord, makePipeline, signal, tempDir } from '../helpers/pipeline.js';

const only = (journal: Journal) => {
  const { items } = journal.listIncidents({}, 10, 0);
  expect(items).toHaveLength(1);
  const incident = items[0];
  if (!incident) throw new Error('no incident');
  return { incident, signals: journal.signalsOf(incident.id, 1000) };
};

describe('signals of an incident', () => {
  it('folds 1,000 repeats in one burst into one incident of 1,000 occurrences and one row', () => {
    const { correlator, journal, clock } = makePipeline();
    journal.transaction(() => {
      for (let i = 0; i < 1000; i++) correlator.emit(signal({ observed_at: clock.iso() }));
    });
    const { incident, signals } = only(journal);
    expect(incident.occurrences).toBe(1000);
    expect(signals).toHaveLength(1);
    expect(signals[0]?.count).toBe(1000);
    journal.close();
  });

  it('keeps counting the same row across a restart, with nothing counted twice', () => {
    const dir = tempDir();
    const first = makePipeline({}, dir);
    for (let i = 0; i < 500; i++) first.correlator.emit(signal({ observed_at: first.clock.iso() }));
    first.journal.close();
    const second = makePipeline({}, dir);
    for (let i = 0; i < 500; i++)
      second.correlator.emit(signal({ observed_at: second.clock.iso() }));
    const { incident, signals } = only(second.journal);
    expect(incident.occurrences).toBe(1000);
    expect(signals).toHaveLength(1);
    expect(signals[0]?.count).toBe(1000);
    second.journal.close();
  });

  it('keeps the newest lines up to the bound, alternating lines each a row of its own', () => {
    const { correlator, journal, clock } = makePipeline({ signalsPerIncident: 5 });
    for (let i = 0; i < 12; i++) {
      clock.advance(1);
      correlator.emit(
        signal({
          observed_at: clock.iso(),
          message: i % 2 ? `Error fetching data: timeout` : `Error fetching data: refused`,
        }),
      );
    }
    const { incident, signals } = only(journal);
    expect(incident.occurrences).toBe(12);
    expect(signals).toHaveLength(5);
    expect(signals[0]?.message).toBe('Error fetching data: timeout');
    expect(signals.map((s) => s.count)).toEqual([1, 1, 1, 1, 1]);
  });

  it('keeps the data of the newest repeat, written only when it changed', () => {
    const journal = new Journal(`${tempDir()}/journal.db`);
    journal.createIncident(incidentRecord());
    const repeat = (data: Record<string, unknown>) =>
      journal.addSignal('inc_1', 'fp', signal({ data }), 5);
    const traceback = Object.freeze({ exception: 'Traceback: TimeoutError' });
    repeat(traceback);
    repeat(traceback);
    const dataOf = () => journal.signalsOf('inc_1', 10).map((s) => [s.count, s.data]);
    expect(dataOf()).toEqual([[2, { exception: 'Traceback: TimeoutError' }]]);
    repeat({ exception: 'Traceback: ConnectionResetError' });
    expect(dataOf()).toEqual([[3, { exception: 'Traceback: ConnectionResetError' }]]);
    repeat(traceback);
    expect(dataOf()).toEqual([[4, { exception: 'Traceback: TimeoutError' }]]);
    journal.close();
  });

  it('writes correctly after a rolled back burst (what was held is forgotten)', () => {
    const { correlator, journal, clock } = makePipeline();
    correlator.emit(signal({ observed_at: clock.iso() }));
    journal.flush();
    correlator.emit(signal({ observed_at: clock.iso() }));
    expect(() =>
      journal.transaction(() => {
        correlator.emit(signal({ observed_at: clock.iso(), message: 'Another line: refused' }));
        throw new Error('the burst fails');
      }),
    ).toThrow('the burst fails');
    // The line held back before the burst went with it (its collector reads it again: dropped).
    expect(journal.dropped).toBe(1);
    correlator.emit(signal({ observed_at: clock.iso() }));
    const { incident, signals } = only(journal);
    expect(incident.occurrences).toBe(2);
    expect(signals).toHaveLength(1);
    expect(signals[0]?.count).toBe(2);
  });

  it('holds the newest row of a bounded number of incidents', () => {
    const journal = new Journal(`${tempDir()}/journal.db`);
    const store = new SignalStore(journal.db, 10);
    const items = Array.from({ length: 50 }, (_, n) => `inc_${n}`);
    for (const [n, id] of items.entries()) {
      journal.createIncident(
        incidentRecord(
          {
            id,
            fingerprint: `fp${n}`,
            group_key: id,
            integration: 'fault_lab',
            title: id,
            occurrences: 0,
          },
          '2026-11-25T10:00:00.000Z',
        ),
      );
      store.add(id, `fp${n}`, signal(), 200);
      store.add(id, `fp${n}`, signal(), 200);
      expect(store.held).toBeLessThanOrEqual(10);
    }
    // An incident no longer held is read back from its rows and folds as before.
    store.add('inc_0', 'fp0', signal(), 200);
    store.write(); // a store of its own: the journal does not write it
    const rows = journal.signalsOf('inc_0');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.count).toBe(3);
    journal.close();
  });
});
