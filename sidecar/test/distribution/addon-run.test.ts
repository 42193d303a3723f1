/**
 * The app as the Supervisor runs it, without Docker: the real `ha-llm-ops run`
 * process with SUPERVISOR_TOKEN/SUPERVISOR_URL pointing at the fake Supervisor
 * and LLM_OPS_OPTIONS_FILE standing for /data/options.json (written as the
 * Supervisor writes it: config.yaml's defaults plus the user's choices). HA_URL
 * is a closed loopback port, so the sidecar keeps retrying Home Assistant.
 * Discovery: announce() against the same fake, and its retries.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import {
  startFakeSupervisor,
  type FakeSupervisor,
} from '../../../tests/harness/fake-supervisor.js';
import { freePort } from '../../../tests/harness/ha-dev.js';
import { startSidecar, type SidecarProcess } from '../../../tests/harness/sidecar.js';
import { createLogger } from '../../src/log.js';
import { SupervisorClient, SupervisorError } from '../../src/supervisor/client.js';
import { addonUrl, announce, DISCOVERY_SERVICE } from '../../src/supervisor/discovery.js';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const addon = parseYaml(readFileSync(join(REPO, 'sidecar/config.yaml'), 'utf8')) as {
  options: Record<string, unknown>;
};
const ADDON_HOSTNAME = 'a0d7b954-ha-llm-ops';
const API_TOKEN = 'options-api-token-0123456789';

function quietLog(lines: string[] = []) {
  return { log: createLogger('debug', (l) => lines.push(l.trim())), lines };
}

async function eventually<T>(probe: () => T | undefined, what: string, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the app under a (fake) Supervisor, with /data/options.json', () => {
  let fake: FakeSupervisor;
  let sidecar: SidecarProcess;
  let dir: string;
  let policyFile: string;
  let haPort: number;

  beforeAll(async () => {
    fake = await startFakeSupervisor();
    dir = mkdtempSync(join(tmpdir(), 'llm-ops-addon-'));
    policyFile = join(dir, 'policy.yaml');
    writeFileSync(policyFile, 'mode: auto\nmax_actions_per_hour: 2\n');
    writeFileSync(
      join(dir, 'options.json'),
      JSON.stringify({
        ...addon.options,
        log_level: 'warning',
        policy_file: policyFile,
        api_token: API_TOKEN,
        unavailable_after_s: 300,
      }),
    );
    haPort = await freePort();
    sidecar = await startSidecar({
      SUPERVISOR_TOKEN: fake.token,
      SUPERVISOR_URL: fake.url,
      LLM_OPS_OPTIONS_FILE: join(dir, 'options.json'),
      HA_URL: `http://127.0.0.1:${haPort}`,
      HA_TOKEN: 'ha-never-answers',
      HOSTNAME: ADDON_HOSTNAME,
      DATA_DIR: join(dir, 'data'),
      // The environment wins over options: clear what the harness or the shell set.
      HA_WS_URL: '',
      INCIDENT_DIR: '',
      LLM_OPS_API_TOKEN: '',
      LOG_LEVEL: '',
      LLM_OPS_POLICY: '',
      LLM_OPS_UNAVAILABLE_AFTER_S: '',
    });
  }, 90_000);

  afterAll(async () => {
    await sidecar?.stop();
    await fake?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const api = (path: string) =>
    fetch(`${sidecar.url}${path}`, { headers: { authorization: `Bearer ${API_TOKEN}` } });

  it('takes its API token from the options', async () => {
    const health = (await (await api('/api/health')).json()) as { authenticated: boolean };
    expect(health.authenticated).toBe(true);
    const other = await fetch(`${sidecar.url}/api/status`, {
      headers: { authorization: `Bearer ${sidecar.token}` },
    });
    expect(other.status).toBe(401);
  });

  it('reads the policy file named in the options', async () => {
    const status = (await (await api('/api/status')).json()) as {
      mode: string;
      policy: { source: string; valid: boolean; max_actions_per_hour: number };
    };
    expect(status.mode).toBe('auto');
    expect(status.policy).toMatchObject({
      source: policyFile,
      valid: true,
      max_actions_per_hour: 2,
    });
  });

  it('logs at the level of the options and keeps retrying Home Assistant', async () => {
    await sidecar.waitForLog(/cannot reach Home Assistant[\s\S]*cannot reach Home Assistant/);
    expect(sidecar.output()).toContain(`ws://127.0.0.1:${haPort}/api/websocket`);
    // log_level warning: the INFO line about serving the API is not written.
    expect(sidecar.output()).not.toMatch(/ INFO /);
    const health = (await (await api('/api/health')).json()) as { ha: { connected: boolean } };
    expect(health.ha.connected).toBe(false);
  });

  it('announces itself to Home Assistant through Supervisor discovery', async () => {
    const message = await eventually(() => fake.state.discovery[0], 'POST /discovery');
    expect(message).toMatchObject({
      service: DISCOVERY_SERVICE,
      config: { url: `http://${ADDON_HOSTNAME}:${new URL(sidecar.url).port}`, token: API_TOKEN },
    });
  });
});

describe('an option the sidecar refuses', () => {
  it('stops the start with the setting named', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'llm-ops-addon-bad-'));
    try {
      writeFileSync(
        join(dir, 'options.json'),
        JSON.stringify({ ...addon.options, unavailable_after_s: 0 }),
      );
      const started = startSidecar({
        SUPERVISOR_TOKEN: 'supervisor-token',
        LLM_OPS_OPTIONS_FILE: join(dir, 'options.json'),
        HA_URL: 'http://127.0.0.1:9',
        HA_WS_URL: '',
        HA_TOKEN: 'ha-token',
        DATA_DIR: join(dir, 'data'),
        LLM_OPS_UNAVAILABLE_AFTER_S: '',
      });
      await expect(started).rejects.toThrow(/LLM_OPS_UNAVAILABLE_AFTER_S: must be a whole number/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('announce()', () => {
  let fake: FakeSupervisor;
  beforeAll(async () => {
    fake = await startFakeSupervisor();
  });
  afterAll(() => fake.close());

  it('posts the URL and token for the integration to the Supervisor', async () => {
    const { log, lines } = quietLog();
    const client = new SupervisorClient(fake.url, fake.token);
    const url = addonUrl(8099, { HOSTNAME: ADDON_HOSTNAME });
    const uuid = await announce(client, { url, token: API_TOKEN }, log);
    expect(uuid).toMatch(/^[0-9a-f]{32}$/);
    expect(fake.requests.filter((r) => r.path === '/discovery')).toEqual([
      {
        method: 'POST',
        path: '/discovery',
        body: {
          service: 'llm_ops',
          config: { url: 'http://a0d7b954-ha-llm-ops:8099', token: API_TOKEN },
        },
      },
    ]);
    expect(fake.state.discovery[0]).toMatchObject({ uuid, service: 'llm_ops' });
    expect(lines.join('\n')).not.toContain(API_TOKEN);
  });

  it('retries with growing waits while the Supervisor fails', async () => {
    const { log, lines } = quietLog();
    const waits: number[] = [];
    let last = Date.now();
    let calls = 0;
    const client = {
      call: <T>(): Promise<T> => {
        calls++;
        waits.push(Date.now() - last);
        last = Date.now();
        if (calls === 1)
          return Promise.reject(new SupervisorError(0, 'cannot reach the Supervisor'));
        if (calls === 2) return Promise.reject(new SupervisorError(502, 'Supervisor POST failed'));
        return Promise.resolve({ uuid: 'u1' } as T);
      },
    };
    const uuid = await announce(client, { url: 'http://x:8099', token: 't' }, log, {
      initialDelayMs: 20,
      maxDelayMs: 1000,
    });
    expect(uuid).toBe('u1');
    expect(calls).toBe(3);
    expect(waits[1]).toBeGreaterThanOrEqual(18);
    expect(waits[2]).toBeGreaterThanOrEqual(38);
    expect(lines.filter((l) => l.includes('WARNING'))).toHaveLength(2);
  });

  it('gives up when the Supervisor refuses the message', async () => {
    const { log, lines } = quietLog();
    let calls = 0;
    const client = {
      call: <T>(): Promise<T> => {
        calls++;
        return Promise.reject(
          new SupervisorError(403, 'Add-ons must list services they provide via discovery'),
        );
      },
    };
    expect(await announce(client, { url: 'http://x:8099', token: 't' }, log)).toBeNull();
    expect(calls).toBe(1);
    expect(lines.join('\n')).toMatch(/ERROR .*refused the discovery message/);
  });

  it('stops retrying when the sidecar stops', async () => {
    const { log } = quietLog();
    const stop = new AbortController();
    let calls = 0;
    const client = {
      call: <T>(): Promise<T> => {
        calls++;
        if (calls === 2) stop.abort();
        return Promise.reject(new SupervisorError(0, 'down'));
      },
    };
    const result = await announce(client, { url: 'http://x:8099', token: 't' }, log, {
      signal: stop.signal,
      initialDelayMs: 5,
    });
    expect(result).toBeNull();
    expect(calls).toBe(2);
  });

  it('uses the add-on hostname from HOSTNAME, else the container hostname', () => {
    expect(addonUrl(8099, { HOSTNAME: 'local-ha-llm-ops' })).toBe('http://local-ha-llm-ops:8099');
    expect(addonUrl(8100, {})).toBe(`http://${hostname()}:8100`);
  });
});
