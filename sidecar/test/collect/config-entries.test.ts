import type { Connection } from 'home-assistant-js-websocket';
import { describe, expect, it } from 'vitest';
import {
  subscribeConfigEntries,
  type EntryTransition,
  type HaConfigEntry,
} from '../../src/ha/config-entries.js';
import { entrySignal } from '../../src/collect/config-entries.js';

/** A connection that hands the subscription callback to the test. */
function fakeConnection() {
  let push: ((msg: unknown) => void) | undefined;
  let subscribed: unknown;
  const conn = {
    subscribeMessage: async (cb: (msg: unknown) => void, msg: unknown) => {
      push = cb;
      subscribed = msg;
      return async () => undefined;
    },
  } as unknown as Connection;
  return { conn, push: (msg: unknown) => push?.(msg), subscribed: () => subscribed };
}

const entry = (
  id: string,
  state: HaConfigEntry['state'],
  reason: string | null = null,
): HaConfigEntry => ({
  entry_id: id,
  domain: 'fault_lab',
  title: `Entry ${id}`,
  source: 'user',
  state,
  reason,
  disabled_by: null,
});

describe('subscribeConfigEntries', () => {
  it('folds the full list and later changes into one map', async () => {
    const fake = fakeConnection();
    const seen: { ids: string[]; transitions: EntryTransition[] }[] = [];
    await subscribeConfigEntries(fake.conn, (entries, transitions) =>
      seen.push({ ids: [...entries.keys()], transitions }),
    );
    expect(fake.subscribed()).toEqual({ type: 'config_entries/subscribe' });

    fake.push([
      { type: null, entry: entry('a', 'loaded') },
      { type: null, entry: entry('b', 'loaded') },
    ]);
    fake.push([{ type: 'updated', entry: entry('a', 'setup_retry', 'timeout') }]);
    fake.push([{ type: 'removed', entry: entry('b', 'loaded') }]);

    expect(seen.map((s) => s.ids)).toEqual([['a', 'b'], ['a', 'b'], ['a']]);
    expect(seen[1]?.transitions).toEqual([
      { before: entry('a', 'loaded'), after: entry('a', 'setup_retry', 'timeout') },
    ]);
    expect(seen[2]?.transitions).toEqual([{ before: entry('b', 'loaded'), after: undefined }]);
  });

  it('drops entries missing from a new full list (removed while disconnected)', async () => {
    const fake = fakeConnection();
    let last: string[] = [];
    let transitions: EntryTransition[] = [];
    await subscribeConfigEntries(fake.conn, (entries, t) => {
      last = [...entries.keys()];
      transitions = t;
    });
    fake.push([
      { type: null, entry: entry('a', 'loaded') },
      { type: null, entry: entry('b', 'loaded') },
    ]);
    fake.push([{ type: null, entry: entry('a', 'loaded') }]);
    expect(last).toEqual(['a']);
    expect(transitions).toContainEqual({ before: entry('b', 'loaded'), after: undefined });
  });
});

describe('entrySignal', () => {
  const at = '2026-12-03T09:00:00.000Z';

  it('says nothing while an enabled entry passes through not_loaded (a reload under way)', () => {
    // A fix's own reload unloads the entry first; that is not the fix working.
    expect(entrySignal(entry('a', 'not_loaded'), at)).toBeNull();
    expect(entrySignal(entry('a', 'setup_in_progress'), at)).toBeNull();
  });

  it('clears when the entry loads, or is disabled', () => {
    expect(entrySignal(entry('a', 'loaded'), at)?.condition).toBe('cleared');
    expect(entrySignal({ ...entry('a', 'not_loaded'), disabled_by: 'user' }, at)?.condition).toBe(
      'cleared',
    );
  });

  it('is active for a failing state, with its reason', () => {
    const s = entrySignal(entry('a', 'setup_retry', 'timeout'), at);
    expect(s?.condition).toBe('active');
    expect(s?.message).toBe('Entry a (fault_lab) is stuck in setup retry: timeout');
  });
});
