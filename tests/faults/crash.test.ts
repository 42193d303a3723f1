/**
 * `kill -9` of the real sidecar process at every step of an execution: after the
 * proposal, during the backup, after the backup, during apply and during verify.
 * The fake Supervisor stops the world at the exact request of each step and the
 * test kills the sidecar there, before it hears the answer. On restart (same data
 * directory, same SQLite journal) no action runs twice, a cut execution is marked
 * interrupted and cannot be approved again, and the incident is neither lost nor
 * doubled.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  startFakeSupervisor,
  type FakeSupervisor,
  type RecordedRequest,
} from '../harness/fake-supervisor.js';
import { readHaEnv, type HaEnv } from '../harness/ha-dev.js';
import { eventually } from '../harness/ha-rest.js';
import { startSidecar, type SidecarProcess } from '../harness/sidecar.js';
import { count as add, figures } from './record.js';

const RUNS = 3;
const SLUG = 'a0d7b954_zigbee2mqtt';
const SUBJECT = `addon:${SLUG}`;

interface Proposal {
  id: string;
  status: string;
  incident_id: string;
}
interface ActionView {
  proposal: Proposal;
  execution: { status: string; steps: { step: string; status: string }[] } | null;
  result: { outcome: string; error: string | null } | null;
}
interface ApiIncident {
  id: string;
  status: string;
  subject: string | null;
}

let env: HaEnv;
const cleanup: (() => Promise<unknown>)[] = [];

beforeAll(() => {
  env = readHaEnv();
});

afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function api<T>(
  sidecar: SidecarProcess,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${sidecar.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${sidecar.token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

/** The sidecar as an add-on would run it: the real HA, the fake Supervisor, restart_addon allowed. */
function sidecarEnv(fake: FakeSupervisor, dataDir: string): Record<string, string> {
  const policy = join(dataDir, 'policy.yaml');
  writeFileSync(policy, 'actions:\n  restart_addon: {cooldown_s: 0}\n');
  return {
    HA_URL: env.HA_URL,
    HA_TOKEN: env.HA_TOKEN,
    SUPERVISOR_URL: fake.url,
    SUPERVISOR_TOKEN: fake.token,
    DATA_DIR: dataDir,
    LLM_OPS_POLICY: policy,
    LLM_OPS_SUPERVISOR_POLL_S: '3600',
    LLM_OPS_VERIFY_MAX_WAIT_S: '30',
  };
}

async function addonIncidents(sidecar: SidecarProcess): Promise<ApiIncident[]> {
  const { body } = await api<{ items: ApiIncident[] }>(sidecar, 'GET', '/api/incidents?limit=500');
  return body.items.filter((i) => i.subject === SUBJECT);
}

const count = (fake: FakeSupervisor, method: string, path: string) =>
  fake.requests.filter((r) => r.method === method && r.path === path).length;

/** Where to kill: the request of the step, given what the Supervisor received before it. */
interface KillPoint {
  step: string;
  at: (req: RecordedRequest, before: RecordedRequest[]) => boolean;
  /** Add-on restarts the Supervisor received when the sidecar died. */
  restarts: number;
  /** The step the journal shows running when the sidecar died. */
  running: string;
}

const seen = (before: RecordedRequest[], method: string, path: string) =>
  before.some((r) => r.method === method && r.path === path);

const POINTS: KillPoint[] = [
  {
    step: 'during the backup',
    at: (r) => r.method === 'GET' && r.path.startsWith('/jobs/'),
    restarts: 0,
    running: 'backup',
  },
  {
    // The backup job finished; listing backups (to prune the older ones) comes next.
    step: 'after the backup',
    at: (r, before) =>
      r.method === 'GET' && r.path === '/backups' && seen(before, 'POST', '/backups/new/partial'),
    restarts: 0,
    running: 'backup',
  },
  {
    step: 'during apply',
    at: (r) => r.method === 'POST' && r.path === `/addons/${SLUG}/restart`,
    restarts: 1,
    running: 'apply',
  },
  {
    step: 'during verify',
    at: (r, before) =>
      r.method === 'GET' &&
      r.path === `/addons/${SLUG}/info` &&
      seen(before, 'POST', `/addons/${SLUG}/restart`),
    restarts: 1,
    running: 'verify',
  },
];

