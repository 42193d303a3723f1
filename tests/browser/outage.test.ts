/**
 * An outage in the panel, in the real HA frontend with the integration set up against a real
 * sidecar that watches the dev HA: fault_lab's bridge goes offline with the 24 devices behind
 * it and the 3 of a second integration (fault_lab_relay) connected through it, and the
 * incident's page names the bridge and lists every affected device and integration.
 * The screenshot docs/images/panel-outage.png comes from here (`UPDATE_DOCS_IMAGES=1`).
 */
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, loginToHa, DOCS_IMAGES } from '../harness/browser.js';
import { readHaEnv, type HaEnv } from '../harness/ha-dev.js';
import {
  addLlmOpsEntry,
  callService,
  eventually,
  haRest,
  removeEntries,
} from '../harness/ha-rest.js';
import { startSidecar, type SidecarProcess } from '../harness/sidecar.js';
import { poll } from '../harness/poll.js';
import { sidecarApi } from '../harness/approval.js';

const FIRST = 'sensor.fault_lab_sensor_01_temperature';

let env: HaEnv;
let sidecar: SidecarProcess;
let browser: Browser;
let page: Page;

async function bridge(online: boolean): Promise<void> {
  await callService(env, 'fault_lab', 'bridge', { online });
  await eventually(
    async () =>
      ((await haRest<{ state: string }>(env, 'GET', `/api/states/${FIRST}`)).state ===
        'unavailable') !==
        online || undefined,
    30_000,
    `the bridged devices ${online ? 'back' : 'unavailable'}`,
  );
}

beforeAll(async () => {
  env = readHaEnv();
  await removeEntries(env, 'llm_ops');
  await callService(env, 'fault_lab', 'set_fault', { mode: 'none' });
  await bridge(true);
  await removeEntries(env, 'fault_lab_relay');
  const flow = await haRest<{ flow_id: string }>(env, 'POST', '/api/config/config_entries/flow', {
    handler: 'fault_lab_relay',
  });
  await haRest(env, 'POST', `/api/config/config_entries/flow/${flow.flow_id}`, {});
  await callService(env, 'system_log', 'clear');
  sidecar = await startSidecar({
    HA_URL: env.HA_URL,
    HA_TOKEN: env.HA_TOKEN,
    LLM_OPS_UNAVAILABLE_AFTER_S: '2',
  });
  await sidecar.waitForLog(/watching Home Assistant/, 60_000);
  await addLlmOpsEntry(env, sidecar);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await loginToHa(page, env);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  if (env) {
    await bridge(true);
    await callService(env, 'fault_lab', 'bridge_report');
    await removeEntries(env, 'fault_lab_relay');
    await removeEntries(env, 'llm_ops');
  }
  await sidecar?.stop();
}, 120_000);

describe('an outage in the panel', () => {
  it('the incident names the bridge and lists every device and integration behind it', async () => {
    await bridge(false);
    const incident = await eventually(
      async () =>
        (
          await sidecarApi<{ items: { id: string; title: string }[] }>(
            sidecar,
            '/api/incidents?active=true&integration=fault_lab',
          )
        ).items.find((i) => i.title.startsWith('Fault Lab Bridge is down')),
      60_000,
      'the incident of the bridge, analyzed',
    );
    await page.goto(`${env.HA_URL}/llm-ops/incident/${incident.id}`);
    const detail = page.locator('llm-ops-incident-detail');
    await poll(() => detail.locator('h2').innerText()).toBe(
      'Fault Lab Bridge is down: 28 devices are unavailable',
    );
    const devices = detail.locator('[data-field=outage-devices] li');
    await poll(() => devices.count()).toBe(28);
    expect(await devices.allInnerTexts()).toContain('Fault Lab Sensor 24');
    expect(await devices.allInnerTexts()).toContain('Fault Lab Relay 3');
    expect(await detail.locator('[data-field=outage-root]').innerText()).toMatch(
      /^Fault Lab Bridge is down: 28 devices unavailable \(fault_lab, fault_lab_relay\)\.$/,
    );
    await detail.locator('[data-field=outage-root]').scrollIntoViewIfNeeded();
    mkdirSync(DOCS_IMAGES, { recursive: true });
    const path = join(DOCS_IMAGES, 'panel-outage.png');
    await page.screenshot({ path, animations: 'disabled' });
    expect(statSync(path).size).toBeLessThan(1024 * 1024);
  }, 180_000);
});
