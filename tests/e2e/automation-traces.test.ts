/**
 * Failed automation runs read from HA's traces, by the real sidecar in the real dev HA: a
 * run that failed on invalid data is one automation incident, and a failed run of an
 * automation the user has since deleted (HA keeps its traces) opens none.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readHaEnv, type HaEnv } from '../harness/ha-dev.js';
import { callService, eventually, haRest } from '../harness/ha-rest.js';
import { HaSocket } from '../harness/ha-ws.js';
import { startSidecar, type SidecarProcess } from '../harness/sidecar.js';

interface ApiIncident {
  id: string;
  integration: string | null;
  subject: string | null;
  category: string;
  title: string;
}

const KEPT = 'llm_ops_e2e_trace_kept';
const DELETED = 'llm_ops_e2e_trace_deleted';

let env: HaEnv;
let sidecar: SidecarProcess | undefined;

/** An automation whose only step calls an action with a value it does not accept. */
async function failingAutomation(id: string, event: string): Promise<void> {
  await haRest(env, 'POST', `/api/config/automation/config/${id}`, {
    alias: `LLM Ops e2e ${id}`,
    triggers: [{ trigger: 'event', event_type: event }],
    actions: [{ action: 'fault_lab.set_fault', data: { mode: 'explode' } }],
    mode: 'single',
  });
}

/** The failed runs HA's traces hold for an automation (its config id). */
async function failedRuns(id: string): Promise<number> {
  const socket = await HaSocket.open(env.HA_URL, env.HA_TOKEN);
  try {
    const traces = await socket.command<{ item_id: string; script_execution: string | null }[]>({
      type: 'trace/list',
      domain: 'automation',
    });
    return traces.filter((t) => t.item_id === id && t.script_execution === 'error').length;
  } finally {
    socket.close();
  }
}

beforeAll(async () => {
  env = readHaEnv();
  await failingAutomation(KEPT, 'llm_ops_e2e_trace_kept_fire');
  await failingAutomation(DELETED, 'llm_ops_e2e_trace_deleted_fire');
  for (const id of [KEPT, DELETED])
    await eventually(
      () => haRest(env, 'GET', `/api/states/automation.llm_ops_e2e_${id}`),
      30_000,
      `automation ${id} loaded`,
    );
  await haRest(env, 'POST', '/api/events/llm_ops_e2e_trace_kept_fire', {});
  await haRest(env, 'POST', '/api/events/llm_ops_e2e_trace_deleted_fire', {});
  await eventually(
    async () => ((await failedRuns(KEPT)) && (await failedRuns(DELETED)) ? true : undefined),
    30_000,
    'both failed runs in the traces',
  );
  await haRest(env, 'DELETE', `/api/config/automation/config/${DELETED}`);
  // Only the traces tell now, as after a restart of HA: the log lines are gone.
  await callService(env, 'system_log', 'clear');
});

afterAll(async () => {
  await sidecar?.stop();
  for (const id of [KEPT, DELETED])
    await haRest(env, 'DELETE', `/api/config/automation/config/${id}`).catch(() => undefined);
});

describe('failed automation runs from the traces', () => {
  it('reports the failed run of an automation that exists, not of one the user deleted', async () => {
    expect(await failedRuns(DELETED)).toBeGreaterThan(0); // HA still holds the deleted one's trace
    sidecar = await startSidecar({
      HA_URL: env.HA_URL,
      HA_TOKEN: env.HA_TOKEN,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'llm-ops-e2e-traces-')),
      LOG_LEVEL: 'debug',
    });
    const api = async () => {
      const res = await fetch(`${sidecar?.url}/api/incidents?integration=automation`, {
        headers: { authorization: `Bearer ${sidecar?.token}` },
      });
      return ((await res.json()) as { items: ApiIncident[] }).items;
    };
    // Both runs come from one read of the traces: once the kept one is an incident, the
    // deleted one has been read too.
    const kept = await eventually(
      async () => (await api()).find((i) => i.subject?.includes(KEPT)),
      60_000,
      'the incident of the kept automation',
    );
    expect(kept).toMatchObject({ category: 'automation_error' });
    expect(kept.title).toMatch(/passes invalid data to an action/);
    expect((await api()).filter((i) => i.subject?.includes(DELETED))).toEqual([]);
  });
});