/** A fake Supervisor with one add-on in error, and a sidecar watching it with one open incident. */
async function setUp(failRestarts: number) {
  const fake = await startFakeSupervisor({
    addons: [
      {
        slug: SLUG,
        name: 'Zigbee2MQTT',
        version: '2.6.0',
        state: 'error',
        update_available: false,
        log: ['Error: Failed to connect to the adapter'],
        failRestarts,
      },
    ],
  });
  cleanup.push(() => fake.close());
  const dataDir = mkdtempSync(join(tmpdir(), 'llm-ops-crash-'));
  const settings = sidecarEnv(fake, dataDir);
  const first = await startSidecar(settings);
  cleanup.push(() => first.kill('SIGKILL'));
  await first.waitForLog(/watching Home Assistant/, 60_000);
  const [incident] = await eventually(
    async () => {
      const found = await addonIncidents(first);
      return found.length ? found : undefined;
    },
    30_000,
    'the add-on incident',
  );
  const proposed = await api<{ proposal: Proposal }>(first, 'POST', '/api/actions/propose', {
    incident_id: incident?.id,
    action_id: 'restart_addon',
    params: {},
  });
  expect(proposed.status).toBe(201);
  return {
    fake,
    settings,
    first,
    incident: incident as ApiIncident,
    proposal: proposed.body.proposal,
  };
}

/** Start the sidecar again on the same journal and let it settle. */
async function restart(settings: Record<string, string>): Promise<SidecarProcess> {
  const second = await startSidecar(settings);
  cleanup.push(() => second.kill('SIGKILL'));
  await second.waitForLog(/watching Home Assistant/, 60_000);
  // Anything it were to run again by itself would start right away: give it the chance.
  await new Promise((r) => setTimeout(r, 2000));
  return second;
}

/** Executions the journal holds for the proposal (read after the sidecar stopped). */
function executionsInJournal(dataDir: string, proposalId: string): string[] {
  const db = new Database(join(dataDir, 'journal.db'), { readonly: true });
  try {
    return (
      db.prepare('SELECT status FROM executions WHERE proposal_id = ?').all(proposalId) as {
        status: string;
      }[]
    ).map((r) => r.status);
  } finally {
    db.close();
  }
}

const runs = Array.from({ length: RUNS }, (_, i) => i + 1);

/** Into the test's figures: the incident kept once, each action reaching the Supervisor once. */
function tally(fake: FakeSupervisor, ids: string[], incidentId: string, restarts: number): void {
  const f = figures();
  add(f, 'lost', ids.includes(incidentId) ? 0 : 1);
  add(f, 'doubled', ids.length - 1);
  add(f, 'actionsTwice', count(fake, 'POST', '/backups/new/partial') - 1);
  add(f, 'actionsTwice', count(fake, 'POST', `/addons/${SLUG}/restart`) - restarts);
}

/** Restart the sidecar; the time until it serves again is the fault's recovery. */
async function timedRestart(settings: Parameters<typeof restart>[0]): Promise<SidecarProcess> {
  const t0 = Date.now();
  const second = await restart(settings);
  figures().recoverMs = Date.now() - t0;
  return second;
}

