/**
 * The system log collector counts every occurrence once, whether it came as a
 * live `system_log_event` or from `system_log/list` after a drop. HA fires the
 * event with the new entry (count 1), while the list holds the record's total.
 */
import type { Signal } from '@ha-llm-ops/contracts';
import { describe, expect, it, vi } from 'vitest';
import {
  REPEAT_FOLD_MS,
  systemLogCollector,
  type SystemLogRecord,
} from '../../src/collect/system-log.js';
import type { CollectorContext } from '../../src/collect/collector.js';
import type { Inventory } from '../../src/ha/inventory.js';
import { createLogger } from '../../src/log.js';
import { THRESHOLDS } from '../helpers/pipeline.js';
import { fakeSystemLog, linkLost } from '../helpers/system-log-conn.js';

const record = linkLost;

/** An event as HA fires it: the new entry, count 1, first and latest the same. */
const event = (at: number) => ({ data: record(1, at, at) });

async function collector(logPollS = 3600) {
  let list: SystemLogRecord[] = [];
  let dropped = 0;
  const cursors = new Map<string, unknown>();
  const taken: Signal[] = [];
  const ha = fakeSystemLog(() => list);
  const ctx: CollectorContext = {
    conn: ha.conn,
    inventory: { libraryLoggers: new Map(), entryFor: () => undefined } as unknown as Inventory,
    stateChanges: undefined as never,
    supervisor: null,
    dropped: () => dropped,
    cursors: {
      getCursor: <T>(name: string) => cursors.get(name) as T | undefined,
      setCursor: (name, value) => cursors.set(name, value),
    },
    sink: { emit: (s) => void taken.push(s), reconcile: () => undefined },
    thresholds: { ...THRESHOLDS, logPollS },
    log: createLogger('error'),
    now: () => new Date(),
    flags: { systemLogEvents: true },
  };
  const stop = await systemLogCollector.start(ctx);
  return {
    counted: () => taken.reduce((n, s) => n + s.count, 0),
    /** The count of each signal, in order. */
    signals: () => taken.map((s) => s.count),
    taken,
    /** How often the collector read HA's system log. */
    listed: ha.listed,
    /** The journal dropped a turn of writes (a full disk). */
    drop: () => void dropped++,
    /** The journal dropped everything not yet written: the signals taken and the cursors. */
    lose: () => {
      dropped++;
      taken.length = 0;
      cursors.clear();
    },
    event: (at: number) => ha.fire(event(at).data),
    /** HA fires an event with this record. */
    fire: (r: SystemLogRecord) => ha.fire(r),
    /** Reconnect: the resync finds `r` in the list. */
    resync: async (r: SystemLogRecord) => {
      list = [r];
      await ha.reconnect();
    },
    stop,
  };
}

/** Run `test` on a collector whose timers are fake (the fold's second, the polls); stops it after. */
async function onFakeClock(
  test: (c: Awaited<ReturnType<typeof collector>>) => Promise<void>,
  logPollS?: number,
): Promise<void> {
  vi.useFakeTimers();
  const c = await collector(logPollS);
  try {
    await test(c);
  } finally {
    await c.stop();
    vi.useRealTimers();
  }
}

describe('system log: every occurrence once', () => {
  it('three live events, then four more while the connection was down: seven', async () => {
    const c = await collector();
    c.event(100);
    c.event(101);
    c.event(102);
    expect(c.counted()).toBe(1); // the repeats wait to be signalled together
    await c.resync(record(7, 100, 110));
    expect(c.counted()).toBe(7);
    await c.resync(record(7, 100, 110)); // a poll finds nothing new
    expect(c.counted()).toBe(7);
    await c.stop();
  });

  it('an event that could not be taken is counted from the list, once', async () => {
    const c = await collector();
    c.event(100);
    c.event(101);
    // The third event is lost (its turn could not be saved); the fourth and fifth arrive.
    c.event(103);
    c.event(104);
    await c.resync(record(5, 100, 104));
    expect(c.counted()).toBe(5);
    await c.resync(record(5, 100, 104));
    expect(c.counted()).toBe(5);
    await c.stop();
  });

  it('a record that is new after HA restarted counts all of its occurrences', async () => {
    const c = await collector();
    c.event(100);
    await c.resync(record(3, 200, 210));
    expect(c.counted()).toBe(4);
    await c.stop();
  });
});

