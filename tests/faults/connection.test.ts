/**
 * The connection to Home Assistant cut and Home Assistant absent: a TCP proxy
 * between the real sidecar and the real dev HA resets the connection and refuses
 * new ones while HA keeps logging failures. After the sidecar is back, every
 * failure is counted, none twice.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readHaEnv, type HaEnv } from '../harness/ha-dev.js';
import { callService, eventually } from '../harness/ha-rest.js';
import { startSidecar, type SidecarProcess } from '../harness/sidecar.js';
import { startTcpProxy, type TcpProxy } from '../harness/tcp-proxy.js';
import { countedOnce, failInHa, sleep } from './support.js';

let env: HaEnv;
const cleanup: (() => Promise<unknown>)[] = [];

beforeAll(() => {
  env = readHaEnv();
});

afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

/** A sidecar behind a fresh proxy, with HA's system log cleared of earlier tests' records. */
async function sidecarBehindProxy(initial: 'up' | 'down') {
  await callService(env, 'system_log', 'clear');
  const proxy: TcpProxy = await startTcpProxy(env.HA_URL, initial);
  cleanup.push(() => proxy.close());
  const sidecar = await startSidecar({
    HA_URL: proxy.url,
    HA_TOKEN: env.HA_TOKEN,
    LLM_OPS_LOG_POLL_S: '1',
  });
  cleanup.push(() => sidecar.kill('SIGKILL'));
  return { proxy, sidecar };
}

const reconnects = (sidecar: SidecarProcess) =>
  (sidecar.output().match(/reconnected to Home Assistant/g) ?? []).length;

describe.each([
  { cutS: 1, runs: 3 },
  { cutS: 30, runs: 2 },
])('the WebSocket cut for $cutS s while failures happen', ({ cutS, runs }) => {
  it.each(Array.from({ length: runs }, (_, i) => i + 1))(
    'run %i: after the resync every failure is counted once',
    async () => {
      const { proxy, sidecar } = await sidecarBehindProxy('up');
      await sidecar.waitForLog(/watching Home Assistant/, 60_000);
      await failInHa(env, 3);
      const before = await countedOnce(sidecar, 3);

      proxy.set('down');
      await sidecar.waitForLog(/lost the connection to Home Assistant/, 10_000);
      await failInHa(env, 4); // while the sidecar cannot hear
      await sleep(cutS * 1000);
      const seen = reconnects(sidecar);
      const upAt = Date.now();
      proxy.set('up');
      await eventually(
        async () => (reconnects(sidecar) > seen ? true : undefined),
        90_000,
        'the reconnect',
      );
      const resynced = await countedOnce(sidecar, 7, { since: upAt });
      expect(resynced.id).toBe(before.id);

      await failInHa(env, 2); // and live again
      const after = await countedOnce(sidecar, 9);
      expect(after.id).toBe(before.id);
    },
  );
});

describe('Home Assistant unreachable when the sidecar starts', () => {
  it.each([1, 2, 3])(
    'run %i: the API serves, the sidecar retries, then catches up on what failed meanwhile',
    async () => {
      const { proxy, sidecar } = await sidecarBehindProxy('down');
      await sidecar.waitForLog(/cannot reach Home Assistant at .*; retrying/, 20_000);
      const health = (await (await fetch(`${sidecar.url}/api/health`)).json()) as {
        ha: { connected: boolean };
      };
      expect(health.ha.connected).toBe(false);
      await failInHa(env, 5); // failures before the sidecar ever connected
      const upAt = Date.now();
      proxy.set('up');
      await sidecar.waitForLog(/watching Home Assistant/, 60_000);
      await countedOnce(sidecar, 5, { since: upAt });
      expect(sidecar.child.exitCode).toBeNull();
    },
  );
});
