/**
 * No log line can stop the sidecar. A user's integration may log anything: a
 * pasted key file, a base64 blob, a secret tens of kilobytes long. Each one goes
 * through the real sidecar process, from HA's own system log, and the sidecar
 * must keep running, open the incident and store nothing of the secret.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readHaEnv, type HaEnv } from '../harness/ha-dev.js';
import { callService, eventually } from '../harness/ha-rest.js';
import { startSidecar, type SidecarProcess } from '../harness/sidecar.js';
import { sidecarApi } from '../harness/approval.js';

let env: HaEnv;
let sidecar: SidecarProcess;

interface Listed {
  items: { id: string; title: string; integration: string | null; occurrences: number }[];
}

/** Every file the sidecar wrote, as bytes decoded leniently. */
function writtenFiles(dir: string): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...writtenFiles(path));
    else out.push({ path, text: readFileSync(path).toString('latin1') });
  }
  return out;
}

beforeAll(async () => {
  env = readHaEnv();
  sidecar = await startSidecar({ HA_URL: env.HA_URL, HA_TOKEN: env.HA_TOKEN });
  await sidecar.waitForLog(/watching Home Assistant/, 60_000);
});

afterAll(async () => {
  await sidecar?.stop();
});

// Secret-like runs that once made the redactor throw ("Regular expression too
// large") inside the WebSocket listener, which ended the process.
const SECRETS = [
  { name: 'a 33 KB password', line: (s: string) => `login failed, password: ${s}`, run: 'A' },
  { name: 'a 40 KB base64 token', line: (s: string) => `token=${s} rejected`, run: 'Zm9v' },
];

describe('the sidecar against hostile log content', () => {
  for (const [i, secret] of SECRETS.entries()) {
    it(`keeps running after ${secret.name} is logged twice, and stores none of it`, async () => {
      const value = secret.run.repeat(Math.ceil(33_000 / secret.run.length)) + `x${i}`;
      const logger = `custom_components.fault_lab.hostile${i}`;
      const occurrences = async () =>
        (await sidecarApi<Listed>(sidecar, '/api/incidents?limit=200')).items
          .filter((it) => it.integration === 'fault_lab')
          .reduce((n, it) => n + it.occurrences, 0);
      const before = await occurrences();
      for (let n = 0; n < 2; n++) {
        await callService(env, 'system_log', 'write', {
          message: secret.line(value),
          level: 'error',
          logger,
        });
      }
      await eventually(
        async () => ((await occurrences()) >= before + 2 ? true : undefined),
        30_000,
        `both occurrences of ${secret.name} in fault_lab incidents`,
      );
      expect(sidecar.child.exitCode).toBeNull();
      const health = await sidecarApi<{ ha: { connected: boolean } }>(sidecar, '/api/health');
      expect(health.ha.connected).toBe(true);

      const probe = value.slice(0, 64);
      const listed = await sidecarApi<Listed>(sidecar, '/api/incidents?limit=200');
      for (const it of listed.items.filter((x) => x.integration === 'fault_lab')) {
        const detail = JSON.stringify(await sidecarApi(sidecar, `/api/incidents/${it.id}`));
        expect(detail).not.toContain(probe);
      }
      for (const file of writtenFiles(sidecar.dataDir)) {
        expect(file.text.includes(probe), `${file.path} holds the secret`).toBe(false);
      }
      expect(sidecar.output()).not.toContain(probe);
    });
  }
});
