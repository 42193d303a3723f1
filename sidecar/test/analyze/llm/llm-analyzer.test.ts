/**
 * The LLM analyzer with the real `openai` SDK against the fake endpoint and a
 * real journal: answers, repairs, fallbacks, cache, budget, cost, few-shot.
 */
import { RcaResult } from '@ha-llm-ops/contracts';
import * as v from 'valibot';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLlmAnalyzer } from '../../../src/analyze/llm/index.js';
import { LlmAnalyzer, type LlmAnalyzerOptions } from '../../../src/analyze/llm/llm-analyzer.js';
import { OpenAiBackend } from '../../../src/analyze/llm/openai-backend.js';
import { ANSWER_JSON_SCHEMA } from '../../../src/analyze/llm/schema.js';
import { type LlmJsonMode, loadLlmSettings } from '../../../src/shared/llm-settings.js';
import type { IncidentRecord } from '../../../src/journal/journal.js';
import { createLogger } from '../../../src/log.js';
import {
  ADVERSARIAL_TEXT,
  adversarialAnswer,
  candidate,
  messagesOf,
  startFakeOpenAi,
  truncatedAnswer,
  validAnswer,
  type FakeOpenAi,
} from '../../../../tests/harness/fake-openai.js';
import { bundleOf, ENTRY_ID, llmJournal, offlineFinding } from './helpers.js';
import { parseKnowledge } from '../../../src/shared/knowledge.js';

let fake: FakeOpenAi;

beforeAll(async () => {
  fake = await startFakeOpenAi();
});

afterAll(() => fake.close());

beforeEach(() => fake.reset());

function setup(
  over: {
    callsPerHour?: number;
    timeoutS?: number;
    model?: string;
    jsonMode?: LlmJsonMode;
    knowledge?: LlmAnalyzerOptions['knowledge'];
  } = {},
) {
  const j = llmJournal();
  const logs: string[] = [];
  const make = (model = over.model ?? 'gpt-test') =>
    new LlmAnalyzer({
      backend: new OpenAiBackend({
        baseUrl: fake.url,
        model,
        apiKey: fake.apiKey,
        timeoutS: over.timeoutS ?? 10,
        jsonMode: over.jsonMode,
        log: createLogger('debug', (l) => logs.push(l)),
      }),
      calls: j.calls,
      callsPerHour: over.callsPerHour ?? 20,
      costPerMtok: { input: 2, output: 8 },
      log: createLogger('debug', (l) => logs.push(l)),
      now: j.clock.now,
      knowledge: over.knowledge,
    });
  /** An incident of fault_lab; another entry makes another incident. */
  const incident = (
    message = 'Timeout while connecting to Fault Lab hub at [IP_1]',
    entryId = ENTRY_ID,
  ) => j.open({ entry_id: entryId, message });
  return { ...j, logs, analyzer: make(), make, incident };
}

/** The first request the fake endpoint received. */
function firstRequest() {
  const request = fake.requests[0];
  if (!request) throw new Error('the fake endpoint was not asked');
  return request;
}

const analyze = (
  a: LlmAnalyzer,
  incident: IncidentRecord,
  offline: RcaResult | null = offlineFinding(),
) => a.analyze(incident, bundleOf(incident), offline);

