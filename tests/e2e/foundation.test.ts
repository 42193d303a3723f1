/**
 * The foundation end to end: the real dev HA, the real sidecar, and fault_lab
 * failing through HA's own mechanisms.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haRestart, readHaEnv, type HaEnv } from '../harness/ha-dev.js';
import { callService, configEntries, eventually, haRest } from '../harness/ha-rest.js';
import { startSidecar, type SidecarProcess } from '../harness/sidecar.js';

let env: HaEnv;
let sidecar: SidecarProcess;

beforeAll(async () => {
  env = readHaEnv();
  sidecar = await startSidecar({ HA_URL: env.HA_URL, HA_TOKEN: env.HA_TOKEN, LOG_LEVEL: 'debug' });
});

afterAll(async () => {
  await sidecar?.stop();
  // Leave fault_lab healthy for the next suite.
  await callService(env, 'fault_lab', 'set_fault', { mode: 'none' });
  const [entry] = await configEntries(env, 'fault_lab');
  if (entry) await haRest(env, 'POST', `/api/config/config_entries/entry/${entry.entry_id}/reload`);
});

describe('dev Home Assistant', () => {
  it('answers /api/ with the onboarded token and runs 2026.11', async () => {
    const res = await fetch(`${env.HA_URL}/api/`, {
      headers: { authorization: `Bearer ${env.HA_TOKEN}` },
    });
    expect(res.status).toBe(200);
    const config = await haRest<{ version: string }>(env, 'GET', '/api/config');
    expect(config.version).toMatch(/^2026\.11\./);
  });

  it('has Fault Lab set up as one loaded config entry', async () => {
    const entries = await configEntries(env, 'fault_lab');
    expect(entries.map((e) => [e.title, e.state])).toEqual([['Fault Lab', 'loaded']]);
  });
});

describe('sidecar against the dev HA', () => {
  it('connects and reports the HA version in /api/health', async () => {
    await sidecar.waitForLog(/connected to Home Assistant 2026\.11\./);
    // Connected counts once the sidecar has read HA's registries and entries: it can act then.
    await sidecar.waitForLog(/watching Home Assistant/);
    const health = (await (
      await fetch(`${sidecar.url}/api/health`, {
        headers: { authorization: `Bearer ${sidecar.token}` },
      })
    ).json()) as { ha: { connected: boolean; version: string }; authenticated: boolean };
    expect(health.authenticated).toBe(true);
    expect(health.ha.connected).toBe(true);
    expect(health.ha.version).toMatch(/^2026\.11\./);
  });

  it('reads fault_lab and sees not_ready + reload put it in setup_retry', async () => {
    const [entry] = await configEntries(env, 'fault_lab');
    if (!entry) throw new Error('fault_lab has no config entry');
    const id = entry.entry_id;
    await sidecar.waitForLog(new RegExp(`config entry Fault Lab \\(fault_lab, ${id}\\) is loaded`));

    await callService(env, 'fault_lab', 'set_fault', { mode: 'not_ready' });
    await haRest(env, 'POST', `/api/config/config_entries/entry/${id}/reload`);

    const retrying = await eventually(
      async () => {
        const [e] = await configEntries(env, 'fault_lab');
        return e?.state === 'setup_retry' ? e : undefined;
      },
      30_000,
      'fault_lab to enter setup_retry',
    );
    expect(retrying.reason).toContain('192.0.2.10');
    // The sidecar's own log says why, with the address redacted like every other exit.
    await sidecar.waitForLog(
      new RegExp(`config entry Fault Lab \\(fault_lab, ${id}\\) is setup_retry: .*\\[IP_1\\]`),
    );
    expect(sidecar.output()).not.toContain('192.0.2.10');
  });
});

describe('llm_ops in the dev HA', () => {
  it('is set up through the config flow REST API against the sidecar and loads', async () => {
    // One entry at most (single_config_entry): start from none.
    for (const e of await configEntries(env, 'llm_ops')) {
      await haRest(env, 'DELETE', `/api/config/config_entries/entry/${e.entry_id}`);
    }
    const start = await haRest<{ flow_id: string; type: string; step_id: string }>(
      env,
      'POST',
      '/api/config/config_entries/flow',
      { handler: 'llm_ops' },
    );
    expect([start.type, start.step_id]).toEqual(['form', 'user']);
    const done = await haRest<{ type: string; result: { entry_id: string } }>(
      env,
      'POST',
      `/api/config/config_entries/flow/${start.flow_id}`,
      { url: sidecar.url, token: sidecar.token },
    );
    expect(done.type).toBe('create_entry');
    try {
      const [entry] = await configEntries(env, 'llm_ops');
      expect(entry?.state).toBe('loaded');
    } finally {
      await haRest(env, 'DELETE', `/api/config/config_entries/entry/${done.result.entry_id}`);
    }
  });
});

describe('sidecar reconnects', () => {
  it('survives a restart of Home Assistant', async () => {
    await sidecar.waitForLog(/connected to Home Assistant/);
    await haRestart();
    await sidecar.waitForLog(/lost the connection to Home Assistant/, 30_000);
    await sidecar.waitForLog(/reconnected to Home Assistant 2026\.11\./, 60_000);
    const health = (await (await fetch(`${sidecar.url}/api/health`)).json()) as {
      ha: { connected: boolean };
    };
    expect(health.ha.connected).toBe(true);
  });
});
