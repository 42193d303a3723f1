/**
 * Maintenance mode, end to end in the real dev HA with the real sidecar: an admin starts
 * it with the `llm_ops.start_maintenance` action, fault_lab's hub then fails (setup retry)
 * and no incident opens, no Repairs issue either; `llm_ops.end_maintenance` ends it with
 * one `llm_ops_maintenance` event naming the failure (the window survives a restart of the
 * sidecar meanwhile), and the failure, still there, opens
 * an incident as usual.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readHaEnv, type HaEnv } from '../harness/ha-dev.js';
import {
  addLlmOpsEntry,
  callService,
  configEntries,
  eventually,
  haRest,
  removeEntries,
} from '../harness/ha-rest.js';
import { setFault } from '../harness/approval.js';
import { HaSocket, haWsCommand } from '../harness/ha-ws.js';
import { startSidecar, type SidecarProcess } from '../harness/sidecar.js';

interface Incident {
  id: string;
  status: string;
  integration: string | null;
  category: string;
}

interface Maintenance {
  active: boolean;
  until: string | null;
  surface: string | null;
  failed_count: number;
}

interface Summary {
  ended_by: string;
  failed_count: number;
  still_failing_count: number;
  failures: { title: string; integration: string | null; still_failing: boolean }[];
}

let env: HaEnv;
let sidecar: SidecarProcess;
/** The sidecar's address (the same after its restart: the integration is set up with it). */
let base: string;
/** Active incidents and our Repairs issues before maintenance (left by HA's start-up log). */
let activeBefore: string[];
let issuesBefore: string[];

const api = async <T>(path: string): Promise<T> => {
  const res = await fetch(`${base}${path}`, {
    headers: { authorization: `Bearer ${sidecar.token}` },
  });
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return (await res.json()) as T;
};

const entryIs = (state: string) =>
  eventually(
    async () => ((await configEntries(env, 'fault_lab'))[0]?.state === state ? true : undefined),
    30_000,
    `fault_lab ${state}`,
  );

const faultLabIncidents = async () =>
  (await api<{ items: Incident[] }>('/api/incidents?active=true&integration=fault_lab')).items;

const ourIssues = async () =>
  (
    await haWsCommand<{ issues: { domain: string; issue_id: string }[] }>(
      env.HA_URL,
      env.HA_TOKEN,
      { type: 'repairs/list_issues' },
    )
  ).issues
    .filter((i) => i.domain === 'llm_ops')
    .map((i) => i.issue_id);

const activeIds = async () =>
  (await api<{ items: Incident[] }>('/api/incidents?active=true')).items.map((i) => i.id).sort();

const entityState = async (entityId: string) =>
  (await haRest<{ state: string }>(env, 'GET', `/api/states/${entityId}`)).state;

beforeAll(async () => {
  env = readHaEnv();
  await removeEntries(env, 'llm_ops');
  await setFault(env, 'none', true);
  await entryIs('loaded');
  // Earlier suites left errors in HA's log; a fresh sidecar would (rightly) report them.
  await callService(env, 'system_log', 'clear');
  sidecar = await startSidecar({ HA_URL: env.HA_URL, HA_TOKEN: env.HA_TOKEN });
  base = sidecar.url;
  await sidecar.waitForLog(/watching Home Assistant/, 60_000);
  await addLlmOpsEntry(env, sidecar);
});

afterAll(async () => {
  if (env) {
    await setFault(env, 'none', true);
    await entryIs('loaded');
    await removeEntries(env, 'llm_ops');
  }
  await sidecar?.stop();
});

describe('maintenance mode', () => {
  it('llm_ops.start_maintenance starts it; the entities show until when', async () => {
    expect(await faultLabIncidents()).toEqual([]);
    activeBefore = await activeIds();
    issuesBefore = await ourIssues();
    await callService(env, 'llm_ops', 'start_maintenance', { duration: { minutes: 30 } });
    const state = await api<Maintenance>('/api/maintenance');
    expect(state).toMatchObject({ active: true, surface: 'action' });
    await eventually(
      async () =>
        (await entityState('select.llm_ops_maintenance')) === '30_min' ? true : undefined,
      30_000,
      'the maintenance select at 30 minutes',
    );
    const until = await entityState('sensor.llm_ops_maintenance_until');
    // The sensor shows whole seconds.
    expect(Math.abs(Date.parse(until) - Date.parse(state.until ?? ''))).toBeLessThan(1000);
  });

  it('a failure during it opens no incident and raises nothing in Repairs', async () => {
    await setFault(env, 'not_ready', true);
    await entryIs('setup_retry');
    // The sidecar saw it (quietly).
    await eventually(
      async () =>
        (await api<Maintenance>('/api/maintenance')).failed_count > 0 ? true : undefined,
      60_000,
      'the failure recorded during maintenance',
    );
    expect(await faultLabIncidents()).toEqual([]);
    expect(await activeIds()).toEqual(activeBefore);
    expect(await ourIssues()).toEqual(issuesBefore);
    expect(await entityState('sensor.llm_ops_open_incidents')).toBe(String(activeBefore.length));
  });

  it('survives a restart of the sidecar', async () => {
    const before = await api<Maintenance>('/api/maintenance');
    await sidecar.stop();
    sidecar = await startSidecar(
      { HA_URL: env.HA_URL, HA_TOKEN: env.HA_TOKEN, DATA_DIR: sidecar.dataDir },
      { port: Number(new URL(base).port) },
    );
    await sidecar.waitForLog(/watching Home Assistant/, 60_000);
    const after = await api<Maintenance>('/api/maintenance');
    expect(after).toMatchObject({ active: true, until: before.until });
    // The entry still retrying, reported again at start-up, is still no incident.
    expect(after.failed_count).toBeGreaterThanOrEqual(before.failed_count);
    expect(await faultLabIncidents()).toEqual([]);
  });

  it('llm_ops.end_maintenance sums it up in one event; what still fails opens an incident', async () => {
    const socket = await HaSocket.open(env.HA_URL, env.HA_TOKEN);
    const events = await socket.collect<{ data: Summary }>('llm_ops_maintenance');
    let summary: Summary;
    try {
      await callService(env, 'llm_ops', 'end_maintenance', {});
      summary = (await eventually(async () => events[0], 30_000, 'the llm_ops_maintenance event'))
        .data;
    } finally {
      socket.close();
    }
    expect(events).toHaveLength(1);
    expect(summary.ended_by).toBe('user');
    expect(summary.still_failing_count).toBeGreaterThanOrEqual(1);
    const retry = summary.failures.find((f) => f.integration === 'fault_lab' && f.still_failing);
    expect(retry?.title).toMatch(/Fault Lab/);

    const incident = await eventually(
      async () => (await faultLabIncidents()).find((i) => i.category === 'setup_retry'),
      60_000,
      'the setup_retry incident of fault_lab after maintenance',
    );
    await eventually(
      async () => ((await ourIssues()).includes(`incident_${incident.id}`) ? true : undefined),
      30_000,
      'its Repairs issue',
    );
    expect(await api<Maintenance>('/api/maintenance')).toMatchObject({ active: false });
    await eventually(
      async () => ((await entityState('select.llm_ops_maintenance')) === 'off' ? true : undefined),
      30_000,
      'the maintenance select off',
    );
  });
});
