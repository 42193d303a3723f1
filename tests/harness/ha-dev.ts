/**
 * The dev Home Assistant: a real HA Core on loopback with a fresh config dir,
 * onboarded through its own REST API. Used by `npm run ha:up` / `ha:down`, the
 * end-to-end tests and the browser tests.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { haWsCommand } from './ha-ws.js';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DEV_DIR = join(REPO, '.ha-dev');
export const CONFIG_DIR = join(DEV_DIR, 'config');
export const LOG_FILE = join(DEV_DIR, 'home-assistant.log');
export const ENV_FILE = join(DEV_DIR, 'env');
const STATE_FILE = join(DEV_DIR, 'state.json');
const OUT_FILE = join(DEV_DIR, 'hass.out');

/** What `.ha-dev/env` holds: how to reach and log in to the dev HA. */
export interface HaEnv {
  HA_URL: string;
  HA_TOKEN: string;
  HA_USERNAME: string;
  HA_PASSWORD: string;
}

interface HaState {
  pid: number;
  port: number;
}

const START_TIMEOUT_MS = 240_000;
const STOP_TIMEOUT_MS = 30_000;
const CLIENT_NAME = 'HA LLM Ops dev';

/** A failure the CLI reports as one clear message. */
export class HaDevError extends Error {}

const log = (msg: string) => process.stderr.write(`ha-dev: ${msg}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Parse the shell assignments of `.ha-dev/env`. */
export function readHaEnv(file = ENV_FILE): HaEnv {
  if (!existsSync(file)) throw new HaDevError(`${file} does not exist; run npm run ha:up`);
  const env: Record<string, string> = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^([A-Z_]+)='(.*)'$/.exec(line);
    if (m?.[1] && m[2] !== undefined) env[m[1]] = m[2].replaceAll(`'\\''`, `'`);
  }
  for (const key of ['HA_URL', 'HA_TOKEN', 'HA_USERNAME', 'HA_PASSWORD']) {
    if (!env[key])
      throw new HaDevError(`${file} lacks ${key}; run npm run ha:down && npm run ha:up`);
  }
  return env as unknown as HaEnv;
}

function readState(): HaState | undefined {
  try {
    return JSON.parse(readFileSync(STATE_FILE, 'utf8')) as HaState;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Return a loopback port nobody listens on. */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() =>
        typeof addr === 'object' && addr ? resolvePort(addr.port) : reject(new Error('no port')),
      );
    });
  });
}

function logTail(lines = 40): string {
  for (const file of [LOG_FILE, OUT_FILE]) {
    if (existsSync(file)) {
      const text = readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
      if (text) return `last lines of ${file}:\n${text}`;
    }
  }
  return 'Home Assistant wrote no log';
}

/**
 * Provision what the dev HA needs (instant when present): the system packages and
 * the Python 3.14 environment, through the project's one install step. Its progress
 * (each step with its elapsed time and log) goes to the terminal; a failure names
 * what is missing and the command that installs it.
 */
async function ensurePythonEnv(): Promise<void> {
  const code = await new Promise<number>((resolve) => {
    const child = spawn(join(REPO, 'scripts/setup.sh'), ['system', 'python'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.once('error', () => resolve(127));
    child.once('exit', (c) => resolve(c ?? 1));
  });
  if (code !== 0)
    throw new HaDevError(
      'could not provision the Python 3.14 environment (scripts/setup.sh system python says why above)',
    );
}

async function writeConfig(port: number): Promise<void> {
  await rm(CONFIG_DIR, { recursive: true, force: true });
  await mkdir(join(CONFIG_DIR, 'custom_components'), { recursive: true });
  const template = await readFile(join(REPO, 'tests/ha/configuration.yaml'), 'utf8');
  await writeFile(
    join(CONFIG_DIR, 'configuration.yaml'),
    template.replaceAll('${PORT}', String(port)),
  );
  await writeFile(join(CONFIG_DIR, 'automations.yaml'), '[]\n');
  await writeFile(join(CONFIG_DIR, 'scripts.yaml'), '{}\n');
  // Finishing the core_config step through REST would set up met, radio_browser,
  // google_translate and shopping_list, which reach the internet; the dev HA
  // stays on loopback, so that one step is marked done before HA starts.
  await mkdir(join(CONFIG_DIR, '.storage'), { recursive: true });
  await writeFile(
    join(CONFIG_DIR, '.storage/onboarding'),
    JSON.stringify({
      version: 4,
      minor_version: 1,
      key: 'onboarding',
      data: { done: ['core_config'] },
    }),
  );
  // HA 2026.11 keeps the HTTP server settings in storage: a stable config bound
  // to loopback on our port (YAML settings would become a trial that reverts).
  const http = {
    server_host: ['127.0.0.1'],
    server_port: port,
    cors_allowed_origins: [],
    login_attempts_threshold: -1,
    ip_ban_enabled: true,
    ssl_profile: 'intermediate_v6',
    use_x_frame_options: true,
    created_at: new Date().toISOString(),
    error: null,
    error_message: null,
  };
  await writeFile(
    join(CONFIG_DIR, '.storage/http'),
    JSON.stringify({
      version: 3,
      minor_version: 1,
      key: 'http',
      data: { stable: http, pending: null, yaml_migration_done: true },
    }),
  );
  // Links, not copies: the dev HA runs the integrations as they are in the repo.
  await symlink(
    join(REPO, 'custom_components/llm_ops'),
    join(CONFIG_DIR, 'custom_components/llm_ops'),
  );
  await symlink(
    join(REPO, 'tests/ha/custom_components/fault_lab'),
    join(CONFIG_DIR, 'custom_components/fault_lab'),
  );
  // Set up only by the tests that need it (outages across integrations).
  await symlink(
    join(REPO, 'tests/ha/custom_components/fault_lab_relay'),
    join(CONFIG_DIR, 'custom_components/fault_lab_relay'),
  );
}

/**
 * Start HA on the given port with the existing config dir and wait until HTTP answers;
 * `extraEnv` is added to its environment (e.g. `SUPERVISOR`, to run it as under a Supervisor).
 */
async function startHa(port: number, extraEnv: Record<string, string> = {}): Promise<HaState> {
  await mkdir(DEV_DIR, { recursive: true });
  const out = openSync(OUT_FILE, 'w');
  const child = spawn(
    join(REPO, 'scripts/hapy'),
    ['hass', '--config', CONFIG_DIR, '--skip-pip', '--log-file', LOG_FILE, '--log-no-color'],
    {
      cwd: REPO,
      detached: true,
      stdio: ['ignore', out, out],
      env: { ...process.env, ...extraEnv },
    },
  );
  closeSync(out);
  let exited: number | null | undefined;
  child.once('exit', (code) => (exited = code));
  child.unref();
  const state = { pid: child.pid ?? 0, port };
  await writeFile(STATE_FILE, JSON.stringify(state));

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exited !== undefined) {
      await rm(STATE_FILE, { force: true });
      throw new HaDevError(`Home Assistant exited during start (code ${exited}); ${logTail()}`);
    }
    try {
      const res = await fetch(`${url}/api/onboarding`, { signal: AbortSignal.timeout(2000) });
      if (res.status < 500) return state;
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  await stopPid(state.pid);
  await rm(STATE_FILE, { force: true });
  throw new HaDevError(
    `Home Assistant did not answer within ${START_TIMEOUT_MS / 1000} s; ${logTail()}`,
  );
}

async function postJson(url: string, body: unknown, token?: string): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
}

async function expectOk(res: Response, what: string): Promise<unknown> {
  if (!res.ok) throw new HaDevError(`${what} failed: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}

