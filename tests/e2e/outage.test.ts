/**
 * One incident per outage, in the real dev HA with the real sidecar process: fault_lab's
 * bridge goes offline and takes the 24 devices behind it (`via_device`) down at once, and the
 * 3 devices of a second integration (fault_lab_relay) connected through it. The sidecar opens
 * exactly one incident, named after the bridge, listing every affected device and integration.
 * Back online the devices show their last readings (stale): the incident stays open until
 * they report again, then resolves by itself. A device failing alone (the lab's hub) still
 * gets an incident of its own, naming no root.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readHaEnv, type HaEnv } from '../harness/ha-dev.js';
import {
  callService,
  configEntries,
  eventually,
  haRest,
  removeEntries,
} from '../harness/ha-rest.js';
import { startSidecar, type SidecarProcess } from '../harness/sidecar.js';

interface ApiSignal {
  kind: string;
  condition: string;
  data: Record<string, unknown>;
}

interface ApiIncident {
  id: string;
  integration: string | null;
  status: string;
  title: string;
  subject: string | null;
  outcome: { outcome: string } | null;
}

interface Detail {
  incident: ApiIncident;
  signals: ApiSignal[];
  bundle: { outage?: { root: string; devices: string[]; integrations: string[] } | null } | null;
  analysis: { summary: string; root_cause: string } | null;
}

const BRIDGE_DEVICES = 24;
const RELAY_DEVICES = 3;
const FIRST = 'sensor.fault_lab_sensor_01_temperature';
const HUB_SENSOR = 'sensor.fault_lab_hub_temperature';
const RELAY = 'sensor.fault_lab_relay_1_temperature';

let env: HaEnv;
let sidecar: SidecarProcess;

async function api<T>(path: string): Promise<T> {
  const res = await fetch(`${sidecar.url}${path}`, {
    headers: { authorization: `Bearer ${sidecar.token}` },
  });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

/** The lab's open incidents (HA itself may report its own, e.g. the installation type). */
const openIncidents = async () =>
  (await api<{ items: ApiIncident[] }>('/api/incidents?active=true&limit=500')).items.filter((i) =>
    i.integration?.startsWith('fault_lab'),
  );

const stateOf = async (entityId: string) =>
  (await haRest<{ state: string }>(env, 'GET', `/api/states/${entityId}`)).state;

/** Take the bridge offline or back, and wait until HA shows it. */
async function bridge(online: boolean): Promise<void> {
  await callService(env, 'fault_lab', 'bridge', { online });
  await eventually(
    async () => ((await stateOf(FIRST)) === 'unavailable') !== online || undefined,
    30_000,
    `the bridged devices ${online ? 'back' : 'unavailable'}`,
  );
}

beforeAll(async () => {
  env = readHaEnv();
  const [entry] = await configEntries(env, 'fault_lab');
  if (!entry) throw new Error('fault_lab has no config entry');
  await callService(env, 'fault_lab', 'set_fault', { mode: 'none' });
  await callService(env, 'fault_lab', 'bridge', { online: true });
  await eventually(async () => ((await stateOf(HUB_SENSOR)) !== 'unavailable' ? true : undefined));
  // A second integration whose devices connect through the bridge.
  await removeEntries(env, 'fault_lab_relay');
  const flow = await haRest<{ flow_id: string }>(env, 'POST', '/api/config/config_entries/flow', {
    handler: 'fault_lab_relay',
  });
  await haRest(env, 'POST', `/api/config/config_entries/flow/${flow.flow_id}`, {});
  await eventually(async () => ((await stateOf(RELAY)) !== 'unavailable' ? true : undefined));
  // Earlier suites left errors in HA's log; a fresh sidecar would (rightly) report them.
  await callService(env, 'system_log', 'clear');
  sidecar = await startSidecar({
    HA_URL: env.HA_URL,
    HA_TOKEN: env.HA_TOKEN,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'llm-ops-outage-')),
    LLM_OPS_UNAVAILABLE_AFTER_S: '2',
    LLM_OPS_FLAP_WINDOW_S: '0',
  });
  await sidecar.waitForLog(/watching Home Assistant/, 60_000);
}, 180_000);

