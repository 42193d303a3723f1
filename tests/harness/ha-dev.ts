/**
 * The dev Home Assistant: a real HA Core on loopback with a fresh config dir,
 * onboarded through its own REST API. Used by `npm run ha:up` / `ha:down`, the
 * end-to-end tests and the browser tests. This module starts, stops and restarts it;
 * where it lives and how to reach it are in ha-dev-env.ts, its configuration and
 * onboarding in ha-dev-onboard.ts (both exported from here too).
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  CONFIG_DIR,
  DEV_DIR,
  ENV_FILE,
  freePort,
  HaDevError,
  LOG_FILE,
  readHaEnv,
  REPO,
  writeEnv,
  type HaEnv,
} from './ha-dev-env.js';
import { onboard, setupFaultLab, writeConfig } from './ha-dev-onboard.js';

export {
  CONFIG_DIR,
  DEV_DIR,
  ENV_FILE,
  freePort,
  HaDevError,
  LOG_FILE,
  readHaEnv,
  REPO,
  type HaEnv,
} from './ha-dev-env.js';
export { setupFaultLab } from './ha-dev-onboard.js';

const STATE_FILE = join(DEV_DIR, 'state.json');
const OUT_FILE = join(DEV_DIR, 'hass.out');

interface HaState {
  pid: number;
  port: number;
}

const START_TIMEOUT_MS = 240_000;
const STOP_TIMEOUT_MS = 30_000;

const log = (msg: string) => process.stderr.write(`ha-dev: ${msg}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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
