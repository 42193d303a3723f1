/**
 * Power-cycling a hung device against the real dev Home Assistant: fault_lab's appliance freezes
 * (its entity stays unavailable) until the lab's plug is switched off and on. With the policy
 * mapping the appliance to the plug, its incident gets a power_cycle_device proposal; approved,
 * the plug goes off, then on, the appliance reports again and the run is verified. A device the
 * policy does not map gets no such proposal, a request naming the plug's own device is refused,
 * and a sidecar stopped in the middle of a cycle switches the plug on before it goes.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Settings } from '../../sidecar/src/config.js';
import type { IncidentRecord } from '../../sidecar/src/journal/journal.js';
import { createLogger } from '../../sidecar/src/log.js';
import { Sidecar } from '../../sidecar/src/sidecar.js';
import { tempDir, testSettings, THRESHOLDS } from '../../sidecar/test/helpers/pipeline.js';
import { APPLIANCE_BOOTS, PLUG, runAppliance, stateOf } from '../harness/approval.js';
import { readHaEnv, type HaEnv } from '../harness/ha-dev.js';
import { callService, eventually } from '../harness/ha-rest.js';
import { HaSocket } from '../harness/ha-ws.js';

const MAPPED = [
  'power_cycle:',
  `  ${APPLIANCE_BOOTS}: ${PLUG}`,
  'actions:',
  '  power_cycle_device: {cooldown_s: 0}',
].join('\n');

let env: HaEnv;
let socket: HaSocket;
const running: Sidecar[] = [];

interface Proposal {
  id: string;
  incident_id: string;
  action_id: string;
  params: Record<string, unknown>;
  preview: { summary: string; rollback: string; backup: string | null };
}

interface Finished {
  result: { outcome: string; error: string | null } | null;
  execution: { steps: { step: string; status: string; detail: string }[] } | null;
}

function settings(dir: string, policy: string): Settings {
  const policyFile = join(dir, 'policy.yaml');
  writeFileSync(policyFile, policy);
  return testSettings(
    {
      haWsUrl: `${env.HA_URL.replace(/^http/, 'ws')}/api/websocket`,
      haToken: env.HA_TOKEN,
      policyFile,
      thresholds: { ...THRESHOLDS, unavailableAfterS: 1, verifyMaxWaitS: 30 },
    },
    dir,
  );
}

async function startSidecar(s: Settings): Promise<Sidecar> {
  const sidecar = new Sidecar(s, createLogger('error'));
  running.push(sidecar);
  await sidecar.start();
  await sidecar.connect();
  return sidecar;
}

async function stopSidecar(sidecar: Sidecar, wait = true): Promise<void> {
  running.splice(running.indexOf(sidecar), 1);
  if (wait) await sidecar.executor.idle();
  await sidecar.stop();
}

async function api<T>(sidecar: Sidecar, method: string, path: string, body?: unknown) {
  const res = await fetch(`${sidecar.apiAddress}${path}`, {
    method,
    headers: {
      authorization: 'Bearer test-token-0123456789abcdef',
      'content-type': 'application/json',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

async function deviceOf(entityId: string): Promise<string> {
  const entry = await socket.command<{ device_id: string }>({
    type: 'config/entity_registry/get',
    entity_id: entityId,
  });
  return entry.device_id;
}

/** The incident of the frozen appliance, once the sidecar saw its entity unavailable. */
async function applianceIncident(sidecar: Sidecar, device: string): Promise<IncidentRecord> {
  return eventually(
    () =>
      Promise.resolve(
        sidecar.journal
          .listIncidents({ integration: 'fault_lab', active: true }, 10, 0)
          .items.find((i) => i.subject === `device:${device}` && i.analysis !== null),
      ),
    45_000,
    'an analyzed incident of the frozen appliance',
  );
}

async function finished(sidecar: Sidecar, id: string): Promise<Finished> {
  return eventually(
    async () => {
      const { body } = await api<Finished>(sidecar, 'GET', `/api/actions/${id}`);
      return body.result ? body : undefined;
    },
    90_000,
    'the execution to finish',
  );
}

beforeAll(async () => {
  env = readHaEnv();
  socket = await HaSocket.open(env.HA_URL, env.HA_TOKEN);
  // Earlier suites' fault_lab errors would join the appliance's incident as evidence.
  await callService(env, 'system_log', 'clear');
  await runAppliance(env);
});

afterEach(async () => {
  for (const s of [...running]) await stopSidecar(s);
  await runAppliance(env);
});

afterAll(() => socket.close());

