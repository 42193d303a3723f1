/**
 * Update attribution, end to end in the real dev HA with the real sidecar: a backup is
 * taken, Fault Lab (a custom integration) is updated from 0.1.0 to 0.2.0 through its
 * update entity with HA's own `update.install`, and its hub then fails to set up. The
 * incident names the update (versions, release notes) and the backup from before it,
 * in the HTTP API, in the evidence the analyzers see and in the analysis itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readHaEnv, type HaEnv } from '../harness/ha-dev.js';
import { callService, configEntries, eventually, haRest } from '../harness/ha-rest.js';
import { haWsCommand } from '../harness/ha-ws.js';
import { startSidecar, type SidecarProcess } from '../harness/sidecar.js';

interface Attribution {
  kind: string;
  link: string;
  title: string;
  entity_id: string;
  from_version: string;
  to_version: string;
  minutes_before: number;
  release_url: string | null;
  backup: { id: string; name: string; date: string } | null;
}
interface Detail {
  incident: { id: string; integration: string | null; first_seen: string };
  after_update: Attribution | null;
  bundle: { recent_changes: { what: string }[] } | null;
  analysis: { root_cause: string } | null;
}

const BACKUP_NAME = `Before Fault Lab 0.2.0 (${Date.now()})`;
const RELEASE_NOTES = 'https://github.com/ha-llm-ops/ha-llm-ops/releases/tag/fault-lab-0.2.0';

let env: HaEnv;
let sidecar: SidecarProcess;
let entryId: string;
let updateEntity: string;

const api = async <T>(path: string): Promise<T> => {
  const res = await fetch(`${sidecar.url}${path}`, {
    headers: { authorization: `Bearer ${sidecar.token}` },
  });
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return (await res.json()) as T;
};

async function setFault(mode: string): Promise<void> {
  await callService(env, 'fault_lab', 'set_fault', { mode });
  await haRest(env, 'POST', `/api/config/config_entries/entry/${entryId}/reload`);
}

const entryIs = (state: string) =>
  eventually(
    async () => ((await configEntries(env, 'fault_lab'))[0]?.state === state ? true : undefined),
    30_000,
    `fault_lab ${state}`,
  );

const installedVersion = async () =>
  (
    await haRest<{ attributes: { installed_version: string } }>(
      env,
      'GET',
      `/api/states/${updateEntity}`,
    )
  ).attributes.installed_version;

beforeAll(async () => {
  env = readHaEnv();
  const [entry] = await configEntries(env, 'fault_lab');
  if (!entry) throw new Error('fault_lab has no config entry');
  entryId = entry.entry_id;
  await setFault('none');
  await entryIs('loaded');
  // Fault Lab's update entity, as HA names it.
  const states = await haRest<{ entity_id: string; attributes: { title?: string } }[]>(
    env,
    'GET',
    '/api/states',
  );
  const update = states.find(
    (s) => s.entity_id.startsWith('update.') && s.attributes.title === 'Fault Lab',
  );
  if (!update) throw new Error('Fault Lab offers no update entity');
  updateEntity = update.entity_id;
  // A known start: 0.1.0 installed, 0.2.0 out.
  await callService(env, 'fault_lab', 'release', { version: '0.2.0', installed: '0.1.0' });
  await eventually(async () => ((await installedVersion()) === '0.1.0' ? true : undefined));
  await callService(env, 'system_log', 'clear');
  sidecar = await startSidecar({ HA_URL: env.HA_URL, HA_TOKEN: env.HA_TOKEN });
  await sidecar.waitForLog(/watching Home Assistant/, 60_000);
});

afterAll(async () => {
  if (env) {
    await setFault('none');
    await entryIs('loaded');
  }
  await sidecar?.stop();
});

describe('an incident soon after an update', () => {
  it('the update is seen installed, with the backup taken before it', async () => {
    // What a careful user does before updating: a backup (HA's own backup integration).
    await haWsCommand(env.HA_URL, env.HA_TOKEN, {
      type: 'backup/generate',
      agent_ids: ['backup.local'],
      include_database: false,
      include_homeassistant: true,
      name: BACKUP_NAME,
    });
    await eventually(
      async () => {
        const { backups } = await haWsCommand<{ backups: { name: string }[] }>(
          env.HA_URL,
          env.HA_TOKEN,
          { type: 'backup/info' },
        );
        return backups.some((b) => b.name === BACKUP_NAME) ? true : undefined;
      },
      120_000,
      'the backup',
    );
    await callService(env, 'update', 'install', { entity_id: updateEntity });
    expect(await installedVersion()).toBe('0.2.0');
    await sidecar.waitForLog(
      /Fault Lab was updated from 0\.1\.0 to 0\.2\.0 \(backup before it: Before Fault Lab/,
    );
  });

  it('the hub failing right after names the update, its release notes and the backup', async () => {
    await setFault('not_ready');
    await entryIs('setup_retry');
    const detail = await eventually(
      async () => {
        const { items } = await api<{ items: { id: string }[] }>(
          '/api/incidents?active=true&integration=fault_lab',
        );
        if (!items[0]) return undefined;
        const d = await api<Detail>(`/api/incidents/${items[0].id}`);
        return d.analysis ? d : undefined;
      },
      60_000,
      'an analyzed fault_lab incident',
    );
    expect(detail.after_update).toMatchObject({
      kind: 'integration',
      link: 'same',
      title: 'Fault Lab',
      entity_id: updateEntity,
      from_version: '0.1.0',
      to_version: '0.2.0',
      release_url: RELEASE_NOTES,
      backup: { name: BACKUP_NAME },
    });
    const minutes = detail.after_update?.minutes_before ?? -1;
    const after = minutes < 1 ? 'less than a minute' : `${minutes} min`;
    const sentence = `Started ${after} after Fault Lab was updated from 0.1.0 to 0.2.0 (release notes: ${RELEASE_NOTES}). The backup "${BACKUP_NAME}"`;
    // What the analyzers (the model too) see: the update first among the recent changes.
    expect(detail.bundle?.recent_changes[0]?.what).toContain(sentence);
    expect(detail.analysis?.root_cause).toContain(sentence);
  });
});
