/**
 * Observe end to end: the real sidecar watching the real dev HA turns every
 * fault_lab failure into exactly one incident, resolves it when the fault
 * clears, survives restarts of either side and announces incidents on HA's bus.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { haRestart, readHaEnv, type HaEnv } from '../harness/ha-dev.js';
import { callService, configEntries, eventually, haRest } from '../harness/ha-rest.js';
import { HaSocket } from '../harness/ha-ws.js';
import { startSidecar, type SidecarProcess } from '../harness/sidecar.js';

interface ApiIncident {
  id: string;
  status: string;
  integration: string | null;
  entry_id: string | null;
  category: string;
  occurrences: number;
  title: string;
}

let env: HaEnv;
let entryId: string;
let dataDir: string;
let sidecar: SidecarProcess;

const SETTINGS = {
  LLM_OPS_UNAVAILABLE_AFTER_S: '3',
  LLM_OPS_QUIET_PERIOD_S: '20',
  LLM_OPS_FLAP_WINDOW_S: '1',
  LLM_OPS_EVENT_UPDATE_INTERVAL_S: '1',
  LLM_OPS_LOG_POLL_S: '2',
};

async function start(): Promise<SidecarProcess> {
  return startSidecar({
    HA_URL: env.HA_URL,
    HA_TOKEN: env.HA_TOKEN,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'debug',
    ...SETTINGS,
  });
}

async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(`${sidecar.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${sidecar.token}`, 'content-type': 'application/json' },
  });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const activeFaultLab = async () =>
  (await api<{ items: ApiIncident[] }>('/api/incidents?integration=fault_lab&active=true')).items;

/** Wait until fault_lab has exactly one open incident, and return it. */
async function oneIncident(what: string): Promise<ApiIncident> {
  return eventually(
    async () => {
      const items = await activeFaultLab();
      return items.length === 1 ? items[0] : undefined;
    },
    45_000,
    what,
  );
}

async function resolved(id: string, timeoutMs = 60_000): Promise<ApiIncident> {
  return eventually(
    async () => {
      const { incident } = await api<{ incident: ApiIncident }>(`/api/incidents/${id}`);
      return incident.status === 'resolved' ? incident : undefined;
    },
    timeoutMs,
    `incident ${id} to resolve`,
  );
}

async function setFault(mode: string, reload: boolean): Promise<void> {
  await callService(env, 'fault_lab', 'set_fault', { mode });
  if (reload) await haRest(env, 'POST', `/api/config/config_entries/entry/${entryId}/reload`);
}

/** Let the pipeline settle, then require that nothing else opened. */
async function stillOne(id: string): Promise<void> {
  await new Promise((r) => setTimeout(r, 4000));
  expect((await activeFaultLab()).map((i) => i.id)).toEqual([id]);
}

beforeAll(async () => {
  env = readHaEnv();
  const [entry] = await configEntries(env, 'fault_lab');
  if (!entry) throw new Error('fault_lab has no config entry');
  entryId = entry.entry_id;
  dataDir = mkdtempSync(join(tmpdir(), 'llm-ops-observe-'));
  // Earlier suites left errors in HA's log; a fresh sidecar would (rightly) report them.
  await callService(env, 'system_log', 'clear');
  sidecar = await start();
  await sidecar.waitForLog(/watching Home Assistant/);
});

afterEach(async () => {
  await setFault('none', true);
  await eventually(async () =>
    (await configEntries(env, 'fault_lab'))[0]?.state === 'loaded' ? true : undefined,
  );
  // Every fault_lab incident must be closed before the next test.
  await eventually(
    async () => ((await activeFaultLab()).length === 0 ? true : undefined),
    60_000,
    'no open fault_lab incident',
  );
});

afterAll(async () => {
  await sidecar?.stop();
});

