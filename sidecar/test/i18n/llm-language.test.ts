/**
 * The model answers in Home Assistant's language: the request asks for it, and a cached answer
 * is reused only in the language it was written in (English answers keep their cache).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LlmAnalyzer } from '../../src/analyze/llm/llm-analyzer.js';
import { OpenAiBackend } from '../../src/analyze/llm/openai-backend.js';
import { createLogger } from '../../src/log.js';
import {
  messagesOf,
  startFakeOpenAi,
  type FakeOpenAi,
} from '../../../tests/harness/fake-openai.js';
import { bundleOf, ENTRY_ID, llmJournal, offlineFinding } from '../analyze/llm/helpers.js';

let fake: FakeOpenAi;
beforeAll(async () => {
  fake = await startFakeOpenAi();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

describe('the LLM analyzer', () => {
  it('asks in the current language and caches each language’s answer apart', async () => {
    const j = llmJournal();
    let language = 'en';
    const analyzer = new LlmAnalyzer({
      backend: new OpenAiBackend({
        baseUrl: fake.url,
        model: 'gpt-test',
        apiKey: fake.apiKey,
        timeoutS: 10,
        log: createLogger('error'),
      }),
      calls: j.calls,
      callsPerHour: 20,
      costPerMtok: { input: 2, output: 8 },
      log: createLogger('error'),
      now: j.clock.now,
      language: () => language,
    });
    const incident = j.open({ entry_id: ENTRY_ID, message: 'Timeout while connecting' });
    const analyze = () => analyzer.analyze(incident, bundleOf(incident), offlineFinding());

    await analyze();
    expect(fake.requests).toHaveLength(1);
    expect(messagesOf(must(fake.requests[0])).user).not.toMatch(/German/);
    await analyze();
    expect(fake.requests).toHaveLength(1); // English from the cache

    language = 'de';
    await analyze();
    expect(fake.requests).toHaveLength(2); // the English answer is not reused
    expect(messagesOf(must(fake.requests[1])).user).toMatch(/in German \(Deutsch\)/);
    await analyze();
    expect(fake.requests).toHaveLength(2); // the German one is

    language = 'en';
    await analyze();
    expect(fake.requests).toHaveLength(2); // and the English one still is
  });
});

function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('expected a request');
  return value;
}
