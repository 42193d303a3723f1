/**
 * The sidecar's one state-change subscription, shared by its consumers: Home Assistant
 * sends (or filters) each change once however many parts of the sidecar follow states.
 */
import type { Connection } from 'home-assistant-js-websocket';
import { describe, expect, it } from 'vitest';
import { StateChangeFeed, type StateChangedEvent } from '../../src/ha/state-changes.js';
import { createLogger } from '../../src/log.js';

/** HA with the llm_ops filter loaded: counts the subscriptions made and lets a test push. */
function fakeHa() {
  const subscriptions: { type: string; push: (ev: StateChangedEvent) => void }[] = [];
  let unsubscribed = 0;
  const conn = {
    subscribeMessage: async (push: (ev: StateChangedEvent) => void, msg: { type: string }) => {
      subscriptions.push({ type: msg.type, push });
      return async () => void unsubscribed++;
    },
    subscribeEvents: async () => async () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  } as unknown as Connection;
  const change = (entityId: string, state: string): StateChangedEvent =>
    ({
      event_type: 'state_changed',
      data: {
        entity_id: entityId,
        old_state: null,
        new_state: { entity_id: entityId, state, last_changed: '' },
      },
    }) as StateChangedEvent;
  return {
    conn,
    subscriptions,
    unsubscribed: () => unsubscribed,
    push: (entityId: string, state: string) =>
      subscriptions.forEach((s) => s.push(change(entityId, state))),
  };
}

describe('the state-change feed', () => {
  it('holds one subscription in HA for every consumer, and each gets every change', async () => {
    const ha = fakeHa();
    const feed = new StateChangeFeed(ha.conn, createLogger('error'));
    const a: string[] = [];
    const b: string[] = [];
    await feed.listen((ev) => a.push(ev.data.entity_id));
    await feed.listen((ev) => b.push(ev.data.entity_id));
    expect(ha.subscriptions.map((s) => s.type)).toEqual(['llm_ops/subscribe_state_changes']);
    ha.push('sensor.kitchen', 'unavailable');
    expect(a).toEqual(['sensor.kitchen']);
    expect(b).toEqual(['sensor.kitchen']);
  });

  it('takes each consumer’s snapshot once the subscription is in place, late ones too', async () => {
    const ha = fakeHa();
    const feed = new StateChangeFeed(ha.conn, createLogger('error'));
    const snapshots: string[] = [];
    await feed.listen(
      () => undefined,
      async () => void snapshots.push(`first (${ha.subscriptions.length} subscription)`),
    );
    await feed.listen(
      () => undefined,
      async () => void snapshots.push(`late (${ha.subscriptions.length} subscription)`),
    );
    expect(snapshots).toEqual(['first (1 subscription)', 'late (1 subscription)']);
  });

  it('keeps a change from the others when one consumer fails on it', async () => {
    const ha = fakeHa();
    const feed = new StateChangeFeed(ha.conn, createLogger('error'));
    const seen: string[] = [];
    await feed.listen(() => {
      throw new Error('a broken consumer');
    });
    await feed.listen((ev) => seen.push(ev.data.entity_id));
    ha.push('sensor.hall', 'unavailable');
    expect(seen).toEqual(['sensor.hall']);
  });

  it('stops a consumer alone, and lets go of the subscription when the feed stops', async () => {
    const ha = fakeHa();
    const feed = new StateChangeFeed(ha.conn, createLogger('error'));
    const a: string[] = [];
    const b: string[] = [];
    const first = await feed.listen((ev) => a.push(ev.data.entity_id));
    await feed.listen((ev) => b.push(ev.data.entity_id));
    await first.stop();
    ha.push('sensor.porch', 'unknown');
    expect(a).toEqual([]);
    expect(b).toEqual(['sensor.porch']);
    expect(ha.unsubscribed()).toBe(0);
    await feed.stop();
    expect(ha.unsubscribed()).toBe(1);
  });
});
