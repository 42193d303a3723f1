/**
 * Maintenance mode in the panel, in the real HA frontend with the integration set up against a
 * real sidecar that watches the dev HA: an admin starts it for an hour, the toolbar says
 * "Maintenance until …" in Home Assistant's time zone, fault_lab's hub fails and no incident
 * appears; ending it shows one summary naming the failure, which is now an incident in the list.
 * The screenshot docs/images/panel-maintenance.png comes from here (`UPDATE_DOCS_IMAGES=1`).
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
  configEntries,
  eventually,
  removeEntries,
} from '../harness/ha-rest.js';
import { setFault, sidecarApi } from '../harness/approval.js';
import { startSidecar, type SidecarProcess } from '../harness/sidecar.js';
import { poll } from '../harness/poll.js';

let env: HaEnv;
let sidecar: SidecarProcess;
let browser: Browser;
let page: Page;

const entryIs = (state: string) =>
  eventually(
    async () => ((await configEntries(env, 'fault_lab'))[0]?.state === state ? true : undefined),
    30_000,
    `fault_lab ${state}`,
  );

const faultLabIncidents = async () =>
  (
    await sidecarApi<{ items: { id: string; category: string }[] }>(
      sidecar,
      '/api/incidents?active=true&integration=fault_lab',
    )
  ).items;

beforeAll(async () => {
  env = readHaEnv();
  await removeEntries(env, 'llm_ops');
  await setFault(env, 'none', true);
  await entryIs('loaded');
  await callService(env, 'system_log', 'clear');
  sidecar = await startSidecar({ HA_URL: env.HA_URL, HA_TOKEN: env.HA_TOKEN });
  await sidecar.waitForLog(/watching Home Assistant/, 60_000);
  await addLlmOpsEntry(env, sidecar);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await loginToHa(page, env);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  if (env) {
    await setFault(env, 'none', true);
    await entryIs('loaded');
    await removeEntries(env, 'llm_ops');
  }
  await sidecar?.stop();
}, 120_000);

describe('maintenance in the panel', () => {
  it('starts for an hour and says until when, in HA’s time zone', async () => {
    await page.goto(`${env.HA_URL}/llm-ops`);
    const control = page.locator('llm-ops-maintenance [data-field=maintenance]');
    await poll(() => control.getAttribute('data-active')).toBe('false');
    await control.locator('select').selectOption('60');
    await control.locator('button[data-action=start-maintenance]').click();

    await poll(() => control.getAttribute('data-active')).toBe('true');
    const state = await sidecarApi<{ active: boolean; until: string; surface: string }>(
      sidecar,
      '/api/maintenance',
    );
    expect(state).toMatchObject({ active: true, surface: 'panel' });
    // The time as HA's frontend shows times: the home's zone, the user's language.
    const expected = await page.evaluate((until) => {
      const hass = (
        document.querySelector('home-assistant') as unknown as {
          hass: { config: { time_zone: string }; locale?: { language?: string }; language: string };
        }
      ).hass;
      return new Intl.DateTimeFormat(hass.locale?.language ?? hass.language, {
        timeStyle: 'short',
        timeZone: hass.config.time_zone,
      }).format(Date.parse(until));
    }, state.until);
    const chip = page.locator('llm-ops-panel [data-field=maintenance-chip]');
    await poll(() => chip.innerText()).toBe(`Maintenance until ${expected}`);
    expect(await control.innerText()).toContain(`Maintenance until ${expected}`);
  });

  it('opens no incident for a failure meanwhile; ending it sums up and the failure opens', async () => {
    await setFault(env, 'not_ready', true);
    await entryIs('setup_retry');
    const control = page.locator('llm-ops-maintenance [data-field=maintenance]');
    // The sidecar saw it, quietly (the panel's count follows the integration's next refresh).
    await eventually(
      async () =>
        (await sidecarApi<{ failed_count: number }>(sidecar, '/api/maintenance')).failed_count > 0
          ? true
          : undefined,
      60_000,
      'the failure recorded during maintenance',
    );
    expect(await faultLabIncidents()).toEqual([]);
    mkdirSync(DOCS_IMAGES, { recursive: true });
    const path = join(DOCS_IMAGES, 'panel-maintenance.png');
    await page.screenshot({ path, animations: 'disabled' });
    expect(statSync(path).size).toBeLessThan(1024 * 1024);

    await control.locator('button[data-action=end-maintenance]').click();
    const summary = page.locator('llm-ops-maintenance [data-field=maintenance-summary]');
    await poll(() => summary.count()).toBe(1);
    const text = await summary.innerText();
    expect(text).toMatch(/Maintenance ended at .*ended early/);
    expect(text).toMatch(/\d+ failures? during it, [1-9]\d* still failing/);
    expect(await summary.locator('li[data-still=true]').innerText()).toMatch(/Fault Lab/);
    await poll(() => page.locator('llm-ops-panel [data-field=maintenance-chip]').count()).toBe(0);
    await poll(() => control.getAttribute('data-active')).toBe('false');

    // The failure, still there, is an incident in the list now.
    const incident = await eventually(
      async () => (await faultLabIncidents()).find((i) => i.category === 'setup_retry'),
      60_000,
      'the setup_retry incident of fault_lab',
    );
    await poll(() =>
      page.locator(`llm-ops-incident-list .row[data-id="${incident.id}"]`).count(),
    ).toBe(1);

    // Put away, the summary stays away (in this browser).
    await summary.locator('button').click();
    await poll(() => summary.count()).toBe(0);
    await page.reload();
    await poll(() => control.getAttribute('data-active')).toBe('false');
    expect(await summary.count()).toBe(0);
  }, 240_000);
});