describe('power_cycle_device', () => {
  it('restarts a frozen device the policy maps to a plug: proposed, approved, plug off then on, verified', async () => {
    const appliance = await deviceOf(APPLIANCE_BOOTS);
    const sidecar = await startSidecar(settings(tempDir('llm-ops-power-'), MAPPED));
    const bootsBefore = Number(await stateOf(env, APPLIANCE_BOOTS));
    await callService(env, 'fault_lab', 'freeze', {});
    const incident = await applianceIncident(sidecar, appliance);
    expect(incident.category).toBe('device_unavailable');

    const proposal = await eventually(
      async () => {
        const { body } = await api<Proposal[]>(sidecar, 'GET', '/api/actions/pending');
        return body.find(
          (p) => p.incident_id === incident.id && p.action_id === 'power_cycle_device',
        );
      },
      30_000,
      'a power_cycle_device proposal',
    );
    expect(proposal.params).toEqual({ device: appliance, plug: PLUG, off_s: 10 });
    expect(proposal.preview.summary).toBe(
      `Switch off plug Fault Lab Plug (${PLUG}) for 10 s, then on, to restart device Fault Lab Appliance.`,
    );
    expect(proposal.preview.backup).toBeNull();
    expect(proposal.preview.rollback).toMatch(/^Switch switch\.fault_lab_plug back on/);
    // Nothing is switched before someone approves.
    expect(await stateOf(env, PLUG)).toBe('on');
    expect(await stateOf(env, APPLIANCE_BOOTS)).toBe('unavailable');

    const changes = await socket.collect<{
      data: { entity_id: string; new_state: { state: string } | null };
    }>('state_changed');
    const approved = await api(sidecar, 'POST', `/api/actions/${proposal.id}/approve`, {});
    expect(approved.status).toBe(200);
    const done = await finished(sidecar, proposal.id);

    expect(done.result).toMatchObject({ outcome: 'succeeded', error: null });
    const plugStates = changes
      .filter((e) => e.data.entity_id === PLUG)
      .map((e) => e.data.new_state?.state);
    expect(plugStates).toEqual(['off', 'on']);
    expect(done.execution?.steps.map((s) => `${s.step}:${s.status}`)).toEqual([
      'precheck:succeeded',
      'backup:skipped',
      'apply:succeeded',
      'verify:succeeded',
    ]);
    // Its own check, then the analysis's: the device's entities back, no new errors.
    expect(done.execution?.steps.at(-1)?.detail).toMatch(
      /^Fault Lab Appliance reports again \(sensor\.fault_lab_appliance_boots: \d+\); all available; no new errors in \d+ s$/,
    );
    expect(Number(await stateOf(env, APPLIANCE_BOOTS))).toBe(bootsBefore + 1);
    await eventually(
      () =>
        Promise.resolve(
          sidecar.journal.getIncident(incident.id)?.status === 'resolved' ? true : undefined,
        ),
      30_000,
      'the incident resolved',
    );
  });

  it('proposes no power cycle for a device the policy does not map, and refuses the plug’s own device', async () => {
    const appliance = await deviceOf(APPLIANCE_BOOTS);
    const plugDevice = await deviceOf(PLUG);
    // The policy maps only the plug's own device (by its power sensor) to the plug.
    const policy = `power_cycle:\n  sensor.fault_lab_plug_power: ${PLUG}\n`;
    const sidecar = await startSidecar(settings(tempDir('llm-ops-power-'), policy));
    await callService(env, 'fault_lab', 'freeze', {});
    const incident = await applianceIncident(sidecar, appliance);

    // The planner, run again now, still proposes no power cycle for the unmapped appliance.
    const made = await sidecar.pipeline.propose(incident);
    expect(made.map((p) => p.action_id)).not.toContain('power_cycle_device');
    const { body: pending } = await api<Proposal[]>(sidecar, 'GET', '/api/actions/pending');
    expect(pending.map((p) => p.action_id)).not.toContain('power_cycle_device');

    const unmapped = await api<{ error: string }>(sidecar, 'POST', '/api/actions/propose', {
      incident_id: incident.id,
      action_id: 'power_cycle_device',
    });
    expect(unmapped.status).toBe(400);
    expect(unmapped.body.error).toBe(
      'Fault Lab Appliance is not mapped to a plug in the policy (power_cycle); no plug is switched for it',
    );
    const own = await api<{ error: string }>(sidecar, 'POST', '/api/actions/propose', {
      incident_id: incident.id,
      action_id: 'power_cycle_device',
      params: { device: plugDevice },
    });
    expect(own.status).toBe(400);
    expect(own.body.error).toMatch(
      /^switch\.fault_lab_plug is on Fault Lab Plug itself: switched off, the device would cut its own power/,
    );
    expect(await stateOf(env, PLUG)).toBe('on');
  });

  it('switches the plug on before the sidecar stops in the middle of a cycle', async () => {
    const appliance = await deviceOf(APPLIANCE_BOOTS);
    const dir = tempDir('llm-ops-power-');
    const first = await startSidecar(settings(dir, MAPPED));
    await callService(env, 'fault_lab', 'freeze', {});
    const incident = await applianceIncident(first, appliance);
    const proposal = await eventually(
      async () => {
        const { body } = await api<Proposal[]>(first, 'GET', '/api/actions/pending');
        return body.find(
          (p) => p.incident_id === incident.id && p.action_id === 'power_cycle_device',
        );
      },
      30_000,
      'a power_cycle_device proposal',
    );
    await api(first, 'POST', `/api/actions/${proposal.id}/approve`, {});
    await eventually(
      async () => ((await stateOf(env, PLUG)) === 'off' ? true : undefined),
      20_000,
      'the plug off',
    );

    await stopSidecar(first, false);
    expect(await stateOf(env, PLUG)).toBe('on');

    // The next sidecar on the same journal shows how the cycle ended.
    const second = await startSidecar(settings(dir, MAPPED));
    const { body } = await api<Finished>(second, 'GET', `/api/actions/${proposal.id}`);
    expect(body.result?.outcome).toBe('rolled_back');
    expect(body.result?.error).toMatch(
      /the sidecar is stopping: switch\.fault_lab_plug was switched on again early/,
    );
  });
});
