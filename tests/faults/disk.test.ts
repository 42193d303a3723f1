/**
 * The data directory full: the sidecar runs with its data directory on a small
 * filesystem of its own (a 4 MiB tmpfs in a private mount namespace, made with
 * `unshare`, so no root is needed where user namespaces are allowed), which the
 * test fills up while Home Assistant keeps failing.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readHaEnv, type HaEnv } from '../harness/ha-dev.js';
import { callService } from '../harness/ha-rest.js';
import { startSidecar } from '../harness/sidecar.js';
import { api, countedOnce, failInHa } from './support.js';

const RUNS = 3;

let env: HaEnv;
const cleanup: (() => Promise<unknown>)[] = [];

beforeAll(() => {
  env = readHaEnv();
});

afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

/** Fill the filesystem under `dir` to the last byte; returns the files written. */
function fill(dir: string): string[] {
  const files: string[] = [];
  for (const size of [256 * 1024, 4096, 64]) {
    try {
      for (;;) {
        const file = join(dir, `filler-${files.length}`);
        writeFileSync(file, Buffer.alloc(size));
        files.push(file);
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
    }
  }
  return files;
}

describe('the data directory full', () => {
  it.each(Array.from({ length: RUNS }, (_, i) => i + 1))(
    'run %i: the sidecar says so and runs on; with space again every failure is counted once',
    async () => {
      await callService(env, 'system_log', 'clear');
      const dataDir = mkdtempSync(join(tmpdir(), 'llm-ops-full-'));
      const sidecar = await startSidecar(
        { HA_URL: env.HA_URL, HA_TOKEN: env.HA_TOKEN, DATA_DIR: dataDir, LLM_OPS_LOG_POLL_S: '1' },
        {
          wrap: (argv) => [
            'unshare',
            '-rm',
            'sh',
            '-c',
            'mount -t tmpfs -o size=4m tmpfs "$0" && exec "$@"',
            dataDir,
            ...argv,
          ],
        },
      );
      cleanup.push(() => sidecar.kill('SIGKILL'));
      await sidecar.waitForLog(/watching Home Assistant/, 60_000);
      await failInHa(env, 2);
      await countedOnce(sidecar, 2);

      // The sidecar's own view of its data directory (its mount namespace).
      const mine = `/proc/${String(sidecar.child.pid)}/root${dataDir}`;
      expect(readdirSync(mine)).toContain('journal.db');
      const fillers = fill(mine);
      await failInHa(env, 3);
      await sidecar.waitForLog(
        /cannot write the journal .*journal\.db \(database or disk is full\); free space in/,
        30_000,
      );
      expect(sidecar.child.exitCode).toBeNull();
      expect((await api<{ status: string }>(sidecar, 'GET', '/api/health')).body.status).toBe('ok');

      const freedAt = Date.now();
      for (const f of fillers) rmSync(f);
      await countedOnce(sidecar, 5, { since: freedAt });
      expect(sidecar.child.exitCode).toBeNull();
    },
  );
});
