/**
 * Home Assistant restarted while a fix is being verified. An approved reload of fault_lab's
 * entry (its hub not answering, so the verification waits for the entry to load) is caught
 * with its verify step running; the hub is mended and the real dev HA restarted under the
 * sidecar, quickly, or staying away longer than the check waits. The sidecar reconnects by
 * itself, the reload and its backup ran once, the incident is still one, and the verification
 * ends: passed once HA is back with the entry loaded, saying HA went away meanwhile; not stuck
 * running, and not failed on the time HA was away.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  faultProposal,
  finished,
  healFaultLab,
  incidentOnceStatus,
  setFault,
  sidecarApi,
  startApprovingSidecar,
} from '../harness/approval.js';
import { haRestart, readHaEnv, type HaEnv } from '../harness/ha-dev.js';
import { callService, configEntries, eventually, removeEntries } from '../harness/ha-rest.js';
import { HaSocket, haWsCommand } from '../harness/ha-ws.js';
import type { SidecarProcess } from '../harness/sidecar.js';
import { count, figures } from './record.js';
import { faultLabIncidents } from './support.js';

/** A restart of HA takes a while: two runs. */
const RUNS = 2;

interface ActionView {
  execution: {
    status: string;
    steps: { step: string; status: string; finished_at: string | null }[];
  } | null;
  result: { outcome: string; error: string | null } | null;
}

let env: HaEnv;
const cleanup: (() => Promise<unknown>)[] = [];

beforeAll(() => {
  env = readHaEnv();
});

afterAll(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
  await removeEntries(env, 'llm_ops');
  await healFaultLab(env);
}, 300_000);

/** HA's own backups named for the proposal (LLM Ops names them after its last 8 characters). */
async function backupsOf(proposalId: string): Promise<number> {
  const { backups } = await haWsCommand<{ backups: { name: string }[] }>(env.HA_URL, env.HA_TOKEN, {
    type: 'backup/info',
  });
  return backups.filter((b) => b.name.includes(`(${proposalId.slice(-8)})`)).length;
}

/** The fault: HA restarted during the verification, stopped `awayMs` before it starts again. */
function restartedDuringVerification(
  fault: string,
  awayMs: number,
  settings: Record<string, string>,
): void {
  describe(fault, () => {
    it.each(Array.from({ length: RUNS }, (_, i) => i + 1))(
      'run %i: the sidecar reconnects, the fix ran once, one incident, the verification ends',
      async () => {
        await removeEntries(env, 'llm_ops');
        await healFaultLab(env);
        await callService(env, 'system_log', 'clear');
        const sidecar: SidecarProcess = await startApprovingSidecar(env, settings);
        cleanup.push(() => sidecar.kill('SIGKILL'));
        const socket = await HaSocket.open(env.HA_URL, env.HA_TOKEN);
        const proposal = await faultProposal(env, socket).finally(() => socket.close());

        // Approved while the hub still does not answer: the reload leaves the entry retrying,
        // so the verification waits for it to load.
        const approved = await fetch(`${sidecar.url}/api/actions/${proposal.id}/approve`, {
          method: 'POST',
          headers: { authorization: `Bearer ${sidecar.token}`, 'content-type': 'application/json' },
          body: '{}',
        });
        expect(approved.status).toBe(200);
        await eventually(
          async () => {
            const view = await sidecarApi<ActionView>(sidecar, `/api/actions/${proposal.id}`);
            const last = view.execution?.steps.at(-1);
            if (view.result)
              throw new Error(`the run ended before the restart: ${view.result.outcome}`);
            return last?.step === 'verify' && last.status === 'running' ? true : undefined;
          },
          120_000,
          'the verification to be under way',
        );

        // The hub answers again, and HA restarts: its entry will load as HA starts.
        const restarting = Date.now();
        await setFault(env, 'none', false);
        env = await haRestart({ awayMs });

        const done = await finished(sidecar, proposal.id);
        const f = figures();
        const verify = done.execution.steps.find((s) => s.step === 'verify') as
          (ActionView['execution'] & object)['steps'][number] | undefined;
        // The verification was under way while HA restarted, and ended after it.
        expect(Date.parse(verify?.finished_at ?? '')).toBeGreaterThan(restarting);

        // The sidecar reconnected by itself and says so.
        await sidecar.waitForLog(/lost the connection to Home Assistant; reconnecting/, 1000);
        const [, reconnected] = await sidecar.waitForLog(
          /(\d{4}-[\d-]+T[\d:.]+Z) .*reconnected to Home Assistant/,
          60_000,
        );
        // Recovery: from the sidecar back on HA until the verification ended (its own clock).
        f.recoverMs = Date.parse(verify?.finished_at ?? '') - Date.parse(reconnected ?? '');
        const health = await sidecarApi<{ ha: { connected: boolean } }>(sidecar, '/api/health');
        expect(health.ha.connected).toBe(true);

        // The reload and its backup ran once.
        const applies = done.execution.steps.filter((s) => s.step === 'apply').length;
        const backups = await backupsOf(proposal.id);
        count(f, 'actionsTwice', applies - 1);
        count(f, 'actionsTwice', backups - 1);
        // The incident: still one, the proposal's.
        const incidents = await faultLabIncidents(sidecar);
        count(f, 'lost', incidents.some((i) => i.id === proposal.incident_id) ? 0 : 1);
        count(f, 'doubled', incidents.length - 1);

        expect(applies).toBe(1);
        expect(backups).toBe(1);
        expect(done.result.outcome, JSON.stringify(done)).toBe('succeeded');
        expect(done.result.verification.passed).toBe(true);
        // And it says that HA went away while it checked.
        expect(done.result.verification.checks.map((c) => c.detail).join('; ')).toMatch(
          /Home Assistant restarted or was unreachable during this check/,
        );
        expect(done.execution.steps.map((s) => `${s.step}:${s.status}`)).toEqual([
          'precheck:succeeded',
          'backup:succeeded',
          'apply:succeeded',
          'verify:succeeded',
        ]);
        const incident = await incidentOnceStatus(sidecar, proposal.incident_id, 'resolved');
        expect(incident.outcome).toMatchObject({
          outcome: 'fixed_by_action',
          action_id: 'reload_config_entry',
        });
        expect(incidents.map((i) => i.id)).toEqual([proposal.incident_id]);
        expect((await configEntries(env, 'fault_lab'))[0]?.state).toBe('loaded');
        await sidecar.stop();
      },
      600_000,
    );
  });
}

restartedDuringVerification('Home Assistant restarted during a verification', 0, {});
// HA away longer than the check waits for the entry (15 s here; 60 s with the default settings).
restartedDuringVerification(
  'Home Assistant restarted during a verification, away longer than the check waits',
  25_000,
  { LLM_OPS_VERIFY_MAX_WAIT_S: '15' },
);
