/**
 * Where the dev Home Assistant lives and how to reach it: its directory and files,
 * `.ha-dev/env` (read by the tests, written once onboarding is done), and a free
 * loopback port.
 */
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DEV_DIR = join(REPO, '.ha-dev');
export const CONFIG_DIR = join(DEV_DIR, 'config');
export const LOG_FILE = join(DEV_DIR, 'home-assistant.log');
export const ENV_FILE = join(DEV_DIR, 'env');

/** What `.ha-dev/env` holds: how to reach and log in to the dev HA. */
export interface HaEnv {
  HA_URL: string;
  HA_TOKEN: string;
  HA_USERNAME: string;
  HA_PASSWORD: string;
}

/** A failure the CLI reports as one clear message. */
export class HaDevError extends Error {}

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

/** Write `.ha-dev/env` as shell assignments (readable by `source .ha-dev/env`). */
export async function writeEnv(env: HaEnv): Promise<void> {
  const quote = (v: string) => `'${v.replaceAll(`'`, `'\\''`)}'`;
  const body = Object.entries(env)
    .map(([k, v]) => `${k}=${quote(v)}`)
    .join('\n');
  await writeFile(ENV_FILE, `${body}\n`, { mode: 0o600 });
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
