/**
 * Verification by the entities an incident saw unavailable, the expiry of proposals, and
 * the evidence actions (set_integration_log_level, start_reauth through the LLM Ops
 * integration).
 */
import { describe, expect, it } from 'vitest';
import type { CheckOutcome } from '../../../sidecar/src/execute/verify.js';
import type { Sidecar } from '../../../sidecar/src/sidecar.js';
import { THRESHOLDS } from '../../../sidecar/test/helpers/pipeline.js';
import { eventually, haRest } from '../../harness/ha-rest.js';
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

describe('verification, expiry and the evidence actions', () => {
  const base = { ...THRESHOLDS, verifyMaxWaitS: 8, backupTimeoutS: 120, groupingWindowS: 300 };

  async function faultLabIncident(sidecar: Sidecar, kind?: string) {
    return eventually(
      () =>
        Promise.resolve(
          sidecar.journal
            .listIncidents({ integration: 'fault_lab', active: true }, 10, 0)
            .items.find(
              (i) => !kind || sidecar.journal.signalsOf(i.id, 50).some((s) => s.kind === kind),
            ),
        ),
      45_000,
      `a fault_lab incident${kind ? ` with ${kind}` : ''}`,
    );
  }

  it('a reload is verified only once the entities the incident saw unavailable are back', async () => {
    const sidecar = await startSidecar(
      settings({
        policy: 'actions:\n  reload_config_entry: {cooldown_s: 0}\n',
        thresholds: { ...base, unavailableAfterS: 1 },
      }),
    );
    await setFault('unavailable', true);
    const incident = await faultLabIncident(sidecar, 'entities_unavailable');
    const reload = async () => {
      const res = await api<{ proposal: Proposal }>(sidecar, 'POST', '/api/actions/propose', {
        incident_id: incident.id,
        action_id: 'reload_config_entry',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      await api(sidecar, 'POST', `/api/actions/${res.body.proposal.id}/approve`, {});
      return finished(sidecar, res.body.proposal.id);
    };

    // The hub still does not answer: its sensors stay unavailable, so the reload fixed nothing.
    const stillDown = await reload();
    expect(stillDown.result?.outcome).toBe('failed');
    const checks = (stillDown.result as unknown as { verification: { checks: CheckOutcome[] } })
      .verification.checks;
    const entities = checks.find((c) => /entities/.test(c.description));
    expect(entities?.passed).toBe(false);
    expect(entities?.detail).toMatch(/^still unavailable: .*sensor\.fault_lab_/);
    expect(stillDown.execution?.steps.at(-1)?.step).toBe('rollback');

    await setFault('none', false);
    const back = await reload();
    expect(back.result?.outcome).toBe('succeeded');
    expect(back.execution?.steps.find((s) => s.step === 'verify')?.detail).toContain(
      'all available',
    );
  });

  it('a proposal past its time cannot be approved; the periodic expiry clears the rest', async () => {
    const sidecar = await startSidecar(settings({ thresholds: { ...base, proposalTtlS: 2 } }));
    await setFault('not_ready', true);
    const proposal = await pendingReload(sidecar);
    const backup = await api<{ proposal: Proposal }>(sidecar, 'POST', '/api/actions/propose', {
      incident_id: proposal.incident_id,
      action_id: 'create_backup',
    });
    await new Promise((r) => setTimeout(r, 2500));

    const late = await api<{ error: string }>(
      sidecar,
      'POST',
      `/api/actions/${proposal.id}/approve`,
      {},
    );
    expect(late.status).toBe(409);
    expect(late.body.error).toMatch(/has expired/);
    expect(sidecar.proposals.proposal(proposal.id)?.status).toBe('expired');

    expect(sidecar.proposals.proposal(backup.body.proposal.id)?.status).toBe('proposed');
    sidecar.approval.expireStale();
    expect(sidecar.proposals.proposal(backup.body.proposal.id)?.status).toBe('expired');
  });

  it('set_integration_log_level: only the incident’s integration, a known level; verified, and set back when its time is up', async () => {
    const sidecar = await startSidecar(
      settings({
        policy: 'actions:\n  set_integration_log_level: {cooldown_s: 0}\n',
        // Debug logging is for collecting evidence, not for good: it ends by itself.
        thresholds: { ...base, unavailableAfterS: 600, revertAfterS: 10 },
      }),
    );
    await setFault('not_ready', true);
    const incident = await faultLabIncident(sidecar);
    const propose = (params: Record<string, unknown>) =>
      api<{ proposal: Proposal; error: string }>(sidecar, 'POST', '/api/actions/propose', {
        incident_id: incident.id,
        action_id: 'set_integration_log_level',
        params,
      });
    const loud = await propose({ level: 'verbose' });
    expect(loud.status).toBe(400);
    expect(loud.body.error).toMatch(/level must be one of debug, info, warning, error, critical/);
    const other = await propose({ integration: 'mqtt', level: 'debug' });
    expect(other.status).toBe(400);
    expect(other.body.error).toMatch(
      /integration must be the incident's integration \(fault_lab\)/,
    );

    const socket = await HaSocket.open(env.HA_URL, env.HA_TOKEN);
    try {
      const debug = await propose({ level: 'DEBUG' });
      expect(debug.status).toBe(201);
      expect(debug.body.proposal.params).toEqual({ integration: 'fault_lab', level: 'debug' });
      await api(sidecar, 'POST', `/api/actions/${debug.body.proposal.id}/approve`, {});
      const done = await finished(sidecar, debug.body.proposal.id);
      expect(done.result?.outcome).toBe('succeeded');
      const level = async () =>
        (
          await socket.command<{ domain: string; level: number }[]>({ type: 'logger/log_info' })
        ).find((l) => l.domain === 'fault_lab')?.level;
      expect(await level()).toBe(10);
      // Its time up, fault_lab logs at the level it had before (info, as configured) again.
      await eventually(
        async () => ((await level()) === 20 ? true : undefined),
        40_000,
        'fault_lab back at info',
      );
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

  it('start_reauth opens the entry’s reauth flow through the LLM Ops integration', async () => {
    const sidecar = await startSidecar(
      settings({ policy: 'actions:\n  start_reauth: {cooldown_s: 0}\n' }),
    );
    const socket = await HaSocket.open(env.HA_URL, env.HA_TOKEN);
    const flow = await haRest<{ flow_id: string }>(env, 'POST', '/api/config/config_entries/flow', {
      handler: 'llm_ops',
    });
    const created = await haRest<{ type: string; result: { entry_id: string } }>(
      env,
      'POST',
      `/api/config/config_entries/flow/${flow.flow_id}`,
      { url: sidecar.apiAddress, token: 'test-token-0123456789abcdef' },
    );
    expect(created.type).toBe('create_entry');
    const reauthFlows = async () =>
      (
        await socket.command<
          { flow_id: string; handler: string; context: { source?: string; entry_id?: string } }[]
        >({ type: 'config_entries/flow/progress' })
      ).filter((f) => f.context.source === 'reauth' && f.context.entry_id === entryId);
    try {
      await setFault('not_ready', true);
      const incident = await faultLabIncident(sidecar);
      // The sidecar learns of the LLM Ops entry from HA's config entry updates.
      const proposal = await eventually(async () => {
        const res = await api<{ proposal: Proposal }>(sidecar, 'POST', '/api/actions/propose', {
          incident_id: incident.id,
          action_id: 'start_reauth',
        });
        return res.status === 201 ? res.body.proposal : undefined;
      });
      expect(proposal.params).toEqual({ entry_id: entryId });
      expect(proposal.preview.summary).toMatch(/Start re-authentication of Fault Lab/);
      expect(await reauthFlows()).toEqual([]);
      await api(sidecar, 'POST', `/api/actions/${proposal.id}/approve`, {});
      const done = await finished(sidecar, proposal.id);
      expect(done.result?.outcome).toBe('succeeded');
      expect(done.execution?.steps.find((s) => s.step === 'verify')?.detail).toMatch(
        /a reauth flow is waiting for the user/,
      );
      expect(await reauthFlows()).toHaveLength(1);
    } finally {
      for (const f of await reauthFlows())
        await haRest(env, 'DELETE', `/api/config/config_entries/flow/${f.flow_id}`);
      await haRest(env, 'DELETE', `/api/config/config_entries/entry/${created.result.entry_id}`);
      socket.close();
    }
  });
});
