/**
 * Bounded shutdown: SIGTERM ends the sidecar within its bound even when Home
 * Assistant's WebSocket stays open but answers nothing (unsubscribing would wait
 * forever), and the journal it leaves behind opens cleanly.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readHaEnv, type HaEnv } from '../harness/ha-dev.js';
import { callService } from '../harness/ha-rest.js';
import { startSidecar, type SidecarProcess } from '../harness/sidecar.js';
import { startTcpProxy, type TcpProxy } from '../harness/tcp-proxy.js';
import { figures } from './record.js';
import { countedOnce, failInHa } from './support.js';

const RUNS = 3;
/** Generous against the sidecar’s own bound (5 s), so a slow machine does not fail it. */
const WAIT_FOR_EXIT_MS = 40_000;

let env: HaEnv;
const cleanup: (() => Promise<unknown>)[] = [];

beforeAll(() => {
  env = readHaEnv();
});

afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

/**
 * Resolve with how the process ended, or with 'still running' after `ms`; the time from
 * SIGTERM to the exit is the fault's recovery.
 */
function exitWithin(sidecar: SidecarProcess, ms: number) {
  const signalled = Date.now();
  return Promise.race([
    sidecar.kill('SIGTERM').then((ended) => {
      figures().recoverMs = Date.now() - signalled;
      return ended;
    }),
    new Promise<'still running'>((r) => setTimeout(() => r('still running'), ms)),
  ]);
}

describe('SIGTERM while Home Assistant does not answer', () => {
  it.each(Array.from({ length: RUNS }, (_, i) => i + 1))(
    'run %i: the sidecar exits 0, says why, and its journal opens again',
    async () => {
      await callService(env, 'system_log', 'clear');
      const proxy: TcpProxy = await startTcpProxy(env.HA_URL);
      cleanup.push(() => proxy.close());
      const sidecar = await startSidecar({ HA_URL: proxy.url, HA_TOKEN: env.HA_TOKEN });
      cleanup.push(() => sidecar.kill('SIGKILL'));
      await sidecar.waitForLog(/watching Home Assistant/, 60_000);
      // A failure counted before the stop, to find again after it.
      await failInHa(env, 1);
      const counted = await countedOnce(sidecar, 1);

      proxy.set('frozen');
      const ended = await exitWithin(sidecar, WAIT_FOR_EXIT_MS);
      expect(ended, sidecar.output()).toEqual({ code: 0, signal: null });
      expect(sidecar.output()).toMatch(/Home Assistant did not answer while stopping/);

      // Nothing was left half-written: the same data directory starts cleanly.
      proxy.set('up');
      const again = await startSidecar({
        HA_URL: proxy.url,
        HA_TOKEN: env.HA_TOKEN,
        DATA_DIR: sidecar.dataDir,
      });
      cleanup.push(() => again.kill('SIGKILL'));
      await again.waitForLog(/watching Home Assistant/, 60_000);
      expect(again.output()).not.toMatch(/not a usable database/);
      // What the journal held is still there, counted once (lost, doubled into the figures).
      expect((await countedOnce(again, 1)).id).toBe(counted.id);
      expect(await again.kill('SIGTERM')).toEqual({ code: 0, signal: null });
    },
  );
});