describe('each fault mode is exactly one incident, resolved when the fault clears', () => {
  it('not_ready: one setup_retry incident for the entry', async () => {
    await setFault('not_ready', true);
    const incident = await oneIncident('a not_ready incident');
    expect(incident).toMatchObject({
      integration: 'fault_lab',
      entry_id: entryId,
      category: 'setup_retry',
    });
    await stillOne(incident.id);
    // Its evidence bundle and analysis come with it, redacted (the hub's address is masked).
    const detail = await api<{
      bundle: { config_entry: { reason: string } };
      analysis: { remedy: string };
    }>(`/api/incidents/${incident.id}`);
    expect(detail.bundle.config_entry.reason).toMatch(/\[IP_[0-9a-f]{6}\]/);
    // Nothing stored keeps the address: neither the bundle nor the journal's signals.
    expect(JSON.stringify(detail)).not.toContain('192.0.2.10');
    expect(JSON.stringify(detail.bundle)).not.toContain('192.0.2.10');
    expect(detail.analysis.remedy).toMatch(/check_network_or_device|reload_config_entry/);
    await setFault('none', true);
    const done = await resolved(incident.id);
    expect(done.status).toBe('resolved');
  });

  it('auth_failed: one incident for the entry', async () => {
    await setFault('auth_failed', true);
    const incident = await oneIncident('an auth_failed incident');
    expect(incident).toMatchObject({ integration: 'fault_lab', entry_id: entryId });
    await stillOne(incident.id);
    await setFault('none', true);
    await resolved(incident.id);
  });

  it('setup_error: one incident for the entry, with HA’s error log line in it', async () => {
    await setFault('setup_error', true);
    const incident = await oneIncident('a setup_error incident');
    expect(incident).toMatchObject({ integration: 'fault_lab', entry_id: entryId });
    await stillOne(incident.id);
    const detail = await api<{ signals: { source: string; kind: string }[] }>(
      `/api/incidents/${incident.id}`,
    );
    expect(detail.signals.map((s) => s.kind)).toContain('entry_state');
    await setFault('none', true);
    await resolved(incident.id);
  });

  it('unavailable: the whole device is one incident, with all its entities', async () => {
    await setFault('unavailable', false);
    const incident = await oneIncident('an unavailable incident');
    const detail = await eventually(
      async () => {
        const d = await api<{ signals: { kind: string; data: { entity_ids?: string[] } }[] }>(
          `/api/incidents/${incident.id}`,
        );
        return d.signals.some((s) => s.kind === 'entities_unavailable') ? d : undefined;
      },
      30_000,
      'the entity outage to join the incident',
    );
    const outage = detail.signals.find((s) => s.kind === 'entities_unavailable');
    expect(outage?.data.entity_ids).toEqual([
      'sensor.fault_lab_hub_humidity',
      'sensor.fault_lab_hub_signal_strength',
      'sensor.fault_lab_hub_temperature',
    ]);
    expect(incident).toMatchObject({ integration: 'fault_lab', entry_id: entryId });
    await stillOne(incident.id);
    await setFault('none', false);
    await resolved(incident.id);
  });

  it('log_error: repeated errors are one incident that counts them, resolved after a quiet period', async () => {
    await setFault('log_error', false);
    const incident = await oneIncident('a log_error incident');
    expect(incident).toMatchObject({ integration: 'fault_lab', entry_id: entryId });
    const counted = await eventually(
      async () => {
        const [i] = await activeFaultLab();
        return i && i.occurrences >= 2 ? i : undefined;
      },
      40_000,
      'a second occurrence',
    );
    expect(counted.id).toBe(incident.id);
    await setFault('none', false);
    const done = await resolved(incident.id, 90_000);
    expect(done.status).toBe('resolved');
  });

  it('an action that fails in an integration is that integration’s incident, not the websocket API’s', async () => {
    // The dashboard runs actions over the websocket API, which logs the action's error under
    // its own logger; the record's source is the integration's frame that raised.
    const socket = await HaSocket.open(env.HA_URL, env.HA_TOKEN);
    try {
      await expect(
        socket.command({ type: 'call_service', domain: 'fault_lab', service: 'broken_action' }),
      ).rejects.toThrow();
    } finally {
      socket.close();
    }
    const incident = await oneIncident('an incident for the broken action');
    expect(incident.title).toBe("fault_lab: KeyError: 'scene_list'");
    const { items } = await api<{ items: ApiIncident[] }>(
      '/api/incidents?integration=websocket_api&active=true',
    );
    expect(items).toEqual([]);
    await resolved(incident.id, 90_000);
  });

  it('a poll slower than its interval is the polling integration’s incident, not its entity platform’s', async () => {
    // Home Assistant warns "Updating fault_lab sensor took longer than the scheduled update
    // interval" under the sensor platform's logger: the message names the integration.
    await callService(env, 'fault_lab', 'slow_poll', { seconds: 5 });
    let incident: ApiIncident;
    try {
      incident = await oneIncident('an incident for the slow poll');
      expect(incident.category).toBe('slow_update');
      const { items } = await api<{ items: ApiIncident[] }>(
        '/api/incidents?integration=sensor&active=true',
      );
      expect(items).toEqual([]);
    } finally {
      await callService(env, 'fault_lab', 'slow_poll', { seconds: 0 });
    }
    await resolved(incident.id, 90_000);
  });
});

