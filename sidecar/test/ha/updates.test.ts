/** Following update entities: an installed version that changes is an update, with its backup. */
import type { Connection } from 'home-assistant-js-websocket';
import { describe, expect, it } from 'vitest';
import type { Inventory, RegistryEntity } from '../../src/ha/inventory.js';
import { StateChangeFeed } from '../../src/ha/state-changes.js';
import { followUpdates, UpdateStates } from '../../src/ha/updates.js';
import { updatesFor } from '../../src/package/enrich.js';
import type { IncidentRecord } from '../../src/journal/journal.js';
import { createLogger } from '../../src/log.js';
import type { SupervisorClient } from '../../src/supervisor/client.js';
import type { InstalledUpdate } from '../../src/shared/update-attribution.js';

const NOW = new Date('2026-12-04T12:00:00.000Z');

interface State {
  entity_id: string;
  state?: string;
  attributes: Record<string, unknown>;
}

const state = (entityId: string, version: string | null, title?: string): State => ({
  entity_id: entityId,
  attributes: {
    ...(version && { installed_version: version }),
    ...(title && { title }),
    release_url: `https://example.org/${version ?? 'none'}`,
  },
});

/** HA as the follower sees it: states, backups, state_changed events and reconnects. */
function fakeHa(
  states: State[],
  backups: { backup_id: string; name: string; date: string }[],
  haVersion?: string,
) {
  let push: ((ev: unknown) => void) | undefined;
  const ready = new Set<() => void>();
  const conn = {
    haVersion,
    sendMessagePromise: async (msg: { type: string }) => {
      if (msg.type === 'get_states') return states;
      if (msg.type === 'backup/info') return { backups };
      throw new Error(`unexpected ${msg.type}`);
    },
    // No llm_ops filter here: the follower falls back to every state_changed event.
    subscribeMessage: async (cb: (ev: unknown) => void, msg: { type: string }) => {
      if (msg.type !== 'subscribe_events')
        throw { code: 'unknown_command', message: 'Unknown command.' };
      push = cb;
      return async () => undefined;
    },
    subscribeEvents: async () => async () => undefined,
    addEventListener: (_: string, fn: () => void) => ready.add(fn),
    removeEventListener: (_: string, fn: () => void) => ready.delete(fn),
  } as unknown as Connection;
  return {
    conn,
    change: (s: State) => push?.({ data: { entity_id: s.entity_id, new_state: s } }),
    remove: (entityId: string) => push?.({ data: { entity_id: entityId, new_state: null } }),
    reconnect: () => ready.forEach((fn) => fn()),
  };
}

const registry: Record<string, Partial<RegistryEntity>> = {
  'update.fault_lab': { platform: 'fault_lab', unique_id: 'e1_update' },
  'update.home_assistant_core_update': {
    platform: 'hassio',
    unique_id: 'home_assistant_core_version_latest',
  },
  'update.mosquitto_broker_update': {
    platform: 'hassio',
    unique_id: 'core_mosquitto_version_latest',
  },
  'update.tuya_local_update': { platform: 'hacs', unique_id: '123456' },
};
const inventory = {
  entity: (id: string) => registry[id],
  integration: (domain: string) => (domain === 'tuya_local' ? { custom: true } : undefined),
} as unknown as Inventory;

function memoryStore() {
  const versions = new Map<string, string>();
  const recorded: InstalledUpdate[] = [];
  return {
    recorded,
    knownVersion: (id: string) => versions.get(id),
    see: (id: string, v: string) => void versions.set(id, v),
    record: (u: InstalledUpdate) => void recorded.push(u),
  };
}

const settle = () => new Promise((r) => setTimeout(r, 10));

/** Follow the fake HA's updates into a fresh store, as the sidecar does. */
async function follow(
  ha: ReturnType<typeof fakeHa>,
  supervisor: SupervisorClient | null = null,
  current?: UpdateStates,
) {
  const store = memoryStore();
  const log = createLogger('error');
  await followUpdates({
    conn: ha.conn,
    stateChanges: new StateChangeFeed(ha.conn, log),
    inventory,
    supervisor,
    store,
    ...(current && { current }),
    log,
    now: () => NOW,
  });
  return store;
}

