/**
 * Learned quiet, end to end in the real dev HA with the real sidecar process: fault_lab's hub
 * device is switched off (its entities go unavailable, nothing logged) and comes back by
 * itself. Past days' self-recoveries are seeded into the journal (no test waits for real
 * days), through the sidecar's own journal code; today's are real. Once the device was seen
 * recovering by itself on three days at this time of day, switching it off again opens no
 * incident; at a time of day it was not learned at it alarms, and after a reset (through the
 * integration's WebSocket command, as the panel does it) it alarms again.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { QuietSchedules } from '../../sidecar/src/incident/learned-quiet.js';
import { Journal } from '../../sidecar/src/journal/journal.js';
import { readHaEnv, type HaEnv } from '../harness/ha-dev.js';
import {
  addLlmOpsEntry,
  callService,
  configEntries,
  eventually,
  haRest,
  removeEntries,
} from '../harness/ha-rest.js';
import { HaSocket } from '../harness/ha-ws.js';
import { startSidecar, type SidecarProcess } from '../harness/sidecar.js';

interface ApiIncident {
  id: string;
  status: string;
  subject: string | null;
  integration: string | null;
  outcome: { outcome: string } | null;
}

interface Learned {
  id: string;
  title: string | null;
  windows: { from: string; to: string }[];
  days: number;
  kept_quiet: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SENSOR = 'sensor.fault_lab_hub_temperature';

let env: HaEnv;
let socket: HaSocket;
let sidecar: SidecarProcess;
let dataDir: string;
let zone: string;
/** The hub device's outage, as the entities collector names it. */
let key: string;

async function start(): Promise<SidecarProcess> {
  const s = await startSidecar({
    HA_URL: env.HA_URL,
    HA_TOKEN: env.HA_TOKEN,
    DATA_DIR: dataDir,
    LLM_OPS_UNAVAILABLE_AFTER_S: '2',
    LLM_OPS_FLAP_WINDOW_S: '0',
  });
  await s.waitForLog(/watching Home Assistant/, 60_000);
  // The integration, set up against this sidecar's address (each start has its own).
  await removeEntries(env, 'llm_ops');
  await addLlmOpsEntry(env, s);
  return s;
}

/**
 * Seed self-recoveries of the hub device `daysAgo` days back, starting `shiftH` hours from
 * now's time of day and lasting half an hour, recorded on HA's clock as the sidecar does.
 */
function seedRecoveries(daysAgo: number[], shiftH: number): void {
  const journal = new Journal(join(dataDir, 'journal.db'));
  try {
    const schedules = new QuietSchedules(journal, { timeZone: () => zone });
    for (const n of daysAgo) {
      const start = Date.now() - n * DAY + shiftH * HOUR;
      schedules.record(
        {
          source: 'entities',
          key,
          title: '3 entities of Fault Lab Hub are unavailable',
          integration: 'fault_lab',
          startedAt: new Date(start).toISOString(),
          endedAt: new Date(start + HOUR / 2).toISOString(),
        },
        false,
      );
    }
  } finally {
    journal.close();
  }
}

async function api<T>(path: string): Promise<T> {
  const res = await fetch(`${sidecar.url}${path}`, {
    headers: { authorization: `Bearer ${sidecar.token}` },
  });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

const faultLabIncidents = async () =>
  (await api<{ items: ApiIncident[] }>('/api/incidents?integration=fault_lab&limit=500')).items;

/** What was learned, through the integration (as the panel reads it). */
const learned = async () =>
  (await socket.command<{ items: Learned[] }>({ type: 'llm_ops/learned_quiet' })).items;

async function sensorState(): Promise<string> {
  return (await haRest<{ state: string }>(env, 'GET', `/api/states/${SENSOR}`)).state;
}

/** Switch the hub device off or on, and wait until HA shows it. */
async function switchDevice(on: boolean): Promise<void> {
  await callService(env, 'fault_lab', 'set_fault', { mode: on ? 'none' : 'offline' });
  await eventually(
    async () => (((await sensorState()) === 'unavailable') !== on ? true : undefined),
    30_000,
    `the hub's sensors ${on ? 'back' : 'unavailable'}`,
  );
}

/** "HH:MM" of now on HA's clock. */
const clockNow = (shiftH = 0) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(Date.now() + shiftH * HOUR));

/** Whether `hhmm` falls in one of the windows (which may span midnight). */
const inWindows = (hhmm: string, windows: Learned['windows']) =>
  windows.some(({ from, to }) =>
    from <= to ? hhmm >= from && hhmm < to : hhmm >= from || hhmm < to,
  );

