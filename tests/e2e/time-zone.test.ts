/**
 * Quiet hours follow Home Assistant's time zone, not the sidecar process's: the sidecar runs in
 * this process's zone (UTC here) while Home Assistant is set to Tokyo, and quiet hours around
 * Tokyo's current time hold automatic fixes back.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../sidecar/src/log.js';
import { Sidecar } from '../../sidecar/src/sidecar.js';
import { tempDir, testSettings, THRESHOLDS } from '../../sidecar/test/helpers/pipeline.js';
import { readHaEnv, type HaEnv } from '../harness/ha-dev.js';
import { callService, configEntries, eventually, haRest } from '../harness/ha-rest.js';
import { HaSocket } from '../harness/ha-ws.js';

/** Nine hours ahead of UTC all year (no daylight saving). */
const HOME_ZONE = 'Asia/Tokyo';

let env: HaEnv;
let socket: HaSocket;
let entryId: string;
const running: Sidecar[] = [];
const processZone = process.env.TZ;

/** "HH:MM" of `at` on the clock of `timeZone`. */
function clock(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}

async function setZone(timeZone: string): Promise<void> {
  await socket.command({ type: 'config/core/update', time_zone: timeZone });
}

async function setFault(mode: string): Promise<void> {
  await callService(env, 'fault_lab', 'set_fault', { mode });
  await haRest(env, 'POST', `/api/config/config_entries/entry/${entryId}/reload`);
}

beforeAll(async () => {
  // The sidecar runs in this process: in UTC, as in the app's container.
  process.env.TZ = 'UTC';
  env = readHaEnv();
  socket = await HaSocket.open(env.HA_URL, env.HA_TOKEN);
  const [entry] = await configEntries(env, 'fault_lab');
  if (!entry) throw new Error('fault_lab has no config entry');
  entryId = entry.entry_id;
});

afterEach(async () => {
  for (const s of running.splice(0)) {
    await s.executor.idle();
    await s.stop();
  }
  await setZone('UTC');
  await setFault('none');
});

afterAll(() => {
  socket.close();
  if (processZone === undefined) delete process.env.TZ;
  else process.env.TZ = processZone;
});

describe('quiet hours', () => {
  it('are read on the clock of Home Assistant’s time zone, not the sidecar’s', async () => {
    expect(new Date().getTimezoneOffset()).toBe(0);
    await setZone(HOME_ZONE);
    // Quiet from an hour ago to an hour from now at home; in UTC it is nine hours earlier.
    const now = Date.now();
    const start = clock(new Date(now - 3_600_000), HOME_ZONE);
    const end = clock(new Date(now + 3_600_000), HOME_ZONE);
    const dir = tempDir('llm-ops-tz-');
    const policyFile = join(dir, 'policy.yaml');
    writeFileSync(
      policyFile,
      [
        'mode: auto',
        `quiet_hours: {start: "${start}", end: "${end}"}`,
        'actions:',
        '  reload_config_entry: {auto: true, cooldown_s: 0}',
      ].join('\n'),
    );
    const sidecar = new Sidecar(
      testSettings(
        {
          haWsUrl: `${env.HA_URL.replace(/^http/, 'ws')}/api/websocket`,
          haToken: env.HA_TOKEN,
          policyFile,
          thresholds: { ...THRESHOLDS, verifyMaxWaitS: 3 },
        },
        dir,
      ),
      createLogger('error'),
    );
    running.push(sidecar);
    await sidecar.start();
    await sidecar.connect();
    const zoneOf = async () => {
      const res = await fetch(`${sidecar.apiAddress}/api/status`, {
        headers: { authorization: 'Bearer test-token-0123456789abcdef' },
      });
      return ((await res.json()) as { time_zone: string | null }).time_zone;
    };
    // The status names the zone quiet hours are read in (the panel shows it beside them).
    expect(await zoneOf()).toBe(HOME_ZONE);

    await setFault('not_ready');
    // The reload proposal, whatever became of it.
    const proposal = await eventually(
      () =>
        Promise.resolve(
          sidecar.journal
            .listIncidents({ integration: 'fault_lab' }, 20, 0)
            .items.flatMap((i) => sidecar.proposals.ofIncident(i.id))
            .find((p) => p.action_id === 'reload_config_entry' && p.params.entry_id === entryId),
        ),
      45_000,
      'a reload proposal',
    );
    await sidecar.executor.idle();
    // Night at home: the automatic reload waits.
    expect(sidecar.proposals.proposal(proposal.id)?.status).toBe('proposed');
    expect(sidecar.proposals.executionOf(proposal.id)).toBeUndefined();

    // The same instant with Home Assistant back in UTC is outside the quiet hours: it may run.
    await setZone('UTC');
    await eventually(async () => ((await zoneOf()) === 'UTC' ? true : undefined), 10_000, 'UTC');
    const incident = sidecar.journal.getIncident(proposal.incident_id);
    if (!incident) throw new Error('the incident is gone');
    const approved = await eventually(
      () => Promise.resolve(sidecar.approval.auto(incident, [proposal]) ?? undefined),
      10_000,
      'the automatic approval outside quiet hours',
    );
    expect(approved.proposal.id).toBe(proposal.id);
  });
});
