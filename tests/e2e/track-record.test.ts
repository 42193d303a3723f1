/**
 * A proposal's track record, end to end in the real dev HA with the real sidecar process:
 * fault_lab's hub fails (setup retry), the reload proposed for it has never been tried
 * here; approved once the hub answers, it fixes the entry (verified). When the same failure
 * happens again, the new proposal says the reload fixed fault_lab 1 of 1 times here.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readHaEnv, type HaEnv } from '../harness/ha-dev.js';
import { callService, configEntries, eventually, haRest } from '../harness/ha-rest.js';
import { startSidecar, type SidecarProcess } from '../harness/sidecar.js';

interface TrackRecord {
  integration: string;
  tries: number;
  verified: number;
  failed_in_a_row: number;
  summary: string;
}

interface Proposal {
  id: string;
  incident_id: string;
  action_id: string;
  params: Record<string, unknown>;
  status: string;
  preview: { label: string; track_record: TrackRecord | null };
}

let env: HaEnv;
let sidecar: SidecarProcess;
let dataDir: string;
let entryId: string;

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${sidecar.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${sidecar.token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function setFault(mode: string, reload: boolean): Promise<void> {
  await callService(env, 'fault_lab', 'set_fault', { mode });
  if (reload) await haRest(env, 'POST', `/api/config/config_entries/entry/${entryId}/reload`);
}

/** The pending proposal to reload fault_lab's entry, other than `except`. */
const pendingReload = (except: string | null) =>
  eventually(
    async () =>
      (await api<Proposal[]>('GET', '/api/actions/pending')).find(
        (p) =>
          p.action_id === 'reload_config_entry' && p.params.entry_id === entryId && p.id !== except,
      ),
    90_000,
    'a pending proposal to reload fault_lab',
  );

beforeAll(async () => {
  env = readHaEnv();
  const [entry] = await configEntries(env, 'fault_lab');
  if (!entry) throw new Error('fault_lab has no config entry');
  entryId = entry.entry_id;
  await setFault('none', true);
  await eventually(
    async () => ((await configEntries(env, 'fault_lab'))[0]?.state === 'loaded' ? true : undefined),
    30_000,
    'fault_lab loaded',
  );
  dataDir = mkdtempSync(join(tmpdir(), 'llm-ops-track-'));
  const policy = join(dataDir, 'policy.yaml');
  writeFileSync(policy, 'mode: approve\nactions:\n  reload_config_entry: {cooldown_s: 0}\n');
  sidecar = await startSidecar({
    HA_URL: env.HA_URL,
    HA_TOKEN: env.HA_TOKEN,
    DATA_DIR: dataDir,
    LLM_OPS_POLICY: policy,
  });
  await sidecar.waitForLog(/watching Home Assistant/, 60_000);
}, 120_000);

afterAll(async () => {
  await sidecar?.stop();
  if (env && entryId) await setFault('none', true);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('the track record of a repeated fault', () => {
  let first: Proposal;

  it('the first proposal says the reload was never tried for fault_lab here', async () => {
    await setFault('not_ready', true);
    first = await pendingReload(null);
    expect(first.preview.track_record).toEqual({
      integration: 'fault_lab',
      tries: 0,
      verified: 0,
      failed_in_a_row: 0,
      summary: 'Reload the integration entry has not been tried for fault_lab here yet.',
    });
  }, 120_000);

  it('approved once the hub answers, the reload fixes fault_lab (verified)', async () => {
    // Only now: HA's own setup retry would otherwise set the entry up before the approval.
    await setFault('none', false);
    await api('POST', `/api/actions/${first.id}/approve`, { decided_by: 'e2e' });
    const done = await eventually(
      async () => {
        const d = await api<{ result: { outcome: string } | null }>(
          'GET',
          `/api/actions/${first.id}`,
        );
        return d.result ?? undefined;
      },
      180_000,
      'the reload to finish',
    );
    expect(done.outcome).toBe('succeeded');
    const { incident } = await api<{ incident: { status: string } }>(
      'GET',
      `/api/incidents/${first.incident_id}`,
    );
    expect(incident.status).toBe('resolved');
  }, 240_000);

  it('the same failure again: the new proposal carries the first verified fix', async () => {
    await setFault('not_ready', true);
    const second = await pendingReload(first.id);
    expect(second.preview.track_record).toEqual({
      integration: 'fault_lab',
      tries: 1,
      verified: 1,
      failed_in_a_row: 0,
      summary: 'Reload the integration entry fixed fault_lab 1 of 1 times here.',
    });
    // The incident's page lists nothing as not proposed: the reload worked here.
    const detail = await api<{ not_proposed: unknown[] }>(
      'GET',
      `/api/incidents/${second.incident_id}`,
    );
    expect(detail.not_proposed).toEqual([]);
  }, 120_000);
});
