/**
 * What the approval suites share: a sidecar process that proposes reloading fault_lab's
 * stuck entry (approve mode, no cooldown), set up as the llm_ops integration of the dev
 * HA; a fresh proposal from a real fault; and the end of its run, read from the sidecar.
 * Also fault_lab's faults, and its appliance on its smart plug.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HaEnv } from './ha-dev.js';
import { addLlmOpsEntry, callService, configEntries, eventually, haRest } from './ha-rest.js';
import type { HaSocket } from './ha-ws.js';
import { startSidecar, type SidecarProcess } from './sidecar.js';

export interface Proposal {
  id: string;
  incident_id: string;
  action_id: string;
  params: Record<string, unknown>;
  status: string;
  decided_by: string | null;
}

export interface Finished {
  proposal: Proposal;
  result: {
    outcome: string;
    backup_id: string | null;
    verification: {
      passed: boolean;
      checks: { description: string; passed: boolean; detail: string }[];
    };
  };
  execution: { steps: { step: string; status: string }[] };
}

export interface IncidentView {
  status: string;
  outcome: { outcome: string; action_id: string | null } | null;
}

/** The sidecar's REST API with its token; throws on a non-2xx answer. */
export async function sidecarApi<T>(sidecar: SidecarProcess, path: string): Promise<T> {
  const res = await fetch(`${sidecar.url}${path}`, {
    headers: { authorization: `Bearer ${sidecar.token}` },
  });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/**
 * Start the sidecar in approve mode (reloads without cooldown) and set up the integration;
 * `settings`: more of the sidecar's environment.
 */
export async function startApprovingSidecar(
  env: HaEnv,
  settings: Record<string, string> = {},
): Promise<SidecarProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'llm-ops-approval-'));
  const policy = join(dataDir, 'policy.yaml');
  writeFileSync(policy, 'mode: approve\nactions:\n  reload_config_entry: {cooldown_s: 0}\n');
  const sidecar = await startSidecar({
    HA_URL: env.HA_URL,
    HA_TOKEN: env.HA_TOKEN,
    DATA_DIR: dataDir,
    LLM_OPS_POLICY: policy,
    LLM_OPS_EVENT_UPDATE_INTERVAL_S: '1',
    LLM_OPS_LOG_POLL_S: '2',
    ...settings,
  });
  await sidecar.waitForLog(/watching Home Assistant/, 60_000);
  await addLlmOpsEntry(env, sidecar);
  await eventually(
    async () => ((await configEntries(env, 'llm_ops'))[0]?.state === 'loaded' ? true : undefined),
    60_000,
    'the llm_ops entry to load',
  );
  return sidecar;
}

/** fault_lab's one config entry. */
export async function faultLabEntry(env: HaEnv): Promise<string> {
  const [entry] = await configEntries(env, 'fault_lab');
  if (!entry) throw new Error('fault_lab has no config entry');
  return entry.entry_id;
}

/** Set fault_lab's fault; with `reload`, reload its entry so the fault takes effect now. */
export async function setFault(env: HaEnv, mode: string, reload: boolean): Promise<void> {
  await callService(env, 'fault_lab', 'set_fault', { mode });
  if (reload) {
    await haRest(
      env,
      'POST',
      `/api/config/config_entries/entry/${await faultLabEntry(env)}/reload`,
    );
  }
}

/** Clear the fault and wait until fault_lab is loaded again. */
export async function healFaultLab(env: HaEnv): Promise<void> {
  await setFault(env, 'none', true);
  await eventually(
    async () => ((await configEntries(env, 'fault_lab'))[0]?.state === 'loaded' ? true : undefined),
    60_000,
    'fault_lab loaded',
  );
}

/**
 * Make fault_lab's hub stop answering (its entry retries setup) and wait for the proposal
 * to reload it, as the integration lists it (`llm_ops/proposals`); not one of `seen`.
 */
export async function faultProposal(
  env: HaEnv,
  socket: HaSocket,
  seen: readonly string[] = [],
): Promise<Proposal> {
  const entryId = await faultLabEntry(env);
  await setFault(env, 'not_ready', true);
  return eventually(
    async () => {
      const { proposals } = await socket.command<{ proposals: Proposal[] }>({
        type: 'llm_ops/proposals',
      });
      return proposals.find(
        (p) =>
          p.action_id === 'reload_config_entry' &&
          p.params.entry_id === entryId &&
          p.status === 'proposed' &&
          !seen.includes(p.id),
      );
    },
    90_000,
    'a proposal to reload fault_lab',
  );
}

/** Wait until the proposal's run has ended; its result and steps. */
export function finished(sidecar: SidecarProcess, id: string): Promise<Finished> {
  return eventually(
    async () => {
      const body = await sidecarApi<Partial<Finished>>(sidecar, `/api/actions/${id}`);
      return body.result && body.execution ? (body as Finished) : undefined;
    },
    180_000,
    `proposal ${id} to finish`,
  );
}

/** The incident as the sidecar has it, once its status is `status`. */
export function incidentOnceStatus(
  sidecar: SidecarProcess,
  id: string,
  status: string,
): Promise<IncidentView> {
  return eventually(
    async () => {
      const { incident } = await sidecarApi<{ incident: IncidentView }>(
        sidecar,
        `/api/incidents/${id}`,
      );
      return incident.status === status ? incident : undefined;
    },
    120_000,
    `incident ${id} to be ${status}`,
  );
}

/** fault_lab's smart plug, and the appliance it powers (its boot counter). */
export const PLUG = 'switch.fault_lab_plug';
export const APPLIANCE_BOOTS = 'sensor.fault_lab_appliance_boots';

/** An entity's state in HA. */
export async function stateOf(env: HaEnv, entityId: string): Promise<string> {
  return (await haRest<{ state: string }>(env, 'GET', `/api/states/${entityId}`)).state;
}

/** fault_lab's appliance runs, unfrozen, on a plug that is on. */
export async function runAppliance(env: HaEnv): Promise<void> {
  await callService(env, 'fault_lab', 'freeze', { frozen: false });
  await callService(env, 'switch', 'turn_on', { entity_id: PLUG });
  await eventually(
    async () => ((await stateOf(env, APPLIANCE_BOOTS)) !== 'unavailable' ? true : undefined),
    20_000,
    'the appliance running',
  );
}