describe('followUpdates', () => {
  it('records an update when the installed version changes, with the newest backup before it', async () => {
    const ha = fakeHa(
      [state('update.fault_lab', '0.1.0', 'Fault Lab')],
      [
        { backup_id: 'old', name: 'Last week', date: '2026-11-27T12:00:00.000Z' },
        { backup_id: 'b2', name: 'Before Fault Lab 0.2.0', date: '2026-12-04T11:58:00.000Z' },
        { backup_id: 'later', name: 'Tomorrow', date: '2026-12-05T12:00:00.000Z' },
      ],
    );
    const store = await follow(ha);
    expect(store.recorded).toEqual([]); // the first version seen is no update
    ha.change(state('update.fault_lab', null)); // unavailable while reloading
    ha.change(state('update.fault_lab', '0.2.0', 'Fault Lab'));
    await settle();
    expect(store.recorded).toEqual([
      {
        entity_id: 'update.fault_lab',
        kind: 'integration',
        integration: 'fault_lab',
        addon: null,
        title: 'Fault Lab',
        from_version: '0.1.0',
        to_version: '0.2.0',
        release_url: 'https://example.org/0.2.0',
        updated_at: NOW.toISOString(),
        backup: { id: 'b2', name: 'Before Fault Lab 0.2.0', date: '2026-12-04T11:58:00.000Z' },
      },
    ]);
  });

  it('notices a Core update after HA came back, and tells Core, add-ons and HACS apart', async () => {
    const states = [
      state('update.home_assistant_core_update', '2026.11.3', 'Home Assistant Core'),
      state('update.mosquitto_broker_update', '6.4.0', 'Mosquitto broker'),
      state('update.tuya_local_update', '2025.1.0', 'Tuya Local'),
    ];
    const ha = fakeHa(states, []);
    const store = await follow(ha);
    states[0] = state('update.home_assistant_core_update', '2026.12.0', 'Home Assistant Core');
    states[1] = state('update.mosquitto_broker_update', '6.5.0', 'Mosquitto broker');
    states[2] = state('update.tuya_local_update', '2025.2.0', 'Tuya Local');
    ha.reconnect();
    await settle();
    expect(store.recorded.map((u) => [u.kind, u.integration, u.addon, u.to_version])).toEqual([
      ['core', null, null, '2026.12.0'],
      ['addon', null, 'core_mosquitto', '6.5.0'],
      ['integration', 'tuya_local', null, '2025.2.0'],
    ]);
    expect(store.recorded.every((u) => u.backup === null)).toBe(true);
  });

  it('without update entities, HA’s own version and the Supervisor’s add-on list tell', async () => {
    const ha = fakeHa([], [], '2026.11.3');
    const addons = [{ slug: 'core_mosquitto', name: 'Mosquitto broker', version: '6.4.0' }];
    const supervisor = {
      addons: async () => addons,
      call: async () => ({
        backups: [{ slug: 'f00d', name: 'Before the update', date: '2026-12-04T11:50:00+00:00' }],
      }),
    } as unknown as SupervisorClient;
    const store = await follow(ha, supervisor);
    (ha.conn as { haVersion: string }).haVersion = '2026.12.0';
    addons[0] = { slug: 'core_mosquitto', name: 'Mosquitto broker', version: '6.5.0' };
    ha.reconnect();
    await settle();
    expect(store.recorded).toEqual([
      expect.objectContaining({
        entity_id: 'homeassistant',
        kind: 'core',
        title: 'Home Assistant Core',
        from_version: '2026.11.3',
        to_version: '2026.12.0',
        backup: { id: 'f00d', name: 'Before the update', date: '2026-12-04T11:50:00.000Z' },
      }),
      expect.objectContaining({
        entity_id: 'addon:core_mosquitto',
        kind: 'addon',
        addon: 'core_mosquitto',
        title: 'Mosquitto broker',
        from_version: '6.4.0',
        to_version: '6.5.0',
      }),
    ]);
  });

  it('keeps the update entities’ current states, which tell an incident’s evidence what waits', async () => {
    const available = (s: State, latest: string): State => ({
      ...s,
      state: 'on',
      attributes: { ...s.attributes, latest_version: latest },
    });
    const states = [
      available(state('update.fault_lab', '0.1.0', 'Fault Lab'), '0.2.0'),
      state('update.mosquitto_broker_update', '6.4.0', 'Mosquitto broker'),
      { entity_id: 'sensor.temperature', attributes: {} },
    ];
    const ha = fakeHa(states, []);
    const current = new UpdateStates();
    await follow(ha, null, current);
    const ids = () => current.list().map((s) => s.entity_id);
    expect(ids()).toEqual(['update.fault_lab', 'update.mosquitto_broker_update']);

    const incident = { integration: 'fault_lab', entry_id: null } as unknown as IncidentRecord;
    expect(updatesFor(current.list(), inventory, incident)).toEqual([
      'update available: Fault Lab 0.1.0 → 0.2.0',
    ]);
    ha.change(state('update.fault_lab', '0.2.0', 'Fault Lab')); // installed: none waits
    expect(updatesFor(current.list(), inventory, incident)).toEqual([]);

    ha.remove('update.mosquitto_broker_update');
    expect(ids()).toEqual(['update.fault_lab']);
    states.push(state('update.tuya_local_update', '2025.1.0', 'Tuya Local'));
    ha.reconnect(); // read again in full
    await settle();
    expect(ids()).toEqual([
      'update.fault_lab',
      'update.mosquitto_broker_update',
      'update.tuya_local_update',
    ]);
  });
});
