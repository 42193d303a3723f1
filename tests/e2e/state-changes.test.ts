/**
 * The state changes the sidecar gets from the real dev HA: every `state_changed` event
 * while the llm_ops integration is not loaded, HA's in-process filter once it is
 * (llm_ops/subscribe_state_changes), and detection working the same through the filter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haRestart, readHaEnv, type HaEnv } from '../harness/ha-dev.js';
import {
  addLlmOpsEntry,
  callService,
  configEntries,
  eventually,
  haRest,
  removeEntries,
} from '../harness/ha-rest.js';
import { HaSocket } from '../harness/ha-ws.js';
import { startSidecar, type SidecarProcess } from '../harness/sidecar.js';

interface ApiIncident {
  id: string;
  status: string;
  integration: string | null;
}

interface StateChanged {
  event_type: string;
  data: {
    entity_id: string;
    old_state: { state: string } | null;
    new_state: { state: string; attributes: Record<string, unknown> } | null;
  };
}

let env: HaEnv;
let sidecar: SidecarProcess;
/** HA's `state_changed` listeners before the sidecar connected. */
let listenersBefore: number;

/** How many listeners HA's bus has for `state_changed` (each subscription is one). */
async function stateChangedListeners(): Promise<number> {
  const events = await haRest<{ event: string; listener_count: number }[]>(
    env,
    'GET',
    '/api/events',
  );
  return events.find((e) => e.event === 'state_changed')?.listener_count ?? 0;
}

