/**
 * The sidecar says Home Assistant is connected only once it can act on it: once it has read
 * HA's config entries. Before, an approval right after a (re)start found no entry to reload
 * and failed the fix (the Repairs fix flow against a busy HA showed it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../sidecar/src/log.js';
import { Sidecar } from '../../sidecar/src/sidecar.js';
import { testSettings } from '../../sidecar/test/helpers/pipeline.js';
import { readHaEnv } from '../harness/ha-dev.js';

const TOKEN = 'test-token-0123456789abcdef';
const lines: string[] = [];
let sidecar: Sidecar;

beforeAll(async () => {
  const env = readHaEnv();
  sidecar = new Sidecar(
    testSettings({
      haWsUrl: `${env.HA_URL.replace(/^http/, 'ws')}/api/websocket`,
      haToken: env.HA_TOKEN,
      apiToken: TOKEN,
    }),
    createLogger('debug', (line) => lines.push(line)),
  );
  await sidecar.start();
});

afterAll(async () => {
  await sidecar?.stop();
});

describe('the sidecar connecting to Home Assistant', () => {
  it('says it is connected only once it knows the config entries', async () => {
    let connecting = true;
    const connected = sidecar.connect().finally(() => (connecting = false));
    // What the log held each time /api/health first said connected, while connecting.
    let logWhenConnected: string | null = null;
    while (connecting && logWhenConnected === null) {
      const res = await fetch(`${sidecar.apiAddress}/api/health`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      const health = (await res.json()) as { ha: { connected: boolean } };
      if (health.ha.connected) logWhenConnected = lines.join('');
    }
    await connected;
    // The dev HA has one fault_lab entry; the sidecar logs each entry it reads.
    if (logWhenConnected !== null)
      expect(logWhenConnected).toMatch(/config entry Fault Lab \(fault_lab, /);
    const res = await fetch(`${sidecar.apiAddress}/api/health`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(((await res.json()) as { ha: { connected: boolean } }).ha.connected).toBe(true);
  });
});
