/**
 * The executor in approve mode with HA's own (core) backups: a proposal for a real fault,
 * approved → backup → apply → verify, the backups it keeps and deletes, a failed
 * verification's rollback step, and incidents it has nothing to act on.
 */
import { describe, expect, it } from 'vitest';
import { BACKUP_PREFIX, takeBackup } from '../../../sidecar/src/execute/backup.js';
import { connectToHa } from '../../../sidecar/src/ha/connection.js';
import { createLogger } from '../../../sidecar/src/log.js';
import { THRESHOLDS } from '../../../sidecar/test/helpers/pipeline.js';
import { callService, configEntries, eventually } from '../../harness/ha-rest.js';
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

describe('approve mode, core backup', () => {
  it('deletes only the backups it took before its fixes: never one asked for, never a lookalike', async () => {
    const sidecar = await startSidecar(
      settings({
        policy:
          'mode: approve\nactions:\n  reload_config_entry: {cooldown_s: 0}\n  create_backup: {cooldown_s: 0}\n',
        thresholds: {
          ...THRESHOLDS,
          unavailableAfterS: 600,
          verifyMaxWaitS: 2,
          backupTimeoutS: 120,
          groupingWindowS: 300,
          keepBackups: 1,
        },
      }),
    );
    const socket = await HaSocket.open(env.HA_URL, env.HA_TOKEN);
    const listed = async () =>
      (
        await socket.command<{ backups: { backup_id: string }[] }>({ type: 'backup/info' })
      ).backups.map((b) => b.backup_id);
    const run = async (incidentId: string, actionId: string): Promise<string> => {
      const res = await api<{ proposal: Proposal }>(sidecar, 'POST', '/api/actions/propose', {
        incident_id: incidentId,
        action_id: actionId,
        params: {},
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      await api(sidecar, 'POST', `/api/actions/${res.body.proposal.id}/approve`, {});
      const done = await finished(sidecar, res.body.proposal.id);
      return (done.result as unknown as { backup_id: string }).backup_id;
    };
    const conn = await connectToHa({
      wsUrl: `${env.HA_URL.replace(/^http/, 'ws')}/api/websocket`,
      token: env.HA_TOKEN,
      log: createLogger('error'),
    });
    const taken: string[] = [];
    try {
      // Named like ours, but LLM Ops did not take it before a fix.
      const lookalike = await takeBackup(
        { conn, supervisor: null },
        { homeassistant: true, includeDatabase: false, addons: [], description: 'test' },
        `${BACKUP_PREFIX}my own test`,
        120,
      );
      taken.push(lookalike);
      await setFault('not_ready', true);
      const { incident_id: incidentId } = await pendingReload(sidecar);
      // The fault stays on: the reloads do not fix it, but each takes its backup first.
      const firstFix = await run(incidentId, 'reload_config_entry');
      const askedFor = await run(incidentId, 'create_backup');
      const secondFix = await run(incidentId, 'reload_config_entry');
      taken.push(firstFix, askedFor, secondFix);
      const ids = await listed();
      expect(ids).toEqual(expect.arrayContaining([lookalike, askedFor, secondFix]));
      expect(ids).not.toContain(firstFix);
    } finally {
      const left = new Set(await listed());
      for (const id of taken.filter((t) => left.has(t)))
        await socket.command({ type: 'backup/delete', backup_id: id });
      conn.close();
      socket.close();
    }
  });

  it('not_ready: proposes reloading that entry; approving backs up, reloads, verifies, resolves', async () => {
    const sidecar = await startSidecar(
      settings({ policy: 'mode: approve\nactions:\n  reload_config_entry: {cooldown_s: 0}\n' }),
    );
    const socket = await HaSocket.open(env.HA_URL, env.HA_TOKEN);
    const events = await socket.collect<{
      data: { proposal_id: string; status: string; backup_id: string | null };
    }>('llm_ops_action');
    try {
      await setFault('not_ready', true);
      const proposal = await pendingReload(sidecar);
      expect(proposal.preview.label).toBe('Reload the integration entry');
      expect(proposal.preview.summary).toContain('Fault Lab');
      expect(proposal.preview.precondition).toMatch(/answers again/);
      expect(proposal.preview.backup).toMatch(/configuration/);
      expect(proposal.preview.verification.map((v) => v.kind)).toEqual([
        'config_entry_loaded',
        'entities_available',
      ]);
      const { body: incident } = await api<{ incident: { status: string } }>(
        sidecar,
        'GET',
        `/api/incidents/${proposal.incident_id}`,
      );
      expect(incident.incident.status).toBe('awaiting_approval');

      await setFault('none', false); // the device answers again
      const approved = await api<{ proposal: Proposal }>(
        sidecar,
        'POST',
        `/api/actions/${proposal.id}/approve`,
        { decided_by: 'e2e' },
      );
      expect(approved.status, JSON.stringify(approved.body)).toBe(200);
      const done = await finished(sidecar, proposal.id);
      expect(done.result?.outcome).toBe('succeeded');
      expect(done.execution?.steps.map((s) => `${s.step}:${s.status}`)).toEqual([
        'precheck:succeeded',
        'backup:succeeded',
        'apply:succeeded',
        'verify:succeeded',
      ]);
      const backupId = (done.result as unknown as { backup_id: string }).backup_id;
      const info = await socket.command<{ backups: { backup_id: string }[] }>({
        type: 'backup/info',
      });
      expect(info.backups.map((b) => b.backup_id)).toContain(backupId);
      expect((await configEntries(env, 'fault_lab'))[0]?.state).toBe('loaded');
      const after = await api<{
        incident: { status: string; outcome: { outcome: string; action_id: string } | null };
      }>(sidecar, 'GET', `/api/incidents/${proposal.incident_id}`);
      expect(after.body.incident.status).toBe('resolved');
      // Its outcome: fixed by this action, verified.
      expect(after.body.incident.outcome).toMatchObject({
        outcome: 'fixed_by_action',
        action_id: 'reload_config_entry',
      });
      const mine = await eventually(async () => {
        const list = events
          .filter((e) => e.data.proposal_id === proposal.id)
          .map((e) => e.data.status);
        return list.includes('succeeded') ? list : undefined;
      });
      expect(mine).toEqual(['proposed', 'approved', 'executing', 'succeeded']);
      expect(events.find((e) => e.data.status === 'succeeded')?.data.backup_id).toBe(backupId);

      // Approving twice is a clear 409.
      const again = await api<{ error: string }>(
        sidecar,
        'POST',
        `/api/actions/${proposal.id}/approve`,
        {},
      );
      expect(again.status).toBe(409);
      expect(again.body.error).toMatch(/already ran and succeeded/);
    } finally {
      socket.close();
    }
  });

  it('fault still present: verification fails, the rollback step is recorded, the incident stays open', async () => {
    const sidecar = await startSidecar(
      settings({ policy: 'actions:\n  reload_config_entry: {cooldown_s: 0}\n' }),
    );
    await setFault('not_ready', true);
    const proposal = await pendingReload(sidecar);
    expect((await api(sidecar, 'POST', `/api/actions/${proposal.id}/approve`, {})).status).toBe(
      200,
    );
    const done = await finished(sidecar, proposal.id);
    // A reload has nothing to undo: the rollback step says so, and the action failed.
    expect(done.result?.outcome).toBe('failed');
    expect(
      (done.result as unknown as { rollback: { attempted: boolean; detail: string } }).rollback,
    ).toMatchObject({
      attempted: false,
      detail: expect.stringMatching(/nothing to undo/),
    });
    const steps = done.execution?.steps ?? [];
    expect(steps.map((s) => `${s.step}:${s.status}`)).toEqual([
      'precheck:succeeded',
      'backup:succeeded',
      'apply:succeeded',
      'verify:failed',
      'rollback:succeeded',
    ]);
    expect(steps.find((s) => s.step === 'verify')?.detail).toMatch(/setup_retry/);
    const { body } = await api<{ incident: { status: string } }>(
      sidecar,
      'GET',
      `/api/incidents/${proposal.incident_id}`,
    );
    expect(['open', 'awaiting_approval']).toContain(body.incident.status);
  });

  it('a dismissed incident, analyzed again, gets no new proposals', async () => {
    const sidecar = await startSidecar(settings());
    await setFault('not_ready', true);
    const proposal = await pendingReload(sidecar);
    const dismissed = await api<{ incident: { status: string } }>(
      sidecar,
      'POST',
      `/api/incidents/${proposal.incident_id}/dismiss`,
      { reason: 'known, fixing the hub myself' },
    );
    expect(dismissed.body.incident.status).toBe('dismissed');
    const again = await api<{ incident: { status: string } }>(
      sidecar,
      'POST',
      `/api/incidents/${proposal.incident_id}/reanalyze`,
      {},
    );
    expect(again.status).toBe(200);
    expect(again.body.incident.status).toBe('dismissed');
    await new Promise((r) => setTimeout(r, 500)); // planning is asynchronous
    const { body: pending } = await api<Proposal[]>(sidecar, 'GET', '/api/actions/pending');
    expect(pending.filter((p) => p.incident_id === proposal.incident_id)).toEqual([]);
    const byHand = await api<{ error: string }>(sidecar, 'POST', '/api/actions/propose', {
      incident_id: proposal.incident_id,
      action_id: 'reload_config_entry',
    });
    expect(byHand.status).toBe(409);
    expect(byHand.body.error).toMatch(/dismissed/);
  });

  it('an incident that names neither an entry nor an integration has no entry to act on', async () => {
    const sidecar = await startSidecar(settings());
    const marker = `Worker pool lost its threads (scoping ${Date.now()})`;
    await callService(env, 'system_log', 'write', {
      message: marker,
      level: 'error',
      logger: 'nameless_worker.pool',
    });
    const incident = await eventually(() =>
      Promise.resolve(
        sidecar.journal
          .listIncidents({ active: true }, 50, 0)
          .items.find((i) => sidecar.journal.signalsOf(i.id, 5).some((s) => s.message === marker)),
      ),
    );
    expect(incident).toMatchObject({ integration: null, entry_id: null });
    for (const action_id of ['reload_config_entry', 'disable_config_entry', 'start_reauth']) {
      const refused = await api<{ error: string; field: string }>(
        sidecar,
        'POST',
        '/api/actions/propose',
        { incident_id: incident.id, action_id, params: { entry_id: entryId } },
      );
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({
        field: 'params',
        error: expect.stringMatching(/names neither a config entry nor an integration/),
      });
    }
    await callService(env, 'system_log', 'clear');
  });
});