async function api<T>(path: string): Promise<T> {
  const res = await fetch(`${sidecar.url}${path}`, {
    headers: { authorization: `Bearer ${sidecar.token}` },
  });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const setState = (entityId: string, state: string, attributes: Record<string, unknown> = {}) =>
  haRest(env, 'POST', `/api/states/${entityId}`, { state, attributes });

const faultLabLoaded = () =>
  eventually(
    async () => ((await configEntries(env, 'fault_lab'))[0]?.state === 'loaded' ? true : undefined),
    60_000,
    'the fault_lab entry to be loaded',
  );

async function faultLabReloaded(): Promise<void> {
  const [entry] = await configEntries(env, 'fault_lab');
  if (!entry) throw new Error('fault_lab has no config entry');
  await haRest(env, 'POST', `/api/config/config_entries/entry/${entry.entry_id}/reload`);
  await faultLabLoaded();
}

/** What a failed wait leaves to go on: HA's side, the sidecar's incidents and its log. */
async function diagnosis(): Promise<string> {
  const entries = await configEntries(env, 'fault_lab').catch((err: unknown) => String(err));
  const states = await Promise.all(
    ['sensor.fault_lab_hub_temperature', 'sensor.fault_lab_hub_humidity'].map((id) =>
      haRest<{ state: string; last_changed: string }>(env, 'GET', `/api/states/${id}`)
        .then((s) => `${id}: ${s.state} since ${s.last_changed}`)
        .catch((err: unknown) => `${id}: ${String(err)}`),
    ),
  );
  const incidents = await api<{ items: ApiIncident[] }>('/api/incidents?active=true').catch(
    (err: unknown) => String(err),
  );
  return [
    `fault_lab entries: ${JSON.stringify(entries)}`,
    ...states,
    `active incidents: ${JSON.stringify(incidents)}`,
    `sidecar log (tail):\n${sidecar.output().split('\n').slice(-60).join('\n')}`,
  ].join('\n');
}

beforeAll(async () => {
  env = readHaEnv();
  // llm_ops registers its commands when it first loads and keeps them until HA restarts:
  // without an entry and restarted, this HA has never had the integration. fault_lab starts
  // healthy whatever fault an earlier file left in its options.
  await removeEntries(env, 'llm_ops');
  await callService(env, 'fault_lab', 'set_fault', { mode: 'none' }).catch(() => undefined);
  env = await haRestart();
  await faultLabLoaded();
  await callService(env, 'system_log', 'clear');
  listenersBefore = await stateChangedListeners();
  sidecar = await startSidecar({
    HA_URL: env.HA_URL,
    HA_TOKEN: env.HA_TOKEN,
    LOG_LEVEL: 'info',
    LLM_OPS_UNAVAILABLE_AFTER_S: '3',
    LLM_OPS_FLAP_WINDOW_S: '1',
    LLM_OPS_EVENT_UPDATE_INTERVAL_S: '1',
  });
  await sidecar.waitForLog(/watching Home Assistant/);
}, 300_000);

afterAll(async () => {
  await callService(env, 'fault_lab', 'set_fault', { mode: 'none' }).catch(() => undefined);
  await removeEntries(env, 'llm_ops').catch(() => undefined);
  await sidecar?.stop();
});

describe('the state changes the sidecar subscribes to', () => {
  it('are every state_changed event while the llm_ops integration is not loaded', async () => {
    await sidecar.waitForLog(/state changes: every state_changed event/);
    expect(sidecar.output()).not.toMatch(/state changes: filtered/);
    // One subscription feeds every consumer (entities, updates): HA sends each change once.
    expect(await stateChangedListeners()).toBe(listenersBefore + 1);
  });

  it('are filtered in HA once the integration loads, without restarting the sidecar', async () => {
    await addLlmOpsEntry(env, sidecar);
    await sidecar.waitForLog(/state changes: filtered in Home Assistant/, 30_000);
  });

  it('still show an entity going unavailable, as one incident', async () => {
    await faultLabLoaded();
    await callService(env, 'fault_lab', 'set_fault', { mode: 'unavailable' });
    const found = eventually(
      async () => {
        const { items } = await api<{ items: ApiIncident[] }>(
          '/api/incidents?integration=fault_lab&active=true',
        );
        const [incident] = items;
        if (!incident) return undefined;
        const d = await api<{ signals: { kind: string; data: { entity_ids?: string[] } }[] }>(
          `/api/incidents/${incident.id}`,
        );
        return d.signals.some((s) => s.kind === 'entities_unavailable') ? d : undefined;
      },
      45_000,
      'an entities_unavailable incident for fault_lab',
    );
    const detail = await found.catch(async (err: unknown) => {
      throw new Error(`${String(err)}\n${await diagnosis()}`);
    });
    expect(detail.signals.find((s) => s.kind === 'entities_unavailable')?.data.entity_ids).toEqual([
      'sensor.fault_lab_hub_humidity',
      'sensor.fault_lab_hub_signal_strength',
      'sensor.fault_lab_hub_temperature',
    ]);
    await callService(env, 'fault_lab', 'set_fault', { mode: 'none' });
    await faultLabReloaded();
  });

  it('carry down and back, the first report after, update.* changes; not unrelated ones', async () => {
    const socket = await HaSocket.open(env.HA_URL, env.HA_TOKEN);
    const seen: string[] = [];
    let markerSeen = false;
    try {
      await socket.subscribe<StateChanged>({ type: 'llm_ops/subscribe_state_changes' }, (event) => {
        expect(event.event_type).toBe('state_changed');
        const { entity_id, old_state, new_state } = event.data;
        if (entity_id === 'sensor.e2e_filter_marker') markerSeen = true;
        else if (!markerSeen)
          seen.push(`${entity_id}: ${old_state?.state ?? '-'} → ${new_state?.state ?? '-'}`);
      });
      for (const state of ['20', '21', 'unavailable', '22', '23', '24'])
        await setState('sensor.e2e_filter_power', state);
      await setState('update.e2e_filter_firmware', 'off', { installed_version: '1.0' });
      await setState('update.e2e_filter_firmware', 'on', { latest_version: '1.1' });
      // Changes arrive in order: once the marker is here, nothing before it is still coming.
      await setState('sensor.e2e_filter_marker', 'unavailable');
      await eventually(async () => (markerSeen ? true : undefined), 10_000, 'the marker');
    } finally {
      socket.close();
      for (const id of [
        'sensor.e2e_filter_power',
        'update.e2e_filter_firmware',
        'sensor.e2e_filter_marker',
      ])
        await haRest(env, 'DELETE', `/api/states/${id}`).catch(() => undefined);
    }
    expect(seen).toEqual([
      'sensor.e2e_filter_power: 21 → unavailable',
      'sensor.e2e_filter_power: unavailable → 22',
      'sensor.e2e_filter_power: 22 → 23',
      'update.e2e_filter_firmware: - → off',
      'update.e2e_filter_firmware: off → on',
    ]);
  });

  it('come through one filter: HA calls one filter per change for the whole sidecar', async () => {
    const withSidecar = await stateChangedListeners();
    await sidecar.stop();
    await eventually(
      async () => ((await stateChangedListeners()) < withSidecar ? true : undefined),
      10_000,
      "HA to drop the sidecar's subscription",
    );
    expect(withSidecar - (await stateChangedListeners())).toBe(1);
  });
});
