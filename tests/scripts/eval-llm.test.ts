/**
 * `npm run eval -- --llm` against the fake OpenAI-compatible server (the real
 * `openai` SDK over HTTP): each case goes through the sidecar's journal,
 * correlator, redacted bundle and LLM analyzer, and is scored with tokens, cost
 * and latency. The fake answers `setup_retry` / `check_network_or_device` for
 * everything, so exactly the cases labelled so are right.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLlmSettings } from '../../sidecar/src/analyze/llm/index.js';
import { loadFaults, REPO } from '../../scripts/eval/corpus.js';
import { evaluateLlm } from '../../scripts/eval/llm.js';
import { startFakeOpenAi, validAnswer, type FakeOpenAi } from '../harness/fake-openai.js';

let fake: FakeOpenAi;
const ANSWER = validAnswer({ category: 'setup_retry', remedy: 'check_network_or_device' });

beforeAll(async () => {
  fake = await startFakeOpenAi({ respond: () => ({ answer: ANSWER }) });
});
afterAll(() => fake?.close());

const env = () => ({
  LLM_OPS_LLM_BACKEND: 'openai',
  LLM_OPS_LLM_BASE_URL: fake.url,
  LLM_OPS_LLM_MODEL: 'fake-model',
  LLM_OPS_LLM_API_KEY: fake.apiKey,
  LLM_OPS_LLM_CALLS_PER_HOUR: '1000',
  LLM_OPS_LLM_COST_INPUT_PER_MTOK: '1',
  LLM_OPS_LLM_COST_OUTPUT_PER_MTOK: '2',
});

/** A few cases of varied labels, one of them setup_retry / check_network_or_device. */
function sample() {
  const all = loadFaults();
  const right = all.find(
    (c) => c.category === 'setup_retry' && c.remedy === 'check_network_or_device',
  );
  const others = all.filter((c) => c.category !== 'setup_retry').slice(0, 3);
  if (!right) throw new Error('the corpus has no setup_retry / check_network_or_device case');
  return [right, ...others];
}

describe('the LLM analyzer measured on the corpus', () => {
  it('scores the model through the sidecar path, with tokens, cost and latency', async () => {
    fake.reset();
    fake.respond = () => ({ answer: ANSWER });
    const cases = sample();
    const e = await evaluateLlm(cases, loadLlmSettings(env()));
    expect(e.backend).toBe('openai (fake-model)');
    expect(e.totals.cases).toBe(cases.length);
    expect(e.totals.fell_back).toBe(0);
    expect(e.cases.map((r) => r.category)).toEqual([true, false, false, false]);
    expect(e.cases.map((r) => r.remedy)).toEqual(
      cases.map((c) => c.remedy === 'check_network_or_device'),
    );
    for (const r of e.cases) {
      expect(r.prompt_tokens).toBeGreaterThan(0);
      expect(r.completion_tokens).toBeGreaterThan(0);
      expect(r.cost).toBeGreaterThan(0);
    }
    expect(e.totals.prompt_tokens).toBe(e.cases.reduce((n, r) => n + r.prompt_tokens, 0));
    // One request per case, each carrying that case's (redacted) evidence.
    expect(fake.requests).toHaveLength(cases.length);
    const words = (cases[0]?.log ?? '').match(/[A-Za-z]{6,}/g) ?? [];
    expect(words.length).toBeGreaterThan(0);
    const prompt = JSON.stringify(fake.requests[0]?.body.messages);
    expect(words.filter((w) => prompt.includes(w)).length).toBeGreaterThan(words.length / 2);
  });

  it('counts a model that answers garbage as falling back to the offline analysis', async () => {
    fake.reset();
    fake.respond = () => ({ content: 'not json at all' });
    const cases = sample().slice(0, 2);
    const e = await evaluateLlm(cases, loadLlmSettings(env()));
    expect(e.totals.fell_back).toBe(2);
    // The offline analysis stands: its category, not the fake's.
    expect(e.cases.every((r) => r.got === null || r.got.signature !== null)).toBe(true);
  });

  it('runs as `npm run eval -- --llm --json` with the settings the sidecar reads', async () => {
    fake.reset();
    fake.respond = () => ({ answer: ANSWER });
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--conditions=@ha-llm-ops/source',
        '--import',
        'tsx',
        join(REPO, 'scripts/eval/run.ts'),
        '--llm',
        '--json',
      ],
      {
        cwd: REPO,
        env: { ...process.env, ...env() },
        maxBuffer: 64 * 1024 * 1024,
        timeout: 600_000,
      },
    );
    const e = JSON.parse(stdout) as {
      backend: string;
      totals: { cases: number; fell_back: number };
      cases: { part: string }[];
    };
    expect(e.backend).toBe('openai (fake-model)');
    expect(e.totals.cases).toBe(loadFaults().length);
    expect(e.totals.fell_back).toBe(0);
    // Case by case for the working part only: the held-out part is looked at as totals.
    expect(e.cases.every((r) => r.part === 'working')).toBe(true);
  }, 600_000);
});