describe('LlmAnalyzer with an OpenAI-compatible endpoint', () => {
  it('returns a schema-valid analysis; the request carried the strict schema and quoted the log', async () => {
    const s = setup();
    fake.script({
      answer: validAnswer({
        candidate_actions: [candidate('reload_config_entry', { entry_id: ENTRY_ID })],
      }),
      usage: { prompt_tokens: 1000, completion_tokens: 500 },
    });
    const incident = s.incident();
    const rca = await analyze(s.analyzer, incident);
    expect(rca && v.is(RcaResult, rca)).toBe(true);
    expect(rca).toMatchObject({
      analyzer: 'llm',
      signature: null,
      remedy: 'reload_config_entry',
      evidence_refs: ['log:0', 'entry'],
      candidate_actions: [{ action_id: 'reload_config_entry', params: { entry_id: ENTRY_ID } }],
    });

    const request = firstRequest();
    expect(request.headers.authorization).toBe(`Bearer ${fake.apiKey}`);
    expect(request.body.model).toBe('gpt-test');
    expect(request.body.response_format).toEqual({
      type: 'json_schema',
      json_schema: { name: 'incident_analysis', strict: true, schema: ANSWER_JSON_SCHEMA },
    });
    const { system, user } = messagesOf(request);
    expect(system).toMatch(/UNTRUSTED DATA/);
    expect(user).toMatch(
      /<<<DATA-[0-9a-f]{16}\n\{.*Timeout while connecting.*\}\nDATA-[0-9a-f]{16}>>>/s,
    );

    // Tokens and cost, per incident: 1000 × 2 + 500 × 8 per million tokens.
    expect(s.calls.callsOf(incident.id)).toMatchObject([
      {
        backend: 'openai',
        model: 'gpt-test',
        prompt_tokens: 1000,
        completion_tokens: 500,
        outcome: 'valid',
        dropped_actions: 0,
      },
    ]);
    expect(s.calls.usageOf(incident.id)).toEqual({
      calls: 1,
      prompt_tokens: 1000,
      completion_tokens: 500,
      cost: 0.006,
      latency_ms: expect.any(Number),
    });
    expect(s.calls.callsOf(incident.id)[0]?.latency_ms).toEqual(expect.any(Number));
  });

  it('drops (and counts) actions off the allow-list in an adversarial answer', async () => {
    const s = setup();
    fake.script({ answer: adversarialAnswer('01JFOREIGN000000000000000AB') });
    const incident = s.incident(`${ADVERSARIAL_TEXT} with restart_core`);
    const rca = await analyze(s.analyzer, incident);
    expect(rca?.candidate_actions.map((c) => c.action_id)).toEqual([
      'reload_config_entry',
      'restart_core',
    ]);
    expect(s.calls.callsOf(incident.id)).toMatchObject([
      {
        outcome: 'valid',
        dropped_actions: 3,
        detail: expect.stringMatching(/call_service, supervisor\/api, host_reboot.*1 malformed/),
      },
    ]);
    expect(s.logs.join('')).toMatch(/off the allow-list .*\(dropped\): call_service/);
  });

  it('repairs once: the refused answer and the reason go back, the second answer stands', async () => {
    const s = setup();
    fake.script(
      { content: '{"summary": "broken", "category": "gremlins"' },
      { answer: validAnswer({ summary: 'repaired' }) },
    );
    const incident = s.incident();
    const rca = await analyze(s.analyzer, incident);
    expect(rca?.summary).toBe('repaired');
    expect(fake.requests).toHaveLength(2);
    const second = fake.requests[1]?.body.messages ?? [];
    expect(second.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(second[2]?.content).toBe('{"summary": "broken", "category": "gremlins"');
    expect(second[3]?.content).toMatch(/refused: the answer is not valid JSON/);
    expect(s.calls.callsOf(incident.id).map((c) => c.outcome)).toEqual(['invalid', 'repaired']);
  });

  it('sends the validation error back when the JSON parses but does not fit', async () => {
    const s = setup();
    fake.script({ answer: validAnswer({ category: 'gremlins' }) }, { answer: validAnswer() });
    await analyze(s.analyzer, s.incident());
    expect(fake.requests[1]?.body.messages[3]?.content).toMatch(/category: Invalid type/);
  });

  it.each([
    ['garbage twice', [{ content: 'I think the hub is broken.' }, { content: '¯\\_(ツ)_/¯' }]],
    [
      'truncated twice',
      [
        { content: truncatedAnswer(), finishReason: 'length' as const },
        { content: truncatedAnswer() },
      ],
    ],
    ['a refusal, then garbage', [{ refusal: 'I cannot help with that.' }, { content: '{}' }]],
  ])('falls back to the offline result after %s', async (_what, replies) => {
    const s = setup();
    fake.script(...replies);
    const offline = offlineFinding();
    const incident = s.incident();
    expect(await analyze(s.analyzer, incident, offline)).toBe(offline);
    expect(fake.requests).toHaveLength(2);
    expect(s.calls.callsOf(incident.id).map((c) => c.outcome)).toEqual(['invalid', 'invalid']);
    expect(s.logs.join('')).toMatch(/the offline analysis stands/);
  });

  it('falls back on a timeout and on server errors, without retrying', async () => {
    const s = setup({ timeoutS: 1 });
    fake.script({ answer: validAnswer(), delayMs: 2500 });
    const slow = s.incident();
    const offline = offlineFinding();
    expect(await analyze(s.analyzer, slow, offline)).toBe(offline);
    expect(s.calls.callsOf(slow.id)).toMatchObject([
      { outcome: 'timeout', prompt_tokens: 0, cost: 0 },
    ]);

    fake.script({ status: 500, message: 'The server had an error (500)' });
    const broken = s.incident('another failure', 'e-2');
    expect(await analyze(s.analyzer, broken, null)).toBeNull();
    expect(s.calls.callsOf(broken.id)).toMatchObject([
      { outcome: 'error', detail: expect.stringMatching(/500/) },
    ]);
    expect(fake.requests).toHaveLength(2);
  });

  it('caches by fingerprint (per backend and model); refresh asks again', async () => {
    const s = setup();
    const incident = s.incident();
    const first = await analyze(s.analyzer, incident);
    expect(await analyze(s.analyzer, incident)).toEqual(first);
    expect(fake.requests).toHaveLength(1);
    // A new incident of the same failure (same fingerprint) is answered from the cache,
    // citing its own evidence.
    expect(
      await s.analyzer.analyze({ ...incident, id: 'inc_other' }, bundleOf(incident), null),
    ).toEqual({ ...first, evidence_refs: [] });
    expect(fake.requests).toHaveLength(1);

    await s.analyzer.analyze(incident, bundleOf(incident), offlineFinding(), { refresh: true });
    expect(fake.requests).toHaveLength(2);
    await analyze(s.make('another-model'), incident);
    expect(fake.requests).toHaveLength(3);
    // After a week the answer is stale.
    s.clock.advance(8 * 86_400);
    await analyze(s.analyzer, incident);
    expect(fake.requests).toHaveLength(4);
  });

  it('shares one exchange between concurrent requests for one fingerprint', async () => {
    const s = setup();
    fake.script({ answer: validAnswer(), delayMs: 200 });
    const incident = s.incident();
    const [a, b] = await Promise.all([
      analyze(s.analyzer, incident),
      analyze(s.analyzer, incident),
    ]);
    expect(a).toEqual(b);
    expect(fake.requests).toHaveLength(1);
  });

  it('a refresh during an exchange (newer evidence) waits for it, then asks again', async () => {
    const s = setup();
    fake.script(
      { answer: validAnswer({ summary: 'first' }), delayMs: 200 },
      { answer: validAnswer({ summary: 'second' }) },
    );
    const incident = s.incident();
    const first = analyze(s.analyzer, incident);
    const second = s.analyzer.analyze(incident, bundleOf(incident), offlineFinding(), {
      refresh: true,
    });
    expect((await first)?.summary).toBe('first');
    expect((await second)?.summary).toBe('second');
    expect(fake.requests).toHaveLength(2);
    // The newer answer is the cached one.
    expect((await analyze(s.analyzer, incident))?.summary).toBe('second');
  });

  it('keeps to the hourly budget, counted in the journal across restarts', async () => {
    const s = setup({ callsPerHour: 2 });
    await analyze(s.analyzer, s.incident('failure one', 'e-1'));
    await analyze(s.analyzer, s.incident('failure two', 'e-2'));
    const third = s.incident('failure three', 'e-3');
    const offline = offlineFinding();
    expect(await analyze(s.analyzer, third, offline)).toBe(offline);
    expect(fake.requests).toHaveLength(2);
    expect(s.logs.join('')).toMatch(/budget of 2 calls per hour is used up/);
    // A restarted analyzer (same journal) still sees the budget spent.
    expect(await analyze(s.make(), third, offline)).toBe(offline);
    expect(fake.requests).toHaveLength(2);
    s.clock.advance(3601);
    expect((await analyze(s.analyzer, third, offline))?.analyzer).toBe('llm');
    expect(fake.requests).toHaveLength(3);
  });

  it('counts a repair against the budget: with one call left there is no repair', async () => {
    const s = setup({ callsPerHour: 1 });
    fake.script({ content: 'not json' });
    const offline = offlineFinding();
    expect(await analyze(s.analyzer, s.incident(), offline)).toBe(offline);
    expect(fake.requests).toHaveLength(1);
  });

  it('without evidence there is nothing to ask', async () => {
    const s = setup();
    const offline = offlineFinding();
    expect(await s.analyzer.analyze(s.incident(), null, offline)).toBe(offline);
    expect(fake.requests).toHaveLength(0);
  });

  it('learns from the journal: verified fixes of the same integration, then category, as examples', async () => {
    const s = setup();
    const analysis = (root_cause: string) => offlineFinding({ root_cause });
    // Fixed and verified: the same integration (older), another integration of the same category (newer).
    s.fixed(
      s.incident('old fault_lab retry'),
      'reload_config_entry',
      { entry_id: ENTRY_ID },
      'succeeded',
      analysis('The hub rebooted.'),
    );
    s.clock.advance(60);
    s.fixed(
      s.open({ integration: 'hue', entry_id: 'e-hue', message: 'hue bridge retry' }),
      'reload_config_entry',
      { entry_id: 'e-hue' },
      'succeeded',
      analysis('The bridge was offline.'),
    );
    s.clock.advance(60);
    // Not examples: a failed fix, another category, an incident still open.
    s.fixed(s.incident('fault_lab failed fix', 'e-failed'), 'restart_core', {}, 'failed');
    s.fixed(
      s.open({ integration: 'mqtt', entry_id: 'e-mqtt', message: 'broker auth failed' }),
      'start_reauth',
      { entry_id: 'e-mqtt' },
      'succeeded',
      offlineFinding({ category: 'auth_expired' }),
    );

    const incident = s.incident(
      'Timeout while connecting to Fault Lab hub at [IP_1] again',
      'e-now',
    );
    await analyze(s.analyzer, incident);
    const { user } = messagesOf(firstRequest());
    const examples = /<<<EXAMPLES-[0-9a-f]+\n(.*)\nEXAMPLES-/.exec(user)?.[1];
    expect(JSON.parse(examples ?? '[]')).toEqual([
      expect.objectContaining({
        integration: 'fault_lab',
        root_cause: 'The hub rebooted.',
        verified: 'succeeded',
      }),
      expect.objectContaining({ integration: 'hue', root_cause: 'The bridge was offline.' }),
    ]);
    expect(
      s.calls
        .verifiedFixes({
          integration: 'zwave',
          category: 'auth_expired',
          excludeIncidentId: incident.id,
          limit: 3,
        })
        .map((f) => f.integration),
    ).toEqual(['mqtt']);
  });
});

describe('endpoints without structured output (JSON modes)', () => {
  const reload = () =>
    validAnswer({ candidate_actions: [candidate('reload_config_entry', { entry_id: ENTRY_ID })] });
  const formatsAsked = () => fake.requests.map((r) => r.body.response_format?.type ?? 'text');

  it('auto: a server without json_schema gets JSON mode with the schema in the prompt, from then on', async () => {
    const s = setup();
    fake.formats = ['json_object', 'text'];
    fake.respond = () => ({ answer: reload() });
    const first = await analyze(s.analyzer, s.incident());
    expect(first).toMatchObject({
      analyzer: 'llm',
      candidate_actions: [{ action_id: 'reload_config_entry' }],
    });
    const { system } = messagesOf(fake.requests[1] ?? firstRequest());
    expect(system).toContain(JSON.stringify(ANSWER_JSON_SCHEMA));
    // The next incident is asked in JSON mode straight away.
    await analyze(s.analyzer, s.incident('Another failure', 'another-entry'));
    expect(formatsAsked()).toEqual(['json_schema', 'json_object', 'json_object']);
    expect(s.logs.join('\n')).toMatch(/does not take json_schema output.*json_object from now on/);
  });

  it('auto: a server that takes no response_format at all is asked by the prompt alone', async () => {
    const s = setup();
    fake.formats = ['text'];
    // A local model likes a fence around its JSON; the same check reads it.
    fake.respond = () => ({ content: `\`\`\`json\n${JSON.stringify(reload())}\n\`\`\`` });
    const rca = await analyze(s.analyzer, s.incident());
    expect(rca?.candidate_actions.map((c) => c.action_id)).toEqual(['reload_config_entry']);
    expect(formatsAsked()).toEqual(['json_schema', 'json_object', 'text']);
    expect(messagesOf(fake.requests[2] ?? firstRequest()).system).toContain('JSON Schema');
  });

  it('the prompt alone gets the same check: an answer off the schema is repaired, then dropped', async () => {
    const s = setup({ jsonMode: 'prompt' });
    fake.script({ content: '{"summary": "no other keys"}' }, { content: 'still not it' });
    const rca = await analyze(s.analyzer, s.incident());
    expect(rca).toMatchObject({ analyzer: 'offline' });
    expect(formatsAsked()).toEqual(['text', 'text']);
  });

  it('auto: an endpoint finding our schema invalid is an error to fix, not a reason to step down', async () => {
    const s = setup();
    fake.script({
      status: 400,
      param: 'response_format',
      message:
        "Invalid schema for response_format 'rca': In context=(), 'additionalProperties' is required to be supplied and to be false.",
    });
    const rca = await analyze(s.analyzer, s.incident());
    expect(rca).toMatchObject({ analyzer: 'offline' });
    expect(formatsAsked()).toEqual(['json_schema']);
    // The next incident is asked with the strict schema again.
    fake.respond = () => ({ answer: reload() });
    await analyze(s.analyzer, s.incident('Another failure', 'another-entry'));
    expect(formatsAsked()).toEqual(['json_schema', 'json_schema']);
  });

  it('a chosen mode is kept: json_schema refused is an error, not a step down', async () => {
    const s = setup({ jsonMode: 'json_schema' });
    fake.formats = ['json_object', 'text'];
    const rca = await analyze(s.analyzer, s.incident());
    expect(rca).toMatchObject({ analyzer: 'offline' });
    expect(formatsAsked()).toEqual(['json_schema']);
  });

  it('json_object chosen: asked in JSON mode from the first call', async () => {
    const s = setup({ jsonMode: 'json_object' });
    fake.respond = () => ({ answer: reload() });
    const rca = await analyze(s.analyzer, s.incident());
    expect(rca?.analyzer).toBe('llm');
    expect(formatsAsked()).toEqual(['json_object']);
  });
});

describe('createLlmAnalyzer', () => {
  it('builds nothing for none, the OpenAI backend for openai, ai_task for ai_task', () => {
    const j = llmJournal();
    const deps = { db: j.journal.db, connection: () => undefined, log: createLogger('error') };
    expect(createLlmAnalyzer({ ...deps, settings: loadLlmSettings({}) })).toBeNull();
    const openai = createLlmAnalyzer({
      ...deps,
      settings: loadLlmSettings({
        LLM_OPS_LLM_BACKEND: 'openai',
        LLM_OPS_LLM_BASE_URL: fake.url,
        LLM_OPS_LLM_MODEL: 'llama3.1',
      }),
    });
    expect(openai?.label).toBe('openai (llama3.1)');
    const aiTask = createLlmAnalyzer({
      ...deps,
      settings: loadLlmSettings({
        LLM_OPS_LLM_BACKEND: 'ai_task',
        LLM_OPS_LLM_AI_TASK_ENTITY: 'ai_task.fault_lab_ai',
      }),
    });
    expect(aiTask?.label).toBe('ai_task (ai_task.fault_lab_ai)');
  });

  it('talks to a keyless local endpoint through the factory', async () => {
    const local = await startFakeOpenAi({ apiKey: 'no-key' });
    try {
      const j = llmJournal();
      const analyzer = createLlmAnalyzer({
        db: j.journal.db,
        connection: () => undefined,
        log: createLogger('error'),
        settings: loadLlmSettings({
          LLM_OPS_LLM_BACKEND: 'openai',
          LLM_OPS_LLM_BASE_URL: local.url,
          LLM_OPS_LLM_MODEL: 'llama3.1',
        }),
      });
      const incident = j.open({ entry_id: ENTRY_ID });
      const rca = await analyzer?.analyze(incident, bundleOf(incident), null);
      expect(rca?.analyzer).toBe('llm');
      expect(local.requests).toHaveLength(1);
    } finally {
      await local.close();
    }
  });

  it('shows local rules as examples too: matching ones first, redacted, within the budget', async () => {
    const rules = parseKnowledge(`
rules:
  - id: hub
    match: 'Timeout while connecting to Fault Lab hub'
    integration: fault_lab
    category: device_unavailable
    remedy: check_network_or_device
    root_cause: 'The hub at 192.168.7.7 reboots at night.'
    actions: [reload_config_entry]
  - id: elsewhere
    match: 'timeout'
    integration: hue
    category: network_unreachable
    remedy: notify_only
  - id: unrelated
    match: 'disk full'
    category: database
    remedy: free_disk_or_repair_db
`);
    const s = setup({ knowledge: { rules: () => rules, redact: {} } });
    fake.script({ answer: validAnswer() });
    await analyze(s.analyzer, s.incident());
    const { user } = messagesOf(firstRequest());
    expect(user).toMatch(/Local rules of this home/);
    const shown = user
      .split('\n')
      .filter((l) => l.startsWith('[{') && l.includes('"pattern"'))
      .flatMap((l) => JSON.parse(l) as { pattern: string; root_cause?: string }[]);
    expect(shown.map((r) => r.pattern)).toEqual(['Timeout while connecting to Fault Lab hub']);
    expect(shown[0]?.root_cause).toMatch(/^The hub at \[IP_\w+\] reboots at night\.$/);
    expect(user).not.toContain('192.168.7.7');
  });
});
