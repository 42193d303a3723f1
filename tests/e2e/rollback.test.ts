/**
 * Rollbacks that undo, in the real dev HA: a fix whose failure goes on afterwards fails its
 * verification (the analysis's own check that the failure stopped runs after the action's), and
 * what the action changed is changed back — checked in Home Assistant, not in the journal.
 */
import type { Sidecar } from '../../sidecar/src/sidecar.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readHaEnv, type HaEnv } from '../harness/ha-dev.js';
import { callService, configEntries, eventually, haRest } from '../harness/ha-rest.js';
import { HaSocket } from '../harness/ha-ws.js';
import {
  api,
  finished,
  InProcess,
  proposeAndApprove,
  settingsFor,
  type Finished,
} from './support/in-process.js';

const AUTOMATION_ID = 'llm_ops_e2e_rollback';
const ENTITY = 'automation.llm_ops_e2e_rollback_automation';

let env: HaEnv;
let entryId: string;
const sidecars = new InProcess();

/** Wait until the execution has applied its change (and is verifying). */
async function applied(sidecar: Sidecar, proposalId: string): Promise<void> {
  await eventually(
    async () => {
      const { body } = await api<Finished>(sidecar, 'GET', `/api/actions/${proposalId}`);
      return body.execution?.steps.some((s) => s.step === 'apply' && s.status === 'succeeded')
        ? true
        : undefined;
    },
    60_000,
    'the change applied',
  );
}

/** The incident of an integration, once analyzed with a check that the failure stopped. */
async function analyzedIncident(sidecar: Sidecar, integration: string, check: string) {
  return eventually(
    () =>
      Promise.resolve(
        sidecar.journal
          .listIncidents({ integration, active: true }, 10, 0)
          .items.find((i) => i.analysis?.tests.some((t) => t.kind === check)),
      ),
    45_000,
    `an analyzed ${integration} incident checking ${check}`,
  );
}

beforeAll(async () => {
  env = readHaEnv();
  const [entry] = await configEntries(env, 'fault_lab');
  if (!entry) throw new Error('fault_lab has no config entry');
  entryId = entry.entry_id;
  await callService(env, 'system_log', 'clear');
});

afterEach(async () => {
  await sidecars.stopAll();
});

afterAll(async () => {
  await haRest(env, 'DELETE', `/api/config/automation/config/${AUTOMATION_ID}`).catch(
    () => undefined,
  );
});

describe('a fix whose failure goes on is undone', () => {
  it('disable_automation: the automation fails again while off, so it is turned back on', async () => {
    await haRest(env, 'POST', `/api/config/automation/config/${AUTOMATION_ID}`, {
      alias: 'LLM Ops e2e rollback automation',
      triggers: [{ trigger: 'event', event_type: 'llm_ops_e2e_rollback_fire' }],
      actions: [{ action: 'fault_lab.set_fault', data: { mode: 'explode' } }],
      mode: 'single',
    });
    await eventually(() => haRest(env, 'GET', `/api/states/${ENTITY}`), 30_000, ENTITY);
    await haRest(env, 'POST', '/api/services/automation/turn_on', { entity_id: ENTITY });
    const sidecar = await sidecars.start(
      settingsFor(env, { policy: 'actions:\n  disable_automation: {cooldown_s: 0}\n' }),
    );
    await haRest(env, 'POST', '/api/events/llm_ops_e2e_rollback_fire', {});
    const incident = await analyzedIncident(sidecar, 'automation', 'automation_runs_clean');
    expect(incident.subject).toBe(ENTITY);

    const proposal = await proposeAndApprove(sidecar, incident.id, 'disable_automation');
    await applied(sidecar, proposal.id);
    expect((await haRest<{ state: string }>(env, 'GET', `/api/states/${ENTITY}`)).state).toBe(
      'off',
    );
    // Run by hand while off (automation.trigger runs it regardless), it fails again: turning it
    // off did not stop the failure.
    await callService(env, 'automation', 'trigger', { entity_id: ENTITY });

    const done = await finished(sidecar, proposal.id);
    expect(done.result?.outcome).toBe('rolled_back');
    expect(done.result?.verification.checks.find((c) => !c.passed)?.detail).toMatch(
      /failed runs after the fix/,
    );
    expect(done.result?.rollback).toMatchObject({ attempted: true, succeeded: true });
    expect((await haRest<{ state: string }>(env, 'GET', `/api/states/${ENTITY}`)).state).toBe('on');
    expect(sidecar.journal.getIncident(incident.id)?.status).not.toBe('resolved');
  });

  it('disable_config_entry: the errors go on with the entry disabled, so it is enabled again', async () => {
    await callService(env, 'fault_lab', 'set_fault', { mode: 'log_error' });
    const sidecar = await sidecars.start(
      settingsFor(env, { policy: 'actions:\n  disable_config_entry: {cooldown_s: 0}\n' }),
    );
    try {
      const incident = await analyzedIncident(sidecar, 'fault_lab', 'no_new_matching_errors');
      const proposal = await proposeAndApprove(sidecar, incident.id, 'disable_config_entry');
      expect(proposal.params).toEqual({ entry_id: entryId });
      await applied(sidecar, proposal.id);
      expect((await configEntries(env, 'fault_lab'))[0]?.state).toBe('not_loaded');
      // The same error keeps coming though the entry is off: it was not the cause.
      await callService(env, 'system_log', 'write', {
        message: 'Error parsing reading from Fault Lab hub',
        logger: 'custom_components.fault_lab.coordinator',
        level: 'error',
      });

      const done = await finished(sidecar, proposal.id);
      expect(done.result?.outcome).toBe('rolled_back');
      expect(done.result?.verification.checks.find((c) => !c.passed)?.detail).toMatch(
        /new errors after the fix/,
      );
      const socket = await HaSocket.open(env.HA_URL, env.HA_TOKEN);
      try {
        const { config_entry } = await socket.command<{
          config_entry: { disabled_by: string | null; state: string };
        }>({ type: 'config_entries/get_single', entry_id: entryId });
        expect(config_entry.disabled_by).toBeNull();
      } finally {
        socket.close();
      }
      await eventually(
        async () =>
          (await configEntries(env, 'fault_lab'))[0]?.state === 'loaded' ? true : undefined,
        30_000,
        'fault_lab loaded again',
      );
    } finally {
      const socket = await HaSocket.open(env.HA_URL, env.HA_TOKEN);
      await socket.command({
        type: 'config_entries/disable',
        entry_id: entryId,
        disabled_by: null,
      });
      socket.close();
      await callService(env, 'fault_lab', 'set_fault', { mode: 'none' });
    }
  });
});