/** Complete onboarding (owner → auth code → tokens → long-lived token) and return the env. */
async function onboard(url: string): Promise<HaEnv> {
  const clientId = `${url}/`;
  const username = 'dev';
  const password = randomBytes(12).toString('base64url');
  const { auth_code: userCode } = (await expectOk(
    await postJson(`${url}/api/onboarding/users`, {
      client_id: clientId,
      name: 'Dev Owner',
      username,
      password,
      language: 'en',
    }),
    'onboarding: create owner',
  )) as { auth_code: string };
  const tokenRes = await fetch(`${url}/auth/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: userCode,
      client_id: clientId,
    }),
  });
  const { access_token: access } = (await expectOk(tokenRes, 'onboarding: token')) as {
    access_token: string;
  };
  await expectOk(
    await postJson(`${url}/api/onboarding/analytics`, {}, access),
    'onboarding: analytics',
  );
  await expectOk(
    await postJson(
      `${url}/api/onboarding/integration`,
      { client_id: clientId, redirect_uri: `${url}/?auth_callback=1` },
      access,
    ),
    'onboarding: integration',
  );
  const token = await haWsCommand<string>(url, access, {
    type: 'auth/long_lived_access_token',
    client_name: CLIENT_NAME,
    lifespan: 3650,
  });
  return { HA_URL: url, HA_TOKEN: token, HA_USERNAME: username, HA_PASSWORD: password };
}

async function writeEnv(env: HaEnv): Promise<void> {
  const quote = (v: string) => `'${v.replaceAll(`'`, `'\\''`)}'`;
  const body = Object.entries(env)
    .map(([k, v]) => `${k}=${quote(v)}`)
    .join('\n');
  await writeFile(ENV_FILE, `${body}\n`, { mode: 0o600 });
}

interface FlowResult {
  type: string;
  flow_id?: string;
  title?: string;
  result?: { entry_id: string };
  reason?: string;
}

/** Set up the `fault_lab` config entry through HA's config flow REST API. */
export async function setupFaultLab(env: HaEnv): Promise<string> {
  const existing = (await (
    await fetch(`${env.HA_URL}/api/config/config_entries/entry?domain=fault_lab`, {
      headers: { authorization: `Bearer ${env.HA_TOKEN}` },
    })
  ).json()) as { entry_id: string }[];
  if (existing[0]) return existing[0].entry_id;
  let flow = (await expectOk(
    await postJson(
      `${env.HA_URL}/api/config/config_entries/flow`,
      { handler: 'fault_lab' },
      env.HA_TOKEN,
    ),
    'fault_lab config flow',
  )) as FlowResult;
  if (flow.type === 'form' && flow.flow_id) {
    flow = (await expectOk(
      await postJson(
        `${env.HA_URL}/api/config/config_entries/flow/${flow.flow_id}`,
        {},
        env.HA_TOKEN,
      ),
      'fault_lab config flow step',
    )) as FlowResult;
  }
  if (flow.type !== 'create_entry' || !flow.result) {
    throw new HaDevError(`fault_lab config flow ended with ${flow.type} ${flow.reason ?? ''}`);
  }
  return flow.result.entry_id;
}

/** True when the recorded HA process is running and accepts the recorded token. */
async function healthy(): Promise<boolean> {
  const state = readState();
  if (!state || !alive(state.pid) || !existsSync(ENV_FILE)) return false;
  try {
    const env = readHaEnv();
    const res = await fetch(`${env.HA_URL}/api/`, {
      headers: { authorization: `Bearer ${env.HA_TOKEN}` },
      signal: AbortSignal.timeout(5000),
    });
    return res.status === 200;
  } catch {
    return false;
  }
}

/** Start a fresh, onboarded dev HA with fault_lab set up, unless one is already running. */
export async function haUp(): Promise<HaEnv> {
  if (await healthy()) {
    const env = readHaEnv();
    log(`already running at ${env.HA_URL}`);
    return env;
  }
  await haDown({ quiet: true });
  await ensurePythonEnv();
  const port = await freePort();
  await rm(DEV_DIR, { recursive: true, force: true });
  await mkdir(DEV_DIR, { recursive: true });
  await writeConfig(port);
  log(`starting Home Assistant on 127.0.0.1:${port}`);
  const state = await startHa(port);
  try {
    const env = await onboard(`http://127.0.0.1:${state.port}`);
    await writeEnv(env);
    await setupFaultLab(env);
    const config = (await (
      await fetch(`${env.HA_URL}/api/config`, {
        headers: { authorization: `Bearer ${env.HA_TOKEN}` },
      })
    ).json()) as { version: string };
    log(`Home Assistant ${config.version} is up at ${env.HA_URL} (env in ${ENV_FILE})`);
    return env;
  } catch (err) {
    await haDown({ quiet: true });
    if (err instanceof HaDevError) throw new HaDevError(`${err.message}\n${logTail()}`);
    throw err;
  }
}

