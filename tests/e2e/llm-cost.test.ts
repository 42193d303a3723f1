/**
 * What the LLM costs, end to end: the real sidecar process (`ha-llm-ops run`)
 * watching the dev HA and asking the fake OpenAI-compatible endpoint, with
 * prices and a monthly cost cap set as the add-on options set them. Each
 * incident's tokens, cost and latency are in its detail over the HTTP API; once
 * the month's recorded cost reaches the cap the model is not asked again (the
 * offline analysis stands) and the status says why.
 */
import type { IncidentDetail, IncidentPage, Status } from '@ha-llm-ops/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAi, validAnswer, type FakeOpenAi } from '../harness/fake-openai.js';
import { readHaEnv, type HaEnv } from '../harness/ha-dev.js';
import { callService, configEntries, eventually, haRest } from '../harness/ha-rest.js';
import { startSidecar, type SidecarProcess } from '../harness/sidecar.js';

// Every answer reports 100 000 + 25 000 tokens: at 0.4 and 1.6 per million, 0.04 + 0.04.
const COST_PER_CALL = 0.08;
const CAP = 0.05;

let env: HaEnv;
let entryId: string;
let fake: FakeOpenAi;
let sidecar: SidecarProcess;

async function api<T>(path: string): Promise<T> {
  const res = await fetch(`${sidecar.url}/api${path}`, {
    headers: { authorization: `Bearer ${sidecar.token}` },
  });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status}`);
  return (await res.json()) as T;
}

async function details(): Promise<IncidentDetail[]> {
  const { items } = await api<IncidentPage>('/incidents?limit=100');
  return Promise.all(items.map((i) => api<IncidentDetail>(`/incidents/${i.id}`)));
}

async function setFault(mode: string, reload: boolean): Promise<void> {
  await callService(env, 'fault_lab', 'set_fault', { mode });
  if (reload) await haRest(env, 'POST', `/api/config/config_entries/entry/${entryId}/reload`);
}

beforeAll(async () => {
  env = readHaEnv();
  const [entry] = await configEntries(env, 'fault_lab');
  if (!entry) throw new Error('fault_lab has no config entry');
  entryId = entry.entry_id;
  await setFault('none', true);
  await eventually(async () =>
    (await configEntries(env, 'fault_lab'))[0]?.state === 'loaded' ? true : undefined,
  );
  // Earlier suites left errors in HA's log; a fresh sidecar would (rightly) report them.
  await callService(env, 'system_log', 'clear');
  fake = await startFakeOpenAi({
    respond: () => ({
      answer: validAnswer(),
      usage: { prompt_tokens: 100_000, completion_tokens: 25_000 },
    }),
  });
  sidecar = await startSidecar({
    HA_URL: env.HA_URL,
    HA_TOKEN: env.HA_TOKEN,
    LLM_OPS_LOG_POLL_S: '2',
    LLM_OPS_LLM_BACKEND: 'openai',
    LLM_OPS_LLM_BASE_URL: fake.url,
    LLM_OPS_LLM_MODEL: 'gpt-fake',
    LLM_OPS_LLM_API_KEY: fake.apiKey,
    LLM_OPS_LLM_TIMEOUT_S: '20',
    LLM_OPS_LLM_COST_INPUT_PER_MTOK: '0.4',
    LLM_OPS_LLM_COST_OUTPUT_PER_MTOK: '1.6',
    LLM_OPS_LLM_MONTHLY_COST_CAP: String(CAP),
  });
  await sidecar.waitForLog(/watching Home Assistant/, 60_000);
}, 300_000);

afterAll(async () => {
  await sidecar?.stop();
  await fake?.close();
  if (env && entryId) await setFault('none', true);
}, 120_000);

describe('LLM cost per incident and the monthly cap (real sidecar process)', () => {
  it('records tokens, cost and latency per incident, then the cap stops further calls', async () => {
    // A failure: the sidecar analyzes it offline, then asks the model, which costs 0.08.
    // (The dev HA's own standing problems, reported at start, may be asked about first.)
    await setFault('log_error', false);
    const asked = await eventually(
      async () => (await details()).find((d) => d.llm_usage !== null),
      90_000,
      'an incident the model was asked about',
    );
    expect(asked.llm_usage).toMatchObject({
      calls: 1,
      prompt_tokens: 100_000,
      completion_tokens: 25_000,
    });
    expect(asked.llm_usage?.cost).toBeCloseTo(COST_PER_CALL, 9);
    expect(asked.llm_usage?.latency_ms).toEqual(expect.any(Number));

    // The month has cost more than the cap: the status says the LLM is paused, and why.
    // (Calls that were already under way when the first one was recorded count too.)
    const capped = await eventually(
      async () => {
        const { llm } = await api<Status>('/status');
        if (!llm) throw new Error('the status names no LLM, though one is configured');
        const recorded = Math.round(llm.cost_this_month / COST_PER_CALL);
        return recorded === fake.requests.length ? llm : undefined;
      },
      30_000,
      'every model call recorded',
    );
    const askedSoFar = fake.requests.length;
    expect(capped.paused).toBe('monthly_cost_cap');
    expect(capped.calls_left_this_hour).toBe(20 - askedSoFar);
    expect(Date.parse(capped.month_resets_at)).toBeGreaterThan(Date.now());

    // Asked to analyze the incident again (the panel's button): the offline analysis only.
    const refused = new RegExp(
      `no usable LLM analysis of ${asked.incident.id}; the offline analysis stands`,
      'g',
    );
    const refusedBefore = sidecar.output().match(refused)?.length ?? 0;
    const res = await fetch(`${sidecar.url}/api/incidents/${asked.incident.id}/reanalyze`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sidecar.token}` },
    });
    expect(res.status).toBe(200);
    await eventually(
      async () =>
        (sidecar.output().match(refused)?.length ?? 0) > refusedBefore ? true : undefined,
      60_000,
      'the analysis again, without the model',
    );
    expect(sidecar.output()).toMatch(/monthly cost cap of 0\.05 is reached/);
    // What the first call cost stays recorded with the incident.
    const again = await api<IncidentDetail>(`/incidents/${asked.incident.id}`);
    expect(again.llm_usage).toMatchObject({ calls: 1 });
    expect(again.llm_usage?.cost).toBeCloseTo(COST_PER_CALL, 9);
    // The model was not asked again once the cap was reached.
    expect(fake.requests).toHaveLength(askedSoFar);
  });
});
