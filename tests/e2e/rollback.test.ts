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
const LOGGER_AUTOMATION_ID = 'llm_ops_e2e_rollback_logger';
const LOGGER_ENTITY = 'automation.llm_ops_e2e_rollback_logger';

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
  for (const id of [AUTOMATION_ID, LOGGER_AUTOMATION_ID])
    await haRest(env, 'DELETE', `/api/config/automation/config/${id}`).catch(() => undefined);
});

/** fault_lab's level as HA's logger reports it (`logger/log_info`), and its loggers' own. */
async function faultLabLevel(socket: HaSocket): Promise<{ info: number; effective: string }> {
  const info = await socket.command<{ domain: string; level: number }[]>({
    type: 'logger/log_info',
  });
  const { service_response } = await haRest<{ service_response: { effective: string } }>(
    env,
    'POST',
    '/api/services/fault_lab/logger_level?return_response',
    { logger: 'coordinator' },
  );
  return {
    info: info.find((i) => i.domain === 'fault_lab')?.level ?? -1,
    effective: service_response.effective,
  };
}

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

  it('set_integration_log_level: the level does not take, so it is set back to what it was', async () => {
    const socket = await HaSocket.open(env.HA_URL, env.HA_TOKEN);
    try {
      const before = await faultLabLevel(socket);
      expect(before.info).toBeGreaterThan(10); // not debug already
      // Something else in HA holds fault_lab's level: an automation that answers the next
      // change of log levels by setting fault_lab to critical (once; then it turns itself off).
      await haRest(env, 'POST', `/api/config/automation/config/${LOGGER_AUTOMATION_ID}`, {
        alias: 'LLM Ops e2e rollback logger',
        triggers: [{ trigger: 'event', event_type: 'logging_changed' }],
        actions: [
          {
            action: 'logger.set_level',
            data: { 'homeassistant.components.fault_lab': 'critical' },
          },
          { action: 'automation.turn_off', target: { entity_id: LOGGER_ENTITY } },
        ],
        mode: 'single',
      });
      // On, even where HA restored it as off (it turned itself off in an earlier run).
      await eventually(
        () => haRest(env, 'GET', `/api/states/${LOGGER_ENTITY}`),
        30_000,
        LOGGER_ENTITY,
      );
      await haRest(env, 'POST', '/api/services/automation/turn_on', { entity_id: LOGGER_ENTITY });
      await eventually(
        async () =>
          (await haRest<{ state: string }>(env, 'GET', `/api/states/${LOGGER_ENTITY}`)).state ===
          'on'
            ? true
            : undefined,
        30_000,
        LOGGER_ENTITY,
      );
      const sidecar = await sidecars.start(
        settingsFor(env, { policy: 'actions:\n  set_integration_log_level: {cooldown_s: 0}\n' }),
      );
      await callService(env, 'system_log', 'write', {
        message: 'Fault Lab hub answered with an unknown status',
        logger: 'custom_components.fault_lab.coordinator',
        level: 'error',
      });
      const incident = await eventually(
        () =>
          Promise.resolve(
            sidecar.journal.listIncidents({ integration: 'fault_lab', active: true }, 10, 0)
              .items[0],
          ),
        45_000,
        'a fault_lab incident',
      );
      const proposal = await proposeAndApprove(sidecar, incident.id, 'set_integration_log_level', {
        integration: 'fault_lab',
        level: 'debug',
      });

      const done = await finished(sidecar, proposal.id);
      expect(done.result?.outcome).toBe('rolled_back');
      expect(done.result?.verification.checks.find((c) => !c.passed)?.detail).toBe('level 50');
      expect(done.result?.rollback).toMatchObject({ attempted: true, succeeded: true });
      // In HA: the level it had before, neither debug, nor critical, nor NOTSET.
      expect(await faultLabLevel(socket)).toEqual(before);
      expect(
        (await haRest<{ state: string }>(env, 'GET', `/api/states/${LOGGER_ENTITY}`)).state,
      ).toBe('off'); // it did answer the change
    } finally {
      await socket.command({
        type: 'logger/integration_log_level',
        integration: 'fault_lab',
        level: 'NOTSET',
        persistence: 'none',
      });
      socket.close();
    }
  });
});
