/**
 * Power-cycling and log floods in the panel, in the real HA frontend, with the integration set
 * up against the real sidecar process (its policy maps fault_lab's appliance to the lab's smart
 * plug). fault_lab's appliance freezes: the incident's page proposes switching the plug off and
 * on, says that no backup is taken and how it is undone; approved there, the plug goes off and
 * on, the appliance reports again and the page shows the fix succeeded. A logger floods the
 * log: one incident, whose page proposes quieting that logger for a while. The screenshots
 * docs/images/panel-power-cycle.png and panel-log-flood.png come from here
 * (`UPDATE_DOCS_IMAGES=1`).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APPLIANCE_BOOTS,
  PLUG,
  runAppliance,
  sidecarApi,
  stateOf,
  type Proposal,
} from '../harness/approval.js';
import { launchChromium, loginToHa, DOCS_IMAGES } from '../harness/browser.js';
import { readHaEnv, type HaEnv } from '../harness/ha-dev.js';
import { addLlmOpsEntry, callService, eventually, removeEntries } from '../harness/ha-rest.js';
import { startSidecar, type SidecarProcess } from '../harness/sidecar.js';
import { poll } from '../harness/poll.js';

const POLICY = [
  'mode: approve',
  'power_cycle:',
  `  ${APPLIANCE_BOOTS}: ${PLUG}`,
  'actions:',
  '  power_cycle_device: {cooldown_s: 0}',
].join('\n');

let env: HaEnv;
let sidecar: SidecarProcess;
let browser: Browser;
let page: Page;

/** The first waiting proposal of `actionId`, once the sidecar has made it. */
const pending = (actionId: string, description: string) =>
  eventually(
    async () =>
      (await sidecarApi<Proposal[]>(sidecar, '/api/actions/pending')).find(
        (p) => p.action_id === actionId,
      ),
    60_000,
    description,
  );

beforeAll(async () => {
  env = readHaEnv();
  await removeEntries(env, 'llm_ops');
  await runAppliance(env);
  // Earlier suites left errors in HA's log; a fresh sidecar would (rightly) report them.
  await callService(env, 'system_log', 'clear');
  const dataDir = mkdtempSync(join(tmpdir(), 'llm-ops-home-'));
  const policy = join(dataDir, 'policy.yaml');
  writeFileSync(policy, POLICY);
  sidecar = await startSidecar({
    HA_URL: env.HA_URL,
    HA_TOKEN: env.HA_TOKEN,
    DATA_DIR: dataDir,
    LLM_OPS_POLICY: policy,
    LLM_OPS_UNAVAILABLE_AFTER_S: '1',
    LLM_OPS_VERIFY_MAX_WAIT_S: '30',
    LLM_OPS_EVENT_UPDATE_INTERVAL_S: '1',
    LLM_OPS_LOG_POLL_S: '2',
  });
  await sidecar.waitForLog(/watching Home Assistant/, 60_000);
  await addLlmOpsEntry(env, sidecar);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await loginToHa(page, env);
  mkdirSync(DOCS_IMAGES, { recursive: true });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  if (env) await removeEntries(env, 'llm_ops');
  await sidecar?.stop();
  if (env) {
    await runAppliance(env);
    // The flood stays out of the suites after this one.
    await callService(env, 'system_log', 'clear');
  }
}, 120_000);

describe('home features in the panel', () => {
  it('power-cycles a frozen device from the incident’s page: plug off, on, the device back', async () => {
    const bootsBefore = Number(await stateOf(env, APPLIANCE_BOOTS));
    await callService(env, 'fault_lab', 'freeze', {});
    const proposal = await pending('power_cycle_device', 'a power_cycle_device proposal');

    await page.goto(`${env.HA_URL}/llm-ops/incident/${proposal.incident_id}`);
    const card = page.locator(`llm-ops-incident-detail article[data-proposal="${proposal.id}"]`);
    await poll(() => card.locator('button[data-action=approve]').count()).toBe(1);
    const shown = (await card.innerText()).replace(/\s+/g, ' ');
    expect(shown).toContain(
      `Switch off plug Fault Lab Plug (${PLUG}) for 10 s, then on, to restart device Fault Lab Appliance.`,
    );
    // Nothing is switched before someone approves.
    expect(await stateOf(env, PLUG)).toBe('on');
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({
      path: join(DOCS_IMAGES, 'panel-power-cycle.png'),
      animations: 'disabled',
    });

    await card.locator('button[data-action=approve]').click();
    const dialog = page.locator('llm-ops-incident-detail dialog.confirm');
    await poll(() => dialog.isVisible()).toBe(true);
    await dialog.locator('button[data-confirm]').click();
    await poll(() => card.locator('.chip[data-status]').first().innerText(), 120_000).toMatch(
      /Succeeded/,
    );
    expect(await stateOf(env, PLUG)).toBe('on');
    expect(Number(await stateOf(env, APPLIANCE_BOOTS))).toBe(bootsBefore + 1);
    await poll(
      () => page.locator('llm-ops-incident-detail .status[data-status]').innerText(),
      60_000,
    ).toBe('Resolved');
  }, 300_000);

  it('shows a log flood as one incident that proposes quieting its logger', async () => {
    // Home Assistant warns about a module once per run: a logger of this test's own.
    const name = `flood_${Date.now().toString(36)}`;
    const logger = `custom_components.fault_lab.${name}`;
    await callService(env, 'fault_lab', 'flood', { logger: name, count: 400 });
    const proposal = await pending('quiet_logger', 'a quiet_logger proposal');
    expect(proposal.params).toEqual({ logger, level: 'error' });

    await page.goto(`${env.HA_URL}/llm-ops/incident/${proposal.incident_id}`);
    const detail = page.locator('llm-ops-incident-detail');
    await poll(() => detail.locator('#incident-title').innerText()).toBe(
      `${logger} floods the log`,
    );
    const card = detail.locator(`article[data-proposal="${proposal.id}"]`);
    await poll(() => card.locator('button[data-action=approve]').count()).toBe(1);
    expect((await card.innerText()).replace(/\s+/g, ' ')).toContain(logger);
    await page.screenshot({
      path: join(DOCS_IMAGES, 'panel-log-flood.png'),
      animations: 'disabled',
    });
  });
});
