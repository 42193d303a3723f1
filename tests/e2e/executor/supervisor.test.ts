/**
 * The executor against the fake Supervisor: an add-on's restart with a partial backup,
 * the backup's failures, verification by the add-on's state, and the backups it deletes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sidecar } from '../../../sidecar/src/sidecar.js';
import { THRESHOLDS } from '../../../sidecar/test/helpers/pipeline.js';
import { startFakeSupervisor, type FakeSupervisor } from '../../harness/fake-supervisor.js';
import { eventually } from '../../harness/ha-rest.js';
import { api, finished, type Proposal } from '../support/in-process.js';
import { settings, sidecars, startSidecar, useExecutorSetup } from './setup.js';

useExecutorSetup();

describe('Supervisor: add-on restart with a partial backup', () => {
  let fake: FakeSupervisor;

  beforeAll(async () => {
    fake = await startFakeSupervisor({
      addons: [
        {
          slug: 'a0d7b954_zigbee2mqtt',
          name: 'Zigbee2MQTT',
          version: '2.6.0',
          state: 'error',
          update_available: false,
          log: ['Error: Failed to connect to the adapter'],
        },
      ],
    });
  });

  afterAll(() => fake.close());

  async function addonProposal(sidecar: Sidecar): Promise<Proposal> {
    const incident = await eventually(() =>
      Promise.resolve(
        sidecar.journal
          .listIncidents({ active: true }, 50, 0)
          .items.find((i) => i.subject === 'addon:a0d7b954_zigbee2mqtt'),
      ),
    );
    const res = await api<{ proposal: Proposal }>(sidecar, 'POST', '/api/actions/propose', {
      incident_id: incident.id,
      action_id: 'restart_addon',
      params: {},
    });
    expect(res.status).toBe(201);
    return res.body.proposal;
  }

  const supervised = () =>
    settings({
      supervisor: { url: fake.url, token: fake.token },
      thresholds: { ...THRESHOLDS, verifyMaxWaitS: 5, supervisorPollS: 3600 },
      policy: 'actions:\n  restart_addon: {cooldown_s: 0}\n',
    });

  it('a failed backup means nothing is executed', async () => {
    const sidecar = await startSidecar(supervised());
    const proposal = await addonProposal(sidecar);
    expect(proposal.params).toEqual({ slug: 'a0d7b954_zigbee2mqtt' });
    fake.state.failNextBackup = 'not enough free space';
    expect((await api(sidecar, 'POST', `/api/actions/${proposal.id}/approve`, {})).status).toBe(
      200,
    );
    const done = await finished(sidecar, proposal.id);
    expect(done.result?.outcome).toBe('failed');
    expect(JSON.stringify(done.result)).toMatch(/not enough free space.*nothing was changed/);
    expect(done.execution?.steps.map((s) => s.step)).toEqual(['precheck', 'backup']);
    expect(fake.requests.some((r) => r.path.endsWith('/restart'))).toBe(false);
  });

  it('restarts only the incident’s own, installed add-on', async () => {
    const sidecar = await startSidecar(supervised());
    const proposal = await addonProposal(sidecar);
    const attempt = (slug: unknown) =>
      api<{ error: string; field: string }>(sidecar, 'POST', '/api/actions/propose', {
        incident_id: proposal.incident_id,
        action_id: 'restart_addon',
        params: { slug },
      });
    const refusals = [
      [await attempt('../core'), 'slug must name an add-on'],
      [await attempt('core_mosquitto'), "add-on core_mosquitto is not the incident's add-on"],
    ] as const;
    for (const [res, error] of refusals) {
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ field: 'params', error });
    }
    const zigbee = fake.state.addons.splice(0, 1);
    try {
      const gone = await attempt('a0d7b954_zigbee2mqtt');
      expect(gone.status).toBe(400);
      expect(gone.body.error).toBe('add-on a0d7b954_zigbee2mqtt is not installed');
    } finally {
      fake.state.addons.unshift(...zigbee);
    }
    expect(fake.requests.some((r) => r.path.endsWith('/restart'))).toBe(false);
  });

  it('a good backup, then the restart, verified by the add-on state', async () => {
    const sidecar = await startSidecar(supervised());
    const proposal = await addonProposal(sidecar);
    expect((await api(sidecar, 'POST', `/api/actions/${proposal.id}/approve`, {})).status).toBe(
      200,
    );
    const done = await finished(sidecar, proposal.id);
    expect(done.result?.outcome).toBe('succeeded');
    const backupId = (done.result as unknown as { backup_id: string }).backup_id;
    expect(fake.state.backups.map((b) => [b.slug, b.content.addons])).toContainEqual([
      backupId,
      ['a0d7b954_zigbee2mqtt'],
    ]);
    expect(
      fake.requests.filter((r) => r.path === '/addons/a0d7b954_zigbee2mqtt/restart'),
    ).toHaveLength(1);
    const zigbee = fake.state.addons[0];
    if (zigbee) zigbee.state = 'error';
  });

  it('an add-on that keeps crashing: verification fails and the outcome is recorded', async () => {
    const zigbee = fake.state.addons[0];
    if (zigbee) zigbee.failRestarts = 1;
    const sidecar = await startSidecar(supervised());
    const proposal = await addonProposal(sidecar);
    await api(sidecar, 'POST', `/api/actions/${proposal.id}/approve`, {});
    const done = await finished(sidecar, proposal.id);
    expect(done.result?.outcome).toBe('failed');
    expect(done.execution?.steps.find((s) => s.step === 'verify')?.detail).toMatch(/state error/);
    expect(done.execution?.steps.at(-1)).toMatchObject({ step: 'rollback', status: 'succeeded' });
  });

  it('the Supervisor refusing the backup means nothing is executed', async () => {
    const sidecar = await startSidecar(supervised());
    const proposal = await addonProposal(sidecar);
    fake.state.failNextBackup = true; // HTTP 500 on /backups/new/partial
    const seen = fake.requests.length;
    await api(sidecar, 'POST', `/api/actions/${proposal.id}/approve`, {});
    const done = await finished(sidecar, proposal.id);
    expect(done.result?.outcome).toBe('failed');
    expect(JSON.stringify(done.result)).toMatch(/Supervisor refused the backup.*free space/);
    expect(done.execution?.steps.map((s) => s.step)).toEqual(['precheck', 'backup']);
    expect(fake.requests.slice(seen).some((r) => r.path.endsWith('/restart'))).toBe(false);
  });

  it('create_backup is verified by the Supervisor listing the new backup', async () => {
    const sidecar = await startSidecar(supervised());
    const incident = (await addonProposal(sidecar)).incident_id;
    const backup = await api<{ proposal: Proposal }>(sidecar, 'POST', '/api/actions/propose', {
      incident_id: incident,
      action_id: 'create_backup',
    });
    expect(backup.status).toBe(201);
    await api(sidecar, 'POST', `/api/actions/${backup.body.proposal.id}/approve`, {});
    const done = await finished(sidecar, backup.body.proposal.id);
    expect(done.result?.outcome).toBe('succeeded');
    const slug = (done.result as unknown as { backup_id: string }).backup_id;
    expect(fake.state.backups.map((b) => b.slug)).toContain(slug);
    expect(done.execution?.steps.find((s) => s.step === 'verify')?.detail).toContain(
      `backup ${slug} is listed`,
    );
    expect(fake.requests.some((r) => r.path === `/backups/${slug}/info`)).toBe(true);
  });

  it('deletes only the backups it took before its fixes, and never anyone else’s', async () => {
    const old = (slug: string, name: string, daysAgo: number) => ({
      slug,
      name,
      type: 'partial' as const,
      date: new Date(Date.now() - daysAgo * 86_400_000).toISOString(),
      content: { homeassistant: true, addons: [], folders: [] },
    });
    fake.state.backups.splice(
      0,
      fake.state.backups.length,
      // Named like ours (by hand, or by an older version): not taken by this journal.
      old('look0001', 'LLM Ops before restart_addon (aaaa0001)', 30),
      old('mine0001', 'Weekly backup', 40),
    );
    const s = { ...supervised(), thresholds: { ...supervised().thresholds, keepBackups: 1 } };
    const restart = async (sidecar: Sidecar) => {
      const proposal = await addonProposal(sidecar);
      await api(sidecar, 'POST', `/api/actions/${proposal.id}/approve`, {});
      const done = await finished(sidecar, proposal.id);
      expect(done.result?.outcome).toBe('succeeded');
      return done;
    };
    const before = await startSidecar(s);
    const first = (await restart(before)).result as unknown as { backup_id: string };
    // The add-on fails again; a new sidecar on the same journal remembers the backups it took.
    sidecars.release(before);
    await before.stop();
    const addon = fake.state.addons.find((a) => a.slug === 'a0d7b954_zigbee2mqtt');
    if (addon) addon.state = 'error';
    const second = await restart(await startSidecar(s));
    const newest = (second.result as unknown as { backup_id: string }).backup_id;
    expect(fake.state.backups.map((b) => b.slug).sort()).toEqual(
      ['look0001', 'mine0001', newest].sort(),
    );
    expect(fake.state.backups.map((b) => b.slug)).not.toContain(first.backup_id);
    expect(second.execution?.steps.find((s) => s.step === 'backup')?.detail).toContain(
      '1 older LLM Ops backup(s) deleted (keeping 1)',
    );
  });
});
