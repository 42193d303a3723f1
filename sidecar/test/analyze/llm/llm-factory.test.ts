/** createLlmAnalyzer: which analyzer the settings build, and one talking to a keyless endpoint. */
import { describe, expect, it } from 'vitest';
import { createLlmAnalyzer } from '../../../src/analyze/llm/index.js';
import { createLogger } from '../../../src/log.js';
import { loadLlmSettings } from '../../../src/shared/llm-settings.js';
import { startFakeOpenAi } from '../../../../tests/harness/fake-openai.js';
import { fake, useFakeEndpoint } from './fake-endpoint.js';
import { bundleOf, ENTRY_ID, llmJournal } from './helpers.js';

useFakeEndpoint();

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
});
