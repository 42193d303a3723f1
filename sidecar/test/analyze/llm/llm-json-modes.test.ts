/**
 * The LLM analyzer against endpoints without structured output: the JSON modes it steps
 * down to (auto) or keeps (chosen), with the fake endpoint taking only some formats.
 */
import { describe, expect, it } from 'vitest';
import { ANSWER_JSON_SCHEMA } from '../../../src/analyze/llm/schema.js';
import { candidate, messagesOf, validAnswer } from '../../../../tests/harness/fake-openai.js';
import { analyze, fake, firstRequest, setup, useFakeEndpoint } from './fake-endpoint.js';
import { ENTRY_ID } from './helpers.js';

useFakeEndpoint();

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