async function stopPid(pid: number): Promise<void> {
  // HA runs in its own process group (detached spawn): signal the whole group.
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-pid, sig);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (Date.now() < deadline && groupAlive(pid)) await sleep(200);
  if (groupAlive(pid)) {
    signal('SIGKILL');
    while (groupAlive(pid)) await sleep(100);
  }
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Stop the dev HA (and everything it started); a no-op when it is not running. */
export async function haDown(opts: { quiet?: boolean } = {}): Promise<void> {
  const state = readState();
  if (!state) {
    if (!opts.quiet) log('not running');
    return;
  }
  await stopPid(state.pid);
  await rm(STATE_FILE, { force: true });
  if (!opts.quiet) log('stopped');
}

/**
 * Restart the running dev HA with the same config dir, port and tokens. `extraEnv` holds
 * for this run only: the test that passes it restarts again without it when done, so the
 * dev HA every other test shares is unchanged. `awayMs`: stay stopped that long first (a
 * restart as slow as on a small machine).
 */
export async function haRestart(
  opts: { extraEnv?: Record<string, string>; awayMs?: number } = {},
): Promise<HaEnv> {
  const state = readState();
  if (!state) throw new HaDevError('the dev HA is not running; run npm run ha:up');
  await stopPid(state.pid);
  if (opts.awayMs) await sleep(opts.awayMs);
  await startHa(state.port, opts.extraEnv);
  const env = readHaEnv();
  await waitUntilRunning(env);
  return env;
}

/**
 * HTTP answers before the integrations are set up; tests that go on after a restart
 * (calling fault_lab's services, reloading entries) need HA's core state RUNNING.
 */
async function waitUntilRunning(env: HaEnv): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${env.HA_URL}/api/config`, {
        headers: { authorization: `Bearer ${env.HA_TOKEN}` },
        signal: AbortSignal.timeout(2000),
      });
      const body = res.ok ? ((await res.json()) as { state?: string }) : null;
      if (body?.state === 'RUNNING') return;
      last = body ? `state ${String(body.state)}` : `HTTP ${res.status}`;
    } catch (err) {
      last = String(err);
    }
    await sleep(250);
  }
  throw new HaDevError(
    `Home Assistant did not reach RUNNING within ${START_TIMEOUT_MS / 1000} s (${last}); ${logTail()}`,
  );
}
