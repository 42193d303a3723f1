/**
 * The model's endpoint in trouble (a fake OpenAI-compatible server, the real
 * SDK in the real sidecar process): too slow, garbage, a huge body, a server
 * error. Each time the log names the problem, the incident keeps its offline
 * analysis, and the sidecar keeps running.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  startFakeOpenAi,
  validAnswer,
  type FakeOpenAi,
  type FakeReply,
} from '../harness/fake-openai.js';
import { readHaEnv, type HaEnv } from '../harness/ha-dev.js';
import { callService, eventually } from '../harness/ha-rest.js';
import { startSidecar } from '../harness/sidecar.js';
import { figures } from './record.js';
import { api, countedOnce, failInHa, faultLabIncidents } from './support.js';

const RUNS = 2;
/** Bigger than any answer a model gives; the sidecar must not choke on it. */
const HUGE = 32 * 1024 * 1024;

let env: HaEnv;
let fake: FakeOpenAi;
const cleanup: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  env = readHaEnv();
  fake = await startFakeOpenAi();
});

afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
  fake.reset();
});

afterAll(() => fake?.close());

describe.each<{ fault: string; reply: () => FakeReply; outcome: string }>([
  { fault: 'slow', reply: () => ({ answer: validAnswer(), delayMs: 8000 }), outcome: 'timeout' },
  {
    fault: 'returning garbage',
    reply: () => ({ content: 'Sorry, as an AI I cannot produce JSON today.' }),
    outcome: 'invalid',
  },
  {
    fault: 'returning a huge body',
    reply: () => ({ content: `{"summary": "${'A'.repeat(HUGE)}"` }),
    outcome: 'invalid',
  },
  { fault: 'answering 500', reply: () => ({ status: 500 }), outcome: 'error' },
])('the model endpoint $fault', ({ reply, outcome }) => {
  it.each(Array.from({ length: RUNS }, (_, i) => i + 1))(
    `run %i: the log says ${outcome}, the incident keeps its offline analysis, the sidecar runs on`,
    async () => {
      await callService(env, 'system_log', 'clear');
      fake.respond = reply;
      const sidecar = await startSidecar({
        HA_URL: env.HA_URL,
        HA_TOKEN: env.HA_TOKEN,
        LLM_OPS_LOG_POLL_S: '1',
        LLM_OPS_LLM_BACKEND: 'openai',
        LLM_OPS_LLM_BASE_URL: fake.url,
        LLM_OPS_LLM_MODEL: 'gpt-fake',
        LLM_OPS_LLM_API_KEY: fake.apiKey,
        LLM_OPS_LLM_TIMEOUT_S: '2',
      });
      cleanup.push(() => sidecar.kill('SIGKILL'));
      await sidecar.waitForLog(/watching Home Assistant/, 60_000);
      const failed = Date.now();
      await failInHa(env, 1);
      const incident = await eventually(
        async () => (await faultLabIncidents(sidecar))[0],
        60_000,
        'the fault_lab incident',
      );
      const said = await sidecar.waitForLog(
        new RegExp(`LLM call for ${incident.id}: ${outcome}`),
        60_000,
      );
      expect(said[0]).toBeTruthy();
      const [, at] = await sidecar.waitForLog(
        new RegExp(
          `(\\d{4}-[\\d-]+T[\\d:.]+Z) .*no usable LLM analysis of ${incident.id}; the offline analysis stands`,
        ),
        60_000,
      );
      // Recovery: from the failure logged in HA until the sidecar logged that the offline
      // analysis stands for it.
      figures().recoverMs = Date.parse(at ?? '') - failed;
      const { body } = await api<{ analysis: { analyzer: string } | null }>(
        sidecar,
        'GET',
        `/api/incidents/${incident.id}`,
      );
      expect(body.analysis?.analyzer).toBe('offline');
      // The failure is one incident counting its one occurrence (lost, doubled into the figures).
      expect((await countedOnce(sidecar, 1)).id).toBe(incident.id);
      expect(sidecar.child.exitCode).toBeNull();
      expect((await api<{ status: string }>(sidecar, 'GET', '/api/health')).body.status).toBe('ok');
    },
  );
});