/** The device off and back on: an incident opens for it and resolves by itself. */
async function alarmsAndRecovers(): Promise<void> {
  const before = new Set((await faultLabIncidents()).map((i) => i.id));
  await switchDevice(false);
  const opened = await eventually(
    async () =>
      (await faultLabIncidents()).find(
        (i) => !before.has(i.id) && i.subject === key && i.status !== 'resolved',
      ),
    60_000,
    'an incident for the device switched off',
  );
  await switchDevice(true);
  const closed = await eventually(
    async () => {
      const { incident } = await api<{ incident: ApiIncident }>(`/api/incidents/${opened.id}`);
      return incident.status === 'resolved' ? incident : undefined;
    },
    60_000,
    'the incident to resolve by itself',
  );
  expect(closed.outcome?.outcome).toBe('resolved_itself');
}

beforeAll(async () => {
  env = readHaEnv();
  socket = await HaSocket.open(env.HA_URL, env.HA_TOKEN);
  const [entry] = await configEntries(env, 'fault_lab');
  if (!entry) throw new Error('fault_lab has no config entry');
  await callService(env, 'fault_lab', 'set_fault', { mode: 'none' });
  await haRest(env, 'POST', `/api/config/config_entries/entry/${entry.entry_id}/reload`);
  await eventually(async () =>
    (await configEntries(env, 'fault_lab'))[0]?.state === 'loaded' ? true : undefined,
  );
  await eventually(async () => ((await sensorState()) !== 'unavailable' ? true : undefined));
  // Earlier suites left errors in HA's log; a fresh sidecar would (rightly) report them.
  await callService(env, 'system_log', 'clear');
  // The hub is the device of its sensor (fault_lab's entry has several devices).
  const { device_id: hub } = await socket.command<{ device_id: string | null }>({
    type: 'config/entity_registry/get',
    entity_id: SENSOR,
  });
  if (!hub) throw new Error(`${SENSOR} has no device`);
  key = `device:${hub}`;
  zone = (await socket.command<{ time_zone: string }>({ type: 'get_config' })).time_zone;

  dataDir = mkdtempSync(join(tmpdir(), 'llm-ops-learned-quiet-'));
  // Three past days the device went off six hours from now's time of day, and came back.
  seedRecoveries([3, 2, 1], 6);
  sidecar = await start();
}, 180_000);

afterAll(async () => {
  if (env) {
    await callService(env, 'fault_lab', 'set_fault', { mode: 'none' });
    await removeEntries(env, 'llm_ops');
  }
  socket?.close();
  await sidecar?.stop();
});

// A failure here says what the sidecar saw: its log and the incidents it opened.
beforeEach(({ onTestFailed }) =>
  onTestFailed(async () => {
    const incidents = await faultLabIncidents().catch((err: unknown) => String(err));
    console.error(
      `device ${key}; fault_lab incidents: ${JSON.stringify(incidents)}\nsidecar log:\n${sidecar?.output().slice(-12_000)}`,
    );
  }),
);

describe('learned quiet', () => {
  it('learned at another time of day: switching the device off now alarms as usual', async () => {
    const [item] = await learned();
    expect(item).toMatchObject({ id: `entities:${key}`, days: 3, kept_quiet: 0 });
    expect(inWindows(clockNow(6), item?.windows ?? [])).toBe(true);
    expect(inWindows(clockNow(), item?.windows ?? [])).toBe(false);
    // Today's outage recovers by itself: one more day seen at this time.
    await alarmsAndRecovers();
  }, 180_000);

  it('seen recovering by itself on three days at this time: the next outage opens no incident', async () => {
    // Two past days at this time of day; with today's, three.
    await sidecar.stop();
    seedRecoveries([2, 1], 0);
    sidecar = await start();
    const item = await eventually(
      async () => (await learned()).find((i) => inWindows(clockNow(), i.windows)),
      30_000,
      'a learned window around now',
    );
    expect(item.id).toBe(`entities:${key}`);
    const before = (await faultLabIncidents()).length;

    await switchDevice(false);
    // The sidecar saw the outage (past the unavailable threshold) and held it back.
    await sidecar.waitForLog(/at its learned quiet time/, 60_000);
    expect(await sensorState()).toBe('unavailable');
    expect((await faultLabIncidents()).length).toBe(before);
    await switchDevice(true);
    await sidecar.waitForLog(/recovered by itself, as learned/, 60_000);
    expect((await faultLabIncidents()).length).toBe(before);
    // It was recorded quietly: the learned item counts it.
    const after = (await learned()).find((i) => i.id === `entities:${key}`);
    expect(after?.kept_quiet).toBe(1);
  }, 240_000);

  it('after a reset, the same outage at the same time alarms again', async () => {
    const { items } = await socket.command<{ items: Learned[] }>({
      type: 'llm_ops/reset_learned_quiet',
      learned_id: `entities:${key}`,
    });
    expect(items).toEqual([]);
    await alarmsAndRecovers();
  }, 180_000);
});
