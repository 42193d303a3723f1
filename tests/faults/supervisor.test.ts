/**
 * The Supervisor in trouble (the fake one, faithful to its REST contract):
 * answering 500, answering slowly, or taking requests and never answering.
 * The sidecar keeps watching Home Assistant, says what is wrong with the
 * Supervisor, catches up on the add-on once the Supervisor answers again, and an
 * action that needs the Supervisor fails cleanly with nothing changed.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSupervisor, type SupervisorHealth } from '../harness/fake-supervisor.js';
import { readHaEnv, type HaEnv } from '../harness/ha-dev.js';
import { callService, eventually } from '../harness/ha-rest.js';
import { startSidecar, type SidecarProcess } from '../harness/sidecar.js';
import { count, figures } from './record.js';
import { api, type ApiIncident, countedOnce, failInHa } from './support.js';

const RUNS = 2;
const SLUG = 'a0d7b954_zigbee2mqtt';

let env: HaEnv;
const cleanup: (() => Promise<unknown>)[] = [];

beforeAll(() => {
  env = readHaEnv();
});

afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

/** The sidecar's incidents about the add-on, open or not. */
async function addonIncidents(sidecar: SidecarProcess): Promise<ApiIncident[]> {
  const { body } = await api<{ items: ApiIncident[] }>(sidecar, 'GET', '/api/incidents?limit=500');
  return body.items.filter((i) => i.subject === `addon:${SLUG}`);
}

async function addonIncident(sidecar: SidecarProcess): Promise<ApiIncident> {
  return eventually(
    async () => (await addonIncidents(sidecar)).find((i) => i.status !== 'resolved'),
    60_000,
    'the add-on incident',
  );
}

describe.each<{ health: SupervisorHealth; what: RegExp }>([
  { health: 'error', what: /supervisor: .*HTTP 500/i },
  { health: 'silent', what: /supervisor: .*cannot reach the Supervisor/i },
  { health: 'slow', what: /watching Home Assistant/ },
])('the Supervisor $health', ({ health, what }) => {
  it.each(Array.from({ length: RUNS }, (_, i) => i + 1))(
    'run %i: HA is still watched, the add-on is caught up later, an action fails cleanly',
    async () => {
      await callService(env, 'system_log', 'clear');
      const fake = await startFakeSupervisor({
        addons: [
          {
            slug: SLUG,
            name: 'Zigbee2MQTT',
            version: '2.6.0',
            state: 'error',
            update_available: false,
            log: ['Error: Failed to connect to the adapter'],
          },
        ],
      });
      cleanup.push(() => fake.close());
      fake.health = health;
      fake.slowMs = 1000;
      const dataDir = mkdtempSync(join(tmpdir(), 'llm-ops-supervisor-'));
      writeFileSync(join(dataDir, 'policy.yaml'), 'actions:\n  restart_addon: {cooldown_s: 0}\n');
      const sidecar = await startSidecar({
        HA_URL: env.HA_URL,
        HA_TOKEN: env.HA_TOKEN,
        SUPERVISOR_URL: fake.url,
        SUPERVISOR_TOKEN: fake.token,
        DATA_DIR: dataDir,
        LLM_OPS_POLICY: join(dataDir, 'policy.yaml'),
        LLM_OPS_SUPERVISOR_POLL_S: '2',
        LLM_OPS_VERIFY_MAX_WAIT_S: '10',
        LLM_OPS_LOG_POLL_S: '1',
      });
      cleanup.push(() => sidecar.kill('SIGKILL'));
      await sidecar.waitForLog(/watching Home Assistant/, 90_000);
      await sidecar.waitForLog(what, 60_000);

      // Home Assistant's own failures are seen as ever.
      await failInHa(env, 2);
      await countedOnce(sidecar, 2);

      // The Supervisor answers again: the add-on in error is caught up on.
      fake.health = 'ok';
      const answering = Date.now();
      const incident = await addonIncident(sidecar);
      const f = figures();
      f.recoverMs = Date.now() - answering;
      const proposed = await api<{ proposal: { id: string } }>(
        sidecar,
        'POST',
        '/api/actions/propose',
        { incident_id: incident.id, action_id: 'restart_addon', params: {} },
      );
      expect(proposed.status).toBe(201);

      // And fails again while the fix runs.
      fake.health = health;
      const id = proposed.body.proposal.id;
      expect((await api(sidecar, 'POST', `/api/actions/${id}/approve`, {})).status).toBe(200);
      const done = await eventually(
        async () => {
          const { body } = await api<{ result: { outcome: string; error: string | null } | null }>(
            sidecar,
            'GET',
            `/api/actions/${id}`,
          );
          return body.result ?? undefined;
        },
        120_000,
        'the execution to finish',
      );
      const restarts = fake.requests.filter((r) => r.path === `/addons/${SLUG}/restart`);
      const backups = fake.requests.filter((r) => r.path === '/backups/new/partial');
      // Into the figures: each action reached the Supervisor at most once; the add-on's
      // failure is one incident, still there after the fix (lost), not opened again (doubled).
      count(f, 'actionsTwice', restarts.length - 1);
      count(f, 'actionsTwice', backups.length - 1);
      const incidents = await addonIncidents(sidecar);
      count(f, 'lost', incidents.some((i) => i.id === incident.id) ? 0 : 1);
      count(f, 'doubled', incidents.length - 1);
      if (health === 'slow') {
        // Slow is not broken: the fix goes through, once.
        expect(done.outcome).toBe('succeeded');
        expect(restarts).toHaveLength(1);
      } else {
        expect(done.outcome).toBe('failed');
        expect(done.error).toMatch(/Supervisor/);
        expect(restarts).toHaveLength(0);
      }
      expect(backups.length).toBeLessThanOrEqual(1);
      expect(incidents.map((i) => i.id)).toEqual([incident.id]);
      expect(sidecar.child.exitCode).toBeNull();
      const health2 = await api<{ status: string }>(sidecar, 'GET', '/api/health');
      expect(health2.body.status).toBe('ok');
    },
  );
});
