/**
 * Update attribution, end to end in the real dev HA with the real sidecar: a backup is
 * taken, Fault Lab (a custom integration) is updated from 0.1.0 to 0.2.0 through its
 * update entity with HA's own `update.install`, and its hub then fails to set up. The
 * incident names the update (versions, release notes) and the backup from before it,
 * in the HTTP API, in the evidence the analyzers see and in the analysis itself. With a
 * Supervisor, an app updated while the sidecar was stopped, which then fails, names its
 * update and the Supervisor's backup from before it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readHaEnv, type HaEnv } from '../harness/ha-dev.js';
import { callService, configEntries, eventually, haRest } from '../harness/ha-rest.js';
import { setFault, sidecarApi } from '../harness/approval.js';
import { haWsCommand } from '../harness/ha-ws.js';
import { startSidecar, type SidecarProcess } from '../harness/sidecar.js';
import { startFakeSupervisor } from '../harness/fake-supervisor.js';
import { api as inProcessApi, InProcess, settingsFor } from './support/in-process.js';

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
let updateEntity: string;

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
  await setFault(env, 'none', true);
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
    await setFault(env, 'none', true);
    await entryIs('loaded');
  }
  await sidecar?.stop();
});

describe('an incident soon after an update', () => {
  it('the update is seen installed, with the backup taken before it', async () => {
    // HA's local backup agent reads its folder at the first listing after a start; a listing
    // while the new backup's file is still empty drops that backup from the list until HA
    // restarts ("Unable to read backup …: empty file", HA 2026.11). So list once first.
    await haWsCommand(env.HA_URL, env.HA_TOKEN, { type: 'backup/info' });
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
    await setFault(env, 'not_ready', true);
    await entryIs('setup_retry');
    const detail = await eventually(
      async () => {
        const { items } = await sidecarApi<{ items: { id: string }[] }>(
          sidecar,
          '/api/incidents?active=true&integration=fault_lab',
        );
        if (!items[0]) return undefined;
        const d = await sidecarApi<Detail>(sidecar, `/api/incidents/${items[0].id}`);
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

describe('with a Supervisor: an app updated while the sidecar was stopped', () => {
  const sidecars = new InProcess();
  afterAll(() => sidecars.stopAll());

  it('its failure names the update, from the Supervisor’s versions and backups', async () => {
    const slug = 'a0d7b954_zigbee2mqtt';
    const fake = await startFakeSupervisor({
      addons: [
        {
          slug,
          name: 'Zigbee2MQTT',
          version: '2.6.0',
          state: 'started',
          update_available: true,
          log: [],
        },
      ],
    });
    try {
      const settings = settingsFor(env, { supervisor: { url: fake.url, token: fake.token } });
      const first = await sidecars.start(settings);
      sidecars.release(first);
      await first.stop();
      // Meanwhile the app is updated (with a backup first), and no longer starts.
      fake.state.backups.push({
        slug: 'c0ffee01',
        name: 'Zigbee2MQTT 2.6.0',
        type: 'partial',
        date: new Date().toISOString(),
        content: { homeassistant: false, addons: [slug], folders: [] },
      });
      const [addon] = fake.state.addons;
      if (!addon) throw new Error('the fake Supervisor lost its add-on');
      addon.version = '2.7.0';
      addon.state = 'error';
      addon.log = ['Error: Failed to connect to the adapter'];

      const second = await sidecars.start(settings);
      const detail = await eventually(
        async () => {
          const { body } = await inProcessApi<{ items: { id: string; subject: string | null }[] }>(
            second,
            'GET',
            '/api/incidents?active=true',
          );
          const crash = body.items.find((i) => i.subject === `addon:${slug}`);
          if (!crash) return undefined;
          const d = (await inProcessApi<Detail>(second, 'GET', `/api/incidents/${crash.id}`)).body;
          return d.after_update ? d : undefined;
        },
        60_000,
        'the app’s incident naming its update',
      );
      expect(detail.after_update).toMatchObject({
        kind: 'addon',
        link: 'same',
        title: 'Zigbee2MQTT',
        entity_id: `addon:${slug}`,
        from_version: '2.6.0',
        to_version: '2.7.0',
        backup: { id: 'c0ffee01', name: 'Zigbee2MQTT 2.6.0' },
      });
    } finally {
      await fake.close();
    }
  });
});
