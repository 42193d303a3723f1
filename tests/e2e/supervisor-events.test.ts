/**
 * Add-on state changes followed by event, end to end in the real dev HA: HA runs as under
 * a Supervisor (the fake one, which connects to HA's Unix socket as the Supervisor does and
 * pushes `supervisor/event` for add-on state changes), and the sidecar subscribes with
 * `supervisor/subscribe`. An add-on that crashes and is restarted by its watchdog between
 * two polls is still an incident. HA is restarted back without a Supervisor afterwards.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { THRESHOLDS } from '../../sidecar/test/helpers/pipeline.js';
import { startFakeSupervisor, type FakeSupervisor } from '../harness/fake-supervisor.js';
import { haRestart, type HaEnv } from '../harness/ha-dev.js';
import { configEntries, eventually, haRest } from '../harness/ha-rest.js';
import { InProcess, settingsFor } from './support/in-process.js';

let env: HaEnv;
let fake: FakeSupervisor;
const sidecars = new InProcess();

beforeAll(async () => {
  fake = await startFakeSupervisor({
    addons: [
      {
        slug: 'core_mosquitto',
        name: 'Mosquitto broker',
        version: '6.5.1',
        state: 'started',
        update_available: false,
        log: [],
      },
    ],
  });
  const socket = join(mkdtempSync(join(tmpdir(), 'llm-ops-core-')), 'core.sock');
  env = await haRestart({
    extraEnv: {
      SUPERVISOR: fake.url.replace('http://', ''),
      SUPERVISOR_TOKEN: fake.token,
      SUPERVISOR_CORE_API_SOCKET: socket,
    },
  });
  await eventually(
    () =>
      fake.connectCore(socket).then(
        () => true,
        () => undefined,
      ),
    30_000,
    "HA's Supervisor socket",
  );
}, 300_000);

afterAll(async () => {
  await sidecars.stopAll();
  // The hassio entry HA made for the Supervisor would fail to set up without one.
  for (const entry of await configEntries(env, 'hassio'))
    await haRest(env, 'DELETE', `/api/config/config_entries/entry/${entry.entry_id}`);
  await haRestart();
  await fake.close();
}, 300_000);

describe('add-on state changes by Supervisor event', () => {
  it('an add-on that crashes and is restarted between two polls is one incident', async () => {
    const sidecar = await sidecars.start(
      settingsFor(env, {
        supervisor: { url: fake.url, token: fake.token },
        thresholds: { ...THRESHOLDS, supervisorPollS: 3600 },
      }),
    );
    // HA's hassio integration reads /addons too; only the sidecar's poll reads the host's log.
    const polls = () => fake.requests.filter((r) => r.path === '/host/logs').length;
    expect(polls()).toBe(1);
    const incidents = () =>
      sidecar.journal
        .listIncidents({}, 50, 0)
        .items.filter((i) => i.subject === 'addon:core_mosquitto');
    expect(incidents()).toEqual([]);

    // The add-on crashes; its watchdog starts it again.
    await fake.setAddonState('core_mosquitto', 'error');
    await fake.setAddonState('core_mosquitto', 'started');

    const [incident] = await eventually(async () => (incidents().length ? incidents() : undefined));
    expect(incidents()).toHaveLength(1);
    expect(incident?.category).toBe('addon_crash');
    expect(
      sidecar.journal.signalsOf(String(incident?.id)).map((s) => [s.kind, s.message]),
    ).toContainEqual(['addon_state', 'Add-on Mosquitto broker (core_mosquitto) is in state error']);
    // Seen between two polls: the sidecar polled the Supervisor only once.
    expect(polls()).toBe(1);
  });
});