describe('kill -9 after the proposal', () => {
  it.each(runs)(
    'run %i: the proposal waits again after the restart and, approved, runs once',
    async () => {
      const { fake, settings, first, incident, proposal } = await setUp(0);
      expect(await first.kill('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });

      const second = await timedRestart(settings);
      const view = await api<ActionView>(second, 'GET', `/api/actions/${proposal.id}`);
      expect(view.body.proposal.status).toBe('proposed');
      expect(view.body.execution).toBeNull();
      expect((await addonIncidents(second)).map((i) => i.id)).toEqual([incident.id]);

      expect((await api(second, 'POST', `/api/actions/${proposal.id}/approve`, {})).status).toBe(
        200,
      );
      const done = await eventually(
        async () => {
          const { body } = await api<ActionView>(second, 'GET', `/api/actions/${proposal.id}`);
          return body.result ? body : undefined;
        },
        60_000,
        'the execution to finish',
      );
      const incidents = await addonIncidents(second);
      tally(
        fake,
        incidents.map((i) => i.id),
        incident.id,
        1,
      );
      expect(done.result?.outcome).toBe('succeeded');
      expect(count(fake, 'POST', `/addons/${SLUG}/restart`)).toBe(1);
      expect(count(fake, 'POST', '/backups/new/partial')).toBe(1);
      expect(incidents.map((i) => [i.id, i.status])).toEqual([[incident.id, 'resolved']]);
      await second.kill('SIGTERM');
      expect(executionsInJournal(second.dataDir, proposal.id)).toEqual(['succeeded']);
    },
  );
});

describe.each(POINTS)('kill -9 $step', ({ at, restarts, running }) => {
  it.each(runs)(
    'run %i: marked interrupted on restart, never run again, one incident',
    async () => {
      // The add-on keeps failing, so its incident stays open throughout.
      const { fake, settings, first, incident, proposal } = await setUp(1000);
      let killed: Promise<unknown> | undefined;
      fake.intercept = async (req) => {
        const before = fake.requests.slice(0, -1);
        if (killed || !at(req, before)) return 'answer';
        killed = first.kill('SIGKILL');
        await killed;
        // The Supervisor still does its part; the sidecar is no longer there to hear it.
        return 'answer';
      };
      expect((await api(first, 'POST', `/api/actions/${proposal.id}/approve`, {})).status).toBe(
        200,
      );
      await eventually(async () => (killed ? await killed : undefined), 60_000, 'the kill');
      fake.intercept = null;
      const backupsBefore = count(fake, 'POST', '/backups/new/partial');
      expect(backupsBefore).toBe(1);
      expect(count(fake, 'POST', `/addons/${SLUG}/restart`)).toBe(restarts);

      const second = await timedRestart(settings);
      const view = await api<ActionView>(second, 'GET', `/api/actions/${proposal.id}`);
      expect(view.body.proposal.status).toBe('interrupted');
      expect(view.body.execution?.status).toBe('interrupted');
      expect(view.body.result?.outcome).toBe('interrupted');
      expect(view.body.result?.error).toMatch(/stopped during this execution/);
      // Where the kill landed: that step was running; restarting only closed it off.
      const steps = view.body.execution?.steps.map((s) => `${s.step} ${s.status}`) ?? [];
      expect(steps.at(-2)).toBe(`${running} running`);
      expect(steps.at(-1)).toBe('precheck failed');
      // Approving it again is refused: it is not run twice, not even by hand.
      expect((await api(second, 'POST', `/api/actions/${proposal.id}/approve`, {})).status).toBe(
        409,
      );
      const incidents = await addonIncidents(second);
      tally(
        fake,
        incidents.map((i) => i.id),
        incident.id,
        restarts,
      );
      expect(count(fake, 'POST', '/backups/new/partial')).toBe(backupsBefore);
      expect(count(fake, 'POST', `/addons/${SLUG}/restart`)).toBe(restarts);
      expect(incidents.map((i) => i.id)).toEqual([incident.id]);
      expect(incidents[0]?.status).not.toBe('resolved');
      await second.kill('SIGTERM');
      expect(executionsInJournal(second.dataDir, proposal.id)).toEqual(['interrupted']);
    },
  );
});
