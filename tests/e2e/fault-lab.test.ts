/** fault_lab fails through HA's own mechanisms, one mode at a time. */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readHaEnv, type HaEnv } from '../harness/ha-dev.js';
import { callService, configEntries, eventually, haRest } from '../harness/ha-rest.js';
import { haWsCommand } from '../harness/ha-ws.js';

let env: HaEnv;
let entryId: string;

async function setFaultAndReload(mode: string): Promise<void> {
  await callService(env, 'fault_lab', 'set_fault', { mode });
  await haRest(env, 'POST', `/api/config/config_entries/entry/${entryId}/reload`);
}

async function entryState(): Promise<{ state: string; reason: string | null }> {
  const [entry] = await configEntries(env, 'fault_lab');
  if (!entry) throw new Error('fault_lab has no config entry');
  return entry;
}

async function sensorState(): Promise<string> {
  return (
    await haRest<{ state: string }>(env, 'GET', '/api/states/sensor.fault_lab_hub_temperature')
  ).state;
}

beforeAll(async () => {
  env = readHaEnv();
  const [entry] = await configEntries(env, 'fault_lab');
  if (!entry) throw new Error('fault_lab has no config entry');
  entryId = entry.entry_id;
});

afterEach(async () => {
  await setFaultAndReload('none');
  await eventually(
    async () => ((await entryState()).state === 'loaded' ? true : undefined),
    30_000,
    'fault_lab loaded',
  );
});

describe('fault_lab.set_fault', () => {
  it('not_ready: the next setup retries with the reason', async () => {
    await setFaultAndReload('not_ready');
    const entry = await eventually(async () => {
      const e = await entryState();
      return e.state === 'setup_retry' ? e : undefined;
    });
    expect(entry.reason).toBe('Timeout while connecting to Fault Lab hub at 192.0.2.10');
  });

  it('auth_failed: setup fails and HA starts a reauth flow', async () => {
    await setFaultAndReload('auth_failed');
    await eventually(async () => ((await entryState()).state === 'setup_error' ? true : undefined));
    const flows = await haWsCommand<{ handler: string; context: { source: string } }[]>(
      env.HA_URL,
      env.HA_TOKEN,
      { type: 'config_entries/flow/progress' },
    );
    expect(flows.filter((f) => f.handler === 'fault_lab').map((f) => f.context.source)).toContain(
      'reauth',
    );
  });

  it('setup_error: an unexpected exception fails setup', async () => {
    await setFaultAndReload('setup_error');
    await eventually(async () => ((await entryState()).state === 'setup_error' ? true : undefined));
  });

  it('unavailable: the hub sensors go unavailable and come back', async () => {
    await callService(env, 'fault_lab', 'set_fault', { mode: 'unavailable' });
    await eventually(async () => ((await sensorState()) === 'unavailable' ? true : undefined));
    await callService(env, 'fault_lab', 'set_fault', { mode: 'none' });
    await eventually(async () => ((await sensorState()) !== 'unavailable' ? true : undefined));
  });

  it('offline: the hub sensors go unavailable with nothing logged, and come back', async () => {
    await callService(env, 'system_log', 'clear');
    await callService(env, 'fault_lab', 'set_fault', { mode: 'offline' });
    await eventually(async () => ((await sensorState()) === 'unavailable' ? true : undefined));
    const records = await haWsCommand<{ name: string }[]>(env.HA_URL, env.HA_TOKEN, {
      type: 'system_log/list',
    });
    expect(records.filter((r) => r.name.includes('fault_lab'))).toEqual([]);
    expect((await entryState()).state).toBe('loaded');
    await callService(env, 'fault_lab', 'set_fault', { mode: 'none' });
    await eventually(async () => ((await sensorState()) !== 'unavailable' ? true : undefined));
  });

  it('log_error: each update logs an error with a traceback', async () => {
    await callService(env, 'fault_lab', 'set_fault', { mode: 'log_error' });
    const record = await eventually(async () => {
      const records = await haWsCommand<
        { name: string; level: string; exception: string; message: string[] }[]
      >(env.HA_URL, env.HA_TOKEN, { type: 'system_log/list' });
      return records.find((r) => r.name === 'custom_components.fault_lab.coordinator');
    });
    expect(record.level).toBe('ERROR');
    expect(record.message[0]).toBe('Error parsing reading from Fault Lab hub');
    expect(record.exception).toContain('FaultLabHubError: malformed reading from hub');
  });

  it('rejects an unknown mode', async () => {
    await expect(callService(env, 'fault_lab', 'set_fault', { mode: 'explode' })).rejects.toThrow(
      /HTTP 400/,
    );
  });
});
