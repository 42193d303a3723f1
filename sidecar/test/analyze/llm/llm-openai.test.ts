/**
 * The LLM analyzer with the real `openai` SDK against the fake endpoint and a real journal:
 * answers, what is dropped, repairs and fallbacks.
 */
import { RcaResult } from '@ha-llm-ops/contracts';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ANSWER_JSON_SCHEMA } from '../../../src/analyze/llm/schema.js';
import {
  ADVERSARIAL_TEXT,
  adversarialAnswer,
  candidate,
  messagesOf,
  truncatedAnswer,
  validAnswer,
} from '../../../../tests/harness/fake-openai.js';
import { analyze, fake, firstRequest, setup, useFakeEndpoint } from './fake-endpoint.js';
import { ENTRY_ID, offlineFinding } from './helpers.js';

useFakeEndpoint();

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

  it('without evidence there is nothing to ask', async () => {
    const s = setup();
    const offline = offlineFinding();
    expect(await s.analyzer.analyze(s.incident(), null, offline)).toBe(offline);
    expect(fake.requests).toHaveLength(0);
  });
});
