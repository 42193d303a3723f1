/**
 * Log lines are written behind: an incident's new signal rows, its count and the system log's
 * cursors are held in memory and written together once a second (and on shutdown, and before
 * anything reads them). Readers must see what is held; stopping must write it; and a crash,
 * which loses what was held, must lose it together, so the resync from Home Assistant's own
 * log counts each occurrence once.
 */
import Database from 'better-sqlite3';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CollectorContext } from '../../src/collect/collector.js';
import {
  REPEAT_FOLD_MS,
  systemLogCollector,
  type SystemLogRecord,
} from '../../src/collect/system-log.js';
import type { Inventory } from '../../src/ha/inventory.js';
import { WRITE_BEHIND_MS } from '../../src/journal/journal.js';
import { createLogger } from '../../src/log.js';
import { makePipeline, signal, tempDir, THRESHOLDS } from '../helpers/pipeline.js';
import { fakeSystemLog, linkLost } from '../helpers/system-log-conn.js';

/**
 * The data dir as a crash would leave it (the process killed now: the journal's files as they
 * are on disk, the open journal holding them exclusively), copied to a new one.
 */
function crashed(dir: string): string {
  const copy = tempDir();
  for (const f of ['journal.db', 'journal.db-wal'])
    if (existsSync(join(dir, f))) copyFileSync(join(dir, f), join(copy, f));
  return copy;
}

/** What the sidecar would find committed, were it killed now. */
function committed(dir: string): { incidents: number; occurrences: number; rows: number } {
  const db = new Database(join(crashed(dir), 'journal.db'));
  try {
    const i = db
      .prepare('SELECT COUNT(*) AS n, COALESCE(SUM(occurrences), 0) AS o FROM incidents')
      .get() as { n: number; o: number };
    const s = db.prepare('SELECT COALESCE(SUM(count), 0) AS c FROM signals').get() as { c: number };
    return { incidents: i.n, occurrences: i.o, rows: s.c };
  } finally {
    db.close();
  }
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('log lines written behind', () => {
  it('are read by the journal’s readers before they are written', async () => {
    const { correlator, journal, clock, dir } = makePipeline();
    correlator.emit(signal({ observed_at: clock.iso() }));
    await turn(); // the turn that opened the incident is committed
    for (let i = 0; i < 9; i++) correlator.emit(signal({ observed_at: clock.iso() }));
    correlator.emit(signal({ observed_at: clock.iso(), message: 'Error fetching data: refused' }));
    await turn();
    // Held, not written: another reader of the file does not see them yet ...
    expect(committed(dir).occurrences).toBeLessThan(11);
    // ... but every read through the journal does.
    const { items } = journal.listIncidents({}, 10, 0);
    const id = items[0]?.id ?? '';
    expect(items.map((i) => i.occurrences)).toEqual([11]);
    expect(journal.getIncident(id)?.occurrences).toBe(11);
    expect(journal.signalsOf(id).map((s) => s.count)).toEqual([1, 10]);
    journal.close();
  });

  it('are written within a second, and on close', async () => {
    const { correlator, journal, clock, dir } = makePipeline();
    correlator.emit(signal({ observed_at: clock.iso() }));
    await turn();
    for (let i = 0; i < 4; i++) correlator.emit(signal({ observed_at: clock.iso() }));
    await turn();
    expect(committed(dir).occurrences).toBeLessThan(5);
    const deadline = Date.now() + WRITE_BEHIND_MS * 3;
    while (committed(dir).occurrences < 5 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(committed(dir)).toEqual({ incidents: 1, occurrences: 5, rows: 5 });
    // Stopping writes what is still held.
    for (let i = 0; i < 3; i++) correlator.emit(signal({ observed_at: clock.iso() }));
    journal.close();
    expect(committed(dir)).toEqual({ incidents: 1, occurrences: 8, rows: 8 });
  });

  it('lost in a crash are counted once by the resync from Home Assistant’s log', async () => {
    const dir = tempDir();
    /** HA's system log: one record, its occurrences so far. */
    const record = (count: number, latest: number) => linkLost(count, 100, latest);
    /** A sidecar on the data dir: the real journal, correlator and system log collector. */
    const start = async (list: SystemLogRecord[], at: string) => {
      const p = makePipeline({}, at);
      const ha = fakeSystemLog(() => list);
      const ctx: CollectorContext = {
        conn: ha.conn,
        inventory: { libraryLoggers: new Map(), entryFor: () => undefined } as unknown as Inventory,
        stateChanges: undefined as never,
        supervisor: null,
        dropped: () => p.journal.dropped,
        cursors: p.journal,
        sink: { emit: (s) => p.correlator.emit(s), reconcile: () => undefined },
        thresholds: { ...THRESHOLDS, logPollS: 3600 },
        log: createLogger('error'),
        now: () => new Date(),
        flags: { systemLogEvents: true },
      };
      const stop = await systemLogCollector.start(ctx);
      return { ...p, stop, event: (at: number) => ha.fire(record(1, at)) };
    };

    /** Long enough for the collector to signal the repeats it holds together. */
    const folded = () => new Promise((r) => setTimeout(r, REPEAT_FOLD_MS + 50));
    const first = await start([], dir);
    for (let at = 101; at <= 105; at++) first.event(at);
    await folded(); // the first at once, the four repeats together
    first.journal.flush(); // written: five occurrences, with the record's cursor
    await folded();
    // Killed after these three: the first is signalled and held by the journal (its row, its
    // count and the cursor together), the two repeats wait in the collector with their cursor.
    for (let at = 106; at <= 108; at++) first.event(at);
    await turn();
    expect(committed(dir)).toEqual({ incidents: 1, occurrences: 5, rows: 5 });

    // Restarted on what the crash left; HA's log holds all eight.
    const after = crashed(dir);
    const second = await start([record(8, 108)], after);
    const [incident] = second.journal.listIncidents({}, 10, 0).items;
    expect(incident?.occurrences).toBe(8);
    expect(second.journal.signalsOf(incident?.id ?? '').reduce((n, s) => n + s.count, 0)).toBe(8);
    await second.stop();
    second.journal.close();
    expect(committed(after)).toEqual({ incidents: 1, occurrences: 8, rows: 8 });
    await first.stop();
    first.journal.close();
  });
});
