import { describe, expect, it } from 'vitest';
import {
  LLM_OPTION_ENV,
  loadLlmSettings,
  OPENAI_BASE_URL,
} from '../../../src/shared/llm-settings.js';
import { SettingsError } from '../../../src/config.js';

function errorOf(env: Record<string, string>): SettingsError {
  try {
    loadLlmSettings(env);
  } catch (err) {
    if (err instanceof SettingsError) return err;
    throw err;
  }
  throw new Error('expected a SettingsError');
}

describe('loadLlmSettings', () => {
  it('defaults to no LLM, 20 calls per hour, no cost and no cap, JSON output chosen automatically', () => {
    expect(loadLlmSettings({})).toEqual({
      backend: 'none',
      baseUrl: OPENAI_BASE_URL,
      model: '',
      apiKey: null,
      aiTaskEntity: null,
      callsPerHour: 20,
      timeoutS: 60,
      jsonMode: 'auto',
      costPerMtok: { input: 0, output: 0 },
      monthlyCostCap: null,
    });
  });

  it('reads a monthly cost cap; 0 is no cap, a negative or wordy one is refused', () => {
    expect(loadLlmSettings({ LLM_OPS_LLM_MONTHLY_COST_CAP: '2.50' }).monthlyCostCap).toBe(2.5);
    expect(loadLlmSettings({ LLM_OPS_LLM_MONTHLY_COST_CAP: '0' }).monthlyCostCap).toBeNull();
    expect(errorOf({ LLM_OPS_LLM_MONTHLY_COST_CAP: '-1' }).setting).toBe(
      'LLM_OPS_LLM_MONTHLY_COST_CAP',
    );
    expect(errorOf({ LLM_OPS_LLM_MONTHLY_COST_CAP: '5 dollars' }).setting).toBe(
      'LLM_OPS_LLM_MONTHLY_COST_CAP',
    );
  });

  it('reads an OpenAI-compatible endpoint (a local one needs no key)', () => {
    const s = loadLlmSettings({
      LLM_OPS_LLM_BACKEND: 'OpenAI',
      LLM_OPS_LLM_BASE_URL: 'http://homeassistant.local:11434/v1/',
      LLM_OPS_LLM_MODEL: 'llama3.1',
      LLM_OPS_LLM_CALLS_PER_HOUR: '5',
      LLM_OPS_LLM_TIMEOUT_S: '30',
      LLM_OPS_LLM_COST_INPUT_PER_MTOK: '0.15',
      LLM_OPS_LLM_COST_OUTPUT_PER_MTOK: '0.6',
    });
    expect(s).toMatchObject({
      backend: 'openai',
      baseUrl: 'http://homeassistant.local:11434/v1',
      model: 'llama3.1',
      apiKey: null,
      callsPerHour: 5,
      timeoutS: 30,
      costPerMtok: { input: 0.15, output: 0.6 },
    });
  });

  it('requires a model for openai, and a key for api.openai.com', () => {
    expect(errorOf({ LLM_OPS_LLM_BACKEND: 'openai' }).setting).toBe('LLM_OPS_LLM_MODEL');
    expect(
      errorOf({ LLM_OPS_LLM_BACKEND: 'openai', LLM_OPS_LLM_MODEL: 'gpt-4.1-mini' }).setting,
    ).toBe('LLM_OPS_LLM_API_KEY');
    expect(
      loadLlmSettings({
        LLM_OPS_LLM_BACKEND: 'openai',
        LLM_OPS_LLM_MODEL: 'gpt-4.1-mini',
        LLM_OPS_LLM_API_KEY: 'sk-abc',
      }).apiKey,
    ).toBe('sk-abc');
  });

  it('reads the ai_task backend; the entity is optional (HA’s preferred one) but checked', () => {
    expect(loadLlmSettings({ LLM_OPS_LLM_BACKEND: 'ai_task' })).toMatchObject({
      backend: 'ai_task',
      aiTaskEntity: null,
      model: 'ai_task',
    });
    expect(
      loadLlmSettings({
        LLM_OPS_LLM_BACKEND: 'ai_task',
        LLM_OPS_LLM_AI_TASK_ENTITY: 'ai_task.fault_lab_ai',
      }),
    ).toMatchObject({ aiTaskEntity: 'ai_task.fault_lab_ai', model: 'ai_task.fault_lab_ai' });
    expect(errorOf({ LLM_OPS_LLM_AI_TASK_ENTITY: 'sensor.x' }).setting).toBe(
      'LLM_OPS_LLM_AI_TASK_ENTITY',
    );
  });

  it.each([
    ['LLM_OPS_LLM_BACKEND', 'claude', /must be one of none, openai, ai_task/],
    ['LLM_OPS_LLM_BASE_URL', 'not a url', /must be a URL/],
    ['LLM_OPS_LLM_BASE_URL', 'localhost:11434', /must start with http/],
    ['LLM_OPS_LLM_BASE_URL', 'ftp://x.example/v1', /must start with http/],
    ['LLM_OPS_LLM_CALLS_PER_HOUR', '0', /between 1 and 1000/],
    ['LLM_OPS_LLM_CALLS_PER_HOUR', '1001', /between 1 and 1000/],
    ['LLM_OPS_LLM_CALLS_PER_HOUR', '2.5', /whole number/],
    ['LLM_OPS_LLM_TIMEOUT_S', '601', /between 1 and 600/],
    ['LLM_OPS_LLM_COST_INPUT_PER_MTOK', '-1', /non-negative number/],
    ['LLM_OPS_LLM_COST_OUTPUT_PER_MTOK', 'cheap', /non-negative number/],
  ])('%s=%s is an error naming it', (name, value, message) => {
    const err = errorOf({ [name]: value });
    expect(err.setting).toBe(name);
    expect(err.message).toMatch(message);
  });

  it('checks values even when the backend does not use them, and treats empty as unset', () => {
    expect(errorOf({ LLM_OPS_LLM_BACKEND: 'none', LLM_OPS_LLM_TIMEOUT_S: 'x' }).setting).toBe(
      'LLM_OPS_LLM_TIMEOUT_S',
    );
    expect(loadLlmSettings({ LLM_OPS_LLM_BACKEND: '', LLM_OPS_LLM_MODEL: '  ' }).backend).toBe(
      'none',
    );
  });

  it('maps every add-on option to a variable it reads', () => {
    expect(Object.keys(LLM_OPTION_ENV).sort()).toEqual([
      'llm_ai_task_entity',
      'llm_api_key',
      'llm_backend',
      'llm_base_url',
      'llm_calls_per_hour',
      'llm_cost_input_per_mtok',
      'llm_cost_output_per_mtok',
      'llm_json_mode',
      'llm_model',
      'llm_monthly_cost_cap',
      'llm_timeout_s',
    ]);
    const env = Object.fromEntries(
      Object.values(LLM_OPTION_ENV).map((name) => [name, 'not valid at all']),
    );
    // Every mapped variable is validated: each, alone, is an error naming it (the key cannot be invalid).
    for (const name of Object.values(LLM_OPTION_ENV)) {
      if (name === 'LLM_OPS_LLM_API_KEY' || name === 'LLM_OPS_LLM_MODEL') continue;
      expect(errorOf({ [name]: env[name] ?? '' }).setting).toBe(name);
    }
  });
});