afterAll(async () => {
  if (env) {
    await callService(env, 'fault_lab', 'bridge', { online: true });
    await callService(env, 'fault_lab', 'set_fault', { mode: 'none' });
    await removeEntries(env, 'fault_lab_relay');
  }
  await sidecar?.stop();
});

describe('one incident per outage', () => {
  let incidentId = '';

  it('the bridge going down opens exactly one incident, naming it and listing its devices and integrations', async () => {
    expect(await openIncidents()).toEqual([]);
    await bridge(false);
    const incident = await eventually(
      async () => (await openIncidents()).find((i) => /Fault Lab Bridge/.test(i.title)),
      60_000,
      'the incident of the bridge',
    );
    incidentId = incident.id;
    // Every device behind the bridge is in it, and no other incident opened for any of them.
    const detail = await eventually(
      async () => {
        const d = await api<Detail>(`/api/incidents/${incident.id}`);
        return (d.bundle?.outage?.devices.length ?? 0) > BRIDGE_DEVICES + RELAY_DEVICES
          ? d
          : undefined;
      },
      60_000,
      'the evidence listing the affected devices',
    );
    expect(detail.bundle?.outage?.root).toBe('Fault Lab Bridge');
    expect(detail.bundle?.outage?.devices).toEqual([
      'Fault Lab Bridge',
      ...Array.from({ length: RELAY_DEVICES }, (_, n) => `Fault Lab Relay ${n + 1}`),
      ...Array.from(
        { length: BRIDGE_DEVICES },
        (_, n) => `Fault Lab Sensor ${String(n + 1).padStart(2, '0')}`,
      ),
    ]);
    // Of two integrations: fault_lab's devices and those of the relay behind the same bridge.
    expect(detail.bundle?.outage?.integrations).toEqual(['fault_lab', 'fault_lab_relay']);
    const outage = detail.signals.find(
      (s) => s.kind === 'entities_unavailable' && s.condition === 'active',
    );
    expect(outage?.data.entity_ids).toHaveLength(BRIDGE_DEVICES + RELAY_DEVICES + 1);
    expect(incident.subject).toMatch(/^device:/);
    const open = await openIncidents();
    expect(open.map((i) => i.id)).toEqual([incident.id]);
    // The explanation blames the bridge, not each device.
    const analysis = await eventually(
      async () => (await api<Detail>(`/api/incidents/${incident.id}`)).analysis ?? undefined,
      60_000,
      'the analysis',
    );
    expect(analysis.summary).toBe('Fault Lab Bridge is down: 28 devices are unavailable');
    expect(analysis.root_cause).toContain('Fault Lab Sensor 01');
  }, 120_000);

  it('back online with stale readings it stays open; it resolves once the devices report', async () => {
    await bridge(true);
    // The sidecar saw them available again, and waits for them to report.
    await sidecar.waitForLog(/Fault Lab Bridge: 28 entities are available again, waiting/, 60_000);
    const { incident } = await api<Detail>(`/api/incidents/${incidentId}`);
    expect(incident.status).not.toBe('resolved');

    await callService(env, 'fault_lab', 'bridge_report');
    const closed = await eventually(
      async () => {
        const d = await api<Detail>(`/api/incidents/${incidentId}`);
        return d.incident.status === 'resolved' ? d.incident : undefined;
      },
      60_000,
      'the incident to resolve once the devices reported',
    );
    expect(closed.outcome?.outcome).toBe('resolved_itself');
  }, 120_000);

  it('a device failing alone still gets an incident of its own', async () => {
    await callService(env, 'fault_lab', 'set_fault', { mode: 'offline' });
    await eventually(
      async () => ((await stateOf(HUB_SENSOR)) === 'unavailable' ? true : undefined),
      30_000,
      'the hub unavailable',
    );
    const incident = await eventually(
      async () => (await openIncidents())[0],
      60_000,
      'the incident of the hub',
    );
    expect(incident.title).not.toMatch(/Bridge|is down/);
    const detail = await api<Detail>(`/api/incidents/${incident.id}`);
    expect(detail.bundle?.outage ?? null).toBeNull();
    expect(await openIncidents()).toHaveLength(1);
  }, 120_000);
});
