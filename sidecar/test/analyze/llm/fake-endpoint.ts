/**
 * The fake OpenAI-compatible endpoint of the LLM analyzer tests, and an analyzer on it over
 * a real journal: `useFakeEndpoint()` starts the endpoint for a test file and resets its
 * script before each test; `fake` is that endpoint.
 */
import type { RcaResult } from '@ha-llm-ops/contracts';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { LlmAnalyzer, type LlmAnalyzerOptions } from '../../../src/analyze/llm/llm-analyzer.js';
import { OpenAiBackend } from '../../../src/analyze/llm/openai-backend.js';
import type { IncidentRecord } from '../../../src/journal/journal.js';
import { createLogger } from '../../../src/log.js';
import type { LlmJsonMode } from '../../../src/shared/llm-settings.js';
import { startFakeOpenAi, type FakeOpenAi } from '../../../../tests/harness/fake-openai.js';
import { bundleOf, ENTRY_ID, llmJournal, offlineFinding } from './helpers.js';

/** The endpoint of the running test file (set once `useFakeEndpoint`'s hooks ran). */
export let fake: FakeOpenAi;

/** Start the endpoint before the file's tests, reset it before each, close it after them. */
export function useFakeEndpoint(): void {
  beforeAll(async () => {
    fake = await startFakeOpenAi();
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());
}

/** An analyzer on the endpoint, its journal and log, and incidents to analyze. */
export function setup(
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
export function firstRequest() {
  const request = fake.requests[0];
  if (!request) throw new Error('the fake endpoint was not asked');
  return request;
}

/** Analyze an incident with its bundle, the offline finding standing by. */
export const analyze = (
  a: LlmAnalyzer,
  incident: IncidentRecord,
  offline: RcaResult | null = offlineFinding(),
) => a.analyze(incident, bundleOf(incident), offline);
