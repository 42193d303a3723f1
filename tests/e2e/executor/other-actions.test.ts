/**
 * The other allow-listed actions against the real dev HA: a failing automation
 * (reload_automations, disable_automation), create_backup, disable_config_entry,
 * start_reauth's precondition, and restart_core through the fake Supervisor.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { THRESHOLDS } from '../../../sidecar/test/helpers/pipeline.js';
import { startFakeSupervisor } from '../../harness/fake-supervisor.js';
import { configEntries, eventually, haRest } from '../../harness/ha-rest.js';
import { HaSocket } from '../../harness/ha-ws.js';
import { api, finished, type Proposal } from '../support/in-process.js';
import {
  entryId,
  env,
  pendingReload,
  setFault,
  settings,
  startSidecar,
  useExecutorSetup,
} from './setup.js';

useExecutorSetup();

describe('the other allow-listed actions', () => {
  const AUTOMATION_ID = 'llm_ops_e2e_failing';
  const ENTITY = 'automation.llm_ops_e2e_failing_automation';

  async function failingAutomation(): Promise<void> {
    await haRest(env, 'POST', `/api/config/automation/config/${AUTOMATION_ID}`, {
      alias: 'LLM Ops e2e failing automation',
      triggers: [{ trigger: 'event', event_type: 'llm_ops_e2e_fire' }],
      actions: [{ action: 'fault_lab.set_fault', data: { mode: 'explode' } }],
      mode: 'single',
    });
    // HA restores an automation's last state, and an earlier run on this dev HA turned it off.
    await eventually(() => haRest(env, 'GET', `/api/states/${ENTITY}`), 30_000, ENTITY);
    await haRest(env, 'POST', '/api/services/automation/turn_on', { entity_id: ENTITY });
    await eventually(
      async () =>
        (await haRest<{ state: string }>(env, 'GET', `/api/states/${ENTITY}`)).state === 'on' ||
        undefined,
    );
  }

  afterAll(async () => {
    await haRest(env, 'DELETE', `/api/config/automation/config/${AUTOMATION_ID}`).catch(
      () => undefined,
    );
  });

  it('a failing automation becomes an incident; disable_automation turns it off, reload_automations verifies clean', async () => {
    await failingAutomation();
    const sidecar = await startSidecar(
      settings({
        policy:
          'actions:\n  disable_automation: {cooldown_s: 0}\n  reload_automations: {cooldown_s: 0}\n',
      }),
    );
    await haRest(env, 'POST', '/api/events/llm_ops_e2e_fire', {});
    const incident = await eventually(
      () =>
        Promise.resolve(
          // Other files' automations may have failed runs in HA's traces too.
          sidecar.journal
            .listIncidents({ integration: 'automation', active: true }, 10, 0)
            .items.find((i) => i.subject === ENTITY),
        ),
      30_000,
      `an incident of ${ENTITY}`,
    );
    const failedRun = await eventually(
      () =>
        Promise.resolve(
          sidecar.journal.signalsOf(incident.id, 10).find((s) => s.kind === 'automation_error'),
        ),
      30_000,
      'the failed run from its trace',
    );
    expect(failedRun.data.config).toMatchObject({ alias: 'LLM Ops e2e failing automation' });

    const reload = await api<{ proposal: Proposal }>(sidecar, 'POST', '/api/actions/propose', {
      incident_id: incident.id,
      action_id: 'reload_automations',
    });
    await api(sidecar, 'POST', `/api/actions/${reload.body.proposal.id}/approve`, {});
    expect((await finished(sidecar, reload.body.proposal.id)).result?.outcome).toBe('succeeded');
    // A verified fix resolves the incident.
    expect(sidecar.journal.getIncident(incident.id)?.status).toBe('resolved');

    // It fails again (a flap reopens the same incident); this time turn it off. The event is
    // fired until the failure shows: one fired while HA is busy reloading may trigger nothing.
    let fired = 0;
    await eventually(
      async () => {
        if (
          ['open', 'awaiting_approval'].includes(
            sidecar.journal.getIncident(incident.id)?.status ?? '',
          )
        )
          return true;
        if (fired++ % 8 === 0) await haRest(env, 'POST', '/api/events/llm_ops_e2e_fire', {});
        return undefined;
      },
      45_000,
      'the reopened incident',
    );
    const disable = await api<{ proposal: Proposal }>(sidecar, 'POST', '/api/actions/propose', {
      incident_id: incident.id,
      action_id: 'disable_automation',
    });
    expect(disable.body.proposal.params).toEqual({ entity_id: ENTITY });
    const other = await api<{ error: string }>(sidecar, 'POST', '/api/actions/propose', {
      incident_id: incident.id,
      action_id: 'disable_automation',
      params: { entity_id: 'automation.someone_elses' },
    });
    expect(other.status).toBe(400);
    await api(sidecar, 'POST', `/api/actions/${disable.body.proposal.id}/approve`, {});
    const done = await finished(sidecar, disable.body.proposal.id);
    expect(done.result?.outcome).toBe('succeeded');
    expect((await haRest<{ state: string }>(env, 'GET', `/api/states/${ENTITY}`)).state).toBe(
      'off',
    );
  });

  it('create_backup and disable_config_entry run and verify; start_reauth needs the integration', async () => {
    const sidecar = await startSidecar(
      settings({ policy: 'actions:\n  disable_config_entry: {cooldown_s: 0}\n' }),
    );
    await setFault('not_ready', true);
    const proposal = await pendingReload(sidecar);

    const backup = await api<{ proposal: Proposal }>(sidecar, 'POST', '/api/actions/propose', {
      incident_id: proposal.incident_id,
      action_id: 'create_backup',
    });
    await api(sidecar, 'POST', `/api/actions/${backup.body.proposal.id}/approve`, {});
    const backedUp = await finished(sidecar, backup.body.proposal.id);
    expect(backedUp.result?.outcome).toBe('succeeded');

    const reauth = await api<{ error: string; field: string }>(
      sidecar,
      'POST',
      '/api/actions/propose',
      {
        incident_id: proposal.incident_id,
        action_id: 'start_reauth',
      },
    );
    if ((await configEntries(env, 'llm_ops')).length === 0) {
      expect(reauth.status).toBe(400);
      expect(reauth.body.error).toMatch(/LLM Ops integration is not set up/);
    }

    const disable = await api<{ proposal: Proposal }>(sidecar, 'POST', '/api/actions/propose', {
      incident_id: proposal.incident_id,
      action_id: 'disable_config_entry',
    });
    await api(sidecar, 'POST', `/api/actions/${disable.body.proposal.id}/approve`, {});
    const disabled = await finished(sidecar, disable.body.proposal.id);
    try {
      expect(disabled.result?.outcome).toBe('succeeded');
      expect((await configEntries(env, 'fault_lab'))[0]?.state).toBe('not_loaded');
    } finally {
      const socket = await HaSocket.open(env.HA_URL, env.HA_TOKEN);
      await socket.command({
        type: 'config_entries/disable',
        entry_id: entryId,
        disabled_by: null,
      });
      socket.close();
    }
  });

  it('restart_core through the Supervisor checks the configuration first, and restarts nothing that fails it', async () => {
    const fake = await startFakeSupervisor({
      configError: "Invalid config for 'template' at configuration.yaml, line 12",
    });
    try {
      const sidecar = await startSidecar(
        settings({
          supervisor: { url: fake.url, token: fake.token },
          policy: 'actions:\n  restart_core: {cooldown_s: 0}\n',
          thresholds: { ...THRESHOLDS, verifyMaxWaitS: 2, supervisorPollS: 3600 },
        }),
      );
      await setFault('not_ready', true);
      const incident = await eventually(() =>
        Promise.resolve(
          sidecar.journal.listIncidents({ integration: 'fault_lab', active: true }, 10, 0).items[0],
        ),
      );
      const restart = await api<{ proposal: Proposal }>(sidecar, 'POST', '/api/actions/propose', {
        incident_id: incident.id,
        action_id: 'restart_core',
      });
      await api(sidecar, 'POST', `/api/actions/${restart.body.proposal.id}/approve`, {});
      const done = await finished(sidecar, restart.body.proposal.id);
      expect(done.result?.outcome).toBe('failed');
      expect(done.execution?.steps.find((s) => s.step === 'apply')?.detail).toMatch(
        /configuration check failed.*Invalid config for 'template'/,
      );
      const paths = fake.requests.filter((r) => r.method === 'POST').map((r) => r.path);
      expect(paths).toContain('/core/check');
      expect(paths).not.toContain('/core/restart');
    } finally {
      await fake.close();
    }
  });

  it('restart_core is never automatic by default, and a restart that does not happen fails verification', async () => {
    const fake = await startFakeSupervisor();
    try {
      const sidecar = await startSidecar(
        settings({
          supervisor: { url: fake.url, token: fake.token },
          policy: 'mode: auto\nactions:\n  restart_core: {cooldown_s: 0}\n',
          thresholds: { ...THRESHOLDS, verifyMaxWaitS: 2, supervisorPollS: 3600 },
        }),
      );
      await setFault('not_ready', true);
      const incident = await eventually(() =>
        Promise.resolve(
          sidecar.journal.listIncidents({ integration: 'fault_lab', active: true }, 10, 0).items[0],
        ),
      );
      const restart = await api<{ proposal: Proposal }>(sidecar, 'POST', '/api/actions/propose', {
        incident_id: incident.id,
        action_id: 'restart_core',
      });
      expect(restart.body.proposal.risk).toBe('high');
      expect(restart.body.proposal.preview.summary).toMatch(/Restart Home Assistant Core/);
      await new Promise((r) => setTimeout(r, 500));
      expect(sidecar.proposals.proposal(restart.body.proposal.id)?.status).toBe('proposed'); // not auto
      await api(sidecar, 'POST', `/api/actions/${restart.body.proposal.id}/approve`, {});
      const done = await finished(sidecar, restart.body.proposal.id);
      const posted = fake.requests.filter((r) => r.method === 'POST').map((r) => r.path);
      expect(posted.indexOf('/core/check')).toBeGreaterThan(-1);
      expect(posted.indexOf('/core/check')).toBeLessThan(posted.indexOf('/core/restart'));
      expect(done.result?.outcome).toBe('failed');
      expect(done.execution?.steps.find((s) => s.step === 'verify')?.detail).toMatch(
        /did not restart/,
      );
    } finally {
      await fake.close();
    }
  });
});
