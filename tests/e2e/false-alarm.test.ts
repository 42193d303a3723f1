/**
 * A false alarm, end to end in the real dev HA with the real sidecar: fault_lab's
 * hub fails (setup retry), the admin marks the incident a false alarm with the
 * `llm_ops.mark_false_alarm` action, and when the same failure happens again it is
 * kept quiet: an incident at info, with no Repairs issue, counted in the rate.
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
import { HaSocket, haWsCommand } from '../harness/ha-ws.js';
import { startSidecar, type SidecarProcess } from '../harness/sidecar.js';
import { sidecarApi } from '../harness/approval.js';

interface Incident {
  id: string;
  status: string;
  severity: string;
  integration: string | null;
  category: string;
  outcome: { outcome: string; integration: string | null; decided_by: string | null } | null;
}

let env: HaEnv;
let sidecar: SidecarProcess;
let entryId: string;

async function setFault(mode: string): Promise<void> {
  await callService(env, 'fault_lab', 'set_fault', { mode });
  await haRest(env, 'POST', `/api/config/config_entries/entry/${entryId}/reload`);
}

async function entryState(): Promise<string> {
  const [entry] = await configEntries(env, 'fault_lab');
  return entry?.state ?? 'missing';
}

/** The open incident of fault_lab's entry failing, once there is one. */
const openRetry = (except: string | null) =>
  eventually(
    async () =>
      (
        await sidecarApi<{ items: Incident[] }>(
          sidecar,
          '/api/incidents?active=true&integration=fault_lab',
        )
      ).items.find((i) => i.category === 'setup_retry' && i.id !== except),
    60_000,
    'an open setup_retry incident of fault_lab',
  );

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

beforeAll(async () => {
  env = readHaEnv();
  const [entry] = await configEntries(env, 'fault_lab');
  if (!entry) throw new Error('fault_lab has no config entry');
  entryId = entry.entry_id;
  await removeEntries(env, 'llm_ops');
  sidecar = await startSidecar({ HA_URL: env.HA_URL, HA_TOKEN: env.HA_TOKEN });
  await sidecar.waitForLog(/watching Home Assistant/, 60_000);
  await addLlmOpsEntry(env, sidecar);
});

afterAll(async () => {
  if (env) {
    await setFault('none');
    await eventually(
      async () => ((await entryState()) === 'loaded' ? true : undefined),
      30_000,
      'fault_lab loaded',
    );
    await removeEntries(env, 'llm_ops');
  }
  await sidecar?.stop();
});

describe('llm_ops.mark_false_alarm', () => {
  let first: Incident;

  it('the failure opens an incident with a Repairs issue (the premise)', async () => {
    await setFault('not_ready');
    first = await openRetry(null);
    expect(first.severity).toBe('error');
    await eventually(
      async () => ((await ourIssues()).includes(`incident_${first.id}`) ? true : undefined),
      30_000,
      'the Repairs issue of the incident',
    );
  });

  it('closes it as a false alarm, says who decided, and withdraws its Repairs issue', async () => {
    const socket = await HaSocket.open(env.HA_URL, env.HA_TOKEN);
    const events = await socket.collect<{ data: Record<string, unknown> }>('llm_ops_incident');
    await callService(env, 'llm_ops', 'mark_false_alarm', {
      incident_id: first.id,
      reason: 'the hub reboots every night',
    });
    // Automations hear how it ended.
    try {
      const closed = await eventually(
        async () =>
          events.find((e) => e.data.incident_id === first.id && e.data.change === 'dismissed'),
        30_000,
        'the dismissed llm_ops_incident event',
      );
      expect(closed.data.outcome).toBe('false_alarm');
    } finally {
      socket.close();
    }
    const { incident } = await sidecarApi<{ incident: Incident }>(
      sidecar,
      `/api/incidents/${first.id}`,
    );
    expect(incident.status).toBe('dismissed');
    expect(incident.outcome?.outcome).toBe('false_alarm');
    expect(incident.outcome?.integration).toBe('fault_lab');
    expect(incident.outcome?.decided_by).toEqual(expect.any(String));
    await eventually(
      async () => (!(await ourIssues()).includes(`incident_${first.id}`) ? true : undefined),
      30_000,
      'the Repairs issue to go',
    );
    const { items } = await sidecarApi<{ items: { incident_id: string; kind: string }[] }>(
      sidecar,
      '/api/suppressions',
    );
    expect(items).toContainEqual(
      expect.objectContaining({ incident_id: first.id, kind: 'false_alarm' }),
    );
  });

  it('the same failure again is kept quiet: info, no Repairs issue, counted as a false alarm', async () => {
    await setFault('none');
    await eventually(
      async () => ((await entryState()) === 'loaded' ? true : undefined),
      30_000,
      'fault_lab loaded',
    );
    await setFault('not_ready');
    await eventually(
      async () => ((await entryState()) === 'setup_retry' ? true : undefined),
      30_000,
      'fault_lab in setup retry again',
    );
    const again = await openRetry(first.id);
    expect(again.severity).toBe('info');
    // The integration has fetched the new incident (its last-incident sensor names it)…
    await eventually(
      async () => {
        const state = await haRest<{ attributes: { incident_id?: string } }>(
          env,
          'GET',
          '/api/states/sensor.llm_ops_last_incident',
        );
        return state.attributes.incident_id === again.id ? true : undefined;
      },
      30_000,
      'the integration to see the new incident',
    );
    // …and raised no Repairs issue for it.
    expect(await ourIssues()).not.toContain(`incident_${again.id}`);
    const stats = await sidecarApi<{ false_alarms: number; closed: number }>(
      sidecar,
      '/api/outcomes',
    );
    expect(stats.false_alarms).toBe(1);
  });
});