describe('restarts and announcements', () => {
  it('a restarted sidecar keeps its incidents without duplicates', async () => {
    await setFault('not_ready', true);
    const first = await oneIncident('a not_ready incident');
    await stillOne(first.id); // let the entity outage join before the restart
    const [before] = await activeFaultLab();
    await sidecar.stop();
    sidecar = await start();
    await sidecar.waitForLog(/watching Home Assistant/);
    await new Promise((r) => setTimeout(r, 5000));
    const after = await activeFaultLab();
    expect(after.map((i) => [i.id, i.occurrences])).toEqual([[before?.id, before?.occurrences]]);
    const all = await api<{ items: ApiIncident[] }>(
      '/api/incidents?integration=fault_lab&limit=500',
    );
    expect(
      all.items.filter((i) => i.status !== 'resolved' && i.status !== 'dismissed'),
    ).toHaveLength(1);
  });

  it('a restart of HA is survived: reconnect, same incident, nothing doubled', async () => {
    await setFault('log_error', false);
    const before = await oneIncident('a log_error incident');
    await haRestart();
    env = readHaEnv();
    await sidecar.waitForLog(/reconnected to Home Assistant/, 60_000);
    // After the restart fault_lab keeps failing (its mode is stored): the errors join the same incident.
    const after = await eventually(
      async () => {
        const items = await activeFaultLab();
        return items.length === 1 && items[0] && items[0].occurrences > before.occurrences
          ? items[0]
          : undefined;
      },
      60_000,
      'new occurrences after the restart',
    );
    expect(after.id).toBe(before.id);
  });

  it('an error written with system_log.write becomes an llm_ops_incident event', async () => {
    const socket = await HaSocket.open(env.HA_URL, env.HA_TOKEN);
    try {
      const events = await socket.collect<{ data: Record<string, unknown> }>('llm_ops_incident');
      const marker = `e2e marker ${Date.now()}`;
      await callService(env, 'system_log', 'write', {
        message: `Lost the link to the bridge (${marker})`,
        level: 'error',
        logger: 'custom_components.fault_lab.bridge',
      });
      const opened = await eventually(
        async () =>
          events.find((e) => e.data.change === 'opened' && e.data.integration === 'fault_lab'),
        10_000,
        'the llm_ops_incident event',
      );
      expect(opened.data).toMatchObject({ status: 'open', severity: 'error', occurrences: 1 });
      expect(Object.keys(opened.data).sort()).toEqual(
        [
          'category',
          'change',
          'confidence',
          'incident_id',
          'integration',
          'occurrences',
          'outcome',
          'remedy',
          'severity',
          'status',
          'title',
        ].sort(),
      );
      // Close it so the next suite starts clean.
      await api(`/api/incidents/${String(opened.data.incident_id)}/dismiss`, {
        method: 'POST',
        body: '{}',
      });
    } finally {
      socket.close();
    }
  });
});
