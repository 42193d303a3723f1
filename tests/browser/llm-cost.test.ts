/**
 * What the LLM costs, in the real HA frontend: the llm_ops integration set up
 * (through HA's config flow) against a real sidecar process that asks the fake
 * OpenAI-compatible endpoint, with prices and a monthly cost cap. The incident
 * page shows the tokens, cost and latency of the incident's model calls; once
 * the cap is reached the panel says the LLM is paused and why, and the
 * integration's "LLM calls left this hour" sensor carries the same budget.
 * Screenshots go to test-results/screenshots; `UPDATE_DOCS_IMAGES=1` refreshes
 * the ones in docs/images.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, loginToHa, DOCS_IMAGES } from '../harness/browser.js';
import {
  messagesOf,
  startFakeOpenAi,
  validAnswer,
  type FakeOpenAi,
} from '../harness/fake-openai.js';
import { readHaEnv, type HaEnv } from '../harness/ha-dev.js';
import {
  addLlmOpsEntry,
  callService,
  configEntries,
  eventually,
  haRest,
  removeEntries,
} from '../harness/ha-rest.js';
import { startSidecar, type SidecarProcess } from '../harness/sidecar.js';
import { poll } from '../harness/poll.js';

const DESKTOP = { width: 1280, height: 800 };
const CALLS_LEFT = 'sensor.llm_ops_llm_calls_left_this_hour';

let env: HaEnv;
let faultEntry: string;
let fake: FakeOpenAi;
let sidecar: SidecarProcess;
let dataDir: string;
let browser: Browser;
let page: Page;
let incidentId: string;

async function setFault(mode: string, reload: boolean): Promise<void> {
  await callService(env, 'fault_lab', 'set_fault', { mode });
  if (reload) await haRest(env, 'POST', `/api/config/config_entries/entry/${faultEntry}/reload`);
}

async function sidecarApi<T>(path: string): Promise<T> {
  const res = await fetch(`${sidecar.url}/api${path}`, {
    headers: { authorization: `Bearer ${sidecar.token}` },
  });
  return (await res.json()) as T;
}

async function shot(name: string): Promise<void> {
  mkdirSync(DOCS_IMAGES, { recursive: true });
  const path = join(DOCS_IMAGES, `${name}.png`);
  await page.screenshot({ path, animations: 'disabled' });
  expect(statSync(path).size).toBeLessThan(1024 * 1024);
}

beforeAll(async () => {
  env = readHaEnv();
  await removeEntries(env, 'llm_ops');
  const [entry] = await configEntries(env, 'fault_lab');
  if (!entry) throw new Error('fault_lab has no config entry');
  faultEntry = entry.entry_id;
  await setFault('none', true);
  await eventually(async () =>
    (await configEntries(env, 'fault_lab'))[0]?.state === 'loaded' ? true : undefined,
  );
  await callService(env, 'system_log', 'clear');

  // The model answers about fault_lab's parse error with 12 400 + 850 tokens: at 2.5 and 10
  // per million, 0.031 + 0.0085. Asked about anything else (the dev HA's own standing
  // problems), it is busy: a failed call costs nothing, so the fault_lab incident gets its turn.
  fake = await startFakeOpenAi({
    respond: (req) =>
      messagesOf(req).user.includes('Error parsing reading')
        ? {
            answer: validAnswer({
              summary: 'Fault Lab’s hub sends readings the integration cannot parse',
              root_cause:
                'The hub answered with a reading fault_lab could not parse (“Error parsing reading from Fault Lab hub”); its firmware may send a format the integration does not know.',
              impact: 'The affected sensors keep their last value until a reading parses again.',
              confidence: 0.7,
              category: 'other',
              remedy: 'notify_only',
              tests: [
                { kind: 'no_new_matching_errors', description: 'The parse error does not recur.' },
              ],
              manual_steps: [
                'Compare the hub’s firmware version with what the integration supports.',
              ],
            }),
            usage: { prompt_tokens: 12_400, completion_tokens: 850 },
          }
        : { status: 503, message: 'The model is busy.' },
  });
  dataDir = mkdtempSync(join(tmpdir(), 'llm-ops-cost-browser-'));
  const policy = join(dataDir, 'policy.yaml');
  writeFileSync(policy, 'mode: approve\n');
  sidecar = await startSidecar({
    HA_URL: env.HA_URL,
    HA_TOKEN: env.HA_TOKEN,
    DATA_DIR: dataDir,
    LLM_OPS_POLICY: policy,
    LLM_OPS_EVENT_UPDATE_INTERVAL_S: '1',
    LLM_OPS_LOG_POLL_S: '2',
    LLM_OPS_LLM_BACKEND: 'openai',
    LLM_OPS_LLM_BASE_URL: fake.url,
    LLM_OPS_LLM_MODEL: 'gpt-fake',
    LLM_OPS_LLM_API_KEY: fake.apiKey,
    LLM_OPS_LLM_COST_INPUT_PER_MTOK: '2.5',
    LLM_OPS_LLM_COST_OUTPUT_PER_MTOK: '10',
    LLM_OPS_LLM_MONTHLY_COST_CAP: '0.03',
  });
  await sidecar.waitForLog(/watching Home Assistant/, 60_000);
  await addLlmOpsEntry(env, sidecar);
  await eventually(async () =>
    (await configEntries(env, 'llm_ops'))[0]?.state === 'loaded' ? true : undefined,
  );

  // A real failure the model is asked about; its one call takes the month past the cap.
  await setFault('log_error', false);
  incidentId = await eventually(
    async () => {
      const { items } = await sidecarApi<{ items: { id: string; integration: string | null }[] }>(
        '/incidents?limit=100&integration=fault_lab',
      );
      for (const { id } of items) {
        const d = await sidecarApi<{ llm_usage: { cost: number } | null }>(`/incidents/${id}`);
        if (d.llm_usage && d.llm_usage.cost > 0) return id;
      }
      return undefined;
    },
    90_000,
    'the fault_lab incident the model answered',
  );

  browser = await launchChromium();
  page = await browser.newPage({ viewport: DESKTOP, colorScheme: 'light' });
  await loginToHa(page, env);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  if (env) await removeEntries(env, 'llm_ops');
  await sidecar?.stop();
  await fake?.close();
  if (env && faultEntry) await setFault('none', true);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}, 240_000);

describe('LLM cost in the panel', () => {
  it('the incident page shows the tokens, cost and latency of its model calls', async () => {
    await page.goto(`${env.HA_URL}/llm-ops/incident/${incidentId}`);
    const usage = page.locator('llm-ops-incident-detail [data-field=llm-usage]');
    await usage.waitFor({ timeout: 60_000 });
    await usage.scrollIntoViewIfNeeded();
    expect(await usage.locator('[data-field=llm-calls]').innerText()).toBe('1');
    expect(await usage.locator('[data-field=llm-tokens]').innerText()).toMatch(
      /12,400 in · 850 out/,
    );
    expect(await usage.locator('[data-field=llm-cost]').innerText()).toMatch(/^0\.0395\b/);
    expect(await usage.locator('[data-field=llm-latency]').innerText()).toMatch(
      /^\d+(\.\d)? (ms|s|min)$/,
    );
    await shot('panel-detail-llm-usage');
  });

  it('the sensor carries the budget; the panel says the LLM is paused by the monthly cost cap', async () => {
    // The integration's view of the status (which the panel is given) has caught up first.
    await poll(async () => {
      const state = await haRest<{ state: string; attributes: Record<string, unknown> }>(
        env,
        'GET',
        `/api/states/${CALLS_LEFT}`,
      );
      return { state: state.state, paused: state.attributes.paused };
    }).toEqual({ state: String(20 - fake.requests.length), paused: 'monthly_cost_cap' });

    await page.goto(`${env.HA_URL}/llm-ops`);
    const banner = page.locator('llm-ops-panel [data-field=llm-paused]');
    await banner.waitFor({ timeout: 60_000 });
    expect(await banner.innerText()).toMatch(/monthly cost cap is reached.*offline analysis/s);
    expect(await page.locator('llm-ops-panel [data-field=llm-budget]').innerText()).toMatch(
      /of 20 calls left this hour · [\d.]+ this month of 0\.03/,
    );
    await shot('panel-llm-cost-cap');
  });
});
