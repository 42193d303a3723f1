/**
 * Settings of the optional LLM analyzer, from the environment (add-on options
 * are merged in first through LLM_OPTION_ENV). Validated like config.ts: a bad
 * value is a SettingsError naming its variable. Every value that is set is
 * checked, whichever backend is chosen, so a typo never waits to bite.
 */
import * as v from 'valibot';
import { parseSetting, SettingsError } from './settings-parse.js';

export const LLM_BACKENDS = ['none', 'openai', 'ai_task'] as const;
/**
 * How an OpenAI-compatible endpoint is asked for JSON: a strict JSON Schema
 * (`json_schema`), JSON mode (`json_object`), or only the prompt (`prompt`), each
 * answer checked by the same schema. `auto` starts strict and steps down when
 * the endpoint refuses the format (older Ollama, LM Studio, llama.cpp servers).
 */
export const LLM_JSON_MODES = ['auto', 'json_schema', 'json_object', 'prompt'] as const;
export type LlmJsonMode = (typeof LLM_JSON_MODES)[number];
export type LlmBackendName = (typeof LLM_BACKENDS)[number];

/** The validated settings of the LLM analyzer. */
export interface LlmSettings {
  /** none: offline analysis only; openai: an OpenAI-compatible endpoint; ai_task: HA's AI Task. */
  backend: LlmBackendName;
  /** Base URL of the OpenAI-compatible API (…/v1). */
  baseUrl: string;
  /** Model name the endpoint knows; for ai_task, a label for the journal. */
  model: string;
  /** Key of the endpoint; null when it needs none (Ollama, LM Studio, vLLM). */
  apiKey: string | null;
  /** The ai_task entity to use; null means HA's preferred one. */
  aiTaskEntity: string | null;
  /** Model calls allowed per hour (repair attempts count). */
  callsPerHour: number;
  /** Longest wait for one model call. */
  timeoutS: number;
  /** How the OpenAI-compatible endpoint is asked for JSON. */
  jsonMode: LlmJsonMode;
  /** Price per million tokens, for the cost recorded per incident. */
  costPerMtok: { input: number; output: number };
  /** Once the month's recorded cost reaches this, the model is not asked until the next month; null: no cap. */
  monthlyCostCap: number | null;
}

export const OPENAI_BASE_URL = 'https://api.openai.com/v1';
const AI_TASK_MODEL = 'ai_task';

export { LLM_OPTION_ENV } from './llm-options.js';

const backend = v.pipe(
  v.string(),
  v.trim(),
  v.toLowerCase(),
  v.picklist(LLM_BACKENDS, `must be one of ${LLM_BACKENDS.join(', ')}`),
);
const baseUrl = v.pipe(
  v.string(),
  v.trim(),
  v.url('must be a URL such as http://homeassistant.local:11434/v1'),
  v.regex(/^https?:\/\//, 'must start with http:// or https://'),
  v.transform((s) => s.replace(/\/+$/, '')),
);
const text = v.pipe(
  v.string(),
  v.trim(),
  v.minLength(1, 'must not be empty'),
  v.maxLength(200, 'must be at most 200 characters'),
);
const secret = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));
const aiTaskEntity = v.pipe(
  v.string(),
  v.trim(),
  v.regex(/^ai_task\.[a-z0-9_]+$/, 'must be an ai_task entity id such as ai_task.openai_ai_task'),
);
const jsonMode = v.pipe(
  v.string(),
  v.trim(),
  v.toLowerCase(),
  v.picklist(LLM_JSON_MODES, `must be one of ${LLM_JSON_MODES.join(', ')}`),
);
const wholeNumber = (min: number, max: number) =>
  v.pipe(
    v.string(),
    v.trim(),
    v.regex(/^\d+$/, `must be a whole number between ${min} and ${max}`),
    v.transform(Number),
    v.minValue(min, `must be a whole number between ${min} and ${max}`),
    v.maxValue(max, `must be a whole number between ${min} and ${max}`),
  );
const price = v.pipe(
  v.string(),
  v.trim(),
  v.regex(/^\d+(?:\.\d+)?$/, 'must be a non-negative number such as 0.15'),
  v.transform(Number),
  v.maxValue(10_000, 'must be at most 10000'),
);

const costCap = v.pipe(
  v.string(),
  v.trim(),
  v.regex(/^\d+(?:\.\d+)?$/, 'must be a non-negative number such as 5 or 2.50'),
  v.transform(Number),
  v.maxValue(100_000, 'must be at most 100000'),
);

const parse = parseSetting;

type Env = Record<string, string | undefined>;

/** Read and validate the LLM settings; throws SettingsError naming the first bad variable. */
export function loadLlmSettings(env: Env = process.env): LlmSettings {
  const set = (name: string) => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? undefined : value;
  };
  const optional = <S extends v.GenericSchema<string, unknown>>(name: string, schema: S) => {
    const raw = set(name);
    return raw === undefined ? undefined : parse(name, schema, raw);
  };

  const kind = optional('LLM_OPS_LLM_BACKEND', backend) ?? 'none';
  const url = optional('LLM_OPS_LLM_BASE_URL', baseUrl);
  const model = optional('LLM_OPS_LLM_MODEL', text);
  const apiKey = optional('LLM_OPS_LLM_API_KEY', secret) ?? null;
  const entity = optional('LLM_OPS_LLM_AI_TASK_ENTITY', aiTaskEntity) ?? null;
  const settings: LlmSettings = {
    backend: kind,
    baseUrl: url ?? OPENAI_BASE_URL,
    model: model ?? (kind === 'ai_task' ? (entity ?? AI_TASK_MODEL) : ''),
    apiKey,
    aiTaskEntity: entity,
    callsPerHour: optional('LLM_OPS_LLM_CALLS_PER_HOUR', wholeNumber(1, 1000)) ?? 20,
    timeoutS: optional('LLM_OPS_LLM_TIMEOUT_S', wholeNumber(1, 600)) ?? 60,
    jsonMode: optional('LLM_OPS_LLM_JSON_MODE', jsonMode) ?? 'auto',
    costPerMtok: {
      input: optional('LLM_OPS_LLM_COST_INPUT_PER_MTOK', price) ?? 0,
      output: optional('LLM_OPS_LLM_COST_OUTPUT_PER_MTOK', price) ?? 0,
    },
    // 0 is no cap, as an empty option is: a cap of nothing would be `llm_backend: none`.
    monthlyCostCap: optional('LLM_OPS_LLM_MONTHLY_COST_CAP', costCap) || null,
  };
  if (kind === 'openai') {
    if (!model)
      throw new SettingsError(
        'LLM_OPS_LLM_MODEL',
        'is required with LLM_OPS_LLM_BACKEND=openai (the model name the endpoint knows, e.g. gpt-4.1-mini or llama3.1)',
      );
    // OpenAI itself always wants a key; local servers (Ollama, LM Studio, vLLM) usually do not.
    if (!apiKey && new URL(settings.baseUrl).hostname === 'api.openai.com')
      throw new SettingsError('LLM_OPS_LLM_API_KEY', `is required for ${OPENAI_BASE_URL}`);
  }
  return settings;
}