describe('system log: repeats signalled together', () => {
  it('the first occurrence at once, its repeats within a second as one signal with their count', () =>
    onFakeClock(async (c) => {
      c.event(100);
      expect(c.signals()).toEqual([1]);
      c.event(100.2);
      c.event(100.4);
      expect(c.signals()).toEqual([1]);
      await vi.advanceTimersByTimeAsync(REPEAT_FOLD_MS);
      expect(c.signals()).toEqual([1, 2]);
      // The latest occurrence stands for them: when it happened is when the failure was last seen.
      expect(c.taken.at(-1)?.observed_at).toBe(new Date(100_400).toISOString());
      // Quiet for longer than that: the next occurrence is signalled at once again.
      await vi.advanceTimersByTimeAsync(REPEAT_FOLD_MS);
      c.event(103);
      expect(c.signals()).toEqual([1, 2, 1]);
    }));

  it('a record with a long line (not remembered as it is) is folded and counted the same', () =>
    onFakeClock(async (c) => {
      const long = (at: number) => ({
        ...record(1, at, at),
        message: [`Lost the link to the bridge: ${'x'.repeat(20_000)}`],
      });
      c.fire(long(100));
      c.fire(long(100.5));
      c.fire(long(100.7));
      await vi.advanceTimersByTimeAsync(REPEAT_FOLD_MS);
      expect(c.signals()).toEqual([1, 2]);
    }));

  it('repeats still waiting are signalled when the collector stops, and counted once after', () =>
    onFakeClock(async (c) => {
      c.event(100);
      c.event(101);
      c.event(102);
      await c.stop();
      expect(c.counted()).toBe(3);
      // Nothing is signalled twice: no timer is left behind to fire again.
      await vi.advanceTimersByTimeAsync(5 * REPEAT_FOLD_MS);
      expect(c.counted()).toBe(3);
    }));
});

describe('system log: repeats and a journal that cannot write', () => {
  it('repeats waiting when the journal drops what it held are counted from the list instead', () =>
    onFakeClock(async (c) => {
      c.event(100);
      c.event(101);
      c.event(102);
      // The disk is full: the first occurrence and the cursor it moved are dropped, so the
      // repeats waiting were counted from a cursor that is gone.
      c.lose();
      await vi.advanceTimersByTimeAsync(REPEAT_FOLD_MS);
      await c.resync(record(3, 100, 102));
      expect(c.counted()).toBe(3);
    }));

  it('a read of the list while repeats wait after a drop counts them from the cursor kept', () =>
    onFakeClock(async (c) => {
      c.event(100);
      c.event(101);
      c.event(102);
      c.lose();
      await c.resync(record(3, 100, 102));
      await vi.advanceTimersByTimeAsync(REPEAT_FOLD_MS);
      expect(c.counted()).toBe(3);
    }));
});

describe('system log: read again only as often as it helps', () => {
  it('polls the list every few seconds until events arrive, then every five minutes', () =>
    onFakeClock(async (c) => {
      const atConnect = c.listed();
      // No event yet: HA may not fire them (system_log fire_event off), so the list is read.
      await vi.advanceTimersByTimeAsync(30_000);
      expect(c.listed()).toBe(atConnect + 3);
      // Events arrive: each one brings its record, and HA's list (serialized for every read)
      // is read only as a safety net for an occurrence that could not be saved.
      c.event(100);
      await vi.advanceTimersByTimeAsync(290_000);
      expect(c.listed()).toBe(atConnect + 3);
      await vi.advanceTimersByTimeAsync(10_000);
      expect(c.listed()).toBe(atConnect + 4);
      // Writes dropped (a full disk): the list is read at the next poll, and each poll after
      // while they keep being dropped, so what was lost is counted once there is room again.
      c.drop();
      await vi.advanceTimersByTimeAsync(10_000);
      expect(c.listed()).toBe(atConnect + 5);
      await vi.advanceTimersByTimeAsync(10_000);
      expect(c.listed()).toBe(atConnect + 5);
      // After a reconnect nothing is known of the new connection's events: polled again.
      await c.resync(record(1, 100, 100));
      const atReconnect = c.listed();
      await vi.advanceTimersByTimeAsync(20_000);
      expect(c.listed()).toBe(atReconnect + 2);
    }, 10));
});
